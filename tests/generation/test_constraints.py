"""The transformers number constraint: a number only as a prefix of one the product holds, ended
only where such a number ends, with its unit; per product and per beam, in batches."""

from __future__ import annotations

import pytest
from tiny_models import tiny_tokenizer

from copygen.generation.constraints import allowed_numbers, number_constraint, state_bans, state_of, token_table
from copygen.generation.engines import transformers as transformers_engine
from copygen.generation.engines.transformers import TransformersEngine
from copygen.generation.settings import GenerationSettings
from copygen.quality.tokens import quantities

CHARGER = {"name": "Volta 65W USB-C Charger", "ports": "2", "weight": "1.2 kg", "price": "$1,200"}
PLATES = {"name": "Plate set", "range": "2.5 kg to 24 kg"}


@pytest.fixture(scope="module")
def table():
    return token_table(tiny_tokenizer())


def first_blocked(table, attributes, pieces):
    """The first piece (a token's text) the constraint would mask when written in this order."""
    allowed, text = allowed_numbers(attributes), ""
    for piece in pieces:
        index = table.surfaces.index(piece)
        banned, close_all = state_bans(table, allowed, state_of(text))
        if index in banned or (close_all and bool(table.closers[index])):
            return piece
        text += piece
    return None


def own_pieces(text):
    tokenizer = tiny_tokenizer()
    return [tokenizer.decode([i]) for i in tokenizer(text, add_special_tokens=False)["input_ids"]]


def char_pieces(text):
    return list(text)  # every number split into single characters, "2" "." "5"


@pytest.mark.parametrize("split", [own_pieces, char_pieces])
@pytest.mark.parametrize(
    "attributes, text",
    [
        (CHARGER, " The 65 W charger has 2 ports and weighs 1.2 kg."),
        (CHARGER, " Only $1,200, or $1200."),  # as written and canonical
        (CHARGER, " It weighs 1.2."),  # a number may end a sentence
        (CHARGER, " The Volta 65W."),  # a unit glued to its number
        (PLATES, " Plates from 2.5 kg to 24 kg."),
        (PLATES, " From 2.5-24 kg."),
        ({"name": "Oak chair"}, " An oak chair, model X200."),  # a model name is no number
        ({"name": "Oak chair"}, " An oak chair."),
    ],
)
def test_numbers_the_product_holds_can_be_written(table, split, attributes, text):
    assert first_blocked(table, attributes, split(text)) is None


@pytest.mark.parametrize("split", [own_pieces, char_pieces])
@pytest.mark.parametrize(
    "attributes, text, blocked",
    [
        (CHARGER, " A 6.5 W charger.", "."),  # "6" may only go on as "65"
        (CHARGER, " It has 3 ports.", "3"),
        (CHARGER, " Up to 650 W.", "0"),  # an allowed number continued
        (CHARGER, " Only 6 W.", " "),  # an allowed number's first digit, ended early
        (CHARGER, " Weighs 1.5 kg.", "5"),
        (CHARGER, " Only $65.", "6"),  # the number in another currency
        (CHARGER, " Now 1,300.", "3"),
        (PLATES, " Plates from 2.4 kg.", "4"),
        (PLATES, " Up to 25 kg.", "5"),
        ({"name": "Oak chair"}, " Seats 4.", "4"),  # no number at all: none can start
    ],
)
def test_invented_numbers_cannot_be_written(table, split, attributes, text, blocked):
    found = first_blocked(table, attributes, split(text))
    assert found is not None
    assert found.strip() == blocked.strip() or blocked in found  # own pieces may hold more than one character


def test_a_unit_written_in_one_token_must_be_the_numbers_own(table):
    assert first_blocked(table, CHARGER, own_pieces(" Weighs 65 kg.")) == " kg"
    assert first_blocked(table, CHARGER, own_pieces(" Weighs 1.2 kg.")) is None
    # a unit split over tokens ("k" "g") is judged by what it may go on to: "k" starts no unit 65 is held in
    assert first_blocked(table, CHARGER, char_pieces(" Weighs 65 kg.")) == "k"
    assert first_blocked(table, CHARGER, char_pieces(" Weighs 1.2 kg.")) is None


def test_allowed_numbers_come_from_every_leaf_with_their_units():
    allowed = allowed_numbers({"id": "7", "specs": {"weight": "1.2 kg", "sizes": ["2.5 kg", 24]}, "model": "X200"})
    assert allowed.written == {"1.2", "2.5", "24"}  # not the id, not a model name
    assert allowed.units["1.2"] == {"kg"} and allowed.units["24"] == {None}


def test_each_row_is_held_to_its_own_product(table):
    import torch

    tokenizer = tiny_tokenizer()
    constraint = number_constraint(tokenizer, [{"size": "3 L"}, {"size": "5 L"}])
    three, five = (table.surfaces.index(digit) for digit in ("3", "5"))
    space = table.surfaces.index(" ")
    input_ids = torch.tensor([[0, space]] * 4)  # 2 products x 2 beams, each after a space
    scores = constraint(input_ids, torch.zeros(4, len(table.surfaces)))
    assert torch.isfinite(scores[:2, three]).all() and torch.isinf(scores[:2, five]).all()
    assert torch.isinf(scores[2:, three]).all() and torch.isfinite(scores[2:, five]).all()


@pytest.fixture
def digit_loving(monkeypatch):
    """Make the tiny model want to write digits at every step (after the number constraint, so the
    constraint's bans still hold), so that it would invent numbers if it could."""
    import torch
    from transformers import LogitsProcessor

    tokenizer = tiny_tokenizer()
    digits = [i for i, text in enumerate(token_table(tokenizer).surfaces) if any(c.isdigit() for c in text)]

    class DigitLover(LogitsProcessor):
        def __call__(self, input_ids, scores):
            boost = torch.zeros_like(scores)
            boost[:, digits] = 6.0
            return (scores + boost).log_softmax(dim=-1)

    monkeypatch.setattr(transformers_engine, "copy_ngram_ban", lambda size, start: DigitLover())


PRODUCTS = [
    ("Write copy: Volta charger, 65 W, 2 ports", CHARGER),
    ("Write copy: plate set, 2.5 kg to 24 kg", PLATES),
    ("Write copy: oak chair", {"name": "Oak chair"}),
]


def decode(model, products, **options):
    settings = GenerationSettings(
        **{"num_beams": 3, "num_variants": 3, "max_new_tokens": 16, "batch_size": 8, **options}
    )
    engine = TransformersEngine.load(str(model), settings)
    engine.seed(settings.seed)  # sampled rows must not depend on the draws of tests run before
    texts = [text for text, _ in products]
    return engine.decode(texts, settings, grounding=[attributes for _, attributes in products])


def invented(products, decoded):
    """Each variant's numbers that no attribute holds with their unit, which the constraint keeps
    out (what a number counts, "24 finis", is left to the checks)."""
    found = []
    for (_, attributes), variants in zip(products, decoded):
        allowed = allowed_numbers(attributes)
        for variant in variants:
            numbers = [
                quantity.number
                for quantity in quantities(variant.text)
                if quantity.number not in allowed.units or not allowed.fits(quantity.number, quantity.unit)
            ]
            if numbers:
                found.append((variant.text, numbers))
    return found


def test_a_tiny_model_invents_numbers_without_the_constraint_and_none_with_it(tiny_model, digit_loving):
    assert invented(PRODUCTS, decode(tiny_model, PRODUCTS, constrain_numbers=False))
    constrained = decode(tiny_model, PRODUCTS)
    assert invented(PRODUCTS, constrained) == []
    written = " ".join(variant.text for variants in constrained[:2] for variant in variants)
    assert any(number in written for number in ("65", "1.2", "2.5", "24"))  # it still writes numbers


def test_sampled_rows_are_held_to_their_product(tiny_gpt2, digit_loving):
    decoded = decode(tiny_gpt2, PRODUCTS, sample=True, temperature=1.5, num_variants=4, seed=1)
    assert invented(PRODUCTS, decoded) == []


def test_a_product_decodes_the_same_alone_and_in_a_batch(tiny_model, digit_loving):
    alone = decode(tiny_model, PRODUCTS[1:2])[0]
    batched = decode(tiny_model, PRODUCTS, batch_size=3)[1]
    assert [v.text for v in batched] == [v.text for v in alone]
    assert [v.score for v in batched] == pytest.approx([v.score for v in alone], abs=1e-4)
