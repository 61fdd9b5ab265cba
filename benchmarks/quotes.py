"""Quote attribution, side by side: the pipeline's ``quotes.attribute`` step and textacy.

    python benchmarks/quotes.py [--bench ../shared/bench/quotes] [--dev DIR] [--config pipelines/news.toml]
                                [--compare pipelines/news-spacy.toml ...]
                                [--types direct] [--no-textacy] [--textacy-python PY]
                                [--out DIR] [--errors] [--files START:STOP]

Runs the ``quotes.attribute`` step of the pipeline config over the development set (each
gold article's ``text``, one paragraph block per non-empty line, as the text reader makes
them), writes the predictions in the scorer's format, scores them with the bench's
``score.py`` as written (a subprocess), and prints quote P/R/F1, speaker accuracy and
documents per second. textacy's ``direct_quotations`` runs on the same articles when it
is installed (``pip install -r benchmarks/requirements-quotes.txt``), through the bench's
own ``baseline_textacy.py --per-paragraph``; ``--no-textacy`` skips it.

``--compare CONFIG`` (repeatable) runs the ``quotes.attribute`` step of another pipeline
config on the same articles and prints its row under the first, scored the same way: the
quotes step's opt-in parser mode (``pipelines/news-spacy.toml``) against the default.

Timing covers the quotes step alone (documents are built before the clock starts), in this
one process; the fastest of ``--repeat`` runs is reported, as ``timeit`` does, because the
machine is shared. textacy's time is one run of its script, model loading included.
The ``plugins:`` line says whether the quotes plugin ran compiled (installed
from its wheel, ``pip install plugins/quotes``) or as pure Python (editable, as in ``.venv``).
Scores of both systems come from the same scorer call style, so they compare directly.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from plugin_builds import plugin_builds
from shared_data import shared_path

from copydesk import Block, Document, SourceInfo, build_pipeline, read_config

ROOT = Path(__file__).resolve().parent.parent


def line_blocks(text: str) -> list[Block]:
    """One paragraph block per non-empty line (the first line, the headline, as a title)."""
    blocks: list[Block] = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            kind = "title" if not blocks else "paragraph"
            blocks.append(Block(start, start + len(stripped), kind, provenance=f"line {len(blocks) + 1}"))
        offset += len(line) + 1
    return blocks


def gold_files(folder: Path, files: str | None) -> list[Path]:
    """The gold files in sorted order, or the slice START:STOP of them (``--files 300:400``)."""
    paths = sorted(folder.glob("*.json"))
    if not files:
        return paths
    start, sep, stop = files.partition(":")
    if not sep:
        raise SystemExit(f"--files {files!r}: expected START:STOP, e.g. 0:300")
    try:
        return paths[int(start) if start else None : int(stop) if stop else None]
    except ValueError:
        raise SystemExit(f"--files {files!r}: START and STOP must be integers") from None


def load_gold(paths: list[Path]) -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in paths]


def quotes_step(config_path: Path) -> Any:
    """The instance of the config's ``quotes.attribute`` step, built as a run builds it."""
    pipeline = build_pipeline(read_config(config_path))
    for step in pipeline.steps:
        if step.name == "quotes.attribute":
            return step.instance
    raise SystemExit(f"{config_path}: has no quotes.attribute step")


def documents(gold: list[dict[str, Any]]) -> list[Document]:
    """The gold articles as parsed documents, one block per line, as the text parser would give them."""
    return [
        Document(
            id=g["id"],
            source=SourceInfo(uri=f"bench://{g['id']}", media_type="text/plain", sha256=""),
            text=g["text"],
            parsed_by="benchmark",
            blocks=line_blocks(g["text"]),
        )
        for g in gold
    ]


def predict(step: Any, gold: list[dict[str, Any]], repeat: int = 1) -> tuple[list[dict[str, Any]], float]:
    """Predictions in the scorer's format, and the seconds the step took (fastest of `repeat` runs)."""
    docs = documents(gold)
    seconds = float("inf")
    for _ in range(max(1, repeat)):
        began = time.perf_counter()
        done = [step(doc, None) for doc in docs]
        seconds = min(seconds, time.perf_counter() - began)
    predictions = []
    for doc in done:
        quotes = []
        for span in doc.layer("quotes"):
            speaker = span.data.get("speaker")
            cue = span.data.get("cue")
            quotes.append(
                {
                    "quote": doc.text[span.start : span.end],
                    "quote_start": span.start,
                    "quote_end": span.end,
                    "type": span.label,
                    "speaker": speaker["name"] if speaker else None,
                    "speaker_start": speaker["start"] if speaker else None,
                    "speaker_end": speaker["end"] if speaker else None,
                    "cue": doc.text[cue["start"] : cue["end"]] if cue else None,
                    "cue_start": cue["start"] if cue else None,
                    "cue_end": cue["end"] if cue else None,
                }
            )
        predictions.append({"id": doc.id, "quotes": quotes})
    return predictions, seconds


_ONE_LINE_COUNTS = re.compile(r"\{\s+(\"right\": \d+),\s+(\"predicted\": \d+)\s+\}")


def calibrate(
    step: Any, gold: list[dict[str, Any]], bench: Path, gold_dir: Path, where: str, tmp: Path
) -> dict[str, Any]:
    """The confidence table of `step` (see copydesk_quotes/calibration.py) measured on `gold`.

    Each quote is predicted with its calibration group (``type|prior|speaker class``) as its
    type, so one run of score.py as written gives every group's precision (``per_pred_type``),
    with each gold quote matched to one prediction at most, as in the reported figures.
    """
    from copydesk_quotes.calibration import key_of

    folder = tmp / "calibration"
    folder.mkdir()
    for document in documents(gold):
        quotes = [
            {"quote_start": a.start, "quote_end": a.end, "type": key_of(document.text, a, e)}
            for a, e in step.attributions(document)[0]
        ]
        (folder / f"{document.id}.json").write_text(json.dumps({"id": document.id, "quotes": quotes}), "utf-8")
    by_key = {
        key: {"right": round(found["precision"] * found["n_pred"]), "predicted": found["n_pred"]}
        for key, found in sorted(score(bench, gold_dir, folder, None)["per_pred_type"].items())
    }
    by_type: dict[str, dict[str, int]] = {}
    for key, counts in by_key.items():
        total = by_type.setdefault(key.split("|")[0], {"right": 0, "predicted": 0})
        total["right"] += counts["right"]
        total["predicted"] += counts["predicted"]
    return {
        "measured_on": where,
        "command": "benchmarks/quotes.py --files 0:300 --calibrate plugins/quotes/copydesk_quotes/confidence.json",
        "prior_weight": 20,
        "by_type": dict(sorted(by_type.items())),
        "by_key": by_key,
    }


def with_min_confidence(step: Any, threshold: float) -> Any:
    """The same step with its ``min_confidence`` setting at `threshold`."""
    changed = copy.copy(step)
    changed.min_confidence = threshold
    return changed


def write_predictions(predictions: list[dict[str, Any]], folder: Path, direct_folder: Path) -> None:
    """One JSON file per article into `folder`, and its direct quotes only into `direct_folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    direct_folder.mkdir(parents=True, exist_ok=True)
    for p in predictions:
        (folder / f"{p['id']}.json").write_text(json.dumps(p, ensure_ascii=False), "utf-8")
        direct = {"id": p["id"], "quotes": [q for q in p["quotes"] if q["type"] == "direct"]}
        (direct_folder / f"{p['id']}.json").write_text(json.dumps(direct, ensure_ascii=False), "utf-8")


def score(bench: Path, gold_dir: Path, pred_dir: Path, types: str | None) -> dict[str, Any]:
    """Run score.py as written; return its --json summary."""
    with tempfile.TemporaryDirectory() as tmp:
        summary = Path(tmp) / "summary.json"
        command = [sys.executable, str(bench / "score.py"), str(gold_dir), str(pred_dir), "--json", str(summary)]
        if types:
            command += ["--types", types]
        subprocess.run(command, check=True, capture_output=True, text=True)
        result: dict[str, Any] = json.loads(summary.read_text("utf-8"))["summary"]
        return result


def _pick(summary: dict[str, Any], *keys: str) -> Any:
    value: Any = summary
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def report_line(name: str, summary: dict[str, Any], docs_per_second: float | None) -> str:
    quotes = summary["quotes"]
    speed = f"{docs_per_second:8.1f}" if docs_per_second else "     n/a"
    recall = ", ".join(
        f"{kind} {100 * values['recall']:.1f}" for kind, values in sorted(summary.get("per_gold_type", {}).items())
    )
    return (
        f"{name:<16} P {100 * quotes['precision']:5.1f}  R {100 * quotes['recall']:5.1f}  "
        f"F1 {100 * quotes['f1']:5.1f}  speaker_acc {100 * (summary.get('speaker_acc') or 0):5.1f}  "
        f"e2e F1 {100 * (_pick(summary, 'end2end_quote_plus_speaker', 'f1') or 0):5.1f}  "
        f"pred {quotes['n_pred']:>5}  gold {quotes['n_gold']:>5}  docs/s {speed}\n"
        f"{'':<16} recall by gold type: {recall}"
    )


def run_textacy(bench: Path, gold_dir: Path, out: Path, python: str) -> float | None:
    """textacy's direct_quotations per paragraph via the bench baseline; docs/s, or None if absent."""
    probe = subprocess.run([python, "-c", "import textacy, spacy"], capture_output=True, text=True)
    if probe.returncode != 0:
        print(f"textacy: not importable by {python} (pip install -r benchmarks/requirements-quotes.txt); skipped")
        return None
    began = time.perf_counter()
    command = [python, str(bench / "baseline_textacy.py"), "--per-paragraph", "--out", str(out), str(gold_dir)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    return len(list(gold_dir.glob("*.json"))) / seconds


def error_classes(gold: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> Counter[str]:
    """Coarse counts of misses and false alarms, by gold / predicted type (IoU >= 0.5)."""
    counts: Counter[str] = Counter()
    by_id = {p["id"]: p["quotes"] for p in predictions}
    for g in gold:
        preds = by_id.get(g["id"], [])
        used: set[int] = set()
        for q in g["quotes"]:
            best, best_iou = None, 0.0
            for i, p in enumerate(preds):
                inter = min(q["quote_end"], p["quote_end"]) - max(q["quote_start"], p["quote_start"])
                if inter <= 0 or i in used:
                    continue
                union = max(q["quote_end"], p["quote_end"]) - min(q["quote_start"], p["quote_start"])
                if inter / union > best_iou:
                    best, best_iou = i, inter / union
            if best is not None and best_iou >= 0.5:
                used.add(best)
            elif best is not None:
                counts[f"missed {q['type']}: span overlaps a prediction (IoU < 0.5)"] += 1
            else:
                counts[f"missed {q['type']}: nothing predicted there"] += 1
        for i, p in enumerate(preds):
            if i in used:
                continue
            overlapping = any(
                min(q["quote_end"], p["quote_end"]) > max(q["quote_start"], p["quote_start"]) for q in g["quotes"]
            )
            where = "overlaps a gold quote" if overlapping else "no gold quote there"
            counts[f"false {p['type']}: {where}"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", type=Path, default=shared_path("bench", "quotes"))
    parser.add_argument("--dev", type=Path, default=None, help="gold folder (default BENCH/dev/polnear-train)")
    parser.add_argument("--config", type=Path, default=ROOT / "pipelines" / "news.toml")
    parser.add_argument(
        "--compare",
        type=Path,
        action="append",
        default=[],
        help="another pipeline config whose quotes step runs side by side (e.g. pipelines/news-spacy.toml)",
    )
    parser.add_argument(
        "--types", default=None, help="score only these gold types, e.g. direct (default: all types, then direct)"
    )
    parser.add_argument("--no-textacy", action="store_true", help="do not run the textacy baseline")
    parser.add_argument(
        "--textacy-python", default=sys.executable, help="interpreter with textacy installed (default: this one)"
    )
    parser.add_argument("--out", type=Path, default=None, help="keep predictions here (default: a temp folder)")
    parser.add_argument("--errors", action="store_true", help="print coarse error classes with counts")
    parser.add_argument(
        "--files",
        default=None,
        help="score only the slice START:STOP of the sorted gold files, e.g. 0:300 (tuning) or 300:400 (held out)",
    )
    parser.add_argument(
        "--confidence",
        default=None,
        help="also score the predictions kept at each of these min_confidence values, e.g. 0.7,0.8,0.9 "
        "(what the step's `min_confidence` setting trades)",
    )
    parser.add_argument(
        "--calibrate",
        type=Path,
        default=None,
        metavar="FILE",
        help="measure the confidence table on the articles scored (use --files 0:300) and write it to FILE",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="time the step this many times, report the fastest (default 3)"
    )
    args = parser.parse_args(argv)
    gold_dir = args.dev or args.bench / "dev" / "polnear-train"
    try:
        thresholds = [float(t) for t in args.confidence.split(",")] if args.confidence else []
    except ValueError:
        parser.error(f"--confidence takes numbers separated by commas, not {args.confidence!r}")
    if not gold_dir.is_dir():
        parser.error(f"no development set at {gold_dir} (see --bench / --dev)")
    paths = gold_files(gold_dir, args.files)
    if not paths:
        parser.error(f"no gold files in {gold_dir} (slice {args.files!r})")
    gold = load_gold(paths)
    step = quotes_step(args.config)
    predictions, seconds = predict(step, gold, args.repeat)
    # Each compared step is built (its model loaded) before its clock starts, as the first one.
    compared = [(config.stem, *predict(quotes_step(config), gold, args.repeat)) for config in args.compare]
    runs = [None if args.types == "all" else args.types] if args.types else [None, "direct"]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        if args.files:
            # The scorer and the baseline read a folder: link the slice's files into one.
            gold_dir = Path(tmp) / "gold"
            gold_dir.mkdir()
            for path in paths:
                (gold_dir / path.name).symlink_to(path.resolve())
        ours = out / "copydesk"
        # The same predictions, direct quotes only: what textacy extracts, compared like for like.
        ours_direct = out / "copydesk-direct"
        write_predictions(predictions, ours, ours_direct)
        for name, their_predictions, _seconds in compared:
            write_predictions(their_predictions, out / f"compare-{name}", out / f"compare-{name}-direct")
        theirs = out / "textacy"
        speed = None
        if not args.no_textacy:
            theirs.mkdir(parents=True, exist_ok=True)
            speed = run_textacy(args.bench, gold_dir, theirs, args.textacy_python)
        where = f"{args.dev or args.bench / 'dev' / 'polnear-train'}" + (f" files {args.files}" if args.files else "")
        if args.calibrate is not None:
            measured_on = f"{(args.dev or args.bench / 'dev' / 'polnear-train').name} files {args.files or 'all'}"
            table = calibrate(step, gold, args.bench, gold_dir, measured_on, out)
            # one line per group, so a new measurement reads as a short diff
            text = _ONE_LINE_COUNTS.sub(r"{\1, \2}", json.dumps(table, indent=1))
            args.calibrate.write_text(text + "\n", "utf-8")
            print(f"confidence table of {len(table['by_key'])} groups written to {args.calibrate}")
        print(f"{len(gold)} articles from {where}; IoU >= 0.5; one process")
        print(plugin_builds(args.config))
        for types in runs:
            print(f"\ngold types scored: {types or 'all types'}")
            print(report_line("copydesk quotes", score(args.bench, gold_dir, ours, types), len(gold) / seconds))
            if types == "direct":
                print(
                    report_line("  direct only", score(args.bench, gold_dir, ours_direct, types), len(gold) / seconds)
                )
            for name, _predictions, their_seconds in compared:
                # With --types direct, a compared config's direct predictions only, like "direct only".
                label, folder = f"  {name}", out / f"compare-{name}"
                if types == "direct":
                    label, folder = f"  {name}, direct only", out / f"compare-{name}-direct"
                print(report_line(label, score(args.bench, gold_dir, folder, types), len(gold) / their_seconds))
            if speed is not None:
                print(report_line("textacy (para)", score(args.bench, gold_dir, theirs, types), speed))
            for threshold in thresholds:
                folder = out / f"confidence-{threshold:g}"
                kept, _ = predict(with_min_confidence(step, threshold), gold)
                write_predictions(kept, folder, out / f"confidence-{threshold:g}-direct")
                print(report_line(f"  min_confidence {threshold:g}", score(args.bench, gold_dir, folder, types), None))
    if args.errors:
        for label, found in [(args.config.stem, predictions), *[(n, p) for n, p, _ in compared]]:
            print(f"\nerror classes, {label}:")
            for name, count in sorted(error_classes(gold, found).items(), key=lambda kv: -kv[1]):
                print(f"  {count:6d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
