"""Hook specifications: the points at which plugins extend copydesk.

Every hook takes keyword arguments only. A plugin implements a hook by defining a
function of the same name decorated with ``copydesk.hookimpl``; it may accept any
subset of the parameters named here. Registration hooks are called once per run,
after the plugins named by the pipeline config are loaded; the others are called as
documents flow. Installing a plugin never makes it run: only plugins the config names
are registered (see ``docs/explanation/concepts.md``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from copydesk.model import Document, StepFailure
    from copydesk.registry import Register
    from copydesk.runner import RunSummary
    from copydesk.sources import RawInput

hookspec = pluggy.HookspecMarker("copydesk")


# -- registration -------------------------------------------------------------------------


@hookspec
def copydesk_register_steps(register: Register) -> None:
    """Register the steps this plugin provides.

    :param register: call ``register(name, factory, config_schema=..., description=...,
        media_types=...)`` once per step. ``name`` must start with the plugin's
        entry-point name and a dot (``boilerplate.strip``). ``factory`` is called with the
        step's validated ``with`` table as keyword arguments and returns an object with
        ``__call__(doc, ctx) -> Document | Drop`` (and optionally ``setup()``).
        ``config_schema`` is a JSON Schema for the ``with`` table. ``media_types``, for
        parsers, lists the media types the step reads; the runner calls such a step only
        on documents of those types.

    Called once per run, after the pipeline's plugins are loaded and before the config's
    steps are checked.
    """


@hookspec
def copydesk_register_sources(register: Register) -> None:
    """Register readers of inputs.

    :param register: call ``register(name, factory, config_schema=..., description=...)``.
        ``factory`` is called with the validated ``[input] with`` table as keyword
        arguments and returns an object whose ``read(inputs)`` yields
        :class:`copydesk.RawInput` items, one per document, never loading a whole
        corpus into memory (``copydesk.read_each`` walks the input names; a RawInput
        with ``error`` set is a failed input). It may also have ``count(inputs)``
        returning how many documents there are, or None, cheaply: the progress bar's total.

    Called once per run. The core registers ``files`` (files, directories, globs, ``.gz``);
    plugins add ``jsonl.lines`` and ``warc.records``.
    """


@hookspec
def copydesk_register_sinks(register: Register) -> None:
    """Register writers of records.

    :param register: call ``register(name, factory, config_schema=..., description=...,
        record_schema=...)``. ``factory`` is called with the validated ``[output] with``
        table and returns a :class:`copydesk.Sink`. ``record_schema`` is the JSON
        Schema (a full schema with ``$id``) of the records the sink's ``build`` returns;
        fragments from :func:`copydesk_record_schema` are added to it.

    Called once per run.
    """


@hookspec
def copydesk_register_executors(register: Register) -> None:
    """Register executors: how documents are spread over processes or machines.

    :param register: call ``register(name, factory, config_schema=..., description=...)``.
        ``factory`` is called with ``workers`` (int or None) and the executor's options
        (``[run] with`` in the config, overridden by CLI flags such as ``--scheduler``;
        checked against ``config_schema``) and returns an object with ``map(job, items)``
        yielding one result per item, in any order, and optionally ``close()``. ``job`` is
        a :class:`copydesk.Job`: picklable, ``job(item)`` processes one input (building
        the pipeline from its config on first use in a new process), and
        ``job.lost(item, reason)`` is the result for an input whose worker died. ``map``
        must pull items lazily (a bounded number in flight). A factory that cannot start
        (an unreachable cluster) raises :class:`copydesk.ExecutorError`; so does ``map``
        when the run cannot go on.

    Called once per run. The core registers ``serial`` and ``processes``; an executor
    named on the command line is also found in the installed plugin of the same name.
    """


@hookspec
def copydesk_record_schema(config: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Declare the record fields this plugin adds.

    :param config: the pipeline config as read from TOML.
    :return: ``{"properties": {...}, "required": [...]}`` to merge into the sink's record
        schema, or None. A field that a loaded plugin does not declare fails validation.

    Called once per run when the record schema is composed (``copydesk schema`` too).
    """


@hookspec
def copydesk_record_fields(document: Document) -> Mapping[str, Any] | None:
    """Add fields to the record of one document.

    :param document: the document after the last step.
    :return: a mapping of field names to JSON values (declared through
        :func:`copydesk_record_schema`), or None.

    Called once per document that is about to be written, after the sink built its record
    and before the record is validated.
    """


# -- dispatch -----------------------------------------------------------------------------


@hookspec(firstresult=True)
def copydesk_sniff_media_type(source: RawInput) -> str | None:
    """Tell the media type of an input, which decides which parser step reads it.

    :param source: the input: ``source.uri``, ``source.data`` (bytes) and
        ``source.media_type`` (a hint from the source, may be None).
    :return: a media type such as ``text/html``, or None to let the next plugin decide.

    Called once per input before its first step. ``firstresult``: the first non-None
    answer wins; the core's answer (by hint, file name, then content) comes last.
    """


@hookspec(firstresult=True)
def copydesk_handle_step_error(
    document: Document, step: str, error: BaseException, policy: str
) -> str | None:
    """Decide what happens to a document after a step raised on it.

    :param document: the document as the failing step received it.
    :param step: the name of the failing step (``quotes.attribute``).
    :param error: the exception.
    :param policy: the configured ``on_error`` for that step (``raise``, ``skip`` or
        ``keep``).
    :return: ``"raise"`` (stop the run), ``"skip"`` (the document fails and goes to the
        rejects file), ``"keep"`` (go on with the document as it was before the step, the
        failure recorded on it), or None to let the next implementation decide.

    Called once per step failure. ``firstresult``; the core's implementation runs last
    and returns ``policy``.
    """


# -- observers ----------------------------------------------------------------------------


@hookspec
def copydesk_run_started(pipeline: str, steps: Sequence[str]) -> None:
    """Observe the start of a run.

    :param pipeline: the pipeline's name.
    :param steps: the step names in order.

    Called once, after the config is checked and before the first input is read.
    Observers are called in no particular order.
    """


@hookspec
def copydesk_document_done(
    doc_id: str, outcome: str, reason: str | None, failures: Sequence[StepFailure]
) -> None:
    """Observe one input's outcome.

    :param doc_id: the document id.
    :param outcome: ``written``, ``dropped`` or ``failed``.
    :param reason: why it was dropped or failed; None when written.
    :param failures: step failures recorded on the document (also for ``keep``).

    Called in the main process once per input, in the order outcomes arrive.
    """


@hookspec
def copydesk_run_finished(summary: RunSummary) -> None:
    """Observe the end of a run.

    :param summary: the counts (``read``, ``written``, ``dropped``, ``failed``), reasons,
        time per step and the output paths.

    Called once, after the output is closed, also when the run stops on an error.
    """
