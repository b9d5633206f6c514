"""YAML front matter of .md files: plain `key: value` lines, read safely.

A front matter block is a few metadata fields, so the reader refuses what such a block never
needs and a hostile one uses: aliases (``*name``, the "billion laughs" expansion that makes a
few hundred bytes into gigabytes).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from factcheck.errors import BadInputError, bad_file


class _Refused(Exception):
    """Something the front matter reader does not accept, at a line of the block."""

    def __init__(self, problem: str, mark: yaml.Mark) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = mark.line


class _FrontMatterLoader(yaml.SafeLoader):
    """The safe loader without aliases."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("aliases (*name) are not allowed in front matter", event.start_mark)
        return super().compose_node(parent, index)


def read_front_matter(path: Path, block: str) -> dict:
    """The fields of a front matter block (the text between the ``---`` lines).

    Args:
        path: the file, named in errors.
        block: the YAML text.

    Returns:
        The fields, keys lower-cased.

    Raises:
        BadInputError: not YAML, not a mapping, or using aliases; the message names the file
            and the line.
    """
    try:
        fields = yaml.load(block, Loader=_FrontMatterLoader) or {}  # noqa: S506 (safe loader)
    except _Refused as err:
        raise _at_line(path, block, err.line, err.problem) from None
    except yaml.YAMLError as err:
        raise bad_file(path, f"front matter is not valid YAML ({err.__class__.__name__})") from None
    if not isinstance(fields, dict):
        raise bad_file(path, "front matter must be 'key: value' lines")
    return {str(k).lower(): v for k, v in fields.items()}


def _at_line(path: Path, block: str, line: int, problem: str) -> BadInputError:
    """An error naming the file, the line of it (1-based; the block starts on line 2) and its
    text."""
    lines = block.split("\n")
    text = lines[line].strip() if 0 <= line < len(lines) else ""
    shown = f" ({text[:60]}{'…' if len(text) > 60 else ''})" if text else ""
    return bad_file(path, f"front matter, line {line + 2}{shown}: {problem}")
