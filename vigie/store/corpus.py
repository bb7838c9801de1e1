"""Dedup evaluation on a corpus of articles whose event records carry a gold `cluster` label."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..dedup import pairwise, place_key, tokens
from ..ingest import article_from_dict
from ..records import Article
from .api import Store


def read_corpus(path: str | Path) -> Iterator[tuple[Article, list[dict]]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                article = article_from_dict({k: v for k, v in obj.items() if k != "events"})
                if not isinstance(article, Article):
                    raise ValueError(f"{path}: {article.message}")
                yield article, obj.get("events", [])


def load_corpus(store: Store, path: str | Path) -> dict[tuple[str, str], str]:
    """Save the corpus's records into the store; return the gold label of each (article_id, event_id)."""
    gold = {}
    for article, records in read_corpus(path):
        store.save_records(article, records)
        for r in records:
            gold[(article.id, str(r["event_id"]))] = r["cluster"]
    return gold


def extract_corpus(store: Store, path: str | Path) -> dict[tuple[str, str], str]:
    """Run the real extractor over the corpus texts and save its results. Each extracted event takes the
    gold label of the hand-made event of its article it best matches (same country, compatible place,
    then same date and shared claim words); an event matching none gets a label of its own, so that
    linking it to anything counts as an error."""
    from .. import extract_many

    corpus = {article.id: records for article, records in read_corpus(path)}
    gold = {}
    for result in extract_many(article for article, _ in read_corpus(path)):
        store.save(result)
        if not hasattr(result, "events"):
            continue
        events = [e.to_dict() for e in result.events]
        pairs = sorted(((f, i, j) for i, e in enumerate(events) for j, r in enumerate(corpus[result.article.id])
                        if (f := _fit(e, r)) is not None), key=lambda t: (t[0], -t[1], -t[2]), reverse=True)
        taken_e, taken_r = {}, set()
        for _, i, j in pairs:  # best pairs first, one to one
            if i not in taken_e and j not in taken_r:
                taken_e[i] = corpus[result.article.id][j]["cluster"]
                taken_r.add(j)
        for i, e in enumerate(events):
            gold[(e["article_id"], e["event_id"])] = taken_e.get(i, f"unmatched:{e['event_id']}")
    return gold


def _fit(event: dict, gold: dict) -> tuple | None:
    if gold["location"]["country"] != event["location"]["country"]:
        return None
    same_city = place_key(gold["location"]["country"], gold["location"]["city"]) == \
        place_key(event["location"]["country"], event["location"]["city"])
    if not same_city and gold["location"]["city"] and event["location"]["city"]:
        return None  # two different cities; a missing city is only less precise
    words = tokens(*event.get("claims") or []) & tokens(*gold.get("claims") or [])
    return same_city, gold["date"]["start"] == event["date"]["start"], len(words)


def evaluate(store: Store, path: str | Path, window_days: int = 1, extract: bool = False) -> dict:
    """Load the corpus into an empty store (its hand-made records, or what the extractor finds in its
    texts), cluster it, and score the clustering pairwise."""
    gold = extract_corpus(store, path) if extract else load_corpus(store, path)
    store.dedup(window_days=window_days, full=True)
    predicted = {(e["article_id"], e["event_id"]): e["cluster_id"] for e in store.query_events(limit=None)}
    scores = pairwise(gold, predicted)
    scores["errors"] = _errors(gold, predicted)
    return scores


def _errors(gold: dict, predicted: dict) -> list[str]:
    """Pairs put together wrongly (merged) or kept apart wrongly (split), for reading."""
    keys = sorted(k for k in gold if k in predicted)
    out = []
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
            if same_gold != same_pred:
                kind = "split" if same_gold else "merged"
                out.append(f"{kind}: {a[1]} ({gold[a]}) ~ {b[1]} ({gold[b]})")
    return out
