"""Fixtures for the dashboard tests: shared hand-made events live in tests/store/eventkit.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
