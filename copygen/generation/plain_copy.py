"""Plain copy: a draft written from a product's own data by the `plain-copy` template, offered
where no copy the model wrote passes every check, so a reviewer gets a dull true draft rather
than an untrue one. It is checked like the model's copy and offered only if it passes.

The embedded default writes zero-shot, and where its best copy passes every check yet says
DEFAULT_MODEL_BEYOND words or more that its data does not hold, that copy is seldom true: of its
174 distinct best drafts that passed every check for 180 products it had never seen (held-out
sets, judged blind), 54 said that much, and 45 of them were untrue, 7 garbled and 2 true (20 of
the other 120 were true). There too, plain copy comes first. So with the embedded default,
a product whose plain copy passes is decoded once (the pipeline writes it first): its copy then
comes second unless that one decoding is clean and close to the data, and the rounds of decoding
again are kept for products with no true draft.
A fine-tuned model's copy is never put behind it: good marketing copy says 19 to 39 words beyond
its data (the samples' references).
"""

from __future__ import annotations

from typing import Any

from copygen.io.drafts import Variant
from copygen.io.products import value_text
from copygen.prompts import Template, load_template, render_prompt
from copygen.quality.checks import required_values
from copygen.text import tidy

PLAIN_COPY_TEMPLATE = "plain-copy"
DEFAULT_MODEL_BEYOND = 10  # see above: words beyond the data (quality.grounding.unheld_words)


def plain_copy_template() -> Template:
    """The plain-copy template: the user's (--prompts-dir) if they have one, else copygen's."""
    return load_template(PLAIN_COPY_TEMPLATE)


def plain_variant(
    template: Template, attributes: dict[str, Any], product_id: str, exclude: list[str]
) -> Variant | None:
    """The product's plain copy, one paragraph, or None for a product with no name or title to
    name it by (copy must say what it describes)."""
    named = required_values(["name"], attributes)
    if not named:
        return None
    text = render_prompt(
        template,
        attributes,
        product_id=product_id,
        exclude=exclude,
        extra={"product_name": value_text(named[0][1])},
    )
    text = " ".join(tidy(text).splitlines())
    return Variant(text, None, source="data") if text else None
