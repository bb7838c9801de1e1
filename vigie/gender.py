"""Gender of a person named in a text, to choose who "elle" or "il" is between two people.

spaCy's French model gives no reliable gender for proper nouns, so it is read from the words
beside the name: a title ("Mme", "M."), the determiner of a role in apposition ("la candidate du
parti, Claudia Sheinbaum", "le président Andrés Manuel López Obrador", "X, la porte-parole du
collectif"), else the first name (lexicons/first_names.tsv). None when nothing says.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .lexicon import fold, table

TITLE_BEFORE = re.compile(r"\b(?:(?P<f>Mmes?|Madame|Mlles?|Mademoiselle)|(?P<m>M\.|MM\.|Monsieur))\s*$")
TITLE_INSIDE = re.compile(r"^(?:(?P<f>Mmes?|Madame|Mlles?|Mademoiselle)|(?P<m>M\.|MM\.|Monsieur))\s")
FEMININE = {"la", "une", "sa", "cette", "de la", "à la", "ma", "ta"}
MASCULINE = {"le", "un", "son", "ce", "cet", "du", "au", "mon", "ton"}
_DET = r"(le|la|un|une|sa|son|ce|cet|cette|du|au|de\s+la|à\s+la)"
# "du président X", "la ministre-présidente X": a determiner and one or two lower-case words, then the name
ROLE_JUST_BEFORE = re.compile(rf"(?:^|[\s'’]){_DET}\s+(?:[a-zà-ÿ-]+\s+)?[a-zà-ÿ-]+\s+$", re.IGNORECASE)
PRONOUNS = {"elle": "F", "il": "M", "lui": "M"}


def pronoun_gender(word: Optional[str]) -> Optional[str]:
    """'F' for "elle" ("a-t-elle dit"), 'M' for "il" or "lui"; None for a plural or no pronoun."""
    if not word:
        return None
    return PRONOUNS.get(word.lower().rsplit("-", 1)[-1])


def person_gender(text: str, start: int, end: int, lo: int = 0, hi: Optional[int] = None) -> Optional[str]:
    """'F', 'M' or None for the person named at text[start:end], reading text[lo:hi] (its sentence)."""
    hi = len(text) if hi is None else hi
    name = text[start:end]
    title = TITLE_INSIDE.match(name) or TITLE_BEFORE.search(text[max(lo, start - 12):start])
    if title:
        return "F" if title.group("f") else "M"
    before = text[lo:start]
    role = ROLE_JUST_BEFORE.search(before[-60:]) or _appositive(before.rstrip().endswith(",") and
                                                                 _segment_before(before.rstrip()[:-1]))
    if role is None:
        after = re.match(rf",\s+{_DET}\s", text[end:hi], re.IGNORECASE)  # "X, la porte-parole du collectif,"
        role = after
    if role is not None:
        det = " ".join(role.group(1).lower().split())
        if det in FEMININE:
            return "F"
        if det in MASCULINE:
            return "M"
    first = re.split(r"[\s-]", name.strip())[0] if name.strip() else ""
    return _first_names().get(fold(first))


def _segment_before(before: str) -> str:
    """The words back to the last punctuation: "la candidate du parti au pouvoir" in "A quatre jours
    de l'élection, la candidate du parti au pouvoir, Claudia Sheinbaum"."""
    cut = max(before.rfind(c) for c in ",;:.«»()\n")
    return before[cut + 1:].strip()


def _appositive(segment) -> Optional[re.Match]:
    return re.match(rf"{_DET}\s+[a-zà-ÿ-]", segment, re.IGNORECASE) if segment else None


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    return {fold(r["name"]): r["gender"] for r in table("first_names.tsv") if r["gender"] in {"F", "M"}}


def gender_in_article(text: str, start: int, end: int) -> Optional[str]:
    """The gender of the person at text[start:end], or of the same surname named fully elsewhere
    in the article ("Sheinbaum" after "la candidate, Claudia Sheinbaum")."""
    own = person_gender(text, start, end, max(0, start - 150), min(len(text), end + 80))
    if own is not None:
        return own
    surname = text[start:end].split()[-1] if text[start:end].split() else ""
    if len(surname) < 2:
        return None
    for m in re.finditer(rf"((?:[A-ZÀ-Ý][\w'’-]+\s+){{1,2}}){re.escape(surname)}\b", text):
        a = m.start(1)
        if a == start:
            continue
        found = person_gender(text, a, m.end(), max(0, a - 150), min(len(text), m.end() + 80))
        if found is not None:
            return found
    return None
