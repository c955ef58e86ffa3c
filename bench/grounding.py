"""How true to its product the default command's copy is: grounded ranking and number bans on and off.

    .venv/bin/python bench/grounding.py                 # samples (24) + 24 E2E MRs, ~10 min on 2 cores
    .venv/bin/python bench/grounding.py --e2e 0         # the samples only
    .venv/bin/python bench/grounding.py --no-samples    # the E2E MRs only
    .venv/bin/python bench/grounding.py --e2e 0 --no-samples --listings   # the marketplace listings only
    .venv/bin/python bench/grounding.py --e2e 0 --no-samples --renamed 60 # E2E MRs as restaurants and pubs
    .venv/bin/python bench/grounding.py --e2e 0 --drafts bench/out/drafts  # also the drafts behind each row

One run, the embedded default model (SmolLM2-135M-Instruct, never trained on either set, so every
value is new to it) through the default engine, four ways (five with --ways):
  model order     --rank model --no-constrain-numbers   (copygen before grounding)
  + bans          --rank model                           (number bans while decoding only)
  + ranking       --no-constrain-numbers                 (grounded ranking of the n-best only)
  default         grounded ranking and number bans       (the command as typed)
  model copy      --no-plain-copy                        (the default, the model's copy only; with --ways)
Samples: samples/products.csv with the default template and settings (beam 4, 3 variants), BLEU
against samples/references.jsonl. E2E: the first N MRs of bench/generate_speed.py's validation
draw from ../shared/data/e2e/devset.csv (read in place), a one-sentence prompt, 60 new tokens,
BLEU (lowercased) against all references. Renamed (--renamed N): the first N of those MRs moved
to what E2E's dev set never has (every MR there is a coffee shop or has no kind): restaurants and
pubs, French, Indian, Italian, Japanese and fast food, 12 new names; no references, so no BLEU.
Listings (--listings): bench/listings.jsonl, 10 marketplace-style records written for this bench
(a long title instead of a name, bullet lists, key/value details, many numbers), default template
and settings; they have no references, so no BLEU.
Per way: best variants with a number no attribute holds, best variants with a name no attribute
holds ("Michelin-starred", "in Tokyo"; when copygen's checks know names), best variants with a
claim the data does not back ("eco-friendly", "discounted"; when they know claims), drafts with no clean variant,
best variants that are plain copy written from the data (source "data"), mean
attribute coverage of the best variant, best variants contradicting a value (when copygen's
checks know contradictions), BLEU, and products/s of the whole `generate()` call (model load included).
"""

from __future__ import annotations

import argparse
import functools
import inspect
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

RENAMED = {  # values no MR of E2E's dev set has
    "name": [
        "The Red Lion",
        "Saffron Court",
        "Harbour Grill",
        "The Olive Tree",
        "Blue Lotus",
        "The Copper Pot",
        "Maple House",
        "The Old Bell",
        "Sakura Garden",
        "The Fox and Hound",
        "Bella Vista",
        "The Spice Route",
    ],
    "food": ["French", "Indian", "Italian", "Japanese", "Fast food"],
    "eatType": ["restaurant", "pub"],
}
WAYS = {
    "model order": dict(rank="model", constrain_numbers=False),
    "+ bans": dict(rank="model", constrain_numbers=True),
    "+ ranking": dict(rank="grounded", constrain_numbers=False),
    "default": dict(rank="grounded", constrain_numbers=True),
    "model copy": dict(rank="grounded", constrain_numbers=True, plain_copy=False),
}


def sample_set() -> tuple[list[dict], dict[str, list[str]], dict]:
    from copygen.io.products import read_products

    products = [{"id": p.id, **p.attributes} for p in read_products(str(ROOT / "samples" / "products.csv"))]
    references = {}
    for line in (ROOT / "samples" / "references.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        references[row["id"]] = row["references"]
    return products, references, {}


def e2e_set(count: int) -> tuple[list[dict], dict[str, list[str]], dict]:
    from generate_speed import PROMPT, validation_products

    products, references = validation_products(count)
    template = Path(ROOT / "bench" / "out" / "grounding-e2e.j2")
    template.parent.mkdir(parents=True, exist_ok=True)
    template.write_text(PROMPT, encoding="utf-8")
    return products, references, dict(template=str(template), max_new_tokens=60, lowercase=True)


def renamed_set(count: int) -> tuple[list[dict], dict[str, list[str]], dict]:
    """The first `count` of those MRs moved to kinds, foods and names E2E's dev set never has (every
    MR there is a coffee shop or has no kind): a restaurant or pub, French, Indian, Italian,
    Japanese or fast food, a name of RENAMED's; the same draw every run. No references, so no BLEU."""
    products, _, options = e2e_set(count)
    draw = random.Random(7)
    moved = []
    for product in products:
        food = {"food": draw.choice(RENAMED["food"])} if "food" in product else {}
        moved.append(
            {**product, "name": draw.choice(RENAMED["name"]), **food, "eatType": draw.choice(RENAMED["eatType"])}
        )
    return moved, {}, options


def listings_set() -> tuple[list[dict], dict[str, list[str]], dict]:
    rows = (ROOT / "bench" / "listings.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(row) for row in rows], {}, {}


def measure(products, references, options, way, drafts_to: Path | None = None) -> dict:
    import sacrebleu

    from copygen.generation.run import generate
    from copygen.quality import grounding

    settings = {key: value for key, value in options.items() if key != "lowercase"}
    started = time.perf_counter()
    drafts = generate(products, **settings, **WAYS[way])
    seconds = time.perf_counter() - started
    if drafts_to:  # as copygen writes them, for reading the copy behind the figures
        drafts_to.write_text("".join(json.dumps(draft.to_dict()) + "\n" for draft in drafts), encoding="utf-8")
    contradictions = getattr(grounding, "contradictions", None)
    names = getattr(grounding, "unsupported_names", None)
    if names and "hashtags" in inspect.signature(names).parameters:
        names = functools.partial(names, hashtags=True)  # copy for a page, as the checks read it
    try:
        from copygen.quality.claims import unsupported_claims as claims
    except ImportError:  # a checkout from before claims were checked
        claims = None
    best = {draft.id: draft.variants[0] if draft.variants else None for draft in drafts}
    facts = {product["id"]: {k: v for k, v in product.items() if k != "id"} for product in products}
    texts = {key: variant.text if variant else "" for key, variant in best.items()}
    slots = max((len(refs) for refs in references.values()), default=0)
    ids = list(references)
    streams = [[references[i][s] if s < len(references[i]) else None for i in ids] for s in range(slots)]
    bleu = (
        sacrebleu.metrics.BLEU(lowercase=options.get("lowercase", False)).corpus_score([texts[i] for i in ids], streams)
        if references
        else None
    )
    coverage = [grounding.attribute_coverage(facts[key], text) for key, text in texts.items()]
    return {
        "invented": sum(bool(grounding.unsupported_numbers(facts[key], text)) for key, text in texts.items()),
        "named": sum(bool(names(facts[key], text)) for key, text in texts.items()) if names else None,
        "claimed": sum(bool(claims(facts[key], text)) for key, text in texts.items()) if claims else None,
        "unclean": sum(not draft.clean for draft in drafts),
        "plain": sum(getattr(variant, "source", "model") == "data" for variant in best.values() if variant),
        "coverage": sum(c or 0 for c in coverage) / len(coverage),
        "contradicted": (
            sum(bool(contradictions(facts[key], text)) for key, text in texts.items()) if contradictions else None
        ),
        "bleu": bleu.score if bleu else None,
        "rate": len(drafts) / seconds,
        "count": len(drafts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--e2e", type=int, default=24, help="E2E MRs (0: none)")
    parser.add_argument("--no-samples", action="store_true", help="leave out the 24 samples")
    parser.add_argument("--renamed", type=int, default=0, help="E2E MRs moved to new kinds, foods and names (0: none)")
    parser.add_argument("--listings", action="store_true", help="also the 10 marketplace listings")
    parser.add_argument("--ways", default=",".join(list(WAYS)[:4]), help="which ways, comma-separated")
    parser.add_argument("--drafts", type=Path, help="also write each set's and way's drafts to DIR/SET-WAY.jsonl")
    args = parser.parse_args()
    if args.drafts:
        args.drafts.mkdir(parents=True, exist_ok=True)
    sets = {} if args.no_samples else {"samples": sample_set()}
    if args.e2e:
        sets["e2e"] = e2e_set(args.e2e)
    if args.renamed:
        sets["renamed"] = renamed_set(args.renamed)
    if args.listings:
        sets["listings"] = listings_set()
    header = f"{'set':<9}{'way':<13}{'invented number':>16}{'invented name':>14}{'invented claim':>15}{'no clean':>9}{'plain copy':>11}{'coverage':>9}{'contradicted':>13}{'BLEU':>7}{'products/s':>11}"
    print(header, flush=True)
    for name, (products, references, options) in sets.items():
        for way in args.ways.split(","):
            drafts_to = args.drafts / f"{name}-{way.replace(' ', '_')}.jsonl" if args.drafts else None
            row = measure(products, references, options, way, drafts_to)
            contradicted = "n/a" if row["contradicted"] is None else f"{row['contradicted']}/{row['count']}"
            bleu = "n/a" if row["bleu"] is None else f"{row['bleu']:.2f}"
            named = "n/a" if row["named"] is None else f"{row['named']}/{row['count']}"
            claimed = "n/a" if row["claimed"] is None else f"{row['claimed']}/{row['count']}"
            print(
                f"{name:<9}{way:<13}{row['invented']:>9}/{row['count']:<6}{named:>14}{claimed:>15}{row['unclean']:>6}/{row['count']:<2}{row['plain']:>8}/{row['count']:<2}"
                f"{row['coverage']:>9.3f}{contradicted:>13}{bleu:>7}{row['rate']:>11.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
