"""Common inventions: banned from a product's first decoding where the copy checks would call them untrue."""

import pytest
from transformers import AutoTokenizer

from copygen.generation import inventions
from copygen.generation.engines import ct2
from copygen.generation.inventions import invention_runs, untrue_inventions
from copygen.generation.settings import GenerationSettings
from copygen.quality.tokens import contains

LISTED = inventions.COMMON_INVENTIONS  # the real list, before the fixture below swaps it
PHRASES = ("Michelin", "Italian", "London", "family-friendly", "New York City", "eco-friendly")
CAFE = {"name": "Aromi", "eatType": "coffee shop", "food": "Chinese", "familyFriendly": "no"}
TRATTORIA = {"name": "Zizzi", "food": "Italian", "area": "London Road", "familyFriendly": "yes"}


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


@pytest.mark.parametrize(
    "product, banned, allowed",
    [
        ({"name": "Aromi", "eatType": "coffee shop"}, ["restaurant", "restaurants", "pub", "bistro"], []),
        ({"name": "Aromi", "eatType": "restaurant"}, ["pub"], ["restaurant", "restaurants"]),
        ({"name": "Aromi", "eatType": "pub"}, ["restaurant"], ["pub"]),
        ({"name": "Aromi", "priceRange": "cheap"}, ["high-end"], ["restaurant"]),
        ({"name": "Aromi", "priceRange": "high"}, [], ["high-end"]),
        ({"name": "Aromi", "priceRange": "moderate"}, ["high-end"], []),
        ({"name": "Aromi", "customer rating": "average"}, ["renowned", "well-regarded", "popular"], []),
        ({"name": "Aromi", "customer rating": "5 out of 5"}, [], ["renowned", "well-regarded", "popular"]),
        ({"name": "Aromi", "familyFriendly": "no"}, ["family-friendly", "family-focused", "family-style"], []),
        ({"name": "Aromi", "familyFriendly": "yes"}, [], ["family-friendly", "family-focused", "family-style"]),
        # the samples' kind: no place, no price tier, and no evidence of renown
        ({"name": "Harbor kettle", "price": "$129.00"}, ["renowned"], ["restaurant", "pub", "high-end"]),
    ],
)
def test_the_listed_words_for_a_kind_price_rating_or_yes_no_are_banned_only_where_untrue(
    monkeypatch, product, banned, allowed
):
    monkeypatch.setattr(inventions, "COMMON_INVENTIONS", LISTED)
    found = untrue_inventions(product)
    assert set(banned) <= set(found) and not set(allowed) & set(found)
