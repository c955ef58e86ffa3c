"""E2E recipe: fine-tune the embedded default on the E2E dev set, generate, and score.

Data: ../shared/data/e2e/devset.csv (Dušek, Novikova & Rieser, E2E NLG Challenge, CC BY-SA 4.0),
read in place, never copied into the repo. The file is split by MR, one of two ways:

- `values` (the default): a seeded quarter of the `name` values and a third of the `near`
  values are held out, and one value of another attribute (priceRange "£20-25"). The
  value-disjoint validation MRs are those whose name is held out and whose near is held out or
  absent; training MRs carry no held-out value at all; MRs in between are dropped. A random
  validation set ("random": every value seen in training) is drawn from the training MRs, so
  one trained model is scored on both.
- `random`: the former split, 120 validation MRs drawn to favour many attributes, the rest train.

    python bench/e2e_finetune.py prepare                        # files under bench/out/e2e/values
    python bench/e2e_finetune.py run --minutes 18 --seed 0      # the recipe: finetune, generate, score
    python bench/e2e_finetune.py run --minutes 18 --seed 1      # the same recipe, another seed
    python bench/e2e_finetune.py spread bench/out/e2e/recipe-values-s0 bench/out/e2e/recipe-values-s1
    python bench/e2e_finetune.py score bench/out/e2e/recipe-values-s0   # score a run's drafts again
    python bench/e2e_finetune.py run --seed 0 --reuse           # generate and score again, same model
    python bench/e2e_finetune.py speed --steps 12               # training tokens/s: plain fp32 loop vs copygen

The recipe (`run`'s default; flags after `--` are added to finetune): full fine-tuning in bf16
(`--full --bf16`, LoRA where finetune has no --full), copy-through of name and near
(`--copy-attributes name,near`, where finetune has it), the last step kept (no --eval, so no
mid-schedule checkpoint is picked), a cosine schedule fitted to the time budget; `generate`
with its defaults (grounded ranking of the beam's n-best, the number constraint, the model's
copy-through), beam 4. 18 minutes was 162 and 179 steps (1.2-1.3 epochs, 165-179 tokens/s) on
the idle 2-core CPU, but only 25 and 36 steps when it was shared with other work: a time budget
trains as far as the machine lets it, so compare runs of different seeds with --steps when the
machine is shared.

Reported per validation split, for each draft's best variant: BLEU (`copygen evaluate
--lowercase`, all references of an MR), attribute coverage and contradictions
(copygen.quality), copygen's own count of unsupported numbers (the "numbers" check stored
with each variant), and a slot check of this bench: values of name, near, food, area and
eatType whose text is not found in the copy (any case).
"""

from __future__ import annotations

import argparse
import csv
import functools
import importlib
import inspect
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "data" / "e2e" / "devset.csv"
OUT = ROOT / "bench" / "out" / "e2e"
VALIDATION = {8: 30, 7: 50, 6: 40}  # random split: MRs per attribute count, 120 MRs, 6.92 attributes on average
MONITORED = 30  # validation MRs written as --eval pairs (monitor-pairs.jsonl)
MR_ATTRIBUTE = re.compile(r"\s*([^\[\],]+?)\s*\[([^\]]*)\]")

# The value-disjoint split.
HELD_OUT_SHARE = {"name": 1 / 4, "near": 1 / 3}  # of the distinct values, drawn with the seed
HELD_OUT_FIXED = {"priceRange": "£20-25"}  # one more value, never seen in training (a number to copy)
MIN_DISJOINT_MRS = 60  # redraw (same seeded sequence) until the value-disjoint set has this many MRs
MIN_DISJOINT_NEAR = 25  # ... of which this many carry a (held-out) near: names and nears co-occur unevenly
MIN_TRAIN_MRS = 300  # ... and this many training-eligible MRs
RANDOM_MRS = 60  # the in-distribution validation set of the `values` split, taken out of training
SLOT_ATTRIBUTES = ("name", "near", "food", "area", "eatType")  # values the slot check looks for verbatim
RECIPE_COPY = "name,near"


def parse_mr(mr: str) -> dict[str, str]:
    """`name[The Vaults], eatType[pub]` -> {"name": "The Vaults", "eatType": "pub"}."""
    return dict(MR_ATTRIBUTE.findall(mr))


def read_devset() -> dict[str, list[str]]:
    if not DEVSET.exists():
        sys.exit(f"{DEVSET} is missing: this bench needs ../shared/data/e2e beside the repo")
    with DEVSET.open(encoding="utf-8") as handle:
        references: dict[str, list[str]] = {}
        for row in csv.DictReader(handle):
            references.setdefault(row["mr"], []).append(row["ref"])
    return references


def held_out_values(mrs: dict[str, dict[str, str]], seed: int) -> tuple[dict[str, list[str]], int]:
    """Seeded held-out values: draws from one seeded sequence until both sides are large enough."""
    rng = random.Random(seed)
    distinct = {key: sorted({a[key] for a in mrs.values() if key in a}) for key in HELD_OUT_SHARE}
    for draw in range(1, 1001):
        held = {
            key: sorted(rng.sample(values, round(len(values) * HELD_OUT_SHARE[key])))
            for key, values in distinct.items()
        }
        held.update({key: [value] for key, value in HELD_OUT_FIXED.items()})
        sides = [value_side(attributes, held) for attributes in mrs.values()]
        near = sum(side == "validation" and "near" in a for side, a in zip(sides, mrs.values(), strict=True))
        if (
            sides.count("validation") >= MIN_DISJOINT_MRS
            and near >= MIN_DISJOINT_NEAR
            and sides.count("train") >= MIN_TRAIN_MRS
        ):
            return held, draw
    sys.exit("no draw of held-out values gives a large enough split: lower the MIN_ constants")


def value_side(attributes: dict[str, str], held: dict[str, list[str]]) -> str:
    """ "validation" (held-out name, near held out or absent), "train" (no held-out value) or "dropped"."""
    if attributes.get("name") in held["name"] and ("near" not in attributes or attributes["near"] in held["near"]):
        return "validation"
    if any(attributes.get(key) in values for key, values in held.items()):
        return "dropped"
    return "train"


def split_mrs(references: dict[str, list[str]], split: str, seed: int) -> tuple[dict[str, set[str]], dict]:
    """Validation sets by name ({"random": ..., "values": ...}) and what was held out."""
    mrs = {mr: parse_mr(mr) for mr in references}
    rng = random.Random(seed)
    if split == "random":
        by_count: dict[int, list[str]] = {}
        for mr, attributes in mrs.items():
            by_count.setdefault(len(attributes), []).append(mr)
        chosen: set[str] = set()
        for count, wanted in VALIDATION.items():
            chosen.update(rng.sample(sorted(by_count[count]), wanted))
        return {"random": chosen}, {}
    held, draw = held_out_values(mrs, seed)
    sides = {mr: value_side(attributes, held) for mr, attributes in mrs.items()}
    eligible = sorted(mr for mr, side in sides.items() if side == "train")
    validation = {
        "random": set(random.Random(seed).sample(eligible, RANDOM_MRS)),
        "values": {mr for mr, side in sides.items() if side == "validation"},
    }
    dropped = sum(side == "dropped" for side in sides.values())
    return validation, {"held_out": held, "draw": draw, "dropped_mrs": dropped}


def prepare(split: str = "values", seed: int = 0) -> dict:
    """Write train.jsonl, monitor-pairs.jsonl and each validation set's products and references."""
    references = read_devset()
    validation, info = split_mrs(references, split, seed)
    out = OUT / split
    out.mkdir(parents=True, exist_ok=True)
    ids = {mr: f"mr{index:03d}" for index, mr in enumerate(references)}
    held = info.get("held_out", {})
    dropped = {mr for mr in references if held and value_side(parse_mr(mr), held) == "dropped"}
    in_validation = set().union(*validation.values())
    rows = lambda mr: [  # noqa: E731 - one row per reference, the same input
        {"id": f"{ids[mr]}-{index}", **parse_mr(mr), "copy": text} for index, text in enumerate(references[mr])
    ]
    train = [mr for mr in references if mr not in in_validation and mr not in dropped]
    write_jsonl(out / "train.jsonl", [row for mr in train for row in rows(mr)])
    monitored = [mr for mr in references if mr in validation["random"]][:MONITORED]
    write_jsonl(out / "monitor-pairs.jsonl", [row for mr in monitored for row in rows(mr)])
    summary: dict = {
        "split": split,
        "validation_sets": list(validation),
        "seed": seed,
        "train_mrs": len(train),
        "train_rows": sum(len(references[mr]) for mr in train),
    }
    for name, chosen in validation.items():
        ordered = [mr for mr in references if mr in chosen]
        write_jsonl(out / f"valid-{name}-products.jsonl", [{"id": ids[mr], **parse_mr(mr)} for mr in ordered])
        write_jsonl(out / f"valid-{name}-refs.jsonl", [{"id": ids[mr], "references": references[mr]} for mr in ordered])
        summary[f"{name}_mrs"] = len(ordered)
        summary[f"{name}_references"] = sum(len(references[mr]) for mr in ordered)
        summary[f"{name}_attributes_per_mr"] = round(sum(len(parse_mr(mr)) for mr in ordered) / len(ordered), 2)
    summary.update(info)
    if held:
        train_values = {key: {parse_mr(mr).get(key) for mr in train} for key in held}
        assert not any(value in train_values[key] for key, values in held.items() for value in values)
    (out / "split.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    return summary


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def copygen(*args: str) -> str:
    command = [sys.executable, "-m", "copygen", *args]
    print("$ copygen " + " ".join(args), file=sys.stderr, flush=True)
    return subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout


def finetune_flags() -> set[str]:
    """The flags `copygen finetune` takes today (others are changing it): read from its --help."""
    help_text = subprocess.run(
        [sys.executable, "-m", "copygen", "finetune", "--help"],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "250", "NO_COLOR": "1"},
    ).stdout
    return set(re.findall(r"--[a-z][a-z0-9-]*", help_text))


def recipe_flags(copy: str) -> list[str]:
    """The recipe's finetune flags, as far as this copygen supports them (see the module docstring)."""
    flags = finetune_flags()
    recipe = ["--full", "--bf16"] if "--full" in flags else ["--bf16"]
    if copy and copy != "none":
        if "--copy-attributes" in flags:
            recipe += ["--copy-attributes", copy]
        else:
            print("note: copygen finetune has no --copy-attributes yet: trained without copy-through", file=sys.stderr)
    return recipe


def plain_loop(steps: int) -> float:
    """The baseline of the issue: LoRA r=16 on all linear layers (peft defaults otherwise), fp32,
    batch 16, length-sorted, the model's own loss. Same pairs and batches as copygen's first epoch."""
    import torch
    from peft import LoraConfig, TaskType, get_peft_model

    from copygen.generation.engines.transformers import load_transformers
    from copygen.generation.models import resolve_model
    from copygen.prompts import load_template

    training = training_helpers()
    settings, template = training.TrainingSettings(), load_template("attributes")
    loaded = load_transformers(resolve_model(None))
    loaded.manifest = training.training_record(loaded, template, settings, None)
    pairs = training.read_pairs(str(OUT / "values" / "train.jsonl"), settings, template)
    examples = training.tokenize_pairs(pairs, loaded, 256)
    model = get_peft_model(
        loaded.model, LoraConfig(task_type=TaskType.CAUSAL_LM, r=16, lora_alpha=32, target_modules="all-linear")
    )
    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-3)
    model.train()
    tokens, started = 0, time.perf_counter()
    for indices in training.length_batches(examples, 16, 0)[:steps]:
        batch = training.collate(examples, indices, loaded.tokenizer.pad_token_id)
        model(**batch).loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        tokens += int(batch["attention_mask"].sum())
    return tokens / (time.perf_counter() - started)


def training_helpers():
    """copygen's training helpers: copygen/training/{settings,data,export}.py, or loop.py before the split."""
    try:
        from copygen.training.data import collate, length_batches, read_pairs, tokenize_pairs
        from copygen.training.export import training_record
        from copygen.training.settings import TrainingSettings
    except ImportError:  # the single-module layout
        from copygen.training.loop import (
            TrainingSettings,
            collate,
            length_batches,
            read_pairs,
            tokenize_pairs,
            training_record,
        )
    if "seq2seq" in inspect.signature(collate).parameters:  # the older collate padded seq2seq too
        collate = functools.partial(collate, seq2seq=False)
    return argparse.Namespace(
        TrainingSettings=TrainingSettings,
        collate=collate,
        length_batches=length_batches,
        read_pairs=read_pairs,
        tokenize_pairs=tokenize_pairs,
        training_record=training_record,
    )


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
                str(OUT / "values" / "train.jsonl"),
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


def run(args: argparse.Namespace) -> None:
    """Fine-tune once (the recipe plus any extra flags), then generate and score every validation set."""
    summary = prepare(args.split, args.split_seed)
    data = OUT / args.split
    folder = OUT / (args.name or f"recipe-{args.split}-s{args.seed}")
    folder.mkdir(parents=True, exist_ok=True)
    length = ["--max-steps", str(args.steps)] if args.steps else ["--time-budget", str(args.minutes), "--epochs", "100"]
    flags = [*recipe_flags(args.copy), "--seed", str(args.seed), *length, *args.extra]
    started = time.time()
    if args.reuse and (folder / "finetune.json").exists():  # generate and score again, same model
        trained = json.loads((folder / "finetune.json").read_text())
        flags = trained.pop("flags", flags)
    elif args.reuse and (folder / "model" / "copygen.json").exists():  # trained, but not by this bench
        trained = json.loads((folder / "model" / "metrics.jsonl").read_text().splitlines()[-1])
    else:
        trained = json.loads(
            copygen(
                "finetune",
                "--train",
                str(data / "train.jsonl"),
                "-o",
                str(folder / "model"),
                "--force",
                "--quiet",
                *flags,
            )
        )
        (folder / "finetune.json").write_text(json.dumps({**trained, "flags": flags}) + "\n")
    print("finetune:", json.dumps(trained), flush=True)
    timings = {"finetune_minutes": round((time.time() - started) / 60, 1)}
    for name in summary["validation_sets"]:
        began = time.time()
        copygen(
            "generate",
            str(data / f"valid-{name}-products.jsonl"),
            "-m",
            str(folder / "model"),
            "-o",
            str(folder / f"drafts-{name}.jsonl"),
            "--force",
            "--num-beams",
            "4",
            "--num-variants",
            "1",
            "--no-repeat-ngram-size",
            "0",
            "--quiet",
        )
        timings[f"generate_{name}_minutes"] = round((time.time() - began) / 60, 1)
    record = {"finetune_flags": flags, "finetune": trained, "split": summary, "timings": timings}
    (folder / "run.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    score(folder, data)
    print(f"total minutes: {(time.time() - started) / 60:.1f}", flush=True)


def score(folder: Path, data: Path | None = None) -> dict:
    """BLEU, coverage, contradictions, unsupported numbers and slot misses of a run's drafts, per split."""
    if data is None:
        data = OUT / json.loads((folder / "run.json").read_text())["split"]["split"]
    report = {}
    for drafts in sorted(folder.glob("drafts-*.jsonl")):
        name = drafts.stem[len("drafts-") :]
        scores = json.loads(
            copygen(
                "evaluate",
                str(drafts),
                "--refs",
                str(data / f"valid-{name}-refs.jsonl"),
                "--lowercase",
                "--metric",
                "bleu,rougeL",
                "--json",
            )
        )
        entry = {key: round(value["score"], 2) for key, value in scores["metrics"].items()}
        entry.update(
            best_variant_checks([json.loads(line) for line in drafts.read_text(encoding="utf-8").splitlines()])
        )
        report[name] = entry
    (folder / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    for name, entry in report.items():
        print(f"{name}: " + ", ".join(f"{key} {value}" for key, value in entry.items()), flush=True)
    return report


def spread(folders: list[Path]) -> None:
    """Each figure of each split: one column per run, then the mean and the spread (max - min)."""
    reports = [json.loads((folder / "report.json").read_text()) for folder in folders]
    print("| split | figure | " + " | ".join(folder.name for folder in folders) + " | mean | spread |")
    print("|---" * (len(folders) + 4) + "|")
    for split in reports[0]:
        for key, first in reports[0][split].items():
            values = [report.get(split, {}).get(key) for report in reports]
            cells = " | ".join(str(value) for value in values)
            if isinstance(first, (int, float)) and all(isinstance(value, (int, float)) for value in values):
                mean, width = sum(values) / len(values), max(values) - min(values)
                print(f"| {split} | {key} | {cells} | {mean:.2f} | {width:.2f} |")
            else:
                print(f"| {split} | {key} | {cells} | | |")


def best_variant_checks(drafts: list[dict]) -> dict:
    """Checks of each draft's best variant: copygen.quality's and this bench's slot check."""
    from copygen.quality.grounding import attribute_coverage, unsupported_numbers

    contradicted = find_contradictions()
    coverage, numbers, contradiction_count, with_contradiction = [], 0, 0, 0
    slots, missed, with_miss, unclean = 0, 0, 0, 0
    for draft in drafts:
        attributes = {key: value for key, value in draft["attributes"].items() if key != "id"}
        variant = draft["variants"][0]
        text = variant["text"]
        coverage.append(attribute_coverage(attributes, text) or 0.0)
        stored = [check for check in variant.get("checks", []) if check["check"] == "numbers"]
        numbers += (not stored[0]["passed"]) if stored else bool(unsupported_numbers(attributes, text))
        unclean += draft.get("clean") is False
        if contradicted is not None:
            found = contradicted(attributes, text)
            count = found if isinstance(found, int) else len(found)
            contradiction_count += count
            with_contradiction += count > 0
        values = [attributes[key] for key in SLOT_ATTRIBUTES if key in attributes]
        misses = sum(value.lower() not in text.lower() for value in values)
        slots, missed, with_miss = slots + len(values), missed + misses, with_miss + (misses > 0)
    total = len(drafts)
    found = {
        "drafts": total,
        "coverage": round(100 * sum(coverage) / total, 2),
        "unsupported_number_drafts": numbers,
        "unclean_drafts": unclean,
        "slot_miss_rate": round(100 * missed / slots, 2),
        "drafts_with_slot_miss": with_miss,
    }
    if contradicted is None:
        found["contradictions"] = "unavailable (no contradictions() in copygen.quality)"
    else:
        found["contradictions"] = contradiction_count
        found["drafts_with_contradiction"] = with_contradiction
    return found


def find_contradictions():
    """copygen.quality's `contradictions(attributes, text)`, wherever it lives, or None before it exists."""
    package = importlib.import_module("copygen.quality")
    for path in [Path(package.__file__)] + sorted(Path(package.__file__).parent.glob("*.py")):
        name = "copygen.quality" if path.stem == "__init__" else f"copygen.quality.{path.stem}"
        function = getattr(importlib.import_module(name), "contradictions", None)
        if callable(function):
            return function
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    prepare_parser = sub.add_parser("prepare")
    prepare_parser.add_argument("--split", choices=["values", "random"], default="values")
    prepare_parser.add_argument("--split-seed", type=int, default=0, help="seed of the split")
    speed_parser = sub.add_parser("speed")
    speed_parser.add_argument("--steps", type=int, default=12)
    run_parser = sub.add_parser("run")
    run_parser.add_argument("--split", choices=["values", "random"], default="values")
    run_parser.add_argument("--split-seed", type=int, default=0, help="seed of the split (keep it between runs)")
    run_parser.add_argument("--seed", type=int, default=0, help="finetune's seed")
    run_parser.add_argument("--minutes", type=float, default=18, help="training time budget (minutes)")
    run_parser.add_argument("--steps", type=int, help="train exactly this many steps instead")
    run_parser.add_argument("--copy", default=RECIPE_COPY, help="--copy-attributes for finetune, or none")
    run_parser.add_argument("--name", help="folder under bench/out/e2e (default recipe-SPLIT-sSEED)")
    run_parser.add_argument("--reuse", action="store_true", help="keep the folder's trained model: generate and score")
    run_parser.add_argument("extra", nargs="*", help="more finetune flags, after --")
    score_parser = sub.add_parser("score")
    score_parser.add_argument("folder", type=Path, help="a run's folder (bench/out/e2e/NAME)")
    spread_parser = sub.add_parser("spread", help="figures of several runs side by side, with their mean and spread")
    spread_parser.add_argument("folders", type=Path, nargs="+", help="runs' folders (bench/out/e2e/NAME)")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.split, args.split_seed)
    elif args.command == "speed":
        speed(args.steps)
    elif args.command == "score":
        score(args.folder)
    elif args.command == "spread":
        spread(args.folders)
    else:
        run(args)


if __name__ == "__main__":
    main()
