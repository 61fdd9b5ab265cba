"""Scale benchmark: throughput over cores, Dask against the process pool, flat memory, overhead.

Builds a synthetic corpus in a temporary folder (never in the repository) from the shared
benchmark pages and the seeds, every document with its own id, then runs the real
``copydesk run`` command over it and prints, against the targets of issue 5:

- documents/s with the process pool at 1 and 2 workers (target: 2 workers >= 1.8x);
- the Dask LocalCluster with 2 workers against the process pool (target: <= 15% slower);
- peak memory per process over 2,000 and 20,000 documents (target: flat, <= 1.2x, < 300 MB);
- framework overhead per document with no-op steps, in process (target: <= 50 us).

Usage (from the repository root)::

    .venv/bin/python benchmarks/scale.py                      # everything, 20,000 documents
    .venv/bin/python benchmarks/scale.py --only overhead      # just the no-op overhead (10,000 docs)
    .venv/bin/python benchmarks/scale.py --pipeline pipelines/news.toml --kind text --format files

``--kind html`` makes HTML documents (for a pipeline with an HTML parser); ``--format``
writes the corpus as files in folders, one JSONL file, or one WARC.gz archive.
The ``plugins:`` line says which plugins ran compiled: ``.venv`` (editable) runs them as
pure Python, a venv with ``pip install . plugins/...`` (not editable) compiled.
Timings vary with the machine's load: run it on a quiet machine, or with ``--repeat 3``
(each measurement keeps its fastest run); "cores busy" in each row shows how much CPU the
run actually got.
"""

from __future__ import annotations

import argparse
import gzip
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
from plugin_builds import plugin_builds
from shared_data import shared_path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = shared_path("bench", "extraction", "scrapinghub", "html")
COPYDESK = str(Path(sys.executable).with_name("copydesk"))


# -- the corpus -----------------------------------------------------------------------------


class _PageText(HTMLParser):
    """Visible text of a page, a blank line between blocks: enough to make news-like text."""

    BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "li", "title", "br", "tr", "section", "article"})
    SKIP = frozenset({"script", "style", "noscript", "template", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)

    def text(self) -> str:
        blocks = (" ".join(b.split()) for b in "".join(self.parts).split("\n\n"))
        return "\n\n".join(b for b in blocks if b)


def _page_text(markup: str) -> str:
    parser = _PageText()
    parser.feed(markup)
    return parser.text()


def source_documents(pages: Path, seeds: Path, kind: str) -> list[tuple[str, bytes]]:
    """(name, content) of each distinct document the corpus cycles through."""
    found: list[tuple[str, bytes]] = []
    for seed in sorted(seeds.glob("*.txt")):
        text = seed.read_text("utf-8")
        if kind == "html":
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
            found.append((seed.stem, f"<!doctype html><html><body>{paragraphs}</body></html>".encode()))
        else:
            found.append((seed.stem, text.encode()))
    for page in sorted(pages.glob("*.html*")):
        raw = gzip.decompress(page.read_bytes()) if page.name.endswith(".gz") else page.read_bytes()
        name = page.name.split(".", 1)[0][:16]
        if kind == "html":
            found.append((name, raw))
        else:
            text = _page_text(raw.decode("utf-8", "replace"))
            if text.strip():
                found.append((name, text.encode()))
    if not found:
        raise SystemExit(f"no seeds in {seeds} and no pages in {pages}")
    return found


def _documents(sources: list[tuple[str, bytes]], count: int, kind: str) -> Iterator[tuple[str, bytes]]:
    """`count` documents, cycling through `sources`, each with a unique id and a unique last line."""
    for i in range(count):
        name, content = sources[i % len(sources)]
        note = f"Corrected on update {i}."
        tail = f"<p>{note}</p>".encode() if kind == "html" else f"\n\n{note}\n".encode()
        yield f"{i:06d}-{name}", content + tail


def build_corpus(folder: Path, sources: list[tuple[str, bytes]], count: int, kind: str, fmt: str) -> Path:
    """Write `count` documents under `folder` as files (1,000 a folder), one JSONL file or one WARC.gz."""
    suffix = ".html" if kind == "html" else ".txt"
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "files":
        for i, (doc_id, content) in enumerate(_documents(sources, count, kind)):
            sub = folder / f"{i // 1000:03d}"
            if i % 1000 == 0:
                sub.mkdir(exist_ok=True)
            (sub / f"{doc_id}{suffix}").write_bytes(content)
        return folder
    if fmt == "jsonl":
        path = folder / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc_id, content in _documents(sources, count, kind):
                url = f"https://news.example/{doc_id}"
                fh.write(json.dumps({"id": doc_id, "url": url, "content": content.decode("utf-8", "replace")}) + "\n")
        return path
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = folder / "corpus.warc.gz"
    media_type = "text/html" if kind == "html" else "text/plain"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for doc_id, content in _documents(sources, count, kind):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", f"{media_type}; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news.example/{doc_id}", "response", payload=io.BytesIO(content), http_headers=headers
            )
            writer.write_record(record)
    return path


def pipeline_config(base: Path, fmt: str, folder: Path) -> Path:
    """The benchmark's pipeline: `base` with the corpus format's source and plugin added."""
    text = base.read_text("utf-8")
    if fmt == "files":
        return base
    plugin, source = {
        "jsonl": ("jsonl", 'use = "jsonl.lines"\nwith = { content = "content" }'),
        "warc": ("warc", 'use = "warc.records"'),
    }[fmt]
    text = re.sub(r"plugins = \[", f'plugins = ["{plugin}", ', text, count=1)
    text = text.replace("[[steps]]", f"[input]\n{source}\n\n[[steps]]", 1)
    path = folder / f"pipeline-{fmt}.toml"
    path.write_text(text, "utf-8")
    return path


# -- measuring a run --------------------------------------------------------------------------


@attrs.frozen
class Measurement:
    label: str
    read: int
    written: int
    seconds: float  # the run itself, from its --stats
    wall: float  # the whole command, start-up included
    main_mb: float  # peak resident memory of the copydesk process
    worker_mb: float  # highest peak of any other process of the run (workers, fork server, nannies)
    main_cpu: float  # CPU seconds of the copydesk process
    worker_cpu: float  # CPU seconds of all its other processes

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0


#: Seconds between looks at the run's processes. Peak memory is the kernel's high-water mark
#: (VmHWM), so rare looks lose nothing; frequent ones would take CPU from the run being timed.
WATCH_INTERVAL = 0.5


def _peak_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(label: str, config: Path, corpus: Path, out: Path, *args: str) -> Measurement:
    """Run ``copydesk run`` and watch the peak memory of every process it starts."""
    import psutil

    stats = out.with_suffix(".stats.json")
    command = [COPYDESK, "run", str(config), str(corpus), "-o", str(out), "--stats", str(stats), "--no-progress", *args]
    started = time.perf_counter()
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def watch() -> None:
        root = psutil.Process(run.pid)
        while not stop.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for process in tree:
                peaks[process.pid] = max(peaks.get(process.pid, 0), _peak_kb(process.pid))
                try:
                    times = process.cpu_times()
                    cpu[process.pid] = times.user + times.system
                except psutil.Error:
                    pass
            stop.wait(WATCH_INTERVAL)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, errors = run.communicate()
    wall = time.perf_counter() - started
    stop.set()
    watcher.join()
    if run.returncode not in (0, 1) or not stats.exists():
        raise SystemExit(f"{label}: copydesk run failed ({run.returncode}):\n{errors[-3000:]}")
    summary = json.loads(stats.read_text("utf-8"))
    main = peaks.pop(run.pid, 0)
    main_cpu = cpu.pop(run.pid, 0.0)
    other_mb = max(peaks.values(), default=0) / 1024
    read, seconds = summary["read"], summary["seconds"]
    return Measurement(
        label, read, summary["written"], seconds, wall, main / 1024, other_mb, main_cpu, sum(cpu.values())
    )


# -- framework overhead with no-op steps ------------------------------------------------------


OVERHEAD_ROUNDS = 5


def overhead(count: int, steps: int, folder: Path) -> tuple[float, float]:
    """µs per document of the runner itself: a trivial parser, no-op steps, a minimal record.

    Returns (µs per document for the whole run, µs per document spent inside the steps).
    The inputs come from one JSONL file so that file-system time does not count.
    """
    import copydesk
    from copydesk import Block, Document, JsonlFile, RunInfo, StepContext

    class Parse:
        def __call__(self, doc: Document, ctx: StepContext) -> Document:
            text = (doc.raw or b"").decode("utf-8")
            return Document(
                id=doc.id, source=doc.source, text=text, parsed_by=ctx.step, blocks=(Block(0, len(text), "paragraph"),)
            )

    class Nothing:
        def __call__(self, doc: Document, ctx: StepContext) -> Document:
            return doc

    class IdSink:
        def __init__(self, path: str = "out.jsonl") -> None:
            self.path = path
            self._file: JsonlFile | None = None

        def build(self, doc: Document, run: RunInfo) -> dict[str, Any]:
            return {"id": doc.id, "chars": len(doc.text)}

        def open(self, path: str | None, resume: bool) -> set[str]:
            self.path = path or self.path
            self._file = JsonlFile(self.path)
            return self._file.open(resume)

        def write(self, doc_id: str, line: str) -> None:
            assert self._file is not None
            self._file.write_line(line)

        def close(self, complete: bool) -> None:
            if self._file is not None:
                self._file.close(complete)

    class NoopPlugin:
        @staticmethod
        @copydesk.hookimpl
        def copydesk_register_steps(register: copydesk.Register) -> None:
            register("noop.parse", Parse, media_types=("text/plain",))
            register("noop.nothing", Nothing)

        @staticmethod
        @copydesk.hookimpl
        def copydesk_register_sinks(register: copydesk.Register) -> None:
            schema = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
            register("noop.ids", IdSink, record_schema=schema)

    corpus = folder / "noop.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(count):
            fh.write(json.dumps({"id": f"doc{i}", "text": f"Paragraph number {i} of a small article."}) + "\n")
    toml = "\n".join(
        [
            '[pipeline]\nname = "noop"\nplugins = ["noop", "jsonl"]',
            '[input]\nuse = "jsonl.lines"\nwith = { media_type = "text/plain" }',
            '[[steps]]\nuse = "noop.parse"',
            *(['[[steps]]\nuse = "noop.nothing"'] * steps),
            '[output]\nuse = "noop.ids"',
        ]
    )
    pipeline = copydesk.build_pipeline(copydesk.parse_config(toml), extra_plugins=[("noop", NoopPlugin)])
    rounds = []
    for _ in range(OVERHEAD_ROUNDS):  # the best round, as timeit does: other load only adds time
        started = time.perf_counter()
        summary = copydesk.run_pipeline(pipeline, [str(corpus)], output=str(folder / "noop-out.jsonl"))
        elapsed = time.perf_counter() - started
        assert summary.written == count, summary.text()
        in_steps = sum(v for k, v in summary.step_seconds.items() if k != "record")
        rounds.append((elapsed / count * 1e6, in_steps / count * 1e6))
    return min(rounds)


# -- what the machine gives right now -----------------------------------------------------------


def _burn(seconds: float) -> int:
    """Spin for `seconds` of CPU time."""
    started, spins = time.process_time(), 0
    while time.process_time() - started < seconds:
        spins += 1
    return spins


def machine_speedup(seconds: float = 1.0) -> float:
    """How much faster two CPU-bound processes finish than one, on this machine, now.

    The ceiling for any 2-worker speedup measured next to it: on a machine shared with other
    jobs it falls well below 2.
    """
    import multiprocessing

    started = time.perf_counter()
    _burn(seconds)
    one = time.perf_counter() - started
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_burn, [0.01, 0.01])  # start-up outside the timing
        started = time.perf_counter()
        pool.map(_burn, [seconds, seconds])
        two = time.perf_counter() - started
    return 2 * one / two


# -- the report -------------------------------------------------------------------------------


def _row(m: Measurement) -> str:
    return (
        f"  {m.label:<34} {m.read:>7} docs ({m.written} written) {m.seconds:>7.2f}s {m.rate:>8.1f} docs/s  "
        f"(wall {m.wall:.1f}s)  peak MB: main {m.main_mb:.0f}, other max {m.worker_mb:.0f}; "
        f"CPU s: main {m.main_cpu:.1f}, others {m.worker_cpu:.1f}; "
        f"cores busy {(m.main_cpu + m.worker_cpu) / m.wall:.2f}"
    )


def _memory_line(small: Measurement, large: Measurement) -> str:
    ratio = max(large.main_mb / small.main_mb, large.worker_mb / max(small.worker_mb, 1))
    return (
        f"  memory {small.read} -> {large.read} docs ({large.label}): main {small.main_mb:.0f} -> "
        f"{large.main_mb:.0f} MB, others {small.worker_mb:.0f} -> {large.worker_mb:.0f} MB: "
        f"{ratio:.2f}x (<= 1.2x): {_verdict(ratio <= 1.2)}"
    )


def _verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="benchmark HTML pages (.html or .html.gz)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="seed articles (.txt)")
    parser.add_argument("--pipeline", type=Path, default=ROOT / "pipelines" / "news.toml", help="pipeline config")
    parser.add_argument("--kind", choices=["text", "html"], default="text", help="document kind the pipeline reads")
    parser.add_argument(
        "--format", choices=["files", "jsonl", "warc"], default="files", help="how the corpus is stored"
    )
    parser.add_argument("--docs", type=int, default=20_000, help="documents in the large corpus")
    parser.add_argument("--small", type=int, default=2_000, help="documents in the small corpus (memory)")
    parser.add_argument("--overhead-docs", type=int, default=10_000, help="documents of the no-op run")
    parser.add_argument("--only", choices=["all", "overhead", "workers", "dask", "memory"], default="all")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the fastest counts")
    parser.add_argument("--keep", action="store_true", help="keep the temporary corpus folder")
    args = parser.parse_args()
    os.chdir(ROOT)
    if args.only != "overhead" and not args.pages.is_dir():
        raise SystemExit(f"no benchmark pages at {args.pages}: give their folder with --pages")

    work = Path(tempfile.mkdtemp(prefix="copydesk-scale-"))
    print(f"corpus folder: {work}", flush=True)
    try:
        if args.only in ("all", "overhead"):
            total, in_steps = overhead(args.overhead_docs, 5, work)
            print(
                f"\nframework overhead, {args.overhead_docs} docs, parser + 5 no-op steps, serial, in process, "
                f"best of {OVERHEAD_ROUNDS} rounds:"
            )
            framework = total - in_steps
            print(f"  {total:.1f} us/doc in all ({in_steps:.1f} inside the steps, {framework:.1f} framework)")
            print(f"  target <= 50 us/doc: {_verdict(framework <= 50)}")
        if args.only == "overhead":
            return
        sources = source_documents(args.pages, args.seeds, args.kind)
        print(f"\n{len(sources)} distinct documents ({args.kind}) from {args.seeds} and {args.pages}")
        large = build_corpus(work / "large", sources, args.docs, args.kind, args.format)
        config = pipeline_config(args.pipeline, args.format, work)
        print(f"pipeline {config}, corpus of {args.docs} as {args.format}")
        print(plugin_builds(config) + "\n", flush=True)
        results: dict[str, Measurement] = {}

        def run(key: str, label: str, corpus: Path, *flags: str) -> Measurement:
            tries = [measure(label, config, corpus, work / f"{key}.jsonl", *flags) for _ in range(args.repeat)]
            m = max(tries, key=lambda t: t.rate)  # the fastest: other load on the machine only slows runs down
            results[key] = m
            print(_row(m), flush=True)
            return m

        if args.only in ("all", "workers", "dask", "memory"):
            run("p2", "processes, 2 workers", large, "--executor", "processes", "--workers", "2")
        if args.only in ("all", "workers"):
            run("serial", "serial", large, "--executor", "serial")
            run("p1", "processes, 1 worker", large, "--executor", "processes", "--workers", "1")
        if args.only in ("all", "dask"):
            run("dask", "dask LocalCluster, 2 workers", large, "--executor", "dask", "--workers", "2")
        if args.only in ("all", "memory"):
            small = build_corpus(work / "small", sources, args.small, args.kind, args.format)
            flags = ("--executor", "processes", "--workers", "2")
            run("p2small", f"processes, 2 workers, {args.small} docs", small, *flags)
            if "dask" in results:
                flags = ("--executor", "dask", "--workers", "2")
                run("dasksmall", f"dask LocalCluster, 2 workers, {args.small} docs", small, *flags)

        print("\n(cores busy below the worker count means other processes held the CPUs: rates are then low)")
        print("targets:")
        if "p1" in results:
            speedup = results["p2"].rate / results["p1"].rate
            print(f"  2 workers / 1 worker: {speedup:.2f}x (>= 1.8x): {_verdict(speedup >= 1.8)}")
            print(f"  (two CPU-bound processes on this machine now: {machine_speedup():.2f}x one; the ceiling)")
            print(f"  2 workers / serial:   {results['p2'].rate / results['serial'].rate:.2f}x")
        if "dask" in results:
            slower = 1 - results["dask"].rate / results["p2"].rate
            print(f"  dask vs processes: {slower * 100:+.1f}% slower (<= 15%): {_verdict(slower <= 0.15)}")
        for small_key, large_key in (("p2small", "p2"), ("dasksmall", "dask")):
            if small_key in results:
                print(_memory_line(results[small_key], results[large_key]))
        if "p2small" in results:
            every = max(max(m.main_mb, m.worker_mb) for m in results.values())
            print(f"  largest process of any run: {every:.0f} MB (< 300 MB): {_verdict(every < 300)}")
    finally:
        if not args.keep:
            import shutil

            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
