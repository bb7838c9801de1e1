"""indexes for the page's city (lower(city)) and min_size filters

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # size_best joins the date index, so that min_size is read from it in date order (a replacement, not
    # one more index for every save to update)
    op.drop_index("ix_events_date_claims", table_name="events")
    op.create_index("ix_events_date_claims_size", "events", ["date_start", "claims_search", "size_best"])
    op.drop_index("ix_clusters_date", table_name="clusters")
    op.create_index("ix_clusters_date_size", "clusters", ["date_start", "size_best"])
    op.create_index("ix_events_city_date", "events", [sa.text("lower(city)"), "date_start"])
    op.create_index("ix_clusters_city_date", "clusters", [sa.text("lower(city)"), "date_start"])


def downgrade() -> None:
    op.drop_index("ix_clusters_city_date", table_name="clusters")
    op.drop_index("ix_events_city_date", table_name="events")
    op.drop_index("ix_clusters_date_size", table_name="clusters")
    op.create_index("ix_clusters_date", "clusters", ["date_start"])
    op.drop_index("ix_events_date_claims_size", table_name="events")
    op.create_index("ix_events_date_claims", "events", ["date_start", "claims_search"])
