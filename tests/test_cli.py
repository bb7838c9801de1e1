"""`vigie extract`, `vigie demo` and `vigie evaluate` end to end, good and bad inputs."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VIGIE = str(Path(sys.executable).parent / "vigie")
EXAMPLE = ROOT / "examples" / "alep-2016-12-14.jsonl"
LYON = "Des centaines de personnes ont manifesté mardi à Lyon contre la réforme des retraites, selon la police."


def vigie(*args, stdin=None, cwd=None):
    return subprocess.run([VIGIE, *map(str, args)], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=600)


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_jsonl_in_jsonl_out(tmp_path):
    out = tmp_path / "out.jsonl"
    p = vigie("extract", EXAMPLE, "-o", out, "--quiet", "--workers", "1")
    assert p.returncode == 0, p.stderr
    recs = records(out.read_text())
    assert [r["location"]["city"] for r in recs if r["kind"] == "event"] == ["London", "Berlin", "Paris", "Istanbul", "Idlib"]
    assert sum(r["kind"] == "quote" for r in recs) == 3
    assert p.stderr.strip().splitlines()[-1] == "1 articles, 5 events, 3 quotes, 0 failed"


def test_txt_html_directory_and_stdin(tmp_path):
    (tmp_path / "lyon.txt").write_text(LYON, encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Retraites</title><meta property='article:published_time' content='2024-03-13'></head>"
        f"<body><nav>Menu Accueil</nav><article><h1>Retraites : la colère</h1><p>{LYON}</p>"
        "<p>« Nous ne lâcherons rien sur les retraites », a déclaré Sophie Binet.</p></article></body></html>",
        encoding="utf-8")
    p = vigie("extract", tmp_path, "--published", "2024-03-13", "--quiet", "--workers", "1")
    assert p.returncode == 0, p.stderr
    recs = records(p.stdout)
    by_article = {r["article_id"] for r in recs}
    assert by_article == {"lyon.txt", "page.html"}
    assert all(r["date"]["start"] == "2024-03-12" for r in recs if r["kind"] == "event")
    line = json.dumps({"id": "s1", "text": LYON, "published": "2024-03-13"}, ensure_ascii=False)
    p = vigie("extract", "-", "--quiet", "--workers", "1", stdin=line + "\n")
    assert p.returncode == 0, p.stderr
    assert [r["location"]["city"] for r in records(p.stdout)] == ["Lyon"]


def test_csv_output_opens_as_a_table(tmp_path):
    p = vigie("extract", EXAMPLE, "--format", "csv", "--quiet", "--workers", "1")
    assert p.returncode == 0, p.stderr
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    events = [r for r in rows if r["kind"] == "event"]
    assert [r["city"] for r in events] == ["London", "Berlin", "Paris", "Istanbul", "Idlib"]
    assert events[1]["target_country"] == "RU" and events[2]["size_best"] == "50"


def test_bad_inputs_fail_one_by_one_and_the_batch_goes_on(tmp_path):
    good = json.dumps({"id": "good", "text": LYON, "published": "2024-03-13"}, ensure_ascii=False)
    lines = [good,
             '{"id": "broken", "text": ',
             json.dumps({"id": "empty", "text": ""}),
             json.dumps({"id": "english", "text": "The unions said on Tuesday that the strike would go on and that "
                                                  "the government had not listened to the workers at all."}),
             json.dumps({"id": "huge", "text": "manifestation " * 400_000}),
             json.dumps({"id": "good2", "text": LYON.replace("Lyon", "Nantes"), "published": "2024-03-13"},
                        ensure_ascii=False)]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "latin1.txt").write_bytes(LYON.encode("latin-1"))
    p = vigie("extract", batch, tmp_path / "binary.txt", tmp_path / "latin1.txt", tmp_path / "missing.jsonl",
              "--quiet", "--workers", "1", "--published", "2024-03-13")
    assert p.returncode == 1
    errors = [line for line in p.stderr.splitlines() if line.startswith("error")]
    assert any(f"{batch}:2" in e and "invalid JSON" in e for e in errors), errors
    assert any("empty" in e and "empty text" in e for e in errors)
    assert any("english" in e and "not French" in e for e in errors)
    assert any("huge" in e and "too long" in e for e in errors)
    assert any("binary.txt" in e and "binary" in e for e in errors)
    assert any("latin1.txt" in e and "UTF-8" in e for e in errors)
    assert any("missing.jsonl" in e for e in errors)
    assert len(errors) == 7
    assert sorted({r["location"]["city"] for r in records(p.stdout)}) == ["Lyon", "Nantes"]
    assert p.stderr.strip().splitlines()[-1] == "9 articles, 2 events, 0 quotes, 7 failed"


def test_demo_prints_a_table_and_writes_records(tmp_path):
    out = tmp_path / "demo.jsonl"
    p = vigie("demo", EXAMPLE, "-o", out)
    assert p.returncode == 0, p.stderr
    for city in ("London", "Berlin", "Paris", "Istanbul", "Idlib", "Jean-Claude Juncker", "Manfred Weber"):
        assert city in p.stdout
    assert len(records(out.read_text())) == 8


def test_evaluate_prints_the_metrics(tmp_path):
    p = vigie("evaluate", EXAMPLE, "--json")
    assert p.returncode == 0, p.stderr
    metrics = json.loads(p.stdout)
    assert metrics["event_f1"] == 1.0 and metrics["quote_f1"] == 1.0
