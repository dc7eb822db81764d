"""The one place that turns errors into responses: {"error": {"status", "code", "message"}} everywhere."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from detente.errors import DetenteError, DiskFull, Errors, StoreError

log = logging.getLogger(__name__)

_NUMBER = re.compile(r"^\[(E\d{3})\]\s*")
# The error number of a bare HTTP status (404 from routing, 405, ...).
_STATUS_CODES = {401: "E138", 403: "E144", 404: "E141", 405: "E147", 413: "E139", 422: "E140", 429: "E171"}


class ApiError(StarletteHTTPException):
    """An HTTP error whose detail is a numbered message from detente.errors.Errors."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)


def error_body(status: int, message: str, details: Any = None) -> dict[str, Any]:
    """The JSON error shape; code is the message's [Ennn] number."""
    match = _NUMBER.match(message)
    code = match.group(1) if match else _STATUS_CODES.get(status, "E143")
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details is not None:
        error["details"] = details
    return {"error": error}


def error_response(
    status: int, message: str, details: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A JSONResponse in the one error shape."""
    return JSONResponse(error_body(status, message, details), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise to error_response."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail)
        if not _NUMBER.match(message):
            if exc.status_code == 404:
                message = Errors.E141.format(what=request.url.path)
            elif exc.status_code == 405:
                message = Errors.E147.format(method=request.method, path=request.url.path)
            else:
                message = f"[{_STATUS_CODES.get(exc.status_code, 'E143')}] {message}"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": [str(p) for p in e.get("loc", ())], "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        summary = "; ".join(f"{'.'.join(d['loc'])}: {d['msg']}" for d in details[:5])
        return error_response(422, Errors.E140.format(reason=summary), details)

    @app.exception_handler(DiskFull)
    async def _disk_full(request: Request, exc: DiskFull) -> JSONResponse:
        log.error("%s", exc)
        return error_response(507, str(exc))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        # Store errors reaching a request are about its parameters (a bad date): malformed input.
        return error_response(422, str(exc))

    @app.exception_handler(DetenteError)
    async def _detente(request: Request, exc: DetenteError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, Errors.E143.format(reason=type(exc).__name__))


class BodyLimit:
    """Answer 413 to a body over max_bytes: by its Content-Length, or while it streams in."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_bytes
            except ValueError:
                too_big = False
            if too_big:
                await self._reject(send)
                return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised inside the endpoint's body read, so the app's handler answers 413.
                    raise ApiError(413, Errors.E139.format(limit=self.max_bytes))
            return message

        await self.app(scope, limited_receive, send)

    async def _reject(self, send: Send) -> None:
        body = json.dumps(error_body(413, Errors.E139.format(limit=self.max_bytes))).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
