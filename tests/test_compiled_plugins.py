"""Compiled builds of the html, boilerplate and quotes plugins (Cython, optional).

A wheel of each compiles its modules, ``__init__`` aside; an editable install (``make``)
never compiles a .py, so an edit of one takes effect at once, but builds the .pyx modules
(C written for speed, each with a .py fallback); a failed compile leaves the wheel pure
Python. Either way the records are the same.
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
    """The plugin's module names, ``__init__`` aside: the .py modules a wheel compiles."""
    package = ROOT / "plugins" / name / f"copydesk_{name}"
    return sorted(f"copydesk_{name}.{p.stem}" for p in package.glob("*.py") if p.name != "__init__.py")


def native_modules_of(name: str) -> list[str]:
    """The plugin's .pyx modules: built by every install where a C compiler is at hand."""
    package = ROOT / "plugins" / name / f"copydesk_{name}"
    return sorted(f"copydesk_{name}.{p.stem}" for p in package.glob("*.pyx"))


@pytest.mark.parametrize("name", COMPILED)
def test_an_editable_install_runs_the_py_files(name: str):
    dist = metadata.distribution(f"copydesk-{name}")
    if '"editable": true' not in (dist.read_text("direct_url.json") or ""):
        pytest.skip(f"copydesk-{name} is not installed editable here")
    for module in modules_of(name):
        path = Path(importlib.import_module(module).__file__ or "")
        assert path.suffix == ".py", f"{module} runs compiled from {path}: it would hide edits of the .py"
    compiled, total = compiled_modules(available_plugins()[name])
    assert compiled == total - len(modules_of(name)) <= len(native_modules_of(name))


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


#: Runs the news pipeline over argv[3:] with the cyclic collector off, and prints what only the
#: collector could free: a reference cycle keeps a whole page's blocks alive until it runs,
#: which costs a run about a tenth of its time.
LEFT_FOR_THE_COLLECTOR = """
import gc, sys
from copydesk import read_config, run_pipeline
from copydesk.pipeline import build_pipeline
pipeline = build_pipeline(read_config(sys.argv[1]))
run_pipeline(pipeline, sys.argv[3:4], output=sys.argv[2] + ".warm")  # imports and caches settle
gc.collect()
gc.disable()
gc.set_debug(gc.DEBUG_SAVEALL)
run_pipeline(pipeline, sys.argv[3:], output=sys.argv[2])
gc.collect()
print(sorted({type(o).__name__ for o in gc.garbage}))
"""


def test_a_run_frees_every_page_without_the_cyclic_collector(tmp_path: Path, seeds: list[Path]):
    inputs = [*seeds, *html_pages(seeds, tmp_path / "pages")]
    pipeline = ROOT / "pipelines" / "news.toml"
    left = run_checked(sys.executable, "-c", LEFT_FOR_THE_COLLECTOR, pipeline, tmp_path / "out.jsonl", *inputs)
    assert left.stdout.strip() == "[]"


@pytest.mark.slow
def test_compiled_wheels_write_the_records_of_the_py_files(wheel_env: WheelEnv, tmp_path: Path, seeds: list[Path]):
    wheel_env.install(*(ROOT / "plugins" / name for name in COMPILED))
    (quotes_wheel,) = wheel_env.wheels.glob("copydesk_quotes-*.whl")
    assert "copydesk_quotes/confidence.json" in zipfile.ZipFile(quotes_wheel).namelist()
    listing = run_checked(wheel_env.bin / "copydesk", "plugins").stdout
    modules = [module for name in COMPILED for module in modules_of(name)]
    natives = [module for name in COMPILED for module in native_modules_of(name)]
    # the modules that import from their .py, and those that do not import at all
    report = (
        "import importlib, importlib.machinery as m, importlib.util as u, sys\n"
        "print([n for n in sys.argv[1:] if u.find_spec(n) is None or"
        " not isinstance(importlib.import_module(n).__loader__, m.ExtensionFileLoader)])"
    )
    not_compiled = run_checked(wheel_env.python, "-c", report, *modules, *natives).stdout
    # A machine without a C compiler builds pure-Python wheels (the next test); the records
    # must be the same either way.
    if c_compiler() is not None:
        for name in COMPILED:
            count = len(modules_of(name) + native_modules_of(name))
            assert f"{name} (copydesk-{name} 0.1.0, compiled: {count} of {count} modules)" in listing
        assert not_compiled.strip() == "[]"
    else:
        assert not_compiled.strip() == repr(modules + natives)

    inputs = [*seeds, *html_pages(seeds, tmp_path / "pages")]
    pipeline = ROOT / "pipelines" / "news.toml"
    compiled, pure = tmp_path / "compiled.jsonl", tmp_path / "pure.jsonl"
    run_checked(wheel_env.bin / "copydesk", "run", pipeline, *inputs, "-o", compiled, "--no-progress")
    run_checked(Path(sys.executable).with_name("copydesk"), "run", pipeline, *inputs, "-o", pure, "--no-progress")
    assert compiled.read_text("utf-8").count("\n") == 10
    assert compiled.read_bytes() == pure.read_bytes()
    # compiled generators keep their locals, closures included, in a scope object of their own
    left = run_checked(wheel_env.python, "-c", LEFT_FOR_THE_COLLECTOR, pipeline, tmp_path / "gc.jsonl", *inputs)
    assert left.stdout.strip() == "[]"


@pytest.mark.slow
def test_without_a_c_compiler_the_wheel_is_pure_python(tmp_path: Path):
    """The html plugin's wheel built where no C compiler runs: its .py files, no extension,
    and the references in ``blocks.py`` and ``metadata.py`` in place of the C they could not build."""
    project = tmp_path / "html"
    shutil.copytree(
        ROOT / "plugins" / "html", project, ignore=shutil.ignore_patterns("build", "*.egg-info", "*.so", "*.c")
    )
    wheels = tmp_path / "wheels"
    pip_wheel = (sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, project)
    run_checked(*pip_wheel, env={**os.environ, "CC": "false"})
    (wheel,) = wheels.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.endswith(tuple(EXTENSION_SUFFIXES))]
    assert {f"{m.replace('.', '/')}.py" for m in modules_of("html")} <= set(names)
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    # -S: no site hooks, so the editable install of the plugin in this environment stays out of it
    paths = [unpacked, ROOT / "framework", sysconfig.get_paths()["purelib"]]
    walk = run_checked(
        sys.executable,
        "-S",
        "-c",
        "import copydesk_html as h; print(h.__file__, h.blocks_of.__module__, h.metadata.find_byline_elements.__module__)",
        env={**os.environ, "PYTHONPATH": os.pathsep.join(map(str, paths))},
    ).stdout.split()
    assert walk == [str(unpacked / "copydesk_html" / "__init__.py"), "copydesk_html.blocks", "copydesk_html.metadata"]
