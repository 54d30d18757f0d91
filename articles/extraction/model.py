"""The engine's public value types: what goes in (known sources) and what comes out (claims)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# Kinds a source can have; they mirror tracker.models.Source.Kind without importing Django.
SOURCE_KINDS = (
    "intelligence",
    "government",
    "head_of_state",
    "lawmaker",
    "military",
    "media",
    "think_tank",
    "other",
)


class ExtractionError(ValueError):
    """The input is refused (binary, too large, impossible publication date...).

    The message names the problem so it can be stored on the article as its error.
    """


@dataclass(frozen=True)
class KnownSource:
    """A source the engine should recognise in text.

    `name` is the display name written on claims; `aliases` are other ways texts name it;
    `parent` is the display name of the organisation a person speaks for (Budanov → HUR).
    """

    name: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    kind: str = "other"


@dataclass(frozen=True)
class Claim:
    """One figure about the deployed force, with who gave it, when, and the words it came from.

    Fields and their meaning follow DESIGN.md ("Claims"). `low`/`best`/`high` follow the
    qualifier: approx and exact fill all three, at_least only `low`, at_most only `high`,
    range `low` and `high`.
    """

    metric: str
    low: int | None
    best: int | None
    high: int | None
    qualifier: str
    as_of: str | None
    as_of_precision: str | None
    period_end: str | None
    contingent: int | None
    source: str | None
    via: str | None
    quote: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
