"""`vigie serve`: an HTTP API and a page to explore events (map, timeline, table, article view)."""


def create_app(*args, **kwargs):
    """See vigie.serve.app.create_app (imported here lazily: the CLI loads this package on every run)."""
    from .app import create_app as make

    return make(*args, **kwargs)
