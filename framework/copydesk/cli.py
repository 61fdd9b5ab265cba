"""The ``copydesk`` command.

Exit codes: 0 every input written; 1 some inputs dropped or failed (or the run stopped
under ``on_error = "raise"``, or lost its workers' cluster); 2 a usage or config error,
before any input is read; 130 interrupted (Ctrl-C, SIGTERM). After 1 or 130, ``--resume``
finishes the run.
"""

from __future__ import annotations

import itertools
import json
import signal
import sys
from pathlib import Path
from typing import Any

import attrs
import click

from copydesk import __version__
from copydesk.config import read_config
from copydesk.errors import ConfigError, CopydeskError, ExecutorError, PluginError, RunAborted
from copydesk.pipeline import Pipeline, build_pipeline
from copydesk.plugins import available_plugins, compiled_modules, load_plugins
from copydesk.report import RunReport
from copydesk.runner import DocumentProcessor, Outcome, RunSummary, run_pipeline

EXIT_OK, EXIT_INCOMPLETE, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class _UsageExit(click.ClickException):
    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"copydesk: {self.message}", err=True)


def _interrupt(signum: int, frame: Any) -> None:
    """SIGTERM stops a run as Ctrl-C does: workers shut down, what was written is kept."""
    raise KeyboardInterrupt


_ALLOW_LOCAL = click.option(
    "--allow-local-plugins",
    is_flag=True,
    help="Allow the config's [pipeline] local_plugins: Python files imported and run as plugins.",
)


def _load(config_path: str, allow_local_plugins: bool = False) -> Pipeline:
    try:
        config = attrs.evolve(read_config(config_path), allow_local_plugins=allow_local_plugins)
        return build_pipeline(config)
    except (ConfigError, PluginError) as exc:
        raise _UsageExit(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copydesk")
def main() -> None:
    """copydesk: clean article records from news pages and news text."""


@main.command()
@click.argument("config", type=click.Path(dir_okay=True, path_type=str))
@click.argument("inputs", nargs=-1, type=str)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="Records file (overrides [output] path)."
)
@click.option("--stats", type=click.Path(dir_okay=False, path_type=str), help="Write the run's counts as JSON here.")
@click.option("--executor", type=str, help="serial, processes, or one a plugin registers.")
@click.option("--workers", type=click.IntRange(min=1), help="Worker count for parallel executors.")
@click.option(
    "--scheduler",
    type=str,
    help="Address of a running Dask scheduler to join (implies --executor dask), e.g. tcp://10.0.0.5:8786.",
)
@click.option("--resume", is_flag=True, help="Keep records an interrupted run wrote; skip their inputs.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on when stderr is a terminal).")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write a self-contained HTML page showing what the run did.",
)
@_ALLOW_LOCAL
def run(
    config: str,
    inputs: tuple[str, ...],
    output: str | None,
    stats: str | None,
    executor: str | None,
    workers: int | None,
    scheduler: str | None,
    resume: bool,
    progress: bool | None,
    report: str | None,
    allow_local_plugins: bool,
) -> None:
    """Run the pipeline CONFIG over INPUTS (files, directories, globs; .gz read as is)."""
    signal.signal(signal.SIGTERM, _interrupt)
    if not inputs:
        raise _UsageExit("no inputs given: name files, directories or globs after the config")
    pipeline = _load(config, allow_local_plugins)
    options: dict[str, Any] = {}
    if scheduler:
        options["scheduler"] = scheduler
        executor = executor or "dask"
    show = sys.stderr.isatty() if progress is None else progress
    bar = _progress_bar(_total(pipeline, inputs)) if show else None
    page = RunReport(title=f"copydesk run: {pipeline.config.name}") if report else None

    def on_outcome(outcome: Outcome, summary: RunSummary) -> None:
        if page is not None:
            page.add(outcome, summary)
        if outcome.status != "written":
            message = f"{outcome.uri}: {outcome.status}: {outcome.reason}"
            if bar is not None:
                bar.write(message, file=sys.stderr)
            else:
                click.echo(message, err=True)
        if bar is not None:
            if summary.read == 1:  # rate and ETA from the first document on, not from the executor's start-up
                bar.reset(total=bar.total)
            bar.update(summary.read + summary.resumed - bar.n)
            bar.set_postfix(failed=summary.failed, dropped=summary.dropped, refresh=False)

    try:
        summary = run_pipeline(
            pipeline,
            inputs,
            output=output,
            executor=executor,
            workers=workers,
            resume=resume,
            executor_options=options,
            on_outcome=on_outcome,
        )
    except RunAborted as exc:
        click.echo(f"copydesk: run stopped: {exc}", err=True)
        if page is not None and report:
            _write_report(page, report)
        sys.exit(EXIT_INCOMPLETE)
    except ExecutorError as exc:
        click.echo(f"copydesk: run stopped: {exc}\n{_RESUME_HINT}", err=True)
        sys.exit(EXIT_INCOMPLETE)
    except KeyboardInterrupt:
        click.echo(f"copydesk: interrupted\n{_RESUME_HINT}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except CopydeskError as exc:
        raise _UsageExit(str(exc)) from None
    finally:
        if bar is not None:
            bar.close()
    click.echo(summary.text(), err=True)
    if page is not None and report:
        _write_report(page, report)
    if stats:
        Path(stats).parent.mkdir(parents=True, exist_ok=True)
        Path(stats).write_text(json.dumps(summary.as_dict(), indent=2) + "\n", encoding="utf-8")
    sys.exit(EXIT_OK if summary.read == summary.written else EXIT_INCOMPLETE)


def _write_report(page: RunReport, path: str) -> None:
    written = page.write(path)
    page.close()
    click.echo(f"report: {written}", err=True)


_RESUME_HINT = "records written so far are kept; run the same command with --resume to finish"


def _total(pipeline: Pipeline, inputs: tuple[str, ...]) -> int | None:
    """How many documents the inputs hold, when the source can tell cheaply (for the ETA)."""
    count = getattr(pipeline.source, "count", None)
    return count(inputs) if callable(count) else None


def _progress_bar(total: int | None) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="copydesk", file=sys.stderr, dynamic_ncols=True)


@main.command()
@click.argument("config", type=str)
@_ALLOW_LOCAL
def check(config: str, allow_local_plugins: bool) -> None:
    """Check CONFIG and its plugins' options; print the resolved pipeline."""
    pipeline = _load(config, allow_local_plugins)
    click.echo(pipeline.describe())
    click.echo("ok")


@main.command()
def plugins() -> None:
    """List installed plugins with their versions and what each provides."""
    installed = available_plugins()
    if not installed:
        click.echo("no plugins installed")
        return
    for name, info in sorted(installed.items()):
        try:
            host = load_plugins([name])
        except PluginError as exc:
            click.echo(f"{name} ({info.distribution} {info.version}): BROKEN: {exc}")
            continue
        compiled, modules = compiled_modules(info)
        note = f", compiled: {compiled} of {modules} modules" if compiled else ""
        click.echo(f"{name} ({info.distribution} {info.version}{note})")
        for kind in ("step", "source", "sink", "executor"):
            for component in host.registry.all(kind):
                if component.plugin == name:
                    reads = f" [reads {', '.join(component.media_types)}]" if component.media_types else ""
                    click.echo(f"  {kind:<8} {component.name}{reads}  {component.description}")


@main.command()
@click.argument("config", required=False)
@_ALLOW_LOCAL
def schema(config: str | None, allow_local_plugins: bool) -> None:
    """Print the record schema composed for CONFIG (default: pipelines/news.toml)."""
    path = config or "pipelines/news.toml"
    pipeline = _load(path, allow_local_plugins)
    click.echo(json.dumps(pipeline.record_schema, indent=2, ensure_ascii=False))


@main.command()
@click.argument("input_", metavar="INPUT", type=str)
@click.argument("config", required=False)
@_ALLOW_LOCAL
def explain(input_: str, config: str | None, allow_local_plugins: bool) -> None:
    """Run CONFIG (default: pipelines/news.toml) on one INPUT and show what each step did to it."""
    from copydesk.explain import print_explanation

    pipeline = _load(config or "pipelines/news.toml", allow_local_plugins)
    items = list(itertools.islice(pipeline.source.read([input_]), 2))
    if not items:
        raise _UsageExit(f"{input_}: no input found")
    if len(items) > 1:
        raise _UsageExit(f"{input_}: names more than one input ({items[0].uri}, {items[1].uri}, ...); name one file")
    doc, outcome = DocumentProcessor(pipeline).run_document(items[0])
    print_explanation(doc, outcome)
    sys.exit(EXIT_OK if outcome.status == "written" else EXIT_INCOMPLETE)


@main.command("new-plugin")
@click.argument("name")
@click.option(
    "--dir",
    "parent",
    default=".",
    type=click.Path(file_okay=False, path_type=str),
    help="Folder to create copydesk-NAME in (default: the current one).",
)
def new_plugin(name: str, parent: str) -> None:
    """Create copydesk-NAME: a plugin distribution with a step, its schema, tests and a README."""
    from copydesk.scaffold import new_plugin as scaffold

    try:
        target, files = scaffold(name, parent)
    except CopydeskError as exc:
        raise _UsageExit(str(exc)) from None
    for path in files:
        click.echo(f"created {path}")
    click.echo(f"next: cd {target} && pip install '.[test]' && pytest")


if __name__ == "__main__":  # pragma: no cover
    main()
