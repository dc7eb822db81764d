"""Load benchmark (not a test): 50 clients for 30 s against GET /events on a store of 100k events.

Run: .venv/bin/python bench/api_load.py [--events 100000] [--clients 50] [--seconds 30] [--load-articles 0]
The server is uvicorn in a subprocess on a free loopback port; clients are threads with http.client.
With --load-articles N, `detente load` codes N articles into the same store meanwhile, and the clients
run until it ends (at least --seconds): reads during writes.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from fault_injection import DETENTE, write_corpus

ROOT = Path(__file__).resolve().parents[1]
CODES = [
    "RUS",
    "GEO",
    "UKR",
    "USA",
    "CHN",
    "FRA",
    "DEU",
    "GBR",
    "TUR",
    "IRN",
    "ISR",
    "PSE",
    "SYR",
    "IRQ",
    "IND",
    "PAK",
    "ARM",
    "AZE",
    "MDA",
    "BLR",
]
SERVER = """
import sys, uvicorn
from detente.api import create_app
from detente.store import open_store
store = open_store(sys.argv[1], read_only=True)
uvicorn.run(create_app(store, read_only=True), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
            access_log=False)
"""


def build_store(path: str, events: int) -> None:
    """A store of synthetic events, written in bulk SQL (the coder is not what this measures)."""
    from detente.model import PLOVER_TYPES, QUAD, Article, Entity, Event, intensity_of
    from detente.store import open_store

    types = list(PLOVER_TYPES)
    # One stored event is the template of every row, so the bench follows the table's columns.
    template = Event(
        doc_id="template", event_id="template", event="AGREE", context=["diplomatic"], object="relations",
        actor=[Entity(text="RUS", code="RUS", sector="GOV", start=0, end=3)],
        recipient=[Entity(text="GEO", code="GEO", start=10, end=13)],
        date_precision="day", sentence="", trigger="did", trigger_start=4, trigger_end=7, pattern="bench:1",
    )
    with open_store(path) as store:
        store.add_events(Article(id="template", text="t"), [template])
        with store.cursor() as cur:
            cur.execute(
                "CREATE TEMP TABLE kinds AS SELECT * FROM (VALUES "
                + ", ".join(f"({i}, '{t}', '{QUAD[t]}', {intensity_of(t)})" for i, t in enumerate(types))
                + ") k(n, event, quad, score)"
            )
            codes = "[" + ", ".join(f"'{c}'" for c in CODES) + "]"
            n = len(CODES)
            cur.execute(f"""
                INSERT INTO events BY NAME SELECT t.* REPLACE (
                    i + 2 AS event_key, 'doc' || (i // 4) AS doc_id, printf('%016x', hash(i)) AS event_id,
                    i % 4 AS position, k.event AS event, k.quad AS quad, k.score AS intensity,
                    [a] AS actor_codes, [a] AS actor_texts, [b] AS recipient_codes, [b] AS recipient_texts,
                    strftime(d, '%Y-%m-%d') AS date, d AS date_start, year(d) AS year, month(d) AS month,
                    a || ' did something to ' || b || ' today.' AS sentence,
                    'https://news.example/' || (i // 4) AS url, 'news.example' AS source, k.event AS dedup_id)
                FROM events t, (SELECT i, {codes}[1 + (hash(i) % {n})::INT] AS a,
                                       {codes}[1 + (hash(i * 7 + 1) % {n})::INT] AS b,
                                       DATE '2000-01-01' + (hash(i * 13) % 9000)::INT AS d,
                                       (hash(i * 3) % 16)::INT AS kind
                                FROM range({events}) r(i)) s
                JOIN kinds k ON k.n = s.kind""")
            cur.execute("DELETE FROM dyads")
            cur.execute("DELETE FROM articles")
            cur.execute("DELETE FROM events WHERE doc_id = 'template'")
            cur.execute("INSERT INTO dyads SELECT event_key, actor_codes[1], recipient_codes[1] FROM events")
            cur.execute("INSERT INTO articles SELECT DISTINCT doc_id, 'h', 'text', NULL, '', '', now() FROM events")
            print(f"store: {cur.execute('SELECT count(*) FROM events').fetchone()[0]} events at {path}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


def random_path(rng: random.Random) -> str:
    params = {"limit": "50", "offset": str(rng.choice([0, 0, 50, 100, 500]))}
    choice = rng.random()
    if choice < 0.4:
        params["actor"] = rng.choice(CODES)
    elif choice < 0.7:
        a, b = rng.sample(CODES, 2)
        params["pair"] = f"{a},{b}"
    elif choice < 0.85:
        params["type"] = rng.choice(["AGREE", "ACCUSE", "ASSAULT", "CONSULT"])
        params["since"] = str(rng.randint(2000, 2020))
    return "/events?" + "&".join(f"{k}={v}" for k, v in params.items())


def client(
    port: int, deadline: float, seed: int, latencies: list[float], errors: list[str], max_requests: int = 100_000
) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(max_requests):  # bounded in count and in time
        if time.monotonic() >= deadline:
            break
        started = time.perf_counter()
        try:
            conn.request("GET", random_path(rng))
            response = conn.getresponse()
            body = response.read()
            if response.status != 200:
                errors.append(f"HTTP {response.status}: {body[:200]!r}")
            elif "events" not in json.loads(body):
                errors.append("no events key")
        except (OSError, http.client.HTTPException) as error:
            errors.append(type(error).__name__)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
    conn.close()


def start_load(tmp: str, path: str, articles: int) -> subprocess.Popen:
    """`detente load` of synthetic articles into the served store, in a subprocess."""
    corpus = Path(tmp) / "corpus.jsonl"
    write_corpus(corpus, articles)
    print(f"loading {articles} articles meanwhile")
    return subprocess.Popen(
        [DETENTE, "load", str(corpus), "--db", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--load-articles", type=int, default=0, help="run `detente load` of N articles meanwhile")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.duckdb")
        started = time.perf_counter()
        build_store(path, args.events)
        print(f"built in {time.perf_counter() - started:.1f}s")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        server = subprocess.Popen([sys.executable, "-c", SERVER, path, str(port)], cwd=ROOT, env=env)
        try:
            wait_ready(port)
            latencies: list[float] = []
            errors: list[str] = []
            loading = start_load(tmp, path, args.load_articles) if args.load_articles else None
            deadline = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=client, args=(port, deadline, i, latencies, errors))
                for i in range(args.clients)
            ]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if loading is not None:  # go on reading until the load ends
                while loading.poll() is None:
                    more = [
                        threading.Thread(target=client, args=(port, time.monotonic() + 5, 1000 + i, latencies, errors))
                        for i in range(args.clients)
                    ]
                    for thread in more:
                        thread.start()
                    for thread in more:
                        thread.join()
                print(f"load: exit {loading.returncode}, {loading.stdout.read().strip()}")
            elapsed = time.perf_counter() - began
        finally:
            server.terminate()
            server.wait(timeout=10)
    latencies.sort()
    total = len(latencies)
    print(f"clients: {args.clients}, duration: {elapsed:.1f}s, requests: {total}, errors: {len(errors)}")
    if total:
        p50 = statistics.median(latencies) * 1000
        p99 = latencies[min(total - 1, int(total * 0.99))] * 1000
        print(f"requests/s: {total / elapsed:.1f}  p50: {p50:.1f} ms  p99: {p99:.1f} ms")
    if errors:
        print("first errors:", errors[:5])
        sys.exit(1)


if __name__ == "__main__":
    main()
