"""The ``warc.records`` source over archives written with warcio from the seeds."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from copydesk_warc import WarcSource

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

PIPELINE = """
[pipeline]
name = "news"
plugins = ["text", "records", "warc"]

[input]
use = "warc.records"

[[steps]]
use = "text.parse"

[output]
use = "records.jsonl"
"""


def write_archive(path: Path, *, gzip: bool, extra: bool = False) -> list[str]:
    """The seeds as HTTP 200 responses (each preceded by its request); returns the record ids."""
    ids = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for i, seed in enumerate(SEEDS):
            url = f"https://news.example/{i}/{seed.stem}"
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/plain; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(seed.read_bytes()), http_headers=headers
            )
            writer.write_record(record)
            ids.append(record.rec_headers.get_header("WARC-Record-ID").strip("<>").removeprefix("urn:uuid:"))
        if extra:
            missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    "https://news.example/gone", "response", payload=io.BytesIO(b"<p>gone</p>"), http_headers=missing
                )
            )
    return ids


@pytest.mark.parametrize("gzip", [True, False])
def test_response_records_become_documents(run_pipeline_toml, tmp_path: Path, gzip: bool) -> None:
    archive = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    ids = write_archive(archive, gzip=gzip)
    result = run_pipeline_toml(PIPELINE, [archive])
    assert result.summary.read == result.summary.written == 5
    by_id = {r["id"]: r for r in result.records}
    assert sorted(by_id) == sorted(ids)
    seed_result = run_pipeline_toml(
        PIPELINE.replace('use = "warc.records"', 'use = "files"'), [ROOT / "seeds"], output=tmp_path / "seeds.jsonl"
    )
    from_files = {r["source"]["sha256"]: r for r in seed_result.records}
    for i, record_id in enumerate(ids):
        record = by_id[record_id]
        assert record["url"] == f"https://news.example/{i}/{SEEDS[i].stem}"
        assert record["source"]["media_type"] == "text/plain"
        assert record["source"]["uri"].startswith(f"{archive}@")
        same_article = from_files[record["source"]["sha256"]]  # the payload is the seed's bytes
        assert record["text"] == same_article["text"]


def test_other_statuses_are_failed_inputs_by_default(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    write_archive(archive, gzip=True, extra=True)
    items = list(WarcSource().read([str(archive)]))
    assert len(items) == 6
    assert items[-1].error == "HTTP status 404 (statuses read: 200)"
    assert items[-1].meta["url"] == "https://news.example/gone"
    items = list(WarcSource(statuses=[200, 404], id="url").read([str(archive)]))
    assert items[-1].error is None
    assert (items[-1].id, items[-1].media_type, items[-1].data) == (
        "https://news.example/gone",
        "text/html",
        b"<p>gone</p>",
    )


@pytest.mark.parametrize("gzip", [True, False])
def test_a_broken_record_fails_and_the_run_goes_on(run_pipeline_toml, tmp_path: Path, gzip: bool) -> None:
    good = tmp_path / "good.warc"
    write_archive(good, gzip=False)
    broken = tmp_path / ("broken.warc.gz" if gzip else "broken.warc")
    write_archive(broken, gzip=gzip)
    data = broken.read_bytes()
    # damage the fourth record (the second response): its header, or its gzip member
    starts = [item.uri.rsplit("@", 1)[1] for item in WarcSource().read([str(broken)])]
    at = int(starts[1])
    broken.write_bytes(data[:at] + b"\x00garbage\x00" * 4 + data[at + 40 :])
    result = run_pipeline_toml(PIPELINE, [broken, good])
    assert result.summary.written == 1 + 5, "the record before the damage and the whole good archive"
    (reject,) = result.rejects
    assert reject["uri"] == f"{broken}@{at}"
    assert reject["error"].startswith(f"broken WARC record at byte {at}: ")
    assert reject["error"].endswith("the rest of this archive cannot be read")
    assert reject["error"].isascii()


def test_truncated_archive_is_reported(tmp_path: Path) -> None:
    archive = tmp_path / "cut.warc.gz"
    write_archive(archive, gzip=True)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) - 300])
    items = list(WarcSource().read([str(archive)]))
    assert [i.error is None for i in items[:4]] == [True] * 4
    assert len(items) == 5
    assert items[-1].error is not None
    assert items[-1].error.startswith("truncated WARC record: ")
