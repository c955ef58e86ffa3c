"""What kind of thing copy says the product is: each word of "is a ..." held by the data, or a word
that says no kind."""

import pytest

from copygen.generation.number_bans import untrue_spans
from copygen.quality.checks import check_variant, is_clean
from copygen.quality.kinds import unheld_kind_spans

LIGHT = {"name": "Halo Ring Light 10-inch", "brand": "Glowcast", "bulbs": "LED", "stand": "160 cm"}
SCALE = {"name": "Pulse Smart Body Scale", "brand": "Vitaline", "category": "bathroom"}
FAN = {"name": "Drift Portable Desk Fan", "category": "fans", "power": "USB"}
BOARD = {"name": "Tidewater Stand-Up Paddle Board", "category": "water sports"}
PUB = {"name": "The Vaults", "eatType": "pub", "food": "French"}


def kinds(attributes, text):
    return [text[start:end] for start, end in unheld_kind_spans(attributes, text)]


@pytest.mark.parametrize(
    "attributes, text, expected",
    [
        # held-out drafts the default model wrote, which no list of inventions read
        (LIGHT, "Halo Ring Light 10-inch from Glowcast is a 10-inch halogen ring light.", ["halogen"]),
        (SCALE, "Pulse Smart Body Scale is a high-end weight loss product from Vitaline.", ["weight loss"]),
        (FAN, "The Drift Portable Desk Fan is a multi-functional desk lamp.", ["lamp"]),
        (FAN, "It is the ultimate travel pillow, and is a USB fan.", ["travel pillow"]),
        # the data's words in any form, and words that say no kind of product
        (LIGHT, "Halo Ring Light 10-inch is a 10-inch LED ring light with a 160 cm stand.", []),
        (SCALE, "Pulse Smart Body Scale is a sleek, high-end bathroom scale.", []),
        (FAN, "It is a compact, portable fan and a great gift for any desk.", []),
        (FAN, "It is a fine piece of desk kit.", []),  # once called a kind, the next try said "fine china"
        (FAN, "It is a fun and educational USB fan.", []),  # a coding kit's sample draft lost its name once read
        (BOARD, "It is a versatile paddleboard for water sports.", []),  # two of a value's words run together
        (BOARD, "It is a top-of-the-line sports-loving board.", []),  # a held word's use, after a hyphen
        (PUB, "The Vaults is a charming French-style pub.", []),
        (PUB, "The Vaults is a no-frills French bistro.", ["bistro"]),
        (PUB, "The Vaults is a Michelin-starred pub.", []),  # a name is the names check's to read
        ({"name": "Harbor", "features": ["gig bag included"]}, "Harbor is a gig bag-free guitar.", ["guitar"]),
        # only the phrase after "is a": what follows it is read by other checks
        (FAN, "The fan is a must-have for travellers, made of plastic.", []),
        (FAN, "Drift is a 3rd-generation USB fan.", ["generation"]),  # not "rd", a number's letters
        ({"name": "Terra Plant Pot", "material": "terracotta"}, "It is a 20 cm terra cotta pot.", []),  # nor a unit
    ],
)
def test_unheld_kinds(attributes, text, expected):
    assert kinds(attributes, text) == expected


def test_an_unheld_kind_is_an_untrue_claim_and_banned_when_decoding_again():
    text = "Pulse Smart Body Scale is a high-end weight loss product from Vitaline."
    checks = check_variant(text, SCALE)
    assert [check["message"] for check in checks if check["check"] == "claims"] == [
        "claims what the attributes do not back: weight loss"
    ]
    assert not is_clean(checks)
    assert (text.index("weight"), text.index(" product")) in untrue_spans(SCALE, text)
    assert is_clean(check_variant("Pulse Smart Body Scale is a high-end bathroom scale from Vitaline.", SCALE))
