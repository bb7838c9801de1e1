"""Reading a pasted article from a POST body: size cap, text only, then the extractor."""
from __future__ import annotations

import hashlib
import json
import re
import threading
from datetime import date, datetime
from typing import Any, Optional

from fastapi import Request
from pydantic import BaseModel, Field, ValidationError, field_validator

from .errors import ApiError

MAX_BODY = 1_000_000  # bytes
# Control characters that do not occur in text (tab, newlines and form feed do).
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_extract_lock = threading.Lock()  # one extraction at a time: the spaCy pipeline is shared


class PastedArticle(BaseModel):
    text: str = Field(min_length=1, description="the article text, French")
    published: Optional[datetime | date] = Field(
        None, description="publication date or datetime (ISO), the anchor of relative dates")
    article_id: Optional[str] = Field(None, min_length=1, max_length=200, pattern=r"^[\w.:-]+$")
    title: Optional[str] = Field(None, max_length=1000)
    source: Optional[str] = Field(None, max_length=200)
    url: Optional[str] = Field(None, max_length=2000)
    store: bool = Field(False, description="also store the records (needs --allow-writes and the token)")

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v


OPENAPI_BODY = {
    "requestBody": {
        "required": True,
        "description": f"JSON (fields below) or text/plain (the article text alone); at most {MAX_BODY} bytes",
        "content": {
            "application/json": {"schema": PastedArticle.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


async def read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiError(400, "invalid Content-Length")
        if int(declared) > MAX_BODY:
            raise ApiError(413, f"body too large: at most {MAX_BODY} bytes", {"limit": MAX_BODY})
    body = bytearray()
    async for chunk in request.stream():  # a chunked body has no Content-Length: count as it comes
        body += chunk
        if len(body) > MAX_BODY:
            raise ApiError(413, f"body too large: at most {MAX_BODY} bytes", {"limit": MAX_BODY})
    return bytes(body)


def parse_body(body: bytes, content_type: str) -> PastedArticle:
    ctype = content_type.split(";")[0].strip().lower()
    if ctype not in ("application/json", "text/plain"):
        raise ApiError(415, "send application/json or text/plain", {"content_type": ctype or None})
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(415, "body is not UTF-8 text") from None
    if _BINARY.search(decoded):
        raise ApiError(415, "body is binary, not text")
    if ctype == "text/plain":
        raw: Any = {"text": decoded}
    else:
        try:
            raw = json.loads(decoded)
        except json.JSONDecodeError as e:
            raise ApiError(400, f"invalid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(raw, dict):
            raise ApiError(422, "invalid request: the body must be a JSON object")
    try:
        article = PastedArticle.model_validate(raw)
    except ValidationError as e:
        details = [{"field": ".".join(str(p) for p in err["loc"]), "in": "body", "message": err["msg"]}
                   for err in e.errors()]
        raise ApiError(422, "invalid request: " + ", ".join(d["field"] for d in details), details) from None
    if _BINARY.search(article.text):  # \u0000 escapes inside JSON
        raise ApiError(415, "text is binary, not text")
    return article


def run_extractor(article: PastedArticle) -> Any:
    import vigie

    article_id = article.article_id or "pasted-" + hashlib.sha1(article.text.encode()).hexdigest()[:12]
    p = article.published
    published = (p.date() if isinstance(p, datetime) else p).isoformat() if p else None
    with _extract_lock:
        try:
            extraction = vigie.extract(article.text, published=published, article_id=article_id)
        except ValueError as e:
            raise ApiError(422, f"cannot extract: {e}") from None
    extraction.article.title = article.title
    extraction.article.source = article.source
    extraction.article.url = article.url
    return extraction


def as_article_view(extraction: Any, stored: bool) -> dict[str, Any]:
    """The shape of GET /api/articles/{id}, so the page shows both the same way."""
    a = extraction.article
    return {"id": a.id, "title": a.title, "source": a.source, "url": a.url, "published": a.published,
            "text": a.text, "events": [e.to_dict() for e in extraction.events],
            "quotes": [q.to_dict() for q in extraction.quotes], "stored": stored}
