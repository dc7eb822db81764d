"""The web service: events, relations, actors and stats from a store; POST /articles codes and stores."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.concurrency import run_in_threadpool

from detente.api.auth import FailedAttempts, check_token
from detente.api.cache import VersionedCache
from detente.api.errors import ApiError, BodyLimit, error_response, install_error_handlers
from detente.api.overview import country_page, overview
from detente.api.spans import event_spans, tidy_event
from detente.articles.read import MEDIA_TYPES, Reject, read_body
from detente.dashboard import mount_dashboard
from detente.errors import DetenteError, Errors
from detente.layouts import LAYOUTS, LayoutWriter
from detente.ledger import build_ledger
from detente.model import PLOVER_TYPES, Article, Event
from detente.store import EventFilter, Store
from detente.store.export import layout_records, write_csv

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY_BYTES = 5_000_000
PAGES_CACHED = 2048  # /events answers kept per store version (about 30 KB each for pages of 50)
EVENTS_CACHED = 20_000  # events kept serialised (about 1 KB each)
LEDGERS_CACHED = 256  # ledgers of a pair (and period, and as_of) kept per store version
MAX_PAGE = 1000
API_FORMATS = ("json", "csv", *LAYOUTS)  # /events: JSON pages, the flat CSV, or a layout other tools load
MAX_OFFSET = 2**63 - 1  # DuckDB's OFFSET is a BIGINT: larger is 422, not a 500 from the database
_SECURITY_HEADERS = {
    # Stored strings are rendered as text, and the CSP keeps any markup that slipped through from running.
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self';"
    " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Coder = Callable[[Iterable[Article]], Iterable[Event]]
_SINCE = "from the first day of YYYY, YYYY-MM or YYYY-MM-DD"
_TYPES = {"enum": list(PLOVER_TYPES)}  # documented in OpenAPI; EventFilter checks it (any case)
_UNTIL = "up to the last day of YYYY, YYYY-MM or YYYY-MM-DD"


class ErrorDetail(BaseModel):
    """The body of every error answer (docs/api.md)."""

    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorOut(BaseModel):
    """{"error": {...}}: the one error shape."""

    error: ErrorDetail


_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in (
        (401, "Missing or wrong token"),
        (403, "Read-only server"),
        (404, "Not found"),
        (413, "Body too large"),
        (422, "Malformed request"),
        (429, "Too many wrong tokens from this client (Retry-After says when to try again)"),
        (500, "Internal error"),
    )
}


class ArticlesIn(BaseModel):
    """POST /articles body: {"articles": [...]} (a bare article or a list of articles is accepted too)."""

    articles: list[Article]


_ONE = TypeAdapter(Article)
_MANY = TypeAdapter(list[Article])
_ARTICLE_SCHEMA = Article.model_json_schema()
_BODY_SCHEMA = {
    "oneOf": [
        {
            "type": "object",
            "properties": {"articles": {"type": "array", "items": _ARTICLE_SCHEMA}},
            "required": ["articles"],
        },
        {"type": "array", "items": _ARTICLE_SCHEMA},
        _ARTICLE_SCHEMA,
    ]
}


def _check_pair(a: str, b: str, as_of: str | None, has_events: Callable[[], bool]) -> None:
    """422 for the same country twice or an as_of that is not a day (the CLI's E113 and E005); 404 for a
    code that is no country the gazetteer knows and has no events either."""
    if a == b:
        raise ApiError(422, Errors.E113.format(code=a))
    if as_of is not None:
        try:
            dt.date.fromisoformat(as_of)
        except ValueError:
            raise ApiError(422, Errors.E005.format(value=as_of)) from None
        if len(as_of) != 10:  # fromisoformat also reads 20120302 and week dates
            raise ApiError(422, Errors.E005.format(value=as_of))
    unknown = [code for code in (a, b) if not _known_country(code)]
    if unknown and not has_events():
        raise ApiError(404, Errors.E141.format(what=f"country {unknown[0]!r} (no such code, and no events)"))


def _known_country(code: str) -> bool:
    from detente.ledger.countries import country_code

    try:
        return country_code(code) == code
    except DetenteError:
        return False


def _json_articles(body: bytes) -> list[Article] | JSONResponse:
    """The articles of a JSON POST body, or the 422 answer naming what is wrong with it."""
    try:
        articles = _articles_of(body)
    except ValidationError as error:
        details = [
            {"loc": [str(p) for p in e["loc"]], "msg": e["msg"], "type": e["type"]} for e in error.errors()[:20]
        ]
        reason = "; ".join(f"{'.'.join(d['loc']) or 'body'}: {d['msg']}" for d in details[:5])
        return error_response(422, Errors.E140.format(reason=reason), details)
    except (ValueError, RecursionError) as error:  # not JSON, or nested past the parser's stack
        reason = "nested too deeply" if isinstance(error, RecursionError) else f"not JSON: {error}"
        return error_response(422, Errors.E140.format(reason=reason))
    if not articles:
        return error_response(422, Errors.E140.format(reason="no articles given"))
    return articles


def _articles_of(body: bytes) -> list[Article]:
    """The articles of a POST body; its shape picks the model, so a ValidationError names the field at fault
    ("text"), not the first alternative that did not fit ("articles")."""
    data = json.loads(body)
    if isinstance(data, dict) and "articles" in data:
        return ArticlesIn.model_validate(data).articles
    if isinstance(data, list):
        return _MANY.validate_python(data)
    return [_ONE.validate_python(data)]


# JSON article objects, or any body the reader takes (a page, a feed, CSV, JSON lines, text; docs/inputs.md).
_BODY_CONTENT = {"application/json": {"schema": _BODY_SCHEMA}} | {
    media_type: {"schema": {"type": "string"}} for media_type in MEDIA_TYPES
}


def event_json(event: Event) -> dict[str, Any]:
    """An event as the API returns it (actor and recipient texts stripped of blanks around them)."""
    return tidy_event(event).model_dump(mode="json")


def _dumps(content: Any) -> bytes:
    """JSON as JSONResponse renders it, so a page built from pieces reads the same as one built whole."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


class EventPages:
    """The JSON answers of GET /events, built from each event's JSON kept apart, both cached per store version."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pages: VersionedCache[bytes] = VersionedCache(PAGES_CACHED)
        self.events: VersionedCache[bytes] = VersionedCache(EVENTS_CACHED)

    def cached(self, where: EventFilter, limit: int, offset: int) -> bytes | None:
        """The page when it is cached for the store's current version (no reading, no waiting)."""
        version = self.store.unchanged_version()
        return None if version is None else self.pages.peek((version, where, limit, offset))

    def page(self, where: EventFilter, limit: int, offset: int) -> bytes:
        """{"total", "limit", "offset", "events"} of one page, as bytes."""
        version = self.store.version
        return self.pages.get((version, where, limit, offset), lambda: self._build(version, where, limit, offset))

    def _build(self, version: int, where: EventFilter, limit: int, offset: int) -> bytes:
        keys = self.store.page_keys(where, limit=limit, offset=offset)
        known: dict[int, bytes] = {}
        missing = []
        for key in keys:
            cached = self.events.peek((version, key))
            if cached is None:
                missing.append(key)
            else:
                known[key] = cached
        if missing:
            # Events are read by key, so a key gone since page_keys is left out, as a query would.
            for key, event in self.store.events_by_key(missing).items():
                known[key] = self.events.put((version, key), _dumps(event_json(event)))
        head = _dumps({"total": self.store.count(where), "limit": limit, "offset": offset})
        return head[:-1] + b',"events":[' + b",".join(known[k] for k in keys if k in known) + b"]}"


async def _export_page(store: Store, where: EventFilter, fmt: str, limit: int, offset: int) -> Response:
    """A page of events as the flat CSV or as a layout of detente.layouts (TSV)."""
    buffer = io.StringIO()
    if fmt == "csv":
        await run_in_threadpool(write_csv, store, buffer, where, limit=limit, offset=offset)
        return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8")
    records = layout_records(store, where, limit=limit, offset=offset)
    await run_in_threadpool(LayoutWriter(buffer, LAYOUTS[fmt]).write_records, records)
    return Response(buffer.getvalue(), media_type="text/tab-separated-values; charset=utf-8")


def create_app(
    store: Store,
    *,
    token: str | None = None,
    read_only: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    coder: Coder | None = None,
    failed_attempts: FailedAttempts | None = None,
) -> FastAPI:
    """The FastAPI app over store; writable only with a token (see docs/api.md)."""
    if not read_only and not token:
        raise DetenteError(Errors.E137)
    app = FastAPI(
        title="detente",
        version="1",
        docs_url=None,
        redoc_url=None,
        responses=_ERROR_RESPONSES,
        description="PLOVER events coded from news, relations per country pair (docs/api.md).",
    )
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    attempts = failed_attempts or FailedAttempts()
    pages = EventPages(store)
    ledgers: VersionedCache[dict[str, Any]] = VersionedCache(LEDGERS_CACHED)
    store.prepare_pages()  # before the first client, not during its request

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable) -> Response:
        response = await call_next(request)
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/health", tags=["service"])
    def health() -> dict[str, Any]:
        """Liveness and the store's schema version."""
        return {"status": "ok", "schema_version": store.schema_version, "read_only": read_only}

    @app.get("/events", tags=["events"])
    async def events(
        actor: Annotated[str | None, Query(description="an actor code, e.g. RUS")] = None,
        recipient: Annotated[str | None, Query(description="a recipient code, e.g. GEO")] = None,
        type: Annotated[str | None, Query(description="a PLOVER event type", json_schema_extra=_TYPES)] = None,
        since: Annotated[str | None, Query(description=_SINCE)] = None,
        until: Annotated[str | None, Query(description=_UNTIL)] = None,
        pair: Annotated[str | None, Query(description="two codes A,B: events between them, either way")] = None,
        doc_id: Annotated[str | None, Query(description="events of this article")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="events per page")] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="events to skip")] = 0,
        format: Annotated[
            Literal[API_FORMATS], Query(description="json, csv (the flat layout), or a layout of docs/store.md")
        ] = "json",
    ) -> Response:
        """Events matching the filters, in date order, a page at a time (JSON or CSV)."""
        # The filter checks every value, as it does for the store and `detente query` (E142, E146, E135).
        where = EventFilter(
            actor=actor, recipient=recipient, type=type, since=since, until=until, pair=pair, doc_id=doc_id
        )
        if format != "json":
            return await _export_page(store, where, format, limit, offset)
        # A page asked before is answered on the event loop; reading one waits in a worker thread.
        body = pages.cached(where, limit, offset) or await run_in_threadpool(pages.page, where, limit, offset)
        return Response(body, media_type="application/json")

    @app.get("/events/{event_id}", tags=["events"])
    def event_detail(event_id: str) -> dict[str, Any]:
        """One event with its sentence, trigger and actor spans, source and duplicate-report counts."""
        found = store.get_event(event_id)
        if found is None:
            raise ApiError(404, Errors.E141.format(what=f"event {event_id!r}"))
        event, article, reports = found
        return {
            "event": event_json(event),
            "article": {
                "id": article.id,
                "title": article.title,
                "url": article.url,
                "date": article.date.isoformat() if article.date else None,
                "summary_only": article.summary_only,
            }
            if article
            else None,
            "source_url": event.url or (article.url if article else ""),
            "reports": reports,
            **event_spans(event, article.text if article else None),
        }

    @app.get("/relations/{a}/{b}", tags=["relations"])
    def relations(
        a: str,
        b: str,
        since: Annotated[str | None, Query(description=_SINCE)] = None,
        until: Annotated[str | None, Query(description=_UNTIL)] = None,
        as_of: Annotated[str | None, Query(description="the ledger as known on this day (YYYY-MM-DD)")] = None,
    ) -> dict[str, Any]:
        """A country pair: its monthly cooperation-conflict series and its ledger (when installed)."""
        a, b = EventFilter(pair=(a, b), since=since, until=until).pair
        _check_pair(a, b, as_of, has_events=lambda: store.count(EventFilter(pair=(a, b))) > 0)
        monthly = store.monthly(a, b, since=since, until=until)
        ledger_error = None
        key = (store.version, a, b, since, until, as_of)
        try:
            if (ledger := ledgers.peek(key)) is None:
                pair_events = store.iter_events(pair=(a, b), since=since, until=until)
                ledger = ledgers.put(key, build_ledger(pair_events, a, b, as_of=as_of).to_dict())
        except Exception as error:  # the ledger is another stage's; its failure must not hide the series
            log.exception("ledger for %s-%s failed", a, b)
            ledger_error = f"{type(error).__name__}: {error}"
        return {
            "a": a,
            "b": b,
            "since": since,
            "until": until,
            "events": sum(m["events"] for m in monthly),
            "monthly": monthly,
            "ledger": ledger,
            "ledger_available": True,  # always, since the ledger is part of detente; kept for clients
            "ledger_error": ledger_error,
        }

    @app.get("/overview", tags=["relations"])
    def store_overview(
        since: Annotated[str | None, Query(description=_SINCE)] = None,
        until: Annotated[str | None, Query(description=_UNTIL)] = None,
    ) -> dict[str, Any]:
        """The whole store in a period: events per month by quad class, the most active countries and
        pairs, and the ledger threads of those pairs that moved in the period (latest first)."""
        return overview(store, since, until)

    @app.get("/countries/{code}", tags=["relations"])
    def country(
        code: str,
        since: Annotated[str | None, Query(description=_SINCE)] = None,
        until: Annotated[str | None, Query(description=_UNTIL)] = None,
    ) -> dict[str, Any]:
        """One country: its events per month by quad class, its partners, its threads' current states."""
        return country_page(store, code, since, until)

    @app.get("/actors", tags=["relations"])
    def actors() -> dict[str, Any]:
        """Every actor code with its counts, and the most frequent country pairs."""
        return {"actors": store.actors(), "pairs": store.pairs()}

    @app.get("/stats", tags=["service"])
    def stats() -> dict[str, Any]:
        """Counts of articles and events, by type and quad class, and the date range."""
        return store.stats()

    @app.post(
        "/articles",
        tags=["events"],
        status_code=201,
        openapi_extra={"requestBody": {"required": True, "content": _BODY_CONTENT}},
    )
    async def post_articles(request: Request) -> JSONResponse:
        """Code and store articles (Authorization: Bearer TOKEN); returns each article's events."""
        if read_only:
            raise ApiError(403, Errors.E144)
        check_token(request, token, attempts)
        body = await request.body()
        media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media_type in MEDIA_TYPES:  # a page, a feed, a CSV export, JSON lines or text, as `detente load` reads
            return await _store_body(store, coder, body, media_type)
        articles = _json_articles(body)
        if isinstance(articles, JSONResponse):
            return articles
        return await _store_articles(store, coder, articles)

    mount_dashboard(app, store, read_only=read_only)  # the page is served by the same app
    return app


async def _store_articles(
    store: Store, coder: Coder | None, articles: list[Article], rejected: list[Reject] | None = None
) -> JSONResponse:
    """Code and store articles; the answer of POST /articles, with the body's rejects where it was read."""
    # spaCy is CPU-bound: code in a worker thread, keep the event loop free
    report = await run_in_threadpool(store.load, articles, coder=coder)
    coded = [{"id": a.id, "events": [event_json(e) for e in store.query(doc_id=a.id)]} for a in articles]
    answer: dict[str, Any] = {"report": report.to_dict(), "articles": coded}
    if rejected is not None:
        answer["rejected"] = [{"line": r.line, "reason": r.reason} for r in rejected]
    return JSONResponse(answer, status_code=201)


async def _store_body(store: Store, coder: Coder | None, body: bytes, media_type: str) -> JSONResponse:
    """POST /articles with a page, a feed, CSV, JSON lines or text: read as `detente load` reads a file."""
    articles, rejected = await run_in_threadpool(read_body, body, media_type)
    if not articles:
        reason = str(rejected[0]) if rejected else "no articles given"
        details = [{"line": r.line, "reason": r.reason} for r in rejected[:20]]
        return error_response(422, Errors.E140.format(reason=reason), details or None)
    return await _store_articles(store, coder, articles, rejected)

