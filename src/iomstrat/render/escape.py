"""Text made safe for an output: any UTF-8 stream, GitHub workflow commands."""

from __future__ import annotations

import re

from iomstrat.findings import printable

_SURROGATE = "[\ud800-\udfff]"  # compiled by `re` on first use: most text is ASCII


def encodable(text: str) -> str:
    """Text any UTF-8 output takes: a byte of a file name that is not UTF-8 (a lone surrogate
    in Python) becomes U+FFFD, never an encoding error."""
    return text if text.isascii() else re.sub(_SURROGATE, "\ufffd", text)


def workflow_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF escaped, so that no text of a file can end
    the command or start another on a line of its own."""
    escaped = encodable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)  # nor an escape sequence (the log shows colours) or bidi text


def workflow_property(text: str) -> str:
    """A workflow command's property value (file=…, title=…): also `:` and `,`."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")
