"""Claims search: a lower-cased, accent-folded copy of the claims, matched with LIKE.

The same on SQLite and PostgreSQL (no extension, no collation): 'Réforme' finds 'reforme',
'REFORME' and 'réformes'. The copy is written with the row (write.py, clusters.py) and
filled in for older rows by migration 0003.
"""
from __future__ import annotations

import unicodedata
from typing import Optional

# Letters NFKD does not split into a base letter and a mark.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i",
                            "\u2019": "'", "\u02bc": "'"})


def fold(text: Optional[str]) -> Optional[str]:
    """Case- and accent-insensitive form of a text: 'Contre la RÉFORME' -> 'contre la reforme'."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def pattern(q: str) -> str:
    """The LIKE pattern of a search: the folded words anywhere in the claims."""
    return f"%{fold(q)}%"
