"""The house of docs/DESIGN.md, checked: every import of `src/iomstrat` (module level and inside
functions) points down the flow file -> loader -> model -> engine / checks -> core -> render /
export -> cli, and no module imports itself back through others."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "iomstrat"

LAYERS: dict[str, int] = {
    # at the bottom, imported by everyone, importing nothing of ours
    "findings": 0,
    "codes": 0,
    # bytes in, reference data
    "loader": 1,
    "rates": 1,
    "places": 1,
    "iati": 1,  # IATI's vocabulary, shared by reading and writing
    "model": 2,
    "results": 3,  # frozen dataclasses that renderers print
    "engine": 4,  # figures only
    "checks": 5,  # rules that read the model and the engine's figures
    "core": 6,  # one pipeline, one function per command
    "render": 7,  # words and formats
    "export": 7,  # the field's formats
    "cli": 8,  # typer only
    "tools": 9,  # the README generator drives the cli
    "__main__": 9,
}
SIDEWAYS_FORBIDDEN = {("render", "export")}  # an exporter may format numbers as render does


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every iomstrat module `path` imports, wherever the import statement stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = (
        module_name(path)
        if path.name == "__init__.py"
        else module_name(path)[: -len(path.stem) - 1]
    )
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("iomstrat")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    [*package.split(".")[: len(package.split(".")) - node.level + 1], base]
                )
            if not base.startswith("iomstrat"):
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if _exists(candidate) else base)
    return {m for m in found if m != "iomstrat"}


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (SRC / relative).with_suffix(".py").exists() or (SRC / relative / "__init__.py").exists()


def layer(module: str) -> tuple[str, int]:
    top = module.split(".")[1] if "." in module else "__init__"
    assert top in LAYERS or top == "__init__", f"{module}: not in a layer of the house"
    return top, LAYERS.get(top, 0)


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in SRC.rglob("*.py")}


def test_every_import_points_down_the_flow() -> None:
    against = []
    for module, targets in sorted(graph().items()):
        if module == "iomstrat":
            continue
        top, rank = layer(module)
        for target in sorted(targets):
            other, other_rank = layer(target)
            if other == top:
                continue
            if other_rank > rank or (top, other) in SIDEWAYS_FORBIDDEN:
                against.append(f"{module} -> {target}")
    assert against == []


def test_no_module_imports_itself_back() -> None:
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges.get(node, ())):
            # A package's __init__ importing its own modules is the package's table of contents.
            if node != "iomstrat" and target.startswith(node + ".") and _is_package(node):
                continue
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target in edges and target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert cycles == []


def _is_package(module: str) -> bool:
    return (SRC / Path(*module.split(".")[1:]) / "__init__.py").exists()


def test_the_graph_is_read() -> None:
    """The two tests above see the imports inside functions too (lazy imports for start-up)."""
    edges = graph()
    assert "iomstrat.core.pipeline" in edges["iomstrat.cli.validate"]  # inside the command
    assert "iomstrat.checks.annex" in edges["iomstrat.core.pipeline"]  # only for table files
