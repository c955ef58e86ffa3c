"""E2E recipe: fine-tune the embedded default on the E2E dev set, generate, and score.

Data: ../shared/data/e2e/devset.csv (Dušek, Novikova & Rieser, E2E NLG Challenge, CC BY-SA 4.0),
read in place, never copied into the repo. The file is split by MR: 120 validation MRs drawn
to favour many attributes (6.9 per MR on average, like the sets that matter), the rest train.

    python bench/e2e_finetune.py prepare            # pairs + validation files under bench/out/e2e
    python bench/e2e_finetune.py speed --steps 12   # training tokens/s: a plain fp32 loop vs copygen's
    python bench/e2e_finetune.py run --minutes 60 -- --bf16   # finetune, generate (beam 4), evaluate

While training, BLEU/ROUGE-L are decoded every 250 steps for the first 30 validation MRs
(against all their references); the figures to report are the final ones, on all 120.
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
MONITORED = 30  # validation MRs evaluated while training
MR_ATTRIBUTE = re.compile(r"\s*([^\[\],]+?)\s*\[([^\]]*)\]")


def parse_mr(mr: str) -> dict[str, str]:
    """`name[The Vaults], eatType[pub]` -> {"name": "The Vaults", "eatType": "pub"}."""
    return dict(MR_ATTRIBUTE.findall(mr))


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
    with (
        (OUT / "train.jsonl").open("w", encoding="utf-8") as train,
        (OUT / "monitor-pairs.jsonl").open("w", encoding="utf-8") as pairs,
        (OUT / "valid-products.jsonl").open("w", encoding="utf-8") as products,
        (OUT / "valid-refs.jsonl").open("w", encoding="utf-8") as refs,
    ):
        monitored = 0
        for mr, texts in references.items():
            attributes = {"id": ids[mr], **parse_mr(mr)}
            if mr in validation:
                products.write(json.dumps(attributes) + "\n")
                refs.write(json.dumps({"id": ids[mr], "references": texts}) + "\n")
                if monitored < MONITORED:  # one row per reference, the same input
                    monitored += 1
                    for index, text in enumerate(texts):
                        pairs.write(json.dumps({**attributes, "id": f"{ids[mr]}-{index}", "copy": text}) + "\n")
            else:
                for index, text in enumerate(texts):
                    train.write(json.dumps({**attributes, "id": f"{ids[mr]}-{index}", "copy": text}) + "\n")
    mean = sum(len(parse_mr(mr)) for mr in validation) / len(validation)
    summary = {
        "train_mrs": len(references) - len(validation),
        "validation_mrs": len(validation),
        "validation_attributes_per_mr": round(mean, 2),
        "train_rows": sum(len(t) for mr, t in references.items() if mr not in validation),
    }
    print(json.dumps(summary))
    return summary


def copygen(*args: str) -> str:
    command = [sys.executable, "-m", "copygen", *args]
    print("$ copygen " + " ".join(args), file=sys.stderr, flush=True)
    return subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout


def plain_loop(steps: int) -> float:
    """The baseline of the issue: LoRA r=16 on all linear layers (peft defaults otherwise), fp32,
    batch 16, length-sorted, the model's own loss. Same pairs and batches as copygen's first epoch."""
    import torch
    from peft import LoraConfig, TaskType, get_peft_model

    from copygen.generation.engines.transformers import load_transformers
    from copygen.generation.models import resolve_model
    from copygen.prompts import load_template
    from copygen.training.loop import (
        TrainingSettings,
        collate,
        length_batches,
        read_pairs,
        tokenize_pairs,
        training_record,
    )

    settings, template = TrainingSettings(), load_template("attributes")
    loaded = load_transformers(resolve_model(None))
    loaded.manifest = training_record(loaded, template, settings, None)
    examples = tokenize_pairs(read_pairs(str(OUT / "train.jsonl"), settings, template), loaded, 256)
    model = get_peft_model(
        loaded.model, LoraConfig(task_type=TaskType.CAUSAL_LM, r=16, lora_alpha=32, target_modules="all-linear")
    )
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    model.train()
    tokens, started = 0, time.perf_counter()
    for indices in length_batches(examples, 16, 0)[:steps]:
        batch = collate(examples, indices, loaded.tokenizer.pad_token_id, seq2seq=False)
        model(**batch).loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        tokens += int(batch["attention_mask"].sum())
    return tokens / (time.perf_counter() - started)


def speed(steps: int) -> None:
    """Training tokens/s: the plain fp32 loop against copygen in fp32 and with --bf16, same run."""
    prepare()
    results = {"plain loop, fp32": plain_loop(steps)}
    print(f"plain loop, fp32: {results['plain loop, fp32']:.1f} tokens/s over {steps} steps", flush=True)
    for label, extra in (("copygen, fp32", []), ("copygen, --bf16", ["--bf16"])):
        summary = json.loads(
            copygen(
                "finetune",
                "--train",
                str(OUT / "train.jsonl"),
                "-o",
                str(OUT / "speed"),
                "--force",
                "--max-steps",
                str(steps),
                "--quiet",
                *extra,
            )
        )
        results[label] = summary["tokens_per_second"]
        print(
            f"{label}: {results[label]} tokens/s over {steps} steps "
            f"({results[label] / results['plain loop, fp32']:.2f}x the plain loop)",
            flush=True,
        )


def run(minutes: float, steps: int | None, name: str, extra: list[str]) -> None:
    """Fine-tune for `minutes` (or exactly `steps`), generate the 120 validation MRs, score them."""
    prepare()
    folder = OUT / name
    length = ["--max-steps", str(steps)] if steps else ["--time-budget", str(minutes), "--epochs", "100"]
    started = time.time()
    summary = json.loads(
        copygen(
            "finetune",
            "--train",
            str(OUT / "train.jsonl"),
            "--eval",
            str(OUT / "monitor-pairs.jsonl"),
            "-o",
            str(folder / "model"),
            "--force",
            *length,
            "--eval-every",
            "250",
            "--eval-sample",
            str(MONITORED),
            "--quiet",
            *extra,
        )
    )
    print("finetune:", json.dumps(summary), flush=True)
    copygen(
        "generate",
        str(OUT / "valid-products.jsonl"),
        "-m",
        str(folder / "model"),
        "-o",
        str(folder / "drafts.jsonl"),
        "--force",
        "--num-beams",
        "4",
        "--num-variants",
        "1",
        "--no-repeat-ngram-size",
        "0",
        "--quiet",
    )
    scores = copygen(
        "evaluate",
        str(folder / "drafts.jsonl"),
        "--refs",
        str(OUT / "valid-refs.jsonl"),
        "--lowercase",
        "--metric",
        "bleu,rougeL,rougeL-coco",
        "--json",
    )
    (folder / "scores.json").write_text(scores)
    for _key, entry in json.loads(scores)["metrics"].items():
        print(f"{entry['name']}: {entry['score']:.2f} (95% CI {entry['ci95']['low']:.2f}-{entry['ci95']['high']:.2f})")
    print(f"total minutes: {(time.time() - started) / 60:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("prepare")
    speed_parser = sub.add_parser("speed")
    speed_parser.add_argument("--steps", type=int, default=12)
    run_parser = sub.add_parser("run")
    run_parser.add_argument("--minutes", type=float, default=60, help="training time budget")
    run_parser.add_argument("--steps", type=int, help="train exactly this many steps instead")
    run_parser.add_argument("--name", default="recipe", help="folder under bench/out/e2e for this run")
    run_parser.add_argument("extra", nargs="*", help="more finetune flags, after --")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare()
    elif args.command == "speed":
        speed(args.steps)
    else:
        run(args.minutes, args.steps, args.name, args.extra)


if __name__ == "__main__":
    main()
