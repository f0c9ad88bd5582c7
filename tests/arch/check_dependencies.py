"""Checks that sacjc's source files depend on each other one way only.

A module is a header in include/sacjc/ with the source file of the same name anywhere under
src/ (src/cli/ is one module: the command line). Module A depends on B when a file of A
includes B's header. Prints every cycle and exits 1 if there is one; also checks that no
library file includes CLI11 or LibTorch outside the files allowed to.
    check_dependencies.py REPOSITORY_ROOT
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'#include "(?:sacjc/)?([a-z0-9_]+)\.h"')
# The one file behind each of these dependencies, and the command line.
ALLOWED = {"CLI/": ("src/cli/",), "torch/": ("src/2_models/model_torch.cpp",)}


# Source files named for the library behind their header (image.h -> image_opencv.cpp).
BACK_ENDS = ("_opencv", "_turbojpeg", "_torch", "_linux", "_openssl")
# Files that are part of another header's module: the built-in probe set, and the libpng back
# end of image.h with its private header src/1_probes/png.h.
IMPLEMENTS = {"default_probes": "probes", "png_libpng": "image", "png": "image"}


def module_of(path: pathlib.Path, root: pathlib.Path) -> str:
    rel = path.relative_to(root).as_posix()
    if rel.startswith("src/cli/"):
        return "cli"
    stem = IMPLEMENTS.get(path.stem, path.stem)
    for suffix in BACK_ENDS:
        if stem.endswith(suffix) and (root / "include/sacjc" / (stem[: -len(suffix)] + ".h")).exists():
            return stem[: -len(suffix)]
    return stem


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    files = sorted((root / "include/sacjc").glob("*.h")) + sorted((root / "src").rglob("*.cpp")) + \
        sorted((root / "src").rglob("*.h"))
    graph: dict[str, set[str]] = {}
    problems = []
    for path in files:
        text = path.read_text()
        module = module_of(path, root)
        rel = path.relative_to(root).as_posix()
        for header, owners in ALLOWED.items():
            if f"#include <{header}" in text and not any(rel.startswith(o) for o in owners):
                problems.append(f"{rel}: includes <{header}...> (allowed only in {', '.join(owners)})")
        for dep in INCLUDE.findall(text):
            dep = IMPLEMENTS.get(dep, dep)
            if dep != module:
                graph.setdefault(module, set()).add(dep)
    # Cycles: depth-first search, reporting each back edge's loop once.
    seen, stack, cycles = set(), [], set()

    def visit(node: str) -> None:
        if node in stack:
            loop = stack[stack.index(node):]
            start = loop.index(min(loop))
            cycles.add(" -> ".join(loop[start:] + loop[:start] + [min(loop)]))
            return
        if node in seen:
            return
        seen.add(node)
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            visit(dep)
        stack.pop()

    for node in sorted(graph):
        visit(node)
    problems += [f"dependency cycle: {c}" for c in sorted(cycles)]
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
