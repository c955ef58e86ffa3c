"""What each attribute value of a product states, and whether a text states it or its opposite.

A product's attributes are flattened into facts: each string, number or yes/no leaf with the key
that holds it (a list: each item under the list's key; a nested object: each leaf under its own
key). How a fact is stated depends on its kind:

- yes/no (True/False, or "yes"/"no"/"true"/"false") by the attribute's NAME, split into words
  ("familyFriendly", "family_friendly" -> "family friendly"; a leading "is"/"has" dropped), with
  spaces or hyphens between the words or none, or, for a name of several words, as a compound
  of a word for the same people or animals and the same last word ("kid-friendly" for
  familyFriendly, "dog-friendly" for petFriendly; not "eco-friendly"); "friendly" may be a word
  that says the same ("family-oriented", "kid-focused", "family-style"). A mention is negated
  when a negation (not, no, never, non, nor, neither, without, ...n't) comes at most three words
  before it in the same clause, unless "only", "just", "far" or the like follows the negation
  ("not only", "not far from"); a negation hyphened to a word negates only that word
  ("non-slip"). "no" is stated by a negated mention, "yes" by a plain one; the other kind of
  mention contradicts the value.
- quantitative (a number with its unit, a range "£20-25" or "2.5 kg to 24 kg", a bound "less than
  £20", a rating "5 out of 5") by its numbers, each with a compatible unit, anywhere in the text;
  a rating by its score alone ("5 stars"). The words around the numbers ("less than", "up to")
  are not checked. A rating on the same scale with another score ("3 out of 5") contradicts it,
  and so does praise of a rating that is not high (below 4 out of 5, or a word such as
  "average" or "low" under a key that names a rating): "top-rated", "highly rated", "five-star",
  "top-tier", "top-notch", "highly recommended", "one of the best", "the best in town", or renown
  ("renowned", "well-known", "acclaimed", "beloved", "popular", "a local favourite", "a reputation
  for", "a loyal following", "a leading brand": E2E's human references say "popular" and
  "reputation" only of places rated high). Such a rating also contradicts praise of what the place serves: "exceptional
  customer service", "exquisite Chinese cuisine", "high-quality food".
- a price tier (a word such as "cheap", "moderate" or "high" under a key that names a price,
  "priceRange") is contradicted by words for a tier it is not: "high-end", "upscale", "luxury"
  or "expensive" for a low or middle price, "cheap", "budget", "affordable" or "inexpensive" for a
  high one, "mid-range" or "moderately priced" for a low or high one (E2E's references say these
  in 414 of 559 references for moderate places, and in 9 of 1,065 for cheap or high ones, slips).
  A price in figures is not judged.
- a kind of place (a coffee shop, a restaurant, a pub, under a key that names a type, "eatType") is
  contradicted by the words for another kind ("bistro" and "trattoria" are restaurants), but not
  right after a neighbour's name ("a restaurant" for a coffee shop, but not "near the Burger King
  restaurant" for `near: Burger King`). Other kinds are not judged.
- a product's name (under "name" or "title") is contradicted by copy that calls it, by that name,
  a maker ("Pulse Jump Rope is a ... apparel brand", "a ... company"), unless it is the brand's too.
- an age limit ("ages 3-6", "12 months+", "age": "12+") is contradicted by "for all ages" (or
  "of all age ranges"), "any age" or "different age groups".
- a neighbour (under a key that names nearness, "near") is contradicted by copy that puts the
  place in or at it ("in the heart of Clare Hall", "located at The Portland Arms", "in the town
  of Ranch"), but not "in the Clare Hall area".
- any other value by its tokens, together and in order (see copygen.quality.tokens); a word may
  carry an English inflection ("moderately" states "moderate", "highly" states "high"). A part of
  such a value (between commas or semicolons) with no number of its own says a thing is there
  ("gig bag included", "waterproof") or absent ("screen protector not included", "E27 bulb (sold
  separately)", "no active noise cancelling", "base not dishwasher safe"). Copy that negates a
  thing that is there ("no gig bag", "without a gig bag", "gig bag-free", "not waterproof")
  contradicts it; so does copy that mentions an absent thing without saying it is absent
  ("dishwasher-safe", "comes with a screen protector"; not "screen protector not included" or
  "sold separately"). A neighbour is not judged so: "not in Clare Hall" is true of a place near it.

Words that contradict a rating, a price tier or a kind of place do not when negated ("not cheap")
or inside one of the product's values ("Café Rouge", "Famous Dave's").

A paraphrase ("cheap" for "less than £20", "highly rated" for "5 out of 5", "adults only" for a
family-friendly "no") cannot be verified without a dictionary of the domain: it counts as not
stated, so coverage is a lower bound, and apart from praise of a rating it never counts as a
contradiction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from copygen.io.products import measure_text, spec_pair
from copygen.quality.tokens import JOINERS, UNIT_NAMES, Quantity, Token, contains, quantities, tokens_of
from copygen.text import PRODUCT_NAME_KEYS, WORD, in_english, name_words, names_product, polarity

NEGATIONS = frozenset({"not", "no", "never", "non", "nor", "neither", "without", "cannot", "none"})
SCOPE_ENDS = frozenset({"and", "but", "while", "whereas", "although", "though", "yet"})
QUOTED_LENGTH = 200  # the longest value looked for said word for word (see quoted_spans)
LIST_ITEM = re.compile(r"\s*[,;|]\s*")  # where a list in one text splits: "Fig, Clay" (see quoted_spans)
ANSWERED_NO = re.compile(r"\s*:\s*(?:no|none)\b", re.IGNORECASE)  # after a label: "Latex free: no"
NEGATION_REACH = 3  # words that may sit between a negation and what it negates
# Words after a negation that keep it from negating what follows ("not only", "not far from", "no doubt").
NOT_NEGATING = frozenset({"only", "just", "merely", "far", "least", "doubt", "wonder", "matter"})
# A value that says something is absent: "screen protector not included", "E27 bulb (sold
# separately)"; "no active noise cancelling", "not dishwasher safe", "without batteries".
ABSENT_AFTER = re.compile(
    r"^(?P<thing>[^(\[]+?)\s*[(\[]?\s*(?:(?:is |are )?not (?:included|supplied|provided)|sold separately|excluded)\b",
    re.IGNORECASE,
)
ABSENT_BEFORE = re.compile(r"(?<![\w-])(?:no|not|without|never)\s+(?P<thing>.+)", re.IGNORECASE)
INCLUDED = re.compile(r"\s+(?:included|supplied|provided|built[- ]in)$", re.IGNORECASE)  # "gig bag included"
MAKER_WORDS = r"brands?|compan(?:y|ies)|manufacturers?|makers?|retailers?|suppliers?|labels?|boutiques?"
# What calls a product by its name a maker: "<name> is a high-end yoga and wellness apparel brand".
MAKER = (
    r"(?:,|\s+is)\s+(?:a|an|the)\s+(?:(?!(?:by|from|of|for|with|in|that|which|made|designed)\s)[\w'’&-]+,?\s+){0,6}?"
    rf"({MAKER_WORDS})\b"
)
# What copy calls the product by its whole name: "<name> is a top-of-the-line, 20D ripstop nylon
# backpack designed for ...". The words up to a STOP_WORD or punctuation; the last one is the kind.
# A word ending in "-ed" or "-ing" before a preposition ("located in", "known for") ends them too.
STOP_WORDS = (
    r"by|from|of|for|with|in|on|at|to|near|that|which|who|where|made|designed|crafted|built|engineered"
    r"|perfect|ideal|great|suitable|featuring|offering|serving|providing|boasting|available|located|situated"
    r"|nestled|set|based|known|and|or|but|you|your|is|are|will|has|have|can|than|like|as|while|so"
    r"|[\w'’-]+(?:ed|ing)\s+(?:in|at|on|by|for|with|to|from|near|along|within|among|into|over|under|away)"
)
CALLED = (
    r"(?:,|\s+(?:is|are))\s+(?:a|an|the)\s+"
    rf"(?P<phrase>[\w'’&-]+(?:,?\s+(?!(?:{STOP_WORDS})\b)[\w'’&-]+){{0,8}})"
    rf"(?=\s*[.;:!?,\n]|\s*$|\s+(?P<stop>{STOP_WORDS})\b)"
)
MAKER_AFTER = r"(?:\s+(?:from|by)\s+[\w'’&.-]+(?:\s+[\w'’&.-]+){0,3}?)?"  # "... Telescope from Skyward is a"
KIND_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")  # "food-grade": what a value names a kind by is its last part
# Kinds any product or place may be called: no claim about what it is.
ANY_KIND = frozenset(
    {
        "product",
        "item",
        "device",
        "tool",
        "gadget",
        "accessory",
        "essential",
        "addition",
        "companion",
        "choice",
        "option",
        "solution",
        "must-have",
        "must-buy",
        "game-changer",
        "staple",
        "gift",
        "piece",
        "one",
        "pick",
        "investment",
        "upgrade",
        "find",
        "favourite",
        "favorite",
        "design",
        "unit",
        "equipment",
        "gear",
        "kit",
        "set",
        "model",
        "way",
        "alternative",
        "version",
        "collection",
        "range",
        "selection",
        "system",
        "toy",
        "game",
        "garment",
        "apparel",
        "clothing",
        "wear",
        "footwear",
        "cookware",
        "bakeware",
        "furniture",
        "decor",
        "bedding",
        "treat",
        "offering",
        "creation",
        "innovation",
        "place",
        "venue",
        "spot",
        "establishment",
        "eatery",
        "joint",
        "location",
        "destination",
        "gem",
        "haven",
        "hub",
        "retreat",
    }
)
# What makes a product an appliance: it runs on power ("1700 W", "rechargeable", "USB-C", "cord length").
POWERED = re.compile(
    r"\d\s*(?:k?w|v|mah|wh)\b|\b(?:watts?|volts?|electric|batter(?:y|ies)|rechargeable|usb|plug|mains|cord(?:less)?"
    r"|motor|powered)\b",
    re.IGNORECASE,
)
AGE_KEYS = frozenset({"age", "ages"})  # a key that names an age
# An age limit ("ages 3-6", "10+" under an age key, "12 months+"), and copy that says there is none.
AGE_LIMIT = re.compile(r"\bages?\s*\d|\d+\s*(?:months?|years?)\s*(?:\+|and up|or older)", re.IGNORECASE)
ALL_AGES = re.compile(
    r"(?:(?<=of )|(?<=for )|(?<=across ))all ages?(?![\w-])|(?<![\w-])(?:any|every) age(?![\w-])"
    r"|(?<![\w-])(?:all|different|various|every) age groups?(?![\w-])",
    re.IGNORECASE,
)
MAKER_KEYS = frozenset({"brand", "maker", "manufacturer", "company", "label", "vendor"})
# Where a listing's long title stops naming the product: "Anker PowerCore 20000mAh Portable Charger, 22.5W ...",
# or at the colon before a list ("3-in-1 Soil Tester: pH, Moisture, Light", not "3-in-1 Soil Tester: pH").
# Not before a count of what is sold ("Merino Crew Sock – 3 Pack": set 185 named one sock, its 3 pairs' weight untrue).
PACK_COUNT = r"(?!\s*(?i:\d+[ -]?(?:pack|pk|pairs?|count|ct)\b|(?:pack|box|case) of \d))"  # not a set's pieces
TITLE_END = re.compile(
    rf"(?<!\d),{PACK_COUNT}|,(?!\d){PACK_COUNT}|\s[-–—|]\s{PACK_COUNT}|:\s(?=[^,]*,)|\s(?i:fits)\s"
)  # "... Brake Pads Set fits Ford Kuga" (sets 165, 170); not a decimal comma ("Lumen 1,7 l": set 210 named "Lumen 1")
PARTS = re.compile(r"[,;]")  # a value's parts, each stating one thing
MATERIAL_KEYS = frozenset({"material", "materials", "fabric", "fabrics", "construction"})  # the whole product's
MADE_FROM = r"(?:made|crafted|constructed)\s+(?:of|from)"  # what a thing is made of follows
# A part copy says is made of something: "The blades are made of soft-grip ABS", up to the clause's end.
PART_MADE_OF = re.compile(
    rf"(?<![\w-])(?P<part>[^\W\d_]+)\s+(?:(?:is|are)\s+)?{MADE_FROM}\s+"
    r"(?P<material>[^.,;:!?()\n]+?)(?=\s+(?:and|but|while|with|for|that|which)\b|\s*[.,;:!?()\n]|\s*$)",
    re.IGNORECASE,
)
PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]")
# Words that lead to a thing a value names, not of it: "the", and "for" in "not for scuba diving".
THING_LEADS = frozenset({"a", "an", "the", "any", "for"})
# What after a mention says the thing is absent ("grinder not included", "is sold separately"; see absence_after).
LEFT_OUT = frozenset({"included", "supplied", "provided"})
SAID_ABSENT = LEFT_OUT | {"free", "separately", "excluded"}  # the last word of a mention said absent
# Words that name no kind of thing: never the label of a number ("A 50 ml jug"; see grounding).
FUNCTION_WORDS = (
    NEGATIONS
    | SCOPE_ENDS
    | frozenset(
        [
            "a",
            "an",
            "the",
            "this",
            "that",
            "these",
            "those",
            "its",
            "it",
            "their",
            "our",
            "your",
            "his",
            "her",
            "my",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "being",
            "very",
            "really",
            "quite",
            "so",
            "too",
            "more",
            "most",
            "less",
            "least",
            "super",
            "rather",
            "fairly",
            "pretty",
            "also",
            "or",
            "for",
            "to",
            "of",
            "in",
            "on",
            "at",
            "by",
            "from",
            "as",
            "than",
            "such",
            "how",
            "always",
            "still",
            "just",
        ]
    )
)
# Words that name the same people or animals as a yes/no name's first word, in a compound with its last.
KINDS = {
    "family": frozenset({"kid", "kids", "child", "children", "baby", "toddler"}),
    "kid": frozenset({"family", "child", "children", "kids"}),
    "child": frozenset({"family", "kid", "kids", "children"}),
    "pet": frozenset({"dog", "dogs", "cat", "cats"}),
}
# Words that say what a yes/no name's last word says ("family-oriented" for familyFriendly).
SAME_AS = {
    "friendly": frozenset({"friendly", "oriented", "focused", "centric", "centred", "centered", "loving", "style"})
}
# Words a yes/no name's first word may be hyphenated to without stating the name (see kind_compounds).
NOT_A_KIND_COMPOUND = frozenset({"free", "owned", "run", "operated"})
INFLECTIONS = ("s", "es", "ly", "er", "est", "ed")
STEM_ENDINGS = ("ings", "ing", "ers", "er", "es", "ed", "s", "e")  # longest first
CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\n]")
SENTENCE_BREAK = re.compile(r"[.;:!?\n]")
NAME_GAP = re.compile(r"[^\S\n]*-[^\S\n]*|[^\S\n]+")  # between the words of a name
RATING = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s*(?:/|out\s+of)\s*(\d+(?:[.,]\d+)?)(?![\w])", re.IGNORECASE)
# Words for renown (each space stands for a space or a hyphen): claims the product's data must back
# (see claims.CLAIMS), and praise that a rating that is not high contradicts. An intensifier may come
# first, hyphenated too: "well-reputable", "highly-acclaimed". "Renowned" misspelt is renown too: the
# model, kept from writing it, wrote "world-renowed", "world-renowomed" and "world-reknowned".
RENOWN = (
    r"(?:(?:well|highly|widely|very|most|much|hugely) )?(?:"
    r"(?:world )?(?:re[ck]?now[a-z]*|famous)|well known|(?:critically )?acclaimed|legendary|celebrated|beloved"
    r"|(?:much|well) loved|(?:highly|well) (?:regarded|respected|reputed)|reputable|(?:very |hugely |immensely )?popular"
    r"|(?:local|customer|crowd|fan) favou?rite|reputation (?:for|as|of)|go to (?:spot|place|destination|choice)"
    r"|must (?:visit|try|see)|(?:haven|magnet|hot ?spot) for (?:the )?(?:locals|tourists|visitors|foodies|food lovers|diners)"
    r"|loyal (?:customer base|customers|following|clientele|fan base|regulars)"
    r"|favou?rite (?:\w+ )?(?:among|with|of) (?:the )?(?:locals|customers|visitors|tourists|diners|residents|families"
    r"|foodies|food lovers|shoppers|travell?ers|fans|enthusiasts)"
    r"|(?:well|long) established|(?:industry|market|world) lead(?:ing|ers?)|(?:a|the) leader in|the world['’]?s (?:top|best|finest|leading)|(?:a|the|one of the) leading (?:[\w&]+ ){0,3}?"
    r"(?:brands?|manufacturers?|makers?|compan(?:y|ies)|providers?|suppliers?|retailers?|names?|producers?|designers?))"
)
# Praise that claims a high rating (each space stands for a space or a hyphen, as in RENOWN): a claim
# the data must back (see claims.CLAIMS), contradicted by a rating that is not high (see `rated_high`).
RATED = (
    r"(?:top|highly|best|high) ?(?:rated|reviewed)|five stars?|highly recommended"
    r"|one of the (?:very |(?:world|city|country|nation|region|area|town)'s )?(?:best|finest|top)"
    r"|best in (?:the )?(?:city|town|area|region|country|world)"
    r"|(?:excellent|glowing|rave|outstanding|stellar|exceptional) (?:customer |online )?reviews"
)
# Praise of a rating, renown or quality ("top-tier", "top-notch": no claim, but a rating that is not
# high contradicts it).
PRAISE = re.compile(rf"(?<![\w-])(?:{RATED}|{RENOWN}|top (?:tier|notch))(?![\w-])".replace(" ", "[- ]"), re.IGNORECASE)
# Praise of what a place serves ("exceptional customer service", "exquisite Chinese cuisine"): a
# rating that is not high contradicts it. E2E's references praise it for 6 of 1,293 references
# with a high rating, for none of 1,364 with an average one or 3 out of 5, nor of 1,424 low ones.
SERVED_PRAISE = re.compile(
    r"(?<![\w-])(?:exceptional|exquisite|excellent|outstanding|superb|impeccable"
    r"|(?:first|world|top|high)[- ](?:class|quality))(?:[- ][\w-]+){0,2}[- ](?:cuisine|food|dishes|fare|coffee|service|hospitality|menu|meals?|drinks)(?![\w-])",
    re.IGNORECASE,
)
RATING_KEYS = frozenset({"rating", "ratings", "rated", "stars", "score", "reviews"})
# Words for the low and high price tiers; they contradict a price of another tier (see `price_tier`).
UPSCALE = re.compile(
    r"(?<![\w-])(?:high[- ]end|upscale|up[- ]?market|luxur(?:y|ious)|high[- ]priced|expensive|pricey)(?![\w-])",
    re.IGNORECASE,
)
BARGAIN = re.compile(
    r"(?<![\w-])(?:cheap(?:ly)?|inexpensive|budget(?:[- ]friendly)?|affordabl[ey]|low[- ](?:cost|priced)|bargain)(?![\w-])",
    re.IGNORECASE,
)
# Words for the middle tier, said of a price ("mid-range", "moderately priced"; not a "mid-range rating").
MIDDLE = re.compile(
    r"(?<![\w-])(?:mid[- ]?range(?![- ](?:customer|ratings?|reviews?))|mid[- ]priced|moderately[- ]priced"
    r"|moderate(?:ly)?[- ](?:prices?|pricing|costs?))(?![\w-])",
    re.IGNORECASE,
)
TIER_AGAINST = {"low": (UPSCALE, MIDDLE), "middle": (UPSCALE,), "high": (BARGAIN, MIDDLE)}  # what contradicts each tier
PRICE_KEYS = frozenset({"price", "prices", "pricing", "cost"})
PRICE_TIERS = {  # a price tier's name, and the values that state it
    "low": frozenset({"cheap", "low", "budget", "inexpensive", "affordable"}),
    "middle": frozenset({"moderate", "medium", "average", "mid-range", "mid range", "midrange"}),
    "high": frozenset({"high", "expensive", "premium", "luxury", "upscale", "high-end"}),
}
# Kinds of place that exclude one another, with the words that name each (see `place_kind`).
PLACE_KINDS = {
    "coffee shop": r"coffee[- ]?shops?|coffee[- ]?houses?|caf[eé]s?",
    "restaurant": r"restaurants?|bistros?|brasseries?|trattorias?|pizzerias?|steak ?houses?",
    "pub": r"pubs?|taverns?",
}
OTHERS_JUDGE = re.compile("|".join([MAKER_WORDS, *PLACE_KINDS.values()]))  # kinds called_another_kind leaves
KIND_KEYS = frozenset({"type", "kind", "category"})
NEAR_KEYS = frozenset({"near", "nearby", "close", "next"})  # a neighbour's name, which copy may follow with its kind
# What puts a place in or at another, before that one's name (PLACED_AT is its first word).
PLACED_AT = ("in", "at", "inside", "within")
IN_OR_AT = (  # "in", "at The", "in the picturesque town of", "in the heart of the bustling city of"
    rf"\b(?:{'|'.join(PLACED_AT)})\s+"
    r"(?:(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:heart|centre|center|middle|city|town|village)\s+of\s+){0,2}(?:the\s+)?"
)
AROUND = r"(?:area|district|neighbou?rhood|vicinity)\b"  # "in the Clare Hall area" is near it
HIGH = 0.8  # a score at or above this share of its scale is a high rating ("4 out of 5")
HIGH_WORDS = frozenset({"high", "very high", "excellent", "outstanding", "top"})
LOW_WORDS = frozenset({"low", "very low", "poor", "bad", "very poor"})
NOT_HIGH_WORDS = LOW_WORDS | {"average", "medium", "moderate", "mixed", "fair", "mediocre"}


class Fact(NamedTuple):
    name: str  # the key that holds the value
    value: Any  # a string, a number or a bool
    part: str = ""  # the key of the mapping that holds it, if any ("lid" of "lid": {"dishwasher_safe": false})


class Word(NamedTuple):
    text: str  # lower-cased
    start: int
    end: int


@dataclass
class Reading:
    """A text parsed once for every fact checked against it."""

    text: str
    words: list[Word] = field(init=False)
    tokens: list[Token] = field(init=False)
    quantities: list[Quantity] = field(init=False)

    def __post_init__(self):
        self.words = [Word(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(self.text)]
        self.tokens = tokens_of(self.text)
        self.quantities = quantities(self.text)


def facts(
    attributes: Any, skip: Iterable[str] = (), name: str = "", part: str = "", listed: bool = False
) -> Iterator[Fact]:
    """Every leaf of the attributes with the key that holds it and the part it is of; `skip`
    applies to the top level."""
    skipped = set(skip)
    if isinstance(attributes, dict) and (measured := measure_text(attributes)):
        yield Fact(name, measured, part)  # {"value": 22, "unit": "mm"} is 22 mm
    elif isinstance(attributes, dict) and (pair := spec_pair(attributes)):
        yield from facts(pair[1], name=pair[0], part=name)  # {"name": "power", "value": 1500, "unit": "W"}
    elif isinstance(attributes, dict):
        for key, value in attributes.items():
            if key not in skipped:
                yield from facts(value, name=str(key), part=name)
    elif isinstance(attributes, list) and (english := in_english(attributes)) is not attributes:
        yield from facts(english, name=name, part=part)  # a PIM's [{"locale": "en_GB", "data": ...}]
    elif isinstance(attributes, (list, tuple)):
        for value in attributes:
            yield from facts(value, name=name, part=part, listed=True)
    elif isinstance(attributes, str):
        flag = None if listed or polarity(attributes) is not None else polarity(attributes, letters=True)
        if flag is not None:  # a key's "Y" or "N" is a yes or a no; a list's "N" may be a size
            yield Fact(name, flag, part)
        elif attributes.strip():
            yield Fact(name, attributes, part)
    elif isinstance(attributes, (int, float)):
        yield Fact(name, attributes, part)


def stated(fact: Fact, reading: Reading) -> bool | None:
    """Whether the text states the fact; None when it cannot be checked (no name, no tokens)."""
    yes = polarity(fact.value)
    if yes is not None:
        name = name_words(fact.name)
        if not name:
            return None
        return any(
            (negated(reading, first) or answered_no(reading, last) is not None) != yes
            for first, last in name_mentions(reading, name)
        )
    value = str(fact.value)
    part = [token.text for token in tokens_of(value)]
    if not part:
        return None
    found = [token.text for token in reading.tokens]
    if contains(found, part) or contains_inflected(found, part):
        return True
    key_numbers = quantitative(value)
    return bool(key_numbers) and all(any(same_quantity(q, t) for t in reading.quantities) for q in key_numbers)


def contradiction(fact: Fact, reading: Reading, all_facts: list[Fact]) -> list[str]:
    """What the text says against the fact, as "says X, but NAME is VALUE" messages."""
    shown = str(fact.value).lower() if isinstance(fact.value, bool) else str(fact.value)
    said = [reading.text[start:end] for start, end in contradicting_spans(fact, reading, all_facts)]
    return [f'says "{words}", but {fact.name} is {shown}' for words in dict.fromkeys(said)]


def contradicting_spans(fact: Fact, reading: Reading, all_facts: list[Fact]) -> list[tuple[int, int]]:
    """Where the text says something against the fact: (start, end) character offsets."""
    yes = polarity(fact.value)
    spans = []
    if yes is not None:
        name = name_words(fact.name)
        for first, last in name_mentions(reading, name) if name else ():
            if not whose_mention(fact, reading, first, all_facts):
                continue
            cue, answer = negation_at(reading, first), answered_no(reading, last)
            if (cue is not None or answer is not None) == yes:
                end = answer if answer is not None else last
                spans.append((reading.words[cue if cue is not None else first].start, reading.words[end].end))
        if yes is False and len(name) > 1:
            spans += kind_compounds(reading, name)
    else:
        if rated_high(fact) is False:
            spans += said_against(PRAISE, reading, all_facts) + said_against(SERVED_PRAISE, reading, all_facts)
        if age_limited(fact):
            spans += said_against(ALL_AGES, reading, all_facts)
        tier = price_tier(fact)
        if tier is not None:
            spans += [span for words in TIER_AGAINST[tier] for span in said_against(words, reading, all_facts)]
        kind = place_kind(fact)
        if kind is not None:
            spans += other_kinds(kind, reading, all_facts)
        if isinstance(fact.value, str) and NEAR_KEYS & set(name_words(fact.name)):
            spans += placed_at(fact.value, reading)
        elif isinstance(fact.value, str):
            spans += unquoted(against_presence(fact.value, reading), reading, all_facts)
            spans += made_of_another_part(fact, reading, all_facts)
        if isinstance(fact.value, str) and product_name(fact):
            spans += called_a_maker(fact.value, reading, all_facts)
            spans += called_another_kind(fact.value, reading, all_facts)
        rating = RATING.search(str(fact.value))
        if rating and quantitative(str(fact.value)):
            scale = number_of(rating.group(2))
            scores = rating_scores(all_facts, scale)
            spans += [
                match.span()
                for match in RATING.finditer(reading.text)
                if number_of(match.group(2)) == scale and number_of(match.group(1)) not in scores
            ]
    return spans


def whose_mention(fact: Fact, reading: Reading, first: int, all_facts: list[Fact]) -> bool:
    """Whether a mention of a yes or no fact's key (from word `first`) is of this fact, where the
    product and a part answer the same key differently ("dishwasher_safe": true, "lid":
    {"dishwasher_safe": false}, or "container_dishwasher_safe": "yes"): a part's when its sentence
    names the part before it ("Its lid is not dishwasher safe."), else the product's. Where no other
    part answers the key otherwise, any mention is."""
    yes, name = polarity(fact.value), name_words(fact.name)
    twins = set()
    for other in all_facts:
        words = name_words(other.name)
        if polarity(other.value) in (None, yes) or words[-len(name) :] != name:
            continue
        if len(words) > len(name):  # "container_dishwasher_safe": the container's
            twins.add(" ".join(words[: -len(name)]))
        elif other.part != fact.part:
            twins.add(other.part)
    if not twins:
        return True
    start = reading.words[first].start
    sentence = reading.text[max(reading.text.rfind(end, 0, start) for end in ".!?;\n") + 1 : start].lower()

    def names(part: str) -> bool:
        words = r"[\s-]+".join(map(re.escape, name_words(part)))
        return bool(words) and re.search(rf"\b{words}\b", sentence) is not None

    return names(fact.part) if fact.part else not any(names(part) for part in twins)


def rated_high(fact: Fact) -> bool | None:
    """Whether a rating, under a key that names one ("customer rating"), is high: a score of at
    least HIGH of its scale ("4.5/5") or a word such as "high" or "excellent". False for a lower
    score or a word such as "average" or "low"; None for anything else (a scale of 0 too), which
    is not judged."""
    if not RATING_KEYS & set(name_words(fact.name)):
        return None
    value = str(fact.value).strip().lower()
    rating = RATING.search(value) if quantitative(value) else None
    if rating:
        scale = float(number_of(rating.group(2)))
        return float(number_of(rating.group(1))) / scale >= HIGH if scale else None
    return True if value in HIGH_WORDS else False if value in NOT_HIGH_WORDS else None


def product_name(fact: Fact) -> bool:
    """Whether the fact is the product's name under a name or title key (see names_product; not a
    "style" or "model" key, which is as often a detail of a named product)."""
    return names_product(fact.name, alone=False)


def age_limited(fact: Fact) -> bool:
    """Whether the fact limits who the product is for by age: "ages 3-6", "12 months+", or a
    number under a key that names an age ("age": "12+")."""
    value = str(fact.value)
    by_key = bool(AGE_KEYS & set(name_words(fact.name))) and any(map(str.isdigit, value))
    return by_key or AGE_LIMIT.search(value) is not None


def price_tier(fact: Fact) -> str | None:
    """ "low", "middle" or "high" for a price tier under a key that names a price ("priceRange":
    "cheap"); None for anything else (a price in figures), which is not judged."""
    if not PRICE_KEYS & set(name_words(fact.name)):
        return None
    value = str(fact.value).strip().lower()
    return next((tier for tier, values in PRICE_TIERS.items() if value in values), None)


def place_kind(fact: Fact) -> str | None:
    """The kind of place (a key of PLACE_KINDS) a type names ("eatType": "coffee shop"), else None."""
    if not KIND_KEYS & set(name_words(fact.name)):
        return None
    value = str(fact.value).strip()
    return next((kind for kind, words in PLACE_KINDS.items() if re.fullmatch(words, value, re.IGNORECASE)), None)


def said_against(words: re.Pattern, reading: Reading, all_facts: list[Fact]) -> list[tuple[int, int]]:
    """Where the text says `words` of the product: not negated ("not expensive") and not inside one
    of its values ("Famous Dave's", "Café Rouge")."""
    text = reading.text
    strings = [fact.value.strip() for fact in all_facts if isinstance(fact.value, str) and fact.value.strip()]
    inside = [m.span() for value in strings for m in re.finditer(re.escape(value), text, re.IGNORECASE)]
    return [
        match.span()
        for match in words.finditer(text)
        if not negated_at_char(reading, match.start())
        and not any(first <= match.start() and match.end() <= last for first, last in inside)
    ]


def other_kinds(kind: str, reading: Reading, all_facts: list[Fact]) -> list[tuple[int, int]]:
    """Where the text calls the place another kind (see `said_against`), but not right after a
    neighbour's name ("near the Burger King restaurant")."""
    others = "|".join(words for other, words in PLACE_KINDS.items() if other != kind)
    text = reading.text
    near = [
        fact.value.strip().lower()
        for fact in all_facts
        if isinstance(fact.value, str) and NEAR_KEYS & set(name_words(fact.name))
    ]
    return [
        (start, end)
        for start, end in said_against(
            re.compile(rf"(?<![\w-])(?:{others})(?![\w-])", re.IGNORECASE), reading, all_facts
        )
        if not any(text[:start].rstrip().lower().endswith(value) for value in near if value)
    ]


def placed_at(neighbour: str, reading: Reading) -> list[tuple[int, int]]:
    """Where the text puts the place in or at its neighbour ("in the heart of Clare Hall"), not negated."""
    name = re.sub(r"^the\s+", "", neighbour.strip(), flags=re.IGNORECASE)
    if not name:
        return []
    pattern = IN_OR_AT + re.escape(name).replace(r"\ ", r"\s+") + rf"(?![\w-])(?!\s+{AROUND})"
    return [
        match.span()
        for match in re.finditer(pattern, reading.text, re.IGNORECASE)
        if not negated_at_char(reading, match.start())
    ]


def against_presence(value: str, reading: Reading) -> list[tuple[int, int]]:
    """Where the text says absent what the value says is there ("no gig bag", "gig bag-free" for
    "gig bag included") or says there what the value says is absent ("dishwasher-safe" for "not
    dishwasher safe", "includes a grinder" for "grinder not included"); see `things`."""
    spans = []
    for thing, present in things(value):
        for first, last in thing_mentions(reading, thing):
            before, after = negation_at(reading, first), absence_after(reading, last)
            if present and before is not None:
                spans.append((reading.words[before].start, reading.words[last].end))
            elif present and after is not None:
                spans.append((reading.words[first].start, reading.words[after].end))
            elif not present and before is None and after is None:
                spans.append((reading.words[first].start, reading.words[last].end))
    return spans


def called_a_maker(name: str, reading: Reading, all_facts: list[Fact]) -> list[tuple[int, int]]:
    """Where the text calls the product, by its whole name, a maker ("Pulse Jump Rope is a high-end
    yoga and wellness apparel brand"): the maker's word. Not when the name is also the brand's."""
    brands = {str(fact.value).strip().lower() for fact in all_facts if MAKER_KEYS & set(name_words(fact.name))}
    if not name.strip() or name.strip().lower() in brands:
        return []
    pattern = re.escape(name.strip()).replace(r"\ ", r"\s+") + MAKER
    return [match.span(1) for match in re.finditer(pattern, reading.text, re.IGNORECASE)]


def called_another_kind(name: str, reading: Reading, all_facts: list[Fact]) -> list[tuple[int, int]]:
    """Where the text calls the product, by its whole name (perhaps with its maker: "... from
    Skyward is a"), a kind of thing that neither its name nor a kind attribute (type, kind,
    category) names ("Summit 2-Person Backpacking Tent is a ... backpack", "... Coffee Press is a
    ... coffee blend"; "cat food" for a bowl of "food-grade silicone": a hyphened word names what
    its last part does), nor an attribute's key: that kind's word. A part another value names is no
    kind of the product ("Stargazer Kids' Telescope is a 70 mm tabletop tripod"), unless the words
    list parts ("Paint Roller Kit is a 23-cm roller, 2 sleeves, a tray"). Not a kind any
    product may be (ANY_KIND: "product", "essential"), nor "appliance" for one that runs on power
    (POWERED; a cutting board is no "kitchen appliance"), a maker (see called_a_maker) or a kind of
    place (see other_kinds); not when "and", "or" or "but" ends the words, which may go on to the
    kind ("a stylish and durable tent")."""
    if not name.strip():
        return []
    identity = [word for fact in all_facts if is_identity(fact) for word in KIND_WORD.findall(str(fact.value).lower())]
    keys = {word for fact in all_facts for word in name_words(fact.name)}
    kinds = {word.split("-")[-1] for word in identity} | {a + b for a, b in zip(identity, identity[1:])} | keys
    every = kinds | {word.split("-")[-1] for fact in all_facts for word in KIND_WORD.findall(str(fact.value).lower())}
    if any(POWERED.search(str(fact.value)) for fact in all_facts):
        kinds.add("appliance")
        every.add("appliance")
    spans = []
    pattern = re.escape(name.strip()).replace(r"\ ", r"\s+") + MAKER_AFTER + CALLED
    for match in re.finditer(pattern, reading.text, re.IGNORECASE):
        if match.group("stop") and match.group("stop").lower() in ("and", "or", "but"):
            continue
        kind = re.split(r"[\s,]+", match.group("phrase"))[-1]
        word = re.sub(r"['’]s$", "", kind.lower())
        before = match.group("phrase")[: -len(kind)].split()
        if not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", word) or (before and before[-1][-1:].isdigit()):
            continue  # a number, a unit ("140 cm") or a broken word: the number checks' part
        parts = {word, word.split("-")[-1]}
        forms = {form for part in parts for form in (part, part + "s", part.removesuffix("s"), part.removesuffix("es"))}
        listed = "," in match.group("phrase") or reading.text.startswith(",", match.end("phrase"))  # "a tray, a roller"
        if forms & ((every if listed else kinds) | ANY_KIND) or OTHERS_JUDGE.fullmatch(word):
            continue
        start = match.end("phrase") - len(kind)
        spans.append((start, match.end("phrase")))
    return spans


def made_of_another_part(fact: Fact, reading: Reading, all_facts: list[Fact]) -> list[tuple[int, int]]:
    """Where the text says a part the fact names is made of what another part is, and of nothing its
    own values say: "The blades are made of soft-grip ABS" for `blades: zirconia ceramic` and
    `handles: soft-grip ABS`, "the liner is made of bamboo" for "bamboo frame, cotton liner". From
    the part to the material's end, reported under the first fact that names the part. The
    product's name is no part ("The Coffee Maker is made of glass" for `makes: up to 8 cups`)."""
    said_made = list(PART_MADE_OF.finditer(reading.text))
    mine = part_materials(fact) if said_made else {}
    named = [
        (match, part)
        for match in said_made
        if (part := next((own for own in mine if same_stem(own, match.group("part").lower())), None))
        and not names_the_product(reading.text, match.start("part"), all_facts)
    ]
    if not named:
        return []  # other facts' parts are read only when copy says this one's is made of something
    every: dict[str, set[str]] = {}
    first: dict[str, Fact] = {}
    for other in all_facts:
        for part, words in part_materials(other).items():
            every.setdefault(part, set()).update(words)
            first.setdefault(part, other)
    spans = []
    for match, part in named:
        if first[part] != fact:
            continue
        said = {word.lower() for word in WORD.findall(match.group("material"))} - FUNCTION_WORDS
        theirs = {word for name, words in every.items() if name != part for word in words} - every[part]
        if said & theirs and not said & every[part]:
            spans.append(match.span())
    return spans


def names_the_product(text: str, start: int, all_facts: list[Fact]) -> bool:
    """Whether the word at `start` of `text` ends the product's name as a name ends, with its word
    before ("Coffee Maker" of "Brewloft Cold Brew Coffee Maker")."""
    said = [word.lower() for word in WORD.findall(text[:start])[-1:] + WORD.findall(text[start:])[:1]]
    return any(
        is_identity(fact) and len(said) == 2 and [word.lower() for word in WORD.findall(str(fact.value))][-2:] == said
        for fact in all_facts
    )


def part_materials(fact: Fact) -> dict[str, set[str]]:
    """The parts a fact names, each with the words of what it is made of: a key's ("blades":
    "zirconia ceramic"), and a value's that pairs several parts with materials ("bamboo frame,
    cotton liner": frame, bamboo; liner, cotton; not "cast iron, powder-coated"). The product's own
    material, name, kind or maker names no part ("material: natural latex", "Sprint Jump Rope"), and nor does a
    listing's search words (set 189: a tag "linen towel" against a towel "made of organic cotton" and linen)."""
    key = name_words(fact.name)
    if (
        is_identity(fact)
        or MAKER_KEYS & set(key)
        or key[-1:] in (["tags"], ["keywords"])
        or not isinstance(fact.value, str)
    ):
        return {}
    found = {}
    if key and key[-1] not in MATERIAL_KEYS:
        found[key[-1]] = {word.lower() for word in WORD.findall(fact.value) if not word.isdigit()} - FUNCTION_WORDS
    pairs = [part.split() for part in PARTS.split(fact.value)]
    pairs = [words for words in pairs if len(words) >= 2 and not any(char.isdigit() for char in "".join(words))]
    for words in pairs if len(pairs) >= 2 else ():
        made = [word.lower() for word in WORD.findall(" ".join(words[:-1]))]
        if not FUNCTION_WORDS & set(made) and (part := WORD.findall(words[-1].lower())):
            found.setdefault(part[-1], set()).update(made)
    return found


def is_identity(fact: Fact) -> bool:
    """Whether a fact says what the product is: its name, title, type, kind or category."""
    return bool((PRODUCT_NAME_KEYS | KIND_KEYS) & set(name_words(fact.name)))


def things(value: str) -> list[tuple[list[str], bool]]:
    """What each part of a value (split at commas and semicolons) says is there (True) or absent
    (False), as its lower-cased words: "gig bag included" -> (["gig", "bag"], True); "screen
    protector not included", "E27 bulb (sold separately)", "no hub", "base not dishwasher safe" ->
    absent. A part with a number in a word of its own is left to the number checks."""
    found = []
    for part in PARTS.split(value):
        absent = ABSENT_AFTER.match(part.strip()) or ABSENT_BEFORE.search(part)
        thing = absent.group("thing") if absent else INCLUDED.sub("", PARENTHESES.sub("", part).strip())
        words = [word.lower() for word in WORD.findall(thing)]
        while words and words[0] in THING_LEADS:
            words = words[1:]
        if words and not any(word.isdigit() for word in words):
            found.append((words, absent is None))
    return found


def thing_mentions(reading: Reading, thing: list[str]) -> list[tuple[int, int]]:
    """(first, last) word indexes where the text writes the words of `thing` in order, joined by
    spaces or hyphens, each perhaps inflected ("screen protectors"), its last one perhaps another
    word of the same stem ("scuba divers" for "scuba diving")."""
    words, width = reading.words, len(thing)
    return [
        (first, first + width - 1)
        for first in range(len(words) - width + 1)
        if all(inflected(words[first + k].text, thing[k]) for k in range(width - 1))
        and (inflected(words[first + width - 1].text, thing[-1]) or same_stem(words[first + width - 1].text, thing[-1]))
        and all(joined_by_gap(reading, first + k) for k in range(width - 1))
    ]


def absence_after(reading: Reading, last: int) -> int | None:
    """The index of the last word after a mention (ending at word `last`) that says it is absent:
    "free" hyphened to it ("gig bag-free"), or, within NEGATION_REACH words and the same sentence
    (an aside too: "E27 bulb (not included)", "a bulb, not included"), "not included" (or supplied,
    provided; "isn't included"), "sold separately" or "excluded".
    "The Vaults is not family-friendly" says nothing against The Vaults."""
    words, text = reading.words, reading.text
    if (
        last + 1 < len(words)
        and words[last + 1].text == "free"
        and text[words[last].end : words[last + 1].start] == "-"
    ):
        return last + 1
    for index in range(last + 1, min(len(words), last + 2 + NEGATION_REACH)):
        if SENTENCE_BREAK.search(text[words[index - 1].end : words[index].start]) or words[index].text in SCOPE_ENDS:
            return None
        word, before = words[index].text, words[index - 1].text
        if word in ("separately", "excluded") or (
            word in LEFT_OUT and (before in NEGATIONS or before.endswith(("n't", "n’t")))
        ):
            return index
    return None


def negated_at_char(reading: Reading, start: int) -> bool:
    """Whether the words starting at character `start` are negated ("not expensive")."""
    first = next((index for index, word in enumerate(reading.words) if word.start >= start), None)
    return first is not None and negated(reading, first)


def name_mentions(reading: Reading, name: list[str]) -> list[tuple[int, int]]:
    """(first, last) word indexes where the text writes the name: its words with spaces or hyphens
    between or none, or a compound of one other word and the name's last word; the last word may
    be one that says the same (see SAME_AS)."""
    words, found = reading.words, {}
    joined = "".join(name)
    lasts = SAME_AS.get(name[-1], {name[-1]})
    for index, word in enumerate(words):
        if len(name) > 1 and word.text == joined:
            found[index] = index
        if word.text not in lasts:
            continue
        first = index - len(name) + 1
        if first >= 0 and all(
            words[first + k].text == name[k] and joined_by_gap(reading, first + k) for k in range(len(name) - 1)
        ):
            found[index] = first
        elif len(name) > 1 and index and joined_by_gap(reading, index - 1) and same_kind(words[index - 1].text, name):
            found[index] = index - 1
    return sorted((first, last) for last, first in found.items())


def kind_compounds(reading: Reading, name: list[str]) -> list[tuple[int, int]]:
    """Where the text joins the name's first word, or one of its kind, to another word by a hyphen,
    not negated ("family-rated", "kid-approved"): for a "no", what a model writes once the name
    itself is banned. Not "family-free", nor an owner ("family-owned", a claim; see claims)."""
    words, spans = reading.words, []
    for index, (word, other) in enumerate(zip(words, words[1:])):
        compound = reading.text[word.end : other.start] == "-" and other.text not in NOT_A_KIND_COMPOUND
        if compound and (word.text == name[0] or same_kind(word.text, name)) and not negated(reading, index):
            spans.append((word.start, other.end))
    return spans


def joined_by_gap(reading: Reading, index: int) -> bool:
    """Whether word `index` and the next are joined as the words of a name are (space or hyphen)."""
    gap = reading.text[reading.words[index].end : reading.words[index + 1].start]
    return NAME_GAP.fullmatch(gap) is not None


def same_kind(word: str, name: list[str]) -> bool:
    """Whether `word` names what the name's first word does ("kid" for "family" in "kid friendly"):
    "eco-friendly" or "user-friendly" says nothing about families, nor "oven-safe" about dishwashers."""
    return word in KINDS.get(name[0], ())


def negation_at(reading: Reading, first: int) -> int | None:
    """The index of the negation word that negates the mention starting at word `first`, if any."""
    words, text = reading.words, reading.text
    for index in range(first - 1, max(-1, first - 2 - NEGATION_REACH), -1):
        if CLAUSE_BREAK.search(text[words[index].end : words[index + 1].start]):
            return None
        word = words[index].text
        if word in NEGATIONS or word.endswith(("n't", "n’t")):
            hyphened = text[words[index].end : words[index + 1].start] == "-"  # "non-slip TPE": only "slip"
            return None if words[index + 1].text in NOT_NEGATING or (hyphened and index + 1 < first) else index
        if word in SCOPE_ENDS:
            return None
    return None


def quoted_spans(text: str, every: list[Fact]) -> list[tuple[int, int]]:
    """Where `text` says a string value of the data word for word (any case): words inside one are
    the data's own, not a claim or a contradiction ("from Alder & Stone", "in Stone Grey", "520
    pieces in 12 colours", "not for serrated or ceramic blades" of a knife sharpener with a
    ceramic stage), an item of a list in one text ("Clay" of "Fig, Clay", said "in Fig or Clay"), and a
    title's name, as copy names the product by it ("Fineliner Pens 24 Colours" of "Fineliner Pens 24 Colours,
    0.4 mm Tips")."""
    said = {fact.value for fact in every if isinstance(fact.value, str)}
    said |= {item for value in said for item in LIST_ITEM.split(value) if len(LIST_ITEM.split(value)) > 1}
    names = {
        TITLE_END.split(fact.value, 1)[0].strip()
        for fact in every
        if isinstance(fact.value, str) and PRODUCT_NAME_KEYS & set(name_words(fact.name))
    }
    return list(_quoted_spans(text, frozenset(said | names)))


@lru_cache(maxsize=1024)
def _quoted_spans(text: str, values: frozenset[str]) -> tuple[tuple[int, int], ...]:
    said = {value.strip().lower() for value in values if len(value) <= QUOTED_LENGTH}
    pattern = "|".join(rf"(?<!\w){re.escape(value)}(?!\w)" for value in sorted(said, key=len, reverse=True) if value)
    return tuple(match.span() for match in re.finditer(pattern, text, re.IGNORECASE)) if pattern else ()


def key_phrase_spans(text: str, every: list[Fact], lacked: bool = False) -> list[tuple[int, int]]:
    """Where `text` writes two words or more of a key, or of a part's key, in a row as the key does
    (any case, spaces or hyphens between): words inside one are the key's, not a number or a claim
    of their own ("two-way audio" of `two_way_audio`, "boil time 1l" of `boil_time_1l_min`, "per
    100ml" of `sugar_g_per_100ml`, "wine glass slot" of `wine_glass_slot`). A key whose value is
    a no names what the product lacks: those are read only where `lacked` ("not fleece lined" of
    `fleece_lined: no`, which the caller reads as negated)."""
    keys = {key for fact in every if (polarity(fact.value) is False) == lacked for key in (fact.name, fact.part) if key}
    return list(_key_phrase_spans(text, frozenset(keys)))


@lru_cache(maxsize=1024)
def _key_phrase_spans(text: str, keys: frozenset[str]) -> tuple[tuple[int, int], ...]:
    phrases = {
        tuple(words[start:end])
        for words in map(name_words, keys)
        for start in range(len(words))
        for end in range(start + 2, len(words) + 1)
    }
    pattern = "|".join(
        r"(?<!\w)" + r"[\s-]+".join(map(re.escape, phrase)) + r"(?!\w)"
        for phrase in sorted(phrases, key=lambda phrase: -sum(map(len, phrase)))
    )
    return tuple(match.span() for match in re.finditer(pattern, text, re.IGNORECASE)) if pattern else ()


def unquoted(spans: list[tuple[int, int]], reading: Reading, all_facts: list[Fact]) -> list[tuple[int, int]]:
    """The `spans` that are not inside a value said word for word: "not for serrated or ceramic
    blades" of `suitable_for` says nothing against a ceramic stage."""
    if not spans:
        return spans
    quoted = quoted_spans(reading.text, all_facts)
    return [span for span in spans if not any(start <= span[0] and span[1] <= end for start, end in quoted)]


def answered_no(reading: Reading, last: int) -> int | None:
    """The index of the "no" that answers a mention written as a label ("Dishwasher safe: no"), if any."""
    words, text = reading.words, reading.text
    if last + 1 < len(words) and text[words[last].end : words[last + 1].start].strip() == ":":
        return last + 1 if words[last + 1].text in ("no", "none") else None
    return None


def negated(reading: Reading, first: int) -> bool:
    return negation_at(reading, first) is not None


def contains_inflected(tokens: list[str], part: list[str]) -> bool:
    """Like `contains`, but a word of `part` also matches itself with an English inflection."""
    width = len(part)
    return any(
        all(inflected(tokens[start + k], part[k]) for k in range(width)) for start in range(len(tokens) - width + 1)
    )


def same_stem(word: str, other: str) -> bool:
    """Whether two words differ only by an ending of STEM_ENDINGS ("divers", "diving": "div")."""
    stems = [next((w[: -len(end)] for end in STEM_ENDINGS if w.endswith(end)), w) for w in (word, other)]
    return len(stems[0]) >= 3 and stems[0] == stems[1]


def inflected(word: str, stem: str) -> bool:
    if word == stem:
        return True
    return len(stem) >= 3 and stem.isalpha() and word.startswith(stem) and word[len(stem) :] in INFLECTIONS


def quantitative(value: str) -> list[Quantity]:
    """The quantities that state `value` when it is quantitative (see the module docstring), else []:
    at most two words before its first number ("less than £20"), and after it only numbers, units,
    and runs of at most two words before a number. A name with a number in it ("Trailhead Crew
    Socks (3-Pack)") is no quantity: its number alone ("a 3-pack") does not state it."""
    tokens = tokens_of(value)
    first = next((i for i, token in enumerate(tokens) if token.kind == "number"), None)
    if first is None or sum(token.kind == "word" for token in tokens[:first]) > 2:
        return []
    run = 0
    for index in range(first + 1, len(tokens)):
        token, before = tokens[index], tokens[index - 1]
        if token.kind == "number":
            run = 0
        elif token.kind == "word" and not is_unit(token, before, value):
            run += 1
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if run > 2 or (after is None or (after.kind == "word" and run == 2)):
                return []
    found = quantities(value)
    return found[:1] if RATING.search(value) else found


def is_unit(token: Token, before: Token, value: str) -> bool:
    return before.kind == "number" and token.text in UNIT_NAMES and value[before.end : token.start] in JOINERS


def same_quantity(wanted: Quantity, written: Quantity) -> bool:
    return wanted.number == written.number and (wanted.unit is None or written.unit in (None, wanted.unit))


def number_of(written: str) -> str:
    return tokens_of(written)[0].text


def rating_scores(all_facts: list[Fact], scale: str) -> set[str]:
    """The scores of every rating on `scale` the product holds."""
    scores = set()
    for fact in all_facts:
        for match in RATING.finditer(str(fact.value)):
            if number_of(match.group(2)) == scale:
                scores.add(number_of(match.group(1)))
    return scores
