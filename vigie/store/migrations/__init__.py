"""Alembic migrations of the vigie store, run by vigie.store.migrate at Store.open()."""
