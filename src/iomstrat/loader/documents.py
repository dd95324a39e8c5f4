"""Bytes to plain data with source positions; owns every YAML trap, knows nothing of budgets.

The YAML text is read as an event stream (libyaml's C parser when present) and
built into dicts, lists and scalars here, so that nothing is ever constructed
from a tag, aliases are counted instead of expanded, and duplicate keys,
YAML 1.1 booleans and octal-looking numbers are reported instead of silently
changing what the author wrote.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

import yaml

from iomstrat.findings import MAX_ECHO as MAX_ECHO  # re-exported: messages quote at most this
from iomstrat.findings import DataPath, Diagnostic, Severity, finding
from iomstrat.findings import echo as echo
from iomstrat.loader import files
from iomstrat.loader.gcpause import collector_paused

MAX_BYTES = 32 * 1024 * 1024
"""Largest file read; a strategy is a few kB, a YAML payment ledger of 100 000 records ~12 MB."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences; a strategy needs 6."""
MAX_ALIAS_NODES = 10_000
"""Most nodes that aliases may repeat in one file; stops alias bombs before they grow."""
MAX_NODES = 5_000_000
"""Most values (scalars, mappings, lists) in one file, by default; callers may set fewer."""
MAX_DIGITS = 30
"""Most digits in one number written out (so 1e400 has 401); larger ones are accidents."""
MAX_KEY_CHARS = 200
"""Longest mapping key; keys are names and years, not text."""

Parser: Any = getattr(yaml, "CParser", yaml.parser.Parser)
_Reader: Any = yaml.reader.Reader
_Scanner: Any = yaml.scanner.Scanner

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:timestamp",
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_YAML11_BOOLS = {
    word
    for base in ("yes", "no", "on", "off", "y", "n")
    for word in (base, base.capitalize(), base.upper())
}
YAML11_BOOLEANS = frozenset(_YAML11_BOOLS)
"""Plain words that YAML 1.1 readers take for true/false (IOM005); the JSON Schema refuses them."""
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+")
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {
    ".nan": "NaN",
    ".NaN": "NaN",
    ".NAN": "NaN",
    ".inf": "Infinity",
    ".Inf": "Infinity",
    ".INF": "Infinity",
    "+.inf": "Infinity",
    "+.Inf": "Infinity",
    "+.INF": "Infinity",
    "-.inf": "-Infinity",
    "-.Inf": "-Infinity",
    "-.INF": "-Infinity",
}
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Digits, a point, maybe digits: neither special, nor octal-looking, nor an int; a decimal
# whose digits, written out, are no more than its characters.
_POINT_DECIMAL = re.compile(r"[-+]?[0-9]+\.[0-9]*")
# What YAML forbids in a stream (PyYAML's Reader.NON_PRINTABLE), checked before parsing so
# that the finding has a line and column.
_NOT_YAML_TEXT = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# A number that a comma split in two inside a flow collection: `{2023: 1,500}` (thousands)
# or `{2024: 47,5}` (a Danish decimal comma).
_SPLIT_HEAD = re.compile(r"[-+]?[0-9]{1,15}")
_SPLIT_TAIL = re.compile(r"[0-9]+")
# Numbers as Danish (and English) hands type them, each answered with what to write.
_DECIMAL_COMMA = re.compile(r"([-+]?[0-9]+),([0-9]+)")  # 47,5 (or 1,500: thousands?)
_COMMA_GROUPS = re.compile(r"[-+]?[1-9][0-9]{0,2}(?:,[0-9]{3}){2,}")  # 1,500,000
_POINT_GROUPS = re.compile(r"([-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+)(?:,([0-9]+))?")  # 90.000.000
_POINT_GROUP_ONCE = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{3}")  # 2.055: 2055 in Danish?
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})([-./])([0-9]{1,2})\2([0-9]{4})")  # 15-03-2023

# Codes of this layer.
UNREADABLE = "IOM001"
NOT_TEXT = "IOM002"
SYNTAX = "IOM003"
DUPLICATE_KEY = "IOM004"
AMBIGUOUS_SCALAR = "IOM005"
TAG = "IOM006"
ALIAS_LIMIT = "IOM007"
TOO_DEEP = "IOM008"
TOO_LARGE = "IOM009"
NUMBER_TOO_LONG = "IOM010"
NOT_A_DOCUMENT = "IOM011"


class Limits(NamedTuple):
    """How much one file may hold; the strategy reader sets tighter ones than these defaults."""

    max_bytes: int = MAX_BYTES
    max_nodes: int = MAX_NODES


DEFAULT_LIMITS = Limits()


class Position(NamedTuple):
    # A named tuple, not a frozen dataclass: one is made per key and value read, and a tuple
    # takes a quarter less time to make and a quarter less memory.
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Document:
    """What the loader read: the data, where each value and key stands, and any findings."""

    name: str
    data: Any = None
    values: dict[DataPath, Position] = field(default_factory=dict)
    keys: dict[DataPath, Position] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # A lean document (see `load_text`) keeps its text, to read again for positions it did not
    # keep: those of the keys and scalars of the mappings and lists in `detailed`.
    source: tuple[str, Limits] | None = field(default=None, repr=False, compare=False)
    detailed: set[DataPath] = field(default_factory=set, repr=False, compare=False)

    def position(self, path: DataPath) -> Position:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        if self.source is not None and path not in self.values and not self._kept(path):
            self.complete_positions([path])
        for end in range(len(path), -1, -1):
            found = self.values.get(path[:end])
            if found is not None:
                return found
        return Position(1, 1)

    def key_position(self, path: DataPath) -> Position:
        if self.source is not None and not self._kept(path):
            self.complete_positions([path])
        return self.keys.get(path) or self.position(path)

    def _kept(self, path: DataPath) -> bool:
        """Whether a lean document kept every position that `path`'s lookup may return."""
        return all(path[:end] in self.detailed for end in range(len(path)))

    def complete_positions(self, paths: Iterable[DataPath]) -> None:
        """Read a lean document's text again, keeping the positions of every key and value on
        the way to `paths` as well (see `load_text`). Only findings ask, so a clean file is read
        once; ask for the paths of all findings at once to read it twice at most."""
        if self.source is None:
            return
        detailed = self.detailed | {path[:end] for path in paths for end in range(len(path))}
        if detailed == self.detailed:
            return
        text, limits = self.source
        again = Document(self.name)
        if not _build_lean(again, text, limits, detailed):  # pragma: no cover - read clean once
            again = load_text(self.name, text, limits)
            self.source = None
        self.values, self.keys, self.detailed = again.values, again.keys, detailed

    def finding(
        self,
        code: str,
        path: DataPath,
        /,
        *,
        key: bool = False,
        kind: str = "",
        severity: Severity | None = None,
        **values: Any,
    ) -> Diagnostic:
        """A catalogued finding at the value (or `key`) at `path`: see `findings.finding`."""
        pos = self.key_position(path) if key else self.position(path)
        return finding(
            self.name, pos.line, pos.column, code, path, kind=kind, severity=severity, **values
        )

    @property
    def ok(self) -> bool:
        return not any(d.severity >= Severity.ERROR for d in self.diagnostics)


def read_bytes(
    path: str, limits: Limits = DEFAULT_LIMITS, name: str | None = None
) -> tuple[bytes | None, Diagnostic | None]:
    """Read a file (or standard input for `-`), refusing what is too big or not a file."""
    limit = limits.max_bytes

    def fail(kind: str, **values: Any) -> tuple[None, Diagnostic]:
        return None, finding(name or path, 1, 1, UNREADABLE, kind=kind, **values)

    if path == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            return fail("stdin_too_large", max_bytes=limit)
        return data, None
    try:
        handle, info = files.open_regular(path)  # a FIFO or a device: refused, never waited on
        with handle:
            if info.st_size > limit:
                return fail("too_large", size=info.st_size, max_bytes=limit)
            data = handle.read(limit + 1)
    except files.NotRegular as error:
        if error.kind == "directory":
            return fail("directory")
        return fail("not_regular", is_a=error.kind)
    except FileNotFoundError:
        if os.path.islink(path):
            return fail("broken_link")
        return fail("missing")
    except IsADirectoryError:
        return fail("directory")
    except PermissionError:
        return fail("permission")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return fail("loop")
        return fail("os_error", reason=echo(str(error.strerror or error)))
    if len(data) > limit:
        return fail("grew", max_bytes=limit)
    return data, None


def decode(name: str, data: bytes) -> tuple[str | None, Diagnostic | None]:
    """Bytes to text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM; anything else is refused."""

    def fail(kind: str, line: int = 1, column: int = 1, **values: Any) -> tuple[None, Diagnostic]:
        return None, finding(name, line, column, NOT_TEXT, kind=kind, **values)

    if data.startswith(b"\x1f\x8b"):
        return fail("gzip")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return fail("utf32")
    if _utf16_without_bom(data[:4]):
        return fail("utf16_no_bom")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return fail("utf16_invalid")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            start, kind = error.start, "utf8_invalid"
            nul = data.find(b"\x00", 0, start)
            if nul >= 0:  # binary data: say so at its first NUL, not at a later odd byte
                start, kind = nul, "nul"
            line = data.count(b"\n", 0, start) + 1
            column = start - (data.rfind(b"\n", 0, start) + 1) + 1
            return fail(kind, line, column)
    text = text.removeprefix("\ufeff")
    bad = _NOT_YAML_TEXT.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        if bad.group() == "\x00":
            return fail("nul", line, column)
        return fail("control", line, column, codepoint=ord(bad.group()))
    stray = text.find("\ufeff")
    if stray >= 0:  # YAML parsers disagree on it (libyaml skips it, PyYAML keeps it)
        line = text.count("\n", 0, stray) + 1
        column = stray - (text.rfind("\n", 0, stray) + 1) + 1
        return fail("bom_inside", line, column)
    return text, None


def _utf16_without_bom(head: bytes) -> bool:
    """ASCII text saved as UTF-16 without a byte-order mark: every other byte is zero."""
    if len(head) < 4:
        return False
    little = head[1] == head[3] == 0 and head[0] != 0 and head[2] != 0
    big = head[0] == head[2] == 0 and head[1] != 0 and head[3] != 0
    return little or big


def load(
    path: str,
    *,
    display_name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    lean: bool = False,
) -> Document:
    """Read and parse one YAML file into a Document; never raises for bad input."""
    name = display_name or path
    data, problem = read_bytes(path, limits, name)
    if problem is not None or data is None:
        return Document(name, diagnostics=[problem] if problem else [])
    return load_bytes(name, data, limits, lean=lean)


def load_bytes(
    name: str, data: bytes, limits: Limits = DEFAULT_LIMITS, *, lean: bool = False
) -> Document:
    if len(data) > limits.max_bytes:
        too_large = finding(
            name,
            1,
            1,
            UNREADABLE,
            kind="input_too_large",
            size=len(data),
            max_bytes=limits.max_bytes,
        )
        return Document(name, diagnostics=[too_large])
    text, problem = decode(name, data)
    if problem is not None or text is None:
        return Document(name, diagnostics=[problem] if problem else [])
    return load_text(name, text, limits, lean=lean)


def load_text(
    name: str, text: str, limits: Limits = DEFAULT_LIMITS, *, lean: bool = False
) -> Document:
    """Parse YAML text into a Document. A `lean` one keeps the positions of collections and
    list items only (a ledger's records), in half the time and a third of the memory; a question
    about any other position reads the text again, keeping the positions on the way to it (see
    `Document.complete_positions`). A file with a finding, or with a tag, alias, merge key or
    second document, is read in full from the start."""
    if lean:
        doc = Document(name, source=(text, limits))
        if _build_lean(doc, text, limits, None):
            return doc
    doc = Document(name)
    try:
        # Millions of objects for a large file, and no reference cycles: see gcpause.
        with collector_paused():
            _Builder(doc, limits).build(yaml.parse(text, Loader=_loader_class()))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        if "nesting depth" in problem:  # newer libyaml stops deep flow nesting itself
            found = finding(name, line, column, TOO_DEEP, kind="deep", most=MAX_DEPTH)
        else:
            kind, hint = _syntax_hint(text, line, column)
            found = finding(name, line, column, SYNTAX, kind=kind, problem=echo(problem), **hint)
        doc.diagnostics.append(found)
        doc.data = None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        doc.diagnostics.append(
            finding(
                name,
                line,
                column,
                NOT_TEXT,
                kind="yaml_character",
                severity=Severity.ERROR,
                codepoint=error.character,
            )
        )
        doc.data = None
    except yaml.YAMLError as error:
        doc.diagnostics.append(finding(name, 1, 1, SYNTAX, kind="yaml", problem=echo(str(error))))
        doc.data = None
    except _Stop:
        doc.data = None
    return doc


def _build_lean(doc: Document, text: str, limits: Limits, detailed: set[DataPath] | None) -> bool:
    """Build `doc` with the lean builder; False if the full one must read the text."""
    try:
        parser = _loader_class()(text)
        try:  # the parser's own events, without yaml.parse's generator around each
            with collector_paused():
                _LeanBuilder(doc, limits, detailed).build(iter(parser.get_event, None))
        finally:
            parser.dispose()
    except (_NeedFull, yaml.YAMLError):
        return False
    return True


def _syntax_hint(text: str, line: int, column: int) -> tuple[str, dict[str, Any]]:
    """What people most often did wrong when the parser stops here (a tab, an unclosed quote):
    the kind of the syntax finding and the values it adds."""
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return "syntax", {}
    here = lines[line - 1]
    if "\t" in here[: column + 1]:
        return "syntax_tab", {}
    for number in range(line - 1, max(line - 20, 0), -1):
        before = lines[number - 1].split(" #")[0]
        if before.lstrip().startswith("#"):
            continue
        if (before.count('"') - before.count('\\"')) % 2:
            return "syntax_quote", {"opened": number}
    return "syntax", {}


def _loader_class() -> Any:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Stop(Exception):
    """Raised inside the builder once a finding makes reading on pointless."""


class _Node:
    """A collection being built: its path, value, and for mappings the key awaiting a value.
    A plain class with slots, not a dataclass: one is made per mapping and list read, and the
    class itself costs no generated methods at start-up."""

    __slots__ = (
        "anchor",
        "key",
        "key_path",
        "key_pending",
        "key_seen",
        "merges",
        "nodes",
        "path",
        "value",
    )

    def __init__(self, path: DataPath, value: Any, anchor: str | None = None) -> None:
        self.path = path
        self.value = value
        self.nodes = 1
        self.anchor = anchor
        self.key: Any = None
        self.key_path: DataPath = ()  # path of the value awaited for `key`
        self.key_pending = False
        self.key_seen: dict[str, int] = {}
        self.merges: list[tuple[Any, Position]] = []


class _Merge:
    """The plain key `<<` (YAML's merge key); a quoted "<<" is an ordinary text key."""

    def __str__(self) -> str:
        return "<<"


_MERGE = _Merge()


class _Builder:
    def __init__(self, doc: Document, limits: Limits) -> None:
        self.doc = doc
        self.values = doc.values
        self.keys = doc.keys
        self.limits = limits
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_nodes = 0
        self.nodes = 0
        self.documents = 0
        self.duplicates = 0
        self.previous: Any = None  # the event before this one
        self.split_tail = False  # the next key is the tail of a number split at a comma

    def error(
        self,
        pos: Position,
        code: str,
        kind: str,
        *,
        stop: bool = False,
        severity: Severity | None = None,
        **values: Any,
    ) -> None:
        """A finding of the YAML text at `pos`: its code, its kind and the values it quotes."""
        self.doc.diagnostics.append(
            finding(
                self.doc.name, pos.line, pos.column, code, kind=kind, severity=severity, **values
            )
        )
        if stop:
            raise _Stop

    def build(self, events: Any) -> None:
        stack: list[_Node] = []
        root: list[Any] = []
        # Locals, not attribute look-ups: this loop runs once per event, millions of times.
        scalar_event, mapping_start, sequence_start, mapping_end, sequence_end = (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
            yaml.MappingEndEvent,
            yaml.SequenceEndEvent,
        )
        add, scalar = self.add, self.scalar
        max_nodes = self.limits.max_nodes
        for event in events:
            mark = event.start_mark
            pos = Position(mark.line + 1, mark.column + 1)
            kind = type(event)
            if kind is scalar_event:
                self.nodes += 1
                if self.nodes > max_nodes:
                    self.too_many_nodes(pos)
                if event.tag is not None:
                    self.check_tag(event.tag, pos)
                if type(self.previous) is scalar_event:
                    self.check_thousands(stack, event)
                add(stack, root, scalar(event, pos), pos, 1, event.anchor)
            elif kind is mapping_start or kind is sequence_start:
                self.nodes += 1
                if self.nodes > max_nodes:
                    self.too_many_nodes(pos)
                self.check_tag(event.tag, pos)
                if len(stack) >= MAX_DEPTH:
                    self.error(pos, TOO_DEEP, "deep", stop=True, most=MAX_DEPTH)
                path = self.child_path(stack, pos)
                container: Any = {} if kind is mapping_start else []
                self.values[path] = pos
                stack.append(_Node(path, container, anchor=event.anchor))
            elif kind is mapping_end or kind is sequence_end:
                node = stack.pop()
                if kind is mapping_end:
                    self.apply_merges(node)
                self.add(stack, root, node.value, None, node.nodes, node.anchor)
            elif kind is yaml.AliasEvent:
                if event.anchor not in self.anchors:
                    self.error(pos, SYNTAX, "unknown_alias", stop=True, alias=echo(event.anchor))
                target, nodes = self.anchors[event.anchor]
                self.alias_nodes += nodes
                if self.alias_nodes > MAX_ALIAS_NODES:
                    self.error(pos, ALIAS_LIMIT, "bomb", stop=True, most=MAX_ALIAS_NODES)
                self.add(stack, root, target, pos, nodes, None)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    self.error(pos, NOT_A_DOCUMENT, "documents", stop=True)
            self.previous = event
        if not root:
            self.error(Position(1, 1), NOT_A_DOCUMENT, "empty", stop=True)
        self.doc.data = root[0]
        if not isinstance(self.doc.data, dict):
            top = "top_list" if isinstance(self.doc.data, list) else "top_value"
            self.error(Position(1, 1), NOT_A_DOCUMENT, top, stop=True)

    def too_many_nodes(self, pos: Position) -> None:
        self.error(pos, TOO_LARGE, "values", stop=True, most=self.limits.max_nodes)

    def check_thousands(self, stack: list[_Node], event: Any) -> None:
        """`{2023: 1,500}` reads as 2023: 1 and a key 500 without a value, `{2024: 47,5}` as
        2024: 47 and a key 5: say what happened and what to write, once. The value becomes
        the number meant and the stray key is dropped, so that nothing else reports them."""
        before: Any = self.previous
        if not _split_number(stack, before, event):
            return
        first: Any = before.start_mark
        head, tail = before.value, event.value
        meant, advice = _comma(head, tail)
        self.error(
            Position(first.line + 1, first.column + 1),
            AMBIGUOUS_SCALAR,
            f"split_{advice.pop('kind')}",
            text=echo(f"{head},{tail}"),
            **advice,
        )
        parent = stack[-1]
        parent.value[parent.key] = meant
        self.split_tail = True

    def child_path(self, stack: list[_Node], pos: Position) -> DataPath:
        if not stack:
            return ()
        parent = stack[-1]
        if isinstance(parent.value, list):
            return (*parent.path, len(parent.value))
        if not parent.key_pending:
            self.error(pos, SYNTAX, "collection_key", stop=True)
        return (*parent.path, parent.key)

    def add(
        self,
        stack: list[_Node],
        root: list[Any],
        value: Any,
        pos: Position | None,
        nodes: int,
        anchor: str | None,
    ) -> None:
        if value is _MERGE and (
            not stack or not isinstance(stack[-1].value, dict) or stack[-1].key_pending
        ):
            value = "<<"  # only a key merges
        if anchor is not None:
            self.anchors[anchor] = (value, nodes)
        if not stack:
            root.append(value)
            return
        parent = stack[-1]
        parent.nodes += nodes
        if type(parent.value) is list:
            if pos is not None:
                self.values[(*parent.path, len(parent.value))] = pos
            parent.value.append(value)
            return
        if not parent.key_pending:
            assert pos is not None  # a collection as key was refused in child_path
            if isinstance(value, (dict, list)):
                self.error(pos, SYNTAX, "collection_key", stop=True)
            self.start_key(parent, value, pos)
            return
        parent.key_pending = False
        if parent.key is _MERGE:
            parent.merges.append((value, pos or self.doc.position(parent.path)))
            return
        if pos is not None:
            self.values[parent.key_path] = pos
        parent.value[parent.key] = value

    def start_key(self, parent: _Node, key: Any, pos: Position) -> None:
        if type(key) is str:
            key = sys.intern(key)  # a list of records repeats the same few keys
        parent.key = key
        parent.key_pending = True
        if key is _MERGE:
            return
        if self.split_tail:  # reported with the number it was split from (check_thousands)
            self.split_tail = False
            parent.key = _Ignored()
            parent.key_path = (*parent.path, parent.key)
            self.duplicates += 1
            return
        text = str(key)
        if len(text) > MAX_KEY_CHARS:
            self.error(pos, TOO_LARGE, "key", stop=True, count=len(text), most=MAX_KEY_CHARS)
        first = parent.key_seen.get(text)
        if first is None and key in parent.value:  # 1 and true, 1.0 and 1.00: equal keys
            first = self.doc.keys.get((*parent.path, key), pos).line
        if first is not None:
            self.error(pos, DUPLICATE_KEY, "", text=echo(text), first=first)
            # Keep the first value: reading on finds more problems in one run.
            parent.key = _Ignored()
            parent.key_path = (*parent.path, parent.key)
            self.duplicates += 1
            return
        parent.key_seen[text] = pos.line
        # One tuple for the key's and the value's path: a large file has millions of them.
        parent.key_path = path = (*parent.path, key)
        self.keys[path] = pos

    def apply_merges(self, node: _Node) -> None:
        """YAML merge keys: merged mappings fill in keys the mapping does not give itself."""
        if self.duplicates:
            for key in [k for k in node.value if isinstance(k, _Ignored)]:
                del node.value[key]
        for merged, pos in node.merges:
            sources = merged if isinstance(merged, list) else [merged]
            for source in sources:
                if not isinstance(source, dict):
                    self.error(pos, SYNTAX, "merge")
                    continue
                for key, value in source.items():
                    if key not in node.value:
                        node.value[key] = value
                        self.doc.values.setdefault((*node.path, key), pos)
                        self.doc.keys.setdefault((*node.path, key), pos)

    def check_tag(self, tag: str | None, pos: Position) -> None:
        if tag is None or tag == "!" or tag in _ALLOWED_TAGS:
            return
        self.error(pos, TAG, "", tag=echo(tag))

    def scalar(self, event: Any, pos: Position) -> Any:
        text: str = event.value
        plain = event.implicit[0] and event.style in (None, "")
        tag = event.tag
        if tag is not None or not plain:  # most scalars are plain and untagged: skip the tags
            if not plain and tag in (None, "!", "tag:yaml.org,2002:str"):
                return text
            if tag == "tag:yaml.org,2002:null":
                return None
            if tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
                return self.number(text, pos, force=True)
            if tag == "tag:yaml.org,2002:bool":
                if text in _TRUE or text in _FALSE:
                    return text in _TRUE
                self.error(pos, AMBIGUOUS_SCALAR, "not_boolean", text=echo(text))
                return text
        if text in _NULLS:
            return None
        if text == "<<":
            return _MERGE
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if text in _YAML11_BOOLS:
            self.error(pos, AMBIGUOUS_SCALAR, "yaml11_boolean", text=text)
            return text
        if text and (text[0] in "+-.0123456789"):
            return self.number(text, pos, force=False)
        return text

    def number(self, text: str, pos: Position, *, force: bool) -> Any:
        if len(text) <= MAX_DIGITS and _POINT_DECIMAL.fullmatch(text):
            # 1250.50, most numbers of a ledger: what the tests below give; but 2.055 may be a
            # Danish 2055 (a cheap test of length and point first: this runs for every number).
            if len(text) <= 8 and text[-4:-3] == "." and _POINT_GROUP_ONCE.fullmatch(text):
                self.error(
                    pos,
                    AMBIGUOUS_SCALAR,
                    "point_once",
                    severity=Severity.WARNING,
                    text=text,
                    meant=text.replace(".", ""),
                )
            return Decimal(text)
        if text in _SPECIAL_FLOAT:
            return Decimal(_SPECIAL_FLOAT[text])
        # Text no longer than the limit cannot have too many digits; count only longer text.
        digits = sum(ch.isdigit() for ch in text) if len(text) > MAX_DIGITS else 0
        if _LEADING_ZERO.fullmatch(text):
            self.error(pos, AMBIGUOUS_SCALAR, "leading_zero", text=echo(text))
            return text
        integer = _INT.fullmatch(text)
        if integer or _DECIMAL.fullmatch(text):
            if digits > MAX_DIGITS:
                self.error(pos, NUMBER_TOO_LONG, "", count=digits, most=MAX_DIGITS)
                return None
            if integer:
                return int(text)
            try:
                number = Decimal(text)
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid text
                return text
            if len(text) <= MAX_DIGITS and "e" not in text and "E" not in text:
                return number  # written out, it has no more digits than its text has characters
            written_out = max(number.adjusted() + 1, 1) - min(number.as_tuple().exponent, 0)  # type: ignore[operator]
            if written_out > MAX_DIGITS:
                self.error(
                    pos,
                    NUMBER_TOO_LONG,
                    "written_out",
                    text=echo(text),
                    count=written_out,
                    most=MAX_DIGITS,
                )
                return None
            return number
        if _DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                self.error(pos, AMBIGUOUS_SCALAR, "bad_date", text=echo(text))
                return text
        danish = self.typed_by_hand(text, pos)
        if danish is not None:
            return danish
        if force:
            self.error(pos, AMBIGUOUS_SCALAR, "not_number", text=echo(text))
        return text

    def typed_by_hand(self, text: str, pos: Position) -> Decimal | dt.date | None:
        """A number with a decimal comma or grouped thousands, a day-month-year date: one
        finding quoting the text and saying what to write; the value meant, so that nothing
        else reports it again. None for any other text."""
        if len(text) > 40:
            return None
        comma = _DECIMAL_COMMA.fullmatch(text)
        if comma:
            meant, advice = _comma(*comma.groups())
            kind = f"comma_{advice.pop('kind')}"
            self.error(pos, AMBIGUOUS_SCALAR, kind, text=echo(text), **advice)
            return meant
        if _COMMA_GROUPS.fullmatch(text):
            meant = Decimal(text.replace(",", ""))
            self.error(pos, AMBIGUOUS_SCALAR, "comma_groups", text=echo(text), meant=str(meant))
            return meant
        points = _POINT_GROUPS.fullmatch(text)
        if points:
            whole, decimals = points.groups()
            meant = Decimal(whole.replace(".", "") + (f".{decimals}" if decimals else ""))
            self.error(pos, AMBIGUOUS_SCALAR, "point_groups", text=echo(text), meant=str(meant))
            return meant
        dmy = _DAY_MONTH_YEAR.fullmatch(text)
        if dmy:
            day, _, month, year = dmy.groups()
            try:
                meant_date = dt.date(int(year), int(month), int(day))
            except ValueError:
                self.error(pos, AMBIGUOUS_SCALAR, "bad_date", text=echo(text))
                return None
            self.error(pos, AMBIGUOUS_SCALAR, "day_month_year", text=echo(text), meant=meant_date)
            return meant_date
        return None


def _comma(head: str, tail: str) -> tuple[Decimal, dict[str, Any]]:
    """A number written with a comma, `head,tail`: the value meant (thousands for `1,500`, a
    decimal comma for `47,5`) and what to write instead (the finding's kind and values)."""
    if len(tail) == 3 and len(head.lstrip("+-")) <= 3:
        meant = Decimal(head + tail)
        return meant, {
            "kind": "thousands",
            "meant": str(meant),
            "decimal": _plain(f"{head}.{tail}"),
        }
    meant = Decimal(f"{head}.{tail}")
    return meant, {"kind": "decimal", "meant": str(meant)}


def _plain(text: str) -> str:
    """A number as its shortest plain text: 1.500 -> 1.5."""
    return format(Decimal(text).normalize(), "f")


def _split_number(stack: list[Any], before: Any, event: Any) -> bool:
    """Whether scalar `event` after scalar `before` is a number split at a comma: a value of
    digits, a comma right after it and a key of digits (see `check_thousands`)."""
    # Cheapest tests first: this runs for every scalar of a file.
    return bool(
        stack
        and not stack[-1].key_pending
        and isinstance(before, yaml.ScalarEvent)
        and event.start_mark.index == before.end_mark.index + 1  # type: ignore[union-attr]  # `1,500`, not `1, 500`
        and not before.style  # plain scalars only
        and not event.style
        and isinstance(stack[-1].value, dict)
        and _SPLIT_HEAD.fullmatch(before.value)
        and _SPLIT_TAIL.fullmatch(event.value)
    )


_PLAIN_CACHE = 1 << 16
"""Most plain scalar texts whose value the lean builder remembers."""


class _NeedFull(Exception):
    """The lean builder met what only the full one reports or handles."""


class _LeanNode:
    """A collection being built by the lean builder: what `_Node` holds for a clean file."""

    __slots__ = ("detailed", "key", "key_pending", "key_seen", "path", "value")

    def __init__(self, path: DataPath, value: Any, detailed: bool) -> None:
        self.path = path
        self.value = value
        self.detailed = detailed  # keep the positions of its keys and scalars
        self.key: Any = None
        self.key_pending = False
        self.key_seen: set[str] = set()


class _LeanBuilder(_Builder):
    """The full builder's data from a clean file, keeping only the positions of collections and
    list items: no position or path is made for a key or a scalar in a mapping, the bulk of a
    ledger. Wherever the full builder would report a finding, or meets a tag, an alias, a merge
    key or a second document, this one gives up (`_NeedFull`) and the full one reads the file;
    so a lean document holds a subset of the full one's positions, each the same."""

    def __init__(self, doc: Document, limits: Limits, detailed: set[DataPath] | None) -> None:
        super().__init__(doc, limits)
        self.detailed = detailed or set()

    def error(
        self,
        pos: Position,
        code: str,
        kind: str,
        *,
        stop: bool = False,
        severity: Severity | None = None,
        **values: Any,
    ) -> None:
        raise _NeedFull

    def build(self, events: Any) -> None:
        stack: list[_LeanNode] = []
        root: list[Any] = []
        values, keys, detailed = self.values, self.keys, self.detailed
        scalar_event, mapping_start, sequence_start, mapping_end, sequence_end = (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
            yaml.MappingEndEvent,
            yaml.SequenceEndEvent,
        )
        scalar, intern = self.scalar, sys.intern
        max_nodes = self.limits.max_nodes
        nodes = documents = 0
        previous: Any = None
        parent: Any = None  # stack[-1]
        # Records repeat the same keys, dates, line ids and currencies: convert each text once.
        # The values are immutable (None, bool, int, Decimal, date, str), so sharing is safe.
        cache: dict[str, Any] = {}
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                nodes += 1
                if nodes > max_nodes or event.tag is not None or parent is None:
                    raise _NeedFull
                text = event.value
                if (
                    type(previous) is scalar_event
                    and not parent.key_pending
                    and "0" <= text[:1] <= "9"  # what _SPLIT_TAIL needs first
                    and _split_number(stack, previous, event)
                ):
                    raise _NeedFull
                previous = event
                if event.style:  # quoted or block, untagged: the text as written
                    value = text
                else:  # a plain scalar's value depends on its text alone
                    value = cache.get(text, cache)
                    if value is cache:
                        value = scalar(event, None)  # type: ignore[arg-type]  # findings raise
                        if value is _MERGE:
                            raise _NeedFull
                        if len(cache) < _PLAIN_CACHE:
                            # Interned: a list of records repeats the same few keys.
                            cache[text] = intern(value) if type(value) is str else value
                container = parent.value
                if type(container) is list:
                    mark = event.start_mark
                    values[(*parent.path, len(container))] = Position(
                        mark.line + 1, mark.column + 1
                    )
                    container.append(value)
                elif parent.key_pending:
                    parent.key_pending = False
                    container[parent.key] = value
                    if parent.detailed:
                        mark = event.start_mark
                        values[(*parent.path, parent.key)] = Position(
                            mark.line + 1, mark.column + 1
                        )
                else:
                    seen = parent.key_seen
                    if type(value) is str:
                        # A text key equals only a text key, seen under the same text.
                        if len(value) > MAX_KEY_CHARS or value in seen:
                            raise _NeedFull
                        value = intern(value)
                        seen.add(value)
                    else:
                        text = str(value)
                        if len(text) > MAX_KEY_CHARS or text in seen or value in container:
                            raise _NeedFull
                        seen.add(text)
                    parent.key = value
                    parent.key_pending = True
                    if parent.detailed:
                        mark = event.start_mark
                        keys[(*parent.path, value)] = Position(mark.line + 1, mark.column + 1)
                continue
            previous = event
            if kind is mapping_start or kind is sequence_start:
                nodes += 1
                if nodes > max_nodes or event.tag is not None or len(stack) >= MAX_DEPTH:
                    raise _NeedFull
                if parent is None:
                    path: DataPath = ()
                elif type(parent.value) is list:
                    path = (*parent.path, len(parent.value))
                elif parent.key_pending:
                    path = (*parent.path, parent.key)
                else:
                    raise _NeedFull  # a collection as a key
                mark = event.start_mark
                values[path] = Position(mark.line + 1, mark.column + 1)
                parent = _LeanNode(path, {} if kind is mapping_start else [], path in detailed)
                stack.append(parent)
            elif kind is mapping_end or kind is sequence_end:
                value = stack.pop().value
                parent = stack[-1] if stack else None
                if parent is None:
                    root.append(value)
                elif type(parent.value) is list:
                    parent.value.append(value)
                else:  # a collection as a key was refused where it started
                    parent.key_pending = False
                    parent.value[parent.key] = value
            elif kind is yaml.AliasEvent:
                raise _NeedFull
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _NeedFull
        if len(root) != 1 or type(root[0]) is not dict:
            raise _NeedFull
        self.doc.data = root[0]


class _Ignored:
    """Key of a duplicate entry: read past, then dropped."""
