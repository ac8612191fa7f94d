"""The portal's date styles on top of Django's Dutch formats (settings.FORMAT_MODULE_PATH)."""
