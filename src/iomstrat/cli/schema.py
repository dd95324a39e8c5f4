"""`iomstrat schema`: print the JSON Schema of a strategy file."""

from __future__ import annotations

import typer

from iomstrat.cli.common import write
from iomstrat.loader.embedded import SCHEMA_FILE

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
    from iomstrat.core.schema import schema_text  # here, not above: it builds the models' schema

    write(schema_text(), output)
