"""event clusters and their mentions (cross-article deduplication)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clusters",
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
    )
    op.create_index("ix_clusters_country_date", "clusters", ["country", "date_start"])
    op.create_index("ix_clusters_date", "clusters", ["date_start"])
    op.create_table(
        "mentions",
        sa.Column("event_pk", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("cluster_id", sa.Integer, sa.ForeignKey("clusters.id", ondelete="CASCADE"), nullable=False),
        sa.Column("article_id", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("size_text", sa.Text),
        sa.Column("size_min", sa.BigInteger),
        sa.Column("size_max", sa.BigInteger),
        sa.Column("size_best", sa.BigInteger),
    )
    op.create_index("ix_mentions_cluster", "mentions", ["cluster_id"])


def downgrade() -> None:
    op.drop_table("mentions")
    op.drop_table("clusters")
