"""Article-body extraction: copydesk's news pipeline vs trafilatura and readability-lxml.

Runs all three over the same pages in one process and one run, scores them with the
shared scorer (``evaluate.py`` of the benchmark, imported, not re-implemented), and prints
F1 / precision / recall, pages per second (wall clock and per CPU second), the speed ratio
to trafilatura (wall / CPU), and copydesk's worst pages with what went wrong on each.

copydesk's figure is what ``pipelines/news.toml`` writes: the pipeline is run with the
core runner over the pages, decompressed to ``.html`` files before the clock starts (the data
set stores them gzipped; the baselines are handed them decompressed too). Reading each file,
decoding, parsing, boilerplate, quotes, record building and writing are all in its time,
after a one-page warm-up run. The baselines get the decoded page text and are timed per
call, as ``run_baselines.py`` times them. Each tool has
``--repeat`` timed passes (default 3), each in a fresh interpreter (a tool run after another
in the same process pays for the other's caches and garbage), taken in turns; its speed is
the median pass.

    python3.11 -m venv .bench-venv && .bench-venv/bin/pip install -U pip
    .bench-venv/bin/pip install . plugins/text plugins/html plugins/boilerplate plugins/quotes \
        plugins/records -r benchmarks/requirements.txt
    .bench-venv/bin/python benchmarks/extraction.py [--data DIR] [--pipeline FILE] [--worst 10] [--repeat 3]

Installed so, not editable, the html, boilerplate and quotes plugins run compiled, as a
user's wheels do (reinstall after editing them); the output's ``plugins:`` line says which
plugins ran compiled.

On a shared machine read the pages/CPU-s column (and its ratio), and run it more than once:
wall-clock figures move with the other processes. The ratio to trafilatura is the median of
the per-turn ratios (each copydesk pass against the trafilatura pass of the same turn), so a
drift in the machine's speed between turns cancels out; more turns (``--repeat 5``) steady it.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from plugin_builds import plugin_builds
from shared_data import shared_path

ROOT = Path(__file__).resolve().parents[1]


def load_scorer(data: Path) -> Any:
    """The benchmark's own evaluate.py (next to the data set folder)."""
    path = data.resolve().parent / "evaluate.py"
    spec = importlib.util.spec_from_file_location("extraction_evaluate", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(data: Path) -> dict[str, str]:
    pages = {}
    for path in sorted((data / "html").glob("*.html.gz")):
        pages[path.name[: -len(".html.gz")]] = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    return pages


def run_copydesk(
    data: Path, pipeline_file: Path
) -> tuple[dict[str, dict[str, Any]], float, float, dict[str, float]]:
    """Records of the pipeline over every page, by id, the run's wall and CPU seconds, and the
    wall seconds of each step (as the runner counts them)."""
    from copydesk import read_config, run_pipeline
    from copydesk.pipeline import build_pipeline

    with tempfile.TemporaryDirectory() as tmp:
        # The baselines are handed pages already decompressed; copydesk is handed the same pages
        # as .html files (gunzip is how the data set is stored, neither tool's work). copydesk
        # still reads and decodes each file itself, which the baselines are not timed for.
        unpacked = Path(tmp) / "pages"
        unpacked.mkdir()
        files = []
        for path in sorted((data / "html").glob("*.html.gz")):
            page = unpacked / path.name[: -len(".gz")]
            page.write_bytes(gzip.decompress(path.read_bytes()))
            files.append(str(page))
        warm = build_pipeline(read_config(str(pipeline_file)))
        run_pipeline(warm, files[:1], output=str(Path(tmp) / "warm.jsonl"))
        pipeline = build_pipeline(read_config(str(pipeline_file)))
        out = Path(tmp) / "records.jsonl"
        start, cpu_start = time.perf_counter(), time.process_time()
        summary = run_pipeline(pipeline, files, output=str(out))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        records = {r["id"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    if summary.failed or summary.dropped:
        print(f"copydesk: {summary.failed} failed, {summary.dropped} dropped ({dict(summary.reasons)})")
    return records, seconds, cpu, dict(summary.step_seconds)


def trafilatura_extractor() -> Callable[[str], str]:
    import trafilatura

    def extract(html: str) -> str:
        return trafilatura.extract(html, include_comments=False) or ""

    return extract


def readability_extractor(scorer_dir: Path) -> Callable[[str], str]:
    from readability import Document

    sys.path.insert(0, str(scorer_dir))
    from run_baselines import html_to_text  # the benchmark's own block-aware text of readability's HTML

    def extract(html: str) -> str:
        return str(html_to_text(Document(html).summary(html_partial=True)))

    return extract


def run_baseline(extract: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], float, float]:
    """Predictions and the summed wall and CPU seconds of the calls (one untimed warm-up page first)."""
    first = next(iter(pages.values()))
    with contextlib.suppress(Exception):  # a warm-up failure shows again in the timed pass
        extract(first)
    output, total, cpu = {}, 0.0, 0.0
    for page_id, html in pages.items():
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            text = extract(html)
        except Exception:
            text = ""
        total += time.perf_counter() - start
        cpu += time.process_time() - cpu_start
        output[page_id] = text
    return output, total, cpu


_WORD = re.compile(r"\w+")


def why(scorer: Any, truth: str, record: dict[str, Any]) -> str:
    """What went wrong on one page: the furniture kept, or the article text removed and by which rule."""
    truth_shingles = scorer.shingles(scorer.tokenize(truth))
    notes = []
    extra = [p for p in record["text"].split("\n\n") if p and not _overlap(scorer, p, truth_shingles)]
    if extra:
        notes.append(f"kept {len(extra)} non-article blocks, e.g. {extra[0][:70]!r}")
    lost: Counter[str] = Counter()
    example = ""
    for removed in record.get("removed", ()):
        if len(_WORD.findall(removed["text"])) >= 4 and _overlap(scorer, removed["text"], truth_shingles):
            lost[removed["reason"]] += 1
            example = example or removed["text"][:70]
    if lost:
        reasons = ", ".join(f"{reason} x{n}" for reason, n in lost.most_common())
        notes.append(f"removed article text as {reasons}, e.g. {example!r}")
    if not record["text"]:
        notes.insert(0, "empty body")
    return "; ".join(notes) or "article text absent from the page's blocks (scripted or split differently)"


def _overlap(scorer: Any, text: str, truth_shingles: Any) -> bool:
    mine = scorer.shingles(scorer.tokenize(text))
    total = sum(mine.values())
    return bool(total) and sum((mine & truth_shingles).values()) / total >= 0.5


TRAFILATURA, READABILITY = "trafilatura 2.3.1", "readability-lxml"


def one_pass(tool: str, data: Path, pipeline: Path) -> dict[str, Any]:
    """Texts by page id, wall and CPU seconds (and copydesk's step seconds) of one timed pass."""
    if tool == "copydesk":
        records, seconds, cpu, steps = run_copydesk(data, pipeline)
        return {"texts": {k: r["text"] for k, r in records.items()}, "seconds": seconds, "cpu": cpu, "steps": steps}
    pages = load_pages(data)
    extract = trafilatura_extractor() if tool == TRAFILATURA else readability_extractor(data.resolve().parent)
    texts, seconds, cpu = run_baseline(extract, pages)
    return {"texts": texts, "seconds": seconds, "cpu": cpu, "steps": {}}


def isolated_pass(tool: str, data: Path, pipeline: Path) -> dict[str, Any]:
    """One timed pass of `tool` in a fresh interpreter, as ``run_baselines.py`` times its passes:
    no tool runs in a process that another tool's caches and garbage have filled."""
    command = [sys.executable, __file__, "--one-pass", tool, "--data", str(data), "--pipeline", str(pipeline)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the timed pass of {tool} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data",
        type=Path,
        default=shared_path("bench", "extraction", "scrapinghub"),
        help="benchmark set (html/ + ground-truth.json)",
    )
    parser.add_argument("--pipeline", type=Path, default=ROOT / "pipelines" / "news.toml")
    parser.add_argument("--worst", type=int, default=10, help="how many of copydesk's worst pages to explain")
    parser.add_argument("--no-baselines", action="store_true", help="run copydesk only")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="timed passes per tool, each in a fresh interpreter, taken in turns; speed = the median pass",
    )
    parser.add_argument("--one-pass", choices=["copydesk", TRAFILATURA, READABILITY], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_pass:  # a child process: one timed pass, its result as the last line of output
        print(json.dumps(one_pass(args.one_pass, args.data, args.pipeline)))
        return

    scorer = load_scorer(args.data)
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    pages = load_pages(args.data)

    tools = ["copydesk"] if args.no_baselines else ["copydesk", TRAFILATURA, READABILITY]
    # Passes go in turns (copydesk, trafilatura, readability, copydesk, ...), so a busy spell
    # of the machine falls on every tool alike; each tool's speed is its median pass.
    passes: dict[str, list[dict[str, Any]]] = {tool: [] for tool in tools}
    for _ in range(max(1, args.repeat)):
        for tool in tools:
            passes[tool].append(isolated_pass(tool, args.data, args.pipeline))
    records, *_ = run_copydesk(args.data, args.pipeline)  # the records, for the worst pages' notes
    results = {
        name: (
            runs[0]["texts"],
            statistics.median(r["seconds"] for r in runs),
            statistics.median(r["cpu"] for r in runs),
        )
        for name, runs in passes.items()
    }
    step_passes = [r["steps"] for r in passes["copydesk"]]

    print(
        f"{len(pages)} pages from {args.data}; speed: the median of {max(1, args.repeat)} passes per tool,"
        " each in a fresh interpreter"
    )
    print(plugin_builds(args.pipeline))
    print("pages/s: wall clock; pages/CPU-s: per second of the pass's own CPU time (steadier on a shared machine)")
    print(
        f"{'tool':<18} {'F1':>6} {'prec':>6} {'recall':>6} {'pages/s':>8} {'pages/CPU-s':>11}"
        "  vs trafilatura (wall/CPU; median of per-turn ratios)"
    )
    reference = results.get(TRAFILATURA)
    # The ratio is taken turn by turn (each pass against trafilatura's pass of the same turn),
    # then the median: the machine's speed drifts between turns, which a ratio of the two
    # tools' medians would mix in.
    ratios: dict[str, tuple[float, float]] = {}
    if reference:
        for name, runs in passes.items():
            pairs = list(zip(runs, passes[TRAFILATURA], strict=True))
            ratios[name] = (
                statistics.median(t["seconds"] / r["seconds"] for r, t in pairs),
                statistics.median(t["cpu"] / r["cpu"] for r, t in pairs),
            )
    per_doc_copydesk: dict[str, Any] = {}
    for name, (texts, secs, cpu_secs) in results.items():
        summary, per_doc = scorer.evaluate(truth, {k: {"articleBody": v} for k, v in texts.items()})
        ratio = f"{ratios[name][0]:.2f}x / {ratios[name][1]:.2f}x" if reference else "-"
        print(
            f"{name:<18} {summary['f1']:6.3f} {summary['precision']:6.3f} {summary['recall']:6.3f} "
            f"{len(pages) / secs:8.1f} {len(pages) / cpu_secs:11.1f}  {ratio}"
        )
        if name == "copydesk":
            per_doc_copydesk = per_doc
    steps = {name: statistics.median(p.get(name, 0.0) for p in step_passes) for name in step_passes[0]}
    other = results["copydesk"][1] - sum(steps.values())
    print(
        "copydesk's wall ms per page by step (median pass): "
        + ", ".join(f"{name} {secs / len(pages) * 1000:.2f}" for name, secs in steps.items())
        + f", reading/writing/runner {other / len(pages) * 1000:.2f}"
    )
    print(f"\ncopydesk's worst {args.worst} pages:")
    for page_id in sorted(per_doc_copydesk, key=lambda k: per_doc_copydesk[k]["f1"])[: args.worst]:
        scores = per_doc_copydesk[page_id]
        record = records.get(page_id, {"text": "", "removed": []})
        print(
            f"  {page_id[:12]} F1 {scores['f1']:.3f} P {scores['precision'] or 0:.3f} "
            f"R {scores['recall'] or 0:.3f} {truth[page_id].get('url', '')[:60]}"
        )
        print(f"      {why(scorer, truth[page_id]['articleBody'], record)}")


if __name__ == "__main__":
    main()
