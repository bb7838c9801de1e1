"""The vigie store: articles, events, quotes and event clusters in SQLite or PostgreSQL.

    from vigie.store import Store
    store = Store.open("vigie.db")            # or "postgresql://user@host/db"
"""
from .api import Store

__all__ = ["Store"]
