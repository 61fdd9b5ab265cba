"""Plugin loading: only named plugins, clear errors for broken ones, tracing."""

from __future__ import annotations

import sys
from importlib import metadata
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import copydesk
from copydesk import PluginError
from copydesk.plugins import AvailablePlugin, available_plugins, compiled_modules, load_plugins


def install_fake_distribution(root: Path, name: str, module_source: str) -> None:
    """A real (if minimal) installed distribution: dist-info with an entry point, and its module."""
    info = root / f"copydesk_{name}_fake-1.2.3.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: copydesk-{name}-fake\nVersion: 1.2.3\n")
    (info / "entry_points.txt").write_text(f"[copydesk]\n{name} = fake_{name}_plugin\n")
    (root / f"fake_{name}_plugin.py").write_text(module_source)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for mod in [m for m in sys.modules if m.startswith("fake_")]:
        del sys.modules[mod]


def test_a_plugin_that_fails_to_import_is_named_with_its_distribution(site: Path):
    install_fake_distribution(site, "broken", "import no_such_module_anywhere\n")
    assert "broken" in available_plugins()
    with pytest.raises(PluginError) as info:
        load_plugins(["broken"])
    message = str(info.value)
    assert "plugin 'broken' from distribution copydesk-broken-fake 1.2.3 failed to import" in message
    assert "ModuleNotFoundError" in message
    assert "Traceback" not in message


def test_a_misspelt_hook_fails_loudly(site: Path):
    install_fake_distribution(
        site,
        "typo",
        "import copydesk\n\n@copydesk.hookimpl\ndef copydesk_register_step(register):\n    pass\n",
    )
    with pytest.raises(PluginError, match=r"plugin 'typo' does not fit copydesk's hooks.*copydesk_register_step"):
        load_plugins(["typo"])


def test_installed_plugins_are_not_loaded_unless_named():
    host = load_plugins(["records"])
    assert host.registry.get("step", "text.parse") is None
    assert host.registry.get("sink", "records.jsonl") is not None
    assert host.plugin_names == ["records"]


def test_unknown_plugin_name_lists_installed():
    with pytest.raises(PluginError, match=r"plugin 'nope' is not installed \(installed plugins: .*records.*text"):
        load_plugins(["nope"])


def test_step_names_must_be_in_the_plugin_namespace():
    class Squatter:
        @copydesk.hookimpl
        def copydesk_register_steps(self, register):  # type: ignore[no-untyped-def]
            register("text.parse", object)

    with pytest.raises(PluginError, match=r"its step names must start with 'squat\.'"):
        load_plugins([], extra=[("squat", Squatter())])


def test_tracing_writes_hook_calls(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("COPYDESK_TRACE_PLUGINS", "1")
    host = load_plugins(["records"])
    host.hook.copydesk_run_started(pipeline="p", steps=["a"])
    assert "copydesk_run_started" in capsys.readouterr().err


def test_compiled_modules_counts_the_extension_modules_beside_the_py_files(site: Path):
    package = site / "fake_fast_plugin"
    package.mkdir()
    for file in ("__init__.py", "rules.py", f"rules{EXTENSION_SUFFIXES[0]}", "words.py", "words.json"):
        (package / file).write_text("")
    (site / "fake_single_plugin.py").write_text("")

    def plugin(module: str) -> AvailablePlugin:
        entry_point = metadata.EntryPoint(name="fake", value=module, group="copydesk")
        return AvailablePlugin(name="fake", distribution="fake", version="0", entry_point=entry_point)

    assert compiled_modules(plugin("fake_fast_plugin")) == (1, 2)
    assert compiled_modules(plugin("fake_single_plugin")) == (0, 0)
