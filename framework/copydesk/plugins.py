"""Loading plugins: only those a pipeline names, by entry-point name.

pluggy says what exists; the config says what runs. Installing a distribution that
registers an entry point in the ``copydesk`` group makes it *available*; it is imported
only when a pipeline lists it in ``[pipeline] plugins``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from importlib import machinery, metadata, util
from pathlib import Path
from typing import Any

import attrs
import pluggy

from copydesk import builtin, hookspecs
from copydesk.errors import PluginError
from copydesk.registry import KINDS, Component, Register, Registry

ENTRY_POINT_GROUP = "copydesk"
TRACE_ENV = "COPYDESK_TRACE_PLUGINS"


@attrs.frozen
class AvailablePlugin:
    """An installed plugin, known by its entry point but not imported."""

    name: str
    distribution: str
    version: str
    entry_point: metadata.EntryPoint


def available_plugins() -> dict[str, AvailablePlugin]:
    """Every plugin installed in this environment, by entry-point name."""
    found: dict[str, AvailablePlugin] = {}
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = ep.dist
        found[ep.name] = AvailablePlugin(
            name=ep.name,
            distribution=dist.metadata["Name"] if dist is not None else "?",
            version=dist.version if dist is not None else "?",
            entry_point=ep,
        )
    return found


def compiled_modules(plugin: AvailablePlugin) -> tuple[int, int]:
    """(compiled, all) modules of the plugin's package, ``__init__`` aside, without importing
    it. A wheel may ship a module compiled (Cython) beside its .py, and Python imports the
    compiled one: benchmark figures say which they measured."""
    spec = util.find_spec(plugin.entry_point.module.partition(".")[0])
    folders = (spec.submodule_search_locations if spec else None) or ()
    files = [path.name for folder in folders for path in Path(folder).iterdir()]
    extension = tuple(machinery.EXTENSION_SUFFIXES)
    modules = {f.partition(".")[0] for f in files if f.endswith((".py", *extension))} - {"__init__"}
    compiled = {f.partition(".")[0] for f in files if f.endswith(extension)} & modules
    return len(compiled), len(modules)


class PluginHost:
    """A pluggy manager holding the core and the named plugins, plus their registry."""

    def __init__(self, pm: pluggy.PluginManager, versions: dict[str, str]) -> None:
        self.pm = pm
        self.hook = pm.hook
        self.versions = versions
        self.registry = Registry()
        for kind in KINDS:
            self._collect(kind)

    def _collect(self, kind: str) -> None:
        hook_name = f"copydesk_register_{kind}s"
        register = Register(self.registry, kind)
        names = [name for name, _ in self.pm.list_name_plugin()]
        for name in names:
            plugin = self.pm.get_plugin(name)
            others = [p for n, p in self.pm.list_name_plugin() if n != name]
            caller = self.pm.subset_hook_caller(hook_name, remove_plugins=others)
            register.plugin = "" if plugin is builtin else name
            caller(register=register)

    @property
    def plugin_names(self) -> list[str]:
        return [name for name, plugin in self.pm.list_name_plugin() if plugin is not builtin]


def load_plugins(names: Sequence[str], *, extra: Iterable[tuple[str, Any]] = ()) -> PluginHost:
    """Load the core and the plugins called `names`; `extra` registers objects directly.

    A name that is not installed raises a :class:`PluginError` listing those that are; a
    plugin that fails to import is reported with its distribution, not as a traceback.
    """
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    pm.register(builtin, name="copydesk")
    versions: dict[str, str] = {}
    installed = available_plugins()
    for name in names:
        if name in installed:
            info = installed[name]
            _register(pm, _import(info), name)
            versions[name] = info.version
        elif not any(n == name for n, _ in extra):
            choices = ", ".join(sorted(installed)) or "none"
            raise PluginError(
                f"plugin {name!r} is not installed (installed plugins: {choices}); "
                f"install the distribution that provides it, e.g. pip install copydesk-{name}"
            )
    for name, obj in extra:
        _register(pm, obj, name)
        versions.setdefault(name, getattr(obj, "__version__", "0"))
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) or repr(exc.plugin)
        raise PluginError(f"plugin {name!r} does not fit copydesk's hooks: {exc}") from None
    if os.environ.get(TRACE_ENV) == "1":
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return PluginHost(pm, versions)


def _register(pm: pluggy.PluginManager, plugin: Any, name: str) -> None:
    try:
        pm.register(plugin, name=name)
    except (pluggy.PluginValidationError, ValueError) as exc:
        raise PluginError(f"plugin {name!r} could not be registered: {exc}") from None


def _import(info: AvailablePlugin) -> Any:
    try:
        return info.entry_point.load()
    except Exception as exc:  # a broken plugin must not look like a copydesk crash
        raise PluginError(
            f"plugin {info.name!r} from distribution {info.distribution} {info.version} "
            f"failed to import ({info.entry_point.value}): {type(exc).__name__}: {exc}"
        ) from exc


def find_executor(host: PluginHost, name: str) -> Component | None:
    """The executor `name`: registered by a loaded plugin, else by the installed plugin of that name.

    An executor changes how a run is spread over processes or machines, never its records,
    so naming one (``--executor dask``) is enough to load the plugin that provides it; it is
    loaded apart from the pipeline's plugins, so none of its other hooks join the run.
    """
    component = host.registry.get("executor", name)
    if component is not None:
        return component
    owner = name.split(".", 1)[0]
    if owner in host.versions or owner not in available_plugins():
        return None
    return load_plugins([owner]).registry.get("executor", name)
