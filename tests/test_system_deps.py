"""scripts/system-deps.sh (make system-deps, .ci/run): names what the full suite needs and is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "system-deps.sh"


def _run(path: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": path, "SYSTEM_DEPS_CHECK_ONLY": "1"}
    bash = shutil.which("bash")
    return subprocess.run([bash, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)


def test_a_missing_java_fails_naming_the_package(tmp_path) -> None:
    # a PATH with the shell tools the script uses, and no java
    for tool in ("id", "grep"):
        (tmp_path / tool).symlink_to(shutil.which(tool))
    result = _run(str(tmp_path))
    assert result.returncode == 1
    assert "openjdk-17-jre-headless" in result.stderr.splitlines()[0]
    assert "apt-get install" in result.stderr


def test_makefile_and_ci_share_the_step() -> None:
    root = SCRIPT.parent.parent
    assert "bash scripts/system-deps.sh" in (root / "Makefile").read_text(encoding="utf-8")
    assert "make system-deps" in (root / ".ci" / "run").read_text(encoding="utf-8")
    assert "pytest -q -rs" in (root / "Makefile").read_text(encoding="utf-8")
