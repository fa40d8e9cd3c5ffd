"""The guided workshop: the step bar with its timers, the controller that drives the main window, the presenter view."""
