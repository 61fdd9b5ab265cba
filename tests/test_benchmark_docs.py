"""Benchmark commands quoted in the docs are commands the benchmark scripts accept.

The figures in the docs name the command that reproduces them; a renamed or removed option
would make that command fail for the reader, so every option quoted next to a script is
checked against the script's own ``--help``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# docs/plugins/*.md are links to the plugins' READMEs: each file once
DOC_FILES = sorted({p.resolve() for p in [*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"]})
COMMAND = re.compile(r"benchmarks/(?P<script>[a-z_]+)\.py(?P<args>[^\n`#|]*)")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def quoted_commands() -> list[tuple[str, str, str]]:
    """(doc file, script, options text) for every benchmark command in the docs."""
    found = []
    for path in DOC_FILES:
        for match in COMMAND.finditer(path.read_text("utf-8")):
            found.append((str(path.relative_to(ROOT)), match["script"], match["args"]))
    return found


@cache
def help_text(script: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / f"{script}.py"), "--help"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert done.returncode == 0, f"benchmarks/{script}.py --help failed:\n{done.stderr}"
    return done.stdout


def test_the_docs_quote_benchmark_commands():
    scripts = {script for _, script, _ in quoted_commands()}
    assert {"extraction", "quotes", "scale"} <= scripts


@pytest.mark.parametrize(("doc", "script", "args"), quoted_commands())
def test_every_quoted_option_is_accepted_by_its_script(doc: str, script: str, args: str):
    assert (ROOT / "benchmarks" / f"{script}.py").exists(), f"{doc} names a missing benchmarks/{script}.py"
    options = set(OPTION.findall(help_text(script)))
    for option in OPTION.findall(args):
        assert option in options, f"{doc}: benchmarks/{script}.py has no option {option}"
