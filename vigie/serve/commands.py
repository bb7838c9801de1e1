"""`vigie serve`: the API and the page over a store."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("serve", help="serve the events over HTTP: an API and a page to explore them",
                              description="Serve the API (docs at /docs) and the page. Read-only unless --allow-writes.")
    p.add_argument("--db", required=True, metavar="TARGET", help="SQLite file or postgresql:// URL")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--allow-writes", action="store_true",
                   help="let POST /api/extract store what it extracts (needs the token)")
    p.add_argument("--token", help="token for writes (default: the VIGIE_TOKEN environment variable, "
                                   "which other users cannot see in the process list)")
    p.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    p.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from vigie.store import Store

    from .app import create_app

    token = args.token or os.environ.get("VIGIE_TOKEN") or None
    if args.allow_writes and not token:
        print("vigie serve: --allow-writes needs a token (--token or VIGIE_TOKEN)", file=sys.stderr)
        return 2
    if not args.allow_writes and "://" not in args.db and not Path(args.db).exists():
        print(f"vigie serve: no such database: {args.db}", file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(f"vigie serve: invalid port: {args.port}", file=sys.stderr)
        return 2
    loopback = args.host in ("localhost", "::1") or args.host.startswith("127.")
    allowed = {"localhost", "127.0.0.1", "::1", args.host} if loopback else None
    store = Store.open(args.db)
    app = create_app(store, allow_writes=args.allow_writes, token=token, allowed_hosts=allowed)
    print(f"vigie serve: http://{args.host}:{args.port}/ (API docs at /docs)"
          + (", writes allowed" if args.allow_writes else ", read-only"), file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                server_header=False, proxy_headers=False)
    return 0
