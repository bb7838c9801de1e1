"""Store: the events database that vigie extract, dedup, query, export and serve share."""
from __future__ import annotations

from typing import Iterable, Optional, Union

import sqlalchemy as sa

from ..records import Article, Extraction, Failure
from . import read
from .clusters import run_dedup
from .db import Connections
from .schema import articles, clusters, events, mentions, quotes
from .write import content_hash, save_failure, save_records

Result = Union[Extraction, Failure]


class Store:
    def __init__(self, db: Connections):
        self.db = db
        self.target = db.target

    @classmethod
    def open(cls, target: str, migrate: bool = True) -> "Store":
        """A path opens (or creates) SQLite in WAL mode; 'postgresql://...' a shared server.
        The schema is migrated to the newest revision, keeping the data."""
        db = Connections(str(target))
        if migrate:
            db.migrate()
        return cls(db)

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- write side -------------------------------------------------------

    def is_current(self, article: Article) -> bool:
        """The same article (id and text) is already stored and was extracted fine."""
        with self.db.read() as conn:
            row = conn.execute(sa.select(articles.c.content_hash, articles.c.status)
                               .where(articles.c.id == article.id)).first()
        return bool(row) and row.status == "ok" and row.content_hash == content_hash(article.text)

    def save(self, result: Result) -> bool:
        """Store one result in one transaction; False when nothing changed (or a failure names no article)."""
        return self.save_many([result]) > 0

    def save_many(self, results: Iterable[Result]) -> int:
        """Store a batch of results in one transaction: all of them or none. Returns how many changed."""
        changed = 0
        with self.db.write() as conn:
            for result in results:
                if isinstance(result, Failure):
                    changed += save_failure(conn, result)
                else:
                    changed += save_records(conn, result.article, [e.to_dict() for e in result.events],
                                            [q.to_dict() for q in result.quotes])
        return changed

    def save_records(self, article: Article, event_records: list[dict], quote_records: list[dict] = ()) -> bool:
        """Store spec records (dicts) directly, e.g. hand-made ones of a test corpus."""
        with self.db.write() as conn:
            return save_records(conn, article, list(event_records), list(quote_records))

    def done_ids(self) -> set[str]:
        with self.db.read() as conn:
            return set(conn.execute(sa.select(articles.c.id)).scalars())

    def dedup(self, window_days: int = 1, full: bool = False) -> dict[str, int]:
        """Link events not yet clustered (every event when full) into clusters."""
        with self.db.write(exclusive=True) as conn:
            stats = run_dedup(conn, window_days, full)
        with self.db.read() as conn:
            stats["clusters"] = read.count_clusters(conn)
        return stats

    # -- read side --------------------------------------------------------

    def query_events(self, limit: Optional[int] = 100, offset: int = 0, **filters) -> list[dict]:
        with self.db.read() as conn:
            return read.query_events(conn, limit, offset, **filters)

    def count_events(self, **filters) -> int:
        with self.db.read() as conn:
            return read.count_events(conn, **filters)

    def get_event(self, event_id: str) -> Optional[dict]:
        with self.db.read() as conn:
            return read.get_event(conn, event_id)

    def get_article(self, article_id: str) -> Optional[dict]:
        with self.db.read() as conn:
            return read.get_article(conn, article_id)

    def query_clusters(self, limit: Optional[int] = 100, offset: int = 0, mentions: bool = False,
                       **filters) -> list[dict]:
        """Clusters, newest first; with mentions=True each carries its list of mentions."""
        with self.db.read() as conn:
            rows = read.query_clusters(conn, limit, offset, **filters)
            if mentions:
                by_id = read.cluster_mentions(conn, [r["id"] for r in rows])
                for r in rows:
                    r["mentions"] = by_id[r["id"]]
        return rows

    def count_clusters(self, **filters) -> int:
        with self.db.read() as conn:
            return read.count_clusters(conn, **filters)

    def counts(self, by: str = "day", unit: str = "events", **filters) -> list[dict]:
        """[{key, <unit>: n}] per day|month|country|mode; unit: events, clusters or participants."""
        with self.db.read() as conn:
            return read.counts(conn, by, unit, **filters)

    def geojson(self, limit: Optional[int] = 5000, **filters) -> dict:
        with self.db.read() as conn:
            return read.geojson(conn, limit, **filters)

    def check(self) -> list[str]:
        """Consistency problems, if any: what a crash must never leave behind."""
        problems = []
        with self.db.read() as conn:
            n = conn.execute(sa.select(sa.func.count()).select_from(articles).where(
                articles.c.n_events != sa.select(sa.func.count()).where(
                    events.c.article_id == articles.c.id).scalar_subquery())).scalar_one()
            if n:
                problems.append(f"{n} articles whose event count differs from their events")
            n = conn.execute(sa.select(sa.func.count()).select_from(articles).where(
                articles.c.n_quotes != sa.select(sa.func.count()).where(
                    quotes.c.article_id == articles.c.id).scalar_subquery())).scalar_one()
            if n:
                problems.append(f"{n} articles whose quote count differs from their quotes")
            for table in (events, quotes):
                n = conn.execute(sa.select(sa.func.count()).select_from(table).where(
                    table.c.article_id.not_in(sa.select(articles.c.id)))).scalar_one()
                if n:
                    problems.append(f"{n} {table.name} without their article")
            n = conn.execute(sa.select(sa.func.count()).select_from(clusters).where(
                clusters.c.n_mentions != sa.select(sa.func.count()).where(
                    mentions.c.cluster_id == clusters.c.id).scalar_subquery())).scalar_one()
            if n:
                problems.append(f"{n} clusters whose mention count differs from their mentions")
            if self.db.dialect == "sqlite":
                result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
                if result != "ok":
                    problems.append(f"sqlite integrity_check: {result}")
        return problems
