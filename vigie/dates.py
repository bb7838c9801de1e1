"""Date: French day expressions resolved against the publication date and tense (spec section 4).

Hand-written because dateparser returns nothing for "mardi soir" or "dans la nuit de samedi
à dimanche", sends every bare weekday to the past (wrong for announced protests) and moves
"mercredi 14 décembre" to another year.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .lexicon import GatedRegex, table

WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
          "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12}
_WD = "|".join(WEEKDAYS)
_MO = "|".join(MONTHS)
_PART = r"(?:\s+(?:matin|soir|midi|après-midi|apres-midi|soirée|en\s+(?:début|fin)\s+(?:de\s+)?(?:matinée|soirée|journée|d'après-midi|après-midi)))?"
DAY_RE = re.compile(
    rf"(?<![\w-])(?:(?P<night>(?:dans\s+la\s+nuit\s+|nuit\s+)?d[ue]\s+)(?P<wd1>{_WD})\s+(?:à|au)\s+(?:{_WD})"
    rf"|(?P<this>(?:ce|dès\s+ce)\s+)?(?P<wd>{_WD})(?:\s+(?P<d1>\d{{1,2}})(?:er)?\s+(?P<m1>{_MO})(?:\s+(?P<y1>\d{{4}}))?)?{_PART}"
    rf"(?:\s+(?P<dir>dernier|prochain))?"
    rf"|(?P<d2>\d{{1,2}})(?:er)?[\s-]+(?P<m2>{_MO})(?:\s+(?P<y2>\d{{4}}))?"
    rf"|(?:en\s+|à\s+la\s+mi-|mi-|à\s+l'automne\s+|au\s+printemps\s+|à\s+l'été\s+|à\s+l'hiver\s+|en\s+début\s+d'année\s+)?"
    rf"(?P<m3>{_MO})\s+(?P<y3>\d{{4}})"
    rf"|(?:en|de|depuis)\s+(?P<y4>(?:19|20)\d\d)(?!\d|[ \u00a0\u202f]\d)"
    rf"|(?:(?:de|à|depuis)\s+)?(?:l['’](?:été|hiver|automne)|(?:le|du|au)\s+printemps)\s+(?P<y5>(?:19|20)\d\d)"
    rf"|il\s+y\s+a\s+(?P<ago>\w+)\s+(?P<unit>jours?|semaines?|mois|ans?))(?![\w-])",
    re.IGNORECASE)
AGO = re.compile(r"il\s+y\s+a", re.IGNORECASE)
NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
           "neuf": 9, "dix": 10, "quinze": 15}


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    day: Optional[dt.date]  # resolved day, None when only a month or year is given
    approx: Optional[dt.date] = None  # first day of a month or year ("en décembre 2018")
    weekday_only: bool = False


@lru_cache(maxsize=1)
def _relative():
    rows = table("relative_dates.tsv")
    return GatedRegex([re.escape(r["pattern"]) for r in rows]), {r["pattern"]: r["offset"] for r in rows}


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


STREET_BEFORE = re.compile(r"\b(?:place|rue|avenue|boulevard|cours|quai|pont|square|stade|parc|allée|esplanade|"
                           r"carrefour|rond-point|lycée|collège|école|mouvement)\s+(?:du|de\s+la|des|de\s+l['’])\s*$", re.I)


def find_dates(text: str, published: Optional[dt.date], future: bool = False, offset: int = 0) -> list[DateMention]:
    """Date expressions of a sentence, resolved (day is None without a publication date)."""
    out = []
    # Substring tests first: every expression of DAY_RE has a digit, a weekday or "il y a", and
    # most sentences have none (the regex costs 20 µs a sentence, the tests 2).
    folded = text.casefold()
    day_words = bool(re.search(r"\d", text)) or any(w in folded for w in WEEKDAYS) or bool(AGO.search(text))
    for m in DAY_RE.finditer(text) if day_words else ():
        if not STREET_BEFORE.search(text[max(0, m.start() - 30):m.start()]):  # "la place du 13-Mai" is a name
            out.append(_resolve(m, published, future, offset))
    rel_re, offsets = _relative()
    for m in rel_re.finditer(text):
        if any(d.start <= offset + m.start() < d.end for d in out):
            continue
        rule = offsets.get(m.group().lower().replace("’", "'"))
        day = _relative_day(published, rule, future) if published and rule else None
        out.append(DateMention(offset + m.start(), offset + m.end(), m.group(), day))
    return sorted(out, key=lambda d: d.start)


def _relative_day(pub: dt.date, rule: str, future: bool) -> dt.date:
    if not rule.startswith("sat"):
        return pub + dt.timedelta(days=int(rule))
    last = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)  # the last Saturday, this one on a weekend
    weekend = pub.weekday() >= 5
    step = int(rule[3:] or 0)
    if step == 0:  # "ce week-end": the one under way, else the coming one or the one just past by tense
        return last + dt.timedelta(days=7) if not weekend and future else last
    if step < 0:
        return last - dt.timedelta(days=7) if weekend else last
    return last + dt.timedelta(days=7)


def _resolve(m: re.Match, pub: Optional[dt.date], future: bool, offset: int) -> DateMention:
    g = m.groupdict()
    mention = DateMention(offset + m.start(), offset + m.end(), m.group(), None)
    month = (g["m1"] or g["m2"] or "").lower()
    if g["d1"] or g["d2"]:
        day = int(g["d1"] or g["d2"])
        year = g["y1"] or g["y2"]
        mention.day = _day_month(day, MONTHS[month], int(year) if year else None, pub, future)
    elif g["wd"] or g["wd1"]:
        mention.weekday_only = True
        if pub:
            wd = WEEKDAYS.index((g["wd"] or g["wd1"]).lower())
            direction = (g["dir"] or "").lower()
            if g["this"]:  # "ce vendredi": the one of this week
                mention.day = min((pub + dt.timedelta(days=k) for k in range(-3, 4)), key=lambda d: (d.weekday() != wd, abs((d - pub).days)))
            else:
                ahead = future if not direction else direction == "prochain"
                mention.day = _weekday(pub, wd, ahead, strict=bool(direction))
    elif g["m3"]:
        mention.approx = dt.date(int(g["y3"]), MONTHS[g["m3"].lower()], 1)
    elif g["y4"] or g["y5"]:  # "en 2018", "de l'été 2018"
        mention.approx = dt.date(int(g["y4"] or g["y5"]), 1, 1)
    elif g["ago"] and pub:
        n = NUMBERS.get(g["ago"].lower()) or (int(g["ago"]) if g["ago"].isdigit() else None)
        unit = g["unit"].lower()
        if n:
            days = {"j": 1, "s": 7, "m": 30, "a": 365}[unit[0]] * n
            mention.day = pub - dt.timedelta(days=days)
    return mention


def _weekday(pub: dt.date, wd: int, ahead: bool, strict: bool = False) -> dt.date:
    """Past: the last such day up to publication (the same day counts, unless "dernier" says a week
    before); future: the next one after."""
    if ahead:
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    back = (pub.weekday() - wd) % 7
    return pub - dt.timedelta(days=back or (7 if strict else 0))


def _day_month(day: int, month: int, year: Optional[int], pub: Optional[dt.date], future: bool) -> Optional[dt.date]:
    try:
        if year:
            return dt.date(year, month, day)
        if not pub:
            return None
        options = [dt.date(pub.year + k, month, day) for k in (-1, 0, 1)]
    except ValueError:
        return None
    if future:
        later = [d for d in options if d >= pub]
        return min(later, key=lambda d: d - pub) if later else None
    earlier = [d for d in options if d <= pub + dt.timedelta(days=7)]
    return max(earlier) if earlier else None
