"""articles, events and quotes

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("lang", sa.String(16)),
        sa.Column("text", sa.Text),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("input", sa.Text),
        sa.Column("vigie_version", sa.String(32)),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
        sa.Column("n_quotes", sa.Integer, nullable=False, server_default="0"),
        sa.Column("extracted_at", sa.String(32)),
    )
    op.create_table(
        "events",
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
        sa.Column("place_key", sa.Text),
        sa.Column("record", JSON, nullable=False),
        sa.UniqueConstraint("article_id", "event_id", name="uq_events_article_event"),
    )
    op.create_index("ix_events_country_date", "events", ["country", "date_start"])
    op.create_index("ix_events_place_date", "events", ["place_key", "date_start"])
    op.create_index("ix_events_date", "events", ["date_start"])
    op.create_index("ix_events_event_id", "events", ["event_id"])
    op.create_table(
        "quotes",
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
    )
    op.create_index("ix_quotes_article", "quotes", ["article_id"])


def downgrade() -> None:
    op.drop_table("quotes")
    op.drop_table("events")
    op.drop_table("articles")
