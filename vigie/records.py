"""The record types of vigie, defined once (spec: ../shared/spec/event-format.md).

Every stage reads and writes these; `to_dict()` gives the spec's JSON.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional


@dataclass
class Article:
    id: str
    text: str
    published: Optional[str] = None  # ISO date
    title: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    lang: Optional[str] = None


@dataclass
class Span:
    """Words of the article that a field was read from: text == article[start:end]."""
    text: str
    start: int
    end: int


@dataclass
class DateSpan:
    start: Optional[str]
    end: Optional[str] = None
    text: Optional[str] = None
    char_start: Optional[int] = None
    char_end: Optional[int] = None


@dataclass
class Location:
    text: Optional[str]
    city: Optional[str]
    admin1: Optional[str]
    country: Optional[str]
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    venue: Optional[str] = None
    char_start: Optional[int] = None
    char_end: Optional[int] = None


@dataclass
class Size:
    text: str
    min: Optional[int]
    max: Optional[int]
    best: Optional[int]
    char_start: Optional[int] = None
    char_end: Optional[int] = None


@dataclass
class Actor:
    text: str
    country: Optional[str] = None
    char_start: Optional[int] = None
    char_end: Optional[int] = None


@dataclass
class Outcome:
    arrests: Optional[int] = None
    injured: Optional[int] = None
    killed: Optional[int] = None


@dataclass
class Evidence:
    text: str
    start: int
    end: int


@dataclass
class Event:
    article_id: str
    event_id: str
    mode: str
    status: str
    date: DateSpan
    location: Location
    evidence: Evidence
    trigger: Span
    size: Optional[Size] = None
    participants: list[Actor] = field(default_factory=list)
    target: Optional[Actor] = None
    claims: list[str] = field(default_factory=list)
    claim_spans: list[Span] = field(default_factory=list)
    outcome: Outcome = field(default_factory=Outcome)
    confidence: float = 0.5
    type: str = "PROTEST"
    kind: str = "event"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Speaker:
    text: str
    role: Optional[str] = None
    char_start: Optional[int] = None
    char_end: Optional[int] = None


@dataclass
class Quote:
    article_id: str
    text: str
    start: int
    end: int
    speaker: Optional[Speaker] = None
    verb: Optional[str] = None
    date: Optional[str] = None
    kind: str = "quote"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Failure:
    """An input that could not be read or extracted: one line naming it."""
    input: str
    message: str
    article_id: Optional[str] = None
    line: Optional[int] = None

    def __str__(self) -> str:
        where = self.input + (f":{self.line}" if self.line else "")
        if self.article_id:
            where += f" [{self.article_id}]"
        return f"{where}: {self.message}"


@dataclass
class Extraction:
    """What vigie found in one article."""
    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [e.to_dict() for e in self.events] + [q.to_dict() for q in self.quotes]

