"""Running a pipeline: each input through the steps, isolated, and accounted for.

As pytest runs a test, the runner runs a document: a step that raises becomes a failure
recorded on that document, and the run goes on (unless the step's ``on_error`` says
``raise``). Every input read ends up written, dropped with a reason, or failed with an
error; the last two go to a rejects file next to the output.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import jsonschema
import jsonschema_rs

from copydesk.config import PipelineConfig
from copydesk.errors import CopydeskError, ExecutorError, PluginError, RunAborted
from copydesk.limits import DEFAULT_STEP_TIME_LIMIT, StepTimeLimit, StepTimeout
from copydesk.model import Document, Drop, SourceInfo, StepFailure
from copydesk.output import JsonlFile, json_line
from copydesk.pipeline import Pipeline, StepContext, build_pipeline
from copydesk.plugins import find_executor
from copydesk.sources import RawInput

WRITTEN, DROPPED, FAILED = "written", "dropped", "failed"


@attrs.frozen
class Outcome:
    """What became of one input; crosses process boundaries, so plain data only."""

    id: str
    uri: str
    status: str
    line: bytes | None = None
    step: str | None = None
    reason: str | None = None
    json_path: str | None = None
    failures: tuple[StepFailure, ...] = ()
    seconds: Mapping[str, float] = attrs.field(factory=dict)
    aborted: bool = False

    def __reduce__(self) -> tuple[Any, ...]:
        # positional rebuild: several times faster to unpickle than attrs' field-by-field state
        return (Outcome, attrs.astuple(self, recurse=False))

    def reject_record(self) -> dict[str, Any]:
        record: dict[str, Any] = {"id": self.id, "uri": self.uri, "status": self.status, "step": self.step}
        record["reason" if self.status == DROPPED else "error"] = self.reason
        if self.json_path:
            record["json_path"] = self.json_path
        if self.failures:
            record["failures"] = [f.describe() for f in self.failures]
        return record


class DocumentProcessor:
    """Turns one :class:`RawInput` into an :class:`Outcome` (a JSON line when written)."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.hook = pipeline.host.hook
        # jsonschema-rs answers "valid?" ~100x faster on the hot path; the reference
        # implementation explains the rare invalid record with its JSON path.
        self.validator = jsonschema.Draft202012Validator(pipeline.record_schema)
        self.fast_validator = jsonschema_rs.validator_for(pipeline.record_schema)
        self.contexts = {s.index: StepContext(s.name, pipeline.run_info) for s in pipeline.steps}
        self.readable = pipeline.parser_media_types
        self.step_time_limit = float(pipeline.config.run.get("step_time_limit", DEFAULT_STEP_TIME_LIMIT))

    def process(self, item: RawInput) -> Outcome:
        return self.run_document(item)[1]

    def run_document(self, item: RawInput) -> tuple[Document | None, Outcome]:
        """Run the steps over one input: the last document (None if none was made) and the outcome.

        The document is the one the last step returned, or the one a failing or dropping step
        received; ``copydesk explain`` shows it.
        """
        if item.error is not None or item.data is None:
            return None, Outcome(item.id, item.uri, FAILED, step="read", reason=item.error or "no data")
        media_type = self.hook.copydesk_sniff_media_type(source=item) or "application/octet-stream"
        if self.readable and media_type not in self.readable:
            reason = f"no step in this pipeline reads {media_type} (readable: {', '.join(sorted(self.readable))})"
            return None, Outcome(item.id, item.uri, FAILED, step="read", reason=reason)
        doc = Document(
            id=item.id, source=SourceInfo(item.uri, media_type, item.sha256), raw=item.data, meta=item.meta
        )
        seconds: dict[str, float] = {}
        with StepTimeLimit(self.step_time_limit) as limit:
            for step in self.pipeline.steps:
                if not step.reads(media_type):
                    continue
                started = time.perf_counter()
                try:
                    limit.arm()
                    try:
                        result = step.instance(doc, self.contexts[step.index])
                    finally:
                        limit.disarm()
                    if not isinstance(result, Document | Drop):
                        raise TypeError(f"step returned {type(result).__name__}, expected Document or Drop")
                    if doc.parsed and isinstance(result, Document) and result.text != doc.text:
                        raise ValueError("step changed Document.text, which is fixed after parsing")
                except Exception as exc:
                    seconds[step.name] = seconds.get(step.name, 0.0) + time.perf_counter() - started
                    message = str(exc) or repr(exc)
                    if isinstance(exc, StepTimeout):
                        message = f"took longer than {limit.seconds:g} s on this document ([run] step_time_limit)"
                    failure = StepFailure(step.name, type(exc).__name__, message)
                    decision = self.hook.copydesk_handle_step_error(
                        document=doc, step=step.name, error=exc, policy=step.on_error
                    )
                    if decision == "keep":
                        doc = attrs.evolve(doc, failures=(*doc.failures, failure))
                        continue
                    return doc, Outcome(
                        doc.id,
                        item.uri,
                        FAILED,
                        step=step.name,
                        reason=failure.describe(),
                        failures=(*doc.failures, failure),
                        seconds=seconds,
                        aborted=decision == "raise",
                    )
                seconds[step.name] = seconds.get(step.name, 0.0) + time.perf_counter() - started
                if isinstance(result, Drop):
                    reason = f"{result.reason}: {result.detail}" if result.detail else result.reason
                    return doc, Outcome(doc.id, item.uri, DROPPED, step=step.name, reason=reason, seconds=seconds)
                doc = result
        if not doc.parsed:
            return doc, Outcome(
                doc.id, item.uri, FAILED, step="parse", reason=f"no step parsed this {media_type} input"
            )
        return doc, self._record(doc, item.uri, seconds)

    def _record(self, doc: Document, uri: str, seconds: dict[str, float]) -> Outcome:
        started = time.perf_counter()
        try:
            record = self.pipeline.sink.build(doc, self.pipeline.run_info)
            for extra in self.hook.copydesk_record_fields(document=doc):
                if extra:
                    record.update(extra)
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            return Outcome(doc.id, uri, FAILED, step="record", reason=reason, failures=doc.failures, seconds=seconds)
        error = None
        if not self.fast_validator.is_valid(record):
            error = jsonschema.exceptions.best_match(self.validator.iter_errors(record))
        seconds["record"] = time.perf_counter() - started
        if error is not None:
            return Outcome(
                doc.id,
                uri,
                FAILED,
                step="validate",
                reason=f"record does not match the schema: {error.message}",
                json_path=error.json_path,
                failures=doc.failures,
                seconds=seconds,
            )
        line = json_line(record)
        return Outcome(doc.id, uri, WRITTEN, line=line, failures=doc.failures, seconds=seconds)


class PipelineJob:
    """What a worker needs to build the pipeline itself: the config, not live objects.

    A job pickles to its config and the names of any extra plugin modules; a process that
    unpickles the same job more than once (a Dask worker gets it with every task) builds
    the pipeline only the first time.
    """

    def __init__(
        self,
        config: PipelineConfig,
        extra_plugins: Iterable[tuple[str, Any]] = (),
        versions: Mapping[str, str] | None = None,
    ) -> None:
        self.config = config
        self.extra_plugins = list(extra_plugins)
        self.versions = dict(versions) if versions is not None else None
        self.token = uuid.uuid4().hex
        self._processor: DocumentProcessor | None = None

    @classmethod
    def for_pipeline(cls, pipeline: Pipeline, extra_plugins: Iterable[tuple[str, Any]] = ()) -> PipelineJob:
        job = cls(pipeline.config, extra_plugins, versions=pipeline.run_info.plugins)
        job._processor = DocumentProcessor(pipeline)
        return job

    def processor(self) -> DocumentProcessor:
        if self._processor is None:
            self._processor = _built_processors.get(self.token)
        if self._processor is None:
            pipeline = build_pipeline(self.config, extra_plugins=self.extra_plugins)
            found = dict(pipeline.run_info.plugins)
            if self.versions is not None and found != self.versions:
                raise PluginError(
                    f"this worker has other plugin versions ({_versions(found)}) than the run that "
                    f"started it ({_versions(self.versions)}); install the same versions everywhere"
                )
            self._processor = DocumentProcessor(pipeline)
            _built_processors[self.token] = self._processor
            while len(_built_processors) > MAX_BUILT_PIPELINES:
                del _built_processors[next(iter(_built_processors))]
        return self._processor

    def __call__(self, item: RawInput) -> Outcome:
        return self.processor().process(item)

    def lost(self, item: RawInput, reason: str) -> Outcome:
        """The outcome of an input whose worker died: failed, with `reason`."""
        return Outcome(item.id, item.uri, FAILED, step="worker", reason=reason)

    def __getstate__(self) -> dict[str, Any]:
        extra = [
            (name, _ModuleRef(obj.__name__) if isinstance(obj, ModuleType) else obj) for name, obj in self.extra_plugins
        ]
        return {"config": self.config, "extra_plugins": extra, "versions": self.versions, "token": self.token}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config = state["config"]
        self.extra_plugins = [
            (name, importlib.import_module(obj.module) if isinstance(obj, _ModuleRef) else obj)
            for name, obj in state["extra_plugins"]
        ]
        self.versions = state["versions"]
        self.token = state["token"]
        self._processor = None


#: Pipelines built in this process, by job token (a long-lived worker may serve several runs).
_built_processors: dict[str, DocumentProcessor] = {}
MAX_BUILT_PIPELINES = 4


@attrs.frozen
class _ModuleRef:
    """A plugin module crossing a process boundary by name (modules do not pickle)."""

    module: str


def _versions(versions: Mapping[str, str]) -> str:
    return ", ".join(f"{name} {version}" for name, version in sorted(versions.items())) or "none"


@attrs.define
class RunSummary:
    """Counts and timings of a run; ``read == written + dropped + failed`` always holds."""

    pipeline: str
    read: int = 0
    written: int = 0
    dropped: int = 0
    failed: int = 0
    resumed: int = 0
    kept_errors: int = 0
    reasons: Counter[str] = attrs.field(factory=Counter)
    step_seconds: dict[str, float] = attrs.field(factory=dict)
    seconds: float = 0.0
    output: str | None = None
    rejects: str | None = None
    aborted: str | None = None
    executor: str | None = None

    def add(self, outcome: Outcome) -> None:
        self.read += 1
        if outcome.status == WRITTEN:
            self.written += 1
        elif outcome.status == DROPPED:
            self.dropped += 1
            self.reasons[f"dropped: {_reason_key(outcome.reason)}"] += 1
        else:
            self.failed += 1
            self.reasons[f"failed at {outcome.step}"] += 1
        if outcome.failures and outcome.status == WRITTEN:
            self.kept_errors += 1
        for name, secs in outcome.seconds.items():
            self.step_seconds[name] = self.step_seconds.get(name, 0.0) + secs

    @property
    def docs_per_second(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "pipeline": self.pipeline,
            "read": self.read,
            "written": self.written,
            "dropped": self.dropped,
            "failed": self.failed,
            "resumed": self.resumed,
            "kept_errors": self.kept_errors,
            "reasons": dict(self.reasons.most_common()),
            "step_seconds": {k: round(v, 6) for k, v in self.step_seconds.items()},
            "seconds": round(self.seconds, 6),
            "docs_per_second": round(self.docs_per_second, 3),
            "output": self.output,
            "rejects": self.rejects,
            "aborted": self.aborted,
            "executor": self.executor,
        }

    def text(self) -> str:
        lines = [
            f"{self.read} read: {self.written} written, {self.dropped} dropped, {self.failed} failed"
            + (f" ({self.resumed} already done, skipped)" if self.resumed else "")
            + f" in {self.seconds:.2f}s ({self.docs_per_second:.1f} docs/s)"
            + (f" [{self.executor}]" if self.executor else "")
        ]
        for reason, count in self.reasons.most_common():
            lines.append(f"  {count:>6}  {reason}")
        if self.output:
            lines.append(f"records: {self.output}")
        if self.rejects and (self.dropped or self.failed):
            lines.append(f"rejects: {self.rejects}")
        if self.aborted:
            lines.append(f"stopped: {self.aborted}")
        return "\n".join(lines)


def _reason_key(reason: str | None) -> str:
    return (reason or "no reason").split(":", 1)[0]


def rejects_path(output: str | Path) -> Path:
    """``out/x.jsonl`` -> ``out/x.rejects.jsonl``."""
    path = Path(output)
    stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
    return path.with_name(stem + ".rejects.jsonl")


#: Young-generation threshold of the cyclic garbage collector while a run is going. A page
#: makes tens of thousands of small lists, tuples and dicts that reference counting frees;
#: at CPython's default (700) the collector would scan the young objects dozens of times per
#: page, and the whole heap (loaded models and locale data included) every few pages, for
#: next to no cyclic garbage. The old thresholds come back when the run ends.
RUN_GC_THRESHOLD = 20_000


@contextlib.contextmanager
def _batch_gc() -> Iterator[None]:
    """Collect cyclic garbage less often during a run (see ``RUN_GC_THRESHOLD``)."""
    old = gc.get_threshold()
    if old[0] == 0:  # threshold 0 turns collection off: leave that choice alone
        yield
        return
    gc.set_threshold(max(old[0], RUN_GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@_batch_gc()
def run_pipeline(
    pipeline: Pipeline,
    inputs: Iterable[str],
    *,
    output: str | None = None,
    executor: str | None = None,
    workers: int | None = None,
    resume: bool = False,
    executor_options: Mapping[str, Any] | None = None,
    extra_plugins: Iterable[tuple[str, Any]] = (),
    on_outcome: Callable[[Outcome, RunSummary], None] | None = None,
) -> RunSummary:
    """Run `pipeline` over `inputs` and write records; return the summary.

    `executor`, `workers` and `executor_options` override the config's ``[run]`` table.
    """
    hook = pipeline.host.hook
    summary = RunSummary(pipeline=pipeline.config.name)
    pool = make_executor(pipeline, executor, workers, executor_options)
    describe = getattr(pool, "describe", None)
    summary.executor = describe() if callable(describe) else type(pool).__name__

    sink = pipeline.sink
    done = sink.open(output, resume)
    rejects = JsonlFile(rejects_path(sink.path))
    done |= rejects.open(resume)
    summary.output, summary.rejects = str(sink.path), str(rejects.path)
    hook.copydesk_run_started(pipeline=pipeline.config.name, steps=[s.name for s in pipeline.steps])
    job = PipelineJob.for_pipeline(pipeline, extra_plugins)
    started = time.perf_counter()
    complete = False
    try:
        items = _unique(pipeline.source.read(inputs), done, summary)
        for outcome in pool.map(job, items):
            summary.add(outcome)
            if outcome.status == WRITTEN and outcome.line is not None:
                sink.write(outcome.id, outcome.line)
            else:
                rejects.write_line(json_line(outcome.reject_record()))
            hook.copydesk_document_done(
                doc_id=outcome.id, outcome=outcome.status, reason=outcome.reason, failures=outcome.failures
            )
            if on_outcome is not None:
                on_outcome(outcome, summary)
            if outcome.aborted:
                summary.aborted = f"{outcome.uri}: {outcome.reason} (on_error = raise)"
                raise RunAborted(summary.aborted)
        complete = True
    finally:
        summary.seconds = time.perf_counter() - started
        sink.close(complete)
        rejects.close(complete)
        close = getattr(pool, "close", None)
        if callable(close):
            close()
        hook.copydesk_run_finished(summary=summary)
    return summary


def make_executor(
    pipeline: Pipeline, name: str | None, workers: int | None, options: Mapping[str, Any] | None = None
) -> Any:
    """The executor `name` (default: the config's, else serial), built with its checked options.

    Options come from ``[run] with`` in the config, overridden by `options` (CLI flags).
    """
    run = pipeline.config.run
    executor_name = name or str(run.get("executor", "serial"))
    component = find_executor(pipeline.host, executor_name)
    if component is None:
        names = ", ".join(pipeline.host.registry.names("executor"))
        raise CopydeskError(
            f"unknown executor {executor_name!r}; executors: {names} "
            f"(a plugin may add more, e.g. pip install copydesk-dask for 'dask')"
        )
    merged = {**dict(run.get("with", {})), **{k: v for k, v in (options or {}).items() if v is not None}}
    validator = jsonschema.Draft202012Validator(dict(component.config_schema))
    problems = [
        f"{'.'.join(map(str, e.absolute_path)) or 'options'}: {e.message}" for e in validator.iter_errors(merged)
    ]
    if problems:
        raise CopydeskError(f"executor {executor_name!r}: " + "; ".join(problems))
    try:
        return component.factory(workers=workers or run.get("workers"), **merged)
    except ExecutorError as exc:  # e.g. its cluster cannot be reached: nothing was read yet
        raise CopydeskError(str(exc)) from None


def _unique(items: Iterable[RawInput], done: set[str], summary: RunSummary) -> Iterator[RawInput]:
    """Skip inputs an earlier run finished; fail a second input with an id already seen."""
    seen: dict[str, str] = {}
    for item in items:
        if item.id in done:
            summary.resumed += 1
            continue
        if item.id in seen:
            yield attrs.evolve(item, data=None, error=f"duplicate id {item.id!r}, already read from {seen[item.id]}")
            continue
        seen[item.id] = item.uri
        yield item
