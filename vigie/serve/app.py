"""The HTTP API and the page of `vigie serve`.

Read-only unless writes are allowed; then POST /api/extract with store=true
also needs the token. Every static file comes from ./static: nothing from a CDN.
"""
from __future__ import annotations

import hmac
import json
from pathlib import Path
from typing import Any, Literal, Optional

from fastapi import Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from . import errors, paste, views
from .errors import ApiError
from .filters import MAP_DEFAULT, MAX_GEOJSON, event_filters, page

STATIC = Path(__file__).parent / "static"
SWAGGER = "/static/vendor/swagger-ui-5.35.0"
# The page loads only its own files; Swagger UI needs its inline start-up script.
CSP_PAGE = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
CSP_DOCS = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'")


def create_app(store: Any, allow_writes: bool = False, token: Optional[str] = None,
               allowed_hosts: Optional[set[str]] = None) -> FastAPI:
    """allowed_hosts: Host header names accepted (None: any). A server on 127.0.0.1 accepts only
    loopback names, so that a web page cannot reach it by DNS rebinding."""
    if allow_writes and not token:
        raise ValueError("writes need a token (--token or VIGIE_TOKEN)")
    from vigie import __version__

    app = FastAPI(title="vigie", version=__version__, docs_url=None, redoc_url=None,
                  description="Protest events read from French news articles, with the words they came from.")
    errors.install(app)
    participants = _counts_participants(store)

    def read(method: str, *args: Any, **kwargs: Any) -> Any:
        return getattr(store, method)(*args, **kwargs)  # the store's engine is safe across threads

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        if allowed_hosts is not None and host_name(request.headers.get("host", "")) not in allowed_hosts:
            return errors.error_response(400, "unknown Host header")
        response = await call_next(request)
        docs = request.url.path in ("/docs", "/docs/")
        response.headers["Content-Security-Policy"] = CSP_DOCS if docs else CSP_PAGE
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url=app.openapi_url, title="vigie API",
            swagger_js_url=f"{SWAGGER}/swagger-ui-bundle-5.35.0.js", swagger_css_url=f"{SWAGGER}/swagger-ui-5.35.0.css",
            swagger_favicon_url="data:,",
            swagger_ui_parameters={"validatorUrl": None})

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness, and what this server can do: store (writes), count participants."""
        return {"status": "ok", "version": __version__, "writes": allow_writes, "participants": participants}

    @app.get("/api/events", tags=["events"])
    def list_events(filters: dict = Depends(event_filters), pg: dict = Depends(page)) -> Response:
        """Events matching the filters, newest first, one page at a time."""
        items = read("query_events", **filters, **pg)
        total = read("count_events", **filters)
        return fast_json({"total": total, **pg, "items": items})

    @app.get("/api/events/{event_id}", tags=["events"])
    def one_event(event_id: str = PathParam(min_length=1, max_length=300)) -> Response:
        """One event with its evidence (the sentences it was read from)."""
        event = read("get_event", event_id)
        if event is None:
            raise ApiError(404, "no such event", {"event_id": event_id})
        return fast_json(event)

    @app.get("/api/clusters", tags=["events"])
    def list_clusters(filters: dict = Depends(event_filters), pg: dict = Depends(page),
                      mentions: bool = Query(False, description="list each cluster's mentions (articles)")
                      ) -> Response:
        """Clusters of duplicate events: one protest told by one or more articles."""
        items = read("query_clusters", **filters, **pg, mentions=mentions)
        total = read("count_clusters", **filters)
        return fast_json({"total": total, **pg, "items": items})

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def one_article(article_id: str = PathParam(min_length=1, max_length=300)) -> Response:
        """An article: its fields, text, events and quotes."""
        article = read("get_article", article_id)
        if article is None:
            raise ApiError(404, "no such article", {"article_id": article_id})
        return fast_json(article)

    @app.get("/api/counts", tags=["events"])
    def counts(by: Literal["day", "month", "country", "mode"] = Query("day"),
               unit: Literal["events", "clusters", "participants"] = Query(
                   "events", description="events, clusters (protests counted once) or participants (sum of best sizes)"),
               filters: dict = Depends(event_filters)) -> Response:
        """Number of events, clusters or participants per day, month, country or mode: [{key, value}]."""
        if unit == "participants" and not participants:
            raise ApiError(501, "this store cannot count participants")
        rows = read("counts", by, unit=unit, **filters)
        return fast_json({"by": by, "unit": unit, "items": views.count_items(rows, unit)})

    @app.get("/api/geojson", tags=["events"])
    def geojson(filters: dict = Depends(event_filters),
                limit: int = Query(MAP_DEFAULT, ge=1, le=MAX_GEOJSON)) -> Response:
        """Events as GeoJSON points, newest first (events without coordinates are left out).
        The default limit is what the page draws: enough for a map, small enough to load fast."""
        return fast_json({**views.slim_geojson(read("geojson", **filters, limit=limit)), "limit": limit})

    @app.post("/api/extract", tags=["articles"], openapi_extra=paste.OPENAPI_BODY)
    async def extract(request: Request) -> Response:
        """Run the extractor on a pasted article and return its records (stored only with store=true)."""
        body = await paste.read_body(request)
        article = paste.parse_body(body, request.headers.get("content-type", ""))
        if article.store:
            check_writer(request)
        extraction = await run_in_threadpool(paste.run_extractor, article)
        if article.store:
            await run_in_threadpool(read, "save", extraction)
            await run_in_threadpool(read, "dedup")  # new events join their clusters, as after `vigie extract`
        return fast_json(paste.as_article_view(extraction, stored=article.store))

    def check_writer(request: Request) -> None:
        if not allow_writes:
            raise ApiError(403, "this server is read-only (start it with --allow-writes to store)")
        auth = request.headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-vigie-token", "")
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            raise ApiError(401, "a valid token is needed to store", None, {"WWW-Authenticate": "Bearer"})

    return app


def host_name(header: str) -> str:
    """'127.0.0.1:8000' -> '127.0.0.1', '[::1]:8000' -> '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def fast_json(data: Any) -> Response:
    """The store gives plain JSON data: encode it directly. FastAPI's own encoding of a
    5,000-point GeoJSON takes ~270 ms, most of the page's time budget."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    return Response(body.encode("utf-8"), media_type="application/json")


def _counts_participants(store: Any) -> bool:
    """Whether the store sums crowd sizes (counts with unit='participants'); asked once, on no data."""
    try:
        store.counts("day", unit="participants", date_from="9999-12-31")
        return True
    except (KeyError, ValueError, TypeError):
        return False
