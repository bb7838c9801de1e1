"""The tables of the vigie store, as SQLAlchemy Core metadata.

The migrations in migrations/versions build exactly this schema (a test checks
it); change both together. Dates are ISO strings ('YYYY-MM-DD'): they compare
and group the same way on SQLite and PostgreSQL, and month is substr(date, 1, 7).
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData()

JSON = sa.JSON().with_variant(JSONB(), "postgresql")

# Flat event columns: the keys of vigie.output.flatten() for an event (less kind/article_id).
EVENT_COLUMNS = [
    "event_id", "type", "mode", "status", "date_start", "date_end", "date_text",
    "location_text", "city", "admin1", "country", "lat", "lon", "geonameid", "venue",
    "size_text", "size_min", "size_max", "size_best", "participants", "target_text", "target_country",
    "claims", "arrests", "injured", "killed", "confidence", "evidence_start", "evidence_end",
]
QUOTE_COLUMNS = ["quote_text", "quote_start", "quote_end", "speaker", "speaker_role", "verb", "quote_date"]

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(32)),
    sa.Column("lang", sa.String(16)),
    sa.Column("text", sa.Text),
    sa.Column("content_hash", sa.String(64)),
    sa.Column("status", sa.String(16), nullable=False),  # ok | failed
    sa.Column("error", sa.Text),
    sa.Column("input", sa.Text),
    sa.Column("vigie_version", sa.String(32)),
    sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
    sa.Column("n_quotes", sa.Integer, nullable=False, server_default="0"),
    sa.Column("extracted_at", sa.String(32)),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("event_id", sa.Text, nullable=False),
    sa.Column("type", sa.String(16)),
    sa.Column("mode", sa.String(32)),
    sa.Column("status", sa.String(16)),
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("date_text", sa.Text),
    sa.Column("location_text", sa.Text),
    sa.Column("city", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("country", sa.String(2)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("venue", sa.Text),
    sa.Column("size_text", sa.Text),
    sa.Column("size_min", sa.BigInteger),
    sa.Column("size_max", sa.BigInteger),
    sa.Column("size_best", sa.BigInteger),
    sa.Column("participants", sa.Text),
    sa.Column("target_text", sa.Text),
    sa.Column("target_country", sa.String(2)),
    sa.Column("claims", sa.Text),
    sa.Column("arrests", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("killed", sa.Integer),
    sa.Column("confidence", sa.Float),
    sa.Column("evidence_start", sa.Integer),
    sa.Column("evidence_end", sa.Integer),
    sa.Column("place_key", sa.Text),  # normalised country|city, the dedup blocking key
    sa.Column("record", JSON, nullable=False),
    sa.Column("claims_search", sa.Text),  # claims lower-cased and accent-folded (search.fold), for q
    sa.UniqueConstraint("article_id", "event_id", name="uq_events_article_event"),
    sa.Index("ix_events_country_date", "country", "date_start"),
    sa.Index("ix_events_place_date", "place_key", "date_start"),
    sa.Index("ix_events_event_id", "event_id"),
    # The read side (migrations 0003, 0004): the page's filters, each with the date it sorts and groups by.
    # (date_start, claims_search, size_best) also serves date-only queries, and q and min_size scan it
    # in date order, not the wide rows.
    sa.Index("ix_events_date_claims_size", "date_start", "claims_search", "size_best"),
    sa.Index("ix_events_country_mode_date", "country", "mode", "date_start"),
    sa.Index("ix_events_mode_date", "mode", "date_start"),
    sa.Index("ix_events_status_date", "status", "date_start"),
    sa.Index("ix_events_city_date", sa.func.lower(sa.column("city")), "date_start"),  # as read.py asks: lower(city)
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    sa.Column("quote_text", sa.Text, nullable=False),
    sa.Column("quote_start", sa.Integer),
    sa.Column("quote_end", sa.Integer),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_role", sa.Text),
    sa.Column("verb", sa.Text),
    sa.Column("quote_date", sa.String(10)),
    sa.Column("record", JSON, nullable=False),
    sa.Index("ix_quotes_article", "article_id"),
)

# One protest as told by all its mentions (GDELT's events/mentions split).
clusters = sa.Table(
    "clusters", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("type", sa.String(16)),
    sa.Column("mode", sa.String(32)),
    sa.Column("status", sa.String(16)),
    sa.Column("date_start", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("city", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("country", sa.String(2)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("geonameid", sa.BigInteger),
    sa.Column("place_key", sa.Text),
    sa.Column("venue", sa.Text),
    sa.Column("target_country", sa.String(2)),
    sa.Column("participants", sa.Text),
    sa.Column("claims", sa.Text),
    sa.Column("size_low", sa.BigInteger),
    sa.Column("size_high", sa.BigInteger),
    sa.Column("size_best", sa.BigInteger),
    sa.Column("size_text", sa.Text),
    sa.Column("arrests", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("killed", sa.Integer),
    sa.Column("n_mentions", sa.Integer, nullable=False),
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),
    sa.Column("sources", sa.Text),
    sa.Column("urls", sa.Text),
    sa.Column("first_seen", sa.String(32)),
    sa.Column("last_seen", sa.String(32)),
    sa.Column("confidence", sa.Float),
    sa.Index("ix_clusters_country_date", "country", "date_start"),
    sa.Index("ix_clusters_date_size", "date_start", "size_best"),  # 0004
    sa.Index("ix_clusters_country_mode_date", "country", "mode", "date_start"),
    sa.Index("ix_clusters_mode_date", "mode", "date_start"),
    sa.Index("ix_clusters_status_date", "status", "date_start"),
    sa.Index("ix_clusters_city_date", sa.func.lower(sa.column("city")), "date_start"),
)

mentions = sa.Table(
    "mentions", metadata,
    sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id", ondelete="CASCADE"), nullable=False),
    sa.Column("article_id", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("published", sa.String(32)),
    sa.Column("size_text", sa.Text),
    sa.Column("size_min", sa.BigInteger),
    sa.Column("size_max", sa.BigInteger),
    sa.Column("size_best", sa.BigInteger),
    sa.Index("ix_mentions_cluster", "cluster_id"),
)
