"""Place: the toponyms of a sentence that say where something happens, resolved offline.

A name counts as a place of the sentence when it stands in a place position: after a locative
preposition (à, en, dans, près de...), after a noun such as "rues de" or "ville de", as the
subject ("Zurich a connu..."), or in a list with such a place. Names of streets and stations
("gare de Lyon"), of routes ("entre Toulouse et Bayonne"), of origins ("venue de Salamanque")
and départements in brackets after a town are not.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .geocode import City, Gazetteer
from .lexicon import fold, words
from .parse import Sentence

LOCATIVE = {"à", "a", "au", "aux", "en", "dans", "sur", "près", "vers", "devant", "jusqu'à", "outre", "partout"}
EXCLUDING = {"entre", "depuis", "venu", "venue", "venus", "venues", "originaire", "originaires", "de"}
LIST_LINKS = {",", "et", "ou", "notamment", "dont", "comme", "puis", "ainsi", "que", "mais", "aussi", "(", ")"}


@dataclass
class PlaceMention:
    start: int  # offsets in the article
    end: int
    text: str
    country: str
    city: Optional[City] = None
    kind: str = "city"  # city | country | region


@lru_cache(maxsize=1)
def _heads():
    return frozenset(fold(w) for w in words("place_heads.txt")), frozenset(fold(w) for w in words("street_heads.txt"))


def find_places(sentence: Sentence, gaz: Gazetteer, context: Counter,
                skip: list[tuple[int, int]] = ()) -> list[PlaceMention]:
    """Places of the sentence in text order; spans in skip (quotes, claims) are ignored."""
    doc = sentence.doc
    out: list[PlaceMention] = []
    for span in _name_spans(doc):
        start = sentence.start + span[0].idx
        if any(a <= start < b for a, b in skip):
            continue
        role = _role(doc, span)
        if role is None:
            continue
        mention = _resolve(span, gaz, context, sentence.start)
        if mention is None:
            continue
        if role == "list" and not (out and _linked(doc, out[-1], span, sentence.start)):
            continue
        out.append(mention)
    return out


def _name_spans(doc):
    """Entity spans labelled as places, plus capitalised word runs NER missed."""
    spans, covered = [], set()
    for ent in doc.ents:
        if ent.label_ in {"LOC", "GPE", "MISC", "ORG", "PER"}:
            spans.append(ent)
            covered.update(range(ent.start, ent.end))
    i = 0
    while i < len(doc):
        t = doc[i]
        if i not in covered and t.text[:1].isupper() and t.is_alpha and i > 0:
            j = i + 1
            while j < len(doc) and j not in covered and (doc[j].text[:1].isupper() or doc[j].text in {"-"}) :
                j += 1
            spans.append(doc[i:j])
            i = j
        else:
            i += 1
    return sorted(spans, key=lambda s: s.start)


def _role(doc, span) -> Optional[str]:
    heads, streets = _heads()
    prev = [fold(t.text) for t in doc[max(0, span.start - 4):span.start]]
    if span.end < len(doc) and doc[span.end].text == ")" and span.start > 0 and doc[span.start - 1].text == "(":
        return None  # "Nanterre (Hauts-de-Seine)": the département of the town before
    if any(p in streets for p in prev[-3:]):
        return None
    p1 = prev[-1] if prev else ""
    p2 = prev[-2] if len(prev) > 1 else ""
    if p1 in {"de", "d'", "du", "des"} or p1.endswith("'") and p1.startswith("d"):
        window = prev[:-1]
        if any(w in heads or w.rstrip("s") in heads for w in window[-3:]):
            return "place"
        if p2 == "pres":
            return "place"
        return None
    if p1 in {"l'", "la", "le", "les"} and p2 in LOCATIVE | {"de", "d'"}:
        return "place" if p2 in LOCATIVE else None
    if p1 in LOCATIVE or p1 in {"a", "à"}:
        if p2 in EXCLUDING:
            return None
        return "place"
    if p1 in EXCLUDING:
        return None
    root = span.root
    if root.dep_ in {"nsubj", "nsubj:pass"} and span[0].ent_type_ in {"LOC", "GPE", ""}:
        return "place"
    if p1 in LIST_LINKS or p1 == "":
        return "list"
    return None


def _linked(doc, previous: PlaceMention, span, offset: int) -> bool:
    """A name in a list ("à Rennes et Rouen") counts only right after another place."""
    gap = doc.text[previous.end - offset:span.start_char] if previous.end - offset <= span.start_char else ""
    return len(gap) < 40 and all(fold(w) in LIST_LINKS or w.startswith("(") or w.endswith(")")
                                 for w in gap.replace(",", " , ").split()) if gap.strip() else True


def _resolve(span, gaz: Gazetteer, context: Counter, offset: int) -> Optional[PlaceMention]:
    name = span.text.strip(" ,.;:")
    for candidate in (name, _strip_article(name)):
        if not candidate:
            continue
        iso = gaz.country_of(candidate)
        if iso and candidate[:1].isupper():
            return PlaceMention(offset + span.start_char, offset + span.end_char, name, iso, None, "country")
        city = gaz.resolve_city(candidate, context) if candidate[:1].isupper() else None
        if city:
            return PlaceMention(offset + span.start_char, offset + span.end_char, name, city.country, city)
        iso = gaz.region_country(candidate)
        if iso:
            return PlaceMention(offset + span.start_char, offset + span.end_char, name, iso, None, "region")
    return None


def _strip_article(name: str) -> str:
    for art in ("la ", "le ", "les ", "l'", "l’"):
        if name.lower().startswith(art):
            return name[len(art):]
    return ""
