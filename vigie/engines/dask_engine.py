"""The Dask engine: the same per-chunk function, run per input partition on a Dask cluster.

Input: JSON Lines files, cut into line-aligned byte ranges of `partition_size`
bytes, or Parquet files (one partition per row group), on a filesystem every
worker can read (local disk for a local cluster; NFS, s3://, gs://... through
fsspec for a real one). Output: a directory (same rule) with, per partition,

    part-<input>-<file>-<block>.parquet   the records, one row each (flat columns + the full JSON record)
    _part-<input>-<file>-<block>.json     its summary (articles, events, quotes, failures)

Both are written under a temporary (hidden) name and renamed, the summary
last: a partition is done when its summary exists. Names starting with "_" or
"." are ignored by Parquet readers, so `pandas.read_parquet(DIR)` reads the
records only. `--resume` skips done partitions,
so a run killed at any point and started again loses nothing and writes no
duplicate. `_vigie_run.json` holds the arguments a resumed run must repeat.

Each Dask worker process builds one Extractor (spaCy loaded once per worker),
kept in a module global between tasks. Failures stay per article, as in the
local engine. A worker that dies is first Dask's business: its task is
retried on another worker (distributed.scheduler.allowed-failures, default 3).
A partition that keeps killing workers (KilledWorker) is then extracted one
article per task (`part-<key>-a<index>.parquet`), one task per worker thread
so that none waits on a worker about to die; an article killed is tried once
more, and the one that still kills workers is reported as failed; a marker summary
`_part-<key>.json` (counting those failures) closes the partition. A task
that gives no result for `--timeout` seconds ends its worker process (see
_Watchdog), which Dask then handles as a worker that died.
"""
from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from typing import Any, Iterator, Optional

from ..batch import BatchOptions, Summary, _Stop
from ..checkpoint import ResumeError
from ..ingest import article_from_dict, check_text
from ..records import Article, Failure

DEFAULT_PARTITION_SIZE = 16 * 1024 * 1024
MANIFEST = "_vigie_run.json"
JSONL = (".jsonl", ".ndjson", ".json")

INT_COLUMNS = {"size_min", "size_max", "size_best", "geonameid", "arrests", "injured", "killed",
               "evidence_start", "evidence_end", "quote_start", "quote_end"}
FLOAT_COLUMNS = {"lat", "lon", "confidence"}


def records_schema():
    import pyarrow as pa

    from ..output import CSV_COLUMNS

    fields = []
    for name in CSV_COLUMNS:
        typ = pa.int64() if name in INT_COLUMNS else pa.float64() if name in FLOAT_COLUMNS else pa.string()
        fields.append(pa.field(name, typ))
    fields.append(pa.field("record", pa.string()))  # the full record as JSON (spec section 2)
    return pa.schema(fields)


def records_table(records: list[dict]):
    import pyarrow as pa

    from ..output import flatten

    schema = records_schema()
    rows = []
    for r in records:
        row = flatten(r)
        row["record"] = json.dumps(r, ensure_ascii=False)
        rows.append(row)
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.Table.from_pydict(columns, schema=schema)


def read_records(out_dir: str) -> list[dict]:
    """All records of a Dask run, in input order (partition keys sort in input order)."""
    import pyarrow.parquet as pq

    records = []
    for name in sorted(os.listdir(out_dir)):
        if name.startswith("part-") and name.endswith(".parquet"):
            for value in pq.read_table(os.path.join(out_dir, name), columns=["record"]).column("record"):
                records.append(json.loads(value.as_py()))
    return records


# ---------------------------------------------------------------- partitions

def plan_partitions(inputs: list[str], partition_size: int) -> list[dict]:
    """Partitions of the inputs, in input order, each a small dict a worker can read on its own."""
    import fsspec

    parts = []
    for i, name in enumerate(inputs):
        if name == "-":
            raise ResumeError("--engine dask reads files (JSON Lines or Parquet), not stdin")
        fs, _, paths = fsspec.get_fs_token_paths(name)
        files = []
        for path in paths:
            if fs.isdir(path):
                files.extend(sorted(p for p in fs.find(path) if p.lower().endswith(JSONL + (".parquet",))))
            else:
                files.append(path)
        if not files:
            raise ResumeError(f"{name}: no such file or directory")
        for j, path in enumerate(files):
            protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
            url = path if protocol == "file" else f"{protocol}://{path}"
            key = f"{i:03d}-{j:05d}"
            if path.lower().endswith(".parquet"):
                import pyarrow.parquet as pq

                with fs.open(path, "rb") as f:
                    groups = pq.ParquetFile(f).metadata.num_row_groups
                for g in range(groups):
                    parts.append({"key": f"{key}-{g:06d}", "kind": "parquet", "url": url, "row_group": g})
            elif path.lower().endswith(JSONL):
                size = fs.size(path)
                for k, start in enumerate(range(0, max(size, 1), partition_size)):
                    parts.append({"key": f"{key}-{k:06d}", "kind": "jsonl", "url": url,
                                  "start": start, "end": min(start + partition_size, size)})
            else:
                raise ResumeError(f"{path}: --engine dask reads JSON Lines (.jsonl) or Parquet files")
    return parts


def read_partition(part: dict, published: Optional[str]) -> Iterator[Article | Failure]:
    """The articles of one partition (a line belongs to the range its first byte is in)."""
    import fsspec

    if part["kind"] == "parquet":
        import pyarrow.parquet as pq

        with fsspec.open(part["url"], "rb") as f:
            table = pq.ParquetFile(f).read_row_group(part["row_group"])
        for n, obj in enumerate(table.to_pylist()):
            yield _article(obj, published, part["url"], f"row group {part['row_group']}, row {n + 1}")
        return
    start, end = part["start"], part["end"]
    with fsspec.open(part["url"], "rb") as f:
        if start > 0:
            f.seek(start - 1)
            f.readline()  # the rest of a line that belongs to the previous partition
        pos = f.tell()
        while pos < end:
            raw = f.readline()
            if not raw:
                break
            here = pos
            pos += len(raw)
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError) as e:
                yield Failure(part["url"], f"invalid JSON at byte {here} ({type(e).__name__})")
                continue
            yield _article(obj, published, part["url"], f"byte {here}")


def _article(obj: Any, published: Optional[str], url: str, where: str) -> Article | Failure:
    item = article_from_dict(obj, published)
    if isinstance(item, Failure):
        return Failure(url, f"{item.message} ({where})", article_id=item.article_id)
    problem = check_text(item.text)
    if problem:
        return Failure(url, f"{problem} ({where})", article_id=item.id)
    return item


# ---------------------------------------------------------------- on the workers

_EXTRACTORS: dict = {}
_LOCK = threading.Lock()


def _extractor(spec: str):
    with _LOCK:
        if spec not in _EXTRACTORS:
            from ..workers import load_extractor

            _EXTRACTORS[spec] = load_extractor(spec)
        return _EXTRACTORS[spec]


_STORES: dict = {}


def _store(target: str):
    with _LOCK:
        if target not in _STORES:
            from ..store import Store

            _STORES[target] = Store.open(target, migrate=False)  # the client migrated it
        return _STORES[target]


class _Watchdog:
    """Ends this worker process when no article comes out for `timeout` seconds: Dask's nanny
    starts a new one and the task is retried, then split, so that the article that hangs ends up
    reported as failed, as with a worker that dies (the local engine kills such a worker too)."""

    def __init__(self, timeout: Optional[float], what: str):
        self.timeout, self.what = timeout, what
        self.last = time.monotonic()
        self.done = threading.Event()
        if timeout:
            threading.Thread(target=self._watch, daemon=True).start()

    def tick(self) -> None:
        self.last = time.monotonic()

    def stop(self) -> None:
        self.done.set()

    def _watch(self) -> None:
        while not self.done.wait(min(1.0, self.timeout / 4)):
            if time.monotonic() - self.last > self.timeout:
                print(f"vigie: no result for {self.timeout:g} s in {self.what}; ending this worker",
                      file=sys.stderr, flush=True)
                os._exit(70)


def process_partition(part: dict, out_dir: str, spec: str, published: Optional[str],
                      batch_size: int = 32, store_target: Optional[str] = None,
                      timeout: Optional[float] = None) -> dict:
    """Extract one partition and write its Parquet file (and store rows) and summary; return the summary."""
    import fsspec
    import pyarrow.parquet as pq

    from ..workers import extract_chunk, peak_rss

    extractor = _extractor(spec)
    items = list(read_partition(part, published))
    if "only" in part:  # one article of a partition that kills workers
        items = items[part["only"]:part["only"] + 1]
    records: list[dict] = []
    results: list = []
    summary = {"key": part["key"], "articles": 0, "events": 0, "quotes": 0, "failed": 0, "failures": []}
    with _LOCK:  # one extraction at a time per process, whatever the worker's thread count
        watchdog = _Watchdog(timeout, f"partition {part['key']}")
        for pos, aid, ev, qu, payload, failure in extract_chunk(extractor, items, "object", batch_size):
            watchdog.tick()
            summary["articles"] += 1
            if failure is not None:
                summary["failed"] += 1
                summary["failures"].append(failure)
                if aid is not None:
                    results.append(Failure("article", failure, article_id=aid))
            else:
                summary["events"] += ev
                summary["quotes"] += qu
                records.extend(payload.records())
                results.append(payload)
        watchdog.stop()
    if store_target:
        _store(store_target).save_many(results)  # before the summary: a redone partition overwrites
    fs, _, (base,) = fsspec.get_fs_token_paths(out_dir)
    name = f"part-{part['key']}"
    with fs.open(f"{base}/.{name}.parquet.tmp", "wb") as f:
        pq.write_table(records_table(records), f)
    fs.mv(f"{base}/.{name}.parquet.tmp", f"{base}/{name}.parquet")
    with fs.open(f"{base}/._{name}.json.tmp", "w") as f:
        json.dump(summary, f, ensure_ascii=False)
    fs.mv(f"{base}/._{name}.json.tmp", f"{base}/_{name}.json")  # the partition is done from here on
    summary["peak_rss"] = peak_rss()
    summary["pid"] = os.getpid()
    return summary


def partition_ids(part: dict, published: Optional[str]) -> list[Optional[str]]:
    """The article ids of a partition, in order (to extract its articles one by one)."""
    return [item.id if isinstance(item, Article) else item.article_id for item in read_partition(part, published)]


def write_marker(out_dir: str, key: str, failed: list[str]) -> None:
    """Mark a partition done whose articles were extracted one by one (their own summaries
    hold their counts); it counts the articles that killed workers as failed."""
    import fsspec

    fs, _, (base,) = fsspec.get_fs_token_paths(out_dir)
    summary = {"key": key, "split": True, "articles": len(failed), "events": 0, "quotes": 0,
               "failed": len(failed), "failures": failed}
    with fs.open(f"{base}/._part-{key}.json.tmp", "w") as f:
        json.dump(summary, f, ensure_ascii=False)
    fs.mv(f"{base}/._part-{key}.json.tmp", f"{base}/_part-{key}.json")


# ---------------------------------------------------------------- the client

def _prepare_output(out_dir: str, manifest: dict, resume: bool) -> set[str]:
    """Make the output directory ready; return the keys of the partitions already done."""
    import fsspec

    fs, _, (base,) = fsspec.get_fs_token_paths(out_dir)
    fs.makedirs(base, exist_ok=True)
    path = f"{base}/{MANIFEST}"
    names = [p.rsplit("/", 1)[-1] for p in fs.ls(base, detail=False)]
    done: set[str] = set()
    if resume and MANIFEST in names:
        with fs.open(path, "r") as f:
            old = json.load(f)
        for k, v in manifest.items():
            if old.get(k) != v:
                raise ResumeError(f"cannot resume: {k} was {old.get(k)!r} in the interrupted run, now {v!r}; "
                                  f"run with the same arguments, or without --resume")
        done = {n[len("_part-"):-len(".json")] for n in names if n.startswith("_part-") and n.endswith(".json")}
    else:
        if resume and any(n.startswith(("part-", "_part-")) for n in names):
            raise ResumeError(f"--resume: {out_dir} has partitions but no {MANIFEST}; remove them first")
        for n in names:  # a fresh run replaces the partitions of an earlier one
            if n.startswith(("part-", "_part-")) or n == MANIFEST:
                fs.rm(f"{base}/{n}")
        with fs.open(path, "w") as f:
            json.dump(manifest, f, indent=1)
    for n in names:  # leftovers of a run killed while writing
        if n.endswith(".tmp") and fs.exists(f"{base}/{n}"):
            fs.rm(f"{base}/{n}")
    return done


def run_dask(opts: BatchOptions, scheduler: Optional[str] = None, partition_size: Optional[int] = None,
             client=None, store_target: Optional[str] = None) -> Summary:
    """Run `vigie extract --engine dask`: opts.output is the output directory."""
    from ..progress import Progress

    t0 = time.monotonic()
    if opts.output in ("-", None):
        raise ResumeError("--engine dask writes Parquet partitions: give an output directory with -o")
    partition_size = partition_size or DEFAULT_PARTITION_SIZE
    inputs = [x if "://" in x else os.path.abspath(x) for x in opts.inputs]
    parts = plan_partitions(inputs, partition_size)
    manifest = {"vigie_dask": 1, "inputs": inputs, "partition_size": partition_size,
                "published": opts.published, "partitions": len(parts)}
    done = _prepare_output(opts.output, manifest, opts.resume)
    out_dir = opts.output if "://" in opts.output else os.path.abspath(opts.output)
    if store_target and "://" not in store_target:
        store_target = os.path.abspath(store_target)  # a SQLite path, seen from the workers

    summary = Summary()
    for key in sorted(done):  # what an interrupted run already did
        s = _read_summary(out_dir, key)
        summary.articles += s["articles"]
        summary.events += s["events"]
        summary.quotes += s["quotes"]
        summary.failed += s["failed"]
    summary.skipped = summary.articles
    todo = [p for p in parts if p["key"] not in done]

    show = opts.progress if opts.progress is not None else (not opts.quiet and sys.stderr.isatty())
    progress = Progress(enabled=show, inputs=None, initial=summary.articles)
    progress.events, progress.failed = summary.events, summary.failed
    log = progress.message
    if done:
        n_done = sum(1 for p in parts if p["key"] in done)
        log(f"resuming: {n_done} of {len(parts)} partitions already done ({summary.line()})")

    own_cluster = None
    if client is None:
        from distributed import Client, LocalCluster

        if scheduler:
            client = Client(scheduler)
        else:
            own_cluster = LocalCluster(n_workers=max(1, opts.workers or 1), threads_per_worker=1,
                                       processes=True, dashboard_address=None,
                                       silence_logs=logging.ERROR)
            client = Client(own_cluster)
    stats = {"peak_rss": {}, "failed_partitions": []}
    try:
        from distributed import as_completed

        from collections import deque

        from distributed import KilledWorker

        threads = max(1, sum(client.nthreads().values()))
        slots = max(2, 2 * threads)
        queue = iter(todo)
        first: deque = deque()   # single articles of partitions that kill workers go first
        split: dict = {}          # partition key -> {"left": sub keys not finished, "failed": [lines]}
        running = as_completed()
        futures: dict = {}

        def submit_next() -> bool:
            part = first.popleft() if first else next(queue, None)
            if part is None:
                return False
            fut = client.submit(process_partition, part, out_dir, opts.extractor, opts.published,
                                opts.batch_size, store_target, opts.timeout or None,
                                key=f"vigie-{part['key']}-{time.time_ns()}", pure=False)
            futures[fut] = part
            running.add(fut)
            return True

        def split_partition(part: dict) -> None:
            ids = client.submit(partition_ids, part, opts.published, pure=False).result()
            log(f"warning: partition {part['key']} kills workers; extracting its {len(ids)} articles one by one")
            subs = [dict(part, key=f"{part['key']}-a{i:05d}", only=i, parent=part["key"], article_id=aid)
                    for i, aid in enumerate(ids)]
            todo_subs = [sp for sp in subs if sp["key"] not in done]
            split[part["key"]] = {"left": {sp["key"] for sp in todo_subs}, "failed": []}
            first.extend(todo_subs)
            if not todo_subs:
                write_marker(out_dir, part["key"], [])

        def sub_finished(part: dict, failure: Optional[str]) -> None:
            entry = split[part["parent"]]
            entry["left"].discard(part["key"])
            if failure:
                entry["failed"].append(failure)
            if not entry["left"]:
                write_marker(out_dir, part["parent"], entry["failed"])

        with _Stop(log) as should_stop:
            for _ in range(slots):
                if not submit_next():
                    break
            for fut in running:
                part = futures.pop(fut)
                try:
                    s = fut.result()
                except KilledWorker as e:
                    if "parent" not in part:
                        split_partition(part)
                    elif not part.get("retried"):
                        # it may have died beside the article that kills workers, queued on the same worker
                        first.appendleft(dict(part, retried=True))
                    else:
                        line = str(Failure(part["url"], f"worker died while extracting this article ({e.__class__.__name__})",
                                           article_id=part.get("article_id")))
                        log(f"error: {line}")
                        summary.articles += 1
                        summary.failed += 1
                        progress.update(1, 0, 1)
                        sub_finished(part, line)
                except Exception as e:
                    stats["failed_partitions"].append(part["key"])
                    log(f"error: partition {part['key']} ({part['url']}) failed: {type(e).__name__}: {e}; "
                        f"--resume will retry it")
                else:
                    summary.articles += s["articles"]
                    summary.events += s["events"]
                    summary.quotes += s["quotes"]
                    summary.failed += s["failed"]
                    for line in s["failures"]:
                        log(f"error: {line}")
                    stats["peak_rss"][s["pid"]] = max(stats["peak_rss"].get(s["pid"], 0), s["peak_rss"])
                    progress.update(s["articles"], s["events"], s["failed"])
                    if "parent" in part:
                        sub_finished(part, None)
                if not should_stop():
                    # while single articles of a killing partition are in play, one task per thread: none
                    # waits on a worker that the article that kills workers is about to take down
                    alone = first or any("parent" in p for p in futures.values())
                    while len(futures) < (threads if alone else slots) and submit_next():
                        pass
            summary.interrupted = should_stop()
    finally:
        progress.close()
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    if stats["failed_partitions"]:
        summary.failed += len(stats["failed_partitions"])  # at least one article each; exit status 1
    summary.elapsed = time.monotonic() - t0
    summary.stats = stats
    return summary


def _read_summary(out_dir: str, key: str) -> dict:
    import fsspec

    with fsspec.open(f"{out_dir}/_part-{key}.json", "r") as f:
        return json.load(f)
