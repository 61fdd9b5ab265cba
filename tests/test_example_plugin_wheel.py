"""A third-party plugin found through its installed wheel, the way a user installs it.

Installs the wheel of examples/copydesk-wordcount into a fresh virtual environment that
holds the core and the first-party plugins as wheels (no editable installs; see the
``wheel_env`` fixture), runs a pipeline that names the example, and checks its field in
schema-valid records; then runs the example's own tests there, as its author would.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.wheels import WheelEnv, run_checked

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "copydesk-wordcount"

PIPELINE = """
[pipeline]
name = "wordcount-demo"
plugins = ["text", "records", "wordcount"]

[[steps]]
use = "text.parse"

[[steps]]
use = "wordcount.count"

[output]
use = "records.jsonl"
"""


@pytest.mark.slow
def test_example_plugin_from_its_wheel(wheel_env: WheelEnv, tmp_path: Path):
    wheel_env.install(EXAMPLE)
    built = sorted(p.name.split("-")[0] for p in wheel_env.wheels.glob("*.whl"))
    assert {"copydesk", "copydesk_records", "copydesk_text", "copydesk_wordcount"} <= set(built)

    copydesk = wheel_env.bin / "copydesk"
    listing = run_checked(copydesk, "plugins").stdout
    assert "wordcount (copydesk-wordcount 0.1.0)" in listing
    assert "step     wordcount.count" in listing
    location = run_checked(wheel_env.python, "-c", "import copydesk_wordcount; print(copydesk_wordcount.__file__)").stdout
    assert str(wheel_env.dir) in location, "the plugin must come from the installed wheel"

    config = tmp_path / "wc.toml"
    config.write_text(PIPELINE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = tmp_path / "report.html"
    run_checked(copydesk, "run", config, *sorted((ROOT / "seeds").glob("*.txt")), "-o", out, "--report", report)
    page = report.read_text("utf-8")  # the page's parts are package data of the core's wheel
    assert "function drawOverview" in page and "#list-pane" in page
    assert '"fields":{"authors":' in page and '"word_count":' in page, "a plugin's field is listed with the metadata"
    schema = json.loads(run_checked(copydesk, "schema", config).stdout)
    assert "word_count" in schema["properties"]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 5
    for record in records:
        jsonschema.Draft202012Validator(schema).validate(record)
        assert record["word_count"] > 100
        assert record["pipeline"]["plugins"]["wordcount"] == "0.1.0"

    run_checked(wheel_env.python, "-m", "pytest", "-q", EXAMPLE / "tests", cwd=tmp_path)
