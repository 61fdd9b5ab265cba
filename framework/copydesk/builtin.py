"""The core's own hook implementations: file source, serial executor, fallbacks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

from copydesk.executors import ProcessExecutor, SerialExecutor, process_executor_schema
from copydesk.sources import FileSource, file_source_schema, sniff_content

if TYPE_CHECKING:
    from copydesk.registry import Register
    from copydesk.sources import RawInput

hookimpl = pluggy.HookimplMarker("copydesk")


@hookimpl
def copydesk_register_sources(register: Register) -> None:
    register("files", FileSource, config_schema=file_source_schema())


@hookimpl
def copydesk_register_executors(register: Register) -> None:
    register("serial", SerialExecutor, description="one document after another, in this process")
    register(
        "processes",
        ProcessExecutor,
        config_schema=process_executor_schema(),
        description="a pool of worker processes on this machine (default: one per core)",
    )


@hookimpl(trylast=True)
def copydesk_sniff_media_type(source: RawInput) -> str | None:
    if source.media_type:
        return source.media_type
    return sniff_content(source.data or b"")


@hookimpl(trylast=True)
def copydesk_handle_step_error(policy: str) -> str:
    return policy
