"""What kind of thing copy says the product is: "Halo Ring Light is a 10-inch halogen ring light",
"Pulse Smart Body Scale is a high-end weight loss product", "Drift Desk Fan is a high-end gaming
laptop". The words between "is a" (or "are an", "is the") and the end of that phrase must each be
the data's (a form of a word a value or key holds: Porter stems, or two words run together, "paddleboard")
or words that say no kind: praise ("versatile", "high-end"), a size ("compact"), nouns for any
product ("item", "accessory", "gift", "way") or a broad department ("footwear", "lighting"), and
after a hyphen what a held word is for ("coffee-making"). Any other word names a kind, a use or
a maker the data does not, whatever the word: this lists what may be said, not what may not, so
it reads inventions no one has seen. Names (capitalised words) are the names check's to read, a
number's unit the numbers check's, and a claim ("renowned", "eco-friendly") the claims'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from copygen.quality.values import ANY_KIND, FUNCTION_WORDS, facts, name_words

LETTERS = re.compile(r"[^\W\d_]+")
WORD = re.compile(r"(?<!\w)(?<!\d )(?<!\d-)[^\W\d_]+")  # in copy, not a number's letters or unit: "3rd", "20 cm"
# "X is a ...", "they are the ...", up to a word or mark that ends the phrase.
KIND = re.compile(
    r"(?<![\w-])(?:is|are|['’]s)\s+(?:a|an|the)\s+"
    r"(?P<kind>(?:[\w'’-]+\s+){0,6}?[\w'’-]+?)"
    r"(?=\s+(?:with|that|which|who|when|where|for|from|by|among|designed|made|crafted|built|located|based|owned|run"
    r"|situated|nestled|known|loved|used|in|into|to|of|on|at|as|like|than|featuring|offering"
    r"|and\s+(?:is|are|has|have|features|comes|offers|it|they|its|their))\b|\s*[,.;:!?()\n]|\s*$)",
    re.IGNORECASE,
)
# After a hyphen, what a held word is for or how it is: "coffee-making", "French-style", "gig bag-free".
USE = re.compile(r"..(?:ing|ed)$|^(?:style|free|friendly|proof|resistant|safe|ready|sized|shaped)$")
# Words that say no kind, of any product: praise and sizes.
NO_KIND = frozenset(
    """
    great good fine perfect ideal excellent fantastic wonderful amazing lovely beautiful stunning gorgeous elegant
    stylish sleek modern classic timeless simple easy handy useful practical versatile unique special fun
    playful charming delightful thoughtful cute cosy cozy comfortable convenient reliable sturdy durable robust
    solid quality premium luxury luxurious high end top line notch tier first class innovative clever essential
    must have buy brainer game changer one kind well made designed crafted new little small large big
    compact lightweight portable everyday all purpose multi multipurpose functional multifunctional nice
    cool neat eye catching exquisite bespoke ultimate true real genuine smart savvy welcome fresh stand out
    affordable budget friendly value superb splendid trusty dependable hardworking hard working go to
    cutting edge state art performance humble casual no frills visit eco local quaint vibrant warm welcoming
    inviting relaxed lively bustling hidden trendy chic rustic traditional authentic hearty delicious tasty
    gourmet sophisticated refined upscale cheerful colourful colorful bright soft gentle educational creative
    """.split()  # noqa: SIM905 (words read best as words)
)
# Nouns for any product (see values.ANY_KIND), and the words that join a phrase.
ANY_PRODUCT = (
    ANY_KIND
    | FUNCTION_WORDS
    | frozenset(
        """
        products items options gifts tools accessories essentials appliance thing combination mix lighting decoration
        kitchenware tableware homeware stationery electronics toys beauty skincare haircare with every any
        """.split()  # noqa: SIM905
    )
)


def unheld_kind_spans(attributes: dict[str, Any], text: str, skip: Iterable[str] = ("id",)) -> list[tuple[int, int]]:
    """Where `text` says the product is a kind of thing the data does not hold: the span of each
    run of words of a "is a ..." phrase that neither the data nor NO_KIND or ANY_PRODUCT holds
    ("weight loss" in "is a high-end weight loss product")."""
    phrases = list(KIND.finditer(text))
    held = held_stems(attributes, skip) if phrases else set()  # the data is read only for copy that says a kind
    spans = []
    for match in phrases:
        previous, last, last_fine = None, "", False  # the phrase's word before this one, and whether it was fine
        for word in WORD.finditer(text, match.start("kind"), match.end("kind")):
            said = word.group().lower()
            joined = previous is not None and text[word.start() - 1] == "-"
            used = joined and (last == "to" or (last_fine and USE.search(said)))  # "coffee-making", "fun-to-use"
            together = previous is not None and stem(last + said) in held  # "terra cotta" for "terracotta"
            named = word.group()[0].isupper()  # a name: the names check reads it
            fine = said in NO_KIND or said in ANY_PRODUCT or stem(said) in held or bool(used) or together or named
            if together and spans and spans[-1][1] == previous.end():  # the word before was half of this one
                start = spans.pop()[0]
                if start < previous.start():  # "halogen terra cotta": halogen stays
                    spans.append((start, len(text[: previous.start()].rstrip(" -"))))
            if not fine and spans and not text[spans[-1][1] : word.start()].strip(" -"):
                spans[-1] = (spans[-1][0], word.end())  # "weight loss": one kind, banned whole
            elif not fine:
                spans.append(word.span())
            previous, last, last_fine = word, said, fine
    return spans


def held_stems(attributes: dict[str, Any], skip: Iterable[str]) -> set[str]:
    """The stems of every word of the data's values and keys, and of each two of a value's words
    run together ("paddle board" holds "paddleboard")."""
    held = set()
    for fact in facts(attributes, skip):
        words = [word.lower() for word in LETTERS.findall(str(fact.value))] + name_words(fact.name)
        held.update(stem(word) for word in words)
        held.update(stem(first + second) for first, second in zip(words, words[1:]))
    return held


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's Porter stem ("lights" -> "light"), as ROUGE stems."""
    return porter().stem(word)


@lru_cache(maxsize=1)
def porter():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()
