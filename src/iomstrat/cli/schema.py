"""`iomstrat schema`: print the JSON Schema of a strategy file."""

from __future__ import annotations

import typer

from iomstrat.cli.common import write
from iomstrat.schema import SCHEMA_FILE, schema_text

EPILOG = (
    "Examples: iomstrat schema > strategy.schema.json; "
    f"iomstrat schema --output {SCHEMA_FILE} (refresh the repository's copy). "
    "Editors that use yaml-language-server check a file that starts with "
    "'# yaml-language-server: $schema=PATH-OR-URL'. Exit codes: 0 ok; 2 cannot write."
)


def command(
    output: str = typer.Option(None, "--output", "-o", metavar="FILE", help="Write to this file."),
) -> None:
    """Print the JSON Schema (Draft 2020-12) of a strategy file, with a description per field."""
    write(schema_text(), output)
