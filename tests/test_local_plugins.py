"""Config safety: plugins come from installed distributions; a file only with the user's consent."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from copydesk.cli import main

PLUGIN = '''
import copydesk

class Shout:
    def __call__(self, doc, ctx):
        return doc.with_meta(title=(doc.meta.get("title") or "").upper())

@copydesk.hookimpl
def copydesk_register_steps(register):
    register("shout.title", Shout)
'''

CONFIG = """
[pipeline]
name = "local"
plugins = ["text", "records", "shout"]
local_plugins = { shout = "my_plugin.py" }

[[steps]]
use = "text.parse"

[[steps]]
use = "shout.title"

[output]
use = "records.jsonl"
"""


def setup_files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "my_plugin.py").write_text(PLUGIN + f"\nopen({str(tmp_path / 'imported')!r}, 'w').close()\n")
    config = tmp_path / "local.toml"
    config.write_text(CONFIG, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Quiet headline\n\nNothing happened.", encoding="utf-8")
    return config, article


def test_a_plugin_file_is_refused_without_the_flag_and_never_imported(tmp_path: Path):
    config, article = setup_files(tmp_path)
    result = CliRunner().invoke(main, ["run", str(config), str(article), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "local_plugins.shout" in result.stderr
    assert "needs the --allow-local-plugins flag" in result.stderr
    assert not (tmp_path / "imported").exists(), "the file's code ran without the user's consent"


def test_with_the_flag_the_file_is_a_plugin(tmp_path: Path):
    config, article = setup_files(tmp_path)
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(main, ["run", str(config), str(article), "-o", str(out), "--allow-local-plugins"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text("utf-8"))["title"] == "QUIET HEADLINE"


def test_a_local_plugin_must_be_named_in_plugins(tmp_path: Path):
    config, _ = setup_files(tmp_path)
    config.write_text(CONFIG.replace('"records", "shout"]', '"records"]'), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(config), "--allow-local-plugins"])
    assert result.exit_code == 2
    assert "'shout' must also be listed in [pipeline] plugins" in result.stderr
