"""What models invent most often, and the prompt's facts echoed as labels, kept out of a
product's copy from its first decoding.

Both engines decode again a product whose every candidate states something untrue, with the
token runs that wrote it banned (see number_bans.untrue_runs). Most of those runs are the same
few words: the embedded default model calls a restaurant "Michelin-starred" and puts it "in
London" or "New York City" whatever its data says. Decoding a product again costs as much as
decoding it the first time, so these phrases are banned from the start wherever the copy checks
would call them untrue for the product (never where its data holds them: "London" stays allowed
for a product in London). The checks still judge every candidate; this list only saves decoding
rounds.

COMMON_INVENTIONS is what `bench/common_inventions.py` printed: phrases the embedded default
model invented for at least 3 of 400 E2E MRs outside the split the benches measure on
(`--mrs 400`), then what `--mrs 400 --after-list` printed that is not a name. A name is untrue
for every product that lacks it, so more of them would move the beams on every product; these
others are banned only where a product's rating, price, kind or yes/no contradicts them, or, for
renown, where its data holds no rating or award.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from copygen.generation.number_bans import untrue_spans
from copygen.quality.channels import CHANNELS
from copygen.quality.checks import label_keys
from copygen.quality.grounding import attribute_values
from copygen.quality.tokens import contains

COMMON_INVENTIONS = (  # and the MRs each was invented for
    "restaurant",  # 211
    "Michelin",  # 161
    "Italian",  # 104
    "family-friendly",  # 61
    "renowned",  # 52
    "London",  # 35
    "USA",  # 26
    "Oregon",  # 26
    "Italy",  # 17
    "Rome",  # 12
    "restaurants",  # 10
    "Latin Quarter",  # 10
    "British",  # 9
    "Janeiro",  # 9
    "Rio",  # 9
    "New York City",  # 8
    "well-known",  # 6
    "East End",  # 6
    "bistro",  # 5
    "pub",  # 5
    "top-rated",  # 5
    "American",  # 4
    "Chinatown",  # 3
    "Venice",  # 3
    "Maine",  # 3
    "high-end",  # 3
    "Shanghai",  # 3
    "UK",  # 3
    # --after-list: what the first decoding still wrote with the phrases above banned, less names
    "bistros",  # 13
    "beloved",  # 10
    "luxury",  # 9
    "family-focused",  # 5
    "highly-rated",  # 5
    "well-regarded",  # 5
    "well-respected",  # 3
    # --after-list once ownership and sourcing were claims (claims.CLAIMS), less names
    "family-run",  # 55
    "family-owned",  # 31
    "locally sourced",  # 9
    "family-oriented",  # 7
    "sustainability",  # 3
    # --after-list again once popularity was renown (values.RENOWN) and "family-X" said familyFriendly
    "family-style",  # 39
    "popular",  # 39
    "family-rated",  # 20
    "locally-sourced",  # 14
    "family-thrilling",  # 4
    # From catalogue drafts, not E2E: the template's example is "made of" its material, and the default
    # model says so of products whose data names none ("made of 2 zip pockets", "made of high-quality,
    # durable materials"): in 10 of 60 best drafts of four held-out sets (claims.MATERIAL).
    "made of",
    "made from",
    "made entirely of",  # what the first decoding wrote with the two above banned
    "made entirely from",
    # Not "favorite among locals" (27): banned from its first two words, it moved copy that says
    # "a favorite among outdoor enthusiasts". "top-rated" and "highly-rated" (above) are claims now
    # (claims.CLAIMS), so banned for every product without a rating: that moved 2 of the 24 samples'
    # best drafts (coverage 0.313 -> 0.308), but without them the bench's 64 MRs took 40 rounds of
    # decoding again instead of 34.
)
CONTEXT = "It is a {} one."  # a phrase mid-sentence, where the names check reads capitalised words
LABEL_BULLETS = ("", "- ", "* ", "• ")  # what may start a line before a label (see checks.LABEL_LINE)
PARTS = {part for channel in CHANNELS.values() for part in channel.parts}  # "headline", "description"


def untrue_inventions(attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> list[str]:
    """The common inventions the copy checks would call untrue in copy for `attributes`: each in
    a line of its own, all read at once (the checks read the product's values once, not once per
    phrase; on the 988 products and MRs of the benches and held-out sets, the same phrases as
    reading each line alone, 5 times as fast)."""
    lines = [CONTEXT.format(phrase) for phrase in COMMON_INVENTIONS]
    starts = [sum(len(line) + 1 for line in lines[:index]) + CONTEXT.index("{}") for index in range(len(lines))]
    spans = untrue_spans(attributes, "\n".join(lines), skip)
    return [
        phrase
        for phrase, start in zip(COMMON_INVENTIONS, starts)
        if any(begin < start + len(phrase) and end > start for begin, end in spans)
    ]


def first_runs(
    tokenizer, attributes: dict[str, Any], skip: tuple[str, ...] = ("id",), borrowed: Iterable[str] = ()
) -> list[list[int]]:
    """Token id runs kept out of a product's copy from its first decoding: the common inventions
    untrue for it, its keys written as labels (see invention_runs, label_runs), and the `borrowed`
    words (those of the template's examples, which a small model copies) that its own values do
    not hold. The product's values are tokenized once for all."""
    borrowed_runs = [run for word in borrowed for run in phrase_runs(tokenizer, word)]
    runs = [*invented_forms(tokenizer, attributes, skip), *label_forms(tokenizer, attributes, skip), *borrowed_runs]
    return unheld(tokenizer, attributes, skip, runs)


def invention_runs(tokenizer, attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> list[list[int]]:
    """Token id runs that would write a common invention untrue for `attributes`, in the forms
    copy writes it: after a space or not, with its first letter as listed or capitalised. A run
    that the product's own values are written with is never one: " Americano" is " American"
    then "o", and " Rioja" is " Rio" then "ja"."""
    return unheld(tokenizer, attributes, skip, invented_forms(tokenizer, attributes, skip))


def label_runs(tokenizer, attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> list[list[int]]:
    """Token id runs that would start a line with one of the product's keys as a label ("Title:",
    "- price:"): its list of facts echoed from the prompt, which the copy checks flag (see
    checks.echoed_labels). Marketplace listings drew it in 4 of 10 best drafts. Only the colon
    after the key is banned, and only where the key starts a line or follows a bullet, so copy
    may still say "at a low price: $12". A channel's part labels ("Headline:") stay allowed."""
    return unheld(tokenizer, attributes, skip, label_forms(tokenizer, attributes, skip))


def invented_forms(tokenizer, attributes: dict[str, Any], skip: tuple[str, ...]) -> list[tuple[int, ...]]:
    """The token runs of each common invention untrue for `attributes` (see phrase_runs)."""
    return [run for phrase in untrue_inventions(attributes, skip) for run in phrase_runs(tokenizer, phrase)]


def label_forms(tokenizer, attributes: dict[str, Any], skip: tuple[str, ...]) -> list[tuple[int, ...]]:
    """The token runs of each of the product's keys written as a label (see key_label_runs)."""
    shown = {key: value for key, value in attributes.items() if key not in skip}
    keys = [key for key in label_keys(shown) if key.lower() not in PARTS]
    return [run for key in keys for run in key_label_runs(tokenizer, key)]


def unheld(tokenizer, attributes: dict[str, Any], skip: tuple[str, ...], runs: list[tuple]) -> list[list[int]]:
    """`runs` each once, less those the product's own values are written with."""
    if not runs:
        return []
    values = [form for value in attribute_values(attributes, skip) for form in (" " + value, value)]
    held = tokenizer(values, add_special_tokens=False)["input_ids"] if values else []
    kept: list[list[int]] = []
    for run in map(list, runs):
        if run not in kept and not any(contains(ids, run) for ids in held):
            kept.append(run)
    return kept


@lru_cache(maxsize=4096)
def key_label_runs(tokenizer, key: str) -> tuple[tuple[int, ...], ...]:
    """The token runs of a key written as a label: as given, lower-case, capitalised or title-case,
    at a line's start or after a bullet ("Title:", "- title:"), each once."""
    spellings = dict.fromkeys((key, key.lower(), key[:1].upper() + key[1:], key.title()))
    forms = [bullet + spelling + ":" for spelling in spellings for bullet in LABEL_BULLETS]
    ids = tokenizer(forms, add_special_tokens=False)["input_ids"]
    return tuple(dict.fromkeys(tuple(run) for run in ids if run))


@lru_cache(maxsize=4096)
def phrase_runs(tokenizer, phrase: str) -> tuple[tuple[int, ...], ...]:
    """The token runs of a phrase's forms (see invention_runs), each once. A name of several
    words is banned from its first two ("New York" for "New York City"): banning a run stops
    only its last token, and copy that wrote "New York" has already stated the invention."""
    start = " ".join(phrase.split(" ")[:2])
    forms = dict.fromkeys(
        space + spelling for spelling in (start, start[:1].upper() + start[1:]) for space in (" ", "")
    )
    ids = tokenizer(list(forms), add_special_tokens=False)["input_ids"]
    return tuple(dict.fromkeys(tuple(run) for run in ids if run))
