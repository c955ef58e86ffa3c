"""Checks on every generated variant, stored with the draft for review: format and length for
a channel, banned words, required attributes, numbers, names and claims no attribute supports,
words of the template's examples, values contradicted, words about the writing, characters no
one can read, repetition, and copy the token limit cut off mid-sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

from copygen.errors import InputError
from copygen.io.exports import erp_capitals, export_fields
from copygen.io.products import value_text
from copygen.quality.channels import Channel, split_parts
from copygen.quality.claims import unbacked_praise_spans, unsupported_claims
from copygen.quality.grounding import (
    attribute_coverage,
    attribute_values,
    borrowed_words,
    contradictions,
    unheld_words,
    unsupported_names,
    unsupported_numbers,
)
from copygen.quality.trim import (
    DOUBLED,
    REPEATED,
    broken_off,
    counted_after_article,
    said_words,
    starts_mid_sentence,
    stops_mid_sentence,
)
from copygen.quality.values import (
    FUNCTION_WORDS,
    PRODUCT_NAME_KEYS,
    TITLE_END,
    facts,
    name_words,
    names_product,
    same_stem,
)
from copygen.text import in_english

REPEAT_WORDS = 3  # a phrase of this many words said twice counts as repetition
# A word listed after itself: "durable, durable", "fun and fun".
STUTTER = re.compile(r"(?<![\w-])([^\W\d_]{3,})(?:,|,?[ \t]+(?:and|or))[ \t]+\1(?![\w-])", re.IGNORECASE)
LOOP_TIMES = 3  # said this often (not as a value says it), it is a loop: the model went round in circles
LOOP_WORDS = 8  # a phrase of this many words said twice is a loop too
NAME_WORDS = 20  # a description longer than this is a paragraph, not the product's name
SENTENCE_BREAK = re.compile(r"[.!?]\s+(?![\d(a-z])")  # not "Coni pirometrici n. 06", "fan mot. 250mm, ext. rotor"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")  # a page's address in lower case, three words or more
# Keys of an object that wraps the product's data, where its name may be: "listing": {"title": ...}.
NAME_WRAPPERS = frozenset(
    {
        "attributes",
        "listing",
        "product",
        "item",
        "article",
        "details",
        "info",
        "general",
        "data",
        "values",
        "trade_item",
        "trade_item_description_information",
    }
)  # "values": a PIM's (Akeneo's) attributes; "tradeItem" and its description: GS1's (sets 158 and 164 had no plain copy)
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# a word, or a number whole: "Its finger thickness is 0.08 mm. Its palm thickness is 0.06 mm." repeats nothing
FIGURED_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:['’][^\W_]+)*")
# A phrase of three words or more said twice in a row: "RoadKeep 12 V Tyre Inflator RoadKeep 12 V Tyre
# Inflator", "... Video Light Photon Leaf Clip-On LED Video Light / ..." (held-out best drafts marked clean).
TWICE = re.compile(
    r"(?<![\w-])((?:[^\W_][\w'’&-]*[^\S\n]+){2,}[^\W_][\w'’&-]*)(?:[^\S\n]*[\n/,;:|][^\S\n]*|[^\S\n]+)\1(?![\w-])",
    re.IGNORECASE,
)
GLUE = frozenset({"a", "an", "the", "of", "and", "or", "with", "for", "from", "in", "on", "at", "to", "by", "per", "x"})
# Words about the writing, not the product: a chat model's preamble, sign-off or turn label, or the prompt echoed.
META = re.compile(
    r"\bhere(?:'s|’s| is| are)\b[^.\n]{0,40}?\b(?:description|copy|sentence|tagline|caption|post|summary|"
    r"version|text|listing|title)s?\b|\b(?:product )?description for\b|\bas an ai\b|\bi hope (?:this|that)\b|"
    r"\blet me know\b|^(?:sure|certainly|of course)\b[,!.]|\bthat includes the facts\b|\bin \d+ words\b"
    r"|^(?:chat|user|assistant)\s*:|\b(?:does|do|did|will) not invent\b|\bdon['’]t invent\b|\buse only (?:the|these) facts\b"
    r"|\bin this (?:product )?(?:description|copy|listing|post)\b",  # a listing's draft: "In this product description, we"
    re.IGNORECASE | re.MULTILINE,
)
# A line that starts with a label ("Title:", "- brand:"): copy that starts one with an attribute's
# key is the prompt's list of facts echoed, not copy.
LABEL_LINE = re.compile(
    r"^[^\S\n]*(?:(?P<bullet>[-*•])[^\S\n]*)?(?P<label>[^\W\d_][^\n:]{0,40}?)(?:[^\S\n]*:|[^\S\n]+[-–—][^\S\n])",
    re.MULTILINE,
)  # "Title:", "- brand:", and with a dash, "Title - Cuisinart 14-Cup ..." (a listing's draft)
# A list item that is a key alone, or a key with its value in brackets ("- name (Stack & Sort Wooden Rainbow)").
KEY_ITEM = re.compile(
    r"^[^\S\n]*[-*•][^\S\n]*(?P<label>[^\W\d_][^\W\d]*(?:[ -][^\W\d]+){0,3})(?:[^\S\n]*\([^\n()]*\))?[^\S\n]*$",
    re.MULTILINE,
)
# Labels of the writing, not of the product: the default template's for facts and for copy, and those a
# chat model puts before its copy or its facts ("Summary:", a held-out draft's first line; "Premise:", a sample's).
WRITING_LABELS = (
    *("facts", "premise", "premises", "information", "input", "description", "product description"),
    *("summary", "tagline", "caption", "copy", "output", "product", "product name"),
)
IDENTIFIER = re.compile(r"[a-z]+(?:[A-Z][a-z]+|_[a-z]+)+")  # a key as code writes it: "priceRange", "eat_type"
# A line the model left after a comma or dash ("... cork grips - 100 to 135cm, flick-lock clamps -"): a list, broken off.
BROKEN_LINE = re.compile(r"[^\W_][^\W_.!?]*(?:,|[^\S\n][-–—])[^\S\n]*$", re.MULTILINE)
# A markdown mark standing alone ("# Canvas Tote Bag, Large # #"): markup, not a hashtag ("#TeaTime") or "#1".
MARKUP = re.compile(r"(?<!\S)#+(?!\S)")
# A blank a template left: a few words in square or curly brackets ("[city_name]", "{Your Name}").
PLACEHOLDER = re.compile(r"\[[^\W\d_]+(?:[ _][^\W\d_]+){0,3}\]|\{[^\W\d_]+(?:[ _][^\W\d_]+){0,3}\}")
UNREADABLE_RUN = 3  # this many unreadable characters in a row fail the check; one "°" or "™" does not
STYLED = ("<font>", "<circle>", "<wide>")  # letters drawn in a style ("ⅈ", "𝐍", "ｗ"): no reader spells them
EMOJI = ((0x2600, 0x27BF), (0x1F000, 0x1FAFF), (0x200D, 0x200D), (0xFE0E, 0xFE0F))  # and the joiners they use
LETTERLIKE = (0x2100, 0x218F)  # "℃", "ⅎ", "⅓", "Ⅴ": one reads, three in a row are the model's soup


def check_variant(
    text: str,
    attributes: dict[str, Any],
    channel: Channel | None = None,
    banned: Iterable[str] = (),
    required: Iterable[str] = (),
    cut_off: bool = False,
    examples: Iterable[dict[str, Any]] = (),
) -> list[dict[str, Any]]:
    """Every check on one variant, passed or not, as `{"check", "passed", "message"}` dicts.

    finished (when the token limit, `cut_off`, stopped it mid-sentence, a line breaks off
    after a comma or dash, a sentence on "a", "of", "is" and the like, or the copy starts in a
    sentence's middle; only when found), format (the channel's labelled parts are all there),
    length (each part against the channel's limit), banned words, required attributes mentioned,
    numbers no attribute supports, names no attribute holds ("Michelin-starred", "in Tokyo"),
    claims with no evidence ("eco-friendly"), praise the data does not back ("high-end"; soft,
    only when found), words of the template's `examples` this product does
    not hold ("porcelain" copied from a mug; only when found), values contradicted, words about
    the writing ("here's a product description", the data's own labels starting a line: "Title:",
    "Pricing:"; markdown marks: "# ..."), grammar (see unreadable_grammar: "is a 3 brightness
    levels", the name said twice in a row, the name alone) and runs of unreadable
    characters ("ⅈⅉ⅊⅋"; these six only when found), repeated phrases, and a loop (a phrase said
    again and again; only when found).
    A check with nothing to check against (no limit, no banned list, a required column this
    product lacks) is left out.
    """
    attributes = export_fields(attributes)  # read as plain copy reads them: "160" with its unit key "GR" is 160 g
    parts = split_parts(channel, text)
    results = []
    if stops_mid_sentence(text, cut_off):
        message = "stops mid-sentence: the token limit cut it off (raise --max-new-tokens)"
        results.append(check_result("finished", False, message))
    elif broken := BROKEN_LINE.findall(text):
        message = f"a line breaks off after a comma or dash: {', '.join(map(repr, dict.fromkeys(broken)))}"
        results.append(check_result("finished", False, message))
    elif dangling := broken_off(text, attributes):
        message = f"a sentence breaks off: {', '.join(map(repr, dict.fromkeys(dangling)))}"
        results.append(check_result("finished", False, message))
    elif starts_mid_sentence(text, attributes):
        message = f"starts mid-sentence: {' '.join(text.split()[:4])!r}"
        results.append(check_result("finished", False, message))
    results += channel_checks(channel, parts)
    banned = list(banned)
    if banned:
        used = banned_phrases(text, banned)
        results.append(check_result("banned", not used, f"uses {', '.join(used)}" if used else "no banned words"))
    for column, value in required_values(required, attributes):
        mentioned = bool(attribute_coverage({column: value}, text, skip=()))
        verb = "mentions" if mentioned else "does not mention"
        results.append(check_result("required", mentioned, f"{verb} {column} ({', '.join(attribute_values(value))})"))
    invented = unsupported_numbers(attributes, text)
    results.append(
        check_result(
            "numbers",
            not invented,
            f"not in the attributes: {', '.join(invented)}" if invented else "every number is in the attributes",
        )
    )
    names = unsupported_names(attributes, text, hashtags=not (channel and channel.hashtags))
    if names:  # reported only when found: a copy that names nothing has nothing to check
        results.append(check_result("names", False, f"names what the attributes do not: {', '.join(names)}"))
    claims = unsupported_claims(attributes, text)
    if claims:  # reported only when found
        results.append(check_result("claims", False, f"claims what the attributes do not back: {', '.join(claims)}"))
    praise = list(dict.fromkeys(text[start:end] for start, end in unbacked_praise_spans(attributes, text)))
    if praise:  # reported only when found; soft: puffery, not a spec
        results.append(check_result("praise", False, f"praises what the data does not back: {', '.join(praise)}"))
    borrowed = borrowed_words(list(examples), attributes, text) if examples else []
    if borrowed:  # reported only when found
        message = f"states the template's example, not this product: {', '.join(borrowed)}"
        results.append(check_result("example", False, message))
    against = contradictions(attributes, text)
    if against:  # reported only when found: most values cannot be judged either way
        results.append(check_result("contradiction", False, "; ".join(against)))
    meta = meta_phrases(text) + echoed_labels(text, attributes, channel) + placeholders(text, attributes)
    meta += markup(text, attributes)
    if meta:  # reported only when found
        results.append(check_result("meta", False, f"talks about the writing: {', '.join(map(repr, meta))}"))
    unread = unreadable_grammar(text, attributes)
    if unread:  # reported only when found
        results.append(check_result("grammar", False, f"does not read: {'; '.join(unread)}"))
    unreadable = unreadable_runs(text, attributes)
    if unreadable:  # reported only when found
        results.append(check_result("readable", False, f"unreadable characters: {', '.join(map(repr, unreadable))}"))
    pieces = [value for value in parts.values() if value] or [text]  # each part on its own
    repeated = [phrase for piece in pieces for phrase in unsaid_repeats(piece, attributes)]
    results.append(
        check_result(
            "repetition",
            not repeated,
            f"repeats {', '.join(map(repr, repeated))}" if repeated else "no repeated phrases",
        )
    )
    looped = looped_phrase(text, attributes)
    if looped:  # reported only when found
        results.append(check_result("loop", False, f"goes round in a loop: {looped!r} again and again"))
    return results


def channel_checks(channel: Channel | None, parts: dict[str, str | None]) -> list[dict[str, Any]]:
    """The format check (every labelled part there) and a length check per limited part."""
    results = []
    if channel is not None and channel.parts:
        missing = [part_label(name) for name, value in parts.items() if value is None]
        found = " and ".join(part_label(name) for name in channel.parts)
        results.append(
            check_result(
                "format", not missing, f"no {' or '.join(missing)} line" if missing else f"{found} lines found"
            )
        )
    for name, limit in (channel.limits if channel else {}).items():
        value = parts.get(name)
        if value is not None:
            prefix = "" if name == "text" else f"{name}: "
            results.append(
                check_result(
                    "length", len(value) <= limit, f"{prefix}{len(value)} characters, limit {limit}", part=name
                )
            )
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
    """Phrases of `size` words said twice or more (any case), a word said twice in a row ("foam
    foam"; not across punctuation or lines, as list items may start alike) or listed after itself
    ("durable, durable", "fun and fun") and a phrase of two to four words said again right after
    itself ("20 frets, 20 frets, 20 frets"). A phrase runs within a sentence ("3.5 A. Its" and "5 A.
    Its" repeat nothing), and a number is one word ("thickness is 0.08" and "thickness is 0.06" differ)."""
    doubled = [f"{match.group(1)} {match.group(1)}" for match in DOUBLED.finditer(text)]
    doubled += [match.group() for match in STUTTER.finditer(text)]
    found = list(dict.fromkeys(said.lower() for said in doubled + [m.group() for m in REPEATED.finditer(text)]))
    seen: dict[tuple[str, ...], int] = {}
    offset = 0
    for sentence in SENTENCE_BREAK.split(text):
        words = [word.lower() for word in FIGURED_WORD.findall(sentence)]
        for start in range(offset, offset + len(words) - size + 1):
            gram = tuple(words[start - offset : start - offset + size])
            if gram in seen and start >= seen[gram] + size and " ".join(gram) not in found:
                found.append(" ".join(gram))
            seen.setdefault(gram, start)
        offset += len(words) + size
    return found


def unsaid_repeats(text: str, attributes: dict[str, Any]) -> list[str]:
    """The repeated phrases of `text` (see repeated_phrases) outside the values it says word for
    word that repeat themselves ("extra light, light, medium" of a list of resistance levels is
    the data said, "light, light" alone is not), and not those of the keys' words alone ("towel
    size is" of `bath_towel_size` and `hand_towel_size`, "its lid is" of a lid's details), nor
    those of three words or more the data says as often ("20 mm gefalzt" of a name and a width). A
    list said with "and" is said word for word too ("hose, hose clamps and fuse holder")."""
    values = [
        said
        for value in attributes.values()
        for said in [value_text(value), *(map(value_text, value.values()) if isinstance(value, dict) else ())]
    ]
    for value in [*values, *(listed(value) for value in attributes.values() if isinstance(value, list))]:
        if repeated_phrases(value):
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", "…", text, flags=re.IGNORECASE)
    keys = (
        {word for fact in facts(attributes) for key in (fact.name, fact.part) for word in name_words(key)}
        | FUNCTION_WORDS
        | {"up"}
    )  # "a petrol of up to 8 L and a diesel of up to 6 L"
    spoken = [f" {' '.join(WORD.findall(said.lower()))} " for said in [text, *values]]

    def data_says(phrase: str) -> bool:
        words = WORD.findall(phrase)
        said = f" {' '.join(words)} "
        return len(words) >= REPEAT_WORDS and sum(value.count(said) for value in spoken[1:]) >= spoken[0].count(said)

    return [
        phrase
        for phrase in repeated_phrases(text)
        if not set(WORD.findall(phrase)) <= keys and not (STUTTER.search(phrase) is None and data_says(phrase))
    ]


def listed(items: list) -> str:
    """A list as copy says it: its items joined by commas and "and" ("hose, hose clamps and fuse holder")."""
    said = [value_text(item) for item in items if item is not None]
    return ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else "".join(said)


def looped_phrase(text: str, attributes: dict[str, Any]) -> str | None:
    """The first phrase that shows the model went round in a loop, if any: one of REPEAT_WORDS words
    said LOOP_TIMES times or more that no attribute value says ("100 luxurious 100" in "a 100%
    luxurious 100% 100% 100% luxurious 100% luxurious 100% luxurious shirt"; a name said three
    times is no loop), or one of LOOP_WORDS words said twice (any case)."""
    words = [word.lower() for word in WORD.findall(text)]
    values = said_words(attributes)
    for size, times in ((REPEAT_WORDS, LOOP_TIMES), (LOOP_WORDS, 2)):
        said = Counter(" ".join(words[start : start + size]) for start in range(len(words) - size + 1))
        looped = [phrase for phrase, count in said.items() if count >= times and phrase not in values]
        if looped:
            return looped[0]
    return None


def meta_phrases(text: str) -> list[str]:
    """What `text` says about the writing instead of the product ("here's a product description",
    "I hope this helps"), each once."""
    return list(dict.fromkeys(match.group() for match in META.finditer(text)))


def echoed_labels(text: str, attributes: dict[str, Any], channel: Channel | None = None) -> list[str]:
    """The labels `text` starts a line with that are attribute keys or forms of their words
    ("Title:", "- brand:", "Pricing:" for price, "- materials:"), or, after a bullet or as a
    key-like word, have one of them ("- Target audience:", "priceRange:"), and list items that are
    nothing but keys ("- name", "- brand"), each once: the prompt's facts echoed, and so are the
    labels of the writing ("Facts:", "Summary:"). A channel's own part labels ("Description:") are its
    format, not an echo."""
    parts = set(channel.parts if channel else ())
    keys = {word for key in label_keys(attributes) if key.lower() not in parts for word in name_words(key)}
    found = [
        match.group().strip()
        for match in LABEL_LINE.finditer(text)
        if match["label"].lower() not in parts
        and (said := name_words(match["label"]))
        and (
            match["label"].lower() in WRITING_LABELS
            or (any if IDENTIFIER.fullmatch(match["label"]) or match["bullet"] else all)(
                any(same_stem(word, key) for key in keys) for word in said
            )
        )
    ]
    found += [
        match.group().strip()
        for match in KEY_ITEM.finditer(text)
        if (said := name_words(match["label"])) and all(any(same_stem(word, key) for key in keys) for word in said)
    ]
    return list(dict.fromkeys(found))


def markup(text: str, attributes: dict[str, Any]) -> list[str]:
    """Markdown marks standing alone in `text` ("# Canvas Tote Bag"), once, unless a value has one."""
    values = " ".join(attribute_values(attributes))
    return list(dict.fromkeys(mark for mark in MARKUP.findall(text) if not MARKUP.search(values)))


def placeholders(text: str, attributes: dict[str, Any]) -> list[str]:
    """A template's blanks left in the copy ("in the city of [city_name]", "{name}"), each once,
    unless the product's own values write them."""
    values = " ".join(attribute_values(attributes)).lower()
    return list(dict.fromkeys(found for found in PLACEHOLDER.findall(text) if found.lower() not in values))


def label_keys(attributes: dict[str, Any]) -> list[str]:
    """The keys of `attributes`, nested ones too, each once: what copy must not start a line with as a label."""
    return list(dict.fromkeys([*map(str, attributes), *(fact.name for fact in facts(attributes))]))


def unreadable_runs(text: str, attributes: dict[str, Any]) -> list[str]:
    """Runs of UNREADABLE_RUN or more characters no reader reads as words, spaces between them
    allowed ("ⅈⅉ⅊⅋", "⅊ ⅋ ⅌"), each once: symbols, styled letters ("𝐍𝐄𝐖") and letterlike forms
    ("ⅎ", "Ⅻ"), control, private-use or unassigned characters. Emoji, currency signs and any
    character of the attribute values (nested ones too) are readable."""
    held = set("".join(attribute_values(attributes)))
    kinds = "".join(
        "x" if character not in held and unreadable(character) else "s" if character.isspace() else "r"
        for character in text
    )
    runs = (text[found.start() : found.end()] for found in re.finditer(r"x(?:s*x)*", kinds))
    return list(dict.fromkeys(run for run in runs if sum(not c.isspace() for c in run) >= UNREADABLE_RUN))


def unreadable(character: str) -> bool:
    """Whether a character reads as no word (see unreadable_runs)."""
    code, category = ord(character), unicodedata.category(character)
    if character.isspace() or any(low <= code <= high for low, high in EMOJI):
        return False
    if category in ("Sm", "So", "Sk") or category.startswith("C") or LETTERLIKE[0] <= code <= LETTERLIKE[1]:
        return True
    return unicodedata.decomposition(character).startswith(STYLED)


def failed_checks(checks: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [check for check in checks if not check["passed"]]


# The copy states what the product is not.
UNTRUE_CHECKS = frozenset({"numbers", "names", "claims", "example", "contradiction"})
HARD_CHECKS = UNTRUE_CHECKS | {
    *("finished", "format", "length", "banned", "required", "meta", "grammar", "readable", "loop")
}
RANKINGS = ("grounded", "model")


def states_untrue(text: str, attributes: dict[str, Any], examples: Iterable[dict[str, Any]] = ()) -> bool:
    """Whether `text` fails a check of UNTRUE_CHECKS: a number, name or claim the attributes do
    not hold, a word of the template's examples, or a contradicted value."""
    checks = check_variant(text, attributes, examples=examples)
    return any(check["check"] in UNTRUE_CHECKS for check in failed_checks(checks))


def is_clean(checks: Iterable[dict[str, Any]]) -> bool:
    """Whether a variant passes every hard check: nothing a reader could not publish as is
    (an invented number, name or claim, a word of the template's examples, a contradicted value, a
    banned word, a missing required value, a broken channel limit, words about the writing,
    unreadable characters, a loop). Repetition and unbacked praise are soft checks: they lower a
    variant, never disqualify it."""
    return not any(check["check"] in HARD_CHECKS for check in failed_checks(checks))


def rank_variants(
    variants: list[Any],
    attributes: dict[str, Any],
    keep: int | None = None,
    rank: str = "grounded",
    skip: Iterable[str] = ("id",),
) -> list[Any]:
    """The best `keep` variants of one product. `grounded`: clean variants first, then those that
    state nothing untrue (an unfinished or unnamed draft is fixed in a moment, an invented spec is
    not), then fewer hard failures (less to fix), then higher attribute coverage, then fewer soft
    failures, then fewer words the attributes do not hold (of two that state as much, the one that
    says less beyond it has less room to say something untrue), then model score; `model`: the
    model's order as decoded."""
    if rank == "model":
        return variants[:keep]

    def order(variant: Any) -> tuple:
        failed = failed_checks(variant.checks)
        hard = sum(check["check"] in HARD_CHECKS for check in failed)
        untrue = any(check["check"] in UNTRUE_CHECKS for check in failed)
        beyond = unheld_words(attributes, variant.text, skip)
        score = variant.score if variant.score is not None else float("-inf")  # plain copy has none
        return (hard > 0, untrue, hard, -(variant.coverage or 0.0), len(failed) - hard, beyond, -score)

    return sorted(variants, key=order)[:keep]


def unreadable_grammar(text: str, attributes: dict[str, Any]) -> list[str]:
    """What keeps `text` from reading as sentences: a count after "a" ("is a 3 brightness levels"), a
    phrase of three words or more said twice in a row (not as a value says it), or only the
    product's name (see own_words)."""
    values = " ".join(attribute_values(attributes)).lower()
    found = []
    if miscounted := counted_after_article(text, values):
        found.append(f"a count after 'a' or 'an': {', '.join(map(repr, dict.fromkeys(miscounted)))}")
    twice = [match[1] for match in TWICE.finditer(text) if match.group().lower() not in values]
    if twice:
        found.append(f"said twice in a row: {', '.join(map(repr, dict.fromkeys(twice)))}")
    if text.strip() and not own_words(text, attributes):
        found.append("only the product's name, no sentence of copy")
    return found


def own_words(text: str, attributes: dict[str, Any]) -> list[str]:
    """The words of `text` beyond the product's name or title and the glue between words ("a",
    "of", "with"). Copy without one is the name, not a sentence: "Quillon Red Cedar Cajón.",
    "Torqline 20 V Cordless Combi Drill:" (held-out best drafts marked clean). Only the name is read,
    not every value: an edit such as "The Café Crème Milk Frother from Lumio: hot or cold foam, 3
    froth settings." says nothing beyond the data and reads well."""
    held = {
        word
        for fact in facts(attributes)
        if PRODUCT_NAME_KEYS & set(name_words(fact.name))
        for word in WORD.findall(str(fact.value).lower())
    }
    return [word for word in WORD.findall(text.lower()) if word not in held and word not in GLUE]


def name_keys(keys: Iterable[str]) -> list[str]:
    """The keys that name a product (see values.names_product), a name before a title, and both before
    a key that names it alone ("product", "model"): what copy must mention by default. Brand is left
    to --require: half the sample references omit it."""

    def rank(key: str) -> int:
        return int(name_words(key)[-1] == "title") if names_product(key, alone=False) else 2

    return sorted((key for key in keys if names_product(key)), key=rank)


def required_values(required: Iterable[str], attributes: dict[str, Any]) -> list[tuple[str, Any]]:
    """What this product's copy must mention, column by column: each required column's value, where
    it has one. A name or title column stands for whichever of the product's name_keys has a value (a
    catalogue may give some products a name and others a title; a held-out title-only product's best
    draft was "They are made of titanium."; a shop export's "Product Name" is the name), and a title
    is said by its part before the first comma or spaced dash (a listing's title goes on to describe
    the product). A description names the product only where it is as short as a name (a supplier
    row's "Push-fit equal elbow 22mm", not a shop's paragraph)."""
    wanted = []
    for column in dict.fromkeys(required):
        value = attributes.get(column)
        if names_product(column.rsplit(".", 1)[-1]):  # a name, or one inside an object: "listing.title" (naming)
            value = in_english(value)
            if not named_by(column, value):
                column, value = naming(attributes) or (column, None)
            if not named_by(column, value):
                continue
        value = title_part(column, value)
        if list(attribute_values(value)):
            wanted.append((column, value))
    return wanted


def title_part(column: str, value: Any) -> Any:
    """What copy must mention of a title: its part before the first comma or spaced dash (a
    listing's title goes on to describe the product), less a bracket that comma cuts ("The Lantern
    Mapmaker by Odile Parrack (2025, Hardcover)" names "The Lantern Mapmaker by Odile Parrack", not
    "... (2025"; held-out set 170); any other value as it is."""
    if name_words(column)[-1:] == ["title"] and isinstance(value, str):
        part = TITLE_END.split(value, 1)[0].strip()
        part = part[: part.rfind("(")].strip() if part.count("(") > part.count(")") else part
        return part or value
    return value


def naming(attributes: dict[str, Any]) -> tuple[str, Any] | None:
    """The key that names the product and its whole value, if any: the first of its name_keys that
    can (see named_by), else a name or title in an object that wraps the product's data, under the
    key "listing.title" (held-out sets 103-114: "listing": {"title": ...}, "attributes": {"name":
    ...}). A value in several languages names it in English (text.in_english)."""
    for key in name_keys(attributes):
        if named_by(key, value := in_english(attributes[key])):
            return key, value
    for outer, inner in attributes.items():
        if isinstance(inner, dict) and "_".join(name_words(outer)) in NAME_WRAPPERS:
            for key in name_keys(inner):
                if names_product(key, alone=False) and named_by(key, value := in_english(inner[key])):
                    return f"{outer}.{key}", value
    return None


def named_by(key: str, value: Any) -> bool:
    """Whether a naming key's value can name the product: any value but an object, and a description
    only a short one (at most NAME_WORDS words, one sentence, or a supplier's line in capitals whose
    abbreviations end in full stops: held-out set 120)."""
    if isinstance(value, dict) or not list(attribute_values(value)):
        return False  # an object holds the name, or none: "product": {"name": ..., "brand": ...} (see naming)
    if isinstance(value, str) and SLUG.fullmatch(value.strip()):
        return False  # WooCommerce's "post_name", a page's address: "whiskerwood-cat-tower-120cm"
    if name_words(key) == ["labels"] and not isinstance(value, str):
        return False  # a PIM's "labels" name a product in languages ({"en_GB": ...}); a list of labels does not
    if name_words(key)[-1:] != ["description"]:
        return True
    if not isinstance(value, str) or len(value.split()) > NAME_WORDS:
        return False
    return erp_capitals(value) or not SENTENCE_BREAK.search(value.strip())  # "ABFORMMAT. LIGHT BODY", "M10x30 SERR. A4"


def required_columns(required: Iterable[str] | None, columns: Iterable[str], source_name: str) -> list[str]:
    """The columns copy must mention: those asked for (each must exist), else the first of the
    products' name_keys."""
    known = list(columns)
    if required is None:
        return name_keys(known)[:1]
    unknown = [column for column in required if column not in known]
    if unknown:
        raise InputError(
            f"--require {', '.join(unknown)}: {source_name} has no such column; "
            f"its columns are: {', '.join(sorted(known))}"
        )
    return list(dict.fromkeys(required))
