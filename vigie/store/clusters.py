"""Deduplication in the database: link new events to clusters, keep cluster fields up to date."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any, Iterable

import sqlalchemy as sa

from .. import dedup
from .schema import articles, clusters, events, mentions

CHUNK = 500  # ids per IN (...) list, well under every backend's parameter limit

MEMBER_COLUMNS = [events.c.id, events.c.article_id, events.c.type, events.c.mode, events.c.status,
                  events.c.date_start, events.c.date_end, events.c.city, events.c.admin1, events.c.country,
                  events.c.lat, events.c.lon, events.c.geonameid, events.c.place_key, events.c.venue,
                  events.c.target_text, events.c.target_country, events.c.participants, events.c.claims,
                  events.c.size_text, events.c.size_min, events.c.size_max, events.c.size_best,
                  events.c.arrests, events.c.injured, events.c.killed, events.c.confidence,
                  articles.c.source, articles.c.published, articles.c.url, mentions.c.cluster_id]


def _members() -> sa.Select:
    return (sa.select(*MEMBER_COLUMNS)
            .select_from(events.join(articles, articles.c.id == events.c.article_id)
                         .outerjoin(mentions, mentions.c.event_pk == events.c.id)))


def run_dedup(conn: sa.Connection, window: int = 1, full: bool = False) -> dict[str, int]:
    """Cluster every event not yet in a cluster (all events when full), in the caller's transaction."""
    if full:
        conn.execute(sa.delete(mentions))
        conn.execute(sa.delete(clusters))
    new_rows = [dict(r) for r in conn.execute(_members().where(mentions.c.event_pk.is_(None))).mappings()]
    stats = {"new_events": len(new_rows), "clusters_created": 0, "clusters_updated": 0, "clusters_merged": 0}
    if not new_rows:
        return stats
    old_rows = [] if full else _neighbours(conn, new_rows, window)
    rows = {r["id"]: r for r in old_rows + new_rows}
    cluster_of = {r["id"]: r["cluster_id"] for r in old_rows}
    groups = defaultdict(list)
    for pk, cid in cluster_of.items():
        groups[cid].append(pk)
    parts = dedup.cluster([dedup.item_from_row(r) for r in rows.values()], window,
                          groups=groups.values(), new={r["id"] for r in new_rows})

    created, updated, moves, merged = [], {}, [], []
    for part in parts:
        olds = sorted({cluster_of[pk] for pk in part if pk in cluster_of})
        fresh = [pk for pk in part if pk not in cluster_of]
        if not fresh and len(olds) == 1:
            continue  # untouched
        summary = dedup.summarise([rows[pk] for pk in part])
        if not olds:
            created.append((summary, part))
            continue
        keep = olds[0]
        updated[keep] = summary
        merged += olds[1:]
        moves += [(pk, keep) for pk in part if pk in cluster_of and cluster_of[pk] != keep]
        moves += [(pk, keep) for pk in fresh]

    if created:
        ids = conn.execute(sa.insert(clusters).returning(clusters.c.id, sort_by_parameter_order=True),
                           [s for s, _ in created]).scalars().all()
        moves += [(pk, cid) for cid, (_, part) in zip(ids, created) for pk in part]
    new_pks = {r["id"] for r in new_rows}
    _insert_mentions(conn, [(pk, cid) for pk, cid in moves if pk in new_pks], rows)
    _move_mentions(conn, [(pk, cid) for pk, cid in moves if pk not in new_pks])
    for chunk in _chunks(merged):
        conn.execute(sa.delete(clusters).where(clusters.c.id.in_(chunk)))
    _update_clusters(conn, updated)
    stats.update(clusters_created=len(created), clusters_updated=len(updated), clusters_merged=len(merged))
    return stats


def refresh_clusters(conn: sa.Connection, ids: Iterable[int]) -> None:
    """Recompute the fields of clusters whose mentions changed; drop those left empty."""
    ids = sorted(set(ids))
    for chunk in _chunks(ids):
        by_cluster = defaultdict(list)
        for r in conn.execute(_members().where(mentions.c.cluster_id.in_(chunk))).mappings():
            by_cluster[r["cluster_id"]].append(dict(r))
        _update_clusters(conn, {cid: dedup.summarise(rs) for cid, rs in by_cluster.items()})
        empty = [cid for cid in chunk if cid not in by_cluster]
        if empty:
            conn.execute(sa.delete(clusters).where(clusters.c.id.in_(empty)))


def _neighbours(conn: sa.Connection, new_rows: list[dict], window: int) -> list[dict]:
    """Clustered events that new ones may join: same places, near dates, with all their clusters' members."""
    spans: dict[str, list[str]] = {}
    for r in new_rows:
        if r["place_key"] and r["date_start"]:
            lo, hi = spans.setdefault(r["place_key"], [r["date_start"], r["date_start"]])
            spans[r["place_key"]] = [min(lo, r["date_start"]), max(hi, r["date_start"])]
    if not spans:
        return []
    keys = sorted(spans)
    cids = set()
    for chunk in _chunks(keys):
        lo = _shift(min(spans[k][0] for k in chunk), -window)
        hi = _shift(max(spans[k][1] for k in chunk), window)
        cids.update(conn.execute(
            sa.select(mentions.c.cluster_id).join(events, events.c.id == mentions.c.event_pk)
            .where(events.c.place_key.in_(chunk), events.c.date_start.between(lo, hi)).distinct()).scalars())
    out = []
    for chunk in _chunks(sorted(cids)):
        out += [dict(r) for r in conn.execute(_members().where(mentions.c.cluster_id.in_(chunk))).mappings()]
    return out


def _insert_mentions(conn: sa.Connection, links: list[tuple[int, int]], rows: dict[int, dict]) -> None:
    if links:
        conn.execute(sa.insert(mentions), [
            {"event_pk": pk, "cluster_id": cid, "article_id": rows[pk]["article_id"],
             "source": rows[pk]["source"], "published": rows[pk]["published"],
             "size_text": rows[pk]["size_text"], "size_min": rows[pk]["size_min"],
             "size_max": rows[pk]["size_max"], "size_best": rows[pk]["size_best"]} for pk, cid in links])


def _move_mentions(conn: sa.Connection, links: list[tuple[int, int]]) -> None:
    if links:
        stmt = (sa.update(mentions).where(mentions.c.event_pk == sa.bindparam("pk"))
                .values(cluster_id=sa.bindparam("cid")))
        conn.execute(stmt, [{"pk": pk, "cid": cid} for pk, cid in links])


def _update_clusters(conn: sa.Connection, summaries: dict[int, dict[str, Any]]) -> None:
    if summaries:
        cols = list(next(iter(summaries.values())))
        stmt = (sa.update(clusters).where(clusters.c.id == sa.bindparam("cid"))
                .values({c: sa.bindparam(f"v_{c}") for c in cols}))
        conn.execute(stmt, [{"cid": cid, **{f"v_{c}": s[c] for c in cols}} for cid, s in summaries.items()])


def _shift(iso: str, days: int) -> str:
    try:
        return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()
    except ValueError:
        return iso


def _chunks(values: list, n: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(values), n):
        yield values[i:i + n]
