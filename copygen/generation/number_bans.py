"""Numbers that cannot be invented, for engines with no logits hook (CTranslate2's beam search):
the token sequences that would write a number no attribute of the product holds, to suppress.

A number starts after a space: from there its digits must stay a prefix of a number the
product's attributes hold (as written, "2,500", or canonical, "2500"), so "35" is banned for
SPF 30 and "6.5" for 65 W. Elsewhere (after "$", "(", a letter) the digits must at least occur
inside such a number. Each ban is a short run of number tokens ending in the digit that breaks
the rule, so the engine drops only the beams that would write it. The bans are exact for
tokenizers that split numbers into digits (Llama, SmolLM2, T5's digits after a space) and cover
whole number tokens for the others (GPT-2).

What these bans cannot say is "after this prefix of 45, only a 5": that would be one ban per
token of the vocabulary. So a number can still stop short ("45 x 4 and"). `learned_bans` closes
that gap after the fact: from a decoded copy that states a number, name or claim no attribute
holds ("Michelin-starred", "eco-friendly"), or says what a value is not ("family-friendly" for
familyFriendly: no), the exact token run that wrote it, to suppress when the product is decoded
again (by either engine: names and claims have no logits hook in the transformers engine either).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from copygen.quality.claims import unsupported_claim_spans
from copygen.quality.grounding import (
    UNITS,
    attribute_values,
    canonical_number,
    contradicted_spans,
    tokens_of,
    unsupported_name_spans,
    unsupported_spans,
)
from copygen.quality.values import NEGATIONS, PART_MADE_OF, PLACED_AT, SAID_ABSENT

SEPARATORS = (".", ",")
DIGITS = "0123456789"  # not str.isdigit: superscripts are not numbers a reader checks
BREAKS = (" ", "\n")  # a token that is only one of these may come right before a number
CLOSERS = ("-", "%", "/", "x", "°", '"')  # what may come right after a number, besides its unit
MAX_BANS = 5000  # a product with very many numbers: leave the rest to the grounded ranking
RETRIES = 4  # times a product whose every candidate states something untrue is decoded again
FIRST_WORD = re.compile(r"[^\W_]+")
TOO_COMMON = frozenset({"all", "any", "every", "different", "various"})  # banned alone, no copy could say "all"
CAPITALISED = re.compile(r"(?<![\w-])[^\W\d_a-z][^\W_]*")  # a word that starts with a capital
HEAD_OF = re.compile(r"[^\W\d_]+\s+of\s+(?:the\s+)?$", re.IGNORECASE)  # "heart of the" before a place


def allowed_numbers(attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> set[str]:
    """Every number in the attributes, as written and in canonical form."""
    allowed = set()
    for value in attribute_values(attributes, skip):
        for token in tokens_of(value):
            if token.kind == "number":
                allowed.update({value[token.start : token.end], token.text})
    return allowed


@lru_cache(maxsize=8)
def closing_tokens(tokenizer) -> list[str]:
    """First tokens of what ends a number: a space, a unit ("W", " watts"), "-", "%", ..."""
    spellings = {form for unit in UNITS for form in (unit, unit.capitalize(), unit.upper())}
    words = [*BREAKS, *CLOSERS, *(form for spelling in sorted(spellings) for form in (spelling, " " + spelling))]
    firsts = {
        tokenizer.convert_ids_to_tokens(ids[:1])[0]
        for ids in tokenizer(words, add_special_tokens=False)["input_ids"]
        if ids
    }
    return sorted(firsts)


@lru_cache(maxsize=8)
def number_tokens(tokenizer) -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """A tokenizer's tokens that write numbers: (token, digits) for digit tokens without and with a
    leading space, and the tokens that are a lone space (a number may follow them). In id order: a
    tokenizer lists its vocabulary in a different order in every process, and the bans (and which
    of them MAX_BANS keeps) must not change with it."""
    inner, starting, spaces = [], [], []
    for token, _ in sorted(tokenizer.get_vocab().items(), key=lambda item: item[1]):
        text = tokenizer.convert_tokens_to_string([token])
        body = text.lstrip(" ")
        if text in BREAKS:
            spaces.append(token)
        elif text in SEPARATORS:
            inner.append((token, text))
        elif body and any(c in DIGITS for c in body) and all(c in DIGITS or c in SEPARATORS for c in body):
            (starting if text != body else inner).append((token, body))
    return inner, starting, spaces


def number_bans(tokenizer, attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> list[list[str]]:
    """Token sequences to suppress so that no number outside the product's attributes is written."""
    allowed = allowed_numbers(attributes, skip)
    inner, starting, spaces = number_tokens(tokenizer)
    longest = max((len(number) for number in allowed), default=0) + 1

    def inside(text: str) -> bool:
        return any(text in number for number in allowed)

    def begins(text: str) -> bool:
        return any(number.startswith(text) for number in allowed)

    digits = [(token, body) for token, body in inner if body not in SEPARATORS]
    bans = [[token] for token, body in digits if not inside(body)]
    bans += [[token] for token, body in starting if not begins(body)]
    usable = [(token, body) for token, body in inner if body in SEPARATORS or inside(body)]
    starts = [([space, token], body) for space in spaces for token, body in digits if begins(body)]
    bans += [[space, token] for space in spaces for token, body in digits if inside(body) and not begins(body)]
    starts += [([token], body) for token, body in starting if begins(body)]
    grow(starts, usable, begins, longest, bans, ends=closing_tokens(tokenizer), complete=allowed)
    grow([([token], body) for token, body in digits if inside(body)], usable, inside, longest, bans)
    return bans[:MAX_BANS]


def grow(
    frontier: list[tuple[list[str], str]],
    usable: list[tuple[str, str]],
    fits,
    longest: int,
    bans: list,
    ends: list[str] = (),
    complete: set[str] = frozenset(),
) -> None:
    """Extend runs of number tokens that `fits` one token at a time and ban each run whose last
    digit breaks the rule. A separator that breaks it may end the number ("65."), so only a digit
    after it is banned. With `complete`, a run that is not a whole number may not end in one of
    the `ends` tokens ("6 " for 65)."""
    while frontier and len(bans) < MAX_BANS:
        grown = []
        for tokens, text in frontier:
            if complete and text not in complete and text[-1] not in SEPARATORS:
                bans += [[*tokens, end] for end in ends]
            for token, body in usable:
                longer = text + body
                if fits(longer):
                    if len(longer) <= longest:
                        grown.append(([*tokens, token], longer))
                elif body not in SEPARATORS or (complete and text not in complete):
                    bans.append([*tokens, token])
                elif text[-1] not in SEPARATORS:  # "65." may end a sentence; "65.5" may not
                    bans += [[*tokens, token, digit] for digit, digit_body in usable if digit_body not in SEPARATORS]
        frontier = grown


def untrue_runs(
    tokenizer, ids: list[int], attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)
) -> list[tuple[int, int, str]]:
    """Where a decoded copy (`ids`) wrote a number, name or claim no attribute holds or contradicted a
    value, in order, as token slices with their text: its tokens, from the one before when a number's first
    token is a bare digit (so "4" stays allowed inside "24"), and the token after when it ends in a
    digit ("4" then " and", so "45" stays allowed), and on to the end of a character written in
    several byte tokens ("⅓"); the text runs from the first token to the end."""
    ends, partial, text = [], [], ""
    for count in range(1, len(ids) + 1):
        text = tokenizer.decode(ids[:count], skip_special_tokens=True)
        ends.append(len(text))
        partial.append(text.endswith("\ufffd"))  # a character's first bytes ("⅓" is 3 byte tokens)
    runs = []
    for start, end in untrue_spans(attributes, text, skip):
        first = next(i for i, reach in enumerate(ends) if reach > start)
        last = next(i for i, reach in enumerate(ends) if reach >= end)
        while partial[last] and last + 1 < len(ids):
            last += 1
        if text[end - 1] in DIGITS and last + 1 < len(ids):
            last += 1
        if first and tokenizer.decode(ids[first : first + 1])[:1] in DIGITS:
            first -= 1
        runs.append((first, last + 1, text[ends[first - 1] if first else 0 : end]))
    return runs


def untrue_spans(attributes: dict[str, Any], text: str, skip: tuple[str, ...] = ("id",)) -> list[tuple[int, int]]:
    """Where `text` states a number, name or claim no attribute holds, or contradicts a value (only
    the part to suppress, see banned_part), as sorted (start, end) offsets."""
    contradicted = [banned_part(text, start, end) for start, end in contradicted_spans(attributes, text, skip)]
    named = unsupported_name_spans(attributes, text, skip) + unsupported_claim_spans(attributes, text, skip)
    return sorted(unsupported_spans(attributes, text, skip) + contradicted + named)


def banned_part(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of a contradiction to suppress: a name said plainly ("family-friendly" for
    familyFriendly: no) up to its first word, so the next try is not "family-oriented" either; a
    negated one ("not family-friendly" for a yes) whole, so "not" itself stays allowed; a neighbour
    placed around the product ("in the heart of Clare Hall" for near: Clare Hall) up to the
    neighbour's first word, from the word its "of" follows ("heart of Clare", "heart of the
    Portland": whatever adjectives come before), so "in" stays allowed and so does "near Clare Hall";
    a thing said absent ("gig bag-free", "grinder is not included") whole, so "gig bag" stays allowed;
    so is one that starts with a word too common to ban alone ("all ages"), and a part said made of
    another's material ("blades are made of soft-grip ABS"), so the handles may still be."""
    word = FIRST_WORD.match(text, start, end)
    if (
        word is None
        or PART_MADE_OF.fullmatch(text, start, end)
        or word.group().lower() in NEGATIONS
        or FIRST_WORD.findall(text, start, end)[-1].lower() in SAID_ABSENT
        or word.group().lower() in TOO_COMMON
    ):
        return start, end
    if word.group().lower() in PLACED_AT:
        name = CAPITALISED.search(text, word.end(), end)
        if name is None:
            return start, end
        within = HEAD_OF.search(text, start, name.start())  # "heart of", "heart of the"
        return within.start() if within else start, name.end()
    return start, word.end()


def untrue_text_runs(tokenizer, text: str, attributes: dict[str, Any]) -> list[list[int]]:
    """The token runs (ids) of a decoded copy's text that state what `attributes` do not (see
    untrue_runs), for an engine that bans token ids; the text is tokenized again."""
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return [ids[first:end] for first, end, _ in untrue_runs(tokenizer, ids, attributes, skip=())]


def learned_bans(tokenizer, ids: list[int], runs: list[tuple[int, int, str]]) -> list[list[str]]:
    """The token runs of a decoded copy that wrote untrue things (`runs` from untrue_runs), to suppress."""
    return [tokenizer.convert_ids_to_tokens(ids[first:end]) for first, end, _ in runs]


def true_start(
    tokenizer, ids: list[int], run: tuple[int, int, str], attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)
) -> list[int]:
    """A decoded copy's ids up to its invented number `run` (its first), where a decoding that
    continues from them begins. A number stopped short of exactly one number the attributes hold
    ("2000mAh" for 20000 mAh) is completed there, since the bans cannot say "after 2000, only a 0"."""
    first, _, written = run
    digits = re.search(r"\d(?:[\d.,]*\d)?", written)
    if digits is None:
        return ids[:first]
    allowed = allowed_numbers(attributes, skip)
    longer = {number for number in allowed if number.startswith(digits.group()) and number != digits.group()}
    if digits.group() in allowed or len({canonical_number(number) for number in longer}) != 1:
        return ids[:first]
    completed = written[: digits.start()] + max(longer, key=len)
    return ids[:first] + tokenizer(completed, add_special_tokens=False)["input_ids"]
