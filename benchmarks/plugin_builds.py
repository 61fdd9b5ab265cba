"""Which build of each plugin a benchmark measured: compiled (a wheel, see
docs/explanation/performance.md) or pure Python (an editable install, or a wheel built with
COPYDESK_PURE_PYTHON=1). The steps' times differ between the two, so a figure says which."""

from __future__ import annotations

from pathlib import Path

from copydesk import read_config
from copydesk.plugins import available_plugins, compiled_modules


def plugin_builds(config: Path) -> str:
    """One line: the config's plugins, each compiled or pure Python."""
    installed = available_plugins()
    builds = []
    for name in read_config(config).plugins:
        compiled, modules = compiled_modules(installed[name]) if name in installed else (0, 0)
        builds.append(f"{name} " + (f"compiled ({compiled} of {modules} modules)" if compiled else "pure Python"))
    return "plugins: " + ", ".join(builds)
