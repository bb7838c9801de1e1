"""Dedup evaluation on a corpus of articles whose event records carry a gold `cluster` label."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..dedup import pairwise
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


def evaluate(store: Store, path: str | Path, window_days: int = 1) -> dict:
    """Load the corpus into an empty store, cluster it, and score the clustering pairwise."""
    gold = load_corpus(store, path)
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
