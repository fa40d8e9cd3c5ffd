"""Qt widgets: the main window, the entity editors, dialogs and settings."""
