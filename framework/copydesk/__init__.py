"""copydesk: a plugin-based document processing framework for news.

The public API for plugin authors is what this module exports; plugins use nothing else.
"""

from __future__ import annotations

import pluggy

from copydesk.config import PipelineConfig, parse_config, read_config
from copydesk.errors import ConfigError, CopydeskError, ExecutorError, InputError, PluginError, RunAborted
from copydesk.executors import Job, chunked, default_workers
from copydesk.model import REMOVALS, Block, Document, Drop, FrozenData, RemovalIndex, SourceInfo, Span, StepFailure
from copydesk.output import JsonlFile
from copydesk.pipeline import Pipeline, RunInfo, Sink, Step, StepContext, build_pipeline
from copydesk.registry import Register
from copydesk.runner import Outcome, RunSummary, run_pipeline
from copydesk.sources import (
    InputFile,
    RawInput,
    count_input_files,
    expand_inputs,
    file_source_schema,
    id_from_path,
    read_each,
)

__version__ = "0.1.0"

#: Decorator marking a plugin's hook implementations: ``@copydesk.hookimpl``.
hookimpl = pluggy.HookimplMarker("copydesk")

__all__ = [
    "REMOVALS",
    "Block",
    "ConfigError",
    "CopydeskError",
    "Document",
    "Drop",
    "ExecutorError",
    "FrozenData",
    "InputError",
    "InputFile",
    "Job",
    "JsonlFile",
    "Outcome",
    "Pipeline",
    "PipelineConfig",
    "PluginError",
    "RawInput",
    "Register",
    "RemovalIndex",
    "RunAborted",
    "RunInfo",
    "RunSummary",
    "Sink",
    "SourceInfo",
    "Span",
    "Step",
    "StepContext",
    "StepFailure",
    "build_pipeline",
    "chunked",
    "count_input_files",
    "default_workers",
    "expand_inputs",
    "file_source_schema",
    "hookimpl",
    "id_from_path",
    "parse_config",
    "read_config",
    "read_each",
    "run_pipeline",
]
