"""One checked claim of a report: the claim's id and row, its search result, other columns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from factcheck.verdict.result import SearchResult


@dataclass(frozen=True)
class ReportItem:
    """A claim of a claims file with its result; `extra` holds the input's other columns."""

    id: str
    row: int
    result: SearchResult
    extra: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The item as a JSON report lists it: the `search --json` object with "id", "row"
        and, when the input carried other columns, "extra"."""
        item = {"id": self.id, **self.result.to_dict(), "row": self.row}
        if self.extra:
            item["extra"] = dict(self.extra)
        return item

    @classmethod
    def from_dict(cls, data: Mapping) -> ReportItem:
        """An item from a JSON report's "results" entry."""
        return cls(data["id"], data["row"], SearchResult.from_dict(data),
                   dict(data.get("extra") or {}))
