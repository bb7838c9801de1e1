"""Actors and aims: participants, target, claims and outcome of a protest sentence."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .detect import Trigger
from .geocode import Gazetteer
from .lexicon import fold, phrase_regex, table
from .records import Actor, Outcome, Span
from .size import parse_number

OUTCOME_WORDS = {
    "arrests": r"interpell\w*|arrêt\w*|arrestations?|gardes?\s+à\s+vue|placée?s?\s+en\s+garde\s+à\s+vue",
    "injured": r"blessée?s?|blessés",
    "killed": r"tuée?s?|morte?s?|décédée?s?",
}
_NUM = r"(?P<n>\d[\d  .]*|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|" \
       r"cinquante|cent|dix-\w+|vingt-\w+|une\s+dizaine|une\s+vingtaine|une\s+centaine|des\s+dizaines|des\s+centaines)"
VAGUE_COUNTS = {"une dizaine": 10, "une vingtaine": 20, "une centaine": 100, "des dizaines": 40, "des centaines": 300}


@lru_cache(maxsize=1)
def _claim_markers():
    rows = table("claim_markers.tsv")
    keep = {r["pattern"]: r["keep"] == "1" for r in rows}
    return phrase_regex([re.escape(p) for p in keep]), keep


@lru_cache(maxsize=1)
def _institutions():
    rows = table("institutions.tsv")
    return phrase_regex([re.escape(r["noun"]) for r in rows]), {r["noun"]: r["kind"] for r in rows}


def claims(sentence_text: str, offset: int, after: int) -> list[Span]:
    """Purpose clauses after the trigger: "pour dénoncer X", "contre X", "en soutien à X"."""
    rx, keep = _claim_markers()
    out = []
    for m in rx.finditer(sentence_text):
        if offset + m.start() < after or any(s.start <= offset + m.start() < s.end for s in out):
            continue
        start = m.start() if keep[m.group().lower()] else m.end()
        tail = sentence_text[start:]
        stop = re.search(r"[.;:!?»«\"]|,\s+(?:selon|où|qui|alors|tandis|avant|après|mais|a-t-|ont|a\s)|\s+selon\s", tail)
        text = tail[:stop.start() if stop else len(tail)].strip(" ,")
        if len(text.split()) >= 1:
            out.append(Span(text, offset + start, offset + start + len(text)))
    return out


def target(sentence_text: str, offset: int, gaz: Gazetteer, event_country: Optional[str],
           claim_spans: list[Span]) -> Optional[Actor]:
    """Who the protest is aimed at: an embassy's state, the state of a ministry, or a state in the claims."""
    rx, kinds = _institutions()
    best = None
    for m in rx.finditer(sentence_text):
        noun = m.group().lower()
        kind = kinds.get(noun, "domestic")
        tail = sentence_text[m.end():m.end() + 40]
        if kind == "foreign":
            iso = _state_after(tail, gaz)
            if iso:
                phrase = sentence_text[m.start():m.end()] + tail[:_phrase_end(tail)]
                return Actor(phrase.strip(), iso, offset + m.start(), offset + m.start() + len(phrase.strip()))
            continue
        if best is None and event_country:
            phrase = sentence_text[m.start():m.end()] + tail[:_phrase_end(tail)]
            best = Actor(phrase.strip(), event_country, offset + m.start(), offset + m.start() + len(phrase.strip()))
    for c in claim_spans:
        for w in re.findall(r"[\w’'-]+", c.text):
            iso = gaz.country_of(re.sub(r"^[lLdD]['’]", "", w)) if w[:1].isupper() or w[2:3].isupper() else None
            if iso and iso != event_country:
                return Actor(c.text, iso, c.start, c.end)
    return best


def _state_after(tail: str, gaz: Gazetteer) -> Optional[str]:
    m = re.match(r"^\s*(?:permanente\s+|générale\s+)?(?:(?P<adj>[\w-]+)|(?:de\s+la\s+|de\s+l['’]|d['’]|de\s+|du\s+|des\s+)(?P<name>[\w-]+(?:\s+[\w-]+)?))", tail)
    if not m:
        return None
    if m.group("adj"):
        iso = gaz.adjective_country(m.group("adj"))
        if iso:
            return iso
        m2 = re.match(r"^\s*[\w-]+\s+(?:de\s+la\s+|de\s+l['’]|d['’]|de\s+|du\s+)([\w-]+)", tail)
        return gaz.country_of(m2.group(1)) if m2 else None
    name = m.group("name")
    return gaz.country_of(name) or gaz.country_of(name.split()[0])


def _phrase_end(tail: str) -> int:
    m = re.search(r"[,.;:]|\s(?:à|pour|contre|avant|après|où|qui|et)\s", tail)
    return m.start() if m else len(tail)


def participants(trig: Trigger, is_demonym, gaz: Gazetteer) -> list[Actor]:
    """The people who protest: the trigger's subject without its count, or 'pour la plupart des X'."""
    doc = trig.sentence.doc
    tok = doc[trig.i]
    subj = next((c for c in tok.children if c.dep_.startswith("nsubj")), None)
    if subj is None and tok.pos_ == "NOUN" and tok.head.pos_ == "VERB":
        subj = next((c for c in tok.head.children if c.dep_.startswith("nsubj") and c.i != tok.i), None)
    out = []
    if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
        words = [t for t in subj.subtree if t.i < trig.i or t.i > trig.j]
        if words:
            span = doc[words[0].i:words[-1].i + 1]
            text = re.sub(r"^(?:de[s]?|les?|la|l['’]|un|une|quelque|plus de|près de|environ|[\d  .,]+|"
                          r"(?:des|plusieurs|une|un)\s+\w+(?:aines?|iers?)\s+(?:de\s+milliers\s+)?)\s*(?:de\s+|d['’])?",
                          "", span.text, flags=re.I).strip(" ,")
            text = re.sub(r"^(?:personnes|gens)\b,?\s*(?:pour la plupart\s+)?(?:des\s+)?", "", text).strip(" ,")
            if text and len(text) < 120:
                first = text.split()[0]
                iso = gaz.country_of(first) if is_demonym(first) else None
                if iso is None:
                    iso = next((gaz.adjective_country(w) for w in text.split()[1:] if gaz.adjective_country(w)), None)
                start = trig.sentence.start + span.start_char + span.text.find(text)
                out.append(Actor(text, iso, start, start + len(text)))
    call = re.search(r"à l['’]appel (?:de la |de l['’]|du |des |de |d['’])([^,.;]+)", trig.sentence.text)
    if call:
        start = trig.sentence.start + call.start(1)
        out.append(Actor(call.group(1).strip(), None, start, start + len(call.group(1).strip())))
    return out


def outcome(text: str) -> Outcome:
    """Arrests, injured and killed counted in the text ("Dix-sept personnes ont été interpellées")."""
    result = Outcome()
    for field, pattern in OUTCOME_WORDS.items():
        rx = re.compile(rf"(?<![\w-]){_NUM}\s+(?:\w+\s+){{0,2}}?(?:ont\s+été\s+|sont\s+|ont\s+|a\s+été\s+)?(?:{pattern})\b"
                        rf"|(?:fait\s+état\s+d['’]une|une\s+seule)\s+(?:{pattern})", re.IGNORECASE)
        total = None
        for m in rx.finditer(text):
            raw = (m.group("n") or "un") if m.groupdict().get("n") else "un"
            n = VAGUE_COUNTS.get(raw.lower()) or parse_number(raw)
            if n is not None and n < 100000:
                total = max(total or 0, n)
        setattr(result, field, total)
    return result


def fold_contains(text: str, word: str) -> bool:
    return fold(word) in fold(text)
