"""Extractors for the batch tests: the real Extractor, plus what a test needs to see or provoke.

Workers build them from "vigie_test_helpers:NAME" (tests/batch is put on PYTHONPATH).
Settings come from the environment, which worker processes inherit:

- VIGIE_TEST_DELAY: seconds to sleep per article (so that a kill lands mid-run);
- VIGIE_TEST_CRASH_ID: the worker kills itself with SIGKILL on this article id;
- VIGIE_TEST_HANG_ID: the worker sleeps forever on this article id.
"""
from __future__ import annotations

import os
import signal
import time

from vigie.pipeline import Extractor
from vigie.records import Failure, Quote


def _provoke(article_id: str) -> None:
    if article_id == os.environ.get("VIGIE_TEST_CRASH_ID"):
        os.kill(os.getpid(), signal.SIGKILL)
    if article_id == os.environ.get("VIGIE_TEST_HANG_ID"):
        while True:
            time.sleep(1)
    delay = float(os.environ.get("VIGIE_TEST_DELAY") or 0)
    if delay:
        time.sleep(delay)


class TracingExtractor:
    """The real extractor, plus one marker quote per article so the output shows every article once."""

    def __init__(self):
        self.inner = Extractor()

    def extract_many(self, items, batch_size=32):
        for result in self.inner.extract_many(items, batch_size=batch_size):
            if isinstance(result, Failure):
                yield result
                continue
            _provoke(result.article.id)
            result.quotes.append(Quote(article_id=result.article.id, text="__marker__", start=0, end=0))
            yield result


class FaultyExtractor:
    """The real extractor, which dies or hangs on the articles the environment names."""

    def __init__(self):
        self.inner = Extractor()

    def extract_many(self, items, batch_size=32):
        for result in self.inner.extract_many(items, batch_size=batch_size):
            if not isinstance(result, Failure):
                _provoke(result.article.id)
            yield result
