"""How long `copygen evaluate` takes on 50,000 hypothesis/reference pairs, against plain rouge-score.

    .venv/bin/python bench/evaluate_speed.py                 # 50,000 pairs, all default metrics
    .venv/bin/python bench/evaluate_speed.py --pairs 5000 --libraries

The pairs are synthetic product copy (seeded, so every run scores the same text): 15-45 words
with prices and sizes; each hypothesis rewrites about a third of its
reference's words. copygen scores them with BLEU, chrF, ROUGE-1/2/L and 1,000 bootstrap
resamples; the baseline is rouge-score's RougeScorer(...).score_multi in a loop, the plain way,
for ROUGE alone. Both run in this process, one after the other, and their ROUGE numbers are
checked to agree. --libraries also times sacrebleu's corpus_bleu + corpus_chrf, the plain way.
Wall time depends on what else the machine runs; CPU time (this process and its workers) too.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = [
    "the",
    "a",
    "our",
    "this",
    "your",
    "with",
    "and",
    "for",
    "every",
    "day",
    "home",
    "kettle",
    "lamp",
    "chair",
    "knife",
    "jug",
    "bag",
    "case",
    "stand",
    "desk",
    "light",
    "quiet",
    "fast",
    "slow",
    "smooth",
    "bright",
    "warm",
    "soft",
    "strong",
    "steel",
    "oak",
    "walnut",
    "cotton",
    "linen",
    "glass",
    "ceramic",
    "brews",
    "pours",
    "holds",
    "keeps",
    "folds",
    "charges",
    "lasts",
    "fits",
    "cleans",
    "cuts",
    "stores",
    "carries",
    "built",
    "designed",
    "made",
    "easy",
    "simple",
    "elegant",
    "compact",
    "durable",
    "portable",
    "premium",
    "everyday",
    "modern",
    "classic",
    "handmade",
    "natural",
    "coffee",
    "tea",
    "milk",
    "water",
    "music",
    "travel",
    "kitchen",
    "office",
    "garden",
    "morning",
    "evening",
    "battery",
    "handle",
    "lid",
    "spout",
]  # ASCII, so that rouge-score's own tokenizer and copygen's give the same ROUGE to compare
UNITS = ["cm", "ml", "kg", "hours", "W", "mm", "L", "%"]


def product_copy(rng: random.Random) -> list[str]:
    words = rng.choices(WORDS, k=rng.randint(15, 45))
    for _ in range(rng.randint(1, 3)):
        spot = rng.randrange(len(words))
        words[spot : spot + 1] = (
            [f"{rng.randint(1, 500)}", rng.choice(UNITS)] if rng.random() < 0.7 else [f"${rng.randint(5, 300)}.00"]
        )
    words[0] = words[0].capitalize()
    return words


def pairs(count: int, seed: int) -> tuple[list[str], list[list[str]]]:
    rng = random.Random(seed)
    hyps, refs = [], []
    for _ in range(count):
        ref = product_copy(rng)
        hyp = [rng.choice(WORDS) if rng.random() < 0.3 else word for word in ref]
        if rng.random() < 0.5:
            cut = rng.randrange(len(hyp))
            hyp = hyp[cut:] + hyp[:cut]
        refs.append([" ".join(ref) + "."])
        hyps.append(" ".join(hyp) + ".")
    return hyps, refs


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the --jobs workers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def cpu_ratio(slow: float, fast: float) -> str:
    """`slow / fast` CPU seconds as "N.Nx", or "n/a" when `fast` took less than os.times' tick
    (10 ms: 300 pairs of ROUGE can)."""
    return f"{slow / fast:.1f}x" if fast > 0 else "n/a"


def timed(work):
    wall, cpu = time.perf_counter(), cpu_seconds()
    result = work()
    return result, time.perf_counter() - wall, cpu_seconds() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="copygen processes (0: one per CPU). [default: 1]")
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--libraries", action="store_true", help="also time sacrebleu's corpus_bleu + corpus_chrf")
    args = parser.parse_args(argv)

    from copygen.scoring.evaluate import score

    hyps, refs = pairs(args.pairs, args.seed)
    words = sum(len(h.split()) for h in hyps) / len(hyps)
    print(f"{len(hyps):,} pairs, {words:.1f} words per hypothesis, 1 reference each")

    report, wall, cpu = timed(lambda: score(hyps, refs, bootstrap=args.bootstrap, jobs=args.jobs))
    print(
        f"copygen evaluate, BLEU + chrF + ROUGE-1/2/L + {args.bootstrap} bootstrap resamples "
        f"(jobs={args.jobs}): {wall:.1f} s wall, {cpu:.1f} s CPU"
    )
    print("  " + ", ".join(f"{entry['name']} {entry['score']:.2f}" for entry in report["metrics"].values()))

    rouge_only, rouge_wall, rouge_cpu = timed(
        lambda: score(hyps, refs, metrics=["rouge1", "rouge2", "rougeL"], bootstrap=0, jobs=args.jobs)
    )
    print(f"copygen ROUGE-1/2/L alone: {rouge_wall:.1f} s wall, {rouge_cpu:.1f} s CPU")

    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])
    plain, plain_wall, plain_cpu = timed(lambda: [scorer.score_multi(r, h) for h, r in zip(hyps, refs)])
    print(f"rouge-score loop, ROUGE-1/2/L (score_multi per pair): {plain_wall:.1f} s wall, {plain_cpu:.1f} s CPU")
    for key in ("rouge1", "rouge2", "rougeL"):
        theirs = 100 * sum(s[key].fmeasure for s in plain) / len(plain)
        ours = rouge_only["metrics"][key]["score"]
        assert abs(theirs - ours) < 1e-9, f"{key}: copygen {ours} != rouge-score {theirs}"
    print("  same ROUGE numbers as rouge-score (to 1e-9)")
    print(
        f"ratio, ROUGE: rouge-score loop / copygen = {plain_wall / rouge_wall:.1f}x wall, {cpu_ratio(plain_cpu, rouge_cpu)} CPU"
    )
    print(f"ratio, all metrics with bootstrap vs the rouge-score loop alone: {plain_wall / wall:.1f}x wall")

    if args.libraries:
        import sacrebleu

        _, bleu_wall, bleu_cpu = timed(
            lambda: (
                sacrebleu.corpus_bleu(hyps, [[r[0] for r in refs]]),
                sacrebleu.corpus_chrf(hyps, [[r[0] for r in refs]]),
            )
        )
        total = bleu_wall + plain_wall
        print(
            f"sacrebleu corpus_bleu + corpus_chrf: {bleu_wall:.1f} s wall, {bleu_cpu:.1f} s CPU; "
            f"with the rouge-score loop {total:.1f} s: copygen is {total / wall:.1f}x faster, with bootstrap"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
