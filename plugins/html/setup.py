"""Builds this plugin's modules, except __init__ (whose hookimpls pluggy inspects), as Cython
extensions: a wheel runs the same .py files compiled, faster (docs/explanation/performance.md).

Pure Python instead when COPYDESK_PURE_PYTHON is set, for an editable install (a compiled
module beside its .py would hide later edits of it), and for a module that fails to compile
(no C compiler, say). A .pyx module, C written for speed with a .py fallback of its own, is
built in editable installs too (no .py of its name to hide); it may read lxml's trees through
lxml's C headers. The same file is in each compiled plugin: each one builds on its own.
"""

import os
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    def build_extension(self, ext):
        try:
            super().build_extension(ext)
        except Exception as exc:
            self.warn(f"{ext.name} stays pure Python: {exc}")
            # an editable install's module from an earlier build would run in place of the fallback
            Path(ext.name.replace(".", "/") + sysconfig.get_config_var("EXT_SUFFIX")).unlink(missing_ok=True)


package = next(Path().glob("copydesk_*/__init__.py")).parent
pure = os.environ.get("COPYDESK_PURE_PYTHON")
editable = {"editable_wheel", "develop"} & set(sys.argv)
modules = [] if pure or editable else sorted(m for m in package.glob("*.py") if m.name != "__init__.py")
native = [] if pure else sorted(package.glob("*.pyx"))


def include_dirs(module: Path) -> list[str]:
    """lxml's C headers (libxml2's among them) for a module that cimports lxml."""
    if "lxml.includes" not in module.read_text(encoding="utf-8"):
        return []
    import lxml

    return lxml.get_include()


# -g0: no debug symbols; the build takes a quarter less time and the modules an eighth the space.
setup(
    ext_modules=[
        Extension(name, [str(m)], include_dirs=include_dirs(m), extra_compile_args=["-g0"], optional=True)
        for m, name in ((m, f"{package.name}.{m.stem}") for m in modules + native)
    ],
    cmdclass={"build_ext": OptionalBuildExt},
    # annotation_typing off: Cython would read annotations as C types and checks (a float argument
    # made a C double, a str one refusing None); the .py files run as Python runs them.
    options={
        "build_ext": {
            "parallel": os.cpu_count(),
            "cython_c_in_temp": True,
            "cython_directives": {"language_level": 3, "annotation_typing": False},
        }
    },
)
