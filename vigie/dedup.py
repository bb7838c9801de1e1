"""Cross-article deduplication: which event records tell the same protest.

Events are compared only within a block (same type and place key) and a date
window. A pair links when its score (date closeness, mode compatibility,
overlap of claim/participant/target/venue words, size agreement) reaches LINK;
hard conflicts (same article, other city or GeoNames id, other target state,
incompatible modes, both sides naming their cause with no word in common,
crowd sizes over 30x apart) forbid a link. Links are taken best first and
merge two clusters only if no pair across them conflicts and the merged dates
stay within the window, so a vague report cannot chain two protests together.
"""
from __future__ import annotations

import math
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Optional

from .lexicon import fold as lexicon_fold

LINK = 0.6
CROWD_GAP = 30  # size ranges this far apart are never one crowd (police and organisers differ ~10x at most)
# mode weighs little: one action is often told as a strike, a rally or a riot by different papers
WEIGHTS = {"date": 0.35, "mode": 0.15, "text": 0.4, "size": 0.1}

FAMILY = {"demonstration": "street", "march": "street", "sit-in": "street", "vigil": "street",
          "occupation": "street", "blockade": "street", "riot": "street", "strike": "strike",
          "hunger-strike": "hunger-strike", "petition": "petition", "boycott": "boycott"}
# Cross-family pairs that one protest is often reported as (strikers march, hunger strikers sit in).
NEAR = {frozenset(("street", "strike")), frozenset(("street", "hunger-strike"))}

FUNCTION_WORDS = """
les des une aux par sur est son ses pas qui que ont ils elle elles ces leur leurs mes nos vos tes pour dans
avec sans sous vers chez contre devant derriere autour pendant alors apres avant aussi autre autres avoir
etre bien cela celle celles celui ceux cette comme depuis deux donc dont encore entre lors mais meme
notamment nous plus quand selon sont tous tout toute toutes tres votre vous ainsi afin aupres"""
PROTEST_WORDS = """
manifestation manifestations manifestant manifestants manifester manifeste rassemblement rassemblements
rassembles protester protestation protestations protestent denoncer denoncent denonce reclamer reclament
exiger exigent demander demandent appel appeler appellent soutien soutenir personnes milliers centaines
dizaines environ plusieurs quelques"""
STOPWORDS = set(FUNCTION_WORDS.split()) | set(PROTEST_WORDS.split())  # words that tell no protest apart

STEM = 6  # French words compared by their first letters: retraite/retraites, reforme/reformes


def fold(text: Optional[str]) -> str:
    """Lower case, accents and punctuation removed: 'Saint-Étienne' -> 'saint etienne'."""
    return " ".join(re.findall(r"[a-z0-9]+", lexicon_fold(text))) if text else ""


def place_key(country: Optional[str], city: Optional[str]) -> Optional[str]:
    if not country:
        return None
    words = fold(city).split()
    words = [{"st": "saint", "ste": "sainte"}.get(w, w) for w in words]
    return f"{country.upper()}|{' '.join(words)}"


def tokens(*texts: Optional[str]) -> frozenset:
    out = set()
    for text in texts:
        for w in fold(text).split():
            if len(w) >= 3 and w not in STOPWORDS and not w.isdigit():  # 3: keeps CHU, CGT, VTC
                out.add(w[:STEM])
    return frozenset(out)


def day_number(iso: Optional[str]) -> Optional[int]:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


@dataclass(slots=True)
class Item:
    """What deduplication looks at in one event."""
    pk: int
    article: str
    type: Optional[str]
    place: Optional[str]
    geonameid: Optional[int]
    day: Optional[int]
    mode: Optional[str]
    target: Optional[str]
    claims: frozenset  # words of the claims
    words: frozenset  # words of the claims, participants, target and venue
    size: Optional[tuple]  # (min, max, best)
    row: dict = field(default_factory=dict, repr=False)


def item_from_row(row: dict) -> Item:
    """An Item from a flat event row (the events table's columns, plus its primary key `id`)."""
    size = None
    if row.get("size_best") is not None:
        size = (row.get("size_min"), row.get("size_max"), row["size_best"])
    return Item(pk=row["id"], article=row["article_id"], type=row.get("type"),
                place=row.get("place_key") or place_key(row.get("country"), row.get("city")),
                geonameid=row.get("geonameid"), day=day_number(row.get("date_start")),
                mode=row.get("mode"), target=row.get("target_country"),
                claims=tokens(row.get("claims")),
                words=tokens(row.get("claims"), row.get("participants"), row.get("target_text"), row.get("venue")),
                size=size, row=row)


def mode_score(a: Optional[str], b: Optional[str]) -> Optional[float]:
    if a == b:
        return 1.0
    if not a or not b or a == "other" or b == "other":
        return 0.5
    fa, fb = FAMILY.get(a, a), FAMILY.get(b, b)
    if fa == fb:
        return 0.6
    return 0.3 if frozenset((fa, fb)) in NEAR else None


def text_score(a: frozenset, b: frozenset) -> Optional[float]:
    """Overlap coefficient, so a short text contained in a longer one scores 1."""
    if not a or not b:
        return None
    return len(a & b) / min(len(a), len(b))


def size_score(a: Optional[tuple], b: Optional[tuple]) -> Optional[float]:
    """1 when the size ranges overlap, falling to 0 at 30x apart; None past CROWD_GAP (another crowd)."""
    if not a or not b:
        return 0.5
    lo_a, hi_a = a[0] or a[2], a[1] or a[2]
    lo_b, hi_b = b[0] or b[2], b[1] or b[2]
    if lo_a <= hi_b and lo_b <= hi_a:
        return 1.0  # the two ranges overlap
    gap = max(lo_a, lo_b) / max(1, min(hi_a, hi_b))
    # two counts of one crowd often differ ~3x (police vs organisers)
    if gap > CROWD_GAP:
        return None
    return max(0.0, 1 - math.log(gap / 3) / math.log(10)) if gap > 3 else 1.0


def score(a: Item, b: Item, window: int) -> Optional[float]:
    """Link score of two events in [0, 1], or None when they cannot be the same protest."""
    if a.article == b.article or a.type != b.type or not a.place or a.place != b.place:
        return None
    if a.day is None or b.day is None or abs(a.day - b.day) > window:
        return None
    if a.geonameid and b.geonameid and a.geonameid != b.geonameid:
        return None
    if a.target and b.target and a.target != b.target:
        return None
    mode = mode_score(a.mode, b.mode)
    if mode is None:
        return None
    text = text_score(a.words, b.words)
    if text == 0 and len(a.claims) >= 2 and len(b.claims) >= 2:
        return None  # both say what they are about, with not one word in common
    if text is not None and (not a.claims or not b.claims):
        text = max(text, 0.5)  # a report silent on the cause neither confirms nor contradicts
    size = size_score(a.size, b.size)
    if size is None:
        return None
    parts = {"date": 1 - abs(a.day - b.day) / (window + 1), "mode": mode,
             "text": 0.5 if text is None else text, "size": size}
    return sum(WEIGHTS[k] * v for k, v in parts.items())


def cluster(items: list[Item], window: int = 1, groups: Iterable[Iterable[int]] = (),
            new: Optional[set[int]] = None) -> list[list[int]]:
    """Partition items (by pk) into protests.

    groups are existing clusters to start from (never split); only pairs with
    at least one pk in `new` are scored (all pairs when new is None).
    """
    by_pk = {it.pk: it for it in items}
    parent = {pk: pk for pk in by_pk}
    members = {pk: [pk] for pk in by_pk}
    for group in groups:
        group = [pk for pk in group if pk in by_pk]
        for pk in group[1:]:
            parent[pk] = group[0]
            members[group[0]].append(pk)
            del members[pk]

    def find(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    blocks = defaultdict(list)
    for it in items:
        if it.place and it.day is not None:
            blocks[(it.type, it.place)].append(it)
    pairs = []
    for block in blocks.values():
        block.sort(key=lambda it: (it.day, it.pk))
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if b.day - a.day > window:
                    break
                if new is not None and a.pk not in new and b.pk not in new:
                    continue
                s = score(a, b, window)
                if s is not None and s >= LINK:
                    pairs.append((-s, min(a.pk, b.pk), max(a.pk, b.pk)))
    pairs.sort()
    for _, x, y in pairs:
        rx, ry = find(x), find(y)
        if rx == ry or not _mergeable(members[rx], members[ry], by_pk, window):
            continue
        if len(members[rx]) < len(members[ry]):
            rx, ry = ry, rx
        parent[ry] = rx
        members[rx].extend(members.pop(ry))
    return [sorted(m) for m in members.values()]


def _mergeable(xs: list[int], ys: list[int], by_pk: dict[int, Item], window: int) -> bool:
    days = [by_pk[pk].day for pk in xs + ys]
    if max(days) - min(days) > window:
        return False
    return all(score(by_pk[x], by_pk[y], window) is not None for x in xs for y in ys)


def summarise(rows: list[dict]) -> dict[str, Any]:
    """The cluster's own fields, derived from its mentions (event rows with article source/published/url)."""
    def most(values, default=None):
        values = [v for v in values if v is not None and v != ""]
        if not values:
            return default
        counts = Counter(values)
        return min(counts, key=lambda v: (-counts[v], str(v)))  # most frequent, ties: smallest

    day = most(r["date_start"] for r in rows)
    ends = [r["date_end"] for r in rows if r.get("date_end") and day and r["date_end"] > day]
    city = most(r["city"] for r in rows)
    placed = [r for r in rows if r["city"] == city] or rows
    geo = next((r for r in placed if r.get("lat") is not None), placed[0])
    modes = [r["mode"] for r in rows if r["mode"] != "other"]
    statuses = {r["status"] for r in rows}
    published = sorted(r["published"] for r in rows if r.get("published"))
    low, high, best = _size_range(rows)
    return {
        "type": most(r["type"] for r in rows), "mode": most(modes, most(r["mode"] for r in rows)),
        "status": "occurred" if "occurred" in statuses else most(r["status"] for r in rows),
        "date_start": day, "date_end": max(ends) if ends else None,
        "city": city, "admin1": most(r["admin1"] for r in placed), "country": most(r["country"] for r in rows),
        "lat": geo.get("lat"), "lon": geo.get("lon"), "geonameid": most(r["geonameid"] for r in placed),
        "place_key": most(r["place_key"] for r in rows), "venue": most(r["venue"] for r in rows),
        "target_country": most(r["target_country"] for r in rows),
        "participants": _union(r["participants"] for r in rows), "claims": _union(r["claims"] for r in rows),
        "size_low": low, "size_high": high, "size_best": best,
        "size_text": _union(r["size_text"] for r in rows),
        "arrests": _max(r["arrests"] for r in rows), "injured": _max(r["injured"] for r in rows),
        "killed": _max(r["killed"] for r in rows),
        "n_mentions": len(rows), "n_articles": len({r["article_id"] for r in rows}),
        "n_sources": len({r.get("source") or r["article_id"] for r in rows}),
        "sources": _union(r.get("source") for r in rows),
        "urls": _union(r.get("url") for r in sorted(rows, key=lambda r: r.get("published") or "")),
        "first_seen": published[0] if published else None, "last_seen": published[-1] if published else None,
        "confidence": _max(r["confidence"] for r in rows),
    }


def _size_range(rows: list[dict]) -> tuple:
    """low = lowest credible figure, high = highest, best = median of the sources' best figures.

    A source's figures are its best one, plus its max when it gave two ("N selon X, M selon Y":
    best == min < max); the max of a vague bucket ("des centaines": 999) is no figure. With three
    or more sources, one more than 10x off their median is not credible."""
    sized = [r for r in rows if r.get("size_best") is not None]
    if not sized:
        return None, None, None
    mid = statistics.median(r["size_best"] for r in sized)
    if len(sized) >= 3:
        sized = [r for r in sized if mid / 10 <= r["size_best"] <= mid * 10] or sized
    figures = [r["size_best"] for r in sized]
    figures += [r["size_max"] for r in sized
                if r.get("size_max") is not None and r.get("size_min") == r["size_best"] < r["size_max"]]
    return min(figures), max(figures), int(statistics.median_low(r["size_best"] for r in sized))


def _union(values: Iterable[Optional[str]]) -> Optional[str]:
    seen: dict[str, None] = {}
    for v in values:
        for part in (v or "").split("; "):
            if part.strip():
                seen.setdefault(part.strip())
    return "; ".join(seen) or None


def _max(values: Iterable[Optional[float]]):
    values = [v for v in values if v is not None]
    return max(values) if values else None


def pairwise(gold: dict[Any, Any], predicted: dict[Any, Any]) -> dict[str, float]:
    """Pairwise precision/recall of a clustering: every pair of events put together is a decision."""
    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())
    keys = [k for k in gold if k in predicted]
    tp = pairs(Counter((gold[k], predicted[k]) for k in keys))
    n_pred, n_gold = pairs(Counter(predicted[k] for k in keys)), pairs(Counter(gold[k] for k in keys))
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "events": len(keys), "gold_clusters": len(set(gold[k] for k in keys)),
            "predicted_clusters": len(set(predicted[k] for k in keys)),
            "true_pairs": tp, "predicted_pairs": n_pred, "gold_pairs": n_gold}
