"""Shared, pure logic for the help centre: parsing, checking and rendering.

The MkDocs hooks in overrides/hooks/ and the command-line checks in scripts/
both import from here, so the build and `make check` can never disagree.
"""
