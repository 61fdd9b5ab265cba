"""From a checked config to runnable parts: steps, source, sink, record schema.

Everything a config can get wrong is found here, before any input is read, and all
problems are reported together.
"""

from __future__ import annotations

import copy
import importlib.util
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import attrs

from copydesk.config import PipelineConfig, closest, schema_problems
from copydesk.errors import ConfigError, PluginError
from copydesk.model import Document, Drop
from copydesk.plugins import PluginHost, available_plugins, find_executor, load_plugins
from copydesk.registry import Component


@attrs.frozen
class RunInfo:
    """What a record says about the run that made it."""

    pipeline: str
    plugins: Mapping[str, str]


@attrs.frozen
class StepContext:
    """Handed to every step call: which step this is, in which pipeline."""

    step: str
    run: RunInfo


@runtime_checkable
class Step(Protocol):
    """A pipeline step: built from its validated ``with`` table, called per document."""

    def __call__(self, doc: Document, ctx: StepContext) -> Document | Drop: ...


class Sink(Protocol):
    """Writes records. ``build`` may run in worker processes; the rest in the main one."""

    def build(self, doc: Document, run: RunInfo) -> dict[str, Any]: ...

    def open(self, path: str | None, resume: bool) -> set[str]: ...

    def write(self, doc_id: str, line: bytes) -> None:
        """Write one record: `line` is its JSON, UTF-8, one line without the newline."""

    def close(self, complete: bool) -> None: ...

    @property
    def path(self) -> str: ...


@attrs.frozen
class BoundStep:
    """A step of this pipeline: its name, instance, error policy and media types."""

    index: int
    name: str
    instance: Any
    on_error: str
    media_types: tuple[str, ...]

    def reads(self, media_type: str) -> bool:
        return not self.media_types or media_type in self.media_types


@attrs.define
class Pipeline:
    """A config made runnable."""

    config: PipelineConfig
    host: PluginHost
    steps: list[BoundStep]
    source: Any
    sink: Any
    record_schema: dict[str, Any]
    run_info: RunInfo

    @property
    def parser_media_types(self) -> set[str]:
        return {m for step in self.steps for m in step.media_types}

    def describe(self) -> str:
        """The resolved pipeline, as ``copydesk check`` prints it."""
        cfg = self.config
        lines = [f"pipeline {cfg.name!r} ({cfg.source})"]
        lines.append("  plugins: " + ", ".join(f"{n} {v}" for n, v in self.run_info.plugins.items()))
        src = cfg.input.get("use", "files")
        lines.append(f"  input:   {src}")
        for step in self.steps:
            reads = f" [reads {', '.join(step.media_types)}]" if step.media_types else ""
            with_ = cfg.steps[step.index].get("with")
            opts = f" with {with_}" if with_ else ""
            lines.append(f"  step {step.index}: {step.name} (on_error={step.on_error}){reads}{opts}")
        out = cfg.output
        lines.append(f"  output:  {out.get('use')} {out.get('with', {})}")
        return "\n".join(lines)


def build_pipeline(config: PipelineConfig, *, extra_plugins: Iterable[tuple[str, Any]] = ()) -> Pipeline:
    """Load the config's plugins and build every part, or raise one ConfigError listing all problems."""
    problems: list[str] = []
    extra = [*extra_plugins, *_local_plugins(config, problems)]
    installed = available_plugins()
    extra_names = {name for name, _ in extra}
    for i, name in enumerate(config.plugins):
        if name not in installed and name not in extra_names:
            known = ", ".join(sorted(installed)) or "none"
            problems.append(
                config.problem(
                    ("pipeline", "plugins", i),
                    f"plugin {name!r} is not installed{closest(name, installed)} "
                    f"(installed: {known}); pip install copydesk-{name}",
                )
            )
    if problems:
        raise ConfigError(config.source, problems)
    try:
        host = load_plugins([n for n in config.plugins if n not in extra_names], extra=extra)
    except PluginError as exc:
        raise ConfigError(config.source, [config.problem(("pipeline", "plugins"), str(exc))]) from None

    run_info = RunInfo(pipeline=config.name, plugins=dict(host.versions))
    steps: list[BoundStep] = []
    for index, entry in enumerate(config.steps):
        place = ("steps", index)
        component = _component(config, host, "step", str(entry["use"]), (*place, "use"), problems)
        if component is None:
            continue
        options = entry.get("with", {})
        found = schema_problems(config, component.config_schema, options, (*place, "with"))
        problems.extend(found)
        if found:
            continue
        instance = _instantiate(config, component, options, place, problems)
        if instance is not None:
            policy = str(entry.get("on_error", config.on_error))
            steps.append(BoundStep(index, component.name, instance, policy, component.media_types))

    source_cfg = config.input
    source_name = str(source_cfg.get("use", "files"))
    source = None
    component = _component(config, host, "source", source_name, ("input", "use"), problems)
    if component is not None:
        options = source_cfg.get("with", {})
        found = schema_problems(config, component.config_schema, options, ("input", "with"))
        problems.extend(found)
        if not found:
            source = _instantiate(config, component, options, ("input",), problems)

    sink = None
    record_schema: dict[str, Any] = {}
    output = config.output
    component = _component(config, host, "sink", str(output.get("use")), ("output", "use"), problems)
    if component is not None:
        options = output.get("with", {})
        found = schema_problems(config, component.config_schema, options, ("output", "with"))
        problems.extend(found)
        if not found:
            sink = _instantiate(config, component, options, ("output",), problems)
        try:
            record_schema = compose_record_schema(component, host, config)
        except PluginError as exc:
            problems.append(config.problem(("output", "use"), str(exc)))

    executor = config.run.get("executor")
    if executor is not None and find_executor(host, str(executor)) is None:
        names = host.registry.names("executor")
        problems.append(
            config.problem(("run", "executor"), f"unknown executor {executor!r}; executors: {', '.join(names)}")
        )
    if problems:
        raise ConfigError(config.source, problems)
    return Pipeline(config, host, steps, source, sink, record_schema, run_info)


def _local_plugins(config: PipelineConfig, problems: list[str]) -> list[tuple[str, Any]]:
    """Import the plugins a config loads from files, only if the user allowed it."""
    loaded: list[tuple[str, Any]] = []
    for name, path in config.local_plugins.items():
        place = ("pipeline", "local_plugins", name)
        if not config.allow_local_plugins:
            problems.append(
                config.problem(
                    place,
                    f"loads code from the file {path!r}; that needs the --allow-local-plugins flag "
                    "(plugins normally come from installed distributions, by entry-point name)",
                )
            )
            continue
        if name not in config.plugins:
            problems.append(config.problem(place, f"{name!r} must also be listed in [pipeline] plugins"))
            continue
        file = Path(config.source).parent / path
        module_name = f"copydesk_local_{name}"
        spec = importlib.util.spec_from_file_location(module_name, file)
        if spec is None or spec.loader is None or not file.is_file():
            problems.append(config.problem(place, f"no Python file at {str(file)!r}"))
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:  # the user's own code: report it, like a broken installed plugin
            del sys.modules[module_name]
            problems.append(config.problem(place, f"{file} failed to import: {type(exc).__name__}: {exc}"))
            continue
        loaded.append((name, module))
    return loaded


def _component(
    config: PipelineConfig, host: PluginHost, kind: str, name: str, place: tuple[str | int, ...], problems: list[str]
) -> Component | None:
    component = host.registry.get(kind, name)
    if component is not None:
        return component
    names = host.registry.names(kind)
    owner = name.split(".", 1)[0] if "." in name else ""
    hint = ""
    if owner and owner not in config.plugins:
        where = "installed" if owner in available_plugins() else "not installed"
        hint = f"; it would come from plugin {owner!r} ({where}), which [pipeline] plugins does not name"
    problems.append(
        config.problem(
            place,
            f"unknown {kind} {name!r}{closest(name, names)}{hint}; {kind}s that exist: {', '.join(names) or 'none'}",
        )
    )
    return None


def _instantiate(
    config: PipelineConfig,
    component: Component,
    options: Mapping[str, Any],
    place: tuple[str | int, ...],
    problems: list[str],
) -> Any:
    try:
        instance = component.factory(**copy.deepcopy(dict(options)))
        setup = getattr(instance, "setup", None)
        if callable(setup):
            setup()
        return instance
    except Exception as exc:  # a factory rejecting its options is a config problem
        problems.append(config.problem(place, f"{component.name} could not be built: {type(exc).__name__}: {exc}"))
        return None


def compose_record_schema(sink: Component, host: PluginHost, config: PipelineConfig) -> dict[str, Any]:
    """The sink's record schema with every loaded plugin's fragment merged in."""
    if sink.record_schema is None:
        raise PluginError(f"sink {sink.name!r} declares no record schema")
    schema = copy.deepcopy(dict(sink.record_schema))
    properties: dict[str, Any] = schema.setdefault("properties", {})
    required: list[str] = schema.setdefault("required", [])
    fragments = host.hook.copydesk_record_schema(config=config.data)
    for fragment in fragments:
        if not fragment:
            continue
        for field, field_schema in fragment.get("properties", {}).items():
            if field in properties:
                raise PluginError(f"record field {field!r} is declared twice (by the sink and by a plugin)")
            properties[field] = field_schema
        required.extend(f for f in fragment.get("required", []) if f not in required)
    return schema
