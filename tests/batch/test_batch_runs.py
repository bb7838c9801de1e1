"""Batch runs: workers, resumption after kill -9 and Ctrl-C, crashed and hung workers, Dask.

Real processes and real signals throughout: `vigie extract` runs in a
subprocess, is killed with SIGKILL or interrupted with SIGINT, and started
again. The extractor is the real one; `vigie_test_helpers.TracingExtractor`
adds one marker record per article (so that loss and duplicates show in the
output whatever the extractor finds) and, on request, slows down, dies or
hangs on a named article.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DEV = Path("/work/shared/data/dev/articles.jsonl")
TRACING = "vigie_test_helpers:TracingExtractor"


def _articles(n: int) -> list[dict]:
    if DEV.exists():
        base = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        base = [{"id": "x", "text": "Des centaines de personnes ont manifesté mardi à Lyon.",
                 "published": "2020-01-01"}]
    out = []
    for i in range(n):
        a = {k: v for k, v in base[i % len(base)].items() if k != "gold"}
        a["id"] = f"t{i:05d}-{a['id']}"
        out.append(a)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """80 articles and one broken line (an ingest failure, counted, never retried)."""
    path = tmp_path_factory.mktemp("batch") / "in.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i, a in enumerate(_articles(80)):
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
            if i == 40:
                f.write("{not json\n")
    return path


def _env(**extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(ROOT), env.get("PYTHONPATH", "")])
    env.pop("VIGIE_TEST_DELAY", None)
    env.pop("VIGIE_TEST_CRASH_ID", None)
    env.pop("VIGIE_TEST_HANG_ID", None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


def _cmd(*args) -> list[str]:
    return [sys.executable, "-m", "vigie.cli", "extract", *map(str, args)]


def _run(*args, env=None, timeout=180) -> subprocess.CompletedProcess:
    return subprocess.run(_cmd(*args), cwd=ROOT, env=env or _env(), capture_output=True, text=True,
                          timeout=timeout)


REF_LINE: list[str] = []


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """The records of an uninterrupted run, in this process (no workers)."""
    out = tmp_path_factory.mktemp("ref") / "ref.jsonl"
    r = _run(corpus, "-o", out, "--workers", 0, "--extractor", TRACING)
    assert r.returncode == 1, r.stderr  # the broken line
    REF_LINE[:] = [_last(r.stderr)]
    assert REF_LINE[0].startswith("81 articles, ") and REF_LINE[0].endswith(" 1 failed"), r.stderr
    return out


def _last(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["article_id"] for line in path.read_text(encoding="utf-8").splitlines()
            if '"__marker__"' in line]


def test_reference_has_every_article_once(reference):
    ids = _ids(reference)
    assert len(ids) == 80 and len(set(ids)) == 80


def test_two_workers_write_what_one_process_writes(corpus, reference, tmp_path):
    """The plain extractor on 2 workers: the records of the in-process run, in input order."""
    out = tmp_path / "two.jsonl"
    r = _run(corpus, "-o", out, "--workers", 2, "--quiet")
    assert r.returncode == 1, r.stderr
    assert _last(r.stderr).startswith("81 articles, ") and _last(r.stderr).endswith(" 1 failed")
    expected = [line for line in reference.read_text(encoding="utf-8").splitlines(keepends=True)
                if '"__marker__"' not in line]
    assert out.read_text(encoding="utf-8") == "".join(expected)
    sidecar = json.loads(Path(str(out) + ".vigie-resume").read_text().splitlines()[-1])
    assert sidecar["complete"] and sidecar["items"] == 81 and sidecar["offset"] == out.stat().st_size


def _checkpoints(out: Path) -> int:
    side = Path(str(out) + ".vigie-resume")
    return max(0, len(side.read_text().splitlines()) - 1) if side.exists() else 0


def _children(pid: int) -> list[int]:
    import psutil

    try:
        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _no_orphans(pids: list[int]) -> None:
    """No worker outlives a killed run (they get SIGKILL when their parent dies)."""
    import psutil

    deadline = time.time() + 10
    while time.time() < deadline:
        left = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
        if not left:
            return
        time.sleep(0.2)
    raise AssertionError(f"orphan worker processes: {left}")


def test_kill_9_ctrl_c_and_resume_lose_nothing_and_duplicate_nothing(corpus, reference, tmp_path):
    """kill -9 while workers start, kill -9 mid-run, Ctrl-C mid-run, then resume to the end."""
    out = tmp_path / "killed.jsonl"
    rng = random.Random(5)
    args = (corpus, "-o", out, "--workers", 2, "--resume", "--extractor", TRACING,
            "--checkpoint-every", 0.2, "--chunk-size", 8)
    resumed_from = []
    for attempt, sig in enumerate([signal.SIGKILL, signal.SIGKILL, signal.SIGINT]):
        before = _checkpoints(out)
        p = subprocess.Popen(_cmd(*args), cwd=ROOT, env=_env(VIGIE_TEST_DELAY=0.08), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
        if attempt == 0:
            time.sleep(0.3)
        else:
            deadline = time.time() + 120
            while _checkpoints(out) < before + 2 and p.poll() is None and time.time() < deadline:
                time.sleep(0.05)
            time.sleep(rng.uniform(0, 0.3))
        workers = _children(p.pid)
        p.send_signal(sig)
        err = p.communicate(timeout=60)[1]
        resumed_from += [int(line.split()[1]) for line in err.splitlines() if line.startswith("resuming:")]
        if sig == signal.SIGKILL:
            assert p.returncode == -signal.SIGKILL, err
            _no_orphans(workers)
        else:
            # Ctrl-C: the articles in flight are finished and written, then a clean stop
            assert p.returncode == 130, err
            assert "interrupted" in err
            last = json.loads(Path(str(out) + ".vigie-resume").read_text().splitlines()[-1])
            assert 0 < last["items"] < 81 and last["offset"] == out.stat().st_size
            assert reference.read_bytes().startswith(out.read_bytes())
            _no_orphans(workers)
    r = _run(*args, env=_env())
    assert r.returncode == 1, r.stderr
    assert _last(r.stderr) == REF_LINE[0]
    assert f"resuming: {last['items']} inputs already done" in r.stderr
    assert any(x > 0 for x in resumed_from)  # the SIGINT run went on from the kill -9 one
    ids = _ids(out)
    assert len(ids) == len(set(ids)) == 80
    assert out.read_bytes() == reference.read_bytes()


def test_worker_that_dies_or_hangs_fails_its_article_only(corpus, reference, tmp_path):
    ids = _ids(reference)
    crash, hang = ids[17], ids[79]  # the hang is alone in the last chunk: one timeout, not two
    out = tmp_path / "faulty.jsonl"
    r = _run(corpus, "-o", out, "--workers", 2, "--timeout", 3, "--extractor", TRACING, "--chunk-size", 8,
             env=_env(VIGIE_TEST_CRASH_ID=crash, VIGIE_TEST_HANG_ID=hang))
    assert r.returncode == 1, r.stderr
    assert _last(r.stderr).startswith("81 articles, ") and _last(r.stderr).endswith(" 3 failed"), r.stderr
    assert f"[{crash}]: worker died (killed by SIGKILL)" in r.stderr
    assert f"[{hang}]: timed out" in r.stderr
    expected = [line for line in reference.read_text(encoding="utf-8").splitlines(keepends=True)
                if json.loads(line)["article_id"] not in (crash, hang)]
    assert out.read_text(encoding="utf-8") == "".join(expected)


def test_resume_refuses_other_arguments_and_stdout(corpus, reference, tmp_path):
    import shutil

    out = tmp_path / "o.jsonl"
    shutil.copy(reference, out)
    shutil.copy(str(reference) + ".vigie-resume", str(out) + ".vigie-resume")
    r = _run(corpus, "-o", out, "--workers", 0, "--resume", "--published", "2020-01-01")
    assert r.returncode == 2 and "cannot resume: published" in r.stderr
    r = _run(corpus, "--resume", "--workers", 0)
    assert r.returncode == 2 and "--resume needs an output file" in r.stderr
    # resuming a finished run does nothing (and loads no model)
    r = _run(corpus, "-o", out, "--workers", 2, "--resume", "--extractor", TRACING)
    assert "resuming: 81 inputs already done" in r.stderr
    assert _last(r.stderr) == REF_LINE[0]
    assert out.read_bytes() == reference.read_bytes()


def test_torn_sidecar_line_and_trailing_records_are_dropped(tmp_path):
    from vigie.checkpoint import CheckpointedFile, RunIdentity

    out = tmp_path / "o.jsonl"
    ident = RunIdentity(["in.jsonl"], "jsonl")
    f = CheckpointedFile(str(out), ident, resume=False)
    f.write(b'{"a": 1}\n')
    f.commit(1, "a", 1, 0, 1, 0)
    f.write(b'{"b": 2}\n')  # written, never checkpointed
    f.close()
    with open(str(out) + ".vigie-resume", "ab") as side:
        side.write(b'{"items": 2, "offs')  # power loss in the middle of a line
    g = CheckpointedFile(str(out), ident, resume=True)
    assert g.resumed and g.state.items == 1 and g.state.last_id == "a"
    g.close()
    assert out.read_bytes() == b'{"a": 1}\n'


def test_dask_local_cluster_equals_local_engine(corpus, reference, tmp_path):
    pytest.importorskip("distributed")
    local = reference
    out = tmp_path / "dask"
    # partitions of ~20 KB: half a dozen, cut in the middle of lines
    dask = ("-o", out, "--engine", "dask", "--workers", 2, "--partition-size", 20000, "--extractor", TRACING)
    r = _run(corpus, *dask)
    assert r.returncode == 1, r.stderr
    assert r.stderr.strip().splitlines()[-1] == REF_LINE[0]
    from vigie.engines.dask_engine import read_records

    expected = [json.loads(line) for line in local.read_text(encoding="utf-8").splitlines()]
    assert len(expected) >= 80
    assert read_records(str(out)) == expected
    parts = sorted(p.name for p in out.glob("_part-*.json"))
    assert len(parts) > 3
    # a run killed before some partitions were done: resume does exactly those
    for name in parts[1::3]:
        (out / name).unlink()
    r = _run(corpus, *dask, "--resume")
    assert f"resuming: {len(parts) - len(parts[1::3])} of {len(parts)} partitions already done" in r.stderr
    assert r.stderr.strip().splitlines()[-1] == REF_LINE[0]
    assert read_records(str(out)) == expected


def test_dask_article_that_hangs_is_failed_and_the_rest_kept(corpus, reference, tmp_path):
    pytest.importorskip("distributed")
    from vigie.engines.dask_engine import read_records

    hang = _ids(reference)[30]
    out = tmp_path / "dask-hang"
    # one retry (the default is 3), so that the test is short: the partition is split at its second
    # kill, the article failed at its own second; other tasks of a dying worker are retried
    env = _env(VIGIE_TEST_HANG_ID=hang, DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1")
    r = _run(corpus, "-o", out, "--engine", "dask", "--workers", 2, "--partition-size", 20000, "--timeout", 10,
             "--extractor", TRACING, env=env, timeout=600)
    assert r.returncode == 1, r.stderr
    assert "no result for 10 s" in r.stderr and "worker died while extracting this article" in r.stderr, r.stderr
    assert _last(r.stderr).startswith("81 articles, ") and _last(r.stderr).endswith(" 2 failed"), r.stderr
    expected = [json.loads(line) for line in reference.read_text(encoding="utf-8").splitlines()]
    assert read_records(str(out)) == [rec for rec in expected if rec["article_id"] != hang]


def test_db_is_the_checkpoint_after_kill_9(corpus, reference, tmp_path):
    import sqlite3

    db, stream = tmp_path / "vigie.db", tmp_path / "run.jsonl"
    args = (corpus, "--db", db, "-o", stream, "--workers", 2, "--resume", "--extractor", TRACING,
            "--checkpoint-every", 0.2, "--chunk-size", 8)
    p = subprocess.Popen(_cmd(*args), cwd=ROOT, env=_env(VIGIE_TEST_DELAY=0.08), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while not (stream.exists() and stream.read_text(encoding="utf-8").count("__marker__") >= 24) \
            and p.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    workers = _children(p.pid)
    p.send_signal(signal.SIGKILL)
    p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL
    _no_orphans(workers)
    r = _run(*args)
    assert r.returncode == 1, r.stderr
    skipped = [int(line.split()[1]) for line in r.stderr.splitlines() if line.startswith("resuming:")]
    assert skipped and 0 < skipped[0] < 80, r.stderr
    n = int(_last(r.stderr).split()[0])
    assert n == 81 - skipped[0], r.stderr  # only what was not done, plus the broken line
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("select id from articles where status = 'ok'")]
        markers = dict(conn.execute("select article_id, count(*) from quotes where quote_text = '__marker__' "
                                    "group by article_id").fetchall())
        n_events = conn.execute("select count(*) from events").fetchone()[0]
    assert sorted(ids) == sorted(_ids(reference))
    assert set(markers.values()) == {1} and len(markers) == 80
    assert n_events == sum(1 for line in reference.read_text(encoding="utf-8").splitlines()
                           if json.loads(line)["kind"] == "event")


def test_csv_resume_keeps_one_header(tmp_path):
    from vigie.checkpoint import CheckpointedFile, RunIdentity

    out = tmp_path / "o.csv"
    ident = RunIdentity(["in.jsonl"], "csv")
    f = CheckpointedFile(str(out), ident, resume=False, header_bytes=b"kind,article_id\r\n")
    f.write(b"event,a\r\n")  # killed before the first checkpoint
    f.close()
    g = CheckpointedFile(str(out), ident, resume=True, header_bytes=b"kind,article_id\r\n")
    g.write(b"event,a\r\n")
    g.commit(1, "a", 1, 1, 0, 0)
    g.close()
    h = CheckpointedFile(str(out), ident, resume=True, header_bytes=b"kind,article_id\r\n")
    assert h.state.items == 1
    h.close()
    assert out.read_bytes() == b"kind,article_id\r\nevent,a\r\n"
