"""Throughput of detente against spaCy's own nlp.pipe on the same text and model (the parse is our floor).

    python bench/throughput.py                 # detente and spaCy, 1 and 2 workers
    python bench/throughput.py --compare-ner   # also spaCy with and without the ner component
    python bench/throughput.py --repeat 3      # best of 3 rounds of every run (the machine may be shared)
    python bench/throughput.py --geocoding     # only what geocoding (the places stage) adds to coding time

spaCy's side is the model's own components (tok2vec, tagger, parser, attribute_ruler, lemmatizer; ner and
senter are left out, as detente leaves them out). detente runs the same model but applies its attribute
rules by table lookup (detente/sentences/attributes.py: the same annotation, token for token), so part of
its lead over spaCy is a faster parse, not only cheap coding; the paired run shows both.

The corpus is fixed: the example articles in examples/ repeated under new ids until it holds at least
5,000 sentences (or, without examples/, generated wire-style articles). Each measurement runs in a fresh
process, after the model is loaded, so load time and earlier runs do not count; peak RSS is per process
that codes (the worker processes, or the one process when workers = 1).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from detente.batch.workers import BATCH_SIZE  # noqa: E402  (after the path is set)

MIN_SENTENCES = 5_000
SPACY_BATCH_SIZE = BATCH_SIZE  # the same number of docs a detente worker task holds
TARGETS = {"vs_spacy": 0.85, "scaling": 1.7, "rss_mb": 600, "geocoding": 0.05}


def corpus() -> tuple[list, str]:
    """The fixed benchmark corpus and a line that says what it is."""
    from detente.articles import read_articles
    from detente.model import Article

    examples = ROOT / "examples"
    base = list(read_articles([str(examples)])) if examples.is_dir() else []  # its .txt files and articles.jsonl
    origin = "examples/"
    if not base:
        base, origin = _generated_articles(), "generated wire-style articles"
    per_copy = sum(_rough_sentences(a.text) for a in base)
    copies = -(-int(MIN_SENTENCES * 1.05) // per_copy)  # a margin: the parser may merge a few sentences
    articles = [Article(id=f"{a.id}#{k}", text=a.text, date=a.date, title=a.title, url=a.url)
                for k in range(copies) for a in base]
    return articles, f"{len(base)} articles of {origin} x {copies}"


def _rough_sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()])


def _generated_articles() -> list:
    from detente.model import Article

    rng = random.Random(5)
    states = ["France", "Germany", "Japan", "Chile", "Kenya", "Brazil", "Egypt", "India", "Turkey", "Peru"]
    verbs = ["met with", "accused", "praised", "signed an agreement with", "threatened sanctions against",
             "sent aid to", "expelled diplomats from", "called for talks with", "condemned", "hosted"]
    tails = ["on Tuesday, officials said.", "after weeks of tension.", "in a statement late on Monday.",
             "according to the foreign ministry.", "during a visit to the capital."]
    articles = []
    for number in range(40):
        sentences = [f"{rng.choice(states)} {rng.choice(verbs)} {rng.choice(states)} {rng.choice(tails)}"
                     for _ in range(12)]
        articles.append(Article(id=f"generated-{number}", text="\n".join(sentences)))
    return articles


class PeakMemory:
    """Samples the resident memory of some processes every few milliseconds and keeps each one's peak."""

    def __init__(self, pids_of) -> None:
        import psutil

        self.psutil, self.pids_of, self.peaks, self.cpu = psutil, pids_of, {}, {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_seconds(self, since: dict[int, float]) -> float:
        """CPU time the sampled processes spent since the `since` snapshot (a dict of pid -> seconds)."""
        return sum(seconds - since.get(pid, 0.0) for pid, seconds in self.cpu.items())

    def snapshot(self) -> dict[int, float]:
        """CPU seconds used so far by each process, sampled now."""
        self._sample()
        return dict(self.cpu)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(0.02)

    def _sample(self) -> None:
        for pid in self.pids_of():
            try:
                process = self.psutil.Process(pid)
                rss, times = process.memory_info().rss, process.cpu_times()
            except self.psutil.Error:
                continue
            self.peaks[pid] = max(self.peaks.get(pid, 0), rss)
            self.cpu[pid] = times.user + times.system  # the last sample before the process ends


def _self_peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux reports KiB


def measure_detente(workers: int) -> dict:
    """Code the corpus with code_in_workers on `workers` processes whose pipelines are already loaded."""
    from detente.batch import Progress, code_in_workers
    from detente.batch.workers import WorkerPool
    from detente.coder import load_pipeline

    articles, _ = corpus()
    progress = Progress(len(articles), enabled=False)
    if workers == 1:
        load_pipeline()
        with PeakMemory(lambda: [os.getpid()]) as memory:
            started, cpu_started = time.perf_counter(), time.process_time()
            events = sum(1 for _ in code_in_workers(articles, 1, progress=progress))
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        peaks = [max(memory.peaks.get(os.getpid(), 0), _self_peak_bytes())]
    else:
        with WorkerPool(workers) as pool, PeakMemory(lambda: pool.pids) as memory:
            before = memory.snapshot()
            started = time.perf_counter()
            events = sum(1 for _ in code_in_workers(articles, pool=pool, progress=progress))
            seconds = time.perf_counter() - started
            memory.snapshot()
            cpu = memory.cpu_seconds(before)
        peaks = [memory.peaks.get(pid, 0) for pid in pool.pids]
    return {"articles": len(articles), "sentences": progress.sentences, "events": events, "seconds": seconds,
            "cpu_seconds": cpu, "peak_rss_mb": [round(p / 2**20) for p in peaks]}


PAIRED_ROUNDS = 8


def measure_paired() -> dict:
    """One process: spaCy's pipeline and detente's take turns on the same slices of the corpus (ABBA order),
    so that a shared host's drift in speed falls on both alike. The other runs are separate processes
    minutes apart; on a host whose speed drifts by 10-20% from minute to minute, their 1-worker ratio
    says as much about the drift as about detente."""
    from detente.batch import Progress, code_in_workers
    from detente.coder import load_pipeline
    from detente.memory import keep_freed_buffers
    from detente.sentences.pipeline import load_parser

    nlp = load_pipeline()
    spacy_nlp = load_parser(table_attributes=False)
    keep_freed_buffers()
    articles, _ = corpus()
    nlp("Warm up the pipeline.")
    spacy_nlp("Warm up the pipeline.")
    size = -(-len(articles) // PAIRED_ROUNDS)
    spent = {"spacy": 0.0, "detente": 0.0}
    cpu = {"spacy": 0.0, "detente": 0.0}

    def parse(part: list) -> None:
        for _ in spacy_nlp.pipe([a.text for a in part], batch_size=SPACY_BATCH_SIZE):
            pass

    def code(part: list) -> None:
        for _ in code_in_workers(part, 1, progress=Progress(len(part), enabled=False)):
            pass

    for number in range(PAIRED_ROUNDS):
        part = articles[number * size : (number + 1) * size]
        runs = [("spacy", parse), ("detente", code)]
        for kind, run in runs if number % 2 == 0 else runs[::-1]:
            started, cpu_started = time.perf_counter(), time.process_time()
            run(part)
            spent[kind] += time.perf_counter() - started
            cpu[kind] += time.process_time() - cpu_started
    return {"rounds": PAIRED_ROUNDS, "seconds": spent, "cpu_seconds": cpu}


def measure_geocoding() -> dict:
    """One process, one worker: the corpus coded with the places stage (detente_places: each event's location
    and geocoded place) and without it, in turns on the same slices (ABBA, as measure_paired), plus the time
    spent inside the stage itself. The overhead is what geocoding adds to end-to-end coding."""
    from detente import coder
    from detente.coder import load_pipeline
    from detente.memory import keep_freed_buffers

    inside = {"seconds": 0.0, "cpu_seconds": 0.0, "calls": 0}
    call = coder.PlacesComponent.__call__

    def timed(self, doc):  # the stage's own time, measured around each call
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            return call(self, doc)
        finally:
            inside["seconds"] += time.perf_counter() - started
            inside["cpu_seconds"] += time.process_time() - cpu_started
            inside["calls"] += 1

    coder.PlacesComponent.__call__ = timed
    nlp = load_pipeline()
    keep_freed_buffers()
    articles, _ = corpus()
    list(coder.code_articles(articles[:4], nlp=nlp))  # warm up: the places table, caches
    inside.update(seconds=0.0, cpu_seconds=0.0, calls=0)
    size = -(-len(articles) // PAIRED_ROUNDS)
    spent = {"with": 0.0, "without": 0.0}
    cpu = {"with": 0.0, "without": 0.0}
    events = {"with": 0, "without": 0}
    placed = 0

    def code(part: list, geocoding: bool) -> int:
        nonlocal placed
        if geocoding:
            found = list(coder.code_articles(part, nlp=nlp))
            placed += sum(e.place.precision != "none" for e in found)
            return len(found)
        with nlp.select_pipes(disable=["detente_places"]):
            return sum(1 for _ in coder.code_articles(part, nlp=nlp))

    for number in range(PAIRED_ROUNDS):
        part = articles[number * size : (number + 1) * size]
        runs = [("with", True), ("without", False)]
        for kind, geocoding in runs if number % 2 == 0 else runs[::-1]:
            started, cpu_started = time.perf_counter(), time.process_time()
            events[kind] += code(part, geocoding)
            spent[kind] += time.perf_counter() - started
            cpu[kind] += time.process_time() - cpu_started
    return {"articles": len(articles), "rounds": PAIRED_ROUNDS, "seconds": spent, "cpu_seconds": cpu,
            "events": events, "placed": placed, "places_stage": inside}


def report_geocoding(repeat: int, as_json: bool) -> None:
    """What geocoding adds to end-to-end coding: the median of `repeat` paired runs (target < 5%)."""
    runs = [_run_measure("geocoding", 1) for _ in range(repeat)]
    for run in runs:
        run["overhead_wall"] = run["seconds"]["with"] / run["seconds"]["without"] - 1
        run["overhead_cpu"] = run["cpu_seconds"]["with"] / run["cpu_seconds"]["without"] - 1
        run["stage_share"] = run["places_stage"]["cpu_seconds"] / run["cpu_seconds"]["with"]
    median = sorted(runs, key=lambda r: r["overhead_cpu"])[len(runs) // 2]
    if as_json:
        print(json.dumps({"runs": runs, "median": median}))
        return
    for run in runs:
        print(f"with geocoding {run['seconds']['with']:7.2f} s ({run['cpu_seconds']['with']:6.1f} CPU s), "
              f"without {run['seconds']['without']:7.2f} s ({run['cpu_seconds']['without']:6.1f} CPU s); "
              f"events {run['events']['with']}/{run['events']['without']}, {run['placed']} placed; "
              f"places stage {run['places_stage']['cpu_seconds']:.2f} CPU s in {run['places_stage']['calls']} docs")
    verdict = "ok" if median["overhead_cpu"] < TARGETS["geocoding"] else "MISSED"
    print(f"geocoding adds {median['overhead_cpu']:+.1%} CPU time ({median['overhead_wall']:+.1%} wall-clock) to "
          f"coding; the places stage is {median['stage_share']:.1%} of it  (target < {TARGETS['geocoding']:.0%})  "
          f"{verdict}")


def measure_spacy(workers: int, with_ner: bool) -> dict:
    """spaCy's nlp.pipe over the same texts: the model's components that detente uses, or those plus ner."""
    import psutil
    import spacy

    from detente.memory import keep_freed_buffers
    from detente.sentences.pipeline import EXCLUDED, MODEL_NAME, load_parser

    if with_ner:
        nlp = spacy.load(MODEL_NAME, exclude=[name for name in EXCLUDED if name != "ner"])
        nlp.add_pipe("detente_line_breaks", before="parser")
    else:
        nlp = load_parser(table_attributes=False)  # spaCy's own components, attribute_ruler included
    nlp("Warm up the pipeline.")
    # The allocator setting detente's coding processes use (detente.memory), so that the ratio is the
    # cost of coding, not of page faults one side has and the other not.
    keep_freed_buffers()
    articles, _ = corpus()
    texts = [a.text for a in articles]
    me = psutil.Process()

    def coding_pids() -> list[int]:
        children = [c.pid for c in me.children(recursive=True)]
        return children or [me.pid]

    with PeakMemory(coding_pids) as memory:
        before = memory.snapshot()
        started, cpu_started = time.perf_counter(), time.process_time()
        sentences = sum(len(list(doc.sents))
                        for doc in nlp.pipe(texts, batch_size=SPACY_BATCH_SIZE, n_process=workers))
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    if workers == 1:
        peaks = [max(memory.peaks.get(me.pid, 0), _self_peak_bytes())]
    else:  # the worker processes (their CPU as last sampled); spaCy's parent only feeds them
        peaks = [p for pid, p in memory.peaks.items() if pid != me.pid]
        cpu = memory.cpu_seconds({**before, me.pid: memory.cpu.get(me.pid, 0.0)})
    return {"articles": len(articles), "sentences": sentences, "seconds": seconds, "cpu_seconds": cpu,
            "pipes": nlp.pipe_names, "peak_rss_mb": [round(p / 2**20) for p in peaks]}


def _run_measure(kind: str, workers: int) -> dict:
    """One measurement in a fresh Python process."""
    output = subprocess.run([sys.executable, __file__, "--measure", kind, "--workers", str(workers)],
                            check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(output.stdout.strip().splitlines()[-1])


def _best_of(keys: list[tuple[str, int]], repeat: int) -> dict[str, dict]:
    """The fastest of `repeat` runs of each measurement. Rounds run every measurement in turn, so that a
    machine whose speed drifts (a shared host) slows spaCy and detente alike."""
    best: dict[str, dict] = {}
    for _ in range(repeat):
        for kind, workers in keys:
            result = _run_measure(kind, workers)
            key = f"{kind}/{workers}"
            if key not in best or result["seconds"] < best[key]["seconds"]:
                best[key] = result
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare-ner", action="store_true", help="also time spaCy with and without ner")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per measurement")
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument("--geocoding", action="store_true", help="only what geocoding adds to coding time")
    parser.add_argument(
        "--measure", choices=["detente", "spacy", "spacy-ner", "paired", "geocoding"], help=argparse.SUPPRESS
    )
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:  # one measurement, in this fresh process
        if args.measure == "paired":
            result = measure_paired()
        elif args.measure == "geocoding":
            result = measure_geocoding()
        elif args.measure == "detente":
            result = measure_detente(args.workers)
        else:
            result = measure_spacy(args.workers, with_ner=args.measure == "spacy-ner")
        print(json.dumps(result))
        return

    if args.geocoding:
        report_geocoding(args.repeat, args.json)
        return
    articles, origin = corpus()
    kinds = ["spacy", "detente"] + (["spacy-ner"] if args.compare_ner else [])
    results = _best_of([(kind, workers) for kind in kinds for workers in (1, 2)], args.repeat)
    sentences = results["spacy/1"]["sentences"]  # the corpus as the parser splits it: one unit for all rows
    for result in results.values():
        result["articles_per_s"] = result["articles"] / result["seconds"]
        result["sentences_per_s"] = sentences / result["seconds"]
        result["sentences_per_cpu_s"] = sentences / result["cpu_seconds"]
    paired = sorted(
        run["seconds"]["spacy"] / run["seconds"]["detente"]
        for run in (_run_measure("paired", 1) for _ in range(args.repeat))
    )
    ratios = {
        "detente/spacy 1 worker": results["detente/1"]["sentences_per_s"] / results["spacy/1"]["sentences_per_s"],
        "detente/spacy 1 worker, paired (median)": paired[len(paired) // 2],
        "detente/spacy 2 workers": results["detente/2"]["sentences_per_s"] / results["spacy/2"]["sentences_per_s"],
        "detente 2 workers/1 worker": results["detente/2"]["sentences_per_s"] / results["detente/1"]["sentences_per_s"],
        "spacy 2 workers/1 worker": results["spacy/2"]["sentences_per_s"] / results["spacy/1"]["sentences_per_s"],
    }
    for workers in (1, 2):  # per CPU second: what the coder costs, whatever else the machine is doing
        ratios[f"detente/spacy per CPU second, {workers} worker(s)"] = (
            results[f"detente/{workers}"]["sentences_per_cpu_s"] / results[f"spacy/{workers}"]["sentences_per_cpu_s"])
    if args.compare_ner:
        for workers in (1, 2):
            ratios[f"spacy without ner/with ner, {workers} worker(s)"] = (
                results[f"spacy/{workers}"]["sentences_per_s"] / results[f"spacy-ner/{workers}"]["sentences_per_s"])
    if args.json:
        print(json.dumps({"corpus": origin, "sentences": sentences, "results": results, "ratios": ratios}))
        return

    print(f"corpus: {len(articles):,} articles, {sentences:,} sentences ({origin}); cores: {os.cpu_count()}, "
          f"load average {os.getloadavg()[0]:.1f} (other work on the machine skews wall-clock rates)")
    names = {"spacy": "spaCy nlp.pipe, same components", "detente": "detente code_in_workers",
             "spacy-ner": "spaCy nlp.pipe, parse + ner"}
    print(f"{'run':34} {'workers':>7} {'seconds':>8} {'CPU s':>7} {'articles/s':>11} {'sentences/s':>12} "
          f"{'sent/CPU s':>10}  peak RSS MB/worker")
    for key, result in results.items():
        kind, workers = key.split("/")
        print(f"{names[kind]:34} {workers:>7} {result['seconds']:8.2f} {result['cpu_seconds']:7.1f} "
              f"{result['articles_per_s']:11.1f} {result['sentences_per_s']:12.1f} "
              f"{result['sentences_per_cpu_s']:10.1f}  {', '.join(str(m) for m in result['peak_rss_mb'])}")
    print()
    targets = {"detente/spacy 1 worker": TARGETS["vs_spacy"], "detente/spacy 2 workers": TARGETS["vs_spacy"],
               "detente/spacy 1 worker, paired (median)": TARGETS["vs_spacy"],
               "detente 2 workers/1 worker": TARGETS["scaling"]}
    for name, value in ratios.items():
        target = f"  (target >= {targets[name]})" if name in targets else ""
        verdict = "" if name not in targets else ("  ok" if value >= targets[name] else "  MISSED")
        print(f"{name:44} {value:5.2f}{target}{verdict}")
    peak = max(m for key, r in results.items() if key.startswith("detente") for m in r["peak_rss_mb"])
    verdict = "ok" if peak <= TARGETS["rss_mb"] else "MISSED"
    print(f"{'detente peak RSS per worker (MB)':44} {peak:5d}  (target <= {TARGETS['rss_mb']})  {verdict}")


if __name__ == "__main__":
    main()
