"""A product none of whose candidates names it is decoded again with its copy started from the name."""

import pytest

from copygen.generation import pipeline
from copygen.generation.engines import engine_class
from copygen.generation.engines.base import Engine
from copygen.generation.engines.transformers import load_transformers
from copygen.generation.models import resolve_model
from copygen.generation.pipeline import draft_products, joined, plan_drafts
from copygen.generation.settings import GenerationSettings
from copygen.io.drafts import Variant
from copygen.io.products import Product
from copygen.quality.checks import is_clean

SOCKS = Product(id="s1", line=1, attributes={"id": "s1", "name": "Trailhead Crew Socks", "sizes": "S, M, L"})
MUG = Product(id="m1", line=2, attributes={"id": "m1", "name": "Harbor Mug", "sizes": "one size"})


class Scripted(Engine):
    """Writes "These socks ..." for a prompt, and a continuation for a prompt that ends with the name."""

    name = "scripted"

    def __init__(self, loaded):
        super().__init__(loaded)
        self.asked: list[list[str]] = []

    @classmethod
    def load(cls, spec, settings, *, threads=None):
        raise NotImplementedError

    def decode(self, texts, settings, on_batch=None, grounding=None, again=None):
        self.asked.append(texts)
        copy = {
            "Trailhead Crew Socks": "are soft, in sizes S, M, L.",
            "s1": "These socks are soft, in sizes S, M, L.",
            "m1": "The Harbor Mug holds tea.",
        }
        return [[Variant(next(v for k, v in copy.items() if text.endswith(k)), -0.5)] for text in texts]


@pytest.fixture(scope="module")
def loaded(tiny_gpt2):
    return load_transformers(resolve_model(str(tiny_gpt2)))


def job_for(rank="grounded", channel=None):
    settings = GenerationSettings(num_beams=2, num_variants=2, engine="transformers")
    job = plan_drafts(["id", "name", "sizes"], "p", settings=settings, rank=rank, channel=channel)
    job.template_source = "{{ id }}"
    return job


def test_a_product_whose_copy_never_names_it_gets_copy_started_from_its_name(loaded):
    engine = Scripted(loaded)
    socks, mug = draft_products([SOCKS, MUG], job_for(), engine)
    assert [v.text for v in socks.variants] == [
        "Trailhead Crew Socks are soft, in sizes S, M, L.",
        "These socks are soft, in sizes S, M, L.",
    ]
    assert socks.clean and is_clean(socks.variants[0].checks)
    assert mug.variants[0].text == "The Harbor Mug holds tea."  # named already: not decoded again
    first, again = engine.asked
    assert len(first) == 2 and again == [
        first[0] + " Trailhead Crew Socks"
    ]  # only the socks, the name after the prompt
    [socks] = draft_products([SOCKS], job_for(channel="product-description"), Scripted(loaded))
    assert socks.variants[0].text.startswith("Trailhead Crew Socks are")  # a channel of one piece of copy too


def test_copy_that_names_the_product_only_with_an_untrue_claim_is_started_from_its_name(loaded):
    class Tokyo(Scripted):
        def decode(self, texts, settings, on_batch=None, grounding=None, again=None):
            self.asked.append(texts)
            if texts[0].endswith("Trailhead Crew Socks"):
                return [[Variant("are soft, in sizes S, M, L.", -0.5)]]
            return [[Variant("Trailhead Crew Socks, made in Tokyo.", -0.2), Variant("Soft socks, S, M, L.", -0.3)]]

    engine = Tokyo(loaded)
    [socks] = draft_products([SOCKS], job_for(), engine)
    assert len(engine.asked) == 2 and socks.clean
    assert socks.variants[0].text == "Trailhead Crew Socks are soft, in sizes S, M, L."


def test_copy_that_names_the_product_only_in_a_preamble_is_started_from_its_name(loaded):
    class Preamble(Scripted):
        def decode(self, texts, settings, on_batch=None, grounding=None, again=None):
            self.asked.append(texts)
            if texts[0].endswith("Trailhead Crew Socks"):
                return [[Variant("are soft, in sizes S, M, L.", -0.5)]]
            return [[Variant('Here\'s a product description for "Trailhead Crew Socks": S, M, L.', -0.2)]]

    engine = Preamble(loaded)
    [socks] = draft_products([SOCKS], job_for(), engine)
    assert len(engine.asked) == 2 and socks.clean
    assert socks.variants[0].text == "Trailhead Crew Socks are soft, in sizes S, M, L."
    preamble = socks.variants[1]
    assert [check["check"] for check in preamble.checks if not check["passed"]] == ["meta"]


def test_no_copy_is_started_from_the_name_by_model_rank_a_labelled_channel_seq2seq_or_a_banned_name(loaded, tiny_t5):
    seq2seq = load_transformers(resolve_model(str(tiny_t5)))
    banned = job_for()
    banned.banned = ["Trailhead"]  # its copy would fail the banned check
    for job, model in (
        (job_for(rank="model"), loaded),
        (job_for(channel="search-ad"), loaded),
        (job_for(), seq2seq),
        (banned, loaded),
    ):
        engine = Scripted(model)
        [socks] = draft_products([SOCKS], job, engine)
        assert len(engine.asked) == 1 and not socks.variants[0].text.startswith("Trailhead")


def test_the_embedded_default_decodes_once_a_product_whose_plain_copy_passes(loaded, monkeypatch):
    """Its copy would come second to the plain copy (plain_copy.py): neither the engine's rounds of
    decoding again nor a copy started from the name are run for it. A product with no plain copy
    (nothing to name it by) is decoded again as before. Another model decodes every product again."""

    class Recording(Scripted):
        def __init__(self, loaded):
            super().__init__(loaded)
            self.again: list = []

        def decode(self, texts, settings, on_batch=None, grounding=None, again=None):
            self.again.append(again)
            return super().decode(texts, settings, on_batch, grounding, again)

    unnamed = Product(id="m1", line=3, attributes={"id": "m1", "sizes": "one size"})
    monkeypatch.setattr(pipeline, "DEFAULT_MODEL", loaded.name)
    engine = Recording(loaded)
    socks, _ = draft_products([SOCKS, unnamed], job_for(), engine)
    assert engine.again == [[False, True]] and len(engine.asked) == 1
    assert socks.variants[0].source == "data" and socks.variants[1].text == "These socks are soft, in sizes S, M, L."
    monkeypatch.setattr(pipeline, "DEFAULT_MODEL", "another model")
    engine = Recording(loaded)
    [socks] = draft_products([SOCKS], job_for(), engine)
    assert engine.again == [[True], None]  # the first decoding, then the copy started from the name
    assert len(engine.asked) == 2 and socks.variants[0].text.startswith("Trailhead Crew Socks are")


@pytest.mark.parametrize("engine", ["transformers", "ct2"])
def test_both_engines_start_a_copy_that_missed_the_name_from_it(tiny_gpt2, engine):
    """The tiny model writes random words, never the name: every draft's best copy starts with it."""
    settings = GenerationSettings(num_beams=2, num_variants=1, max_new_tokens=8, engine=engine, compute_type="float32")
    job = plan_drafts(["id", "name", "sizes"], "p", model=str(tiny_gpt2), settings=settings, plain_copy=False)
    decoder = engine_class(engine).load(str(tiny_gpt2), job.settings)
    drafts = list(draft_products([SOCKS, MUG], job, decoder))
    for draft, product in zip(drafts, [SOCKS, MUG]):
        assert draft.variants[0].text.startswith(product.attributes["name"])
        assert [c["passed"] for c in draft.variants[0].checks if c["check"] == "required"] == [True]


@pytest.mark.parametrize(
    "rest, copy",
    [
        ("are soft.", "Trailhead Crew Socks are soft."),
        (", in three sizes.", "Trailhead Crew Socks, in three sizes."),
        ("'s merino is soft.", "Trailhead Crew Socks's merino is soft."),
        ("", "Trailhead Crew Socks"),
    ],
)
def test_a_started_copy_joins_the_name_and_the_continuation(rest, copy):
    assert joined("Trailhead Crew Socks", rest) == copy
