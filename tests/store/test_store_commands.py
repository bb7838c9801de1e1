"""vigie query / export / stats / dedup over a real store, and the formats they write."""
import csv
import json

import pandas as pd
import pytest

from store_factory import event, extraction
from vigie.cli import main
from vigie.exports import ACLED_COLUMNS, CCC_COLUMNS


@pytest.fixture
def filled(store, store_target):
    store.save(extraction("a1", [event("a1", 1, "Paris", "2023-03-07", size=(81000, 700000, 81000), arrests=32),
                                 event("a1", 2, "Lyon", "2023-03-07", mode="riot", size=(200, 999, 300))]))
    store.save(extraction("a2", [event("a2", 1, "Paris", "2023-03-07", mode="march",
                                       size=(300000, 300000, 300000))], source="Le Soir", published="2023-03-09"))
    store.save(extraction("a3", [event("a3", 1, "Berlin", "2023-04-01", claims=("pour la paix",))]))
    assert main(["dedup", "--db", store_target]) == 0
    return store_target


def _csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_query_table_csv_json(filled, tmp_path, capsys):
    capsys.readouterr()
    assert main(["query", "--db", filled, "--country", "FR", "--min-size", "1000"]) == 0
    out = capsys.readouterr().out
    assert "Paris, FR" in out and "Lyon" not in out and "2 of 2 events" in out
    assert main(["query", "--db", filled, "--clusters", "--city", "Paris"]) == 0
    assert "1 of 1 clusters" in capsys.readouterr().out
    assert main(["query", "--db", filled, "--text", "paix", "-o", str(tmp_path / "q.csv")]) == 0
    assert [r["city"] for r in _csv(tmp_path / "q.csv")] == ["Berlin"]
    assert main(["query", "--db", filled, "--from", "2023-03-01", "--to", "2023-03-31", "--mode", "riot",
                 "-o", str(tmp_path / "q.json")]) == 0
    rows = json.loads((tmp_path / "q.json").read_text())
    assert [(r["city"], r["mode"]) for r in rows] == [("Lyon", "riot")]


def test_export_formats(filled, tmp_path):
    def export(fmt, *extra):
        path = tmp_path / f"out.{fmt}"
        assert main(["export", "--db", filled, "--format", fmt, "-o", str(path), *extra]) == 0
        return path

    clusters = _csv(export("csv"))
    paris = next(c for c in clusters if c["city"] == "Paris")
    assert (paris["n_articles"], paris["size_low"], paris["size_high"]) == ("2", "81000", "700000")
    assert len(_csv(export("csv", "--events"))) == 4

    acled = _csv(export("acled"))
    assert list(acled[0]) == ACLED_COLUMNS and len(acled) == 3
    a_paris = next(r for r in acled if r["location"] == "Paris")
    assert (a_paris["event_type"], a_paris["sub_event_type"], a_paris["actor1"], a_paris["iso"],
            a_paris["country"], a_paris["event_id_cnty"][:3]) == \
        ("Protests", "Protest with intervention", "Protesters (France)", "250", "France", "FRA")
    a_lyon = next(r for r in acled if r["location"] == "Lyon")
    assert (a_lyon["event_type"], a_lyon["sub_event_type"], a_lyon["inter1"]) == \
        ("Riots", "Violent demonstration", "5")
    assert a_lyon["tags"] == "crowd size=des centaines"

    ccc = _csv(export("ccc"))
    assert list(ccc[0]) == CCC_COLUMNS
    c_paris = next(r for r in ccc if r["locality"] == "Paris")
    assert (c_paris["size_low"], c_paris["size_high"], c_paris["size_mean"], c_paris["size_cat"]) == \
        ("81000", "700000", "390500.0", "4")
    assert (c_paris["arrests"], c_paris["arrests_any"], c_paris["source_1"]) == \
        ("32", "1", "https://example.org/a1")
    assert len(_csv(export("ccc", "--events"))) == 4

    fc = json.loads(export("geojson").read_text())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 3
    assert all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2 for f in fc["features"])

    df = pd.read_parquet(export("parquet", "--events", "--country", "FR"))
    assert sorted(df["city"]) == ["Lyon", "Paris", "Paris"] and "cluster_id" in df.columns


def test_stats(filled, capsys):
    capsys.readouterr()
    assert main(["stats", "--db", filled, "--json", "--check"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["articles"], stats["events"], stats["clusters"], stats["problems"]) == (3, 4, 3, [])
    assert stats["country"] == [{"key": "DE", "events": 1, "clusters": 1}, {"key": "FR", "events": 3, "clusters": 2}]
    assert stats["month"][0] == {"key": "2023-03", "events": 3, "clusters": 2}
    assert main(["stats", "--db", filled]) == 0
    assert "protests counted once" in capsys.readouterr().out
