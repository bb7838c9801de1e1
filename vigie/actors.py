"""Actors and aims: participants, target, claims and outcome of a protest sentence."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .detect import Trigger
from .geocode import Gazetteer
from .lexicon import fold, holds_any, phrase_regex, required_words, table, words
from .records import Actor, Outcome, Span
from .size import parse_number

OUTCOME_WORDS = {
    "arrests": r"interpell\w*|arrêt\w*|arrestations?|gardes?\s+à\s+vue|placée?s?\s+en\s+garde\s+à\s+vue",
    "injured": r"blessée?s?|blessés",
    "killed": r"tuée?s?|morte?s?|décédée?s?",
}
_NUM = r"(?P<n>une\s+\w+aine|des\s+dizaines|des\s+centaines|\d[\d \u00a0\u202f.]*|" \
       r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|" \
       r"trente|quarante|cinquante|soixante|cent|mille)(?:-\w+)*)"
VAGUE_COUNTS = {"une dizaine": 10, "une quinzaine": 15, "une vingtaine": 20, "une trentaine": 30, "une quarantaine": 40,
                "une cinquantaine": 50, "une soixantaine": 60, "une centaine": 100, "des dizaines": 40,
                "des centaines": 300}


@lru_cache(maxsize=1)
def _claim_markers():
    rows = table("claim_markers.tsv")
    keep = {r["pattern"]: r["keep"] == "1" for r in rows}
    return phrase_regex([re.escape(p) for p in keep]), keep


@lru_cache(maxsize=1)
def _institutions():
    rows = table("institutions.tsv")  # plurals too: "devant les représentations diplomatiques de la Russie"
    return phrase_regex([re.escape(r["noun"]) + "s?" for r in rows]), {r["noun"]: r["kind"] for r in rows}


def claims(sentence_text: str, offset: int, after: int) -> list[Span]:
    """Purpose clauses after the trigger: "pour dénoncer X", "contre X", "en soutien à X"."""
    rx, keep = _claim_markers()
    out = []
    for m in rx.finditer(sentence_text):
        if offset + m.start() < after or any(s.start <= offset + m.start() < s.end for s in out):
            continue
        start = m.start() if keep[m.group().lower()] else m.end()
        if sentence_text[start:start + 5].lower() == "pour ":
            start += 5  # the claim is what they ask for: "dénoncer X", not "pour dénoncer X"
        tail = sentence_text[start:]
        stop = re.search(r"[.,;:!?»«\"(]|\s(?:selon|a|ont|avait|avaient|est|sont|était|étaient)\s", tail)
        raw = tail[:stop.start() if stop else len(tail)]
        text = raw.strip(" ,")
        if text:
            begin = offset + start + raw.index(text)
            out.append(Span(text, begin, begin + len(text)))
    return out


# words before a state in a claim that make it a destination or an origin
ELSEWHERE = {"vers", "depuis", "provenance", "importe", "importes", "importee", "importees", "exporte", "exportes",
             "exportee", "exportees", "venu", "venus", "venue", "venues", "originaire", "originaires", "transit"}


def target(sentence_text: str, offset: int, gaz: Gazetteer, event_country: Optional[str],
           claim_spans: list[Span]) -> Optional[Actor]:
    """Who the protest is aimed at: an embassy's state, the state of a ministry, or a state in the claims."""
    rx, kinds = _institutions()
    best = None
    for m in rx.finditer(sentence_text):
        noun = m.group().lower()
        kind = kinds.get(noun) or kinds.get(noun[:-1], "domestic")
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
        if re.match(r"(?:en\s+)?(?:soutien|soutenir|solidarité|hommage|défendre)", c.text, re.I):
            continue  # the people they stand with are not their target
        tokens = re.findall(r"[\w’'-]+", c.text)
        for k, w in enumerate(tokens):
            if ELSEWHERE & {fold(v) for v in tokens[max(0, k - 2):k]}:
                continue  # "les extraditions vers la Chine", "du carburant importé du Nigeria": not who is aimed at
            attacked = _attacked(tokens, k)
            if attacked:  # "l'invasion de l'Ukraine": the state attacked is not the target, the attacker is
                iso = gaz.adjective_country(w) if not w[:1].isupper() else None  # "l'invasion russe"
            else:
                bare = re.sub(r"^[lLdD]['’]", "", w)
                iso = (gaz.country_of(bare) or gaz.state_of_capital(bare)) if bare[:1].isupper() else None
                # ("contre le refus de Londres": a capital stands for its government)
            if iso and iso != event_country:
                return Actor(c.text, iso, c.start, c.end)
    return best


@lru_cache(maxsize=1)
def _aggressions() -> dict[str, str]:
    return {fold(r["noun"]): r["of"] for r in table("aggressions.tsv")}


def _attacked(tokens: list[str], k: int) -> bool:
    """Whether tokens[k] names the side attacked, or the attacker by its adjective ("l'invasion russe")."""
    bare = [fold(re.sub(r"^[lLdD]['’]", "", v)) for v in tokens[max(0, k - 3):k + 1]]
    *before, word = bare
    for n, noun in enumerate(before):
        of = _aggressions().get(noun)
        if of is None:
            continue
        links = set(before[n + 1:]) | ({"de"} if re.match(r"^[dD]['’]", tokens[k]) else set())
        if links & {"contre", "sur", "en"} or (of == "victim" and links & {"de", "du", "des"}) or not before[n + 1:]:
            return True
    return False


def _state_after(tail: str, gaz: Gazetteer) -> Optional[str]:
    m = re.match(r"^\s*(?:permanente\s+|générale\s+)?(?:(?:de\s+la\s+|de\s+l['’]|d['’]|de\s+|du\s+|des\s+)"
                 r"(?P<name>[\w-]+(?:\s+[\w-]+)?)|(?P<adj>[\w-]+))", tail)
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
    m = re.search(r"[,.;:]|\s(?:à|pour|contre|avant|après|où|qui|et|a|ont|est|sont|avait|était)\s", tail)
    return m.start() if m else len(tail)


LEADING_COUNT = re.compile(
    r"^(?:(?:des|les|de|d['’]|une?|plusieurs|quelques?|près\s+de|environ|plus\s+de|au\s+moins|autour\s+de)\s*)*"
    r"(?:[\d \u00a0\u202f.,]+(?:\s+millions?)?|\w+aines?|milliers?|millions?)?\s*(?:de\s+milliers\s+)?(?:de\s+|d['’])?", re.I)
GENERIC = {"personne", "personnes", "gens", "manifestant", "manifestants", "participants", "hommes"}
MAJORITY = re.compile(r"(?:pour la plupart|en majorité|essentiellement|pour l['’]essentiel|surtout)\s+(?:des|de|d['’])\s*"
                      r"([^,.;]+)", re.I)


def participants(trig: Trigger, is_demonym, gaz: Gazetteer) -> list[Actor]:
    """Who protests: the subject without its count ("des centaines d'étudiants" -> "étudiants"),
    "pour la plupart des X" when the subject is only "personnes", and who called the protest."""
    doc, sent = trig.sentence.doc, trig.sentence
    tok = doc[trig.i]
    subj = next((c for c in tok.children if c.dep_.startswith("nsubj")), None)
    if subj is None and tok.head.i != tok.i:
        subj = next((c for c in tok.head.children if c.dep_.startswith("nsubj") and c.i != tok.i), None)
    out = []
    if subj is not None and subj.pos_ in {"NOUN", "PROPN"} and subj.dep_ != "nsubj:pass":
        span = doc[subj.left_edge.i:subj.right_edge.i + 1]
        text = re.split(r"[,(]|\s+selon\s", span.text)[0]
        text = LEADING_COUNT.sub("", text).strip(" ,")
        majority = MAJORITY.search(span.text) or MAJORITY.match(sent.text[span.end_char:].lstrip(" ,"))
        if majority and (not text or fold(text.split()[0]) in GENERIC):
            text = majority.group(1).strip()
        if text and fold(text) not in GENERIC and len(text) < 100:
            start = sent.start + sent.text.find(text, span.start_char)
            out.append(Actor(text, _nationality(text, is_demonym, gaz), start, start + len(text)))
    call = re.search(r"\b[àaA] l['’]appel (?:de la |de l['’]|du |des |de |d['’])([^,.;]+)", sent.text)
    if call:  # "à l'appel de la CGT et de SUD-Rail": each organisation
        for part in re.finditer(r"(?:^|\s+et\s+(?:de la |de l['’]|du |des |de |d['’]))([^,.;]+?)(?=\s+et\s+(?:de|du|des|d['’])\b|$)",
                                call.group(1)):
            name = part.group(1).strip()
            start = sent.start + call.start(1) + part.start(1)
            out.append(Actor(name, None, start, start + len(name)))
    return out


def _nationality(text: str, is_demonym, gaz: Gazetteer) -> Optional[str]:
    for w in text.split():
        iso = gaz.country_of(w) if is_demonym(w) else gaz.adjective_country(w)
        if iso:
            return iso
    return None


RECALLED_BEFORE = re.compile(r"\b(?:mémoire|hommage|souvenir|commémor\w*|anniversaire|mort|meurtre|assassinat)\s+"
                             r"(?:de|des|du|d['’]|à|aux)?\s*$", re.IGNORECASE)
RECALLED_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}(?:en|depuis)\s+(?:1[89]|20)\d\d\b|^\s+il\s+y\s+a\b", re.IGNORECASE)


def _recalled(text: str, m: re.Match) -> bool:
    """"en mémoire des trois militantes tuées en 2013": a toll recalled, not this protest's."""
    return bool(RECALLED_BEFORE.search(text[max(0, m.start() - 30):m.start()]) or RECALLED_AFTER.match(text[m.end():m.end() + 40]))


@lru_cache(maxsize=1)
def _outcome_patterns() -> dict[str, tuple[re.Pattern, re.Pattern, re.Pattern]]:
    """Per outcome, "N personnes ont été interpellées" and "la police a interpellé N personnes"."""
    people = "|".join(sorted((re.escape(n) for n in words("crowd_nouns.txt") | {"individu", "policier", "gendarme"}),
                             key=len, reverse=True))
    out = {}
    for field, pattern in OUTCOME_WORDS.items():
        count_first = re.compile(
            rf"(?<![\w-]){_NUM}\s+(?!ans\b|an\b|mois\b)(?:de\s+|d['’])?(?:(?!et\b|ou\b)\w+\s+){{0,2}}?"
            rf"(?:ont\s+été\s+|sont\s+|ont\s+|a\s+été\s+)?(?:{pattern})\b"
            rf"|(?:fait\s+état\s+d['’]une|une\s+seule)\s+(?:{pattern})", re.IGNORECASE)
        verb_first = re.compile(rf"\b(?:{pattern})\s+(?:au\s+moins\s+|plus\s+de\s+|près\s+de\s+|environ\s+)?"
                                rf"{_NUM}\s+(?:{people})s?\b", re.IGNORECASE)
        out[field] = (required_words([pattern]), count_first, verb_first)
    return out


def outcome(text: str) -> Outcome:
    """Arrests, injured and killed counted in the text ("Dix-sept personnes ont été interpellées")."""
    result = Outcome()
    for field, (needed, count_first, verb_first) in _outcome_patterns().items():
        total = None
        # both patterns need the word; looked for first, as the long patterns try every position
        for m in [*count_first.finditer(text), *verb_first.finditer(text)] if holds_any(text, needed) else []:
            if _recalled(text, m):
                continue
            raw = (m.group("n") or "un") if m.groupdict().get("n") else "un"
            n = VAGUE_COUNTS.get(raw.lower()) or parse_number(raw)
            if n is not None and n < 100000:
                total = max(total or 0, n)
        setattr(result, field, total)
    return result
