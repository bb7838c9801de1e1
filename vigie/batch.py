"""Batch runs: stream articles through the extractor into a sink, count, summarise.

`run` is the simple serial loop (the demo uses it). `run_batch` is what
`vigie extract` uses: streaming input, worker processes (`vigie.workers`), a
progress bar, per-article timeouts, and resumable output (`vigie.checkpoint`
for files, the store's done ids with --db). The Dask engine lives in
`vigie.engines.dask_engine`.
"""
from __future__ import annotations

import os
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Optional, Union

from .records import Article, Extraction, Failure


@dataclass
class Summary:
    articles: int = 0
    events: int = 0
    quotes: int = 0
    failed: int = 0
    skipped: int = 0          # already done by an interrupted run (--resume)
    interrupted: bool = False
    elapsed: float = 0.0
    stats: Any = None         # engine statistics (workers, restarts, peak memory per worker, ...)

    def line(self) -> str:
        return f"{self.articles} articles, {self.events} events, {self.quotes} quotes, {self.failed} failed"


def run(items: Iterable[Union[Article, Failure]], sink: Callable[[Union[Extraction, Failure]], None],
        extractor=None, batch_size: int = 32) -> Summary:
    """Extract every article and hand each result to sink; failures are reported on stderr."""
    from .api import default_extractor

    extractor = extractor or default_extractor()
    summary = Summary()
    for result in extractor.extract_many(items, batch_size=batch_size):
        summary.articles += 1
        if isinstance(result, Failure):
            summary.failed += 1
            print(f"error: {result}", file=sys.stderr)
        else:
            summary.events += len(result.events)
            summary.quotes += len(result.quotes)
        sink(result)
    return summary


# ---------------------------------------------------------------- parallel, resumable runs

def available_cores() -> int:
    """Cores this process may use (CPU affinity, e.g. a container's or a job's share)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


@dataclass
class BatchOptions:
    inputs: list[str]
    output: str = "-"
    format: str = "jsonl"
    published: Optional[str] = None
    workers: int = field(default_factory=lambda: available_cores())  # 0: in this process
    resume: bool = False
    quiet: bool = False
    progress: Optional[bool] = None   # None: when stderr is a terminal and not quiet
    timeout: float = 60.0             # seconds without a result before a worker is killed
    extractor: str = "vigie.pipeline:Extractor"
    chunk_size: int = 64
    batch_size: int = 32
    checkpoint_every: float = 1.0
    max_articles_per_worker: int = 200_000


class _Stop:
    """First Ctrl-C (or SIGTERM): finish the articles in flight, checkpoint, stop. Second: abort."""

    def __init__(self, log: Callable[[str], None]):
        self.flag = False
        self.log = log
        self.saved: dict = {}

    def __enter__(self):
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.saved[sig] = signal.signal(sig, self._handler)
        return self

    def _handler(self, signum, frame):
        if self.flag:
            raise KeyboardInterrupt
        self.flag = True
        self.log("stopping after the articles in flight (Ctrl-C again to abort); "
                 "run the same command with --resume to go on")

    def __exit__(self, *exc):
        for sig, old in self.saved.items():
            signal.signal(sig, old)
        return False

    def __call__(self) -> bool:
        return self.flag


def _identity_inputs(inputs: list[str]) -> list[str]:
    return [x if x == "-" else os.path.abspath(x) for x in inputs]


def run_batch(opts: BatchOptions, store=None) -> Summary:
    """Run `vigie extract` over opts.inputs; with `store`, records go to the store and resume uses its done ids."""
    from .checkpoint import CheckpointedFile, ResumeError, RunIdentity
    from .ingest import iter_articles
    from .progress import Progress
    from .workers import END, Pool, csv_header, encode, extract_chunk, load_extractor, read_chunks

    t0 = time.monotonic()
    summary = Summary()
    show = opts.progress if opts.progress is not None else (not opts.quiet and sys.stderr.isatty())
    progress = Progress(enabled=False)
    log = progress.message

    skip_first, last_id, skip_if, counters = 0, None, None, {}
    ckpt: Optional[CheckpointedFile] = None
    stdout = None
    fmt = opts.format
    if fmt not in ("jsonl", "csv"):
        raise ResumeError(f"the local engine writes jsonl or csv, not {fmt}")
    header = csv_header() if fmt == "csv" else b""
    if store is not None:
        # the store is the checkpoint: --resume skips the articles it holds (done or failed);
        # records also go to -o, which then holds those of this run only
        if opts.resume:
            done = store.done_ids()
            skip_if = lambda a: a.id in done  # noqa: E731
        else:
            skip_if = store.is_current  # an article stored with the same text is not extracted again
        if opts.output == "-":
            stdout = sys.stdout.buffer
        else:
            stdout = open(opts.output, "wb")
        stdout.write(header)
    elif opts.output == "-":
        if opts.resume:
            raise ResumeError("--resume needs an output file (-o) or a store (--db), not stdout")
        stdout = sys.stdout.buffer
        stdout.write(header)
    else:
        identity = RunIdentity(_identity_inputs(opts.inputs), fmt, opts.published)
        ckpt = CheckpointedFile(opts.output, identity, opts.resume, header_bytes=header)
        if ckpt.resumed:
            st = ckpt.state
            skip_first, last_id = st.items, st.last_id
            summary.articles, summary.events = st.articles, st.events
            summary.quotes, summary.failed = st.quotes, st.failed
            summary.skipped = st.articles
    worker_fmt = "object" if store is not None else fmt
    unsaved: list = []  # results waiting for the store's next transaction

    state = {"items": skip_first, "last_id": last_id}

    def on_result(res) -> None:
        state["items"] = res.ordinal + 1 if store is None else state["items"] + 1
        state["last_id"] = res.article_id
        summary.articles += 1
        if res.failure is not None:
            summary.failed += 1
            log(f"error: {res.failure}")
            progress.update(1, 0, 1)
            if store is not None and res.article_id is not None:
                unsaved.append(Failure("article", res.failure, article_id=res.article_id))
            return
        summary.events += res.events
        summary.quotes += res.quotes
        payload = res.payload
        if store is not None:
            unsaved.append(payload)
            if len(unsaved) >= 500:
                on_checkpoint()
            payload = encode(payload, fmt)
        if ckpt is not None:
            ckpt.write(payload)
        else:
            stdout.write(payload)
        progress.update(1, res.events, 0)

    def on_checkpoint() -> None:
        if unsaved:
            store.save_many(unsaved)  # one transaction: a kill loses whole batches, redone on --resume
            unsaved.clear()
        if ckpt is not None:
            ckpt.commit(state["items"], state["last_id"], summary.articles, summary.events,
                        summary.quotes, summary.failed)
        elif stdout is not None:
            stdout.flush()

    items = iter_articles(opts.inputs, opts.published)
    stop_reader = threading.Event()
    chunks: queue.Queue = queue.Queue(maxsize=max(4, 2 * max(1, opts.workers)))
    reader = threading.Thread(target=read_chunks, name="vigie-reader", daemon=True,
                              args=(items, opts.chunk_size, chunks, stop_reader, skip_first, last_id,
                                    skip_if, counters))
    progress = Progress(enabled=show, inputs=opts.inputs, initial=summary.articles)
    progress.events, progress.failed = summary.events, summary.failed
    log = progress.message
    if skip_first:
        log(f"resuming: {skip_first} inputs already done ({summary.line()})")
    stats = None
    try:
        with _Stop(log) as should_stop:
            reader.start()
            if opts.workers <= 0:
                stats = _run_in_process(opts, worker_fmt, chunks, on_result, on_checkpoint, should_stop,
                                        load_extractor, extract_chunk, END)
            else:
                pool = Pool(opts.workers, extractor=opts.extractor, fmt=worker_fmt, batch_size=opts.batch_size,
                            timeout=opts.timeout, max_articles_per_worker=opts.max_articles_per_worker,
                            log=log)
                stats = pool.run(chunks, on_result, should_stop=should_stop, on_checkpoint=on_checkpoint,
                                 checkpoint_every=opts.checkpoint_every, chunk_size=opts.chunk_size)
            summary.interrupted = should_stop()
        on_checkpoint()
        if ckpt is not None and not summary.interrupted:
            ckpt.commit(state["items"], state["last_id"], summary.articles, summary.events,
                        summary.quotes, summary.failed, complete=True)
    finally:
        stop_reader.set()
        progress.close()
        if ckpt is not None:
            ckpt.close()
        if stdout is not None:
            try:
                stdout.flush()
                if stdout is not sys.stdout.buffer:
                    stdout.close()
            except BrokenPipeError:
                pass
    if counters.get("skipped"):
        summary.skipped += counters["skipped"]
        why = "resuming: " if opts.resume else ""
        print(f"{why}{counters['skipped']} articles already in the store (same text) were skipped", file=sys.stderr)
    summary.elapsed = time.monotonic() - t0
    summary.stats = stats
    return summary


def _run_in_process(opts, fmt, chunks, on_result, on_checkpoint, should_stop, load_extractor,
                    extract_chunk, END):
    """--workers 0: extract in this process (no timeout, no crash isolation; for debugging)."""
    from .workers import PoolStats, Result, peak_rss

    stats = PoolStats(workers=0, started=time.monotonic())
    extractor = None
    last = time.monotonic()
    while not should_stop():
        got = chunks.get()
        if got is END:
            break
        if isinstance(got, BaseException):
            raise got
        if extractor is None:  # loaded when there is work: resuming a finished run loads no model
            extractor = load_extractor(opts.extractor)
            stats.first_ready = stats.all_ready = time.monotonic() - stats.started
        ordinals = [o for o, _ in got]
        for pos, aid, ev, qu, payload, failure in extract_chunk(extractor, [x for _, x in got], fmt,
                                                                 opts.batch_size):
            on_result(Result(ordinals[pos], aid, ev, qu, payload, failure))
        if time.monotonic() - last >= opts.checkpoint_every:
            on_checkpoint()
            last = time.monotonic()
    on_checkpoint()
    stats.peak_rss[0] = peak_rss()
    stats.finished = time.monotonic()
    stats.interrupted = should_stop()
    return stats
