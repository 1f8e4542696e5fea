"""One Python-Markdown setup for the checks, derived from the site's own
`markdown_extensions` (so a check reads a page as the site renders it),
which keeps the finished element tree of each conversion."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
from markdown.treeprocessors import Treeprocessor


class _KeepTree(Treeprocessor):
    """Runs after inline processing and keeps the finished element tree."""

    def run(self, root):
        self.md.kept_tree = root


class _KeepTreeExtension(markdown.Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_KeepTree(md), "keep_tree", 0)


@dataclass(frozen=True)
class MarkdownSetup:
    """The site's extensions and their settings, as MkDocs passes them."""

    extensions: tuple
    configs: dict

    @classmethod
    def of(cls, config) -> "MarkdownSetup":
        return cls(tuple(config.markdown_extensions), dict(config.mdx_configs))

    def new(self) -> markdown.Markdown:
        """A converter to reuse across pages (it is reset per page): building
        one is the slow part."""
        return markdown.Markdown(extensions=[*self.extensions, _KeepTreeExtension()],
                                 extension_configs=self.configs)


def render_tree(md: markdown.Markdown, text: str) -> etree.Element:
    md.reset()
    md.convert(text)
    return md.kept_tree
