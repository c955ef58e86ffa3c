"""Common inventions, banned from a product's first decoding where the copy checks would call them
untrue, and the product's keys written as labels."""

import pytest
from transformers import AutoTokenizer

from copygen.generation import inventions
from copygen.generation.engines import ct2
from copygen.generation.inventions import invention_runs, label_runs, untrue_inventions
from copygen.generation.settings import GenerationSettings
from copygen.quality.checks import echoed_labels
from copygen.quality.tokens import contains

LISTED = inventions.COMMON_INVENTIONS  # the real list, before the fixture below swaps it
PHRASES = ("Michelin", "Italian", "London", "family-friendly", "New York City", "eco-friendly")
CAFE = {"name": "Aromi", "eatType": "coffee shop", "food": "Chinese", "familyFriendly": "no"}
TRATTORIA = {"name": "Zizzi", "food": "Italian", "area": "London Road", "familyFriendly": "yes"}
LISTING = {
    "title": "Insulated Water Bottle 32 oz",
    "price": "$44.95",
    "customer rating": "4.8",
    "details": {"Weight": "420 g"},
    "headline": "Cold for 24 hours",
    "care": "Note: hand wash only",
}


@pytest.fixture(autouse=True)
def phrases(monkeypatch):
    monkeypatch.setattr(inventions, "COMMON_INVENTIONS", PHRASES)


@pytest.fixture(scope="module")
def tokenizer(tiny_gpt2):
    return AutoTokenizer.from_pretrained(tiny_gpt2)


def test_an_invention_is_banned_only_where_the_checks_call_it_untrue():
    assert untrue_inventions(CAFE) == list(PHRASES)
    # the trattoria's data holds "Italian" and "London", and family-friendly is true of it
    assert untrue_inventions(TRATTORIA) == ["Michelin", "New York City", "eco-friendly"]
    assert "eco-friendly" not in untrue_inventions({**CAFE, "cups": "compostable"})


@pytest.mark.parametrize(
    "copy",
    [
        " Aromi is a Michelin-starred cafe.",
        "Michelin-starred Aromi serves tea.",
        " Aromi, in London, serves tea.",
        " It is family-friendly.",
        " Family-friendly and calm.",
        " Aromi is in New York City.",
        " Aromi is in New York.",  # a name of several words is banned from its first two
    ],
)
def test_the_runs_stop_each_form_copy_writes(tokenizer, copy):
    ids = tokenizer(copy, add_special_tokens=False)["input_ids"]
    assert any(contains(ids, run) for run in invention_runs(tokenizer, CAFE))


def test_the_runs_stop_nothing_the_product_holds(tokenizer):
    ids = tokenizer(" Zizzi, an Italian place on London Road, is family-friendly.", add_special_tokens=False)[
        "input_ids"
    ]
    assert not any(contains(ids, run) for run in invention_runs(tokenizer, TRATTORIA))


def test_no_run_is_part_of_how_the_product_writes_its_own_values(tokenizer, monkeypatch):
    """An invention whose tokens begin a word of the product's own ("Rio" of "Rioja", "American"
    of "Americano") is not banned: the copy could not write the product's name."""
    name = " Aromi Verde"
    first = tokenizer.decode(tokenizer(name, add_special_tokens=False)["input_ids"][:1]).strip()
    assert first != "Aromi"  # the tiny tokenizer writes "Aromi" in pieces
    monkeypatch.setattr(inventions, "COMMON_INVENTIONS", (first, "London"))
    product = {"name": name.strip()}
    assert untrue_inventions(product) == [first, "London"]  # the checks call both untrue
    banned = [tokenizer.decode(run).strip() for run in invention_runs(tokenizer, product)]
    assert banned and set(banned) == {"London"}


def test_the_ct2_engine_suppresses_them_from_the_first_decoding(tokenizer):
    london = tokenizer.convert_ids_to_tokens(tokenizer(" London", add_special_tokens=False)["input_ids"])
    cafe, trattoria = ct2.first_bans(tokenizer, [CAFE, TRATTORIA], GenerationSettings())
    assert london in cafe and london not in trattoria
    assert ct2.first_bans(tokenizer, [CAFE], GenerationSettings(constrain_numbers=False)) is None


def test_the_template_examples_values_are_kept_out_of_copy_for_a_product_that_lacks_them(tokenizer):
    settings = GenerationSettings(example_words=["porcelain", "kilnworth"])
    porcelain = tokenizer.convert_ids_to_tokens(tokenizer(" porcelain", add_special_tokens=False)["input_ids"])
    maker = tokenizer.convert_ids_to_tokens(tokenizer(" Kilnworth", add_special_tokens=False)["input_ids"])
    lantern, mug = ct2.first_bans(tokenizer, [LISTING, {"name": "Daybreak Mug", "material": "porcelain"}], settings)
    assert porcelain in lantern and maker in lantern
    assert porcelain not in mug and maker in mug  # the mug is porcelain too; Kilnworth did not make it
    assert porcelain not in ct2.first_bans(tokenizer, [LISTING], GenerationSettings())[0]


@pytest.mark.parametrize(
    "copy",
    [
        "Title: Insulated Water Bottle 32 oz",
        "Insulated Water Bottle 32 oz\nPrice: $44.95",
        "- title: Insulated Water Bottle",
        "* Price: $44.95",
        "• Customer Rating: 4.8",
        "Bottle.\nWeight: 420 g",  # a nested key
    ],
)
def test_the_label_runs_stop_the_keys_the_checks_call_echoed_labels(tokenizer, copy):
    """The marketplace listings' best drafts echoed "Title: ..." and "Price: ..." in 4 of 10."""
    assert echoed_labels(copy, LISTING)
    ids = tokenizer(copy, add_special_tokens=False)["input_ids"]
    assert any(contains(ids, run) for run in label_runs(tokenizer, LISTING))


@pytest.mark.parametrize(
    "copy",
    [
        "Keep drinks cold at a low price: $44.95.",  # a key mid-sentence is copy
        "Its title says it all",
        "Headline: Cold for 24 hours",  # a channel's part label is its format
        "Note: hand wash only.",  # written as the product's own value writes it
    ],
)
def test_the_label_runs_leave_copy_that_is_no_echo(tokenizer, copy):
    ids = tokenizer(copy, add_special_tokens=False)["input_ids"]
    assert not any(contains(ids, run) for run in label_runs(tokenizer, {**LISTING, "note": "x"}))


def test_the_ct2_engine_suppresses_labels_from_the_first_decoding(tokenizer):
    title = tokenizer.convert_ids_to_tokens(tokenizer("Title:", add_special_tokens=False)["input_ids"])
    [listing] = ct2.first_bans(tokenizer, [LISTING], GenerationSettings())
    [cafe] = ct2.first_bans(tokenizer, [CAFE], GenerationSettings())
    assert title in listing and title not in cafe


@pytest.mark.parametrize(
    "product, banned, allowed",
    [
        ({"name": "Aromi", "eatType": "coffee shop"}, ["restaurant", "restaurants", "pub", "bistro"], []),
        ({"name": "Aromi", "eatType": "restaurant"}, ["pub"], ["restaurant", "restaurants"]),
        ({"name": "Aromi", "eatType": "pub"}, ["restaurant"], ["pub"]),
        ({"name": "Aromi", "eatType": "restaurant", "priceRange": "cheap"}, ["high-end"], ["restaurant"]),
        ({"name": "Aromi", "priceRange": "high"}, [], ["high-end"]),
        ({"name": "Aromi", "priceRange": "moderate"}, ["high-end"], []),
        ({"name": "Aromi", "customer rating": "average"}, ["renowned", "well-regarded", "popular"], []),
        ({"name": "Aromi", "customer rating": "5 out of 5"}, [], ["renowned", "well-regarded", "popular"]),
        ({"name": "Aromi", "familyFriendly": "no"}, ["family-friendly", "family-focused", "family-style"], []),
        ({"name": "Aromi", "familyFriendly": "yes"}, [], ["family-friendly", "family-focused", "family-style"]),
        ({"name": "Aromi", "area": "riverside"}, ["family-friendly", "family-style"], []),  # a claim with no evidence
        ({"name": "Aromi", "notes": "kids eat free"}, [], ["family-friendly", "family-style"]),
        # the samples' kind: no place (a kind its data does not say), no price tier, and no evidence of renown
        ({"name": "Harbor kettle", "price": "$129.00"}, ["renowned", "restaurant", "pub"], ["high-end"]),
        # what it is made of, only where the data names a material
        (
            {"name": "Stridewell Running Belt", "features": ["2 zip pockets"]},
            ["made of", "made from", "made entirely of", "made entirely from"],
            [],
        ),
        ({"name": "Vesper Candle", "wax": "soy", "vessel": "amber glass jar"}, [], ["made of", "made from"]),
        ({"name": "Tennis Racket", "features": ["graphite frame"]}, [], ["made of", "made from"]),
    ],
)
def test_the_listed_words_for_a_kind_price_rating_or_yes_no_are_banned_only_where_untrue(
    monkeypatch, product, banned, allowed
):
    monkeypatch.setattr(inventions, "COMMON_INVENTIONS", LISTED)
    found = untrue_inventions(product)
    assert set(banned) <= set(found) and not set(allowed) & set(found)
