"""`iomstrat schema`: print the JSON Schema of strategy and table files."""

from __future__ import annotations

import typer

from iomstrat.cli.common import write
from iomstrat.loader.embedded import SCHEMA_FILE

SUMMARY = "Print the JSON Schema of strategy and table files."
"""The command's line in the list of commands (whole: not its help cut short)."""
EPILOG = (
    "Examples: iomstrat schema > strategy.schema.json; "
    f"iomstrat schema --output {SCHEMA_FILE} (refresh the repository's copy). "
    "Editors that use yaml-language-server check a file that starts with "
    "'# yaml-language-server: $schema=PATH-OR-URL' (iomstrat init writes it); CI checks "
    f"files with: check-jsonschema --schemafile {SCHEMA_FILE} FILE.... The schema refuses "
    "what validate refuses of single values; sums and years are left to validate. "
    "Exit codes: 0 ok; 2 cannot write."
)


def command(
    output: str = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to this file."),
) -> None:
    """Print the JSON Schema (Draft 2020-12) of strategy and table files, fields described."""
    from iomstrat.core.schema import schema_text  # here, not above: it builds the models' schema

    write(schema_text(), output)
