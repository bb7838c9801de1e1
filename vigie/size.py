"""Size: crowd figures in a sentence, normalised to ranges (spec section 3).

Hand-written because text2num leaves "une cinquantaine", "des centaines" and "1.500"
alone; we use it only for runs of number words ("deux mille" -> 2000).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from text_to_num import text2num

from .dates import MONTHS
from .lexicon import GatedRegex, fold, holds_any, table, words

NUMBER_WORDS = ("zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
                "quinze seize vingt vingts trente quarante cinquante soixante cent cents mille et").split()
_NUM_WORD = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_FIRST_WORD = r"(?:" + "|".join(sorted(set(NUMBER_WORDS) - {"et"}, key=len, reverse=True)) + r")"
_WORDS_RUN = rf"{_FIRST_WORD}(?:[\s-]+{_NUM_WORD})*(?<![\s-]et)"  # "vingt et un", not "et deux mille"
_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?!\d|,\d)|\d+(?:,\d+)?"
NUMBER = re.compile(rf"(?<![\w-])(?P<n>{_DIGITS}|{_WORDS_RUN})(?:\s+(?P<mult>millions?|milliards?|mille))?(?![\w-])",
                    re.IGNORECASE)
ADVERBS = r"(?:(?:alors|aussi|déjà|également|ensuite|finalement|encore|[\w]+ment)\s+)*"  # "avaient alors été brièvement"
OUTCOME_AFTER = re.compile(r"^\W*(?:[\w-]+\W+){0,2}?(?:(?:ont|sont|avaient|étaient)\s+" + ADVERBS + r"(?:été\s+)?" + ADVERBS
                           + r")?(?:interpellé|arrêté|blessé|tué|mort|décédé|hospitalisé|noyé|disparu)\w*", re.IGNORECASE)
OUTCOME_BEFORE = re.compile(r"\b(?:interpellé|arrêté|blessé|tué|hospitalisé|évacué|verbalisé)e?s?\s+"
                            r"(?:au\s+moins\s+|plus\s+de\s+|près\s+de\s+|environ\s+)?$", re.IGNORECASE)
# who a group stands for or a person's family, not who came: "qui représentent 420 000 employés", "mère de trois enfants"
NOT_PRESENT_BEFORE = re.compile(r"\b(?:(?:qui\s+)?(?:représent|regroup|fédèr|fédér|emploi|rassemblant\s+au\s+total)\w*"
                                r"|(?:mère|père|parents?|maman|papa)\s+d[e'’])\s*(?:plus\s+de\s+|près\s+de\s+|environ\s+|quelque\s+)?$",
                                re.IGNORECASE)


@dataclass
class SizeMention:
    start: int
    end: int
    text: str
    min: Optional[int]
    max: Optional[int]
    best: Optional[int]
    crowd: bool  # followed by a noun for people
    same: bool = False  # "autant": the figure of the previous place
    source: Optional[str] = None  # "selon X"


@lru_cache(maxsize=1)
def _vague():
    rows = table("vague_quantities.tsv")
    lookup = [(re.compile(r["pattern"] + r"$", re.I), int(r["min"]), int(r["max"]), int(r["best"])) for r in rows]
    return GatedRegex([r["pattern"] for r in rows]), lookup


@lru_cache(maxsize=1)
def _modifiers():
    rows = table("size_modifiers.tsv")
    kinds = {fold(r["pattern"]): r["kind"] for r in rows}
    return re.compile(r"(?:^|[\s'’])(" + "|".join(sorted((re.escape(r["pattern"]) for r in rows), key=len, reverse=True))
                      + r")\s*$", re.IGNORECASE), kinds


@lru_cache(maxsize=1)
def crowd_nouns() -> frozenset[str]:
    return frozenset(fold(w) for w in words("crowd_nouns.txt"))


def parse_number(text: str, mult: Optional[str] = None) -> Optional[int]:
    t = text.strip()
    try:
        if re.match(r"\d", t):
            t = re.sub(r"[ \u00a0\u202f.](?=\d{3}\b)", "", t)
            value = float(t.replace(",", "."))
        else:
            value = float(text2num(t.lower().replace("-", " ").replace("  ", " "), "fr"))
    except ValueError:
        return None
    factor = {"mille": 1000, "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9}
    return int(round(value * factor.get((mult or "").lower(), 1)))


BETWEEN_MILLIONS = re.compile(r"\bentre\s+(\d+(?:,\d+)?)\s+et\s+(\d+(?:,\d+)?)\s+(millions?|milliards?)", re.I)
COUNT_WORDS = frozenset(NUMBER_WORDS) - {"zéro", "un", "une", "et"} | {"milli"}
AS_MANY = re.compile(r"(?<![\w-])autant(?![\w-])", re.I)
MONTH_KEYS = frozenset(fold(m) for m in MONTHS)
# the words before "selon" are whole words (possessive \w++): a word cut in two made the regex try every cut
SOURCE_AFTER = re.compile(r"^\s*[,(]?\s*(?:\w++\s*[,(]?\s*){0,2}(?:selon|d['’]après)\s+([^,;.)]+)")


def find_sizes(text: str, offset: int = 0, is_demonym=lambda w: False) -> list[SizeMention]:
    """Every quantity of people in the text (a sentence), with offsets shifted by offset."""
    found: list[SizeMention] = []
    taken: list[tuple[int, int]] = []
    vague_re, lookup = _vague()
    for m in vague_re.finditer(text):
        phrase = m.group().lower()
        for rx, lo, hi, best in lookup:
            if rx.match(phrase):
                found.append(_mention(text, m.start(), m.end(), lo, hi, best, offset, is_demonym))
                taken.append((m.start(), m.end()))
                break
    folded = text.casefold()  # the substring tests spare a regex search in most sentences
    for m in BETWEEN_MILLIONS.finditer(text) if "milli" in folded else ():
        lo, hi = parse_number(m.group(1), m.group(3)), parse_number(m.group(2), m.group(3))
        found.append(_mention(text, m.start(), m.end(), lo, hi, lo, offset, is_demonym))  # "entre 1,2 et 1,6 million"
        taken.append((m.start(), m.end()))
    # a count of two or more needs a digit or a number word other than "un", "une" ("un million" has "milli")
    for m in NUMBER.finditer(text) if DIGIT.search(text) or holds_any(text, COUNT_WORDS) else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        n = parse_number(m.group("n"), m.group("mult"))
        if n is None or n < 2 or _is_date_or_year(text, m):
            continue
        found.append(_mention(text, m.start(), m.end(), n, n, n, offset, is_demonym))
    for m in AS_MANY.finditer(text) if "autant" in folded else ():
        found.append(SizeMention(offset + m.start(), offset + m.end(), m.group(), None, None, None, True, same=True))
    found.sort(key=lambda s: s.start)
    return [s for s in _pair_estimates(found, text, offset) if s.crowd or s.same or s.best is not None]


def _mention(text, start, end, lo, hi, best, offset, is_demonym) -> SizeMention:
    before = text[max(0, start - 25):start]
    mod = _modifiers()[0].search(before)
    if mod:
        kind = _modifiers()[1][fold(mod.group(1))]
        start = start - (len(before) - before.rfind(mod.group(1)))
        if kind == "approx" and lo == hi:
            lo, hi = int(round(best * 0.9)), int(round(best * 1.1))
        elif kind == "atleast":
            lo, hi = best if lo == hi else lo, None
        elif kind == "atmost":
            lo, hi = 1, best
    after = text[end:end + 60]
    crowd = _people_follow(after, is_demonym)
    if crowd is None and lo != hi and not re.match(r"\d", text[start:end].lstrip("qQuelpsdrèèeéàn ")):
        crowd = True  # "ils n'étaient qu'une cinquantaine": a vague count standing alone counts people
    named = re.fullmatch(r"\d{1,2}", text[start:end]) and re.search(r"\b[A-ZÉ][\w-]+\s$", before)  # "Rennes 2", "Paris 8"
    if crowd is False or named or OUTCOME_AFTER.match(after) or OUTCOME_BEFORE.search(before) or NOT_PRESENT_BEFORE.search(before):
        # "la police a interpellé 12 personnes"
        return SizeMention(offset + start, offset + end, text[start:end], None, None, None, False)
    source = (SOURCE_AFTER.match(after)  # "2 500 personnes, selon la police"
              or _counters()[0].match(after) or _counters()[1].search(text[max(0, start - 90):start])
              or CLAIMED.search(before))
    if crowd is None and (source or THEY_WERE.search(before) or COUNTED.search(before)):
        crowd = True  # "ils étaient 29 000 selon les organisateurs": a count of people by its source
    return SizeMention(offset + start, offset + end, text[start:end], lo, hi, best, crowd is True,
                       source=source.group(1).strip() if source else None)


@lru_cache(maxsize=1)
def _counters() -> tuple[re.Pattern, re.Pattern]:
    """Who counted, after the figure ("12 000 pour la police") or before it ("les organisateurs ont
    compté 6 500 manifestants", "..., la préfecture du Rhône 3 200")."""
    nouns = "|".join(sorted((re.escape(w) for w in words("count_sources.txt")), key=len, reverse=True))
    who = (rf"(?:la|le|les|l['’])\s*(?:{nouns})(?:\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?[\w'’-]+)?"
           rf"|(?:la|le|l['’])\s*(?-i:[A-ZÉ][\w-]+(?:\s+[a-zé][a-zé-]+)?)|(?:un|une)\s+(?:{nouns})(?:\s+[\w-]+)?")
    # "un observatoire indépendant", "la Sécurité publique en a compté 1.500"
    after = re.compile(rf"^\s*[,(]?\s*(?:[\w'’]++\s*[,(]?\s*){{0,2}}?(?:pour|par)\s+({who})(?=\W)", re.I)
    counted = (r"(?:compté|dénombré|recensé|revendiqué|annoncé|avancé|évoqué|estimé"
               r"|évalué\s+(?:la\s+foule|la\s+participation|le\s+nombre\s+de\s+[\w-]+))")
    counting = r"(?:comptant|dénombrant|recensant|revendiquant|annonçant|évaluant\s+la\s+foule)"
    approx = r"(?:à\s+|que\s+|qu['’]\s*|quelque\s+|environ\s+|près\s+de\s+|plus\s+de\s+)*"
    before = re.compile(rf"(?:^|[,;:.]|\bet)\s*({who})\s+(?:(?:n['’]\s*)?(?:en\s+)?(?:a|ont|avait|avaient)\s+(?:[\w-]+\s+)?"
                        rf"{counted}\s+{approx}|(?:ne\s+|n['’]\s*)?{counting}\s+{approx})?$", re.I)
    # "le ministère n'en a compté que 107 000", "la police ne dénombrant que 338 000"
    return after, before


CLAIMED = re.compile(r"\b(?:a|ont|avait|avaient)\s+(revendiqué)\s+(?:quelque\s+|environ\s+|plus\s+de\s+|près\s+de\s+)?$", re.I)
# "Le Front civil, à l'origine de la marche, a revendiqué deux millions de participants": the organisers' count


THEY_WERE = re.compile(r"\b(?:ils|elles)\s+(?:n['’])?(?:étaient|sont|seront|étaient\s+encore)\s+(?:qu['’]\s*|que\s+)?"
                       r"(?:(?:plus\s+de|près\s+de|environ|quelque|au\s+moins)\s+)?$", re.I)  # "ils étaient 300 000"
COUNTED = re.compile(r"\b(?:en|les|l['’])\s+(?:(?:a|ont|avait|avaient)\s+)?(?:compt|dénombr|recens)\w*\s+(?:(?:plus\s+de|près\s+de|"
                     r"environ|quelque|au\s+moins)\s+)?$", re.I)  # "on en comptait 8 000 à Berne"
STANDALONE_NEXT = {"selon", "d'apres", "apres", "par", "entre", "derriere", "malgre", "sous", "pendant", "durant", "chacun", "chacune", "et", "au", "aux", "a", "dans", "en", "pour", "le", "la",
                   "les", "ont", "sont", "se", "s'y", "y", "qui", "venus", "venues", "avaient", "etaient", "autant",
                   "ou", "contre", "devant", "sur", "sous", "lors", "vers", "depuis", "place", "rue"}


def _people_follow(after: str, is_demonym) -> Optional[bool]:
    """True: people are counted; False: something else is; None: the figure stands alone."""
    m = re.match(r"^\s*(?:de\s+|d['’]\s*)?(?:(?:ses|leurs|nos|vos|ces)\s+)?[«\"“]?\s*([\w'’-]+)(?:\s+([\w'’-]+))?", after)
    # ("plusieurs centaines de ses partisans")
    if not m:
        return None
    w1, w2 = m.group(1), m.group(2) or ""
    if _people(w1) or _people(f"{w1} {w2}") or is_demonym(w1):
        return True
    if w1[:1].isupper() and w1.endswith("s") and fold(w1) not in MONTH_KEYS:
        return True  # "5 000 Kurdes", "des centaines de Parisiens": a group named by a proper noun
    if fold(w1) in {"autres", "jeunes", "simples", "nouveaux"} and (_people(w2) or is_demonym(w2)):
        return True
    if fold(w1) == "autres" and (not w2 or fold(w2) in STANDALONE_NEXT):
        return True  # "3 000 à Saïda et des milliers d'autres à Tyr": more of the people counted
    return None if fold(w1) in STANDALONE_NEXT else False


def _people(phrase: str) -> bool:
    key = " ".join(w.rstrip("sx") for w in fold(phrase).split())
    return bool(key) and (key in crowd_nouns() or fold(phrase) in crowd_nouns())


def _is_date_or_year(text: str, m: re.Match) -> bool:
    digits = m.group("n")
    after = fold(text[m.end():m.end() + 12]).split()
    if after and after[0] in MONTH_KEYS:
        return True
    if re.fullmatch(r"(1[89]|20)\d\d", digits) and not m.group("mult"):
        return True
    if after and after[0] in {"h", "heures", "heure", "%", "h30", "ans", "an"}:
        return True
    return bool(re.match(r"\s*(?:h\d*|%)", text[m.end():m.end() + 3]))


def _pair_estimates(found: list[SizeMention], text: str, offset: int) -> list[SizeMention]:
    """"75 000 selon les organisateurs, 65 000 selon la police" is one range: min..max, best = min."""
    out: list[SizeMention] = []
    for s in found:
        prev = out[-1] if out else None
        if (prev and prev.best and s.best and re.fullmatch(r"\s+et\s+", text[prev.end - offset:s.start - offset])
                and re.search(r"entre\s+$", text[:prev.start - offset], re.I)):  # "entre 80 000 et 140 000 manifestants"
            out[-1] = SizeMention(prev.start, s.end, text[prev.start - offset:s.end - offset], prev.min,
                                  s.max, prev.best, prev.crowd or s.crowd, source=s.source)
            continue
        gap = text[prev.end - offset:s.start - offset].replace(prev.source or "", "").replace(s.source or "", "") if prev else ""
        if (prev and prev.source and prev.best and s.best and not s.same
                and 0 <= s.start - prev.end < 60 + len(prev.source)
                and not re.search(r"\b[A-ZÀ-Ý][a-zà-ÿ]", gap)  # "8 500 selon la police, Toulouse 10 000": another town's
                and (s.source or re.search(r"selon|d['’]après", text[s.end - offset:s.end - offset + 30]))
                and (prev.crowd or s.crowd or prev.source)):
            lo, hi = min(prev.min or prev.best, s.min or s.best), max(prev.max or prev.best, s.max or s.best)
            out[-1] = SizeMention(prev.start, s.end, text[prev.start - offset:s.end - offset], lo, hi,
                                  min(prev.best, s.best), True, source=prev.source)
            continue
        out.append(s)
    return out


def counts_people(text: str) -> bool:
    """Cheap test on raw text: a count of people ("une cinquantaine", "600 personnes", "ils étaient")."""
    counts = _counts_of_people()
    return bool(_vague()[0].search(text)
                or (("étaient" in text.casefold() or DIGIT.search(text)) and counts.search(text)))


DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _counts_of_people() -> re.Pattern:
    nouns = "|".join(sorted((re.escape(n) for n in crowd_nouns()), key=len, reverse=True))
    return re.compile(rf"\d[\d \u00a0\u202f.]*\s+(?:[\w'’-]+\s+)?(?:{nouns})s?(?![\w-])"
                      rf"|\d[\d \u00a0\u202f.]*\s+selon\b|\b(?:ils|elles)\s+(?:n['’])?étaient\b", re.I)
