"""A third-party plugin found through its installed wheel, the way a user installs it.

Builds wheels of the core, the first-party plugins and examples/copydesk-wordcount, installs
them into a fresh virtual environment (no editable installs), runs a pipeline that names the
example, and checks its field in schema-valid records; then runs the example's own tests
there, as its author would.
"""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECTS = [ROOT, ROOT / "plugins" / "text", ROOT / "plugins" / "records", ROOT / "examples" / "copydesk-wordcount"]

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


def run(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.mark.slow
def test_example_plugin_from_its_wheel(tmp_path: Path):
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, *PROJECTS)
    built = sorted(p.name.split("-")[0] for p in wheels.glob("*.whl"))
    assert built == ["copydesk", "copydesk_records", "copydesk_text", "copydesk_wordcount"]

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "--find-links", wheels,
        "copydesk", "copydesk-text", "copydesk-records", "copydesk-wordcount", "pytest")
    listing = run(env_dir / "bin" / "copydesk", "plugins").stdout
    assert "wordcount (copydesk-wordcount 0.1.0)" in listing
    assert "step     wordcount.count" in listing
    location = run(python, "-c", "import copydesk_wordcount; print(copydesk_wordcount.__file__)").stdout
    assert str(env_dir) in location, "the plugin must come from the installed wheel"

    config = tmp_path / "wc.toml"
    config.write_text(PIPELINE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run(env_dir / "bin" / "copydesk", "run", config, *sorted((ROOT / "seeds").glob("*.txt")), "-o", out)
    schema = json.loads(run(env_dir / "bin" / "copydesk", "schema", config).stdout)
    assert "word_count" in schema["properties"]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 5
    for record in records:
        jsonschema.Draft202012Validator(schema).validate(record)
        assert record["word_count"] > 100
        assert record["pipeline"]["plugins"]["wordcount"] == "0.1.0"

    run(python, "-m", "pytest", "-q", ROOT / "examples" / "copydesk-wordcount" / "tests", cwd=tmp_path)
