"""QtGui painting shared by the screen, the workshop presenter and the PDF: timeline, heat map, colours (no widgets)."""
