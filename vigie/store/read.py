"""The read side: filtered events and clusters, counts, GeoJSON; every result is plain JSON-able data."""
from __future__ import annotations

import json
from typing import Any, Optional

import sqlalchemy as sa

from .schema import EVENT_COLUMNS, articles, clusters, events, mentions, quotes
from .search import pattern

FILTERS = ("date_from", "date_to", "country", "city", "mode", "status", "q", "min_size", "cluster_id")
# The properties of a map point: what the page draws and links to, nothing more.
GEOJSON_PROPERTIES = ("event_id", "article_id", "mode", "status", "date_start", "date_end", "city", "country",
                      "size_best", "cluster_id")
ARTICLE_FIELDS = ["id", "url", "source", "title", "published", "lang", "content_hash", "status", "error",
                  "vigie_version", "n_events", "n_quotes", "extracted_at"]


def _conditions(table: sa.Table, filters: dict[str, Any]) -> list:
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    f = {k: v for k, v in filters.items() if v not in (None, "")}
    c = table.c
    out = []
    if "date_from" in f:
        out.append(c.date_start >= str(f["date_from"])[:10])
    if "date_to" in f:
        out.append(c.date_start <= str(f["date_to"])[:10])
    if "country" in f:
        out.append(c.country == str(f["country"]).upper())
    if "city" in f:
        out.append(sa.func.lower(c.city) == str(f["city"]).lower())
    for key in ("mode", "status"):
        if key in f:
            out.append(c[key] == f[key])
    if "q" in f:  # case- and accent-insensitive, the same LIKE on every backend (search.py)
        like = events.c.claims_search.like(pattern(str(f["q"])))
        out.append(like if table is events else c.id.in_(  # a protest any of whose mentions says it
            sa.select(mentions.c.cluster_id).join(events, events.c.id == mentions.c.event_pk).where(like)))
    if "min_size" in f:
        out.append(c.size_best >= int(f["min_size"]))
    if "cluster_id" in f:
        key = mentions.c.cluster_id == int(f["cluster_id"])
        out.append(c.id == int(f["cluster_id"]) if table is clusters else
                   c.id.in_(sa.select(mentions.c.event_pk).where(key)))
    return out


def _event_select() -> sa.Select:
    cols = [events.c.id.label("pk"), events.c.article_id] + [events.c[k] for k in EVENT_COLUMNS]
    return (sa.select(*cols, mentions.c.cluster_id, articles.c.source, articles.c.published,
                      articles.c.title, articles.c.url)
            .select_from(events.join(articles, articles.c.id == events.c.article_id)
                         .outerjoin(mentions, mentions.c.event_pk == events.c.id)))


def query_events(conn: sa.Connection, limit: Optional[int] = 100, offset: int = 0, **filters) -> list[dict]:
    stmt = (_event_select().where(*_conditions(events, filters))
            .order_by(events.c.date_start.desc(), events.c.id).offset(offset))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def count_events(conn: sa.Connection, **filters) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(events)
                        .where(*_conditions(events, filters))).scalar_one()


def get_event(conn: sa.Connection, event_id: str) -> Optional[dict]:
    row = conn.execute(sa.select(events.c.id, events.c.article_id, events.c.record, mentions.c.cluster_id)
                       .outerjoin(mentions, mentions.c.event_pk == events.c.id)
                       .where(events.c.event_id == str(event_id)).order_by(events.c.id).limit(1)).first()
    if row is None:
        return None
    return {**_json(row.record), "article_id": row.article_id, "pk": row.id, "cluster_id": row.cluster_id}


def get_article(conn: sa.Connection, article_id: str) -> Optional[dict]:
    row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).mappings().first()
    if row is None:
        return None
    out = {k: row[k] for k in ARTICLE_FIELDS + ["text", "input"]}
    ev = conn.execute(sa.select(events.c.record, mentions.c.cluster_id)
                      .outerjoin(mentions, mentions.c.event_pk == events.c.id)
                      .where(events.c.article_id == article_id).order_by(events.c.id)).all()
    out["events"] = [{**_json(r.record), "cluster_id": r.cluster_id} for r in ev]
    out["quotes"] = [_json(r) for r in conn.execute(sa.select(quotes.c.record).where(
        quotes.c.article_id == article_id).order_by(quotes.c.id)).scalars()]
    return out


def query_clusters(conn: sa.Connection, limit: Optional[int] = 100, offset: int = 0, **filters) -> list[dict]:
    stmt = (sa.select(clusters).where(*_conditions(clusters, filters))
            .order_by(clusters.c.date_start.desc(), clusters.c.id).offset(offset))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def count_clusters(conn: sa.Connection, **filters) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(clusters)
                        .where(*_conditions(clusters, filters))).scalar_one()


def cluster_mentions(conn: sa.Connection, cluster_ids: list[int]) -> dict[int, list[dict]]:
    """Each cluster's mentions: article, source, publication date and that source's figure."""
    out: dict[int, list[dict]] = {cid: [] for cid in cluster_ids}
    for i in range(0, len(cluster_ids), 500):
        stmt = (sa.select(mentions, events.c.event_id, articles.c.url, articles.c.title)
                .join(events, events.c.id == mentions.c.event_pk)
                .join(articles, articles.c.id == mentions.c.article_id)
                .where(mentions.c.cluster_id.in_(cluster_ids[i:i + 500]))
                .order_by(mentions.c.published, mentions.c.event_pk))
        for r in conn.execute(stmt).mappings():
            out[r["cluster_id"]].append(dict(r))
    return out


def counts(conn: sa.Connection, by: str, unit: str = "events", **filters) -> list[dict]:
    """Per day, month, country or mode: the number of events, of clusters (protests counted once),
    or of participants (sum of the clusters' best sizes, so a crowd is not counted per article)."""
    table = {"events": events, "clusters": clusters, "participants": clusters}[unit]
    key = {"day": table.c.date_start, "month": sa.func.substr(table.c.date_start, 1, 7),
           "country": table.c.country, "mode": table.c.mode}[by].label("key")
    value = sa.func.coalesce(sa.func.sum(clusters.c.size_best), 0) if unit == "participants" else sa.func.count()
    stmt = (sa.select(key, value.label("n")).where(*_conditions(table, filters))
            .group_by(key).order_by(key))
    return [{"key": r.key, unit: int(r.n)} for r in conn.execute(stmt)]


def geojson(conn: sa.Connection, limit: Optional[int] = 5000, **filters) -> dict:
    """Located events, newest first, with only GEOJSON_PROPERTIES: the full rows are query_events'."""
    cols = [events.c.lat, events.c.lon] + [mentions.c.cluster_id if k == "cluster_id" else events.c[k]
                                           for k in GEOJSON_PROPERTIES]
    stmt = (sa.select(*cols).select_from(events.outerjoin(mentions, mentions.c.event_pk == events.c.id))
            .where(events.c.lat.is_not(None), events.c.lon.is_not(None), *_conditions(events, filters))
            .order_by(events.c.date_start.desc(), events.c.id))
    if limit is not None:
        stmt = stmt.limit(limit)
    return feature_collection([dict(r) for r in conn.execute(stmt).mappings()])


def feature_collection(rows: list[dict]) -> dict:
    """Points in WGS84 (GeoJSON's [lon, lat] order), flat properties: opens as is in QGIS or Leaflet."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
         "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}}
        for r in rows if r.get("lat") is not None and r.get("lon") is not None]}


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
