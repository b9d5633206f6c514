"""YAML front matter of .md files: plain `key: value` lines, read safely.

A front matter block is a few metadata fields, so the reader refuses what such a block never
needs and a hostile one uses: aliases (``*name``, the "billion laughs" expansion that makes a
few hundred bytes into gigabytes) and nesting deeper than `MAX_DEPTH`. Values YAML itself
cannot make (a date ``2020-02-30``, an integer over Python's 4,300 digits) and strings that
cannot be stored (lone surrogates such as ``"\\ud800"``) are refused too, naming the line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from factcheck.errors import BadInputError, bad_file
from factcheck.sources.jsonrows import value_problem

# Deepest nesting accepted: metadata fields are scalars under the top mapping (depth 2); a few
# levels more leave room for lists of authors. The composer recurses once per level.
MAX_DEPTH = 20


class _Refused(Exception):
    """Something the front matter reader does not accept, at a line of the block."""

    def __init__(self, problem: str, mark: yaml.Mark) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = mark.line


class _FrontMatterLoader(yaml.SafeLoader):
    """The safe loader without aliases, with nesting bounded by `MAX_DEPTH`."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("aliases (*name) are not allowed in front matter", event.start_mark)
        if self._depth >= MAX_DEPTH:
            raise _Refused(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _refusing(construct, problem: str):
    """A YAML constructor that raises `_Refused` (at the node's line) where `construct` fails."""
    def construct_or_refuse(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
        try:
            return construct(loader, node)
        except (ValueError, AttributeError):  # out of range, or not of the tag's form
            raise _Refused(problem, node.start_mark) from None
    return construct_or_refuse


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _refusing(
    yaml.SafeLoader.construct_yaml_timestamp, "not a real date (write dates as YYYY-MM-DD)"))
_FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", _refusing(
    yaml.SafeLoader.construct_yaml_int, "not an integer that can be read (at most 4,300 digits)"))


def read_front_matter(path: Path, block: str) -> dict:
    """The fields of a front matter block (the text between the ``---`` lines).

    Args:
        path: the file, named in errors.
        block: the YAML text.

    Returns:
        The fields, keys lower-cased.

    Raises:
        BadInputError: not YAML, not a mapping, using aliases or deep nesting, or holding
            a value that cannot be made or stored; the message names the file and the line
            or field.
    """
    try:
        fields = yaml.load(block, Loader=_FrontMatterLoader) or {}
    except _Refused as err:
        raise _at_line(path, block, err.line, err.problem) from None
    except Exception as err:  # noqa: BLE001 - PyYAML's errors, and whatever a constructor's
        # Python call raises on a hostile value (float("x"), chr(2**32), a bool of "x")
        raise bad_file(path, f"front matter is not valid YAML ({err.__class__.__name__})") from None
    if not isinstance(fields, dict):
        raise bad_file(path, "front matter must be 'key: value' lines")
    if problem := value_problem(fields):
        raise bad_file(path, f"front matter: {problem}")
    return {str(k).lower(): v for k, v in fields.items()}


def _at_line(path: Path, block: str, line: int, problem: str) -> BadInputError:
    """An error naming the file, the line of it (1-based; the block starts on line 2) and its
    text."""
    lines = block.split("\n")
    text = lines[line].strip() if 0 <= line < len(lines) else ""
    shown = f" ({text[:60]}{'…' if len(text) > 60 else ''})" if text else ""
    return bad_file(path, f"front matter, line {line + 2}{shown}: {problem}")
