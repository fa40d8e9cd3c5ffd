"""The roadmap as a vector PDF: document.py writes it (``export_pdf``); options.py holds its Qt-free options."""
