"""``copydesk new-plugin``: a plugin distribution whose own tests pass straight away.

The files come from the templates in ``plugin_template/`` (package data, filled in with
:class:`string.Template`): a pyproject with the entry point, a step with its config schema,
tests written with ``copydesk.testing``, and a README.
"""

from __future__ import annotations

import keyword
import re
import string
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from copydesk import __version__
from copydesk.errors import CopydeskError

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
TEMPLATES = "plugin_template"
SUFFIX = ".tmpl"
SUMMARY = "drops documents whose body is shorter than a number of words (a starting point to change)."


def check_name(name: str) -> None:
    """An entry-point name is also a step-name prefix and part of a module name."""
    if not NAME.match(name) or keyword.iskeyword(name):
        raise CopydeskError(
            f"plugin name {name!r} must be lower case letters, digits and underscores, starting with a letter"
        )


def core_range() -> str:
    """The copydesk versions a new plugin accepts: this minor release (``>=0.1,<0.2``)."""
    major, minor = (int(part) for part in __version__.split(".")[:2])
    return f">={major}.{minor},<{major}.{minor + 1}" if major == 0 else f">={major}.{minor},<{major + 1}"


def new_plugin(name: str, parent: str | Path = ".") -> tuple[Path, list[Path]]:
    """Write the distribution ``copydesk-NAME`` under `parent`; return its folder and files."""
    check_name(name)
    distribution = "copydesk-" + name.replace("_", "-")
    package = "copydesk_" + name
    target = Path(parent) / distribution
    if target.exists() and any(target.iterdir()):
        raise CopydeskError(f"{target} exists and is not empty; choose another --dir or name")
    values = {
        "name": name,
        "distribution": distribution,
        "package": package,
        "core_range": core_range(),
        "summary": SUMMARY,
    }
    written: list[Path] = []
    for source, relative in _templates(resources.files("copydesk").joinpath(TEMPLATES), Path()):
        path = target / Path(*(package if part == "package" else part for part in relative.parts))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(string.Template(source.read_text("utf-8")).substitute(values), encoding="utf-8")
        written.append(path)
    return target, written


def _templates(folder: Traversable, relative: Path) -> list[tuple[Traversable, Path]]:
    found: list[tuple[Traversable, Path]] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found += _templates(entry, relative / entry.name)
        elif entry.name.endswith(SUFFIX):
            found.append((entry, relative / entry.name[: -len(SUFFIX)]))
    return found
