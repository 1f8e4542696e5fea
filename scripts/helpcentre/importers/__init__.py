"""Importers from hosted help centres: each reads an export and writes this
project's layout (docs/<category>/<slug>.<lang>.md, images in docs/assets/,
old addresses kept alive). Run by scripts/import_help_centre.py; the build
never imports them."""
