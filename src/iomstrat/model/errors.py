"""File to model: runs the loader, validates with pydantic, and turns model errors into findings."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from iomstrat.findings import DataPath, Diagnostic, Phrase, phrase
from iomstrat.loader import documents as loader
from iomstrat.model import strategy as model
from iomstrat.model.base import got

INVALID_VALUE = "IOM020"
UNKNOWN_KEY = "IOM021"
MISSING_KEY = "IOM022"

M = TypeVar("M", bound=BaseModel)

STRATEGY_LIMITS = loader.Limits(max_bytes=2 * 2**20, max_nodes=100_000)
"""A strategy file is a few kB and ~200 values; these bounds keep any file under 10 s and
512 MiB while leaving room for a 1 MB text to reach the model's own length check."""


class Reading(NamedTuple):
    """One file as read: the loader's document and, when it is valid, the strategy."""

    document: loader.Document
    strategy: model.Strategy | None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.document.diagnostics


def format_path(path: DataPath) -> str:
    text = ""
    for part in path:
        shown = loader.echo(str(part))
        text += (
            f"[{shown}]" if isinstance(part, int) and not isinstance(part, bool) else f".{shown}"
        )
    return text.lstrip(".") or "(top level)"


_PART = re.compile(r"\.?([^.\[\]]+)|\[([0-9]+)\]")


def parse_path(text: str) -> DataPath | None:
    """`format_path`'s text back to a data path: `cover.commitment.total`,
    `budget.totals[1].stated.2024` (digits after a point are a year key); None if malformed."""
    parts: list[str | int] = []
    at = 0
    text = text.strip()
    while at < len(text):
        match = _PART.match(text, at)
        if match is None or (match[1] is not None and at > 0 and text[at] != "."):
            return None
        key, index = match[1], match[2]
        parts.append(int(index) if index is not None else int(key) if key.isdigit() else key)
        at = match.end()
    return tuple(parts) or None


def validate_as(document: loader.Document, cls: type[M]) -> M | None:
    """Validate the document's data as `cls`; add a finding for every problem pydantic reports."""
    if document.data is None or not document.ok:
        return None
    if not cls.__pydantic_complete__:  # built at first use (`defer_build`)
        with _pydantic_plugins_off():
            cls.model_rebuild()
    try:
        return cls.model_validate(document.data)
    except ValidationError as error:
        items = error.errors(include_url=False)
        # A lean document reads its text once more for all the positions these findings need.
        document.complete_positions(_path(item) for item in items)
        for item in items:
            document.diagnostics.append(_diagnostic(document, cls, item))
        return None


PLUGINS = "PYDANTIC_DISABLE_PLUGINS"


@contextmanager
def _pydantic_plugins_off() -> Iterator[None]:
    """While a model is built: pydantic looks for plugins in the entry points of every
    installed distribution (about 20 ms where 300 are installed); iomstrat's models are its
    own and take none (typer builds its option adapters so too)."""
    before = os.environ.get(PLUGINS)
    os.environ[PLUGINS] = "__all__"
    try:
        yield
    finally:
        if before is None:
            del os.environ[PLUGINS]
        else:
            os.environ[PLUGINS] = before


def read_strategy(path: str, *, display_name: str | None = None) -> Reading:
    document = loader.load(path, display_name=display_name, limits=STRATEGY_LIMITS)
    return Reading(document, validate_as(document, model.Strategy))


def _path(item: Any) -> DataPath:
    return tuple(part for part in item["loc"] if part != "[key]")


def _diagnostic(document: loader.Document, cls: type[BaseModel], item: Any) -> Diagnostic:
    loc = _path(item)
    kind = item["type"]
    if kind == "extra_forbidden":
        known = _field_names(cls, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        unknown: dict[str, Any] = {"parent": loc[:-1], "name": loader.echo(str(loc[-1]))}
        if close:
            return document.finding(
                UNKNOWN_KEY, loc, key=True, kind="suggest", **unknown, suggestion=close[0]
            )
        return document.finding(
            UNKNOWN_KEY, loc, key=True, kind="known", **unknown, known=tuple(known)
        )
    if kind == "missing":
        return document.finding(MISSING_KEY, loc, at=loc)
    problem = _problem(kind, item)
    if "[key]" in item["loc"]:
        key = loader.echo(str(loc[-1]))
        year = isinstance(loc[-1], str) and loc[-1].isdigit()
        return document.finding(
            INVALID_VALUE,
            loc,
            key=True,
            kind="quoted_year" if year else "key",
            at=loc,
            name=key,
            problem=problem,
        )
    return document.finding(INVALID_VALUE, loc, kind="value", at=loc, problem=problem)


_GOT = {"int_type", "decimal_type", "bool_type", "date_type"}
"""pydantic's errors of a value of the wrong type, quoted with what the value is."""
_CHOICES = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _problem(kind: str, item: Any) -> Phrase:
    """What is wrong with a value, as a phrase of `codes.PHRASES` (`value.KIND`) with the values
    it quotes: the model's own refusals carry theirs, pydantic's are read from its context."""
    context = item.get("ctx") or {}
    value = item.get("input")
    if kind.startswith("iom_"):
        return phrase(f"value.{kind[4:]}", **context)
    if kind in _GOT:
        return phrase(f"value.{kind}", got=got(value))
    if kind == "string_type":
        quote = not isinstance(value, (dict, list, type(None)))
        return phrase("value.string_quote" if quote else "value.string_type", got=got(value))
    if kind == "literal_error":
        choices = tuple(_CHOICES.findall(str(context.get("expected", ""))))
        if isinstance(value, str):
            return phrase("value.choice_text", choices=choices, text=loader.echo(value))
        return phrase("value.choice", choices=choices)
    bound = {"greater_than_equal": "ge", "less_than_equal": "le", "greater_than": "gt"}
    bound |= {"less_than": "lt"}
    if kind in bound:
        return phrase(f"value.{kind}", bound=context.get(bound[kind]))
    if kind in ("string_too_long", "string_too_short"):
        most = context.get("max_length", context.get("min_length"))
        return phrase(f"value.{kind}", characters=most)
    if kind == "string_pattern_mismatch":
        return phrase("value.pattern", pattern=context.get("pattern"))
    if kind in ("too_short", "too_long") and context.get("field_type") == "List":
        most = context.get("max_length", context.get("min_length"))
        return phrase(f"value.list_{kind}", items=most, actual=context.get("actual_length"))
    if kind in ("dict_type", "list_type"):
        return phrase(f"value.{kind}")
    return phrase("value.other", detail=str(item["msg"]).removeprefix("Value error, "))


def _field_names(cls: type[BaseModel], path: DataPath) -> list[str]:
    """Field names of the model found at `path` below `cls`, for 'did you mean' hints."""
    current: Any = cls
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _model_in(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """The BaseModel class inside an annotation such as `list[X]` or `X | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
