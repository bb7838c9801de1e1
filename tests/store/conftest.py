"""Store fixtures: every test that takes `store_target` runs on SQLite and on a real PostgreSQL
server, started here in a temporary directory on a free port and stopped at the end."""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from vigie.store import Store


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A throwaway cluster. PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user."""

    def __init__(self):
        initdb, self.pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
        if not initdb or not self.pg_ctl:
            raise FileNotFoundError("initdb/pg_ctl not found (apt-get install postgresql)")
        self.dir = Path(tempfile.mkdtemp(prefix="vigie-pg-"))
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        self.port = _free_port()
        self.data = self.dir / "data"
        self._run([initdb, "-D", str(self.data), "-A", "trust", "-U", "vigie", "-E", "UTF8", "--locale=C",
                   "--no-sync"])
        opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                f"-c synchronous_commit=off -c full_page_writes=off")
        self._run([self.pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"), "-w", "start"])
        self.url = f"postgresql://vigie@127.0.0.1:{self.port}"
        self._names = itertools.count()

    def _run(self, cmd: list[str]) -> None:
        subprocess.run(self.prefix + cmd, check=True, capture_output=True, cwd=self.dir)

    def create_database(self) -> str:
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"{self.url}/{name}"

    def drop_database(self, url: str) -> None:
        import psycopg

        with psycopg.connect(f"{self.url}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    try:
        server = PostgresServer()
    except (FileNotFoundError, KeyError, subprocess.CalledProcessError) as e:
        detail = e.stderr.decode(errors="replace") if isinstance(e, subprocess.CalledProcessError) else str(e)
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL could not be started: {detail}")
        pytest.skip(f"PostgreSQL could not be started: {detail}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path):
    """A fresh, empty database: a SQLite path, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "vigie.db")
        return
    server = request.getfixturevalue("pg_server")
    url = server.create_database()
    yield url
    server.drop_database(url)


@pytest.fixture
def store(store_target):
    s = Store.open(store_target)
    yield s
    s.close()
