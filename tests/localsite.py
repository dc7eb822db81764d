"""A web site on 127.0.0.1 for the tests that fetch (URLs, feeds, watch): serving(Handler) yields its base URL."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve with this handler on a free port, each request on a thread of its own, until the block ends."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    # a short poll: shutdown() waits up to one poll interval (0.5 s by default) for the loop to notice
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def answer(handler: http.server.BaseHTTPRequestHandler, status: int, body: bytes, media_type: str) -> None:
    """Send one whole answer from a handler: status, type, length, body."""
    handler.send_response(status)
    handler.send_header("Content-Type", media_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)
