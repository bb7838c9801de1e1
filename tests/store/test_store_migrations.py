"""Migrations: a database made by an older vigie is upgraded in place, and the migrated schema is the model's."""
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from store_factory import event, extraction
from vigie.store import Store, migrate
from vigie.store.db import Connections
from vigie.store.schema import metadata
from vigie.store.schema import articles, events
from vigie.store.write import content_hash, event_row


def test_an_old_database_is_upgraded_not_rebuilt(store_target):
    old = Connections(store_target)
    migrate.upgrade(old.writer, "0001")  # the schema of a vigie without clusters
    result = extraction("a1", [event("a1", 1, "Paris", "2023-03-07")])
    with old.write() as conn:  # rows as that version wrote them
        conn.execute(articles.insert().values(id="a1", text=result.article.text, status="ok", n_events=1,
                                              content_hash=content_hash(result.article.text)))
        conn.execute(events.insert().values(event_row("a1", result.events[0].to_dict())))
    assert migrate.current(old.engine) == "0001"
    old.dispose()

    with Store.open(store_target) as store:
        assert migrate.current(store.db.engine) == migrate.head() == "0004"
        assert store.is_current(result.article) and store.done_ids() == {"a1"}
        assert store.dedup()["new_events"] == 1
        assert store.query_clusters()[0]["city"] == "Paris"
        assert store.count_events(q="REFORME") == 1  # 0003 filled in the search copy of old rows
    with Store.open(store_target) as store:  # opening again is a no-op
        assert store.count_events() == 1 and store.count_clusters() == 1


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_migrated_schema_matches_the_model(store):
    with store.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        # SQLite cannot reflect expression indexes (lower(city)), so compare_metadata skips them: names at least
        if conn.dialect.name == "sqlite":
            found = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index' "
                                             "AND substr(name, 1, 3) = 'ix_'").scalars())
        else:
            found = set(conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' "
                                             "AND left(indexname, 3) = 'ix_'").scalars())
    assert diff == []
    assert found == {ix.name for table in metadata.tables.values() for ix in table.indexes}
