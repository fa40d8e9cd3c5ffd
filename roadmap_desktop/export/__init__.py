"""Page exports of a project: the roadmap PDF (pdf/) and the timeline as a PNG (png.py); QtGui only."""
