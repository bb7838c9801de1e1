"""Opening a store: SQLite (a path) or PostgreSQL (a postgresql:// URL), one code path over both."""
from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa

from . import migrate

PG_DEDUP_LOCK = 7_145_202  # saves take it shared, dedup exclusive: dedup sees no event vanish mid-run


def is_postgres(target: str) -> bool:
    return bool(re.match(r"postgres(ql)?(\+\w+)?://", target))


def engine_for(target: str) -> sa.Engine:
    if is_postgres(target):
        url = re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+psycopg://", target)
        return sa.create_engine(url, pool_pre_ping=True)
    if target.startswith("sqlite:"):
        url = target
    else:
        path = Path(target).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{path}"
    engine = sa.create_engine(url, connect_args={"timeout": 60})
    _sqlite_setup(engine)
    return engine


def _sqlite_setup(engine: sa.Engine) -> None:
    @sa.event.listens_for(engine, "connect")
    def connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself, below
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")  # readers (the web page) never block the writer
        # NORMAL in WAL mode: a commit survives a killed process; only a power cut may lose the last ones
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA cache_size=-65536")  # 64 MB of pages: index inserts stay in memory as the db grows
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def begin(conn):
        # a writer takes the write lock up front, so two writers queue instead of failing on upgrade
        write = conn.get_execution_options().get("vigie_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Connections:
    """The read and write connections of a store; writes are one transaction each."""

    def __init__(self, target: str):
        self.target = target
        self.engine = engine_for(target)
        self.dialect = self.engine.dialect.name
        self.writer = self.engine.execution_options(vigie_write=True)

    def migrate(self) -> None:
        migrate.upgrade(self.writer)

    @contextmanager
    def write(self, exclusive: bool = False) -> Iterator[sa.Connection]:
        with self.writer.begin() as conn:
            if self.dialect == "postgresql":
                lock = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
                conn.execute(sa.text(f"SELECT {lock}(:k)"), {"k": PG_DEDUP_LOCK})
            yield conn

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
