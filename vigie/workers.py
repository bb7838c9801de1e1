"""The local engine: a supervised pool of worker processes, each with one Extractor.

The parent reads the input in a thread (bounded queue: constant memory), cuts
it into chunks and gives each worker at most `prefetch` chunks over its own
queue. A worker sends one message per article back over its own pipe, so the
parent always knows which articles a worker has done. The parent hands the
results to `on_result` strictly in input order.

A worker that dies (crash, OOM kill, kill -9) or makes no progress for
`timeout` seconds (it is then killed) is replaced. The articles of its chunk
that were not done are retried one by one in fresh workers; an article that
kills or hangs a worker on its own is reported as failed and the run goes on.

`extract_chunk` is the per-chunk function shared with the Dask engine.
"""
from __future__ import annotations

import csv
import importlib
import io
import json
import multiprocessing as mp
import os
import queue
import resource
import signal
import sys
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait as mp_wait
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Optional, Union

from .records import Article, Extraction, Failure

DEFAULT_EXTRACTOR = "vigie.pipeline:Extractor"
FORMATS = ("jsonl", "csv", "records", "object")


class Result(NamedTuple):
    """What became of one input item, as the parent sees it."""
    ordinal: int
    article_id: Optional[str]
    events: int
    quotes: int
    payload: Any             # bytes for jsonl/csv, list of dicts for "records", the Extraction for "object"
    failure: Optional[str]   # the failure line, None on success


# ---------------------------------------------------------------- per-chunk function

def load_extractor(spec: str = DEFAULT_EXTRACTOR):
    """Build an extractor from "module:callable" (a class or a factory function)."""
    module, _, attr = spec.partition(":")
    obj: Any = importlib.import_module(module)
    for part in (attr or "Extractor").split("."):
        obj = getattr(obj, part)
    return obj()


def encode(extraction: Extraction, fmt: str) -> Any:
    if fmt == "object":
        return extraction
    records = extraction.records()
    if fmt == "records":
        return records
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    if fmt == "csv":
        from .output import CSV_COLUMNS, flatten

        buf = io.StringIO()
        writer = csv.DictWriter(buf, CSV_COLUMNS)
        for r in records:
            writer.writerow(flatten(r))
        return buf.getvalue().encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")


def csv_header() -> bytes:
    from .output import CSV_COLUMNS

    buf = io.StringIO()
    csv.DictWriter(buf, CSV_COLUMNS).writeheader()
    return buf.getvalue().encode("utf-8")


def _failure_line(item: Union[Article, Failure], message: str) -> str:
    if isinstance(item, Failure):
        return str(item)
    return str(Failure("article", message, article_id=item.id))


def extract_chunk(extractor, items: list[Union[Article, Failure]], fmt: str = "jsonl",
                  batch_size: int = 32) -> Iterator[tuple[int, Optional[str], int, int, Any, Optional[str]]]:
    """Extract a chunk: yield (index in chunk, article id, events, quotes, payload, failure) per item, in order.

    Never raises for one article: an exception of the extractor fails the article
    it was on and extraction goes on with the next ones.
    """
    pos = 0
    n = len(items)
    while pos < n:
        try:
            for result in extractor.extract_many(iter(items[pos:]), batch_size=batch_size):
                item = items[pos]
                aid = item.id if isinstance(item, Article) else item.article_id
                if isinstance(result, Failure):
                    yield pos, aid, 0, 0, None, str(result)
                else:
                    try:
                        payload = encode(result, fmt)
                    except Exception as e:  # a record that cannot be written fails its article only
                        yield pos, aid, 0, 0, None, _failure_line(item, f"cannot write records: {type(e).__name__}: {e}")
                    else:
                        yield pos, aid, len(result.events), len(result.quotes), payload, None
                pos += 1
                if pos >= n:
                    break
        except Exception as e:
            item = items[pos]
            aid = item.id if isinstance(item, Article) else item.article_id
            yield pos, aid, 0, 0, None, _failure_line(item, f"extractor error: {type(e).__name__}: {e}")
            pos += 1
        else:
            while pos < n:  # the extractor gave fewer results than inputs
                item = items[pos]
                aid = item.id if isinstance(item, Article) else item.article_id
                yield pos, aid, 0, 0, None, _failure_line(item, "the extractor returned no result")
                pos += 1


# ---------------------------------------------------------------- worker process

def peak_rss() -> int:
    """Peak resident memory of this process, in bytes."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def current_rss() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _die_with_parent() -> None:
    """Linux: get SIGKILL when the parent dies, so that kill -9 of a run leaves no orphan."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _worker_main(wid: int, spec: str, fmt: str, batch_size: int, tasks, conn, stop_event,
                 parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it lets us finish the chunk
    _die_with_parent()
    if os.getppid() != parent_pid:
        return
    try:
        extractor = load_extractor(spec)
    except BaseException:
        conn.send(("fatal", wid, traceback.format_exc()))
        return
    conn.send(("ready", wid, peak_rss()))
    while True:
        try:
            task = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent_pid:
                return
            continue
        if task is None:
            break
        chunk_id, ordinals, items = task
        if stop_event.is_set():
            conn.send(("returned", wid, chunk_id))
            continue
        conn.send(("start", wid, chunk_id))
        for pos, aid, ev, qu, payload, failure in extract_chunk(extractor, items, fmt, batch_size):
            conn.send(("result", wid, chunk_id, Result(ordinals[pos], aid, ev, qu, payload, failure)))
        conn.send(("done", wid, chunk_id, peak_rss(), current_rss()))
    conn.send(("bye", wid, peak_rss()))
    conn.close()


# ---------------------------------------------------------------- the parent

@dataclass
class Chunk:
    id: int
    ordinals: list[int]
    items: list[Article]
    attempts: int = 0
    single: bool = False


@dataclass
class _Worker:
    slot: int
    proc: Any
    tasks: Any
    conn: Any
    spawned: float
    ready: bool = False
    assigned: deque = field(default_factory=deque)   # chunks given to it, oldest first
    current: Optional[int] = None                     # id of the chunk it is working on
    last_progress: float = 0.0
    articles: int = 0
    dead: bool = False
    retiring: bool = False


@dataclass
class PoolStats:
    workers: int = 0
    restarts: int = 0
    timeouts: int = 0
    crashes: int = 0
    peak_rss: dict = field(default_factory=dict)     # slot -> peak RSS in bytes over the worker(s) in it
    last_rss: dict = field(default_factory=dict)     # slot -> RSS after its last chunk
    ready_times: list = field(default_factory=list)  # seconds from start until each first worker was ready
    started: float = 0.0
    first_ready: Optional[float] = None
    all_ready: Optional[float] = None
    finished: float = 0.0
    interrupted: bool = False
    results: int = 0                          # articles extracted by workers
    results_at_all_ready: int = 0             # ... when the last of the first workers was ready
    last_result: Optional[float] = None       # seconds from start to the last result


class FatalError(RuntimeError):
    """The run cannot go on (the extractor does not load, workers die at start)."""


END = object()


def _describe_exit(code: Optional[int]) -> str:
    if code is None:
        return "worker died"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker died (killed by {name})"
    return f"worker died (exit code {code})"


def read_chunks(items: Iterable[Union[Article, Failure]], chunk_size: int, out: "queue.Queue",
                stop: threading.Event, skip_first: int = 0, expect_last_id: Optional[str] = None,
                skip_if: Optional[Callable[[Article], bool]] = None, counters: Optional[dict] = None) -> None:
    """Reader thread: cut the input into chunks of (ordinal, item), skipping what is done."""
    def put(x) -> bool:
        while not stop.is_set():
            try:
                out.put(x, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    try:
        ordinal = 0
        chunk: list = []
        for item in items:
            if ordinal < skip_first:
                if ordinal == skip_first - 1 and expect_last_id is not None:
                    aid = item.id if isinstance(item, Article) else item.article_id
                    if aid != expect_last_id:
                        put(FatalError(f"cannot resume: input item {ordinal + 1} is {aid!r}, the checkpoint "
                                       f"says {expect_last_id!r}; the input changed since the interrupted run"))
                        return
                ordinal += 1
                continue
            if skip_if is not None and isinstance(item, Article) and skip_if(item):
                if counters is not None:
                    counters["skipped"] = counters.get("skipped", 0) + 1
                continue
            chunk.append((ordinal, item))
            ordinal += 1
            if len(chunk) >= chunk_size:
                if not put(chunk):
                    return
                chunk = []
            if stop.is_set():
                return
        if ordinal < skip_first:
            put(FatalError(f"cannot resume: the input has {ordinal} items, the checkpoint says "
                           f"{skip_first} are done; the input changed since the interrupted run"))
            return
        if chunk and not put(chunk):
            return
        put(END)
    except BaseException as e:  # surface reader errors in the parent
        put(e if isinstance(e, Exception) else FatalError(repr(e)))


class Pool:
    """Run chunks over worker processes; results come out through `on_result`, in input order."""

    def __init__(self, workers: int, extractor: str = DEFAULT_EXTRACTOR, fmt: str = "jsonl",
                 batch_size: int = 32, timeout: float = 60.0, prefetch: int = 2,
                 startup_timeout: float = 600.0, max_articles_per_worker: int = 0,
                 log: Callable[[str], None] = lambda s: print(s, file=sys.stderr)):
        self.n = max(1, workers)
        self.spec = extractor
        self.fmt = fmt
        self.batch_size = batch_size
        self.timeout = timeout
        self.prefetch = prefetch
        self.startup_timeout = startup_timeout
        self.max_articles = max_articles_per_worker
        self.log = log
        self.ctx = mp.get_context("spawn")
        self.stop_event = self.ctx.Event()
        self.workers: list[_Worker] = []
        self.stats = PoolStats(workers=self.n)
        self.start_failures = 0

    # -- processes
    def _spawn(self, slot: int) -> _Worker:
        tasks = self.ctx.Queue()
        parent_end, child_end = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_worker_main, name=f"vigie-worker-{slot}",
                                args=(slot, self.spec, self.fmt, self.batch_size, tasks, child_end,
                                      self.stop_event, os.getpid()), daemon=True)
        # Workers start with SIGINT ignored (inherited through exec): a Ctrl-C on the terminal
        # reaches the whole process group, and only the parent decides what to do with it.
        old = None
        if threading.current_thread() is threading.main_thread():
            old = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            proc.start()
        finally:
            if old is not None:
                signal.signal(signal.SIGINT, old)
        child_end.close()
        return _Worker(slot=slot, proc=proc, tasks=tasks, conn=parent_end, spawned=time.monotonic())

    def _discard(self, w: _Worker) -> None:
        w.dead = True
        try:
            w.tasks.cancel_join_thread()
            w.tasks.close()
        except Exception:
            pass
        try:
            w.conn.close()
        except Exception:
            pass
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join(timeout=5)

    def _assign(self, w: _Worker, chunk: Chunk) -> None:
        if not w.assigned:
            w.last_progress = time.monotonic()
        w.assigned.append(chunk)
        w.tasks.put((chunk.id, chunk.ordinals, chunk.items))

    # -- the run
    def run(self, chunks: "queue.Queue", on_result: Callable[[Result], None],
            should_stop: Callable[[], bool] = lambda: False,
            on_checkpoint: Optional[Callable[[], None]] = None, checkpoint_every: float = 1.0,
            max_outstanding: Optional[int] = None, chunk_size: int = 64) -> PoolStats:
        stats = self.stats
        stats.started = time.monotonic()
        self.workers = []  # spawned when there is work: resuming a finished run loads no model
        max_outstanding = max_outstanding or self.n * (self.prefetch + 2) * chunk_size
        pending: deque[Chunk] = deque()
        remaining: dict[int, set] = {}       # chunk id -> ordinals not yet returned
        buffer: dict[int, Result] = {}        # results waiting for their turn
        next_write: Optional[int] = None
        outstanding = 0
        reader_done = False
        stopping = False
        next_chunk_id = 0
        last_checkpoint = time.monotonic()
        ready_seen = 0

        def new_chunk(ordinals, items, attempts=0, single=False) -> Chunk:
            nonlocal next_chunk_id
            next_chunk_id += 1
            c = Chunk(next_chunk_id, ordinals, items, attempts, single)
            remaining[c.id] = set(ordinals)
            return c

        def fail(ordinal: int, item: Article, message: str) -> None:
            buffer[ordinal] = Result(ordinal, item.id, 0, 0, None, _failure_line(item, message))

        def requeue_after_death(w: _Worker, reason: str) -> None:
            """Put the chunks of a dead worker back; an article alone on a dead worker has failed."""
            back: list[Chunk] = []
            for chunk in w.assigned:
                left = [(o, a) for o, a in zip(chunk.ordinals, chunk.items) if o in remaining.get(chunk.id, ())]
                remaining.pop(chunk.id, None)
                if not left:
                    continue
                in_flight = chunk.id == w.current
                if in_flight and len(left) == 1 and (chunk.single or len(chunk.ordinals) == 1):
                    o, a = left[0]
                    fail(o, a, reason)
                elif in_flight or chunk.attempts >= 2:
                    if len(left) > 1 or not chunk.single:
                        self.log(f"warning: {reason}; retrying its {len(left)} article(s) one by one")
                    for o, a in left:
                        back.append(new_chunk([o], [a], single=True))
                else:
                    back.append(new_chunk([o for o, _ in left], [a for _, a in left], attempts=chunk.attempts + 1))
            w.assigned.clear()
            pending.extendleft(reversed(back))

        def handle(w: _Worker, msg) -> None:
            nonlocal ready_seen
            kind = msg[0]
            now = time.monotonic()
            if kind == "result":
                _, _, chunk_id, res = msg
                rem = remaining.get(chunk_id)
                if rem is not None and res.ordinal in rem:
                    rem.discard(res.ordinal)
                    buffer[res.ordinal] = res
                w.last_progress = now
                w.articles += 1
                stats.results += 1
                stats.last_result = now - stats.started
            elif kind == "start":
                w.current = msg[2]
                w.last_progress = now
            elif kind == "done":
                chunk_id = msg[2]
                stats.peak_rss[w.slot] = max(stats.peak_rss.get(w.slot, 0), msg[3])
                stats.last_rss[w.slot] = msg[4]
                if w.assigned and w.assigned[0].id == chunk_id:
                    w.assigned.popleft()
                else:
                    w.assigned = deque(c for c in w.assigned if c.id != chunk_id)
                remaining.pop(chunk_id, None)
                w.current = None
                w.last_progress = now
            elif kind == "returned":
                chunk_id = msg[2]
                for c in list(w.assigned):
                    if c.id == chunk_id:
                        w.assigned.remove(c)
                        pending.appendleft(c)
            elif kind == "ready":
                w.ready = True
                w.last_progress = now
                self.start_failures = 0
                stats.peak_rss[w.slot] = max(stats.peak_rss.get(w.slot, 0), msg[2])
                ready_seen += 1
                t = now - stats.started
                stats.ready_times.append(t)
                if stats.first_ready is None:
                    stats.first_ready = t
                if ready_seen == self.n and stats.all_ready is None:
                    stats.all_ready = t
                    stats.results_at_all_ready = stats.results
            elif kind == "bye":
                stats.peak_rss[w.slot] = max(stats.peak_rss.get(w.slot, 0), msg[2])
            elif kind == "fatal":
                raise FatalError(f"the extractor could not be loaded in a worker:\n{msg[2]}")

        def drain(w: _Worker) -> bool:
            """Read what the worker sent; False when its pipe is broken (it died, maybe mid-message)."""
            while True:
                try:
                    if not w.conn.poll():
                        return True
                    msg = w.conn.recv()
                except Exception:
                    return False
                handle(w, msg)

        def bury(w: _Worker, reason: str) -> None:
            drain(w)
            if not w.ready:
                self.start_failures += 1
                if self.start_failures >= 3:
                    raise FatalError(f"workers die while starting ({reason}); giving up")
            else:
                stats.restarts += 1
            requeue_after_death(w, reason)
            self._discard(w)  # replaced in step 2 if there is work left for it

        try:
            while True:
                if not stopping and should_stop():
                    stopping = True
                    stats.interrupted = True
                    self.stop_event.set()
                # 1. take input while there is room
                while not stopping and not reader_done and outstanding < max_outstanding \
                        and len(pending) < self.n * self.prefetch + 1:
                    try:
                        got = chunks.get_nowait()
                    except queue.Empty:
                        break
                    if got is END:
                        reader_done = True
                        break
                    if isinstance(got, BaseException):
                        raise got
                    if next_write is None:
                        next_write = got[0][0]
                    outstanding += len(got)
                    ords, arts = [], []
                    for o, item in got:
                        if isinstance(item, Failure):
                            buffer[o] = Result(o, item.article_id, 0, 0, None, str(item))
                        else:
                            ords.append(o)
                            arts.append(item)
                    if arts:
                        pending.append(new_chunk(ords, arts))
                # 2. give work to ready workers
                if not self.workers and pending and not stopping:
                    self.workers = [self._spawn(i) for i in range(self.n)]
                if pending and not stopping:
                    for slot, w in enumerate(self.workers):
                        if w.dead:
                            self.workers[slot] = self._spawn(slot)
                for w in self.workers:
                    if w.dead or not w.ready or w.retiring:
                        continue
                    if self.max_articles and w.articles >= self.max_articles:
                        w.retiring = True
                        continue
                    while pending and not stopping and len(w.assigned) < self.prefetch:
                        self._assign(w, pending.popleft())
                # 3. write what is ready, in order
                while next_write is not None and next_write in buffer:
                    on_result(buffer.pop(next_write))
                    next_write += 1
                    outstanding -= 1
                now = time.monotonic()
                if on_checkpoint and now - last_checkpoint >= checkpoint_every:
                    on_checkpoint()
                    last_checkpoint = now
                # 4. finished?
                busy = any(w.assigned for w in self.workers if not w.dead)
                if not busy and (stopping or (reader_done and not pending and not buffer)):
                    break
                # 5. retire workers that did their share (fresh memory), when idle
                for w in list(self.workers):
                    if w.retiring and not w.assigned:
                        w.tasks.put(None)
                        w.proc.join(timeout=30)
                        drain(w)
                        self._discard(w)
                        self.workers[w.slot] = self._spawn(w.slot)
                # 6. wait for messages, deaths, or the next deadline
                waiting_for_input = not reader_done and not stopping and outstanding < max_outstanding
                wait_for = 0.02 if waiting_for_input and not pending else 0.5
                objs = {}
                for w in self.workers:
                    if w.dead:
                        continue
                    objs[w.conn] = w
                    objs[w.proc.sentinel] = w
                if not objs:
                    time.sleep(wait_for)
                for obj in (mp_wait(list(objs), timeout=wait_for) if objs else ()):
                    w = objs[obj]
                    if w.dead:
                        continue
                    if obj is w.conn:
                        if not drain(w):
                            w.proc.join(timeout=2)
                            bury(w, _describe_exit(w.proc.exitcode))
                    elif not w.proc.is_alive():
                        w.proc.join(timeout=2)
                        bury(w, _describe_exit(w.proc.exitcode))
                # 7. hung workers
                now = time.monotonic()
                for w in list(self.workers):
                    if w.dead:
                        continue
                    if w.ready and w.assigned and w.current is not None and now - w.last_progress > self.timeout:
                        w.proc.kill()
                        w.proc.join(timeout=5)
                        stats.timeouts += 1
                        bury(w, f"timed out (no result for {self.timeout:g} s)")
                    elif not w.ready and now - w.spawned > self.startup_timeout:
                        w.proc.kill()
                        w.proc.join(timeout=5)
                        bury(w, f"worker did not start within {self.startup_timeout:g} s")
            if on_checkpoint:
                on_checkpoint()
        except BaseException:
            for w in self.workers:  # aborting (second Ctrl-C, error): no waiting for chunks in flight
                if not w.dead:
                    self._discard(w)
            raise
        finally:
            self.close()
        stats.finished = time.monotonic()
        return stats

    def close(self) -> None:
        for w in self.workers:
            if w.dead:
                continue
            if not w.ready:  # still loading its model: no work lost by killing it
                self._discard(w)
                continue
            try:
                w.tasks.put(None)
            except Exception:
                pass
        deadline = time.monotonic() + 10
        for w in self.workers:
            if w.dead:
                continue
            w.proc.join(timeout=max(0.1, deadline - time.monotonic()))
            try:
                while w.conn.poll():
                    msg = w.conn.recv()
                    if msg[0] in ("bye", "done"):
                        rss = msg[2] if msg[0] == "bye" else msg[3]
                        self.stats.peak_rss[w.slot] = max(self.stats.peak_rss.get(w.slot, 0), rss)
            except Exception:
                pass
            self._discard(w)
