"""Writers: records as JSON Lines or CSV, and the demo's readable table."""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from typing import IO, Any, Iterator, Union

from .records import Extraction, Failure

CSV_COLUMNS = [
    "kind", "article_id", "event_id", "type", "mode", "status", "date_start", "date_end", "date_text",
    "location_text", "city", "admin1", "country", "lat", "lon", "geonameid", "venue",
    "size_text", "size_min", "size_max", "size_best", "participants", "target_text", "target_country",
    "claims", "arrests", "injured", "killed", "confidence", "evidence_start", "evidence_end",
    "quote_text", "quote_start", "quote_end", "speaker", "speaker_role", "verb", "quote_date",
]


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row per record, with the columns a spreadsheet or pandas user filters on."""
    if record["kind"] == "quote":
        spk = record.get("speaker") or {}
        return {"kind": "quote", "article_id": record["article_id"], "quote_text": record["text"],
                "quote_start": record["start"], "quote_end": record["end"], "speaker": spk.get("text"),
                "speaker_role": spk.get("role"), "verb": record.get("verb"), "quote_date": record.get("date")}
    loc, date = record["location"], record["date"]
    size, target, out = record.get("size") or {}, record.get("target") or {}, record["outcome"]
    return {
        "kind": "event", "article_id": record["article_id"], "event_id": record["event_id"],
        "type": record["type"], "mode": record["mode"], "status": record["status"],
        "date_start": date.get("start"), "date_end": date.get("end"), "date_text": date.get("text"),
        "location_text": loc.get("text"), "city": loc.get("city"), "admin1": loc.get("admin1"),
        "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "geonameid": loc.get("geonameid"), "venue": loc.get("venue"),
        "size_text": size.get("text"), "size_min": size.get("min"), "size_max": size.get("max"),
        "size_best": size.get("best"),
        "participants": "; ".join(p["text"] for p in record.get("participants") or []),
        "target_text": target.get("text"), "target_country": target.get("country"),
        "claims": "; ".join(record.get("claims") or []), "arrests": out.get("arrests"),
        "injured": out.get("injured"), "killed": out.get("killed"), "confidence": record.get("confidence"),
        "evidence_start": record["evidence"]["start"], "evidence_end": record["evidence"]["end"],
    }


class Sink:
    def __init__(self, stream: IO[str], fmt: str):
        self.stream = stream
        self.fmt = fmt
        self.csv = csv.DictWriter(stream, CSV_COLUMNS) if fmt == "csv" else None
        if self.csv:
            self.csv.writeheader()

    def write(self, result: Union[Extraction, Failure]) -> None:
        if isinstance(result, Failure):
            return  # failures go to stderr and the summary, not among the records
        for record in result.records():
            if self.csv:
                self.csv.writerow(flatten(record))
            else:
                self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()


@contextmanager
def open_sink(path: str, fmt: str = "jsonl") -> Iterator[Sink]:
    if path == "-":
        yield Sink(sys.stdout, fmt)
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield Sink(f, fmt)


def print_table(results: list[Union[Extraction, Failure]], out: IO[str]) -> None:
    """A readable table of events and quotes, one block per article."""
    for result in results:
        if isinstance(result, Failure):
            out.write(f"FAILED {result}\n")
            continue
        out.write(f"\n{result.article.id} ({result.article.published or 'no date'})\n")
        out.write(f"  {'status':9} {'mode':13} {'date':10}  {'place':24} {'size (min-max, best)':24} target\n")
        for e in result.events:
            place = ", ".join(x for x in (e.location.city, e.location.country) if x)
            size = f"{e.size.min}-{e.size.max if e.size.max is not None else '…'}, {e.size.best}" if e.size else "-"
            target = e.target.country or e.target.text if e.target else "-"
            out.write(f"  {e.status:9} {e.mode:13} {e.date.start or '?':10}  {place:24} {size:24} {target}\n")
        for q in result.quotes:
            who = q.speaker.text if q.speaker else "(unattributed)"
            text = q.text if len(q.text) < 70 else q.text[:67] + "..."
            out.write(f"  « {text} » — {who}\n")
