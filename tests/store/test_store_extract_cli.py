"""`vigie extract --db`: the real extractor writes into the store; running again changes nothing."""
import json
from pathlib import Path

from vigie.cli import main
from vigie.store import Store

CORPUS = Path(__file__).parent.parent / "data" / "dedup" / "corpus.jsonl"
# the extractor factory that loads spaCy once per process, so the three runs share it
ARGS = ["--workers", "0", "-q", "--extractor", "vigie.api:default_extractor"]


def _snapshot(target):
    with Store.open(target) as s:
        assert s.check() == []
        return s.query_events(limit=None), s.query_clusters(limit=None), sorted(s.done_ids())


def test_extract_into_the_store(store_target, tmp_path, capsys):
    lines = [json.loads(x) for x in CORPUS.read_text(encoding="utf-8").splitlines()[:3]]
    articles = [{k: a[k] for k in ("id", "text", "published", "source", "title")} for a in lines]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")

    assert main(["extract", str(src), "--db", store_target, *ARGS]) == 0
    events, clusters, done = _snapshot(store_target)
    assert done == sorted(a["id"] for a in articles)
    assert events and all(e["cluster_id"] is not None for e in events)  # dedup ran after the batch
    assert {e["city"] for e in events} >= {"Paris"}

    capsys.readouterr()
    assert main(["extract", str(src), "--db", store_target, *ARGS]) == 0
    assert _snapshot(store_target) == (events, clusters, done)  # same articles again: nothing changes
    assert "3 articles already in the store (same text) were skipped" in capsys.readouterr().err

    articles[0]["text"] = "Des dizaines de personnes ont manifesté lundi à Berlin contre la guerre."
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    assert main(["extract", str(src), "--db", store_target, *ARGS]) == 0
    with Store.open(store_target) as s:
        first = s.get_article(articles[0]["id"])
        assert first["text"] == articles[0]["text"]
        assert [e["location"]["city"] for e in first["events"]] == ["Berlin"]  # old events replaced
        assert s.check() == []
