"""One JSON error shape for every error: {"status", "message", "details"}.

No stack trace or exception text reaches a client: unexpected errors are
logged server-side and answered with a plain 500.
"""
from __future__ import annotations

import logging
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("vigie.serve")


class ApiError(Exception):
    def __init__(self, status: int, message: str, details: Any = None,
                 headers: Optional[dict[str, str]] = None):
        super().__init__(message)
        self.status, self.message, self.details, self.headers = status, message, details, headers


def error_response(status: int, message: str, details: Any = None,
                   headers: Optional[dict[str, str]] = None) -> JSONResponse:
    return JSONResponse({"status": status, "message": message, "details": details},
                        status_code=status, headers=headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only where and why: pydantic's "input" and "ctx" may echo large or binary input back.
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ())]
        out.append({"field": ".".join(loc[1:]) or ".".join(loc), "in": loc[0] if loc else None,
                    "message": err.get("msg", "invalid value")})
    return out


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.message, exc.details, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return error_response(exc.status_code, message, None, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        details = _validation_details(exc)
        fields = ", ".join(d["field"] for d in details if d["field"])
        return error_response(422, f"invalid request: {fields}" if fields else "invalid request", details)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal server error")
