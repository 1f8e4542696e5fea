"""What the command-line checks share: the project they check (mkdocs.yml,
loaded and validated by MkDocs itself, so the checks and the build agree on
languages, extensions, templates and the plugin's settings), the report with
its exit code (0 clean, 1 findings, 2 usage or configuration error)."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from helpcentre.conversion import ConversionUnavailable, require_opencc
from helpcentre.dates import ClockError
from helpcentre.findings import Finding, format_findings, summary
from helpcentre.languages import LanguageError, Languages, languages_of
from helpcentre.markdown_setup import MarkdownSetup
from helpcentre.site import Site

PLUGIN_NAME = "helpcentre"


class UsageError(Exception):
    """Exit code 2, with the message on stderr."""


@dataclass
class Project:
    config: object  # MkDocsConfig
    languages: Languages
    docs_dir: Path
    root: Path

    @property
    def settings(self):
        return self.config.plugins[PLUGIN_NAME].config

    def site(self) -> Site:
        """The content model of the docs folder, loaded once."""
        try:
            return Site.load(self.docs_dir, self.root, self.languages, self.settings, self.config.theme.get_env(),
                             MarkdownSetup.of(self.config))
        except ClockError as error:
            raise UsageError(str(error)) from error


def load_project(config_file: Path, docs_dir: Path | None = None, root: Path | None = None) -> Project:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    if not config_file.is_file():
        raise UsageError(f"{config_file} not found: run the check from the project folder, or pass --config-file")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, Abort) as error:  # Abort: a warning under `strict: true`
        raise UsageError(f"{config_file} is not a valid configuration: {error}") from error
    if PLUGIN_NAME not in config.plugins:
        raise UsageError(f"{config_file} does not use the {PLUGIN_NAME} plugin (plugins: - {PLUGIN_NAME})")
    try:
        languages = languages_of(config, config.plugins[PLUGIN_NAME].config)
    except LanguageError as error:
        raise UsageError(f"{config_file}: {error}") from error
    if languages.converted:
        try:
            require_opencc()
        except ConversionUnavailable as error:
            raise UsageError(str(error)) from error
    docs = docs_dir if docs_dir is not None else Path(config.docs_dir)
    if not docs.is_dir():
        raise UsageError(f"{docs} is not a folder")
    return Project(config, languages, docs, root or Path.cwd())


def parser_for(doc: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--config-file", default="mkdocs.yml", type=Path,
                        help="the site's configuration (default: mkdocs.yml)")
    parser.add_argument("--docs-dir", type=Path, help="the docs folder (default: the configuration's docs_dir)")
    return parser


def project_of(args) -> Project:
    return load_project(args.config_file, args.docs_dir)


def require_registry(site: Site) -> None:
    if site.registry is None:
        print(format_findings([f for f in site.findings if f.rule.startswith("REGISTRY")]))
        raise UsageError("the registry is invalid; fix it first")


def report(findings: list[Finding], checked: int) -> int:
    if findings:
        print(format_findings(findings))
    print(summary(findings, checked))
    return 1 if findings else 0


def run(main) -> int:
    """Call `main()`, turning a UsageError into exit code 2."""
    try:
        return main()
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
