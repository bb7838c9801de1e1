"""Batch runs: stream articles through the extractor into a sink, count, summarise."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Callable, Iterable, Union

from .records import Article, Extraction, Failure


@dataclass
class Summary:
    articles: int = 0
    events: int = 0
    quotes: int = 0
    failed: int = 0

    def line(self) -> str:
        return f"{self.articles} articles, {self.events} events, {self.quotes} quotes, {self.failed} failed"


def run(items: Iterable[Union[Article, Failure]], sink: Callable[[Union[Extraction, Failure]], None],
        extractor=None, batch_size: int = 32) -> Summary:
    """Extract every article and hand each result to sink; failures are reported on stderr."""
    from .api import default_extractor

    extractor = extractor or default_extractor()
    summary = Summary()
    for result in extractor.extract_many(items, batch_size=batch_size):
        summary.articles += 1
        if isinstance(result, Failure):
            summary.failed += 1
            print(f"error: {result}", file=sys.stderr)
        else:
            summary.events += len(result.events)
            summary.quotes += len(result.quotes)
        sink(result)
    return summary
