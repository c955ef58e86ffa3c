"""Issue #13: drafts, decisions and the evaluate report are versioned and match the JSON Schemas
shipped in copygen/io/schemas (documented in docs/formats.md); real outputs are validated."""

import json

import jsonschema
import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

import copygen
from copygen.cli import app

runner = CliRunner()
SCHEMAS = ROOT / "copygen" / "io" / "schemas"


def schema(name: str) -> dict:
    loaded = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def valid(instance, name: str) -> None:
    jsonschema.Draft202012Validator(schema(name)).validate(instance)


@pytest.fixture(scope="module")
def drafts(tiny_gpt2, tmp_path_factory):
    out = tmp_path_factory.mktemp("formats") / "drafts.jsonl"
    args = ["generate", str(SAMPLES / "products.jsonl"), "-m", str(tiny_gpt2), "-o", str(out), "--quiet"]
    result = runner.invoke(app, [*args, "--num-beams", "2", "--num-variants", "2", "--max-new-tokens", "8"])
    assert result.exit_code == 0, result.output
    return out


def test_generated_drafts_match_the_schema(drafts):
    lines = [json.loads(line) for line in drafts.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 10
    for draft in lines:
        valid(draft, "drafts")
        assert draft["format_version"] == 1 and draft["copygen_version"] == copygen.__version__
    # plain copy (no score) is among them: the tiny model's copy never passes every check
    assert any(v["source"] == "data" and v["score"] is None for draft in lines for v in draft["variants"])


def test_decisions_and_reviewed_drafts_match_the_schemas(drafts, tmp_path):
    first, second = (json.loads(line) for line in drafts.read_text(encoding="utf-8").splitlines()[:2])
    rows = [  # as the review page writes them (its browser test validates its own export too)
        {
            "format_version": 1,
            "id": first["id"],
            "variant": 1,
            "decision": "approved",
            "text": first["variants"][0]["text"],
        },
        {
            "format_version": 1,
            "id": second["id"],
            "variant": 2,
            "decision": "edited",
            "text": "A kettle for slow pour-over coffee.",
            "original": second["variants"][1]["text"],
        },
    ]
    for row in rows:
        valid(row, "decisions")
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    reviewed = tmp_path / "reviewed.jsonl"
    result = runner.invoke(app, ["apply", str(drafts), str(decisions), "-o", str(reviewed), "-q"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in reviewed.read_text(encoding="utf-8").splitlines()]
    for draft in lines:
        valid(draft, "drafts")
    assert lines[1]["variants"][1]["decision"] == "edited"


def test_the_evaluate_report_matches_the_schema(drafts):
    args = ["evaluate", str(drafts), "--refs", str(SAMPLES / "references.jsonl"), "--json", "--bootstrap", "10", "-q"]
    result = runner.invoke(app, [*args, "--per-item", "--compare", str(drafts)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    valid(report, "evaluate")
    assert report["format_version"] == 1 and report["copygen_version"] == copygen.__version__
    assert {"attributes", "comparison", "per_item"} <= set(report)


@pytest.mark.parametrize(
    "name, instance",
    [
        ("drafts", {"id": "a", "variants": [{"text": "x", "score": 0, "checks": []}]}),  # no format_version
        ("decisions", {"format_version": 1, "id": "a", "variant": 0, "decision": "approved"}),  # counts from 1
        ("decisions", {"format_version": 1, "id": "a", "variant": 1, "decision": "edited"}),  # an edit needs text
        ("evaluate", {"format_version": 2}),
    ],
)
def test_the_schemas_refuse_what_copygen_does_not_write(name, instance):
    with pytest.raises(jsonschema.ValidationError):
        valid(instance, name)


def test_a_newer_drafts_format_is_refused_in_one_line(drafts, tmp_path):
    newer = tmp_path / "newer.jsonl"
    draft = json.loads(drafts.read_text(encoding="utf-8").splitlines()[0])
    newer.write_text(json.dumps({**draft, "format_version": 2}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["review", str(newer), "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {newer}, line 1: drafts format_version 2; this copygen reads 1\n"


def test_formats_are_documented():
    doc = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    for name in ("drafts", "decisions", "evaluate"):
        assert f"copygen/io/schemas/{name}.schema.json" in doc
        for field in schema(name)["required"]:
            assert f"`{field}`" in doc, (name, field)
