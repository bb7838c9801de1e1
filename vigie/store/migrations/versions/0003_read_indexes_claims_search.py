"""indexes for the web page's filters; events.claims_search for fast case/accent-insensitive claims search

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

from vigie.store.search import fold

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 2000

EVENT_INDEXES = [
    ("ix_events_date_claims", ["date_start", "claims_search"]),  # replaces ix_events_date
    ("ix_events_country_mode_date", ["country", "mode", "date_start"]),
    ("ix_events_mode_date", ["mode", "date_start"]),
    ("ix_events_status_date", ["status", "date_start"]),
]
CLUSTER_INDEXES = [
    ("ix_clusters_country_mode_date", ["country", "mode", "date_start"]),
    ("ix_clusters_mode_date", ["mode", "date_start"]),
    ("ix_clusters_status_date", ["status", "date_start"]),
]


def upgrade() -> None:
    op.add_column("events", sa.Column("claims_search", sa.Text))
    _fill_claims_search()
    op.drop_index("ix_events_date", table_name="events")
    for name, cols in EVENT_INDEXES:
        op.create_index(name, "events", cols)
    for name, cols in CLUSTER_INDEXES:
        op.create_index(name, "clusters", cols)


def downgrade() -> None:
    for name, _ in CLUSTER_INDEXES:
        op.drop_index(name, table_name="clusters")
    for name, _ in EVENT_INDEXES:
        op.drop_index(name, table_name="events")
    op.create_index("ix_events_date", "events", ["date_start"])
    with op.batch_alter_table("events") as batch:
        batch.drop_column("claims_search")


def _fill_claims_search() -> None:
    """The search copy of the claims of the rows already stored, in batches (keyset on id)."""
    conn = op.get_bind()
    ev = sa.table("events", sa.column("id", sa.Integer), sa.column("claims", sa.Text),
                  sa.column("claims_search", sa.Text))
    update = (sa.update(ev).where(ev.c.id == sa.bindparam("pk"))
              .values(claims_search=sa.bindparam("folded")))
    last = None
    while True:
        stmt = sa.select(ev.c.id, ev.c.claims).where(ev.c.claims.is_not(None)).order_by(ev.c.id).limit(BATCH)
        if last is not None:
            stmt = stmt.where(ev.c.id > last)
        rows = conn.execute(stmt).all()
        if not rows:
            return
        conn.execute(update, [{"pk": r.id, "folded": fold(r.claims)} for r in rows])
        last = rows[-1].id
