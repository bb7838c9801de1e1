"""Cross-article deduplication: the gold corpus, incremental runs, and the rules that keep protests apart."""
import random
from pathlib import Path

from store_factory import event, extraction
from vigie import dedup
from vigie.cli import main
from vigie.store.corpus import evaluate, read_corpus

CORPUS = Path(__file__).parent.parent / "data" / "dedup" / "corpus.jsonl"


def test_corpus_is_valid_and_big_enough():
    articles = list(read_corpus(CORPUS))
    by_cluster = {}
    for article, records in articles:
        for r in records:
            assert article.text[r["evidence"]["start"]:r["evidence"]["end"]] == r["evidence"]["text"]
            by_cluster.setdefault(r["cluster"], set()).add(article.id)
    multi = [c for c, ids in by_cluster.items() if 2 <= len(ids) <= 4]
    assert len(multi) >= 12
    assert len(by_cluster) - len(multi) >= 5  # look-alikes told once


def test_corpus_pairwise_precision_and_recall(store):
    scores = evaluate(store, CORPUS, window_days=1)
    assert scores["precision"] >= 0.9, scores["errors"]
    assert scores["recall"] >= 0.9, scores["errors"]
    assert store.check() == []


def test_incremental_batches_cluster_like_one_full_run(store):
    gold = {}
    articles = list(read_corpus(CORPUS))
    random.Random(7).shuffle(articles)
    for i in range(0, len(articles), 5):  # extraction batches arriving over time
        for article, records in articles[i:i + 5]:
            store.save_records(article, records)
            gold.update({(article.id, r["event_id"]): r["cluster"] for r in records})
        store.dedup()
    incremental = {(e["article_id"], e["event_id"]): e["cluster_id"] for e in store.query_events(limit=None)}
    scores = dedup.pairwise(gold, incremental)
    assert scores["precision"] >= 0.9 and scores["recall"] >= 0.9
    assert store.check() == []
    store.dedup(full=True)
    full = {(e["article_id"], e["event_id"]): e["cluster_id"] for e in store.query_events(limit=None)}
    assert dedup.pairwise(full, incremental)["f1"] == 1.0  # the same partition
    assert store.dedup() == {"new_events": 0, "clusters_created": 0, "clusters_updated": 0,
                             "clusters_merged": 0, "clusters": len(set(full.values()))}


def test_dedup_evaluate_command(capsys):
    assert main(["dedup", "--evaluate", str(CORPUS)]) == 0
    out = capsys.readouterr().out
    assert "pairwise precision 1.000" in out or "pairwise precision 0.9" in out
    assert "recall" in out


def test_the_window_is_a_parameter(store):
    store.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07")]))
    store.save(extraction("a2", [event("a2", 1, "Paris", "2023-03-08")]))
    assert store.dedup(window_days=0)["clusters"] == 2
    assert store.dedup(window_days=1, full=True)["clusters"] == 1


def _item(pk, article, day, city="Paris", claims="", mode="demonstration", size=None, target=None):
    row = {"id": pk, "article_id": article, "type": "PROTEST", "mode": mode, "country": "FR", "city": city,
           "date_start": f"2023-03-{day:02d}", "claims": claims, "target_country": target,
           "size_min": size and size[0], "size_max": size and size[1], "size_best": size and size[2]}
    return dedup.item_from_row(row)


def _partition(items, window=1):
    return sorted(dedup.cluster(items, window))


def test_a_vague_report_cannot_chain_two_protests():
    items = [_item(1, "a", 7, claims="contre la réforme des retraites"),
             _item(2, "b", 7, claims=""),  # says nothing of its cause: fits either
             _item(3, "c", 7, claims="contre les violences policières, justice pour Nahel")]
    clusters = _partition(items)
    assert [1, 3] not in clusters and not any({1, 3} <= set(c) for c in clusters)
    assert len(clusters) == 2


def test_never_other_cities_nor_days_beyond_the_window():
    same = "contre la réforme des retraites"
    items = [_item(1, "a", 7, claims=same), _item(2, "b", 8, claims=same), _item(3, "c", 9, claims=same),
             _item(4, "d", 7, city="Lyon", claims=same), _item(5, "e", 7, city="Saint-Denis", claims=same)]
    for c in _partition(items):
        days = [items[pk - 1].day for pk in c]
        assert max(days) - min(days) <= 1
        assert len({items[pk - 1].place for pk in c}) == 1
    assert [4] in _partition(items) and [5] in _partition(items)


def test_conflicts_keep_events_apart():
    same = "contre la guerre"
    assert _partition([_item(1, "a", 7, claims=same, target="RU"), _item(2, "b", 7, claims=same, target="CN")]) \
        == [[1], [2]]
    assert _partition([_item(1, "a", 7, claims=same, size=(40, 40, 40)),
                       _item(2, "b", 7, claims=same, size=(20000, 99999, 30000))]) == [[1], [2]]
    assert _partition([_item(1, "a", 7, claims=same, mode="petition"), _item(2, "b", 7, claims=same)]) \
        == [[1], [2]]
    assert _partition([_item(1, "a", 7, claims=same), _item(2, "a", 7, claims=same)]) == [[1], [2]]  # one article
    assert _partition([_item(1, "a", 7, claims=same), _item(2, "b", 7, claims="contre la guerre en Ukraine")]) \
        == [[1, 2]]


def test_place_names_are_normalised():
    assert dedup.place_key("fr", "St-Étienne") == dedup.place_key("FR", "Saint-Etienne") == "FR|saint etienne"
    assert dedup.place_key("FR", None) == "FR|" and dedup.place_key(None, "Paris") is None


def test_evaluate_on_what_the_extractor_finds(tmp_path):
    """End to end: dedup over real extractor output, each event mapped to its gold protest (a smoke test:
    its scores follow the extractor's quality, so only their sanity is asserted)."""
    from vigie.store import Store

    with Store.open(tmp_path / "e.db") as store:
        scores = evaluate(store, CORPUS, extract=True)
        assert scores["events"] > 20 and 0 <= scores["precision"] <= 1 and 0 <= scores["recall"] <= 1
        assert store.check() == [] and store.count_clusters() <= scores["events"]
