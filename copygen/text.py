"""Text helpers every layer shares, so that they treat text alike: tidying generated and
training copy the same way, the scripts written without spaces between words, and a key's
words."""

from __future__ import annotations

import re

# Chinese and Japanese have no spaces between words: each character counts as a word.
CJK_RANGES = "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
QUOTES = (('"', '"'), ("\u201c", "\u201d"))  # straight and curly double quotes
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
MAH = re.compile(r"(?<![^\W\d_])mAh(?![^\W\d_])")  # a unit camel case would split: "battery_mAh"
CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
NAME_PREFIXES = frozenset({"is", "has", "have", "can", "with", "supports"})  # "isVegan" -> "vegan"
# Words for a length of time: "h", "min" and "sec" end a key as hours, minutes and seconds after one
# ("charge_time_h", "runtime_min"), not otherwise (the height of "size_h", the minimum of "temp_min").
TIME_WORDS = frozenset(
    "time runtime playtime duration life cook bake boil brew charge charging setup timer burn delay interval session"  # noqa: SIM905
    " steep dry drying warm heat heating run play standby talk recharge cycle off on after before within shutoff keeps".split()
)
SHORT_TIMES = frozenset({"min", "h", "hr", "sec", "s"})
# Words before a key's last "c" or "f" that make it degrees: "max_temp_c", "oven_safe_c", "heat_resistant_to_c",
# "range_c" (not "vitamin_c" nor "type_c").
DEGREE_WORDS = frozenset("temp temperature safe resistant to range accuracy".split())  # noqa: SIM905
YES = frozenset({"yes", "true"})
NO = frozenset({"no", "false"})


def tidy(text: str) -> str:
    """Copy as it is stored: runs of spaces made single, lines trimmed, blank lines dropped, and
    the copy unquoted: quotes around all of it taken off, and a lone quote that opens or closes
    it and has no partner dropped (not an inch mark: 'E-Reader 7"'). Training targets and
    generated copy go through this one function, so they match."""
    text = "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    for opening, closing in QUOTES:
        marks = text.count(opening) + (text.count(closing) if closing != opening else 0)
        if marks == 2 and len(text) > 2 and text[0] == opening and text[-1] == closing:
            text = text[1:-1].strip()
        elif marks == 1 and text[:1] == opening:
            text = text[1:].lstrip()
        elif marks == 1 and text[-1:] == closing and not text[-2:-1].isdigit():
            text = text[:-1].rstrip()
    return text


def name_words(name: str) -> list[str]:
    """ "familyFriendly", "family_friendly", "is-family-friendly" -> ["family", "friendly"]."""
    words = [word.lower() for word in WORD.findall(CAMEL.sub(" ", MAH.sub("mah", name)))]
    while len(words) > 1 and words[0] in NAME_PREFIXES:
        words = words[1:]
    return words


def timed(words: list[str]) -> bool:
    """Whether a key's words before its last name a length of time (see TIME_WORDS)."""
    return any(word in TIME_WORDS or word.endswith(("time", "span")) for word in words[:-1])


def in_degrees(words: list[str]) -> bool:
    """Whether a key's words end in degrees Celsius or Fahrenheit (see DEGREE_WORDS)."""
    return len(words) > 1 and words[-1] in ("c", "f") and words[-2] in DEGREE_WORDS


def polarity(value: object, letters: bool = False) -> bool | None:
    """True for a yes, False for a no, None for a value that is neither: the checks and the
    plain-copy template read a yes/no value alike. With `letters`, "Y" and "N" too: feeds write
    flags so, but an item of a list may be a size ("N")."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        yes, no = (YES | {"y"}, NO | {"n"}) if letters else (YES, NO)
        return True if word in yes else False if word in no else None
    return None
