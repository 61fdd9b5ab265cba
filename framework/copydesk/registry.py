"""What the loaded plugins provide: named steps, sources, sinks and executors."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from copydesk.errors import PluginError

KINDS = ("step", "source", "sink", "executor")


@attrs.frozen
class Component:
    """One registered step, source, sink or executor."""

    kind: str
    name: str
    factory: Callable[..., Any]
    plugin: str
    config_schema: Mapping[str, Any] = attrs.field(factory=dict)
    description: str = ""
    media_types: tuple[str, ...] = ()
    record_schema: Mapping[str, Any] | None = None


class Register:
    """The callable handed to ``copydesk_register_*`` hooks.

    It knows which plugin is registering, so names can be checked against the plugin's
    namespace and a clash names both plugins.
    """

    def __init__(self, registry: Registry, kind: str) -> None:
        self._registry = registry
        self._kind = kind
        self.plugin = ""

    def __call__(
        self,
        name: str,
        factory: Callable[..., Any],
        *,
        config_schema: Mapping[str, Any] | None = None,
        description: str = "",
        media_types: tuple[str, ...] | list[str] = (),
        record_schema: Mapping[str, Any] | None = None,
    ) -> None:
        component = Component(
            kind=self._kind,
            name=name,
            factory=factory,
            plugin=self.plugin,
            config_schema=config_schema or {"type": "object", "additionalProperties": False},
            description=description or (factory.__doc__ or "").strip().split("\n")[0],
            media_types=tuple(media_types),
            record_schema=record_schema,
        )
        self._registry.add(component)


class Registry:
    """All components of one run, by kind and name."""

    def __init__(self) -> None:
        self._by_kind: dict[str, dict[str, Component]] = {kind: {} for kind in KINDS}

    def add(self, component: Component) -> None:
        table = self._by_kind[component.kind]
        namespaced = component.kind in ("step", "sink")
        if namespaced and component.plugin and not component.name.startswith(component.plugin + "."):
            raise PluginError(
                f"plugin {component.plugin!r} registers {component.kind} {component.name!r}; "
                f"its {component.kind} names must start with {component.plugin + '.'!r}"
            )
        if component.name in table:
            other = table[component.name]
            raise PluginError(
                f"{component.kind} {component.name!r} is registered by both "
                f"{other.plugin!r} and {component.plugin!r}"
            )
        table[component.name] = component

    def get(self, kind: str, name: str) -> Component | None:
        return self._by_kind[kind].get(name)

    def names(self, kind: str) -> list[str]:
        return sorted(self._by_kind[kind])

    def all(self, kind: str) -> list[Component]:
        return [self._by_kind[kind][name] for name in self.names(kind)]
