"""Grounding: how much of its product a text states (coverage), what it says against the product
(contradictions), and which numbers it invents (unsupported numbers).

What counts as stating a value, by kind (yes/no, quantitative, other), is copygen.quality.values;
how text is normalised before comparing ("1,200" = "1200", "8-hour" = "8 hours") is
copygen.quality.tokens, re-exported here for callers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from copygen.quality.tokens import (
    UNITS,
    Quantity,
    Token,
    canonical_number,
    contains,
    quantities,
    tokens_of,
)
from copygen.quality.values import Reading, contradicting_spans, contradiction, facts, stated

__all__ = [
    "UNITS",
    "Quantity",
    "Token",
    "attribute_coverage",
    "attribute_values",
    "canonical_number",
    "contains",
    "contradicted_spans",
    "contradictions",
    "missing_values",
    "quantities",
    "tokens_of",
    "unsupported_numbers",
    "unsupported_spans",
]


def attribute_coverage(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> float | None:
    """The share (0-1) of attribute values that `text` states, or None when there are none to check.

    Every leaf counts as one value (each item of a list, each leaf of a nested object; keys in
    `skip` are left out): a yes/no by the attribute's name, negated for a no ("not family-friendly"),
    a rating, range or other quantity by its numbers, anything else by its words in order
    (copygen.quality.values says exactly what counts)."""
    checked = checked_values(attributes, text, skip)
    if not checked:
        return None
    return sum(found for _, found in checked) / len(checked)


def missing_values(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[str]:
    """The values `text` does not state, as "name: value"."""
    return [f"{fact.name}: {fact.value}" for fact, found in checked_values(attributes, text, skip) if not found]


def contradictions(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[str]:
    """What `text` says against the attributes, one message each, e.g. 'says "family-friendly",
    but familyFriendly is no' or 'says "3 out of 5", but customer rating is 5 out of 5'.

    A yes/no value is contradicted by its name negated (for a yes) or not (for a no); a rating by
    the same scale with a score the product does not hold. Other values are never contradicted
    here: an invented number is `unsupported_numbers`, and other words cannot be judged generically."""
    reading = Reading(text)
    every = list(facts(attributes, skip))
    said = [message for fact in every for message in contradiction(fact, reading, every)]
    return list(dict.fromkeys(said))


def contradicted_spans(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[tuple[int, int]]:
    """Where in `text` each contradiction (see `contradictions`) is: (start, end) character offsets."""
    reading = Reading(text)
    every = list(facts(attributes, skip))
    return sorted({span for fact in every for span in contradicting_spans(fact, reading, every)})


def checked_values(attributes: dict[str, Any], text: str, skip: Iterable[str]) -> list[tuple[Any, bool]]:
    reading = Reading(text)
    checked = [(fact, stated(fact, reading)) for fact in facts(attributes, skip)]
    return [(fact, found) for fact, found in checked if found is not None]


def unsupported_numbers(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[str]:
    """Numbers (with their units) in `text` that no attribute value supports, as written there.

    A number is supported when some attribute value holds the same number with the same unit,
    or either side has no unit ("8-hour" is supported by "8 hours" or by a bare 8, not by
    "8 GB"). Numbers glued to letters before them (model names such as "X200") are not claims
    and are ignored. Repeats are reported once.
    """
    written = [text[start:end] for start, end in unsupported_spans(attributes, text, skip)]
    return list(dict.fromkeys(written))


def unsupported_spans(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[tuple[int, int]]:
    """Where in `text` each unsupported number (with its unit) is: (start, end) character offsets."""
    known: dict[str, set[str | None]] = {}
    for value in attribute_values(attributes, skip):
        for quantity in quantities(value):
            known.setdefault(quantity.number, set()).add(quantity.unit)
    spans = []
    for quantity in quantities(text):
        units = known.get(quantity.number)
        if units is None or not (quantity.unit is None or None in units or quantity.unit in units):
            spans.append((quantity.start, quantity.end))
    return spans


def attribute_values(attributes: Any, skip: Iterable[str] = ()) -> Iterator[str]:
    """Every string or number in the attributes, as text, in order (lists and objects flattened)."""
    skipped = set(skip)
    if isinstance(attributes, dict):
        for key, value in attributes.items():
            if key not in skipped:
                yield from attribute_values(value)
    elif isinstance(attributes, (list, tuple)):
        for value in attributes:
            yield from attribute_values(value)
    elif isinstance(attributes, str):
        if attributes.strip():
            yield attributes
    elif isinstance(attributes, (int, float)) and not isinstance(attributes, bool):
        yield str(attributes)
