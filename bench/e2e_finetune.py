"""E2E recipe: fine-tune the embedded default on the E2E dev set, generate, and score.

Data: ../shared/data/e2e/devset.csv (Dušek, Novikova & Rieser, E2E NLG Challenge, CC BY-SA 4.0),
read in place, never copied into the repo. The file is split by MR: 120 validation MRs drawn
to favour many attributes (6.9 per MR on average, like the sets that matter), the rest train.

    python bench/e2e_finetune.py prepare            # pairs + validation files under bench/out/e2e
    python bench/e2e_finetune.py speed --steps 12   # training tokens/s: plain fp32 loop vs copygen's
    python bench/e2e_finetune.py run --minutes 60   # finetune, generate (beam 4), evaluate
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "data" / "e2e" / "devset.csv"
OUT = ROOT / "bench" / "out" / "e2e"
VALIDATION = {8: 30, 7: 50, 6: 40}  # MRs per attribute count: 120 MRs, 6.92 attributes on average
MR_ATTRIBUTE = re.compile(r"\s*([^\[\],]+?)\s*\[([^\]]*)\]")


def parse_mr(mr: str) -> dict[str, str]:
    """`name[The Vaults], eatType[pub]` -> {"name": "The Vaults", "eatType": "pub"}."""
    return {key: value for key, value in MR_ATTRIBUTE.findall(mr)}


def prepare(seed: int = 0) -> dict:
    if not DEVSET.exists():
        sys.exit(f"{DEVSET} is missing: this bench needs ../shared/data/e2e beside the repo")
    with DEVSET.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    references: dict[str, list[str]] = {}
    for row in rows:
        references.setdefault(row["mr"], []).append(row["ref"])
    by_count: dict[int, list[str]] = {}
    for mr in references:
        by_count.setdefault(len(parse_mr(mr)), []).append(mr)
    rng = random.Random(seed)
    validation = set()
    for count, wanted in VALIDATION.items():
        validation.update(rng.sample(sorted(by_count[count]), wanted))
    OUT.mkdir(parents=True, exist_ok=True)
    ids = {mr: f"mr{index:03d}" for index, mr in enumerate(references)}
    with (OUT / "train.jsonl").open("w", encoding="utf-8") as train, \
         (OUT / "valid-pairs.jsonl").open("w", encoding="utf-8") as pairs, \
         (OUT / "valid-products.jsonl").open("w", encoding="utf-8") as products, \
         (OUT / "valid-refs.jsonl").open("w", encoding="utf-8") as refs:
        for mr, texts in references.items():
            attributes = {"id": ids[mr], **parse_mr(mr)}
            if mr in validation:
                products.write(json.dumps(attributes) + "\n")
                refs.write(json.dumps({"id": ids[mr], "references": texts}) + "\n")
                pairs.write(json.dumps({**attributes, "copy": texts[0]}) + "\n")
            else:
                for index, text in enumerate(texts):
                    train.write(json.dumps({**attributes, "id": f"{ids[mr]}-{index}", "copy": text}) + "\n")
    mean = sum(len(parse_mr(mr)) for mr in validation) / len(validation)
    summary = {"train_mrs": len(references) - len(validation), "validation_mrs": len(validation),
               "validation_attributes_per_mr": round(mean, 2),
               "train_rows": sum(len(t) for mr, t in references.items() if mr not in validation)}
    print(json.dumps(summary))
    return summary


def copygen(*args: str) -> str:
    command = [sys.executable, "-m", "copygen", *args]
    print("$ copygen " + " ".join(args), file=sys.stderr, flush=True)
    return subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout


def speed(steps: int) -> None:
    """Training tokens/s of the plain loop (fp32) against copygen's fastest CPU setting, same run."""
    prepare()
    results = {}
    for label, extra in (("plain fp32", []), ("copygen bf16", ["--bf16"])):
        out = OUT / f"speed-{label.split()[1]}"
        summary = json.loads(copygen("finetune", "--train", str(OUT / "train.jsonl"), "-o", str(out), "--force",
                                     "--max-steps", str(steps), "--batch-size", "16", "--eval-every", "100000",
                                     "--quiet", *extra))
        results[label] = summary["tokens_per_second"]
        print(f"{label}: {summary['tokens_per_second']} tokens/s over {steps} steps", flush=True)
    print(f"ratio: {results['copygen bf16'] / results['plain fp32']:.2f}x")


def run(minutes: float, extra: list[str]) -> None:
    prepare()
    model = OUT / "model"
    started = time.time()
    summary = json.loads(copygen("finetune", "--train", str(OUT / "train.jsonl"), "--eval", str(OUT / "valid-pairs.jsonl"),
                                 "-o", str(model), "--force", "--time-budget", str(minutes), "--epochs", "100",
                                 "--eval-every", "100", "--quiet", *extra))
    print("finetune:", json.dumps(summary), flush=True)
    copygen("generate", str(OUT / "valid-products.jsonl"), "-m", str(model), "-o", str(OUT / "drafts.jsonl"),
            "--force", "--num-beams", "4", "--num-variants", "1", "--no-repeat-ngram-size", "0", "--quiet")
    print("evaluate:", copygen("evaluate", str(OUT / "drafts.jsonl"), "--refs", str(OUT / "valid-refs.jsonl"),
                               "--lowercase", "--json"), flush=True)
    print(f"total minutes: {(time.time() - started) / 60:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare")
    speed_parser = sub.add_parser("speed")
    speed_parser.add_argument("--steps", type=int, default=12)
    run_parser = sub.add_parser("run")
    run_parser.add_argument("--minutes", type=float, default=60)
    run_parser.add_argument("extra", nargs="*", help="more finetune flags, after --")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare()
    elif args.command == "speed":
        speed(args.steps)
    else:
        run(args.minutes, args.extra)


if __name__ == "__main__":
    main()
