"""Checkpoints for resumable batch runs writing to a file (JSON Lines or CSV).

The batch engine writes records in input order. Every second or so it
flushes and fsyncs the output, then appends one line to a small sidecar file
(`<output>.vigie-resume`) saying how many input items are done, the byte
offset of the output after their records, and the id of the last one:

    {"vigie_resume": 1, "inputs": [...], "format": "jsonl", "published": null}
    {"items": 640, "offset": 51200, "last_id": "a-639", "articles": 640, ...}
    {"items": 1280, "offset": 99873, "last_id": "a-1279", ...}

The sidecar is appended to and fsynced only after the output it describes is
on disk, so whatever kills the run (Ctrl-C, kill -9, power loss), the last
complete line is true. On resume, the output is truncated to that offset
(dropping records written after the checkpoint, which will be written again)
and the first `items` inputs are skipped: no duplicate, no loss. The sidecar
stays constant in memory and grows by ~150 bytes a second; it is kept after a
complete run so that resuming a finished run does nothing.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import IO, Any, Optional

SUFFIX = ".vigie-resume"
VERSION = 1


class ResumeError(Exception):
    """The run cannot be resumed safely (message says why)."""


def sidecar_path(output: str) -> str:
    return output + SUFFIX


@dataclass
class Checkpoint:
    items: int = 0           # input items (articles and unreadable inputs) done, in input order
    offset: int = 0          # bytes of output holding exactly their records
    last_id: Optional[str] = None
    articles: int = 0
    events: int = 0
    quotes: int = 0
    failed: int = 0
    complete: bool = False

    def to_json(self) -> str:
        return json.dumps({"items": self.items, "offset": self.offset, "last_id": self.last_id,
                           "articles": self.articles, "events": self.events, "quotes": self.quotes,
                           "failed": self.failed, "complete": self.complete}, ensure_ascii=False)


@dataclass
class RunIdentity:
    """What must be equal between an interrupted run and its resumption."""
    inputs: list[str]
    format: str
    published: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)

    def header(self) -> dict[str, Any]:
        return {"vigie_resume": VERSION, "inputs": self.inputs, "format": self.format,
                "published": self.published, **self.extra}


def read_sidecar(path: str) -> tuple[Optional[dict], Checkpoint]:
    """The header and the last complete checkpoint of a sidecar (a torn last line is ignored)."""
    header: Optional[dict] = None
    last = Checkpoint()
    with open(path, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break  # torn write: the run died while appending this line
            try:
                obj = json.loads(raw)
            except ValueError:
                break
            if header is None:
                header = obj
                continue
            last = Checkpoint(**{k: obj.get(k, getattr(Checkpoint, k, None)) for k in
                                 ("items", "offset", "last_id", "articles", "events", "quotes",
                                  "failed", "complete")})
    return header, last


def _fsync_dir(path: str) -> None:
    try:
        fd = os.open(os.path.dirname(os.path.abspath(path)) or ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class CheckpointedFile:
    """An output file plus its sidecar; opened fresh or resumed."""

    def __init__(self, output: str, identity: RunIdentity, resume: bool, header_bytes: bytes = b""):
        self.output = output
        self.sidecar = sidecar_path(output)
        self.state = Checkpoint()
        self.resumed = False
        if resume and os.path.exists(self.sidecar):
            header, state = read_sidecar(self.sidecar)
            if header is None:
                raise ResumeError(f"{self.sidecar} is empty or damaged; remove it and {output} to start again")
            self._check_identity(header, identity)
            if not os.path.exists(output):
                raise ResumeError(f"{output} is missing but {self.sidecar} says {state.items} inputs are done")
            size = os.path.getsize(output)
            if size < state.offset:
                raise ResumeError(f"{output} is shorter ({size} bytes) than its checkpoint ({state.offset} bytes)")
            self.out: IO[bytes] = open(output, "r+b")
            self.out.truncate(state.offset)  # drop records written after the last checkpoint
            self.out.seek(state.offset)
            self.side: IO[bytes] = open(self.sidecar, "ab")
            self.state = state
            self.resumed = True
            if state.offset == 0 and header_bytes:
                self.out.write(header_bytes)
                self.state.offset = len(header_bytes)
        else:
            if resume and os.path.exists(output) and os.path.getsize(output) > 0:
                raise ResumeError(f"--resume: {output} exists but has no checkpoint ({self.sidecar}); "
                                  f"it was not written by vigie extract -o; remove it or run without --resume")
            self.out = open(output, "wb")
            self.out.write(header_bytes)
            self.state.offset = len(header_bytes)
            self.side = open(self.sidecar, "wb")
            self.side.write((json.dumps(identity.header(), ensure_ascii=False) + "\n").encode())
            self.side.flush()
            os.fsync(self.side.fileno())
            _fsync_dir(self.sidecar)

    @staticmethod
    def _check_identity(header: dict, identity: RunIdentity) -> None:
        want = identity.header()
        for key in ("inputs", "format", "published", *identity.extra):
            if header.get(key) != want.get(key):
                raise ResumeError(f"cannot resume: {key} was {header.get(key)!r} in the interrupted run, "
                                  f"now {want.get(key)!r}; run with the same arguments, or without --resume")

    def write(self, data: bytes) -> None:
        self.out.write(data)

    def commit(self, items: int, last_id: Optional[str], articles: int, events: int, quotes: int,
               failed: int, complete: bool = False) -> None:
        """Make everything written so far durable, then record it in the sidecar."""
        if items == self.state.items and complete == self.state.complete and self.out.tell() == self.state.offset:
            return  # nothing new
        self.out.flush()
        os.fsync(self.out.fileno())
        self.state = Checkpoint(items=items, offset=self.out.tell(), last_id=last_id, articles=articles,
                                events=events, quotes=quotes, failed=failed, complete=complete)
        self.side.write((self.state.to_json() + "\n").encode())
        self.side.flush()
        os.fsync(self.side.fileno())

    def close(self) -> None:
        for f in (self.out, self.side):
            try:
                f.close()
            except OSError:
                pass
