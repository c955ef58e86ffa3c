"""Helpers the scoring tests share: sacrebleu's reference layout and sample systems."""

from __future__ import annotations

EPS = 1e-9

CAT = "The cat is on the mat."
CAT_REFS = ["The cat sat on the mat.", "There is a cat on the mat."]

SYSTEM_A = [f"The kettle number {i} pours water slowly and well." for i in range(30)]
SYSTEM_B = [
    f"Kettle {i} pours water slowly, and it pours well." if i % 3 else f"The kettle number {i} pours water."
    for i in range(30)
]
REFERENCES = [[f"The kettle number {i} pours water slowly and very well."] for i in range(30)]

SAMPLE_HYPS = [
    "The Harbor kettle pours slowly and shows the temperature.",
    "Café-style foam at home, hot or cold — in 3 settings!",
    "",
    "A 20 cm chef's knife, hand-sharpened to 15°; 210 g.",
    "Noise-cancelling headphones (40 h battery) & USB-C fast charging.",
]
SAMPLE_REFS = [
    [
        "The Harbor Pour-Over Kettle pours slowly, and its thermometer shows the temperature.",
        "A kettle for slow pours.",
    ],
    ["Make café-style milk foam at home: 3 froth settings, hot or cold."],
    ["Nothing to say."],
    [
        "The 20 cm chef's knife is hand-sharpened to a 15° edge and weighs 210 g.",
        "A 20cm knife.",
        "Chef's knife, 210 g.",
    ],
    ["Headphones with 40-hour battery, noise cancelling and USB-C charging."],
]


def streams(references: list[list[str]]) -> list[list[str | None]]:
    """sacrebleu's layout: one stream per reference slot, padded with None."""
    most = max(map(len, references))
    return [[refs[k] if k < len(refs) else None for refs in references] for k in range(most)]
