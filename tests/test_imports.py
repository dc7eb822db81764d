"""The package's import graph: no cycle, and no stage imports one downstream of it (issue 13).

The graph is read from the source (the AST of every module under detente/), so imports inside functions
count as much as those at the top, and so does the package __init__ that importing a submodule runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from detente.cli.main import COMMANDS

PACKAGE = Path(__file__).resolve().parent.parent / "detente"

# Pipeline order (README "Layout", docs STYLE): a module may import its own layer and those above it,
# never one below. The key is a module's first name under detente ("" is detente/__init__.py).
LAYERS: list[set[str]] = [
    {"errors", "model", "schema", "tables", "memory", "terminal"},  # records and plumbing every stage shares
    {"articles"},
    {"sentences"},
    {"actors"},
    {"events"},
    {"dates", "places"},
    {"acts"},  # one event per act: merges the dated mentions of an article
    {"layouts", "formats"},  # how events are written: the layouts other tools load (GDELT, POLECAT), code's formats
    {"", "coder", "explain", "evaluation"},  # the coding pipeline and the public API
    {"ledger"},
    {"store"},
    {"batch"},  # runs the pipeline on worker processes or Spark
    {"api", "dashboard"},
    {"cli"},
]
LAYER = {stage: number for number, stages in enumerate(LAYERS) for stage in stages}
# The one place that imports the package's own modules by name: the CLI loads a command's module when
# it runs (cli/main.py says why).
DYNAMIC_IMPORTS_ALLOWED = {"detente.cli.main"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The modules an import statement names (a `from package import name` names the submodule if any)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        here = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
        base = ".".join(here[: len(here) - node.level + 1] + ([node.module] if node.module else []))
    return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]


def _edges(module: str) -> set[str]:
    """The package's modules that importing `module` runs: each one it imports, with that one's packages
    (except the packages `module` itself is in, which are running already)."""
    edges = set()
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        for name in _imported(module, node):
            parts = name.split(".")
            for end in range(1, len(parts) + 1):
                target = ".".join(parts[:end])
                own_package = end < len(parts) and (module == target or module.startswith(target + "."))
                if target in MODULES and not own_package:
                    edges.add(target)
    edges.discard(module)
    return edges


def import_graph() -> dict[str, set[str]]:
    """module -> the package's modules it imports, at any level of the code."""
    graph = {module: _edges(module) for module in MODULES}
    graph["detente.cli.main"] |= {f"detente.cli.{module}" for module in COMMANDS.values()}  # loaded lazily
    return graph


GRAPH = import_graph()


def _stage(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None."""
    state: dict[str, str] = {}  # module -> "open" while on the path, "done" after

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                return path[path.index(target) :] + [target]
            if target not in state and (found := visit(target, path)):
                return found
        path.pop()
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module, [])):
            return found
    return None


def test_the_graph_counts_imports_inside_functions_and_the_packages_they_run():
    assert "detente" in GRAPH["detente.store.store"]  # `from detente import code_articles` in Store.load
    assert {"detente.actors", "detente.actors.gazetteer"} <= GRAPH["detente.coder"]
    assert "detente.dates" not in GRAPH["detente.dates.resolver"]  # its own package is running already


@pytest.mark.parametrize(
    ("graph", "cycle"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"b"}, "b": set(), "c": {"a", "b"}}, None),
    ],
)
def test_cycle_finder(graph, cycle):
    assert _cycle(graph) == cycle


def test_no_import_cycle():
    cycle = _cycle(GRAPH)
    assert cycle is None, " -> ".join(cycle or [])


def test_every_stage_has_a_layer():
    assert sorted({_stage(module) for module in MODULES} - set(LAYER)) == []


def test_no_stage_imports_a_downstream_one():
    upstream_imports = [
        f"{module} imports {target}"
        for module, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if LAYER[_stage(target)] > LAYER[_stage(module)]
    ]
    assert upstream_imports == []


def _dynamic_imports(module: str) -> list[str]:
    calls = []
    for node in ast.walk(ast.parse(MODULES[module].read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            if name in {"import_module", "__import__", "find_spec", "reload"}:
                calls.append(f"{module}:{node.lineno} {name}")
    return calls


def test_own_modules_are_imported_by_import_statements():
    """No importlib guards between detente's modules: a missing module is a broken install, not an option."""
    found = [call for module in MODULES if module not in DYNAMIC_IMPORTS_ALLOWED for call in _dynamic_imports(module)]
    assert found == []
