"""Speed and scale: coding on every core, the resumable `detente batch` runner, and the Spark engine."""

from detente.batch.coding import CodedBatch, detente_coder
from detente.batch.progress import Progress
from detente.batch.runner import BatchSummary, run_batch
from detente.batch.workers import code_in_workers, default_workers

__all__ = [
    "BatchSummary", "CodedBatch", "Progress", "code_in_workers", "default_workers", "detente_coder", "run_batch",
]
