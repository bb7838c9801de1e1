"""The progress bar of batch runs: articles done, per second, ETA, events, failures.

Shown on stderr when it is a terminal (and not --quiet). The total, needed for
the ETA, is counted by a background thread (lines of JSON Lines inputs, files
of directories) while the run goes on; stdin has no total.
"""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Iterable, Optional

from .ingest import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES


def count_inputs(inputs: Iterable[str]) -> Optional[int]:
    """How many articles the inputs hold (non-blank JSON lines, text and HTML files), or None for stdin."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for p in files:
            suffix = p.suffix.lower()
            if suffix in JSONL_SUFFIXES:
                try:
                    with open(p, "rb") as f:
                        for line in f:
                            if line.strip():
                                total += 1
                except OSError:
                    total += 1
            elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES or not path.is_dir():
                total += 1
    return total


class Progress:
    """A tqdm bar, or nothing. `message` prints above the bar (or plainly on stderr)."""

    def __init__(self, enabled: Optional[bool] = None, inputs: Optional[list[str]] = None,
                 initial: int = 0, desc: str = "extract", unit: str = "art"):
        if enabled is None:
            enabled = sys.stderr.isatty() and not os.environ.get("VIGIE_NO_PROGRESS")
        self.bar = None
        self.events = 0
        self.failed = 0
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=None, initial=initial, desc=desc, unit=unit, file=sys.stderr,
                            dynamic_ncols=True, smoothing=0.05, mininterval=0.2)
            if inputs:
                threading.Thread(target=self._count, args=(list(inputs),), daemon=True).start()

    def _count(self, inputs: list[str]) -> None:
        try:
            total = count_inputs(inputs)
        except Exception:  # the count is a nicety; never let it break a run
            return
        if total is not None and self.bar is not None:
            self.bar.total = total
            self.bar.refresh()

    def set_total(self, total: Optional[int]) -> None:
        if self.bar is not None:
            self.bar.total = total
            self.bar.refresh()

    def update(self, articles: int, events: int = 0, failed: int = 0) -> None:
        self.events += events
        self.failed += failed
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.events} events, {self.failed} failed", refresh=False)
            self.bar.update(articles)

    def message(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
