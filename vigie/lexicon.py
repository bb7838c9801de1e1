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


def required_words(patterns) -> frozenset[str]:
    """Words a text must hold for the regex patterns to match it, casefolded: of each pattern's
    alternatives (at its top level), the longest plain word outside groups; a text that holds none
    of them needs no search. An alternative with no such word gives "", which every text holds."""
    out = set()
    for pattern in patterns:
        flat = re.sub(r"\\.|\[[^\]]*\]", " ", pattern)  # escapes and character classes
        while re.search(r"\([^()]*\)", flat):
            flat = re.sub(r"\([^()]*\)", " ", flat)  # groups, innermost first: what is left is the top level
        for alternative in flat.split("|"):
            # a quantifier after a word makes its last letter optional
            plain = [m.group(1)[:-1] if m.group(2) else m.group(1)
                     for m in re.finditer(r"([^\W\d_]+)([?*{]?)", alternative)]
            out.add(max(plain, key=len, default="").casefold())
    return frozenset(out)


@lru_cache(maxsize=1024)  # a sentence is asked about by several gates
def casefolded(text: str) -> str:
    return text.casefold()


def holds_any(text: str, needed: frozenset[str]) -> bool:
    """Whether the text holds one of the words (required_words), whatever their case."""
    folded = casefolded(text)
    for w in needed:
        if w in folded:
            return True
    return False


def phrase_regex(phrases, flags=re.IGNORECASE) -> re.Pattern:
    """One regex matching any of the phrases as whole words, longest first."""
    alts = sorted(phrases, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", flags)


class GatedRegex:
    """A regex of phrases that first checks the text holds a word one of them needs: most
    sentences hold none, and the substring tests cost a tenth of the search."""

    def __init__(self, phrases, flags=re.IGNORECASE):
        phrases = list(phrases)
        self.regex = phrase_regex(phrases, flags)
        self.needed = required_words(phrases)

    def may_match(self, text: str) -> bool:
        return holds_any(text, self.needed)

    def search(self, text: str):
        return self.regex.search(text) if self.may_match(text) else None

    def finditer(self, text: str):
        return self.regex.finditer(text) if self.may_match(text) else iter(())
