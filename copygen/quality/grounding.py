"""Grounding: how much of its product a text states (coverage), what it says against the product
(contradictions), and which numbers and names it invents (unsupported numbers and names).

What counts as stating a value, by kind (yes/no, quantitative, other), is copygen.quality.values;
how text is normalised before comparing ("1,200" = "1200", "8-hour" = "8 hours") is
copygen.quality.tokens, re-exported here for callers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import takewhile
from typing import Any

from copygen.quality.tokens import (
    CURRENCIES,
    UNIT_NAMES,
    UNITS,
    Quantity,
    Token,
    canonical_number,
    contains,
    quantities,
    tokens_of,
)
from copygen.quality.values import (
    AGE_KEYS,
    FUNCTION_WORDS,
    LIST_ITEM,
    MADE_FROM,
    MAKER_KEYS,
    MATERIAL_KEYS,
    PRODUCT_NAME_KEYS,
    RATING,
    Fact,
    Reading,
    contradicting_spans,
    contradiction,
    facts,
    key_phrase_spans,
    name_words,
    stated,
)
from copygen.text import CAMEL, QUALIFIERS, SHORT_TIMES, SHORTHAND, SHORTHAND_PHRASES, in_degrees, timed

__all__ = [
    "UNITS",
    "Quantity",
    "Token",
    "attribute_coverage",
    "attribute_values",
    "borrowed_words",
    "canonical_number",
    "contains",
    "contradicted_spans",
    "contradictions",
    "example_words",
    "missing_values",
    "quantities",
    "tokens_of",
    "unheld_words",
    "unsupported_name_spans",
    "unsupported_names",
    "unsupported_numbers",
    "unsupported_spans",
]

NAME_WORD = re.compile(r"(?<![^\W_])(?<![#@])[^\W\d_]+(?:['’][^\W\d_]+)*")  # and a code's words: "CLASS_IIA"
SENTENCE_START = re.compile(r"(?:^\s*|[.!?:;]\s+|\n\s*|[\"“‘'(\[]|[-–—•*]\s+)$")
POSSESSIVE = re.compile(r"['’]s$")
LABEL = re.compile(r"(?<![\w-])([^\W\d_]+)[ \u00a0\u202f-]$")  # "SPF " before "30"
RANGE = re.compile(r"\s*(?:[-–—/]|to)\s*")  # between the numbers of a range ("36–46")
LISTED = re.compile(r"\s*(?:[-–—/+]|,|,?\s+(?:to|or|and))\s*")  # between numbers in copy's list or range
JOINED = re.compile(r"\s*(?:[-–—/+]|to|or|and)\s*")  # between numbers of one unit or word ("2-4 players", "20+1")
START_REACH = 16  # characters before a word that SENTENCE_START reads
COUNTED = re.compile(r"\+?[ \u00a0\u202f-]?([^\W\d_]+)")  # the word a number counts: "2-Person", "3 colours"
COUNTED_PHRASE = re.compile(r"\+?[ \u00a0\u202f-]?([^\W\d_]+(?:[ -][^\W\d_]+){0,2})")  # "5 natural latex bands"
ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th"})  # after a number: "14th", "2nd"
COUNTS_NOTHING = ORDINAL_ENDS | {"out"}  # an ordinal's ending ("1st"); a rating's "5 out of 5"
ORDINAL = re.compile(rf"(?:{'|'.join(sorted(ORDINAL_ENDS))})(?![^\W\d_])", re.IGNORECASE)
IDENTITY_KEYS = PRODUCT_NAME_KEYS | MAKER_KEYS  # what names the product as a whole, or its maker
# The thing a weight or length is written on as an adjective: "a 4.2-kg steel frame", "a 183-cm-wide carry case".
MEASURED_THING = re.compile(
    r"(?:[ -](?:wide|long|tall|high|deep|thick))?[ -]([^\W\d_]+(?:[ -][^\W\d_]+){0,2})(?![\w-])"
)
HEAD = slice(-1, None)  # a thing's last word
MEASURES = frozenset({"mm", "cm", "m", "inch", "foot", "mg", "g", "kg", "lb", "oz"})
MEASURE_UNITS = frozenset(UNIT_NAMES) - {"piece", "pack", "x"}  # what no count is written in
PLURAL = re.compile(r"[^\Wsui]s$")  # a key that counts: "pieces", "tiers"; not "glass", "status", "axis"
BARE_NUMBER = re.compile(r"\d+")
# A key's last word that is a word, not a unit: "made_in"; "harvest_year": 2024 says which year, "warranty_years" how long.
KEY_NO_UNIT = frozenset({"in", "k", "x", "year"})
PACK_KEYS = frozenset({"pack", "count", "quantity", "qty"})  # keys whose number counts pieces: "pack_size"
COUNT_UNITS = frozenset({"piece", "unit"})  # what a count of another thing is written in ("a 3-pack" may be of 3 jars)
# Verbs that end the thing a measure is written on, as function words do ("a 45 x 30 x 4 cm kitchen
# appliance made in Vermont": the thing is no "made").
THING_ENDS = frozenset(
    {"made", "makes", "keeps", "holds", "fits", "comes", "offers", "features", "provides", "includes"}
    | {"included", "weighs", "measures", "sold", "lets", "gives", "works"}
)
# A thing named right before "at" or "of" and a number: "hand-knitted at 30°C", "a strap of 5mm".
THING_AT = re.compile(  # not "made of 100% linen": a verb, no thing
    r"(?P<thing>(?!(?:made|crafted|constructed)\b)[^\W\d_]{3,})[\s-]+(?:at|of)\s+(?:(?:up\s+to|about|around)\s+)?(?=\d)",
    re.IGNORECASE,
)
ITEMS = re.compile(r"\s*[;\n]\s*")  # between a value's items: "hand-knitted; machine washable at 30°C"
# After a number, what it is "of" (perhaps after the word it counts): "kg of glass beads", "2 layers of canvas".
OF_THINGS = re.compile(r"(?:[ -][^\W\d_]+)?[ -]?of\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", re.IGNORECASE)
WORDS = re.compile(r"[^\W\d_]+")
COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # a word, hyphened ones whole: "non-slip"
HASHTAG = re.compile(r"(?<![\w#@])[#@][^\W\d_][^\W_]*")  # "#AtelierRue", "@atelier" (a handle's "_" ends it)
WORD_UNIT = re.compile(r"\sin$")  # "① in its class": "in" after a number may be no inch
STOPS = re.compile(r"\s*(?:[.!?](?!\d)|$)")  # what ends a sentence right after a number ("features a 5.")
ITEM_ENDS = re.compile(r"\s*[,;](?!\d)")  # what ends a list's item right after a number ("iPad 1, 4, 3, 1.9,")
LABEL_REACH = 40  # characters before a number that LABEL reads (a longer word labels nothing)
# A code: letters and digits together, a letter first, its parts joined by hyphens, slashes or stops ("XR-200", "A4-80")
CODE = re.compile(r"(?<![\w.-])(?=[A-Za-z][\w./-]*\d)[A-Za-z][A-Za-z0-9]*(?:[-/.][A-Za-z0-9]+)*(?![\w-])")
ACRONYM = re.compile(r"[A-Z]{2,}")  # "TPU", "HEPA": a name even in a title
TITLE_CASE = 0.75  # a line this share of whose words the attributes lack are capitalised is a title
# What places a product where a name is ("in Portland", "the city of Cambridge"); group 1 or 2 starts the place.
PLACED = re.compile(
    r"(?:\b(in)|\b(?:heart|city|town|village|centre|center|area|part|region|district|streets|suburbs|outskirts)\s+(of))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
PLACE_REACH = 24  # characters before a name that PLACED reads
OWNER = re.compile(r"(?:['’]s|-based)\s+")  # after a word that owns or houses a value (see `owner`)
ARTICLES = frozenset({"the", "a", "an"})  # no evidence that a value is written out ("the Portland area")
# A ratio ("2:1 ratio of coffee to water", "16:9 screen"); one whose second number has two digits
# and whose first is an hour ("10:30") may be a time, and is left alone.
RATIO = re.compile(r"(?<![\w.:/])(\d+)\s?:\s?(\d+)(?![\w.:/])")
# Before a number, what makes it an age ("ages 4-10", "aged 2 to 5", "age 3+").
AGE_BEFORE = re.compile(r"\b(?:ages?|aged)\s*(?:\d+(?:\.\d+)?\s*(?:[-–—]|to)\s*)?$", re.IGNORECASE)
AGE_UNITS = frozenset({None, "year", "month"})  # what copy may write an age number with
# and count with ("6 yo", "3+ years"), unlike "6-Wheeler" or "6 kids"
AGE_COUNTS = frozenset({"~yo", "~olds", "~old", "~plus", "~years", "~months"})
AGE_SPANS = {"~years": "~month", "~months": "~year"}  # "3+ months" for "3+ years" is another age
# A mass the product can bear, not its own weight: "holds up to 160 kg", "max load: 50 kg", "a 3.2-kg
# weight limit". LOAD_BEFORE and WEIGHS are read in the few words before a mass, LOAD_AFTER right after it.
MASSES = frozenset({"mg", "g", "kg", "lb", "oz"})
LOAD_WORDS = r"limit|capacity|load|loads|max|maximum|holds?|holding|supports?|supporting|carr(?:y|ies|ying)|bears?"
LOAD_BEFORE = re.compile(rf"\b(?:{LOAD_WORDS})\b", re.IGNORECASE)
LOAD_AFTER = re.compile(rf"[\s-]*(?:weight\s+|max(?:imum)?\s+)?(?:{LOAD_WORDS})\b", re.IGNORECASE)
WEIGHS = re.compile(r"\b(?:weighs?|weighing|weight|weights)\b", re.IGNORECASE)
LOAD_NAMED = re.compile(r"[\s-]*(?:[^\W\d_]+[\s-]+){0,2}")  # up to two words between "max" and "weight": whose it is
OFFERED = re.compile(r"\bavailable\s+in\s+$", re.IGNORECASE)  # "Available in 180 kg": a size, not a load
# A time given as a rate ("30 hours a day", "2 hours per charge" is no rate of a day): held only as the data writes it.
PER = re.compile(r"\s*(?:a|an|per|each|every|/)\s*(?:day|night|week|month|year|hour)\b", re.IGNORECASE)
# Which way a number bounds: "up to 300 m", "under 30 dB" from above; "150+", "at least 2" from below.
UPPER_BEFORE = re.compile(
    r"\b(?:up\s*to|max(?:imum)?(?:\s+of)?|at\s+most|no\s+more\s+than|under|less\s+than|below)\s*[$€£¥]?$",
    re.IGNORECASE,
)
LOWER_BEFORE = re.compile(
    r"\b(?:over|more\s+than|at\s+least|min(?:imum)?(?:\s+of)?|above|upwards\s+of)\s*[$€£¥]?$", re.IGNORECASE
)
LOWER_AFTER = re.compile(r"\+|\s*(?:or\s+more|and\s+(?:up|above|over)|plus)\b", re.IGNORECASE)
BOUND_REACH = 24  # characters before a number that UPPER_BEFORE and LOWER_BEFORE read
TIMES = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
MASS_REACH = 28  # characters before a mass that LOAD_BEFORE and WEIGHS read
# A verb whose object copy may write as a bare measure by mistake, the template's example's shape
# filled with another value ("It holds 20 cm" for a plant pot, "made of 1600 DPI" for a mouse).
HOLDS = re.compile(r"\b(?:holds?|holding)\s+(?:up\s+to\s+)?(?:an?\s+)?", re.IGNORECASE)  # "holds a 10-meter."
WEIGHS_IN = re.compile(
    r"\b(?:weighs?|weighing)\s+(?:(?:just|only|about|around|roughly|approximately|under|less\s+than|up\s+to)\s+)?",
    re.IGNORECASE,
)
MADE_OF = re.compile(rf"\b{MADE_FROM}\s+(?:(?-i:[A-Z]{{2,}})\s+)?", re.IGNORECASE)
HOLDABLE = frozenset({"ml", "l", "gallon", "oz", "cubic", "mah", "wh", "kwh", "kb", "mb", "gb", "tb", "piece", "pack"})
THING_AFTER = re.compile(r"[ \u00a0\u202f-]*([^\W\d_]+)")  # the word after a measure, which may be the thing measured
OF_THING = re.compile(
    r"(?:/[^\W\d_]+[²³]?)?[ \u00a0\u202f-]*(?:of\s+)?([^\W\d_]+)"
)  # "7 kg of glass beads", "250 g/m² paper"
# A length's dimension, named before it ("a width of 35 cm", "height: up to 130 cm") or after it ("35
# cm wide", "33 cm in diameter"); a round thing's width is its diameter.
LENGTHS = frozenset({"mm", "cm", "m", "inch", "foot"})
DIMENSIONS = {
    "length": {"length", "long"},
    "width": {"width", "wide", "breadth"},
    "height": {"height", "tall", "high"},
    "depth": {"depth", "deep"},
    "diameter": {"diameter", "across", "width", "wide"},
    "thickness": {"thickness", "thick"},
}
DIMENSION_BEFORE = re.compile(
    r"\b(length|width|breadth|height|depth|diameter|thickness)s?\s*(?:of\s+|[:=]\s*)?"
    r"(?:(?:up\s+to|about|approx(?:imately|\.)?|around|over|under|nearly|almost|just|only)\s+)?$",
    re.IGNORECASE,
)
DIMENSION_AFTER = re.compile(
    r"[ \u00a0\u202f-]*(?:in\s+)?(long|wide|tall|high|deep|thick|diameter|across|length|width|height|depth)(?![\w-])",
    re.IGNORECASE,
)
DIMENSION_REACH = 32  # characters before a length that DIMENSION_BEFORE reads
# A maker named by a run of capitalised words: "from Northwind Socks", "designed by Scoopa Scoops".
MAKER_NAMED = re.compile(
    r"\b(?i:from|(?:designed|made|crafted|created|manufactured|produced|built|engineered|developed|sold)\s+by)\s+"
    r"(?P<maker>[A-Z][\w&-]*(?:\s+(?:&\s+)?[A-Z][\w&-]*)*)"
)
POSSESSIVE_END = re.compile(r"['’]s\b")
# Between a key that labels a number and the number: "rating of less than £20", "price range: £20-25".
KEY_LABEL_END = (
    r"(?:\s+(?:of|is|was|at))?(?:\s*:\s*|\s+)"
    r"(?:(?:(?:less|more|fewer|lower|higher)\s+than|under|over|around|about|up\s+to)\s+)?$"
)


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


def unheld_words(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> int:
    """How many of `text`'s words (any case) no attribute value or key holds: what it says beyond
    the data, where anything untrue it says must be."""
    held = {
        word
        for fact in facts(attributes, skip)
        for word in [*WORDS.findall(str(fact.value).lower()), *name_words(fact.name)]
    }
    return sum(word not in held for word in WORDS.findall(text.lower()))


def example_words(examples: Any) -> list[str]:
    """The words of a template's example products' values, of three letters or more, lower-case,
    each once ("tidewell", "porcelain", "mug"): a template should give its examples values no
    other product would share, so that copy saying one has borrowed it."""
    words = (word for value in attribute_values(examples) for word in WORDS.findall(value.lower()))
    return list(dict.fromkeys(word for word in words if len(word) >= 3))


def borrowed_words(examples: Any, attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[str]:
    """The words of the template's `examples` (see example_words) that `text` says, in any form
    ("mugs"; a word of five letters or more also run into another, "TideWellPump"), and no value
    of `attributes` holds: copy for this product that says them has taken another product's
    material, maker or features. A word the product holds too stays allowed."""
    held = {word for value in attribute_values(attributes, skip) for word in WORDS.findall(value.lower())}
    theirs = [word for word in example_words(examples) if not any(same_stem(word, own) for own in held)]
    said = WORDS.findall(text.lower())
    return [
        word
        for word in theirs
        if any(same_stem(word, other) or (len(word) >= 5 and other.startswith(word)) for other in said)
    ]


def missing_values(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[str]:
    """The values `text` does not state, as "name: value"."""
    return [f"{fact.name}: {fact.value}" for fact, found in checked_values(attributes, text, skip) if not found]


def contradictions(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[str]:
    """What `text` says against the attributes, one message each, e.g. 'says "family-friendly",
    but familyFriendly is no' or 'says "3 out of 5", but customer rating is 5 out of 5'.

    A yes/no value is contradicted by its name negated (for a yes) or not (for a no); a rating by
    the same scale with a score the product does not hold, or by praise when it is not high; a
    price tier by words for the other tier; a kind of place by the words for another kind; a thing
    the data says is there or absent ("gig bag included", "not dishwasher safe") by copy saying the
    opposite (copygen.quality.values says exactly what counts). An invented number is
    `unsupported_numbers`, not a contradiction."""
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
    """Where in `text` each unsupported number (with its unit) is: (start, end) character offsets.

    A rating's scale ("out of 5", "/5") supports only a scale: "1 out of 5" holds no 5 that
    "a 5-star café" could state. A number after a capitalised label the attributes put before
    other numbers ("SPF 30", "EU 36") must be one of those: "SPF 50" is invented even when the
    size is 50 ml. So must a number after an attribute's key (see key_labels): "a customer rating of
    less than £20" is reported from "customer rating", the price being true only under its own key.
    A number the attributes write before a word that is no unit counts that word ("2-Person", "3
    colours"): copy that gives it a unit ("2 meters tall") states a measure the product does not
    have, though it may write it bare ("2 people"); and one they hold only as a measure ("$159")
    counts nothing in copy ("159-wound"; a word glued to it, "24od", is left to the other checks).
    A number that copy counts a word with that the attributes count with other numbers only is
    another value's number ("10-player", "2, 4 and 10-player" for "2-4 players, ages 10+"; "2
    players" is true), and so is one that copy gives a unit that the attributes give other numbers
    only ("10x magnification" for "8x magnification" and "ages 4-10").
    A mass the attributes hold only as the product's weight is no load it bears, and the other way
    round ("a 3.2-kg weight limit" for a 3.2 kg bike; see mass_spans). A count is no measure
    ("holds 32 ml" for "pieces: 32"; see miscounted_spans).
    A size's numbers must be those of one of the attributes' sizes, in any order ("250 x 250 cm" is no
    size of "150 x 250 cm"; "250 x 150 cm" is). A measure is not what the product holds or is made of
    ("It holds 20 cm", "made of 1600 DPI"; see misread_spans).
    A number the attributes never write bare is stopped short when copy ends a sentence or a list's
    item right after it without its unit or word ("features a 5." for "5 speeds", "It weighs 1.4."
    for 1.4 kg, "iPad 1, 4, 3, 1.9," for a listing's ports, times, devices and centimetres)."""
    known: dict[str, set[str | None]] = {}
    counting: dict[str, set[str]] = {}  # a word the attributes count ("~player") -> the numbers that count it
    scales: set[str] = set()
    labelled: dict[str, set[str]] = {}
    keyed = key_labels(attributes, skip)
    values = list(attribute_values(attributes, skip))
    every = list(facts(attributes, skip))
    currencies = currency_units(every)
    for fact in every:
        if isinstance(fact.value, bool):
            continue
        value, keyed_unit = (
            str(fact.value),
            fact_unit(fact) or (currencies.get(fact.part) if priced(fact) else None),
        )
        read = read_quantities(value, attribute=True)
        for index, (quantity, scale, label) in enumerate(read):
            if scale:
                scales.add(quantity.number)
            else:
                units = held_units(value, read, index)
                if keyed_unit and None in units:  # "width_cm": 5 is 5 cm, no other 5
                    units = units - {None} | {keyed_unit}
                known.setdefault(quantity.number, set()).update(units)
                for unit in units - {None}:
                    counting.setdefault(singular(unit), set()).add(quantity.number)
            if label:
                labelled.setdefault(label, set()).add(quantity.number)
    for number, thing in key_counts(attributes, skip).items():  # "pieces": 13 counts pieces: "60 pieces" is not it
        for word in {"~" + thing, UNITS.get(thing, "~" + thing)}:  # "piece" is a unit too
            counting.setdefault(word, set()).add(number)
    spans = []
    in_copy = read_quantities(text)
    ages = age_numbers(attributes, skip)
    phrases = key_phrase_spans(text, every)  # "two-way audio" is no number
    for index, (quantity, scale, label) in enumerate(in_copy):
        if any(start <= quantity.start and quantity.end <= end for start, end in phrases):
            continue
        units = known.get(quantity.number)
        if scale and quantity.number in scales:
            continue
        unit = listed_unit(text, in_copy, index)
        counts = counted_in_copy(text, in_copy, index)
        stops = (
            unit is None
            and not counts
            and bool(
                STOPS.match(text, quantity.end)
                or (ITEM_ENDS.match(text, quantity.end) and numbers_listed(text, in_copy, index))
            )
        )
        if (
            units is None
            or not (unit is None or None in units or unit in units)
            or (counts and all(held and not held.startswith("~") for held in units))
            or (stops and None not in units)
            or (counts and quantity.number not in counting.get(singular(counts), {quantity.number}))
            or (
                unit is not None
                and unit not in units
                and not WORD_UNIT.search(text, quantity.start, quantity.end)
                and quantity.number not in counting.get(singular(unit), {quantity.number})
            )
            or (quantity.number in ages and (unit not in AGE_UNITS or (counts and counts not in AGE_COUNTS)))
            or (counts in AGE_SPANS and quantity.number in counting.get(AGE_SPANS[counts], set()))
            or quantity.number not in labelled.get(label, {quantity.number})
        ):
            spans.append((quantity.start, quantity.end))
            continue
        reach = max(0, quantity.start - LABEL_REACH)
        keys = [
            found.start()
            for key, held in keyed
            if quantity.number not in held and (found := key.search(text, reach, quantity.start))
        ]
        written = text[min(keys) : quantity.end].lower() if keys else ""
        if keys and not any(written in value.lower() for value in values):
            spans.append((min(keys), quantity.end))  # from the key: the number is true only under its own
    for span in (
        misplaced_spans(attributes, text, skip)
        + misread_spans(values, text, [str(fact.value) for fact in every if MATERIAL_KEYS & set(name_words(fact.name))])
        + unheld_ratios(values, text)
        + mass_spans(attributes, text, skip)
        + unheld_rates(values, text)
        + unheld_ordinals(values, text)
        + turned_bounds(values, text)
        + dimension_spans(attributes, text, skip)
        + one_dimension_sizes(attributes, text, skip)
        + miscounted_spans(attributes, text, skip, known)
    ):
        same = [found for found in spans if found[0] == span[0]]  # a number read as untrue twice is reported once
        spans = [found for found in spans if found not in same] + [max([span, *same], key=lambda found: found[1])]
    spans += [
        (start, end)
        for start, end in attached_spans(attributes, text, skip)
        if not any(s < end and start < e for s, e in spans)
    ]
    sizes = [
        Counter(q.number for q in chain) for value in values for chain in size_chains(value, read_quantities(value))
    ]
    for chain in size_chains(text, in_copy) if sizes else ():
        numbers = Counter(q.number for q in chain)
        start, end = chain[0].start, chain[-1].end
        if not any(start <= first < end for first, _ in spans) and not any(numbers <= size for size in sizes):
            spans.append((start, end))
    return sorted(spans)


def listed_unit(text: str, read: list, index: int) -> str | None:
    """The unit copy gives its number `read[index]` (see read_quantities): its own, else that of
    the number it ends a range of ("£20-25"), else, for a number listed or ranged before others
    ("45, 70, and 105 cm", "112-240 V"), the unit of the list's last number, when a range or
    "and", "or" or "to" joins it ("Pack of 2, 50 ml each" is two things)."""
    if read[index][0].unit is not None:
        return read[index][0].unit
    before = read[index - 1][0] if index else None
    end = read[index][0].end
    if before and before.unit not in (None, "x") and RANGE.fullmatch(text, before.end, read[index][0].start):
        return None if counted(text, end) else before.unit  # "£20-25": the 25 is in pounds too
    joined = False
    for before, after in zip(read[index:], read[index + 1 :]):
        gap = text[before[0].end : after[0].start]
        if not LISTED.fullmatch(gap):
            return None
        joined = joined or gap.strip() != ","
        if after[0].unit is not None:
            return after[0].unit if joined and after[0].unit != "x" else None
    return None


def mass_spans(attributes: dict[str, Any], text: str, skip: Iterable[str]) -> list[tuple[int, int]]:
    """Where copy gives the product's own weight as a load it bears ("a 3.2-kg weight limit" for a
    3.2 kg bike), or a load as its weight or size ("weighs 50 kg" for "max load: 50 kg", "Available in
    180 kg" for a scale's capacity): a mass the attributes hold only as the other."""
    loads: set[str] = set()
    weights: set[str] = set()
    for fact in facts(attributes, skip):
        value, keyed = str(fact.value), fact_unit(fact)
        for quantity in quantities(value):
            if (quantity.unit or keyed) in MASSES:  # "wt_max_kg": 24 is a load of 24 kg
                said = (
                    f"{' '.join(name_words(fact.name))} {value[max(0, quantity.start - MASS_REACH) : quantity.start]}"
                )
                (loads if mass_read(said, value, quantity.end)[0] else weights).add(quantity.number)
    spans = []
    for quantity in quantities(text) if loads or weights else ():
        if quantity.unit not in MASSES:
            continue
        load, weight = mass_read(text[max(0, quantity.start - MASS_REACH) : quantity.start], text, quantity.end)
        if (load and quantity.number in weights - loads) or (weight and quantity.number in loads - weights):
            spans.append((quantity.start, quantity.end))
    return spans


def mass_read(before: str, text: str, end: int) -> tuple[bool, bool]:
    """Whether a mass ending at `end` in `text` (`before`: what comes before it) is a load the product
    bears, and whether it is the product's weight, by the word nearest before it: "max load 50 kg", "24 L
    capacity, weight 2.9 kg". The data is read as copy is (a listing's bullet "24 L capacity, weight
    2.9 kg" gives its weight, not a load)."""
    cues = [*LOAD_BEFORE.finditer(before), *WEIGHS.finditer(before)]
    last = max(cues, key=lambda cue: cue.end()) if cues else None
    nearest = last.group().lower() if last else ""
    loaded = (
        last is not None
        and any(  # "max weight" is a load, and so are "max user weight" and "max pet weight"
            LOAD_BEFORE.fullmatch(cue.group()) and LOAD_NAMED.fullmatch(before[cue.end() : last.start()])
            for cue in cues
        )
    )
    load = bool(LOAD_AFTER.match(text, end)) or bool(nearest and not WEIGHS.fullmatch(nearest)) or loaded
    return load, not load and bool(nearest or OFFERED.search(before))


def misread_spans(values: list[str], text: str, materials: list[str]) -> list[tuple[int, int]]:
    """Where copy gives a measure as what the product holds, is made of or weighs, and the measure
    is the whole of it: "holds 20 cm" for a 20 cm pot, "holds 2200 W", "holds 19.99 for £19.99",
    "made of 1600 DPI, wireless", "made of EU 36-42", "weighs 15° edge" and "weighs 2-person" (two
    samples' drafts). It holds a volume, a mass, a charge, data or a count ("holds 9 pairs") and
    may hold a thing a measure is written on ("holds 20 cm pots"); it is made of a material, which
    a number may come before ("22 momme mulberry silk"); it weighs a mass. From the verb to the
    measure's end; not where a value says it so, nor a material its own key gives ("made of AISI 316L", a steel's
    grade; sets 164, 173 and 182)."""
    said = " ".join(values).lower()
    ends = measure_ends(text, read_quantities(text))
    spans = []
    for verb, holds in ((HOLDS, True), (MADE_OF, False), (WEIGHS_IN, None)):
        for cue in verb.finditer(text):
            last = ends.get(cue.end())
            if (
                last is None
                or (holds is not False and last.unit in (MASSES if holds is None else HOLDABLE | MASSES))
                or (holds is None and last.unit is None and not counted(text, last.end))  # "weighs 1.4!" stops short
                or (holds is not None and names_a_thing(text, last, material=not holds))
                or re.search(rf"(?<!\w){re.escape(text[cue.start() : last.end].lower())}(?!\w|[.,]\d)", said)
                or any(text[cue.end() : last.end].lower() in material.lower() for material in materials)
            ):
                continue
            spans.append((cue.start(), last.end))
    return spans


def attached_spans(attributes: dict[str, Any], text: str, skip: Iterable[str]) -> list[tuple[int, int]]:
    """Where copy ties a number to a thing named right before it ("hand-knitted at 30°C" for
    "hand-knitted; machine washable at 30°C", "a strap of 5mm" for a 5 mm thick mat with a strap: a
    sample's drafts) that another item of the data names and the number's own item does not: the
    number is another item's. An item is a value, or its part between semicolons or lines; the
    thing is the same word when it shares a stem or its first four letters ("knitted", "Knit"). A
    thing only the name, title or maker names is the product ("the Shirt of 100% linen")."""
    cues = list(THING_AT.finditer(text))
    if not cues:
        return []
    items = [
        (
            {word.lower() for word in WORDS.findall(item)} | set(name_words(fact.name)),
            {q.number for q in quantities(item)},
            bool(IDENTITY_KEYS & set(name_words(fact.name))),
        )
        for fact in facts(attributes, skip)
        for item in ITEMS.split(str(fact.value))
    ]
    starts = {quantity.start: quantity for quantity in quantities(text)}
    spans = []
    for cue in cues:
        number = starts[cue.end()].number if cue.end() in starts else None
        thing = cue["thing"].lower()
        naming = [(numbers, identity) for words, numbers, identity in items if any(akin(thing, w) for w in words)]
        if (
            number
            and not all(identity for _, identity in naming)
            and not any(number in numbers for numbers, _ in naming)
            and any(number in numbers for _, numbers, _ in items)
        ):
            spans.append((cue.start(), starts[cue.end()].end))
    return spans


def akin(word: str, other: str) -> bool:
    """Whether two words name one thing: a shared stem or first four letters ("knitted", "knit")."""
    return word[:4] == other[:4] or same_stem(word, other)


def measure_ends(text: str, read: list) -> dict[int, Quantity]:
    """Where each measure in `text` starts -> its last quantity (of `read`, from read_quantities): a
    size's ("45 x 30 x 2 cm", see size_chains) or a range's ("36-42"), else its own."""
    found = [quantity for quantity, _, _ in read]
    ends = {quantity.start: quantity for quantity in found}
    ends.update({chain[0].start: chain[-1] for chain in size_chains(text, read)})
    for before, after in reversed(list(zip(found, found[1:]))):
        if before.unit is None and RANGE.fullmatch(text, before.end, after.start):
            ends[before.start] = ends[after.start]
    return ends


def names_a_thing(text: str, measure: Quantity, material: bool) -> bool:
    """Whether a word after a measure names the thing it measures or counts ("20 cm pots", "9
    pairs", "100% cotton", "7 kg of glass beads"). For a material, the word after a bare number is
    its unit where it is one, and the thing comes after that ("2 mm of felt", "20D ripstop"; not
    "1600 DPI,"); else it is the thing ("7075 aluminium", a grade: held-out set 114). A unit may be
    per another ("250 g/m² paper")."""
    word = (THING_AFTER if measure.unit is None else OF_THING).match(text, measure.end)
    if word and material and measure.unit is None and word.group(1).lower() in UNITS:
        word = OF_THING.match(text, word.end())
    return word is not None and word.group(1).lower() not in FUNCTION_WORDS


def numbers_listed(text: str, read: list, index: int) -> bool:
    """Whether copy lists its number `read[index]` (see read_quantities) with another by a comma
    alone ("iPad 1, 4, 3"; not "2 players or 4, in ...")."""
    gaps = [text[read[i - 1][0].end : read[i][0].start] for i in (index, index + 1) if 0 < i < len(read)]
    return any(gap.strip() in (",", ";") for gap in gaps)


def age_numbers(attributes: dict[str, Any], skip: Iterable[str]) -> set[str]:
    """The numbers the attributes hold only as ages ("ages 4-10", "aged 2 to 5", an "age" key's
    "12+"): copy may write them bare or in years or months, not as a measure ("10-inch eyecups")."""
    ages: set[str] = set()
    others: set[str] = set()
    for fact in facts(attributes, skip):
        value = str(fact.value)
        by_key = bool(AGE_KEYS & set(name_words(fact.name)))
        for quantity in quantities(value):
            aged = by_key or AGE_BEFORE.search(value, max(0, quantity.start - LABEL_REACH), quantity.start)
            (ages if aged and quantity.unit in AGE_UNITS else others).add(quantity.number)
    return ages - others


def unheld_ratios(values: list[str], text: str) -> list[tuple[int, int]]:
    """Where copy states a ratio no attribute value holds ("a 2:1 ratio of coffee to water"); not a
    time ("10:30")."""
    held = {(match.group(1), match.group(2)) for value in values for match in RATIO.finditer(value)}
    return [
        match.span()
        for match in RATIO.finditer(text)
        if (match.group(1), match.group(2)) not in held and not (len(match.group(2)) == 2 and int(match.group(1)) <= 24)
    ]


def unheld_ordinals(values: list[str], text: str) -> list[tuple[int, int]]:
    """Where copy writes a number as an ordinal that no attribute value writes so ("a 14th-century
    puzzle" for ages 14+, "the 3rd generation"): an ordinal counts nothing, so nothing else holds it."""
    held = {quantity.number for value in values for quantity in quantities(value) if ORDINAL.match(value, quantity.end)}
    return [
        (quantity.start, found.end())
        for quantity in quantities(text)
        if (found := ORDINAL.match(text, quantity.end)) and quantity.number not in held
    ]


def unheld_rates(values: list[str], text: str) -> list[tuple[int, int]]:
    """Where copy gives a time as a rate that no attribute value gives it as ("runs up to 30 hours
    a day" for "runs up to 30 hours"): from the number to the end of its "a day"."""
    held = {(quantity.number, per(value, quantity)) for value in values for quantity in quantities(value)}
    return [
        (quantity.start, PER.match(text, quantity.end).end())
        for quantity in quantities(text)
        if quantity.unit in TIMES and (period := per(text, quantity)) and (quantity.number, period) not in held
    ]


def per(text: str, quantity: Quantity) -> str | None:
    """The period a number is given per in `text` ("day" for "30 hours a day"), if any."""
    rate = PER.match(text, quantity.end)
    return re.split(r"[\s/]+", rate.group().strip())[-1].lower() if rate else None


def bound(text: str, quantity: Quantity) -> tuple[str | None, int, int]:
    """Which way `text` bounds a number, "upper" ("up to 300 m", "under 30 dB"), "lower" ("150+",
    "at least 2") or None, and where the number and its bounding words are."""
    reach = max(0, quantity.start - BOUND_REACH)
    if upper := UPPER_BEFORE.search(text, reach, quantity.start):
        return "upper", upper.start(), quantity.end
    if lower := LOWER_BEFORE.search(text, reach, quantity.start):
        return "lower", lower.start(), quantity.end
    if lower := LOWER_AFTER.match(text, quantity.end):
        return "lower", quantity.start, lower.end()
    return None, quantity.start, quantity.end


def turned_bounds(values: list[str], text: str) -> list[tuple[int, int]]:
    """Where copy bounds a number the other way from every attribute value that writes it ("up to
    150 countries" for "plugs for 150+ countries", "over 30 dB" for "under 30 dB"): from its
    bounding words to its end."""
    held: dict[str, set[str | None]] = {}
    for value in values:
        for quantity in quantities(value):
            held.setdefault(quantity.number, set()).add(bound(value, quantity)[0])
    spans = []
    for quantity in quantities(text):
        said, start, end = bound(text, quantity)
        if said and held.get(quantity.number) == {"lower" if said == "upper" else "upper"}:
            spans.append((start, end))
    return spans


def size_chains(text: str, read: list) -> list[list[Quantity]]:
    """The sizes in `text` ("150 x 250 cm", "45 x 45 x 55 cm"): runs of two or more numbers joined by
    "x", from its quantities `read` (see read_quantities)."""
    chains, chain = [], []
    for quantity, _, _ in read:
        if chain and chain[-1].unit == "x" and not text[chain[-1].end : quantity.start].strip():
            chain.append(quantity)
        else:
            chains.append(chain)
            chain = [quantity]
    chains.append(chain)
    return [chain for chain in chains if len(chain) > 1]


def misplaced_spans(attributes: dict[str, Any], text: str, skip: Iterable[str]) -> list[tuple[int, int]]:
    """Where copy gives a number of one attribute "of" another attribute's thing, counts that thing
    with it, or writes a weight or length on it: "7kg of glass beads" for a 7 kg blanket with a
    glass bead fill, "4.1-kg of butane canisters" for a stove of 4.1 kg that burns them, "2
    diffusers" for a hair dryer with "2 speed settings" and "concentrator and diffuser nozzles", "a
    4.2-kg steel frame" for a 4.2 kg chair with a steel frame (the thing's last word is read:
    "a 60 x 25 x 75 cm stackable design" is the product's). Not when a name, title or brand holds
    the number ("a 3-pack of Northpine socks"; but "a 14-inch front pocket" for a 14-inch sleeve is
    a part's) or the words ("50 ml of Maren Botanics night cream"), nor when the number's own value
    holds them ("30 g of beans" for "holds 30 g of beans"). The product's own weight is of no thing
    the data does not name either: "380g of fabric" for a 380 g umbrella, "1.4 kg of insulation"."""
    found = []
    for quantity in quantities(text):
        if after := OF_THINGS.match(text, quantity.end):
            found.append((quantity, after.start(1), after.group(1), slice(None)))
        elif quantity.unit is None and counted(text, quantity.end):  # what it counts: "2 diffusers"
            phrase = COUNTED_PHRASE.match(text, quantity.end)
            found.append((quantity, phrase.start(1), leading_words(phrase[1]), slice(1)))  # not "5-star restaurant"
        elif quantity.unit in MEASURES and (phrase := MEASURED_THING.match(text, quantity.end)):
            thing = leading_words(phrase[1], THING_ENDS)
            found.append((quantity, phrase.start(1), thing, HEAD))  # the thing, not "steel"
    every = list(facts(attributes, skip)) if found else []
    numbers = {fact: {q.number for q in quantities(str(fact.value))} for fact in every}
    words = {
        fact: {singular(word) for word in WORDS.findall(f"{' '.join(name_words(fact.name))} {fact.value}".lower())}
        for fact in every
    }
    identity = {fact for fact in every if IDENTITY_KEYS & set(name_words(fact.name))}
    spans = []
    for quantity, start, things, read in found:
        own = {fact for fact in every if quantity.number in numbers[fact]}
        if not own or (own & identity and read != HEAD):
            continue  # "a 3-pack of Northpine socks"; but a 14-inch sleeve's "14-inch front pocket" is misplaced
        held = set().union(*(words[fact] for fact in own | identity))
        if held & {singular(word.lower()) for word in WORDS.findall(things)}:
            continue  # "5 natural latex bands" for "5 bands" and "natural latex": its own thing
        others = set().union(*(words[fact] for fact in every if fact not in own | identity)) - held
        weighs = (
            quantity.unit in MASSES
            and read == slice(None)
            and all(WEIGHS.search(f"{fact.name} {fact.value}") for fact in own)
        )
        thing_end = len(leading_words(things, THING_ENDS)) if weighs else 0  # "fabric" of "fabric and supports"
        misplaced = [
            word
            for word in list(WORDS.finditer(things))[read]
            if len(word.group()) > 2
            and word.group().lower() not in FUNCTION_WORDS
            and (
                singular(word.group().lower()) in others
                or (word.end() <= thing_end and singular(word.group().lower()) not in held)
            )
        ]
        if misplaced:
            spans.append((quantity.start, start + misplaced[-1].end()))
    return spans


def key_unit(key: str) -> str | None:
    """The unit a key ends with, which its numbers are in ("width_cm", "weight_kg", "range_temp_c",
    "charge_time_h", "flow_rate_l_min" litres (a minute); "made_in" names no inch, "meals_per_day"
    counts meals, and "size_h" no hour)."""
    words = name_words(key)
    if in_degrees(words):
        return "°"  # "max_temp_c": 230 is 230 °C
    per = words.index("per") if "per" in words[2:] else 0
    if per and UNITS.get(words[per - 1]) in MEASURE_UNITS:
        return UNITS[words[per - 1]]  # "sugar_g_per_100ml": 4.2 is 4.2 g (in 100 ml)
    if len(words) > 2 and UNITS.get(words[-1]) in TIMES and UNITS.get(words[-2]) in MEASURE_UNITS - TIMES:
        return UNITS[words[-2]]  # a rate: "flow_rate_l_min": 9.5 is 9.5 litres a minute
    if len(words) > 2 and words[-1] in QUALIFIERS and words[-2] not in ("in", "min"):
        words = [*words[:-2], words[-1], words[-2]]  # "weight_kg_net": 3.4 is 3.4 kg
    if len(words) < 2 or words[-1] in KEY_NO_UNIT or words[-2] == "per" or (words[-2] in UNITS and words[-2] != "min"):
        return None  # ("length_min_mm": the min is a minimum)
    if words[-1] in SHORT_TIMES:
        return UNITS[words[-1]] if timed(words) else None  # "charge_time_h": 8 is 8 hours; "temp_min" no minute
    unit = UNITS.get(words[-1])
    return unit if unit in MEASURE_UNITS else None


def fact_unit(fact: Fact) -> str | None:
    """The unit a fact's key ends with, else the one its part's key ends with ("dimensions_mm": {"l":
    132} is 132 mm)."""
    return key_unit(fact.name) or (key_unit(fact.part) if fact.part else None)


def currency_units(every: list[Fact]) -> dict[str, str]:
    """The currency a `currency` key gives the prices beside it, by the part that holds them ("" at
    the top): "price": 54.0 with "currency": "GBP" is £54, and so is "price": {"amount": 54, "currency": "GBP"} and
    eBay's "StartPrice": {"value": "72.49", "currencyID": "GBP"} (set 190)."""
    return {
        fact.part: UNITS[str(fact.value).strip().lower()]
        for fact in every
        if name_words(fact.name) in (["currency"], ["currency", "id"], ["currency", "code"])
        and UNITS.get(str(fact.value).strip().lower()) in CURRENCIES
    }


def priced(fact: Fact) -> bool:
    """Whether a fact is a price: a key with "price" in it, or the amount or value of a price."""
    words = name_words(fact.name)
    return "price" in words or (words in (["amount"], ["value"]) and "price" in name_words(fact.part))


def key_counts(attributes: dict[str, Any], skip: Iterable[str]) -> dict[str, str]:
    """Each number the data gives bare under a plural key that names no unit -> the word the key
    counts, singular ("pieces": 32 -> "32": "piece"; not "watts": 450); a pack's size or a count
    counts pieces ("pack_size": 2: "It holds 2 liters" and "2 liters" were held-out drafts), and so does a count of
    items (Amazon's "number_of_items": 4 is "4 pieces")."""
    counts: dict[str, str] = {}
    for fact in facts(attributes, skip):
        words = name_words(fact.name)
        words = words[: words.index("per")] if "per" in words else words  # "gloves_per_box": 100 counts gloves
        words = words[:-1] if words[-1:] == ["total"] else words  # and so does "ports_total"
        key = words[-1:]
        measure = UNITS.get(key[0]) in MEASURE_UNITS if key else False  # "watts: 450" gives its unit
        thing = singular(key[0]) if key and PLURAL.search(key[0]) and not measure else None
        thing = "piece" if PACK_KEYS & set(words) or thing == "item" else thing  # "number_of_items": 4
        if thing and BARE_NUMBER.fullmatch(str(fact.value).strip()):
            counts.update((quantity.number, thing) for quantity in quantities(str(fact.value)))
    return counts


def miscounted_spans(
    attributes: dict[str, Any], text: str, skip: Iterable[str], held: dict[str, set[str | None]]
) -> list[tuple[int, int]]:
    """Where copy writes a count as a measure or as another unit: a number the data gives bare
    under a plural key that names no unit ("pieces: 32", "tiers: 3", "stitches: 32") given a
    measure's unit ("It holds 32 ml", "holds 3 liters", "a 40-year-old seed tray" for `cells: 40`),
    pieces or units ("a 32-piece sewing machine", "22 units" for `channels: 22`) or a dimension ("a
    length of 9" for `pockets: 9`), unless a value gives that number that unit (`held`: each
    number's units, as unsupported_spans reads the values). The key's own word
    ("32 pieces", "a 3-tier planter", "1000 pcs" for `pieces: 1000`), another word it counts
    ("charge two phones" for `ports: 2`, "a 16-pack" of 16 jars) or none is no measure."""
    counts = key_counts(attributes, skip)
    if not counts:
        return []
    read = read_quantities(text)
    spans = []
    for index, (quantity, _, _) in enumerate(read):
        thing = counts.get(quantity.number)
        if thing is None:
            continue
        unit = listed_unit(text, read, index) or (counted_in_copy(text, read, index) or "").lstrip("~") or None
        before = text[max(0, quantity.start - DIMENSION_REACH) : quantity.start]
        if unit is None:
            wrong = bool(DIMENSION_BEFORE.search(before))
        else:
            unit = UNITS.get(unit, singular(unit))
            wrong = (unit in MEASURE_UNITS or unit in COUNT_UNITS) and not (
                same_stem(unit, thing)
                or unit in {singular(own.lstrip("~")) for own in held.get(quantity.number, set()) - {None}}
            )
        if wrong:
            spans.append((quantity.start, quantity.end))
    return spans


def dimension_spans(attributes: dict[str, Any], text: str, skip: Iterable[str]) -> list[tuple[int, int]]:
    """Where copy gives a length a dimension that the attributes give it another one of: "a width of
    35 cm" for a `length` of 35 cm, "130 cm long" for "extends from 25 to 130 cm" under `height`.
    A dimension comes from the key or the words around the number ("phones 55-90 mm wide"); a value
    that names none ("size: 35 cm", "blade: 23 cm") or gives a size ("90 x 30 x 30 cm") may be
    any, and a round thing's width is its diameter."""
    said = [(quantity, dimension_of(text, quantity)) for quantity in quantities(text) if quantity.unit in LENGTHS]
    said = [(quantity, found) for quantity, found in said if found]
    if not said:
        return []
    held: dict[str, list[set[str]]] = {}  # a number -> the dimensions of each value that holds it
    for fact in facts(attributes, skip):
        value = str(fact.value)
        keyed = keyed_dimensions(fact.name)
        sized = {q.number for chain in size_chains(value, read_quantities(value)) for q in chain}
        for quantity in quantities(value):
            found = dimension_of(value, quantity)
            own = set() if quantity.number in sized else keyed | (dimensions(found[2]) if found else set())
            held.setdefault(quantity.number, []).append(own)
    spans = []
    for quantity, (start, end, word) in said:
        named = dimensions(word)
        each = held.get(quantity.number, [])
        if each and all(own and not own & named for own in each):
            spans.append((min(start, quantity.start), max(end, quantity.end)))
    return spans


def one_dimension_sizes(attributes: dict[str, Any], text: str, skip: Iterable[str]) -> list[tuple[int, int]]:
    """Where copy gives a size of two or three lengths as one dimension: "a length of 38 x 16 x 4
    cm", "a base height of 140 x 70 cm" (a mattress's size), "45 x 15 cm width" (a packed size;
    held-out drafts). Not where a value keyed by that dimension gives the size so."""
    spans = []
    for chain in size_chains(text, read_quantities(text)):
        before = DIMENSION_BEFORE.search(text, max(0, chain[0].start - DIMENSION_REACH), chain[0].start)
        found = before or DIMENSION_AFTER.match(text, chain[-1].end)
        if found is None:
            continue
        named = dimensions(found.group(1).lower())
        numbers = {quantity.number for quantity in chain}
        if not any(
            named & keyed_dimensions(fact.name)
            and numbers <= {quantity.number for quantity in quantities(str(fact.value))}
            for fact in facts(attributes, skip)
        ):
            spans.append((min(found.start(1), chain[0].start), max(found.end(1), chain[-1].end)))
    return spans


def dimension_of(text: str, quantity: Quantity) -> tuple[int, int, str] | None:
    """The word that names a length's dimension in `text` and where it is, or None (see DIMENSION_BEFORE)."""
    before = DIMENSION_BEFORE.search(text, max(0, quantity.start - DIMENSION_REACH), quantity.start)
    after = DIMENSION_AFTER.match(text, quantity.end)
    found = before or after
    return (found.start(1), found.end(1), found.group(1).lower()) if found else None


def keyed_dimensions(key: str) -> set[str]:
    """The dimensions a key names ("max_height": height)."""
    return {name for name, words in DIMENSIONS.items() if words & set(name_words(key))}


def dimensions(word: str) -> set[str]:
    """The dimensions a word names ("wide": width, and a round thing's diameter)."""
    return {name for name, words in DIMENSIONS.items() if word in words}


def leading_words(phrase: str, ends: frozenset[str] = frozenset()) -> str:
    """A phrase's words up to its first function word or word of `ends` ("steel frame" of "steel frame with a";
    "non-slip" is a word of its own, not "non")."""
    said = list(takewhile(lambda word: word.group().lower() not in FUNCTION_WORDS | ends, COMPOUND.finditer(phrase)))
    return phrase[: said[-1].end()] if said else ""


def held_units(value: str, read: list, index: int) -> set[str | None]:
    """The units an attribute value's number (`read[index]`, from read_quantities) holds: its own,
    else the word it counts (see counted), else those of the number it is joined to ("2-4
    players", "20+1 clutch settings", "50-54 cm", "£20-25"), or those of the number it is listed
    before as well as none ("0.5, 1 kg"); in a size ("183 x 61 cm") the last number's too."""
    quantity = read[index][0]
    units = {quantity.unit or counted(value, quantity.end)}
    after = read[index + 1][0] if index + 1 < len(read) else None
    if units == {None} and after and JOINED.fullmatch(value, quantity.end, after.start):
        return held_units(value, read, index + 1)
    if units == {None} and after and LISTED.fullmatch(value, quantity.end, after.start):
        units |= held_units(value, read, index + 1)  # "0.5, 1 kg": as copy reads a list (counted_in_copy), bare too
    before = read[index - 1][0] if index else None
    if units == {None} and before and before.unit != "x" and JOINED.fullmatch(value, before.end, quantity.start):
        units = {before.unit or counted(value, before.end)}  # "£20-25": the 25 is in pounds too; "2x-3" no times
    if before and before.unit == "x" and not value[before.end : quantity.start].strip():
        units.add("x")  # "61 x" in copy for the 61 of "183 x 61 cm"
    for later, _, _ in read[index + 1 :]:
        if quantity.unit != "x" or value[quantity.end : later.start].strip():
            break
        units.add(later.unit)
        quantity = later
    return units


def counted(value: str, end: int) -> str | None:
    """The word right after a number without a unit that it counts ("person" in "2-Person"), as
    "~person" so that no unit equals it; None when no word follows, or it is a function word, an
    ordinal's ending ("1st") or a rating's "out" ("5 out of 5")."""
    word = COUNTED.match(value, end)
    if word is None or word.group(1).lower() in FUNCTION_WORDS | COUNTS_NOTHING:
        return None
    return "~" + word.group(1).lower()


def counted_in_copy(text: str, read: list, index: int) -> str | None:
    """The word copy counts with its number `read[index]` (see counted): the word right after it,
    or, for a number listed before another ("2, 4 and 10-player", "2 or 3 people"), the next one's."""
    quantity = read[index][0]
    if quantity.unit is not None:
        return None
    if text[quantity.end : quantity.end + 1] in (" ", "-", "+") and (word := counted(text, quantity.end)):
        return word
    if index + 1 < len(read) and LISTED.fullmatch(text, quantity.end, read[index + 1][0].start):
        return counted_in_copy(text, read, index + 1)
    return None


def singular(word: str) -> str:
    """ "~players" -> "~player", "~batteries" -> "~battery": a counted word, or any word, as either
    side writes it."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def key_labels(attributes: dict[str, Any], skip: Iterable[str]) -> list[tuple[re.Pattern, set[str]]]:
    """Each attribute key as copy labels a number with it ("customer rating of", "price range:",
    "a rating of less than"), with the numbers its values hold: a number so labelled must be one of
    them ("a customer rating of less than £20" puts the price under the rating's label). A key of
    several words labels by its last word too ("rating"), and a part's amount or value by the
    part's key ("list_price": {"value": 24.99} by "list price")."""
    held: dict[tuple[str, ...], set[str]] = {}
    keys = []
    for fact in facts(attributes, skip):
        words = tuple(name_words(fact.name))
        words = tuple(name_words(fact.part)) if fact.part and words in (("amount",), ("value",)) else words
        numbers = {quantity.number for quantity, _, _ in read_quantities(str(fact.value), attribute=True)}
        keys.append((words, numbers))
        for label in {words, words[-1:]} if words else ():
            held.setdefault(label, set())
    for label, numbers in held.items():  # "size" labels the numbers of "pack_size" and of "size_cm"
        for words, held_numbers in keys:
            if any(words[at : at + len(label)] == label for at in range(len(words))):
                numbers.update(held_numbers)
    return [
        (re.compile(rf"(?i)\b{'[- ]?'.join(map(re.escape, label))}{KEY_LABEL_END}"), numbers)
        for label, numbers in held.items()
    ]


def read_quantities(text: str, attribute: bool = False) -> list[tuple[Quantity, bool, str | None]]:
    """The quantities in `text`, each with whether it is a rating's scale (the 5 of "4 out of 5")
    and its label, lower-cased: the word right before it ("SPF 30"), or before the first number
    of its range ("EU 36–46"). In an attribute value only a capitalised word is a label, and at
    the start of a sentence only an abbreviation ("SPF", not "Weighs")."""
    scales = {match.start(2) for match in RATING.finditer(text)}
    found: list[tuple[Quantity, bool, str | None]] = []
    for quantity in quantities(text):
        word = LABEL.search(text, max(0, quantity.start - LABEL_REACH), quantity.start)
        label = word.group(1) if word else None
        if label and (label.lower() in FUNCTION_WORDS or (attribute and not is_label(text, word))):
            label = None
        if label is None and found and RANGE.fullmatch(text, found[-1][0].end, quantity.start):
            label = found[-1][2]
        found.append((quantity, quantity.start in scales, label.lower() if label else None))
    return found


def is_label(value: str, word: re.Match) -> bool:
    """Whether a word before a number in an attribute value labels it: capitalised, and an
    abbreviation if it starts a sentence."""
    label = word.group(1)
    if not label[0].isupper():
        return False
    return (len(label) > 1 and label.isupper()) or not starts_sentence(value, word.start())


def unsupported_names(
    attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",), hashtags: bool = False
) -> list[str]:
    """Capitalised words in `text` that no attribute value or key holds: names the copy gives
    the product that its data does not ("Michelin-starred", "in Tokyo", "USB-B" for USB-C).

    A word is held when an attribute word is the same word, its plural or singular, or the start of
    it but for its last letter ("Italian" for "Italy", "Japanese" for "Japan"; not "Japan" for
    "Japanese": a country is no cuisine). A word held only inside a longer value does not make a
    place of its own: "in Portland" or "the city of Cambridge" names a town that "near: The
    Portland Arms" or "name: The Cambridge Blue" does not hold, and is reported with its "in" or
    "of"; "in the Portland Arms" and "near Portland" are the value. Not checked: a sentence's or
    line's first word (unless it owns a value after it: "Minnesota's Maple House"), a word after
    a label ("Headline:"), a quote or a bullet, "I", lines in title case ("Brew Better Coffee
    Every Day"), but for their acronyms ("Non-Slip TPU Mat" for a TPE mat), and hashtags and
    handles, unless `hashtags`: then a tag with a capitalised word no attribute holds is a name
    ("#Atlantis", "#AtelierRue" for the brand Atelier Rue is not; copy for a page has no tags, a
    post may have some of its own). A maker the attributes do not name, when they name one, is
    reported with its "from" or "by" ("from Northwind Socks" for a Fellside product; see
    maker_spans), and so is a code no value holds ("A1", "XR-200", "IP68"; see code_spans: reported, not banned
    while decoding, where a code's digits are numbers the number bans already hold to the data). Repeats are
    reported once, possessives without their "'s".
    """
    spans = sorted(unsupported_name_spans(attributes, text, skip, hashtags) + code_spans(attributes, text, skip))
    return list(dict.fromkeys(text[start:end] for start, end in spans))


def unsupported_name_spans(
    attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",), hashtags: bool = False
) -> list[tuple[int, int]]:
    """Where in `text` each unsupported name (see `unsupported_names`) is: (start, end) offsets."""
    held, whole = set(), set()
    inside: dict[str, tuple[set, set]] = {}  # a word of a longer value -> the words before and after it there
    preceding: dict[str, set[str]] = {}  # a capitalised word of a value -> the first letters of the words before it
    for fact in facts(attributes, skip):
        named = NAME_WORD.findall(str(fact.value))
        words = [word.lower() for word in named]
        for before, word in zip(named, named[1:]):
            if word[:1].isupper() and before[:1].isupper():
                preceding.setdefault(word.lower(), set()).add(before[:1].lower())
        held.update(words)
        held.update(name_words(fact.name))
        whole.update(name_words(fact.name))
        if len(words) == 1:
            whole.update(words)
        for item in LIST_ITEM.split(str(fact.value)) if len(words) > 1 else ():  # "Fig, Clay": "in Fig" names a value
            item_words = NAME_WORD.findall(item)
            whole.update(word.lower() for word in item_words if len(item_words) == 1)
        for index, word in enumerate(words if len(words) > 1 else ()):
            before, after = inside.setdefault(word, (set(), set()))
            before.update(words[max(0, index - 1) : index])
            after.update(words[index + 1 : index + 2])
    values = [str(fact.value) for fact in facts(attributes, skip)]
    by_start: dict[str, list[str]] = {}  # a shared stem shares the first three letters
    for known in held:
        by_start.setdefault(known[:3], []).append(known)

    def is_held(word: str) -> bool:
        if (SHORTHAND.get(word) or SHORTHAND_PHRASES.get(f"{word}/")) in held:  # "BRG" for a bearing, "W/" for with
            return True
        return word in held or any(same_stem(word, known) for known in by_start.get(word[:3], ()))

    def placed(every: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
        """Where "in X" or "the city of X" names X (`every[index]` of a line's words) as a place,
        X held only inside longer values: from the "in" or "of" to the end of X."""
        start, end = every[index]
        word = text[start:end].lower()
        if word not in inside or not text[start].isupper() or any(same_stem(word, known) for known in whole):
            return None
        cue = PLACED.search(text, max(0, start - PLACE_REACH), start)
        before, after = (
            {text[s:e].lower() for s, e in near}
            for near in (every[max(0, index - 1) : index], every[index + 1 : index + 2])
        )
        written_out = (inside[word][0] & before | inside[word][1] & after) - ARTICLES  # "in the Portland Arms"
        if cue is None or written_out:
            return None
        return cue.start(1) if cue.group(1) else cue.start(2), end

    spans = []
    for line_start, line in line_spans(text):
        every = [
            (line_start + match.start(), line_start + match.start() + len(POSSESSIVE.sub("", match.group())))
            for match in NAME_WORD.finditer(line)
        ]
        spans += filter(None, (placed(every, index) for index in range(len(every))))
        words = [(start, end) for start, end in every if not starts_sentence(text, start) or owner(text, end, values)]
        new = [(start, end) for start, end in words if not is_held(text[start:end].lower())]
        capitalised = [(start, end) for start, end in new if text[start].isupper() and text[start:end] != "I"]
        if len(new) >= 3 and len(capitalised) >= TITLE_CASE * len(new):
            capitalised = [(start, end) for start, end in capitalised if ACRONYM.fullmatch(text, start, end)]  # a title
        spans += capitalised
        spans += [
            (start, end)
            for (start, end), (after, last) in zip(every, every[1:])
            if starts_sentence(text, start)
            and text[after].isupper()
            and not is_held(text[start:end].lower())
            and text[start:end].lower() not in FUNCTION_WORDS
            and text[start:end].lower()[:1] in preceding.get(text[after:last].lower(), ())
        ]  # "Pream Velvet ..." for "Pomelle Velvet ...": a name's word changed where the sentence starts
    spans += maker_spans(attributes, text, skip)
    if hashtags:
        spans += [
            tag.span()
            for tag in HASHTAG.finditer(text)
            if any(word[0].isupper() and not is_held(word.lower()) for word in CAMEL.sub(" ", tag.group()[1:]).split())
        ]
    return sorted(spans)


def code_spans(attributes: dict[str, Any], text: str, skip: Iterable[str]) -> list[tuple[int, int]]:
    """Where `text` gives a code no attribute holds: letters and digits together, a letter first ("A1", "B1", "XR-200",
    "IP68"; held-out set 209: a bolt's invented grades "A1 (15)", "B1 (21.8)"). A code is held when a value or key
    holds it whole or as a part between hyphens, slashes or stops, in any case ("M10x30" of "HFB-M10x30-A4")."""
    held = set()
    for fact in facts(attributes, skip):
        key = f"{str(fact.name).replace('_', ' ')} {' '.join(name_words(fact.name))}"  # "hardware_interface1"
        for code in CODE.findall(f"{fact.value} {key}"):
            held.add(re.sub(r"[^0-9a-z]", "", code.lower()))
            held.update(part.lower() for part in re.split(r"[-/.]", code))
    return [
        match.span()
        for match in CODE.finditer(text)
        if re.sub(r"[^0-9a-z]", "", match.group().lower()) not in held
        and not all(part.lower() in held for part in re.split(r"[-/.]", match.group()))
    ]


def maker_spans(attributes: dict[str, Any], text: str, skip: Iterable[str]) -> list[tuple[int, int]]:
    """Where copy names a maker the attributes do not, when they name one: "from Northwind Socks"
    (the product's name) or "designed by Scoopa Scoops" for a Fellside or Frostbite product, from
    the "from" or "by" on. A capitalised word of the maker or of any other value but the name is
    the maker's or the product's own ("from Fellside", "from USB-C", "from Italian leather"); a
    possessive ends the maker ("from Fellside's Northwind range"). A maker that starts as the
    attributes' does must go on as it does, or stop: "from Alder & Steel" for Alder & Stone (a
    sample's draft) is not theirs, "from Alder" is."""
    makers, others, named = set(), set(), []
    for fact in facts(attributes, skip):
        words = {word.lower() for word in NAME_WORD.findall(str(fact.value))}
        keys = set(name_words(fact.name))
        if keys & MAKER_KEYS:
            makers |= words
            named.append(" ".join(str(fact.value).lower().split()))
        elif not keys & PRODUCT_NAME_KEYS:
            others |= words | keys
    if not makers:
        return []
    spans = []
    for cue in MAKER_NAMED.finditer(text):
        said = POSSESSIVE_END.split(cue["maker"])[0]
        written = " ".join(said.lower().split())
        if any(word.lower() not in makers | others for word in NAME_WORD.findall(said)) or any(
            written.split()[0] == maker.split()[0] and not (written.startswith(maker) or maker.startswith(written))
            for maker in named
        ):
            spans.append((cue.start(), cue.start("maker") + len(said)))
    return spans


def owner(text: str, end: int, values: list[str]) -> bool:
    """Whether a word ending at `end` owns or houses one of `values` written right after it:
    "Minnesota's Maple House", "Minnesota-based Maple House". Such a word is a name even where it
    starts a sentence."""
    tied = OWNER.match(text, end)
    return tied is not None and any(value and text.startswith(value, tied.end()) for value in values)


def starts_sentence(text: str, at: int) -> bool:
    """Whether a word at `at` starts a sentence or line, or follows a label, quote or bullet:
    SENTENCE_START over the few characters before it (tidied copy has no long runs of spaces),
    not over all of them, which made checking a copy quadratic in its length."""
    return SENTENCE_START.search(text, max(0, at - START_REACH), at) is not None


def line_spans(text: str) -> Iterator[tuple[int, str]]:
    """Each line of `text` with where it starts."""
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def same_stem(word: str, known: str) -> bool:
    """Whether a word of the copy is an attribute's word or a form of it: the same word, its plural
    or singular ("socks", "sock"), it without its possessive ("chef" for "chef's"), or a longer
    word of four letters or more that differs from it only after its next-to-last letter
    ("italian" for "italy"). Not a shorter one: "japan", "china" and "india" are places that
    "japanese", "chinese" and "indian" food does not name."""
    if word == known or known in (word + "s", word + "es", word + "'s", word + "’s"):
        return True
    common = next((i for i, (a, b) in enumerate(zip(word, known)) if a != b), len(known))
    return len(word) > len(known) >= 4 and common >= len(known) - 1


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
