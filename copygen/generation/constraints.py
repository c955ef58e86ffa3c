"""Numbers that cannot be invented, while decoding with transformers: a logits processor that lets
each row (each beam of each product) write a number only as a prefix of a number its product's
attributes hold, as written ("1,200") or canonical ("1200"), and end it only where such a number
ends, with a unit the attributes give it (or none), and after a currency sign only a number the
attributes give in that currency (or with no unit). With no number in the attributes, no number
can be started at all.

The state of a row is the end of its copy so far: the number being written, the joiner after it
("65 ", "65-"), or the two characters before a number would start (a letter before digits
makes a model name, "X200", which the checks do not count as a claim either). Per tokenizer, the
text each token adds is decoded once; only tokens that contain a digit or start with "." or ","
are judged one by one, so most of the vocabulary is never looked at, and the tokens that end a
number or start a unit are masked as groups. Each (product, state) is judged once per batch.
Numbers split across tokens ("2" "." "5"), tokens with a leading space or marker ("Ġ2", "▁2"),
tokens mixing letters and digits ("4K") and byte-fallback digits are handled alike. A unit is
judged by the first word a token writes ("Ġkg"; one split as "k" "g" is left to the checks), and
a currency sign only when one token writes it (GPT-2 style byte pieces of "£" are not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from copygen.quality.tokens import CURRENCY_SYMBOLS, UNITS, canonical_number, glued_to_word, quantities, tokens_of
from copygen.quality.values import facts

DIGITS = frozenset("0123456789")  # not str.isdigit: superscripts are not numbers a reader checks
SEPARATORS = frozenset(".,")
NUMBER_JOINERS = "- \u00a0\u202f"
RUN = re.compile(r"\d[\d.,]*")
TAIL = re.compile(rf"\d[\d.,]*[{NUMBER_JOINERS}]?$")
LEAD = re.compile(rf"([{NUMBER_JOINERS}]?)([^\W\d_]+|[%°\"″$€£¥])")
UNIT_AFTER = re.compile(rf"[{NUMBER_JOINERS}]?([^\W\d_]+|[%°\"″$€£¥])")


@dataclass(frozen=True)
class AllowedNumbers:
    """The numbers of one product: canonical number -> its units (None: written without one)."""

    units: dict[str, frozenset[str | None]]
    written: frozenset[str]  # every number as written and canonical, for prefixes

    def begins(self, run: str, currency: str | None, left: int | None = None) -> bool:
        """Whether `run` starts a number of the product that `left` more characters can finish."""
        return any(
            text.startswith(run) and self.fits(text, currency) and (left is None or len(text) - len(run) <= left)
            for text in self.written
        )

    def ends(self, run: str, currency: str | None) -> bool:
        return run in self.written and self.fits(run, currency)

    def fits(self, text: str, unit: str | None) -> bool:
        units = self.units.get(canonical_number(text), frozenset())
        return unit is None or None in units or unit in units


def allowed_numbers(attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> AllowedNumbers:
    """Every number in the attributes (each leaf, lists and nested objects too) with its units;
    as in the checks, a number glued to letters before it ("X200") is a name, not a number."""
    units: dict[str, set[str | None]] = {}
    written: set[str] = set()
    for fact in facts(attributes, skip):
        value = str(fact.value)
        for token in tokens_of(value):
            if token.kind == "number" and not glued_to_word(value, token.start):
                written.update({value[token.start : token.end], token.text})
        for quantity in quantities(value):
            units.setdefault(quantity.number, set()).add(quantity.unit)
    return AllowedNumbers({number: frozenset(found) for number, found in units.items()}, frozenset(written))


class TokenTable:
    """What each token of a tokenizer writes, and the groups of tokens the constraint masks."""

    def __init__(self, tokenizer):
        import torch

        self.surfaces = token_surfaces(tokenizer)
        size = len(self.surfaces)
        self.judged = [i for i, text in enumerate(self.surfaces) if judged(text)]
        self.judged_ids = torch.tensor(self.judged, dtype=torch.long)
        closers = [not text or text[0] not in DIGITS | SEPARATORS for text in self.surfaces]
        self.closers = torch.tensor(closers, dtype=torch.bool)
        # (after a joiner?, the units the token may write: its word's, and those the word may go on to
        # when the token ends in it, "k" to "kg") -> ids
        self.unit_ids: dict[tuple[bool, frozenset[str]], list[int]] = {}
        judged_set = set(self.judged)
        for index, text in enumerate(self.surfaces):
            lead = LEAD.match(text)
            if index in judged_set or not lead or lead.group(2).lower() not in UNITS:
                continue
            word = lead.group(2).lower()
            units = unit_goes_on(word) if lead.end() == len(text) else frozenset({UNITS[word]})
            self.unit_ids.setdefault((bool(lead.group(1)), units), []).append(index)
        self.size = size

    def end_of(self, ids: list[int], tokens: int = 8) -> str:
        """The text the last tokens of `ids` write: at least `tokens`, and more while that text
        starts inside a number, so the state never depends on how far back one looked (and so
        not on the other rows of a batch)."""
        while True:
            text = "".join(self.surfaces[i] if i < self.size else "" for i in ids[-tokens:])
            if tokens >= len(ids) or not text[:1] or text[0] not in DIGITS | SEPARATORS:
                return text
            tokens *= 2


def judged(text: str) -> bool:
    return any(c in DIGITS for c in text) or text[:1] in SEPARATORS


@lru_cache(maxsize=8)
def token_table(tokenizer) -> TokenTable:
    return TokenTable(tokenizer)


def token_surfaces(tokenizer) -> list[str]:
    """The text each token id adds after other text, leading space included ("Ġ2", "▁2" -> " 2");
    special tokens add nothing."""
    anchor = tokenizer("a", add_special_tokens=False)["input_ids"]
    options = dict(skip_special_tokens=True, clean_up_tokenization_spaces=False)
    start = tokenizer.decode(anchor, **options)
    size = len(tokenizer)
    decoded = tokenizer.batch_decode([[*anchor, index] for index in range(size)], **options)
    if all(text.startswith(start) for text in decoded):
        return [text[len(start) :] for text in decoded]
    return tokenizer.batch_decode([[index] for index in range(size)], **options)  # pragma: no cover


def state_of(text: str) -> str:
    """The end of `text` that decides what may follow: a number ending at most two characters
    before its end (with the unit being written after it) and the two characters before that
    number, else the last two characters."""
    runs = [run for run in RUN.finditer(text, max(0, len(text) - 64)) if run.end() >= len(text) - 2]
    if not runs:
        return text[-2:]
    cut = max(0, runs[-1].start() - 2)
    while cut > 0 and text[cut] in DIGITS | SEPARATORS:  # never start inside an earlier number
        cut -= 1
    return text[cut:]


def breaks(allowed: AllowedNumbers, prefix: str, surface: str, left: int | None = None) -> bool:
    """Whether writing `surface` after `prefix` (a state) starts, continues or ends a number the
    product does not hold; `left`: how many tokens may still follow (each may be one character),
    so a number is only started where it can be finished."""
    text = prefix + surface
    for run in RUN.finditer(text):
        if run.end() < len(prefix) - 2 or glued_to_word(text, run.start()):
            continue
        before = text[: run.start()].rstrip(NUMBER_JOINERS)[-1:]
        currency = before if before and before in CURRENCY_SYMBOLS else None
        if run.end() == len(text):  # still being written; "65." may also end a sentence
            written = run.group()
            if not allowed.begins(written, currency, left) and not (
                written[-1] in SEPARATORS and allowed.ends(written.rstrip(".,"), currency)
            ):
                return True
            continue
        number = run.group().rstrip(".,")
        if not allowed.ends(number, currency):
            return True
        unit = UNIT_AFTER.match(text, run.end())
        spelled = unit.group(1).lower() if unit else None
        if currency is None and spelled in UNITS and not allowed.fits(number, UNITS[spelled]):
            if unit.end() == len(text) and any(allowed.fits(number, held) for held in unit_goes_on(spelled)):
                continue  # "1.2 k" may be going on to a held "kg"
            return True
    return False


@cache
def unit_goes_on(word: str) -> frozenset[str]:
    """The units a unit word still being written may be, itself or longer ("k": k, kg, kb, ...)."""
    return frozenset(unit for spelling, unit in UNITS.items() if spelling.startswith(word))


def state_bans(
    table: TokenTable, allowed: AllowedNumbers, state: str, left: int | None = None
) -> tuple[list[int], bool]:
    """The token ids to ban in `state` (`left`: tokens that may follow), and whether every token
    that ends the number is banned (the number so far is no whole number of the product)."""
    banned = [index for index in table.judged if breaks(allowed, state, table.surfaces[index], left)]
    tail = TAIL.search(state)
    if not tail or glued_to_word(state, tail.start()):
        return banned, False
    number = tail.group()
    joiner = number[-1] in NUMBER_JOINERS
    number = number.rstrip(NUMBER_JOINERS)
    before = state[: tail.start()].rstrip(NUMBER_JOINERS)[-1:]
    currency = before if before and before in CURRENCY_SYMBOLS else None
    if not joiner and not allowed.ends(number.rstrip(".,"), currency):
        goes_on = set(table.judged) - set(banned)
        if any(table.surfaces[i][:1] in DIGITS | SEPARATORS for i in goes_on):
            return banned, True
        return banned, False
    if currency is None:
        held = allowed.units.get(canonical_number(number.rstrip(".,")), frozenset())
        for (after_joiner, units), ids in table.unit_ids.items() if None not in held else ():
            if (not joiner or not after_joiner) and not units & held:
                banned += ids
    return banned, False


def number_constraint(
    tokenizer, grounding: list[dict[str, Any]], prompt_length: int = 0, max_new_tokens: int | None = None
):
    """A transformers logits processor that keeps each row's numbers to its product's attributes.
    `grounding` holds each product's attributes in batch order; rows are the products' beams (or
    samples) in transformers' layout, each product's rows together. `prompt_length`: how many
    leading positions of `input_ids` precede the copy (the prompt of a causal model, the start
    token of a seq2seq decoder); with `max_new_tokens`, a number is only started where it can be
    finished."""
    from transformers import LogitsProcessor

    table = token_table(tokenizer)
    products = [allowed_numbers(attributes) for attributes in grounding]
    longest = max((len(text) for allowed in products for text in allowed.written), default=0)
    cache: dict[tuple[int, str, int | None], tuple[list[int], bool]] = {}

    def bans(product: int, state: str, left: int | None) -> tuple[list[int], bool]:
        key = (product, state, left)
        if key not in cache:
            banned, close_all = state_bans(table, products[product], state, left)
            cache[key] = (sorted(set(banned)), close_all)
        return cache[key]

    class NumberConstraint(LogitsProcessor):
        def __call__(self, input_ids, scores):
            rows_per_product = max(1, input_ids.shape[0] // len(products))
            left = None
            if max_new_tokens is not None:  # tokens that may follow the one chosen now
                left = max_new_tokens - (input_ids.shape[1] - prompt_length) - 1
                left = left if left <= longest else None  # enough to finish any number
            rows, columns, closing = [], [], []
            for row, ids in enumerate(input_ids[:, prompt_length:].tolist()):
                product = min(row // rows_per_product, len(products) - 1)
                banned, close_all = bans(product, state_of(table.end_of(ids)), left)
                rows += [row] * len(banned)
                columns += banned
                if close_all:
                    closing.append(row)
            shared = min(table.size, scores.shape[-1])
            for row in closing:  # few rows: those in the middle of a number
                scores[row, :shared].masked_fill_(table.closers[:shared].to(scores.device), float("-inf"))
            if shared < table.size:  # a model whose vocabulary is smaller than its tokenizer's
                rows, columns = [r for r, c in zip(rows, columns) if c < shared], [c for c in columns if c < shared]
            scores[rows, columns] = float("-inf")
            return scores

    return NumberConstraint()
