"""The `vigie` command: a thin layer over the API.

Subcommands of other modules register themselves through COMMAND_MODULES:
each exposes `register(subparsers)` and sets `func` on its parsers.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Optional

from . import __version__
from .output import open_sink

# Modules that add subcommands (dedup, query, export, stats, serve, ...).
COMMAND_MODULES = ["vigie.store.commands", "vigie.serve.commands"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vigie", description="Protest events and quotes from French news.")
    p.add_argument("--version", action="version", version=f"vigie {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract events and quotes from articles")
    add_extract_arguments(ex)
    ex.set_defaults(func=cmd_extract)

    demo = sub.add_parser("demo", help="extract from the bundled example and print a readable table")
    add_extract_arguments(demo)
    demo.set_defaults(func=cmd_demo)

    ev = sub.add_parser("evaluate", help="score the extractor on a gold file (spec section 5)")
    ev.add_argument("gold", help="JSON Lines of articles with a 'gold' object")
    ev.add_argument("--errors", action="store_true", help="also list every miss and false alarm")
    ev.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    ev.set_defaults(func=cmd_evaluate)

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if not name.startswith(e.name or "\0"):
                raise
            continue
        module.register(sub)
    return p


def add_extract_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSON Lines of articles, .txt or .html files, directories, or - for stdin")
    p.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="output format")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that give none")
    p.add_argument("--db", metavar="TARGET",
                   help="also write to a database: a SQLite path or postgresql://... (see vigie query)")
    run = p.add_argument_group("batch runs (see docs/scale.md)")
    run.add_argument("--workers", type=int, default=None, metavar="N",
                     help="worker processes, each with its own spaCy (default: the number of cores; "
                          "0: extract in this process)")
    run.add_argument("--resume", action="store_true",
                     help="go on with an interrupted run: skip the articles already done "
                          "(checkpoint: OUTPUT.vigie-resume, or the store with --db)")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    run.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                     help="an article whose worker makes no progress for this long is failed and the "
                          "worker replaced (default: 60)")
    run.add_argument("--engine", choices=["local", "dask"], default="local",
                     help="local worker processes, or a Dask distributed cluster (writes Parquet)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default with --engine dask: "
                          "a local cluster of --workers processes)")
    run.add_argument("--partition-size", type=int, default=None, metavar="BYTES",
                     help="--engine dask: bytes of JSON Lines per partition (default: 16 MB)")
    run.add_argument("--chunk-size", type=int, default=64, help=argparse.SUPPRESS)
    run.add_argument("--extractor", default="vigie.pipeline:Extractor", help=argparse.SUPPRESS)
    run.add_argument("--checkpoint-every", type=float, default=1.0, help=argparse.SUPPRESS)


def cmd_extract(args: argparse.Namespace) -> int:
    from .batch import BatchOptions, run_batch
    from .checkpoint import ResumeError
    from .workers import FatalError

    opts = BatchOptions(inputs=args.inputs, output=args.output, format=args.format,
                        published=args.published, resume=args.resume, quiet=args.quiet,
                        timeout=args.timeout, extractor=args.extractor, chunk_size=args.chunk_size,
                        checkpoint_every=args.checkpoint_every)
    if args.workers is not None:
        opts.workers = args.workers
    store = None
    if getattr(args, "db", None):
        from .store import Store

        store = Store.open(args.db)
    try:
        if args.engine == "dask":
            from .engines.dask_engine import run_dask

            summary = run_dask(opts, scheduler=args.scheduler, partition_size=args.partition_size,
                               store_target=getattr(args, "db", None))
        else:
            summary = run_batch(opts, store=store)
        if store is not None:
            stats = store.dedup()
            print(f"dedup: {stats['new_events']} events clustered, {stats['clusters']} clusters", file=sys.stderr)
    except (ResumeError, FatalError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # an output that cannot be written (no such directory, disk full...)
        if isinstance(e, BrokenPipeError):
            raise
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        if store is not None:
            store.close()
    print(summary.line(), file=sys.stderr)
    if summary.interrupted:
        print("interrupted; run the same command with --resume to go on", file=sys.stderr)
        return 130
    return 1 if summary.failed else 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .batch import run
    from .ingest import iter_articles
    from .output import print_table

    results = []
    with open_sink(args.output, args.format) as sink:
        def keep(result):
            results.append(result)
            sink.write(result)
        summary = run(iter_articles(args.inputs, args.published), keep)
    print_table(results, sys.stdout)
    print(summary.line(), file=sys.stderr)
    if args.output != "-":
        print(f"records written to {args.output}", file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_file

    return evaluate_file(args.gold, errors=args.errors, as_json=args.json)


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
