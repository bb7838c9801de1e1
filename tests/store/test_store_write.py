"""Saving results: round trip, idempotence, replacement on changed text, failures, atomic batches."""
import json

import pytest
import sqlalchemy as sa

from store_factory import event, extraction
from vigie.records import Failure
from vigie.store import Store
from vigie.store.schema import events


def test_round_trip_keeps_every_field(store):
    result = extraction("a1", [event("a1", 1, "Paris", "2023-03-07", size=(200, 999, 300), arrests=3),
                               event("a1", 2, "Lyon", "2023-03-07", mode="march")])
    assert store.save(result) is True
    art = store.get_article("a1")
    assert art["text"] == result.article.text and art["status"] == "ok" and art["source"] == "Le Quotidien"
    assert art["n_events"] == 2 and len(art["quotes"]) == 1 and art["quotes"][0]["text"] == "Nous resterons"
    assert [e["event_id"] for e in art["events"]] == ["a1-e1", "a1-e2"]
    ev = store.get_event("a1-e1")
    assert ev == {**json.loads(json.dumps(result.events[0].to_dict())), "article_id": "a1",
                  "pk": ev["pk"], "cluster_id": None}
    row = store.query_events(city="paris")[0]
    assert (row["size_best"], row["arrests"], row["geonameid"], row["country"]) == (300, 3, 2988507, "FR")
    assert store.get_event("nope") is None and store.get_article("nope") is None
    json.dumps([art, ev, store.query_events(), store.query_clusters()])  # plain JSON data


def test_saving_the_same_result_again_changes_nothing(store):
    result = extraction("a1", [event("a1", 1, "Paris", "2023-03-07")])
    store.save(result)
    store.dedup()
    before = store.query_events(), store.query_clusters(), store.get_article("a1")
    assert store.is_current(result.article)
    assert store.save(result) is False
    assert (store.query_events(), store.query_clusters(), store.get_article("a1")) == before


def test_changed_text_replaces_old_events_and_updates_clusters(store):
    store.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07"), event("a1", 2, "Lyon", "2023-03-07")]))
    store.save(extraction("a2", [event("a2", 1, "Paris", "2023-03-07")], published="2023-03-09"))
    store.dedup()
    paris = store.query_clusters(city="Paris")[0]
    assert paris["n_articles"] == 2
    changed = extraction("a1", [event("a1", 7, "Berlin", "2023-03-07")], text="Un autre texte, corrigé.")
    assert not store.is_current(changed.article)
    assert store.save(changed) is True
    assert [e["event_id"] for e in store.get_article("a1")["events"]] == ["a1-e7"]
    assert store.count_events() == 2
    assert store.query_clusters(city="Paris")[0]["n_articles"] == 1  # refreshed, a2 remains
    assert store.query_clusters(city="Lyon") == []  # emptied, dropped
    assert store.check() == []
    store.dedup()
    assert store.count_clusters() == 2 and store.check() == []


def test_failures_are_recorded_and_done(store):
    store.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07")]))
    assert store.save(Failure("in.jsonl", "extractor crashed", article_id="a1", line=4)) is True
    assert store.save(Failure("in.jsonl", "invalid JSON", line=5)) is False  # no id: nothing to record
    art = store.get_article("a1")
    assert (art["status"], art["error"], art["input"], art["events"]) == ("failed", "extractor crashed",
                                                                          "in.jsonl:4", [])
    assert store.done_ids() == {"a1"}
    assert not store.is_current(extraction("a1", []).article)
    store.save(Failure("other.jsonl", "timeout", article_id="b9"))
    assert store.done_ids() == {"a1", "b9"} and store.check() == []


def test_a_batch_is_saved_whole_or_not_at_all(store):
    good = extraction("a1", [event("a1", 1, "Paris", "2023-03-07")])
    bad = extraction("a2", [event("a2", 1, "Paris", "2023-03-07")])
    bad.events[0].evidence = None  # not a valid record: saving it raises
    with pytest.raises(Exception):
        store.save_many([good, bad])
    assert store.done_ids() == set() and store.count_events() == 0
    assert store.save_many([good, extraction("a2", [])]) == 2
    assert store.done_ids() == {"a1", "a2"}


def test_reopening_keeps_the_data_and_sqlite_is_in_wal_mode(store_target):
    with Store.open(store_target) as s:
        s.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07")]))
    with Store.open(store_target) as s:
        assert s.done_ids() == {"a1"}
        if s.db.dialect == "sqlite":
            with s.db.read() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with s.db.read() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(events)).scalar() == 1


def test_readers_do_not_block_a_writer(store):
    store.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07")]))
    with store.db.read() as reader:
        with reader.begin():
            assert reader.execute(sa.select(sa.func.count()).select_from(events)).scalar() == 1
            # a batch commits while the web page's read transaction is open (WAL on SQLite, MVCC on PostgreSQL)
            store.save(extraction("a2", [event("a2", 1, "Lyon", "2023-03-07")]))
            store.dedup()
    assert store.count_events() == 2 and store.count_clusters() == 2
