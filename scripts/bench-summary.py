#!/usr/bin/env python3
"""Collects the figures `make bench` measured into one table: printed, and written to
docs/benchmarks.md (linked from the README)."""
import datetime
import glob
import gzip
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RES = os.path.join(ROOT, "bench-results")


def load(name):
    try:
        with open(os.path.join(RES, name)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def criterion(bench):
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    for path in glob.glob(os.path.join(target, "criterion", "*", "new", "estimates.json")):
        with open(os.path.join(os.path.dirname(os.path.dirname(path)), "new", "benchmark.json")) as f:
            meta = json.load(f)
        if meta.get("function_id", meta.get("group_id")) == bench or meta.get("group_id") == bench:
            with open(path) as f:
                return json.load(f)["median"]["point_estimate"] / 1e6
    return None


def sizes():
    total_raw = total_gz = 0
    rows = []
    dist = os.path.join(ROOT, "dist")
    for name in sorted(os.listdir(dist)) if os.path.isdir(dist) else []:
        p = os.path.join(dist, name)
        if os.path.isfile(p) and name.rsplit(".", 1)[-1] in ("wasm", "js", "css", "html"):
            data = open(p, "rb").read()
            gz = len(gzip.compress(data, 9))
            rows.append((name, len(data), gz))
            total_raw += len(data)
            total_gz += gz
    return rows, total_raw, total_gz


def main():
    rows = []
    files, raw, gz = sizes()
    rows.append(("Site transfer (wasm+js+css+html), gzip", f"{gz/1024:.1f} KiB ({raw/1024:.0f} KiB raw)", "≤ 150 KB", "✅" if gz <= 150_000 else "❌"))
    board = load("board.json")
    if board:
        fr = board.get("first_render_seed003_ms", {}).get("median")
        if fr is not None:
            rows.append(("First render of seed 003 (navigation → board), Chromium", f"{fr:.0f} ms", "—", ""))
        lt = board["load_to_interactive_ms"]["median"]
        rows.append(("Board, 5,000 items: document loaded → interactive", f"{lt:.0f} ms", "< 500 ms", "✅" if lt < 500 else "❌"))
        tk = board["tick_ms"]["median"]
        rows.append(("Board, 5,000 items: tick → next frame", f"{tk:.1f} ms", "< 16 ms", "✅" if tk < 16 else "❌"))
        large = board.get("large")
        if large:
            tk = large["tick_ms"]["median"]
            rows.append(("Board, 100,000 items: tick → next frame", f"{tk:.1f} ms", "< 50 ms", "✅" if tk < 50 else "❌"))
            lt = large["document_longest_task_ms"]["median"]
            done = large["document_complete_ms"]["median"]
            rows.append(("Document view, 100,000 items: longest task while switching to it", f"{lt:.0f} ms (all drawn in {done/1000:.1f} s)", "< 200 ms", "✅" if lt < 200 else "❌"))
        hl = board.get("highlight_ms", {}).get("median")
        if hl is not None:
            rows.append(("Highlight, 5,000 items / ~10,000 edges: select → next frame", f"{hl:.1f} ms", "< 16 ms", "✅" if hl < 16 else "❌"))
    ours, bare = criterion("roadboard parse 1MB"), criterion("pulldown-cmark events 1MB")
    if ours and bare:
        ratio = ours / bare
        rows.append(("Parse 1 MB roadmap vs bare pulldown-cmark (native)", f"{ours:.1f} ms vs {bare:.1f} ms = {ratio:.1f}×", "≤ 2×", "✅" if ratio <= 2 else "❌"))
    wi = load("whatif.json")
    if wi:
        ms = wi["layout_with_whatif_ms"]
        rows.append(("What-if, 5,000 items: one delay → new plan and layout (native)", f"{wi['whatif_ms']:.1f} ms + layout = {ms:.1f} ms", "< 16 ms", "✅" if ms < 16 else "❌"))
    tl = load("timeline.json")
    if tl:
        ours = tl["roadboard_view_to_frame_ms"]["median"]
        theirs = tl["mermaid_render_to_frame_ms"]["median"]
        ratio = tl.get("ratio", theirs / max(ours, 1e-9))
        rows.append(("Timeline, 500 tasks: roadboard vs Mermaid gantt (to frame)", f"{ours:.0f} ms vs {theirs:.0f} ms = {ratio:.1f}×", "≥ 10×", "✅" if ratio >= 10 else "❌"))
        redraw = tl.get("ratio_redraw_to_frame")
        if redraw:
            rows.append(("Timeline, 500 tasks: redraw (zoom) vs Mermaid render", f"{tl['roadboard_redraw_to_frame_ms']['median']:.0f} ms = {redraw:.1f}×", "≥ 10×", "✅" if redraw >= 10 else "❌"))
    width = max(len(r[0]) for r in rows)
    print("\nroadboard benchmark summary")
    for r in rows:
        print(f"  {r[0]:<{width}}  {r[1]:>36}  goal {r[2]:<9} {r[3]}")
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    md = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {stamp} (2-core machine, headless Chromium; medians).",
        "",
        "| measure | result | goal | |",
        "|---|---|---|---|",
    ]
    md += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    md += [
        "",
        "## Site files",
        "",
        "| file | raw B | gzip -9 B |",
        "|---|---:|---:|",
    ]
    md += [f"| {n} | {r:,} | {g:,} |" for n, r, g in files]
    md += [f"| **total** | **{raw:,}** | **{gz:,}** |", "",
           "Where the wasm's bytes go, what was cut and what is left: [size.md](size.md)."]
    with open(os.path.join(ROOT, "docs", "benchmarks.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print("\nwritten to docs/benchmarks.md")


if __name__ == "__main__":
    main()
