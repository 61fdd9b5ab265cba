"""Errors a user sees. Each names the input or config place it is about."""

from __future__ import annotations

from collections.abc import Sequence


class CopydeskError(Exception):
    """Base of copydesk's own errors: their message is meant for the user as it is."""


class PluginError(CopydeskError):
    """A plugin is missing, fails to import, or registers something wrong."""


class ConfigError(CopydeskError):
    """A pipeline config has problems; all of them are listed, each with its place."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{source}: {len(self.problems)} problem(s) in the pipeline config\n{lines}")


class InputError(CopydeskError):
    """One input cannot be read or understood; the run goes on without it."""

    def __init__(self, uri: str, problem: str) -> None:
        self.uri = uri
        self.problem = problem
        super().__init__(f"{uri}: {problem}")


class RunAborted(CopydeskError):
    """A step failed under ``on_error = "raise"``; the run stopped."""


class ExecutorError(CopydeskError):
    """An executor cannot go on (its cluster is unreachable or lost); the run stops cleanly."""
