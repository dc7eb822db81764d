"""Numbered error messages, one place; every error detente raises is a DetenteError."""

from __future__ import annotations

import errno


class Errors:
    """Message templates; the number never changes once released (tests/test_errors.py)."""

    E001 = "[E001] Cannot read {path}: {reason}"
    E002 = "[E002] {path}:{line}: not valid JSON: {reason}"
    E003 = "[E003] {path}:{line}: article rejected: {reason}"
    # No longer raised: every path is read or rejected alone (detente.articles.read). Not to be reused.
    E004 = "[E004] Unsupported input {path}: expected a .txt file, a directory, a .jsonl file or '-'"
    E005 = "[E005] Invalid date {value!r}: expected YYYY-MM-DD or an ISO date-time (2023-05-10T10:00:00Z)"
    E010 = "[E010] The spaCy model {model!r} is not installed; run `make install` (see README)"
    E020 = "[E020] {path}:{line}: lexicon entry invalid: {reason}"
    E021 = "[E021] Lexicon file {path} not found"
    E030 = "[E030] Unknown country {value!r}: give an ISO 3166-1 alpha-3 code or a country name"
    E040 = "[E040] Database error: {reason}"
    E041 = "[E041] Only read-only SQL is allowed: {reason}"
    E050 = "[E050] Batch input {path}: {reason}"
    E060 = "[E060] Gold file {path}:{line}: {reason}"
    E110 = "[E110] {path}:{line}: thread definition invalid: {reason}"
    E111 = "[E111] Thread data file {path} not found"
    # No longer raised: the ledger reads the actors gazetteer, whose rows fail with E020. Not to be reused.
    E112 = "[E112] {path}:{line}: country gazetteer row invalid: {reason}"
    E113 = "[E113] A relation needs two different countries, got {code!r} twice"
    E114 = "[E114] No events to read for {a}-{b}: give article PATHs, or --db FILE with an event store ({reason})"
    E115 = "[E115] Cannot draw {path}: the plot file must end in .png or .svg"
    E116 = "[E116] Unknown place {value!r}: no city, ADM1 or state of that name in the places table ({reason})"
    E117 = "[E117] Invalid region: {reason}"
    E120 = "[E120] Gold file {path}:{line}: not valid JSON: {reason}"
    E121 = "[E121] Gold file {path}:{line}: {reason}"
    E122 = "[E122] Gold file {path} holds no documents"
    E123 = "[E123] Predictions file {path}:{line}: not valid JSON: {reason}"
    E130 = "[E130] No event store at {path}: run `detente load` first or give --db"
    E131 = "[E131] Event store {path} has schema version {found}, newer than this detente ({supported})"
    E132 = "[E132] Only a single SELECT (or WITH ... SELECT) statement is allowed, got {found}"
    E133 = "[E133] SQL error: {reason}"
    E134 = "[E134] Unknown export format {value!r}: expected one of {choices}"
    E135 = "[E135] Invalid date {value!r} for {name}: expected YYYY, YYYY-MM or YYYY-MM-DD"
    E136 = "[E136] The store is read-only: {reason}"
    E137 = "[E137] Will not serve writable without a token: set DETENTE_TOKEN, give --token-file, or --read-only"
    E138 = "[E138] Missing or wrong token: send Authorization: Bearer TOKEN"
    E139 = "[E139] Request body larger than {limit} bytes"
    E140 = "[E140] Malformed request: {reason}"
    E141 = "[E141] Not found: {what}"
    E142 = "[E142] Invalid country code {value!r}: expected 2-16 letters, digits, '_' or '-'"
    E143 = "[E143] Internal server error: {reason}"
    E144 = "[E144] Writing is disabled: the server was started with --read-only"
    E145 = "[E145] Export to {format} needs --output FILE (or directory for parquet)"
    E146 = "[E146] Invalid value for {name}: {reason}"
    E147 = "[E147] Method {method} is not allowed on {path}"
    E148 = "[E148] SQL may read the event store only, no other file or extension: {reason}"
    E150 = "[E150] Batch input {path}: no files of a kind detente reads (JSONL, CSV, Parquet, text, HTML, feeds)"
    E151 = (
        "[E151] Batch input {path}: unsupported file type; expected .jsonl, .json, .csv, .tsv, .parquet, .txt, "
        ".html, .xml, .rss or .atom"
    )
    E152 = "[E152] {output} holds a batch of other input or settings ({reason}); use a new OUTPUT_DIR"
    E153 = "[E153] Manifest {path} cannot be read: {reason}"
    E154 = "[E154] --workers must be at least 1, not {value}"
    E155 = "[E155] --chunk-size must be at least 1, not {value}"
    E156 = "[E156] A worker process died while coding: {reason}"
    E157 = "[E157] --engine spark needs PySpark 4: pip install 'detente[spark]' ({reason})"
    E158 = "[E158] The Spark job failed: {reason}"
    E159 = "[E159] Unknown engine {value!r}: expected 'local' or 'spark'"
    E160 = "[E160] Batch input {path} cannot be read: {reason}"
    E170 = "[E170] The token is too weak ({reason}): make one with `detente serve --new-token`"
    E171 = "[E171] Too many wrong tokens from this client: try again in {seconds} s"
    E172 = (
        "[E172] The disk is full: writing to {path} failed ({reason}). Nothing of the articles being written was "
        "stored; what was stored before is intact. Free some space and run again: stored articles are skipped"
    )
    E173 = "[E173] The disk is full: {reason}"
    E190 = "[E190] Invalid interval {value!r}: expected a number of seconds, or one with s, m, h or d (15m)"


class DetenteError(Exception):
    """Base of every error detente raises on purpose."""

    exit_code = 2  # of the CLI (docs/cli.md, "Exit codes"): a usage error unless a subclass says otherwise


class InputError(DetenteError):
    """An input file, article or option cannot be used."""


class ModelNotInstalled(DetenteError):
    """The spaCy model is missing."""


class LexiconError(DetenteError):
    """A lexicon data file (shipped or the user's) is malformed."""


class StoreError(DetenteError):
    """The event store cannot do what was asked."""


class BatchError(DetenteError):
    """A batch job cannot run."""


class SystemFailure(DetenteError):
    """The machine failed the run (a worker died, the disk is full): not the user's input or options."""

    exit_code = 3


class DiskFull(StoreError, SystemFailure):
    """A write ran out of disk space (or quota); the store was left as it was."""


class WorkerDied(BatchError, SystemFailure):
    """A worker process died while coding."""


def is_disk_full(error: BaseException | None) -> bool:
    """Whether an error, or one it was raised from, is a full disk or an exhausted quota (an OSError's
    errno, or the words of DuckDB's and Arrow's messages, which carry none)."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        if any(text in str(error) for text in ("No space left on device", "Disk quota exceeded")):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
