#!/usr/bin/env python3
"""The web shell's imports run one way: app -> components (views) -> session -> doc -> dom/net/storage
-> the core. Reads every `crate::` path in src/ (use lines and inline paths, comments skipped),
fails on an import that points up a layer, and on any cycle between files (components may use
each other, without cycles). `--graph` prints the file graph it checked.

Run from the repository root: `python3 scripts/check-shell-layers.py` (part of `make lint`).
"""

import re
import sys
from pathlib import Path

SRC = Path("src")
# Higher layers may import lower ones only. Files not listed (lib.rs, main.rs) are entry points.
LAYER = {
    "app": 5,
    "components": 4,
    "session": 3,
    "doc": 2,
    "dom": 1,
    "net": 1,
    "follow": 1,
    "storage": 1,
    "undo": 1,
}
PATH = re.compile(r"\bcrate::((?:\w+::)*)(\{|\w+)")


def expand(prefix: str, text: str, start: int) -> tuple[list[str], int]:
    """The paths of a use-tree group `{a::b, c::{d, e}}` opening at text[start], each behind
    `prefix`; and where the group ends."""
    paths, item, i = [], "", start + 1
    while i < len(text):
        c = text[i]
        if c == "{":
            inner, i = expand(prefix + item, text, i)
            paths += inner
            item = ""
        elif c in ",}":
            if item.strip():
                paths.append(prefix + item.strip())
            item = ""
            if c == "}":
                return paths, i
        elif not c.isspace():
            item += c
        i += 1
    return paths, i


def module_of(path: Path) -> str:
    """`src/components/board.rs` -> `components::board`, `src/app.rs` -> `app`."""
    rel = path.relative_to(SRC).with_suffix("")
    parts = [p for p in rel.parts if p != "mod"]
    return "::".join(parts)


def main() -> int:
    files = {module_of(p): p for p in sorted(SRC.rglob("*.rs"))}
    edges: dict[str, set[str]] = {m: set() for m in files}
    problems = []
    for module, path in files.items():
        text = "\n".join(line.split("//")[0] for line in path.read_text().splitlines())
        found = []
        for m in PATH.finditer(text):
            if m.group(2) == "{":
                found += expand(m.group(1), text, m.end() - 1)[0]
            else:
                found.append(m.group(1) + m.group(2))
        for p in found:
            segs = [s for s in p.split("::") if s]
            # the longest prefix that is a file: `components::board::BoardView` -> components::board
            target = next(
                ("::".join(segs[:n]) for n in range(len(segs), 0, -1) if "::".join(segs[:n]) in files),
                None,
            )
            if target is None or target == module:
                continue
            edges[module].add(target)
    for module, targets in edges.items():
        top = module.split("::")[0]
        for t in sorted(targets):
            t_top = t.split("::")[0]
            if top not in LAYER or t_top not in LAYER:
                continue
            if LAYER[t_top] > LAYER[top] or (LAYER[t_top] == LAYER[top] and top != "components"):
                problems.append(f"{files[module]}: imports {t} (layer {t_top}) from layer {top}")
    # cycles, by depth-first search over files
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for t in sorted(edges[m]):
            if state.get(t) == 1:
                problems.append("cycle: " + " -> ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in files:
        if m not in state:
            visit(m)
    for module in sorted(files, key=lambda m: (-LAYER.get(m.split("::")[0], 9), m)):
        if edges[module] and "--graph" in sys.argv:
            print(f"{module:26} -> {', '.join(sorted(edges[module]))}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"shell layers: {len(files)} files, {sum(map(len, edges.values()))} imports, one way, no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
