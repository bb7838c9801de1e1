"""Writing articles with their events and quotes; each call runs inside the caller's transaction."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any, Optional

import sqlalchemy as sa

from .. import __version__
from ..dedup import place_key
from ..output import flatten
from ..records import Article, Failure
from .clusters import refresh_clusters
from .schema import EVENT_COLUMNS, QUOTE_COLUMNS, articles, events, mentions, quotes
from .search import fold


ARTICLE_COLUMNS = [c.name for c in articles.columns]
# Statements built once: building Core statements per article costs more than running them.
_OLD = sa.select(articles.c.content_hash, articles.c.status).where(articles.c.id == sa.bindparam("aid"))
_EVENT_PKS = sa.select(events.c.id).where(events.c.article_id == sa.bindparam("aid"))
_AFFECTED = sa.select(mentions.c.cluster_id).where(mentions.c.event_pk.in_(_EVENT_PKS)).distinct()
_DELETES = [sa.delete(mentions).where(mentions.c.event_pk.in_(_EVENT_PKS)),
            sa.delete(events).where(events.c.article_id == sa.bindparam("aid")),
            sa.delete(quotes).where(quotes.c.article_id == sa.bindparam("aid"))]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_records(conn: sa.Connection, article: Article, event_records: list[dict],
                 quote_records: list[dict]) -> bool:
    """Store one article and its records, replacing what it had; False when nothing changed."""
    digest = content_hash(article.text)
    event_records = [_plain(r) for r in event_records]
    quote_records = [_plain(r) for r in quote_records]
    old = conn.execute(_OLD, {"aid": article.id}).first()
    if old and old.content_hash == digest and old.status == "ok" \
            and _stored(conn, events, article.id) == event_records \
            and _stored(conn, quotes, article.id) == quote_records:
        return False
    affected = _delete_children(conn, article.id) if old else []
    _upsert(conn, {
        "id": article.id, "url": article.url, "source": article.source, "title": article.title,
        "published": _cut(article.published, 32), "lang": article.lang, "text": article.text,
        "content_hash": digest, "status": "ok", "error": None, "input": None,
        "vigie_version": __version__, "n_events": len(event_records), "n_quotes": len(quote_records),
        "extracted_at": _now(),
    })
    if event_records:
        rows = [event_row(article.id, r) for r in event_records]
        for row in rows:  # the search copy (0003) is not part of event_row, the flat record
            row["claims_search"] = fold(row["claims"])
        conn.execute(sa.insert(events), rows)
    if quote_records:
        conn.execute(sa.insert(quotes), [quote_row(article.id, r) for r in quote_records])
    refresh_clusters(conn, affected)
    return True


def save_failure(conn: sa.Connection, failure: Failure) -> bool:
    """A failed article keeps a row saying why, and loses the events of an earlier run."""
    if not failure.article_id:
        return False
    affected = _delete_children(conn, failure.article_id)
    old = conn.execute(sa.select(articles).where(articles.c.id == failure.article_id)).mappings().first()
    row = dict(old) if old else {"id": failure.article_id}
    row.update(status="failed", error=failure.message, input=failure.input + (f":{failure.line}" if failure.line else ""),
               vigie_version=__version__, n_events=0, n_quotes=0, extracted_at=_now())
    _upsert(conn, row)
    refresh_clusters(conn, affected)
    return True


def event_row(article_id: str, record: dict[str, Any]) -> dict[str, Any]:
    flat = flatten(record)
    row = {k: flat.get(k) for k in EVENT_COLUMNS}
    row["event_id"] = str(row["event_id"])
    row["participants"] = row["participants"] or None
    row["claims"] = row["claims"] or None
    for k in ("date_start", "date_end"):
        row[k] = _cut(row[k], 10)
    for k in ("country", "target_country"):
        row[k] = row[k].upper() if isinstance(row[k], str) and len(row[k]) == 2 else None
    row.update(article_id=article_id, place_key=place_key(row["country"], row["city"]), record=record)
    return row


def quote_row(article_id: str, record: dict[str, Any]) -> dict[str, Any]:
    flat = flatten(record)
    row = {k: flat.get(k) for k in QUOTE_COLUMNS}
    row["quote_date"] = _cut(row["quote_date"], 10)
    row.update(article_id=article_id, record=record)
    return row


def _delete_children(conn: sa.Connection, article_id: str) -> list[int]:
    """Delete an article's events, quotes and mentions; return the clusters that lost mentions."""
    affected = conn.execute(_AFFECTED, {"aid": article_id}).scalars().all()
    for stmt in _DELETES:
        conn.execute(stmt, {"aid": article_id})
    return list(affected)


def _upsert(conn: sa.Connection, row: dict[str, Any]) -> None:
    conn.execute(_upsert_statement(conn.dialect.name), {c: row.get(c) for c in ARTICLE_COLUMNS})


@lru_cache(maxsize=None)
def _upsert_statement(dialect: str):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    stmt = insert(articles)
    return stmt.on_conflict_do_update(index_elements=["id"],
                                      set_={c: stmt.excluded[c] for c in ARTICLE_COLUMNS if c != "id"})


def _stored(conn: sa.Connection, table: sa.Table, article_id: str) -> list[dict]:
    rows = conn.execute(sa.select(table.c.record).where(table.c.article_id == article_id)
                        .order_by(table.c.id)).scalars().all()
    return [r if isinstance(r, dict) else json.loads(r) for r in rows]


def _plain(record: dict) -> dict:
    """The record as it reads back from a JSON column (tuples become lists, keys strings)."""
    return json.loads(json.dumps(record, ensure_ascii=False))


def _cut(value: Optional[str], n: int) -> Optional[str]:
    return value[:n] if isinstance(value, str) else value


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
