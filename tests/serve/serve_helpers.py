"""What the serve tests share: the paths, the token and a real `vigie serve` process."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-token-0123456789"
# The founding example: the first article of the shared dev set (CI lays shared/ beside the clone).
EXAMPLE_PATHS = [REPO / "examples" / "alep-2016-12-14.jsonl",
                 REPO.parent / "shared" / "data" / "dev" / "articles.jsonl",
                 Path("/work/shared/data/dev/articles.jsonl")]
EXAMPLE_CITIES = {"London", "Berlin", "Paris", "Istanbul", "Idlib"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`python -m vigie.cli serve ...` in a subprocess, stopped by its own pid."""

    def __init__(self, db: Path, log: Path, *extra: str, env: dict | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self.log = open(log, "wb")
        cmd = [sys.executable, "-m", "vigie.cli", "serve", "--db", str(db), "--port", str(self.port), *extra]
        self.proc = subprocess.Popen(cmd, cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT,
                                     env={**os.environ, **(env or {})})
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"vigie serve exited with {self.proc.returncode}:\n{self.output()}")
            try:
                if httpx.get(self.base + "/api/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"vigie serve did not answer within 60 s:\n{self.output()}")
            time.sleep(0.1)

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
