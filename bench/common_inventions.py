"""What the embedded default model invents most often, for copygen/generation/inventions.py.

    .venv/bin/python bench/common_inventions.py                      # 400 E2E MRs, ~8 min on 2 cores
    .venv/bin/python bench/common_inventions.py --mrs 200 --min-products 2

Drafts the first N E2E MRs in file order that are NOT in the validation split the other benches
measure on (bench/e2e_finetune.py's draw; so bench/generate_speed.py and bench/grounding.py
measure the list on MRs it was not made from), with the model's own ranking and no bans (the
model's habits, untouched), 4 variants each. Every name, claim and contradicted value the copy
checks find in any variant is counted once per MR; those found for at least --min-products MRs
are printed as the tuple to paste into inventions.py, most frequent first. Numbers are left out:
number bans already keep every number true.

`--after-list` measures what the list misses: each MR's first decoding as `copygen generate`
decodes it (number bans and the list's phrases banned, no re-decoding), 4 variants, so the phrases
the model turns to once its first choices are banned are counted; those not on the list yet are printed.
On 2026-12-04 five rounds of it (adding what each found) gave 21 more phrases ("California",
"Micheled", "highly-rated", "Massachusetts", then one "New ..." place a round). They cut the 64
E2E MRs' products decoded again from 14 to 8, but the 42 bans moved the beams on the samples,
which invent none of these: SKU-1001's best draft became "a high-end, gourmet coffee blend" for a
kettle (coverage 0.67 -> 0.44). So names from it stay off the list: a name is banned for every
product that lacks it. What it prints that is not a name ("beloved", "family-focused") is on the
list: such a word is banned only where a product's values contradict it, so the samples' copy
did not move.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def training_products(count: int) -> list[dict]:
    """The first `count` MRs of the E2E dev set, in file order, outside the validation split."""
    from e2e_finetune import DEVSET, parse_mr
    from generate_speed import validation_mrs

    with DEVSET.open(encoding="utf-8") as handle:
        mrs = list(dict.fromkeys(row["mr"] for row in csv.DictReader(handle)))
    held_out = validation_mrs(mrs)
    chosen = [mr for mr in mrs if mr not in held_out][:count]
    return [{"id": f"train{index:03d}", **parse_mr(mr)} for index, mr in enumerate(chosen)]


def invented_phrases(attributes: dict, text: str) -> set[str]:
    """The names (adjacent name words joined: "New York"), claims and contradicted phrases in `text`."""
    from copygen.quality.claims import unsupported_claim_spans
    from copygen.quality.grounding import contradicted_spans, unsupported_name_spans

    spans = sorted(unsupported_name_spans(attributes, text, ()))
    joined: list[list[int]] = []
    for start, end in spans:
        if joined and text[joined[-1][1] : start] == " ":
            joined[-1][1] = end
        else:
            joined.append([start, end])
    spans = [tuple(span) for span in joined]
    spans += unsupported_claim_spans(attributes, text, ()) + contradicted_spans(attributes, text, ())
    return {text[start:end] for start, end in spans}


def model_ranked(products: list[dict], prompt: str) -> list[list[str]]:
    """Each product's 4 best texts by the model's own ranking, with no bans."""
    from copygen.generation.run import generate

    template = ROOT / "bench" / "out" / "common-inventions.j2"
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text(prompt, encoding="utf-8")
    drafts = generate(
        products, template=str(template), max_new_tokens=60, num_variants=4, rank="model", constrain_numbers=False
    )
    return [[variant.text for variant in draft.variants] for draft in drafts]


def first_decodings(facts: list[dict], prompt: str) -> list[list[str]]:
    """Each product's 4 best texts from the default engine's first decoding: number bans and the
    list's phrases banned, as `copygen generate` decodes, but nothing decoded again."""
    from copygen.generation.engines.ct2 import CT2Engine, as_variants, ct2_decode, first_bans
    from copygen.generation.pipeline import model_input_text
    from copygen.generation.settings import GenerationSettings
    from copygen.prompts import load_template, render_prompt

    settings = GenerationSettings(num_variants=4, max_new_tokens=60, no_repeat_ngram_size=3, engine="ct2")
    settings = replace(settings, batch_size=CT2Engine.batch_size(settings))
    engine = CT2Engine.load(None, settings)
    template = load_template("common-inventions", source=prompt)
    texts = [model_input_text(engine.loaded, render_prompt(template, attributes)) for attributes in facts]
    decoded = ct2_decode(engine.loaded, texts, settings, first_bans(engine.loaded.tokenizer, facts, settings))
    return [[v.text for v in as_variants(engine.loaded, s, scores, 60)] for s, scores in decoded]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mrs", type=int, default=400, help="E2E MRs outside the validation split")
    parser.add_argument("--min-products", type=int, default=3, help="MRs a phrase must be invented for")
    parser.add_argument("--after-list", action="store_true", help="first decodings with the list banned")
    args = parser.parse_args()

    from generate_speed import PROMPT

    products = training_products(args.mrs)
    facts = [{k: v for k, v in product.items() if k != "id"} for product in products]
    texts = first_decodings(facts, PROMPT) if args.after_list else model_ranked(products, PROMPT)
    counts: collections.Counter = collections.Counter()
    for attributes, variants in zip(facts, texts):
        counts.update(set().union(*(invented_phrases(attributes, text) for text in variants)))
    if args.after_list:
        from copygen.generation.inventions import COMMON_INVENTIONS

        listed = {phrase.lower() for phrase in COMMON_INVENTIONS}
        counts = collections.Counter({p: n for p, n in counts.items() if p.lower() not in listed})
    common = [(phrase, n) for phrase, n in counts.most_common() if n >= args.min_products]
    print(f"{len(products)} MRs, {len(counts)} distinct phrases, {len(common)} invented for >= {args.min_products}")
    for phrase, n in common:
        print(f"    {phrase!r},  # {n}")


if __name__ == "__main__":
    main()
