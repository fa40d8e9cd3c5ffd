"""Qt adapters over the domain: item models, the project document and its undo stack."""
