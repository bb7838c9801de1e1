"""Fixtures of the serve tests: a real store filled by the real extractor, and real
`vigie serve` processes on free ports (nothing is mocked)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
import pytest

from serve_helpers import EXAMPLE_CITIES, EXAMPLE_PATHS, TOKEN, Server  # noqa: F401


@pytest.fixture(scope="session")
def example() -> dict:
    for path in EXAMPLE_PATHS:
        if path.exists():
            with open(path, encoding="utf-8") as f:
                article = json.loads(f.readline())
            article.pop("gold", None)
            return article
    pytest.fail("the founding example is missing: looked in " + ", ".join(map(str, EXAMPLE_PATHS)))


@pytest.fixture(scope="session")
def example_db(tmp_path_factory, example) -> Path:
    """A SQLite store holding the founding example, extracted by the real extractor."""
    import vigie
    from vigie.records import Failure
    from vigie.store import Store

    path = tmp_path_factory.mktemp("db") / "example.db"
    store = Store.open(str(path))
    for result in vigie.extract_many([example]):
        assert not isinstance(result, Failure), str(result)
        store.save(result)
    store.dedup()
    store.close()
    return path


@pytest.fixture(scope="session")
def server(example_db, tmp_path_factory):
    """A read-only server over the example store."""
    s = Server(example_db, tmp_path_factory.mktemp("logs") / "server.log")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def writer(example_db, tmp_path_factory):
    """A server that may store, over a copy of the example store; its token comes from VIGIE_TOKEN."""
    root = tmp_path_factory.mktemp("writer")
    db = root / "writer.db"
    shutil.copy(example_db, db)
    s = Server(db, root / "server.log", "--allow-writes", env={"VIGIE_TOKEN": TOKEN})
    yield s
    s.stop()


@pytest.fixture
def make_server(tmp_path):
    """Start extra servers inside one test; all are stopped at its end."""
    started = []

    def start(db: Path, *extra: str, env: dict | None = None) -> Server:
        s = Server(db, tmp_path / f"server{len(started)}.log", *extra, env=env)
        started.append(s)
        return s
    yield start
    for s in started:
        s.stop()


@pytest.fixture(scope="session")
def stored(server) -> dict:
    """What the store holds, as the API tells: the example article with its events and quotes."""
    events = httpx.get(server.base + "/api/events", params={"limit": 500}).json()["items"]
    article = httpx.get(server.base + "/api/articles/" + events[0]["article_id"]).json()
    return {"events": events, "article": article}
