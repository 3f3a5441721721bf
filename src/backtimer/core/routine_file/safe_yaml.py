"""YAML text → a tree of plain values that each remember their line and column.

Built on PyYAML's event parser (libyaml when present), never on its constructors: we
compose the tree ourselves so that

- only plain scalars, lists and mappings exist (any other tag, ``!!python/...`` above
  all, is reported by name and never constructed);
- every value keeps its position, so the loader can say exactly where a problem is;
- nesting deeper than ``MAX_DEPTH`` and documents that expand (through aliases) to more
  than ``MAX_NODES`` values are refused while parsing, so a "billion laughs" file costs
  time and memory in proportion to its size, not to its expansion;
- duplicate keys are reported instead of silently overwritten.

Aliases are shared, not copied: an alias becomes a reference to the anchored node.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from backtimer.core.i18n import _
from backtimer.core.routine_file.problems import Problem

MAX_DEPTH = 20  #: nested lists/mappings; a routine needs 6
MAX_NODES = 100_000  #: values in the document, counting each alias as a full copy

_YAML_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_YAML_TAG + t for t in ("str", "int", "float", "bool", "null"))
_SEQ, _MAP, _MERGE = _YAML_TAG + "seq", _YAML_TAG + "map", _YAML_TAG + "merge"
_SCALAR_TAGS = frozenset({_STR, _INT, _FLOAT, _BOOL, _NULL, "!"})

#: Parse with libyaml (PyYAML's C parser) when PyYAML was built with it: about ten times
#: faster than the pure-Python parser, and tests/core/test_safe_yaml_parsers.py checks
#: that both give the same tree and the same located problems. False: the pure parser.
LIBYAML: bool = getattr(yaml, "__with_libyaml__", False)

_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

# What a person reads about the file's YAML (problem messages and hints). PyYAML's own
# description of a syntax error ({error}) is English: it comes from the parser.
SYNTAX = _("YAML syntax: {error}")
NOT_YAML = _("the file is not valid YAML")
SYNTAX_HINT = _("check the indentation and the quoting on this line and the one before it")
BAD_CHARACTER = _("the file contains a character YAML does not allow ({reason})")
BAD_CHARACTER_HINT = _("remove the control character, or write it as an escape in double quotes")
SECOND_DOCUMENT = _("a routine file holds one YAML document; this is a second one")
SECOND_DOCUMENT_HINT = _("remove the '---' line and what follows, or put it in its own file")
TOO_DEEP = _("the file nests lists and mappings more than {depth} levels deep")
TOO_DEEP_HINT = _("a routine needs only a few levels; check the indentation")
BAD_WHOLE_NUMBER = _("{value} is not a whole number")
BAD_NUMBER = _("{value} is not a number")
BAD_BOOL = _("{value} is not true or false")
BAD_VALUE = _("{value} is not a valid value")
BAD_NUMBER_HINT = _("write an ordinary number with at most a few digits")
BAD_TAG = _("the YAML tag {tag} is not allowed")
BAD_TAG_HINT = _("routine files hold only text, numbers, lists and mappings: remove the tag")
NO_ANCHOR = _("the alias *{anchor} refers to no anchor defined before it")
NO_ANCHOR_HINT = _("define '&{anchor}' on a complete value earlier in the file")
TOO_MANY_VALUES = _(
    "the file expands to more than {count} values (through aliases, or simply too many)"
)
TOO_MANY_VALUES_HINT = _("a routine needs a few hundred values; use fewer aliases ('*name')")
MERGE_KEY = _("merge keys ('<<') are not supported")
MERGE_KEY_HINT = _("write the keys out in full")
DUPLICATE_KEY = _("duplicate key {key} (first at line {line})")
DUPLICATE_KEY_HINT = _("each key may appear once in a mapping: remove or rename one of them")
_QUOTE_HINT = _("quote text that starts with @ or `")

#: Extra advice for libyaml's commonest complaints, keyed by a fragment of its message.
_SYNTAX_HINTS = (
    (
        "nesting depth",
        _("a routine needs only a few levels, not {depth} or more").format(depth=MAX_DEPTH),
    ),
    ("tab", _("YAML indents with spaces, never tabs: replace the tabs with spaces")),
    (
        "mapping values are not allowed",
        _("put a space after each ':' and quote text that has ': ' in it"),
    ),
    ("did not find expected key", _("line the keys of one mapping up in the same column")),
    ("did not find expected '-'", _("line the items of one list up in the same column")),
    ("found character '@'", _QUOTE_HINT),
    ("found character '`'", _QUOTE_HINT),
    (
        "could not find expected ':'",
        _("each key needs a ':' after it; quote text that spans lines"),
    ),
    (
        "found undefined tag handle",
        _("remove the '!' tag; write plain text, numbers, lists or mappings"),
    ),
)


@dataclass(eq=False, slots=True)
class Node:
    """A composed value; ``line``/``column`` are 1-based, where the value starts."""

    line: int
    column: int


@dataclass(eq=False, slots=True)
class Scalar(Node):
    """A scalar with its resolved Python value: str, int, float, bool or None."""

    value: object
    tag: str = _STR
    broken: bool = False  #: already reported (bad tag, unreadable number): say no more


@dataclass(eq=False, slots=True)
class Seq(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Map(Node):
    """Keys in file order; keys are usually Scalars (the loader checks)."""

    entries: list[tuple[Node, Node]] = field(default_factory=list)


class _Stop(Exception):
    """Parsing cannot go on; the problem has been recorded."""


@dataclass(eq=False, slots=True)
class _Open:
    node: Seq | Map
    anchor: str | None
    size: int = 1
    pending_key: Node | None = None
    bad_tag: bool = False
    seen_keys: dict[object, Node] = field(default_factory=dict)


class _Composer:
    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.libyaml = LIBYAML  # read once: one parser for the whole document
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.stack: list[_Open] = []
        self.total = 0
        self.root: Node | None = None

    def problem(self, line: int, column: int, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, line, column, message, hint))

    def run(self) -> Node | None:
        try:
            self._events()
        except _Stop:
            return None
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
            message = e.problem or e.context or ""
            if e.context and e.problem:
                message = f"{e.problem} ({e.context})"
            shown = SYNTAX.format(error=message) if message else NOT_YAML
            self.problem(line, column, shown, _syntax_hint(message))
            return None
        except yaml.reader.ReaderError as e:
            line, column = self._position(e.position)
            self.problem(line, column, BAD_CHARACTER.format(reason=e.reason), BAD_CHARACTER_HINT)
            return None
        return self.root

    def _position(self, position: int) -> tuple[int, int]:
        """Line and column of a reader error's offset (bytes for libyaml, else characters)."""
        before = (
            self.text.encode()[:position].decode("utf-8", "ignore")
            if self.libyaml
            else (self.text[:position])
        )
        return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1

    def _events(self) -> None:
        documents = 0
        loader = yaml.CSafeLoader if self.libyaml else yaml.SafeLoader
        for event in yaml.parse(self.text, Loader=loader):
            mark = event.start_mark
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problem(line, column, SECOND_DOCUMENT, SECOND_DOCUMENT_HINT)
                    raise _Stop
            elif isinstance(event, yaml.ScalarEvent):
                scalar = self._scalar(event, line, column)
                self._count(line, column, 1)
                self._add(scalar, event.anchor, 1)
            elif isinstance(event, yaml.AliasEvent):
                self._alias(event.anchor or "", line, column)
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                self._start(event, line, column)
            elif isinstance(event, yaml.CollectionEndEvent):
                done = self.stack.pop()
                node: Node = done.node
                if done.bad_tag:  # reported; stands in as a value nothing else complains about
                    node = Scalar(node.line, node.column, None, _NULL, broken=True)
                self._add(node, done.anchor, done.size)

    def _start(self, event: yaml.CollectionStartEvent, line: int, column: int) -> None:
        is_seq = isinstance(event, yaml.SequenceStartEvent)
        bad_tag = event.tag not in (None, "!", _SEQ if is_seq else _MAP)
        if bad_tag:
            self._bad_tag(event.tag or "", line, column)
        if len(self.stack) >= MAX_DEPTH:
            self.problem(line, column, TOO_DEEP.format(depth=MAX_DEPTH), TOO_DEEP_HINT)
            raise _Stop
        node: Seq | Map = Seq(line, column) if is_seq else Map(line, column)
        self._count(line, column, 1)
        self.stack.append(_Open(node, event.anchor, bad_tag=bad_tag))

    def _scalar(self, event: yaml.ScalarEvent, line: int, column: int) -> Scalar:
        tag = event.tag
        if tag is None or tag == "!":
            plain = event.implicit[0] and tag is None
            tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, (plain, False)) if plain else _STR
        elif tag not in _SCALAR_TAGS:
            self._bad_tag(tag, line, column)
            return Scalar(line, column, event.value, _STR, broken=True)
        value: object = event.value
        try:
            if tag == _NULL:
                value = None
            elif tag == _BOOL:
                value = _CONSTRUCTOR.bool_values[event.value.lower()]
            elif tag in (_INT, _FLOAT):
                construct = (
                    _CONSTRUCTOR.construct_yaml_int
                    if tag == _INT
                    else _CONSTRUCTOR.construct_yaml_float
                )
                value = construct(yaml.ScalarNode(tag, event.value))
        except (ValueError, KeyError, IndexError):
            bad = {_INT: BAD_WHOLE_NUMBER, _FLOAT: BAD_NUMBER, _BOOL: BAD_BOOL}
            message = bad.get(tag, BAD_VALUE)
            shown = message.format(value=repr(event.value[:40]))
            self.problem(line, column, shown, BAD_NUMBER_HINT)
            return Scalar(line, column, None, _NULL, broken=True)
        # Dates, merge keys and the like stay text; only the merge key means something.
        return Scalar(line, column, value, tag if tag in _SCALAR_TAGS or tag == _MERGE else _STR)

    def _bad_tag(self, tag: str, line: int, column: int) -> None:
        shown = "!!" + tag[len(_YAML_TAG) :] if tag.startswith(_YAML_TAG) else tag
        self.problem(line, column, BAD_TAG.format(tag=shown), BAD_TAG_HINT)

    def _alias(self, anchor: str, line: int, column: int) -> None:
        target = self.anchors.get(anchor)
        if target is None:
            self.problem(
                line,
                column,
                NO_ANCHOR.format(anchor=anchor),
                NO_ANCHOR_HINT.format(anchor=anchor),
            )
            self._add(Scalar(line, column, None, _NULL, broken=True), None, 1)
            return
        self._count(line, column, target[1])
        self._add(target[0], None, target[1])

    def _count(self, line: int, column: int, size: int) -> None:
        """Count ``size`` more values in the expanded document; stop past MAX_NODES."""
        self.total += size
        if self.total > MAX_NODES:
            message = TOO_MANY_VALUES.format(count=f"{MAX_NODES:,}")
            self.problem(line, column, message, TOO_MANY_VALUES_HINT)
            raise _Stop

    def _add(self, node: Node, anchor: str | None, size: int) -> None:
        """Attach a finished value to its parent; it stands for ``size`` values."""
        if anchor is not None:
            self.anchors[anchor] = (node, size)
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.node, Seq):
            parent.node.items.append(node)
        elif parent.pending_key is None:
            parent.pending_key = node
            self._check_key(parent, node)
        else:
            parent.node.entries.append((parent.pending_key, node))
            parent.pending_key = None

    def _check_key(self, parent: _Open, key: Node) -> None:
        if isinstance(key, Scalar) and key.tag == _MERGE:
            self.problem(key.line, key.column, MERGE_KEY, MERGE_KEY_HINT)
            return
        if not isinstance(key, Scalar):
            return  # the loader reports keys that are not text
        try:
            earlier = parent.seen_keys.get(key.value)
        except TypeError:
            return
        if earlier is not None:
            message = DUPLICATE_KEY.format(key=_show(key.value), line=earlier.line)
            self.problem(key.line, key.column, message, DUPLICATE_KEY_HINT)
        else:
            parent.seen_keys[key.value] = key


def _syntax_hint(message: str) -> str:
    for fragment, hint in _SYNTAX_HINTS:
        if fragment in message:
            return hint
    return SYNTAX_HINT


def _show(value: object) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def compose(text: str, *, file: str) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into a located tree.

    Returns the root (None when the document is empty or could not be parsed) and the
    problems found. Problems that leave the tree usable (a duplicate key, a bad tag) come
    with a root; a syntax error or an exceeded limit comes with None. Never raises for
    any input text.
    """
    composer = _Composer(text, file)
    root = composer.run()
    return (root if not composer.problems or root is not None else None), composer.problems


def to_plain(node: Node) -> object:
    """The tree as plain Python values (dict/list/scalars), e.g. for a JSON Schema check.

    Bounded by MAX_NODES because compose refused anything bigger.
    """
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Seq):
        return [to_plain(item) for item in node.items]
    assert isinstance(node, Map)
    return {to_plain(k) if isinstance(k, Scalar) else repr(k): to_plain(v) for k, v in node.entries}
