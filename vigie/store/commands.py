"""Subcommands over the store: dedup, query, export, stats."""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator

from .api import Store

MODES = ["demonstration", "march", "strike", "sit-in", "occupation", "blockade", "riot", "vigil",
         "hunger-strike", "petition", "boycott", "other"]


def register(subparsers) -> None:
    d = subparsers.add_parser("dedup", help="link events that report the same protest into clusters")
    _db(d, required=False)
    d.add_argument("--window", type=int, default=1, help="days two reports of one protest may differ (default 1)")
    d.add_argument("--full", action="store_true", help="recluster every event, not only new ones")
    d.add_argument("--evaluate", metavar="CORPUS",
                   help="load a gold corpus (JSON Lines) into a temporary store and print pairwise precision/recall")
    d.add_argument("--extract", action="store_true",
                   help="with --evaluate: cluster what the extractor finds in the corpus texts, not the gold records")
    d.add_argument("--errors", action="store_true", help="with --evaluate: list the wrong pairs")
    d.add_argument("--json", action="store_true", help="print the result as JSON")
    d.set_defaults(func=cmd_dedup)

    q = subparsers.add_parser("query", help="filter events (or clusters) and print a table or write CSV/JSON")
    _db(q)
    _filters(q)
    q.add_argument("--clusters", action="store_true", help="clusters (each protest once) instead of events")
    q.add_argument("--limit", type=int, default=None, help="at most N rows (default: 50 in a table, all in files)")
    q.add_argument("--offset", type=int, default=0)
    q.add_argument("--format", choices=["table", "csv", "json"], default=None,
                   help="default: from the -o suffix, else table")
    q.add_argument("-o", "--output", default="-")
    q.set_defaults(func=cmd_query)

    e = subparsers.add_parser("export", help="write clusters or raw events as csv, parquet, geojson, acled or ccc")
    _db(e)
    _filters(e)
    e.add_argument("--format", choices=["csv", "parquet", "geojson", "acled", "ccc"], required=True)
    e.add_argument("--events", action="store_true", help="raw events (one row per mention) instead of clusters")
    e.add_argument("-o", "--output", default="-", help="output file (default stdout; required for parquet)")
    e.set_defaults(func=cmd_export)

    s = subparsers.add_parser("stats", help="counts of events and protests by country, month and mode")
    _db(s)
    _filters(s)
    s.add_argument("--json", action="store_true")
    s.add_argument("--check", action="store_true", help="also check the database's consistency")
    s.set_defaults(func=cmd_stats)


def _db(p: argparse.ArgumentParser, required: bool = True) -> None:
    default = os.environ.get("VIGIE_DB")
    p.add_argument("--db", default=default, required=required and not default, metavar="TARGET",
                   help="database: a SQLite path or postgresql://... (default: $VIGIE_DB)")


def _filters(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("filters")
    g.add_argument("--from", dest="date_from", metavar="DATE", help="on or after this date (YYYY-MM-DD)")
    g.add_argument("--to", dest="date_to", metavar="DATE", help="on or before this date")
    g.add_argument("--country", help="ISO 3166 alpha-2 code, e.g. FR")
    g.add_argument("--city", help="GeoNames city name, e.g. Paris")
    g.add_argument("--mode", choices=MODES)
    g.add_argument("--status", choices=["occurred", "planned"])
    g.add_argument("--text", dest="q", metavar="TEXT", help="text in the claims")
    g.add_argument("--min-size", type=int, help="best size at least N")
    g.add_argument("--cluster", dest="cluster_id", type=int, help="events of this cluster")


def filters(args: argparse.Namespace) -> dict:
    keys = ("date_from", "date_to", "country", "city", "mode", "status", "q", "min_size", "cluster_id")
    return {k: getattr(args, k) for k in keys if getattr(args, k, None) is not None}


def cmd_dedup(args: argparse.Namespace) -> int:
    if args.evaluate:
        return _evaluate(args)
    if not args.db:
        print("vigie dedup: give --db TARGET (or set VIGIE_DB), or --evaluate CORPUS", file=sys.stderr)
        return 2
    with Store.open(args.db) as store:
        stats = store.dedup(window_days=args.window, full=args.full)
    if args.json:
        print(json.dumps(stats))
    else:
        print(f"{stats['new_events']} events clustered: {stats['clusters_created']} new clusters, "
              f"{stats['clusters_updated']} updated, {stats['clusters_merged']} merged; {stats['clusters']} clusters")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .corpus import evaluate

    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(args.db or Path(tmp) / "evaluate.db") as store:
            if args.db and store.count_events():
                print("vigie dedup --evaluate: --db must be an empty database", file=sys.stderr)
                return 2
            scores = evaluate(store, args.evaluate, args.window, extract=args.extract)
    if args.json:
        print(json.dumps(scores if args.errors else {k: v for k, v in scores.items() if k != "errors"}))
        return 0
    print(f"events {scores['events']}, gold protests {scores['gold_clusters']}, "
          f"clusters found {scores['predicted_clusters']}")
    print(f"pairwise precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  f1 {scores['f1']:.3f}"
          f"  ({scores['true_pairs']} right of {scores['predicted_pairs']} linked pairs, "
          f"{scores['gold_pairs']} gold pairs)")
    if args.errors:
        for line in scores["errors"]:
            print("  " + line)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    fmt = args.format or {".csv": "csv", ".json": "json"}.get(Path(args.output).suffix.lower(), "table")
    limit = args.limit if args.limit is not None else (50 if fmt == "table" else None)
    with Store.open(args.db) as store:
        get = store.query_clusters if args.clusters else store.query_events
        rows = get(limit=limit, offset=args.offset, **filters(args))
        total = (store.count_clusters if args.clusters else store.count_events)(**filters(args))
    with _open(args.output) as out:
        if fmt == "json":
            json.dump(rows, out, ensure_ascii=False, indent=1)
            out.write("\n")
        elif fmt == "csv":
            writer = csv.DictWriter(out, list(rows[0]) if rows else [])
            writer.writeheader()
            writer.writerows(rows)
        else:
            _table(rows, args.clusters, out)
            out.write(f"{len(rows)} of {total} {'clusters' if args.clusters else 'events'}\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..exports import write

    if args.format == "parquet" and args.output == "-":
        print("vigie export: parquet needs -o FILE", file=sys.stderr)
        return 2
    with Store.open(args.db) as store:
        get = store.query_events if args.events else store.query_clusters
        rows = get(limit=None, **filters(args))
    if args.format == "parquet":
        write("parquet", rows, args.output, events=args.events)
    else:
        with _open(args.output) as out:
            write(args.format, rows, out, events=args.events)
    if args.output != "-":
        print(f"{len(rows)} {'events' if args.events else 'clusters'} written to {args.output}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    f = filters(args)
    with Store.open(args.db) as store:
        result = {"articles": len(store.done_ids()), "events": store.count_events(**f),
                  "clusters": store.count_clusters(**f)}
        for by in ("country", "month", "mode"):
            events = {r["key"]: r["events"] for r in store.counts(by, "events", **f)}
            protests = {r["key"]: r["clusters"] for r in store.counts(by, "clusters", **f)}
            result[by] = [{"key": k, "events": events.get(k, 0), "clusters": protests.get(k, 0)}
                          for k in sorted(set(events) | set(protests), key=lambda k: (k is None, k or ""))]
        problems = store.check() if args.check else []
    if args.json:
        print(json.dumps({**result, "problems": problems} if args.check else result, ensure_ascii=False))
    else:
        print(f"{result['articles']} articles, {result['events']} events, "
              f"{result['clusters']} clusters (protests counted once)")
        for by in ("country", "month", "mode"):
            print(f"\n{'by ' + by:14} {'events':>8} {'clusters':>9}")
            for r in result[by]:
                print(f"{str(r['key'] if r['key'] is not None else '-'):14} {r['events']:>8} {r['clusters']:>9}")
        if args.check:
            print("\nconsistency: " + ("ok" if not problems else "; ".join(problems)))
    return 1 if problems else 0


def _table(rows: list[dict], clusters: bool, out: IO[str]) -> None:
    if clusters:
        out.write(f"{'id':>6} {'date':10} {'place':22} {'mode':13} {'size (low-high)':17} {'art.':>4} "
                  f"{'src':>3}  claims\n")
        for r in rows:
            size = f"{r['size_low']}-{r['size_high']}" if r["size_low"] is not None else "-"
            out.write(f"{r['id']:>6} {r['date_start'] or '?':10} {_place(r):22} {r['mode'] or '-':13} {size:17} "
                      f"{r['n_articles']:>4} {r['n_sources']:>3}  {_cut(r['claims'], 50)}\n")
        return
    out.write(f"{'date':10} {'place':22} {'mode':13} {'status':9} {'size':>8} {'cluster':>7}  article / claims\n")
    for r in rows:
        size = str(r["size_best"]) if r["size_best"] is not None else "-"
        out.write(f"{r['date_start'] or '?':10} {_place(r):22} {r['mode'] or '-':13} {r['status'] or '-':9} "
                  f"{size:>8} {r['cluster_id'] or '-':>7}  {r['article_id']}: {_cut(r['claims'], 40)}\n")


def _place(r: dict) -> str:
    return _cut(", ".join(x for x in (r.get("city"), r.get("country")) if x) or "-", 22)


def _cut(text, n: int) -> str:
    text = text or ""
    return text if len(text) <= n else text[:n - 1] + "…"


@contextmanager
def _open(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f
