"""Trimming: a variant's sentences that state a number no attribute holds, taken out.

Decoding keeps most invented numbers out, but not all (a digit that starts a real number may
end early: "1 pair" for 12). A shorter true text beats a longer false one, so each variant with
such a sentence also yields a trimmed candidate, which records what it left out; the grounded
ranking then weighs it like any other candidate (it must still name what is required).
"""

from __future__ import annotations

import re
from typing import Any

from copygen.quality.grounding import unsupported_numbers

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")
WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS = 4  # what is left must still read as copy, not "Massive 2. 3. 2 x 1"


def trimmed(text: str, attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> tuple[str, list[str]] | None:
    """(`text` without its sentences that state an unsupported number, those sentences), or
    None when there is nothing to take out or fewer than MIN_WORDS words would be left."""
    sentences = [part for part in SENTENCE_END.split(text) if part.strip()]
    removed = [sentence for sentence in sentences if unsupported_numbers(attributes, sentence, skip)]
    kept = [sentence for sentence in sentences if sentence not in removed]
    if not removed or len(WORD.findall(" ".join(kept))) < MIN_WORDS:
        return None
    separator = "\n" if "\n" in text else " "
    return separator.join(kept), removed
