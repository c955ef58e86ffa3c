"""Issue #13: `--version`/`-V`, `-h`, and exit code 2 with the valid choices for every invalid option value."""

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

import copygen
from copygen.cli import app

runner = CliRunner()


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    result = runner.invoke(app, [flag])
    assert result.exit_code == 0
    assert result.stdout == f"copygen {copygen.__version__}\n"
    assert copygen.__version__[0].isdigit()


def test_version_is_the_installed_distributions():
    from importlib.metadata import version

    assert copygen.__version__ == version("copygen")


@pytest.mark.parametrize("command", [[], ["generate"], ["finetune"], ["evaluate"], ["apply"]])
def test_short_help(command):
    short = runner.invoke(app, [*command, "-h"])
    assert short.exit_code == 0, short.output
    assert short.stdout == runner.invoke(app, [*command, "--help"]).stdout
    assert "Usage: copygen" in short.stdout


def drafts(tmp_path):
    path = tmp_path / "drafts.jsonl"
    path.write_text(json.dumps({"id": "a", "variants": [{"text": "A mug."}]}) + "\n")
    return str(path)


@pytest.mark.parametrize(
    "args, message",
    [
        (["evaluate", "{drafts}", "--refs", "{drafts}", "--tokenize", "foo"], "use one of 13a, intl"),
        (["evaluate", "{drafts}", "--refs", "{drafts}", "--metric", "meteor"], "use one of bleu, chrf"),
        (["evaluate", "{drafts}", "--refs", "{drafts}", "--variant", "5"], "--variant 5 asked for"),
        (["generate", "{products}", "--num-beams", "0", "-m", "{model}"], "must be at least 1"),
        (["generate", "{products}", "--num-variants", "5", "-m", "{model}"], "pass --num-beams 5 or more"),
        (["generate", "{products}", "--delimiter", ";;", "-m", "{model}"], "--delimiter must be one character"),
        (["generate", "{products}", "--input-format", "xml", "-m", "{model}"], "'xml' is not one of 'csv'"),
        (["generate", "{products}", "--encoding", "klingon", "-m", "{model}"], "unknown --encoding 'klingon'"),
        (["generate", "{products}", "--device", "gpu", "-m", "{model}"], "use auto, cpu, cuda or cuda:N"),
        (["generate", "{products}", "--device", "cuda:3", "-m", "{model}"], "--device cuda:3: torch sees 0 GPU(s)"),
        (
            ["generate", "{products}", "--device", "cuda:3", "--engine", "transformers", "-m", "{model}"],
            "--device cuda:3: torch sees 0 GPU(s) here; use --device auto or cpu",
        ),
        (
            ["generate", "{products}", "--device", "cuda:3", "--engine", "ct2", "-m", "{model}"],
            "the ct2 engine cannot decode on cuda:3: CTranslate2 sees no GPU; use --device cpu",
        ),
    ],
)
def test_invalid_option_values_exit_2_with_the_choices(tmp_path, tiny_gpt2, args, message):
    values = {"drafts": drafts(tmp_path), "products": str(SAMPLES / "products.csv"), "model": str(tiny_gpt2)}
    result = runner.invoke(app, [arg.format(**values) for arg in args] + ["--quiet"])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_usage_error_is_one_line_from_a_real_process(tmp_path):
    path = drafts(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "copygen", "evaluate", path, "--refs", path, "--tokenize", "foo"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 2
    assert run.stderr.startswith("Error: unknown --tokenize 'foo': use one of ")
    assert len(run.stderr.strip().splitlines()) == 1
