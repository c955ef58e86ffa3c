"""Tokens of copy and of attribute values, normalised so that wording a reader takes as the same
value compares equal: case is ignored, numbers are canonical ("1,200" = "1200", "49.00" = "49",
"1,5" = "1.5"), a unit right after a number is singular and unabbreviated ("8-hour" = "8 hours"
= "8 hrs"), and a supplier's shorthand is its word ("BRG" = "bearing", "W/" = "with": text.SHORTHAND).
A comma followed by exactly three digits groups thousands; any other comma between digits is a
decimal comma. A numeral character is a number ("½" = "0.5", "①" = "1"), and so is
an English cardinal written in words from two up ("twelve-hour" = "12 hours", "two hundred and
fifty" = "250"; read by text2num); "one" only before a unit ("one-year"), since "one of the best"
states no number. Ordinals ("first", "second") and words such as "double" or "dozen" are words.
Units outside `UNITS` are not recognised. Also the quantities (number and unit) a text states.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from copygen.text import CJK_RANGES, SHORTHAND

# Currencies by their ISO code beyond those with a sign ("11.95 AUD"; not one that is an English word, as "try" is)
CURRENCY_CODES = "aud cad nzd chf sek nok dkk pln czk huf inr cny hkd sgd krw mxn brl zar aed".split()  # noqa: SIM905
# Unit spellings after a number -> one canonical name. Currency may also come before it.
UNITS = {
    **dict.fromkeys(["s", "sec", "secs", "second", "seconds"], "second"),
    **dict.fromkeys(["min", "mins", "minute", "minutes"], "minute"),
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours"], "hour"),
    **dict.fromkeys(["day", "days"], "day"),
    **dict.fromkeys(["week", "weeks", "wk", "wks"], "week"),
    **dict.fromkeys(["month", "months", "mo"], "month"),
    **dict.fromkeys(["year", "years", "yr", "yrs"], "year"),
    **dict.fromkeys(["mm", "millimeter", "millimeters", "millimetre", "millimetres"], "mm"),
    **dict.fromkeys(["cm", "centimeter", "centimeters", "centimetre", "centimetres"], "cm"),
    **dict.fromkeys(["m", "meter", "meters", "metre", "metres"], "m"),
    **dict.fromkeys(["km", "kilometer", "kilometers", "kilometre", "kilometres"], "km"),
    **dict.fromkeys(["in", "inch", "inches", '"', "″"], "inch"),
    **dict.fromkeys(["ft", "foot", "feet"], "foot"),
    **dict.fromkeys(["mi", "mile", "miles"], "mile"),
    **dict.fromkeys(["mg", "milligram", "milligrams"], "mg"),
    **dict.fromkeys(["g", "gram", "grams"], "g"),
    **dict.fromkeys(["kg", "kilo", "kilos", "kilogram", "kilograms"], "kg"),
    **dict.fromkeys(["lb", "lbs", "pound", "pounds"], "lb"),
    **dict.fromkeys(["oz", "ounce", "ounces"], "oz"),
    **dict.fromkeys(["ton", "tons", "tonne", "tonnes"], "tonne"),  # copy writes a jack's "2-ton" for 2 tonnes
    **dict.fromkeys(["carat", "carats", "karat", "karats"], "carat"),  # not "ct": "60 ct" counts pills
    "k": "k",  # "18k gold", "4K video", "2700K light": no bare number ("16k gold" for a 16-20 cm bracelet)
    **dict.fromkeys(["ml", "milliliter", "milliliters", "millilitre", "millilitres"], "ml"),
    **dict.fromkeys(["l", "liter", "liters", "litre", "litres"], "l"),
    **dict.fromkeys(["gal", "gallon", "gallons"], "gallon"),
    **dict.fromkeys(["qt", "quart", "quarts"], "quart"),
    **dict.fromkeys(["pint", "pints"], "pint"),
    **dict.fromkeys(["yd", "yds", "yard", "yards"], "yard"),
    **dict.fromkeys(["cubic", "cu"], "cubic"),  # "2 cubic feet": the first word is enough to tell
    **dict.fromkeys(["square", "sq"], "square"),
    **{
        unit: unit
        for unit in ["kb", "mb", "gb", "tb", "mbps", "gbps", "kw", "wh", "kwh", "mah", "hz", "khz", "mhz", "ghz"]
    },
    **{unit: unit for unit in ["mp", "fps", "rpm", "db", "x", "%", "psi", "dpi", "lux", "kcal"]},
    **dict.fromkeys(["°", "deg", "degree", "degrees"], "°"),
    **dict.fromkeys(["lm", "lumen", "lumens"], "lm"),
    **dict.fromkeys(["w", "watt", "watts"], "w"),
    **dict.fromkeys(["v", "volt", "volts"], "v"),
    **dict.fromkeys(["percent"], "%"),
    **dict.fromkeys(["pack", "packs"], "pack"),
    **dict.fromkeys(["pc", "pcs", "piece", "pieces"], "piece"),
    **dict.fromkeys(["$", "usd", "dollar", "dollars"], "$"),
    **dict.fromkeys(["€", "eur", "euro", "euros"], "€"),
    **dict.fromkeys(["£", "gbp"], "£"),
    **dict.fromkeys(["¥", "jpy", "yen"], "¥"),
    **{code: code for code in CURRENCY_CODES},
}
UNIT_NAMES = set(UNITS.values())
READ_CACHE = 4096  # texts whose tokens and quantities are kept: a batch's values and candidates
CURRENCY_SYMBOLS = "$€£¥"
CURRENCIES = frozenset([*CURRENCY_SYMBOLS, *CURRENCY_CODES])  # canonical currency units

CJK = CJK_RANGES  # each Chinese or Japanese character is a token
CJK_CHARACTER = re.compile(f"[{CJK}]")
# A number written as one character that is no digit, worth what Unicode says: "½" (0.5), "⅓",
# "①" (1), "Ⅻ" (12). Superscripts and subscripts are not numbers a reader checks ("m²", a
# footnote's "¹"), and CJK numerals are words of their script.
NUMERALS = "".join(
    character
    for character in map(chr, range(0x80, 0x10000))
    if not character.isdecimal()
    and unicodedata.numeric(character, None) is not None
    and "SCRIPT" not in unicodedata.name(character, "")
    and not CJK_CHARACTER.match(character)
)
NUMERAL = f"[{re.escape(NUMERALS)}]"
NUMBER_WORD = (  # a cardinal's words, each whole
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
    r"|million)(?![^\W\d_])"
)
# A cardinal in words: number words joined by a space, a hyphen or "and" ("twenty-five", "one hundred and fifty").
SPELLED = rf"(?i:(?<![^\W\d_]){NUMBER_WORD}(?:(?:[ -]|\s+and\s+){NUMBER_WORD})*)"
UNIT_WORD = re.compile(r"[ \u00a0\u202f-]?([^\W\d_]{3,})")  # a unit written out after "one" ("one-year")
TOKEN = re.compile(
    rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:[.,]\d+)?|{NUMERAL})"
    rf"|(?P<spelled>{SPELLED})"
    rf"|(?P<word>[{CJK}]|(?:(?![{CJK}]|{NUMERAL})[^\W\d_])+)"
    r"|(?P<symbol>[$€£¥%°\"″])"
)
SIZE_TIMES = re.compile(r"\d\s*[x×]$", re.IGNORECASE)  # a size's "x" after its number, a number glued after it
JOINERS = ("", " ", "-", "\u00a0", "\u202f")  # what may sit between a number and its unit


class Token(NamedTuple):
    kind: str  # "number", "word" or "symbol"
    text: str  # normalised: canonical number, lower-cased word, canonical unit after a number
    start: int
    end: int


class Quantity(NamedTuple):
    number: str
    unit: str | None
    start: int
    end: int


def tokens_of(text: str) -> list[Token]:
    """Normalised tokens; punctuation other than currency, %, ° and inch marks is dropped."""
    return list(_tokens(text))


@lru_cache(maxsize=READ_CACHE)
def _tokens(text: str) -> tuple[Token, ...]:
    """tokens_of, kept for the texts read again and again: a product's values are read for every
    candidate and every phrase a decoding bans (a 55 kB value took 25 s a product)."""
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        surface = match.group()
        if kind == "spelled":
            tokens += spelled_tokens(text, match.start(), match.end())
            continue
        if kind == "number":
            normal = canonical_number(surface)
        else:
            normal = surface.lower()
            after_number = tokens and tokens[-1].kind == "number" and text[tokens[-1].end : match.start()] in JOINERS
            if after_number and normal in UNITS:
                normal = UNITS[normal]
            elif kind == "symbol" and normal in UNITS and normal not in CURRENCY_SYMBOLS:
                continue  # a stray %, ° or quote mark
            elif kind == "word":  # a supplier's shorthand is its word: "BRG" is "bearing", "W/" "with"
                normal = (
                    "with"
                    if normal == "w" and text[match.end() : match.end() + 1] == "/"
                    else SHORTHAND.get(normal, normal)
                )
        tokens.append(Token(kind, normal, match.start(), match.end()))
    return tuple(tokens)


def spelled_tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of number words at text[start:end]: one number if they make one ("twenty-five"),
    else each word on its own ("two and three"); a lone "one" is a number only before a unit."""
    surface = text[start:end].lower()
    if not one_counts(text, start, end):
        return [Token("word", surface, start, end)]
    try:
        return [Token("number", str(text2num(surface, "en")), start, end)]
    except ValueError:  # words that make no one number
        pass
    found = []
    for word in re.finditer(r"[^\W\d_]+", surface):
        first, last = start + word.start(), start + word.end()
        is_and = word.group() == "and"
        found += [Token("word", "and", first, last)] if is_and else spelled_tokens(text, first, last)
    return found


def one_counts(text: str, start: int, end: int) -> bool:
    """Whether number words are a number: any but a lone "one", which is one only before a unit
    of three letters or more ("one-year", "one hour"; not "one of", "one in three")."""
    if text[start:end].lower() != "one":
        return True
    after = UNIT_WORD.match(text, end)
    return after is not None and after.group(1).lower() in UNITS


def quantities(text: str) -> list[Quantity]:
    """The numbers in `text` with their unit: the one right after, else a currency sign right before."""
    return list(_quantities(text))


@lru_cache(maxsize=READ_CACHE)
def _quantities(text: str) -> tuple[Quantity, ...]:
    """quantities, kept for the texts read again and again (see _tokens)."""
    tokens = _tokens(text)
    found = []
    for index, token in enumerate(tokens):
        if token.kind != "number" or glued_to_word(text, token.start):
            continue
        start, end, unit = token.start, token.end, None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        before = tokens[index - 1] if index else None
        if after and after.text in UNIT_NAMES and text[token.end : after.start] in JOINERS:
            unit, end = after.text, after.end
        elif before and before.text in CURRENCY_SYMBOLS and text[before.end : token.start] in JOINERS:
            unit, start = before.text, before.start
        found.append(Quantity(token.text, unit, start, end))
    return tuple(found)


def glued_to_word(text: str, start: int) -> bool:
    """Whether the number at `start` continues a word, as in "X200" (Chinese text has no spaces), not
    a size's "x" ("100 x 70 x18-inch")."""
    return (
        start > 0
        and text[start - 1].isalpha()
        and not CJK_CHARACTER.match(text, start - 1)
        and not SIZE_TIMES.search(text, max(0, start - 8), start)
    )


def canonical_number(written: str) -> str:
    """ "1,200" -> "1200", "49.00" -> "49", "1,5" -> "1.5" (see the module docstring), "½" -> "0.5"."""
    if len(written) == 1 and written in NUMERALS:
        written = str(unicodedata.numeric(written))
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", written):
        written = written.replace(",", "")
    else:
        written = written.replace(",", ".")
    try:
        return format(Decimal(written).normalize(), "f")
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return written


def contains(tokens: list, part: list) -> bool:
    """Whether `part` occurs in `tokens` (words, token ids) as a contiguous run."""
    width = len(part)
    first = part[0]
    return any(tokens[i : i + width] == part for i, token in enumerate(tokens) if token == first)
