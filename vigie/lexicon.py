"""Load the word lists and tables in vigie/lexicons/ (read once per process)."""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DIR = Path(__file__).parent / "lexicons"


@lru_cache(maxsize=1 << 16)  # the same words and lemmas come back in every sentence
def fold(s: str) -> str:
    """Case- and accent-insensitive key; apostrophes and dashes unified."""
    if s.isascii():  # most names: the same result, five times faster (the gazetteer folds 500,000)
        return " ".join(s.lower().replace("-", " ").split())
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‑", "-"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.casefold().replace("-", " ").split())


fold_distinct = fold.__wrapped__  # for many distinct names folded once (the gazetteer): no cache to churn


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-entry-per-line list; '#' lines are comments."""
    with open(DIR / name, encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    """A tab-separated table with a header line; '#' lines are comments."""
    with open(DIR / name, encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def phrase_regex(phrases, flags=re.IGNORECASE) -> re.Pattern:
    """One regex matching any of the phrases as whole words, longest first."""
    alts = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", flags)
