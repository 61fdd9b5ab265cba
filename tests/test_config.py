"""Config problems are found before any input is read, each with its place and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk import ConfigError, build_pipeline, parse_config, read_config
from copydesk.config import TomlLocator, describe_place

GOOD = """\
[pipeline]
name = "news"
plugins = ["text", "records"]

[[steps]]
use = "text.parse"

[output]
use = "records.jsonl"
with = { path = "out/x.jsonl" }
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        build_pipeline(parse_config(text, source="p.toml"))
    return info.value.problems


def test_good_config_builds():
    pipeline = build_pipeline(parse_config(GOOD, source="p.toml"))
    assert [s.name for s in pipeline.steps] == ["text.parse"]
    assert pipeline.steps[0].media_types == ("text/plain",)
    assert "text.parse" in pipeline.describe()


def test_malformed_toml_names_the_line():
    with pytest.raises(ConfigError) as info:
        parse_config(GOOD.replace('name = "news"', "name = news"), source="p.toml")
    assert info.value.problems == ["not valid TOML: Invalid value (at line 2, column 8)"]


def test_unknown_step_is_named_with_line_and_the_steps_that_exist():
    found = problems(GOOD.replace('use = "text.parse"', 'use = "text.prase"'))
    assert len(found) == 1
    assert found[0].startswith("p.toml:6: steps[0] (text.prase) use: unknown step 'text.prase'; did you mean 'text.parse'?")
    assert "steps that exist: text.parse" in found[0]


def test_step_of_a_plugin_not_named_says_so():
    found = problems(GOOD.replace('use = "text.parse"', 'use = "html.parse"'))
    assert "plugin 'html'" in found[0] and "[pipeline] plugins does not name" in found[0]


def test_unknown_plugin_lists_installed_ones():
    found = problems(GOOD.replace('["text", "records"]', '["text", "records", "nosuch"]'))
    assert found[0].startswith("p.toml:3: pipeline plugins[2]: plugin 'nosuch' is not installed")
    assert "records" in found[0] and "text" in found[0]


def test_wrong_with_values_name_the_place_and_line():
    text = GOOD.replace('use = "text.parse"\n', 'use = "text.parse"\nwith = { title = "yes", colour = 1 }\n')
    found = problems(text)
    assert found == [
        "p.toml:7: steps[0] (text.parse) with: unknown key 'colour'; allowed: max_line_chars, title",
        "p.toml:7: steps[0] (text.parse) with.title: 'yes' is not of type 'boolean'",
    ]


def test_schema_problems_are_all_reported_at_once():
    text = GOOD.replace('name = "news"\n', "").replace('use = "records.jsonl"', "")
    with pytest.raises(ConfigError) as info:
        parse_config(text, source="p.toml")
    messages = info.value.problems
    assert any("pipeline: 'name' is required" in m for m in messages)
    assert any("output: 'use' is required" in m for m in messages)


def test_unknown_top_level_table_lists_the_allowed_ones():
    with pytest.raises(ConfigError) as info:
        parse_config(GOOD + "\n[outptu]\nuse = 1\n", source="p.toml")
    assert "unknown key 'outptu'; allowed: input, output, pipeline, run, steps" in info.value.problems[0]


def test_directory_missing_and_non_utf8_configs(tmp_path: Path):
    with pytest.raises(ConfigError, match="is a directory"):
        read_config(tmp_path)
    with pytest.raises(ConfigError, match="no such file"):
        read_config(tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"name = '\xff'")
    with pytest.raises(ConfigError, match="not UTF-8"):
        read_config(bad)


def test_locator_follows_array_tables_and_inline_tables():
    text = '[a]\nx = 1\n\n[[steps]]\nuse = "a"\n\n[[steps]]\nuse = "b"\nwith = { k = 1, j = [1, 2] }\n[steps.more]\nz = 2\n'
    locate = TomlLocator(text).line_of
    assert locate(("a", "x")) == 2
    assert locate(("steps", 1, "use")) == 8
    assert locate(("steps", 1, "with", "j", 1)) == 9
    assert locate(("steps", 1, "more", "z")) == 11
    assert locate(("steps", 0)) == 4


def test_place_descriptions():
    data = {"steps": [{"use": "x.y", "with": {"a": [1]}}]}
    assert describe_place(data, ("steps", 0, "with", "a", 0)) == "steps[0] (x.y) with.a[0]"
    assert describe_place(data, ("steps",)) == "steps"
    assert describe_place(data, ()) == "(top level)"


@pytest.mark.parametrize("path", sorted((Path(__file__).resolve().parent.parent / "pipelines").glob("*.toml")), ids=lambda p: p.name)
def test_every_ready_pipeline_builds(path: Path):
    pipeline = build_pipeline(read_config(path))
    assert pipeline.steps and pipeline.sink is not None
