"""The helpcentre plugin (plugin.py) and the pure logic it shares with the
command-line checks and the writers' preview: parsing, checking and
rendering, so the build, `make check` and `make serve` can never disagree.
"""
