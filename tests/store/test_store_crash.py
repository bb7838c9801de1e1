"""kill -9 in the middle of a batch: nothing reported done is lost, nothing is half-written."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from crash_writer import article
from vigie.store import Store

HERE = Path(__file__).parent


def test_sigkill_loses_nothing_reported_done(store_target):
    Store.open(store_target).close()  # migrated before the writer starts
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, str(HERE / "crash_writer.py"), store_target],
                            stdout=subprocess.PIPE, text=True, env=env)
    done, deadline = [], time.monotonic() + 60
    try:
        while len(done) < 150 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, f"the writer died by itself (exit {proc.poll()})"
            done += line.split()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL and len(done) >= 150

    with Store.open(store_target) as store:
        assert store.check() == []
        stored = store.done_ids()
        assert set(done) <= stored
        assert len(stored) <= len(done) + 3  # at most the batch in flight, which committed before its report
        for aid in done[::10] + done[-5:]:
            expected = article(int(aid[3:]))
            got = store.get_article(aid)
            assert got["text"] == expected.article.text
            assert [e["event_id"] for e in got["events"]] == [e.event_id for e in expected.events]
        stats = store.dedup()  # the store works on after the crash
        assert store.check() == [] and stats["clusters"] >= 1
