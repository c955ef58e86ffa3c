"""Check a draft against its product's attributes: which values it mentions, which numbers it invents.

Both checks compare normalised tokens, so wording a reader takes as the same value matches:
case is ignored, numbers are canonical ("1,200" = "1200", "49.00" = "49", "1,5" = "1.5"),
and a unit right after a number is singular and unabbreviated ("8-hour" = "8 hours" = "8 hrs").
A comma followed by exactly three digits groups thousands; any other comma between digits is a
decimal comma. Numbers written as words ("eight") and units outside `UNITS` are not recognised.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Iterator, NamedTuple

from copygen.channels import Channel, split_parts

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
    **dict.fromkeys(["ml", "milliliter", "milliliters", "millilitre", "millilitres"], "ml"),
    **dict.fromkeys(["l", "liter", "liters", "litre", "litres"], "l"),
    **dict.fromkeys(["gal", "gallon", "gallons"], "gallon"),
    **{unit: unit for unit in ["kb", "mb", "gb", "tb", "mbps", "gbps", "kw", "wh", "kwh", "mah", "hz", "khz", "mhz", "ghz"]},
    **{unit: unit for unit in ["mp", "fps", "rpm", "db", "x", "°", "%"]},
    **dict.fromkeys(["w", "watt", "watts"], "w"),
    **dict.fromkeys(["v", "volt", "volts"], "v"),
    **dict.fromkeys(["percent"], "%"),
    **dict.fromkeys(["pack", "packs"], "pack"),
    **dict.fromkeys(["pc", "pcs", "piece", "pieces"], "piece"),
    **dict.fromkeys(["$", "usd", "dollar", "dollars"], "$"),
    **dict.fromkeys(["€", "eur", "euro", "euros"], "€"),
    **dict.fromkeys(["£", "gbp"], "£"),
    **dict.fromkeys(["¥", "jpy", "yen"], "¥"),
}
UNIT_NAMES = set(UNITS.values())
CURRENCY_SYMBOLS = "$€£¥"

# Chinese and Japanese have no spaces between words: each character is a token.
CJK = "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
TOKEN = re.compile(
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
    rf"|(?P<word>[{CJK}]|(?:(?![{CJK}])[^\W\d_])+)"
    r"|(?P<symbol>[$€£¥%°\"″])"
)
CJK_CHARACTER = re.compile(f"[{CJK}]")
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


def attribute_coverage(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> float | None:
    """The share (0-1) of attribute values that appear in `text`, or None when there are none.

    Every string or number counts as one value (each item of a list separately; keys in `skip`
    and booleans are left out). A value appears when its normalised tokens occur in the text
    together and in order, so "8 hours" is found in "an 8-hour battery" and "$49.00" in "$49".
    """
    values = [value for value in attribute_values(attributes, skip) if tokens_of(value)]
    if not values:
        return None
    found = [token.text for token in tokens_of(text)]
    covered = sum(contains(found, [token.text for token in tokens_of(value)]) for value in values)
    return covered / len(values)


def unsupported_numbers(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[str]:
    """Numbers (with their units) in `text` that no attribute value supports, as written there.

    A number is supported when some attribute value holds the same number with the same unit,
    or either side has no unit ("8-hour" is supported by "8 hours" or by a bare 8, not by
    "8 GB"). Numbers glued to letters before them (model names such as "X200") are not claims
    and are ignored. Repeats are reported once.
    """
    known: dict[str, set[str | None]] = {}
    for value in attribute_values(attributes, skip):
        for quantity in quantities(value):
            known.setdefault(quantity.number, set()).add(quantity.unit)
    unsupported: list[str] = []
    for quantity in quantities(text):
        units = known.get(quantity.number)
        if units is not None and (quantity.unit is None or None in units or quantity.unit in units):
            continue
        written = text[quantity.start : quantity.end]
        if written not in unsupported:
            unsupported.append(written)
    return unsupported


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


def tokens_of(text: str) -> list[Token]:
    """Normalised tokens; punctuation other than currency, %, ° and inch marks is dropped."""
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        surface = match.group()
        if kind == "number":
            normal = canonical_number(surface)
        else:
            normal = surface.lower()
            after_number = tokens and tokens[-1].kind == "number" and text[tokens[-1].end : match.start()] in JOINERS
            if after_number and normal in UNITS:
                normal = UNITS[normal]
            elif kind == "symbol" and normal in UNITS and normal not in CURRENCY_SYMBOLS:
                continue  # a stray %, ° or quote mark
        tokens.append(Token(kind, normal, match.start(), match.end()))
    return tokens


def quantities(text: str) -> list[Quantity]:
    """The numbers in `text` with their unit: the one right after, else a currency sign right before."""
    tokens = tokens_of(text)
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
    return found


def glued_to_word(text: str, start: int) -> bool:
    """Whether the number at `start` continues a word, as in "X200" (Chinese text has no spaces)."""
    return start > 0 and text[start - 1].isalpha() and not CJK_CHARACTER.match(text, start - 1)


def canonical_number(written: str) -> str:
    """ "1,200" -> "1200", "49.00" -> "49", "1,5" -> "1.5" (see the module docstring)."""
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", written):
        written = written.replace(",", "")
    else:
        written = written.replace(",", ".")
    try:
        return format(Decimal(written).normalize(), "f")
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return written


def contains(tokens: list[str], part: list[str]) -> bool:
    """Whether `part` occurs in `tokens` as a contiguous run."""
    width = len(part)
    first = part[0]
    return any(tokens[i : i + width] == part for i, token in enumerate(tokens) if token == first)


# --- Checks on every generated variant, stored with the draft for review -------------------

REPEAT_WORDS = 3  # a phrase of this many words said twice counts as repetition
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def check_variant(text: str, attributes: dict[str, Any], channel: Channel | None = None,
                  banned: Iterable[str] = (), required: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Every check on one variant, passed or not, as `{"check", "passed", "message"}` dicts.

    format (the channel's labelled parts are all there), length (each part against the
    channel's limit), banned words, required attributes mentioned, numbers no attribute
    supports, repeated phrases. A check with nothing to check against (no limit, no banned
    list, a required column this product lacks) is left out.
    """
    results = []
    parts = split_parts(channel, text)
    if channel is not None and channel.parts:
        missing = [part_label(name) for name, value in parts.items() if value is None]
        found = " and ".join(part_label(name) for name in channel.parts)
        results.append(check_result("format", not missing,
                                    f"no {' or '.join(missing)} line" if missing else f"{found} lines found"))
    for name, limit in (channel.limits if channel else {}).items():
        value = parts.get(name)
        if value is not None:
            prefix = "" if name == "text" else f"{name}: "
            results.append(check_result("length", len(value) <= limit,
                                        f"{prefix}{len(value)} characters, limit {limit}", part=name))
    banned = list(banned)
    if banned:
        used = banned_phrases(text, banned)
        results.append(check_result("banned", not used, f"uses {', '.join(used)}" if used else "no banned words"))
    for column in required:
        values = list(attribute_values(attributes.get(column)))
        if values:
            mentioned = bool(attribute_coverage({column: attributes[column]}, text, skip=()))
            verb = "mentions" if mentioned else "does not mention"
            results.append(check_result("required", mentioned, f"{verb} {column} ({', '.join(values)})"))
    invented = unsupported_numbers(attributes, text)
    results.append(check_result("numbers", not invented, f"not in the attributes: {', '.join(invented)}"
                                if invented else "every number is in the attributes"))
    pieces = [value for value in parts.values() if value] or [text]  # each part on its own
    repeated = [phrase for piece in pieces for phrase in repeated_phrases(piece)]
    results.append(check_result("repetition", not repeated, f"repeats {', '.join(map(repr, repeated))}"
                                if repeated else "no repeated phrases"))
    return results


def check_result(check: str, passed: bool, message: str, part: str | None = None) -> dict[str, Any]:
    found = {"check": check, "passed": passed, "message": message}
    if part is not None:
        found["part"] = part
    return found


def part_label(part: str) -> str:
    return part.capitalize() + ":"


def banned_phrases(text: str, banned: Iterable[str]) -> list[str]:
    """The banned words or phrases `text` uses: whole words, any case, spaces or hyphens between words."""
    found = []
    for phrase in banned:
        words = phrase.split()
        if words and re.search(r"(?<!\w)" + r"[\s-]+".join(map(re.escape, words)) + r"(?!\w)", text, re.IGNORECASE):
            found.append(phrase)
    return found


def repeated_phrases(text: str, size: int = REPEAT_WORDS) -> list[str]:
    """Phrases of `size` words said twice or more (any case), and a word said twice in a row
    ("foam foam"; not across punctuation or lines, as list items may start alike)."""
    words = [word.lower() for word in WORD.findall(text)]
    doubled = re.finditer(r"(?<!\w)([^\W\d_]+)[ \t]+\1(?!\w)", text, re.IGNORECASE)
    found = list(dict.fromkeys(f"{match.group(1)} {match.group(1)}".lower() for match in doubled))
    seen: dict[tuple[str, ...], int] = {}
    for start in range(len(words) - size + 1):
        gram = tuple(words[start : start + size])
        if gram in seen and start >= seen[gram] + size and " ".join(gram) not in found:
            found.append(" ".join(gram))
        seen.setdefault(gram, start)
    return found


def failed_checks(checks: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [check for check in checks if not check["passed"]]


def read_banned(path: str) -> list[str]:
    """Banned words or phrases from a text file (or - for stdin): one a line, # starts a comment."""
    import sys
    from pathlib import Path

    from copygen.errors import InputError

    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"banned words file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read banned words file {path}: {error}") from None
    phrases = [" ".join(line.split("#", 1)[0].split()) for line in text.splitlines()]
    return list(dict.fromkeys(phrase for phrase in phrases if phrase))


def check_drafts(drafts: Iterable[Any], *, channel: Channel | None = None, banned: Iterable[str] = (),
                 required: Iterable[str] = (), keep: int | None = None) -> Iterator[Any]:
    """Run every check on each draft's variants and store the results with them.

    With a channel, the variants are re-ranked (fewest failed checks first, then model score)
    and the best `keep` are kept: generation decoded extra candidates for this.
    """
    banned, required = list(banned), list(required)
    for draft in drafts:
        for variant in draft.variants:
            variant.checks = check_variant(variant.text, draft.attributes, channel, banned, required)
        draft.params = {**draft.params, "required": required}
        if channel is not None:
            candidates = draft.params.get("num_variants")
            draft.variants = sorted(draft.variants, key=lambda v: (len(failed_checks(v.checks)), -v.score))[:keep]
            draft.channel = channel.name
            draft.params.update(candidates=candidates, num_variants=keep or candidates)
        yield draft


DEFAULT_REQUIRED = ("name",)  # brand is left to --require: half the sample references omit it


def required_columns(required: Iterable[str] | None, columns: Iterable[str], source_name: str) -> list[str]:
    """The columns copy must mention: those asked for (each must exist), else the defaults the
    products have."""
    from copygen.errors import InputError

    known = list(columns)
    if required is None:
        return [column for column in DEFAULT_REQUIRED if column in known]
    unknown = [column for column in required if column not in known]
    if unknown:
        raise InputError(f"--require {', '.join(unknown)}: {source_name} has no such column; "
                         f"its columns are: {', '.join(sorted(known))}")
    return list(dict.fromkeys(required))
