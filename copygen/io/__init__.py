"""Reading and writing files: products, rows of any supported format, drafts."""
