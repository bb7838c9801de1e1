"""Store answers reshaped into the API's own shapes, so the page depends on this module only."""
from __future__ import annotations

from typing import Any, Iterable

# What the map needs of an event; the store's GeoJSON carries every column.
MAP_PROPERTIES = ("event_id", "article_id", "mode", "status", "date_start", "city", "country", "size_best")


def count_items(rows: Iterable[dict[str, Any]], unit: str) -> list[dict[str, Any]]:
    """[{key, value}]: the store names the count after its unit."""
    return [{"key": r.get("key"), "value": int(r.get(unit) or 0)} for r in rows]


def slim_geojson(fc: dict[str, Any]) -> dict[str, Any]:
    """Points with only what the map draws, so that 20,000 of them stay a small answer."""
    features = []
    for f in fc.get("features", []):
        geom = f.get("geometry") or {}
        if geom.get("type") != "Point" or not geom.get("coordinates"):
            continue
        p = f.get("properties") or {}
        features.append({"type": "Feature", "geometry": geom,
                         "properties": {k: p.get(k) for k in MAP_PROPERTIES}})
    return {"type": "FeatureCollection", "features": features}
