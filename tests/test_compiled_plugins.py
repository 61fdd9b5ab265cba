"""Compiled builds of the html, boilerplate and quotes plugins (Cython, optional).

A wheel of each compiles its modules, ``__init__`` aside; an editable install (``make``)
never does, so an edit of a .py takes effect at once; a failed compile leaves the wheel
pure Python. Either way the records are the same.
"""

from __future__ import annotations

import html
import importlib
import os
import shutil
import sys
import sysconfig
import zipfile
from importlib import metadata
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from copydesk.plugins import available_plugins, compiled_modules
from tests.wheels import WheelEnv, run_checked

ROOT = Path(__file__).resolve().parent.parent
COMPILED = ("html", "boilerplate", "quotes")


def modules_of(name: str) -> list[str]:
    """The plugin's module names, ``__init__`` aside: the ones a wheel compiles."""
    package = ROOT / "plugins" / name / f"copydesk_{name}"
    return sorted(f"copydesk_{name}.{p.stem}" for p in package.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("name", COMPILED)
def test_an_editable_install_runs_the_py_files(name: str):
    dist = metadata.distribution(f"copydesk-{name}")
    if '"editable": true' not in (dist.read_text("direct_url.json") or ""):
        pytest.skip(f"copydesk-{name} is not installed editable here")
    for module in modules_of(name):
        path = Path(importlib.import_module(module).__file__ or "")
        assert path.suffix == ".py", f"{module} runs compiled from {path}: it would hide edits of the .py"
    assert compiled_modules(available_plugins()[name]) == (0, len(modules_of(name)))


def html_pages(seeds: list[Path], folder: Path) -> list[Path]:
    """The seed articles as news pages with furniture, for the html and boilerplate steps."""
    folder.mkdir()
    pages = []
    for seed in seeds:
        title, *paragraphs = [html.escape(line) for line in seed.read_text("utf-8").splitlines() if line.strip()]
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        page = folder / f"page-{seed.stem}.html"
        page.write_text(
            f"<html><head><title>{title}</title><meta property='og:title' content='{title}'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            "<div class='share'>Share this article</div><footer>Sign up for our newsletter</footer></body></html>",
            "utf-8",
        )
        pages.append(page)
    return pages


def c_compiler() -> str | None:
    """The C compiler a wheel build would call (as setuptools finds it), if it is installed."""
    command = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return shutil.which(command.split()[0])


@pytest.mark.slow
def test_compiled_wheels_write_the_records_of_the_py_files(wheel_env: WheelEnv, tmp_path: Path, seeds: list[Path]):
    wheel_env.install(*(ROOT / "plugins" / name for name in COMPILED))
    (quotes_wheel,) = wheel_env.wheels.glob("copydesk_quotes-*.whl")
    assert "copydesk_quotes/confidence.json" in zipfile.ZipFile(quotes_wheel).namelist()
    listing = run_checked(wheel_env.bin / "copydesk", "plugins").stdout
    modules = [module for name in COMPILED for module in modules_of(name)]
    not_compiled = run_checked(
        wheel_env.python,
        "-c",
        "import importlib, importlib.machinery as m, sys\n"
        "print([n for n in sys.argv[1:] if not isinstance(importlib.import_module(n).__loader__, m.ExtensionFileLoader)])",
        *modules,
    ).stdout
    # A machine without a C compiler builds pure-Python wheels (the next test); the records
    # must be the same either way.
    if c_compiler() is not None:
        for name in COMPILED:
            count = len(modules_of(name))
            assert f"{name} (copydesk-{name} 0.1.0, compiled: {count} of {count} modules)" in listing
        assert not_compiled.strip() == "[]"
    else:
        assert not_compiled.strip() == repr(modules)

    inputs = [*seeds, *html_pages(seeds, tmp_path / "pages")]
    pipeline = ROOT / "pipelines" / "news.toml"
    compiled, pure = tmp_path / "compiled.jsonl", tmp_path / "pure.jsonl"
    run_checked(wheel_env.bin / "copydesk", "run", pipeline, *inputs, "-o", compiled, "--no-progress")
    run_checked(Path(sys.executable).with_name("copydesk"), "run", pipeline, *inputs, "-o", pure, "--no-progress")
    assert compiled.read_text("utf-8").count("\n") == 10
    assert compiled.read_bytes() == pure.read_bytes()


@pytest.mark.slow
def test_without_a_c_compiler_the_wheel_is_pure_python(tmp_path: Path):
    project = tmp_path / "boilerplate"
    shutil.copytree(ROOT / "plugins" / "boilerplate", project, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    wheels = tmp_path / "wheels"
    pip_wheel = (sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, project)
    run_checked(*pip_wheel, env={**os.environ, "CC": "false"})
    (wheel,) = wheels.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.endswith(tuple(EXTENSION_SUFFIXES))]
    assert {f"{m.replace('.', '/')}.py" for m in modules_of("boilerplate")} <= set(names)
