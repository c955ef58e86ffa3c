"""Trimming: a variant's sentences that state a number, name or claim no attribute holds (or a
word of the template's examples) or that repeat an earlier one word for word, the unfinished end
of one the token limit cut off, a sentence that breaks off ("... King is a"), starts in the middle or
puts a count after "a" ("is a 3 brightness levels"), and a word or short phrase said twice in a row
("a high-end Chinese Chinese eatery", "20 frets, 20 frets"), taken out.

Decoding keeps most invented numbers out, but not all (a digit that starts a real number may
end early: "1 pair" for 12). A shorter true text beats a longer false one, and a shorter whole
one beats one that stops mid-sentence ("... It is a 79.00-"), so each such variant also yields
a trimmed candidate, which records what it left out; the grounded ranking then weighs it like
any other candidate (it must still name what is required).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from copygen.quality.claims import unbacked_praise_spans, unsupported_claims
from copygen.quality.grounding import attribute_values, borrowed_words, unsupported_names, unsupported_numbers
from copygen.quality.values import MAKER_KEYS, PRODUCT_NAME_KEYS, facts, name_words

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")
ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
# A sentence that ends on a word that leaves it unsaid: an article, a conjunction, "of", "is", a small
# number after "in", a size's "x" ("Patchwork Quilt King is a", "It is available in 4.", "It has a 200 x
# 180 x."), though the model ended it there. A question may end on one ("What are you waiting for?");
# "Grade A" is no article, and "zooms 2x." no size.
DANGLING = re.compile(
    r"(?:(?<![\w'’-])(?:(?-i:a)|an|the|and|or|of|is|are|its|your|their|our|than|with|in \d{1,2})|\d[^\S\n]+[x×])"
    r"[^\S\n]*[.!…:;,]*[\"'”’)\]]*\s*$",
    re.IGNORECASE,
)
# A count after "a" ("... Lantern is a 3 brightness levels, 400 lumens", "a 2 USB-C ports": two samples'
# best drafts): values strung after an article, which no sentence says. "a 3-pack", "a 2 year warranty" and
# "a 5 star hotel" read.
COUNT_AFTER_ARTICLE = re.compile(
    r"(?<![\w-])an?[^\S\n]+(?:[2-9]|[1-9]\d+)(?:\.\d+)?(?:[^\S\n]+[\w-]+)?[^\S\n]+[^\W\d_][\w-]*(?<![siu])s(?![\w'’-])",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_]{2,}")
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # a word ("kid's") or a number's digits
# What follows a word of praise said before another ("a high-end, durable capo", "a luxury travel pillow"):
# its comma or "and", then a word that is no function word ("the luxury of" says it of nothing).
BEFORE_WORD = re.compile(
    r"(?:,|\s+and)?[^\S\n]+(?!(?:of|to|in|for|with|on|at|is|are|was|were|that|which|and|or|but)\b)(?=[^\W_])",
    re.IGNORECASE,
)
AFTER_WORD = re.compile(r"[\w,][^\S\n]$")  # a word before it: the praise does not start a sentence
JOINED_BEFORE = re.compile(r"(?:,|[^\S\n]+and)[^\S\n]+$")  # praise listed after another word, the last
ARTICLE_END = re.compile(r"(?<![\w-])(an?|An?)[^\S\n]$")
FIRST_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*)")
MIN_WORDS = 4  # what is left must still read as copy, not "Massive 2. 3. 2 x 1"
# A word said twice in a row, not across punctuation or lines (list items may start alike).
DOUBLED = re.compile(r"(?<!\w)([^\W\d_]+)[ \t]+\1(?!\w)", re.IGNORECASE)
# A phrase of two to four words said again right after itself, a comma between or not ("20 frets, 20 frets").
REPEATED = re.compile(r"(?<![\w-])([^\W_]+(?:[ -][^\W_]+){1,3})(?:,?[ \t]+\1)+(?![\w-])", re.IGNORECASE)


def stops_mid_sentence(text: str, cut_off: bool) -> bool:
    """Whether copy the token limit cut off (`cut_off`) stops inside a sentence, not at its end."""
    return cut_off and not ENDS_SENTENCE.search(text)


def starts_mid_sentence(text: str, attributes: dict[str, Any]) -> bool:
    """Whether `text` starts inside a sentence: on a word in lower case that no name, title or maker
    starts with ("eero Pro 6" may) ("nesting arches, smooth rounded edges": a sample's trimmed draft, left when the
    sentence before it was taken out)."""
    first = FIRST_WORD.match(text)
    if not first or not first.group(1).islower():
        return False
    naming = [fact for fact in facts(attributes) if (PRODUCT_NAME_KEYS | MAKER_KEYS) & set(name_words(fact.name))]
    return not any(str(fact.value).startswith(first.group(1)) for fact in naming)


def without_praise(text: str, attributes: dict[str, Any], skip: tuple[str, ...] = ("id",)) -> tuple[str, list[str]]:
    """`text` without each word of praise the data does not back (see claims.PUFFERY) said before
    another word ("is a high-end beauty product" -> "is a beauty product"), the comma or "and"
    that lists it too ("high-quality, high-end materials" -> "high-quality materials"), the article
    before it made to agree ("a luxury item" -> "an item"); and the words taken
    out. Praise said alone ("It is luxurious.") is left for a person."""
    removed = []
    for start, end in reversed(unbacked_praise_spans(attributes, text, skip)):
        after = BEFORE_WORD.match(text, end)
        if after is None or not AFTER_WORD.search(text, 0, start):
            continue
        removed.insert(0, text[start:end])
        if not after.group().strip() and (joined := JOINED_BEFORE.search(text, 0, start)):
            text = text[: joined.start()] + " " + text[after.end() :]  # "high-quality, high-end materials"
            continue
        text = text[:start] + text[after.end() :]
        if article := ARTICLE_END.search(text, 0, start):
            vowel = text[start : start + 1].lower() in ("a", "e", "i", "o", "u")
            word = article.group(1)
            agreed = word[0] + ("n" if vowel else "") if word.lower() in ("a", "an") else word
            text = text[: article.start(1)] + agreed + text[article.end(1) :]
    return text, removed


def counted_after_article(text: str, values: str) -> list[str]:
    """The counts after "a" in `text` that `values` (the values, lower-cased) do not say (see
    COUNT_AFTER_ARTICLE)."""
    return [match.group() for match in COUNT_AFTER_ARTICLE.finditer(text) if match.group().lower() not in values]


def broken_off(text: str, attributes: dict[str, Any]) -> list[str]:
    """The sentences of `text` that end on a word that leaves them unsaid (see dangles)."""
    values = said_words(attributes)
    return [sentence.strip() for sentence in SENTENCE_END.split(text) if dangles(sentence, values)]


def said_words(attributes: dict[str, Any], skip: tuple[str, ...] = ()) -> str:
    """The words and numbers of every value, lower-cased, one space apart, values " | " apart."""
    return " | ".join(" ".join(TOKEN.findall(value.lower())) for value in attribute_values(attributes, skip))


def dangles(sentence: str, values: str) -> bool:
    """Whether `sentence` ends on a word that leaves it unsaid (see DANGLING), unless it ends on
    the data's own words, two before the dangling ones ("Detergent Pods 3 in 1" of a title;
    `values`: their words lower-cased, one space apart)."""
    found = DANGLING.search(sentence)
    if found is None:
        return False
    end = " ".join(TOKEN.findall(sentence[: found.start()].lower())[-2:] + TOKEN.findall(found.group().lower()))
    return not re.search(rf"(?<!\S){re.escape(end)}(?!\S)", values)


def trimmed(
    text: str,
    attributes: dict[str, Any],
    skip: tuple[str, ...] = ("id",),
    cut_off: bool = False,
    examples: Iterable[dict[str, Any]] = (),
) -> tuple[str, list[str]] | None:
    """(`text` without its sentences that state an unsupported number, name or claim or a word of
    the template's `examples` the product does not hold, that repeat an earlier sentence word for
    word, break off, start mid-sentence or put a count after "a", without its unfinished end, and
    with each word or phrase said twice in a row said once (unless a value says it so, "Bora
    Bora"), what was taken out), or None when there is nothing to take out or fewer than MIN_WORDS
    words would be left."""
    values = " ".join(attribute_values(attributes, skip)).lower()
    words = said_words(attributes, skip)
    examples = list(examples)
    text, praised = without_praise(text, attributes, skip)
    doubled = []
    for pattern in (REPEATED, DOUBLED):
        said = [match for match in pattern.finditer(text) if match.group().lower() not in values]
        for match in reversed(said):
            text = text[: match.start()] + match.group(1) + text[match.end() :]
        doubled += said
    sentences = [part for part in SENTENCE_END.split(text) if part.strip()]
    seen: set[str] = set()
    out = []
    for index, sentence in enumerate(sentences):
        said = " ".join(sentence.lower().split())
        out.append(
            said in seen
            or unsupported_numbers(attributes, sentence, skip)
            or unsupported_names(attributes, sentence, skip)
            or unsupported_claims(attributes, sentence, skip)
            or (examples and borrowed_words(examples, attributes, sentence, skip))
            or (index == len(sentences) - 1 and stops_mid_sentence(text, cut_off))
            or dangles(sentence, words)
            or counted_after_article(sentence, values)
            or ((index == 0 or out[-1]) and starts_mid_sentence(sentence, attributes))
        )
        seen.add(said)
    kept = [sentence for sentence, dropped in zip(sentences, out) if not dropped]
    removed = (
        praised
        + [match.group(1) for match in doubled]
        + [sentence for sentence, dropped in zip(sentences, out) if dropped]
    )
    if not removed or len(WORD.findall(" ".join(kept))) < MIN_WORDS:
        return None
    separator = "\n" if "\n" in text else " "
    return separator.join(kept), removed
