"""Fine-tune a seq2seq (T5) or causal (GPT-2, Llama/SmolLM2) model on attribute -> copy pairs.

Pairs are product records plus a target column. Inputs are rendered by the same templates
`generate` uses, tokenized once, and batched by length so little compute goes to padding.
accelerate places the work (CPU here, one or many GPUs with `accelerate launch`); peft adds
LoRA (the default for causal models). The output folder holds merged weights and a
`copygen.json` recording the template and input format, so `generate --model DIR` just works.
"""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from copygen.errors import InputError, OutputError
from copygen.generation.engines.transformers import TransformersEngine, load_transformers
from copygen.generation.models import MANIFEST_FILE, LoadedModel, resolve_model
from copygen.io.products import read_products
from copygen.machine import cpu_threads
from copygen.prompts import check_columns, load_template, render_prompt
from copygen.text import tidy

PROMPT_SUFFIX = "\nDescription:"
DEFAULT_TEMPLATE = "attributes"


@dataclass
class TrainingSettings:
    """What to train and how; `--full` turns LoRA off."""

    target_column: str = "copy"
    template: str = DEFAULT_TEMPLATE
    full: bool | None = None  # None: LoRA for causal models, full for seq2seq
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.0  # peft's default; dropout costs a sixth of a CPU step
    learning_rate: float | None = None  # None: 1e-3 with LoRA, 1e-4 full
    warmup: float = 0.03
    epochs: float = 1.0
    max_steps: int | None = None
    batch_size: int = 16
    grad_accumulation: int = 1
    max_length: int = 256
    seed: int = 0
    time_budget_minutes: float | None = None
    eval_every: int = 50
    eval_sample: int = 32  # distinct inputs decoded per evaluation
    best_by: str = "loss"  # "loss" (eval loss, all --eval pairs) or "bleu" (decoded sample: noisier)
    bf16: bool = False
    dedupe: bool = True
    id_column: str = "id"


@dataclass
class Pair:
    id: str
    attributes: dict[str, Any]
    prompt: str
    target: str


@dataclass
class Progress:
    """Where training stands; saved with each checkpoint so --resume continues exactly."""

    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0
    seconds: float = 0.0
    tokens: int = 0
    best_metric: float | None = None
    best_step: int | None = None


def read_pairs(path: str, settings: TrainingSettings, template, *, on_skip=None) -> list[Pair]:
    """Training or evaluation pairs: rendered prompts and their target copy."""
    products = list(read_products(path, id_column=settings.id_column, on_skip=on_skip))
    columns = list(dict.fromkeys(key for product in products for key in product.attributes))
    if settings.target_column not in columns:
        raise InputError(
            f'{path} has no target column "{settings.target_column}" (--target-column); '
            f"its columns are: {', '.join(columns)}"
        )
    check_columns(template, [c for c in columns if c != settings.target_column], path)
    pairs, seen = [], set()
    for product in products:
        target = product.attributes.get(settings.target_column)
        if target is None or not str(target).strip():
            raise InputError(f'{path}, line {product.line}: the target column "{settings.target_column}" is empty')
        attributes = {k: v for k, v in product.attributes.items() if k != settings.target_column}
        prompt = render_prompt(
            template,
            attributes,
            product_id=product.id,
            columns=[c for c in columns if c != settings.target_column],
            exclude=[settings.id_column],
        )
        key = (prompt, tidy(str(target)))
        if settings.dedupe and key in seen:
            continue
        seen.add(key)
        pairs.append(Pair(id=product.id, attributes=attributes, prompt=prompt, target=key[1]))
    return pairs


def tokenize_pairs(pairs: list[Pair], loaded: LoadedModel, max_length: int) -> list[dict[str, list[int]]]:
    """Token ids once, up front. Causal: prompt masked out of the loss, EOS appended."""
    tokenizer, eos = loaded.tokenizer, loaded.tokenizer.eos_token_id
    examples = []
    for pair in pairs:
        if loaded.architecture == "seq2seq":
            source = tokenizer(pair.prompt, truncation=True, max_length=max_length)["input_ids"]
            target = tokenizer(pair.target, add_special_tokens=False)["input_ids"][: max_length - 1]
            if not target or target[-1] != eos:
                target = target + [eos]
            examples.append({"input_ids": source, "labels": target})
        else:
            # Tokenized exactly as generate tokenizes a plain prompt (special tokens included).
            prompt = tokenizer(pair.prompt + loaded.manifest.get("prompt_suffix", PROMPT_SUFFIX))["input_ids"]
            target = tokenizer(" " + pair.target, add_special_tokens=False)["input_ids"] + [eos]
            ids = (prompt + target)[-max_length:]
            cut = len(prompt) + len(target) - len(ids)
            labels = ([-100] * max(0, len(prompt) - cut) + target)[-len(ids) :]
            examples.append({"input_ids": ids, "labels": labels})
    return examples


def length_batches(examples: list[dict], batch_size: int, seed: int) -> list[list[int]]:
    """Batches of similar length (little padding), in a seeded random order."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i]["input_ids"]) + len(examples[i]["labels"]))
    batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    random.Random(seed).shuffle(batches)
    return batches


def collate(examples: list[dict], indices: list[int], pad_id: int, seq2seq: bool):
    import torch

    def pad(rows, value, left):
        width = max(len(row) for row in rows)
        return torch.tensor([[value] * (width - len(r)) + r if left else r + [value] * (width - len(r)) for r in rows])

    inputs = [examples[i]["input_ids"] for i in indices]
    labels = [examples[i]["labels"] for i in indices]
    input_ids = pad(inputs, pad_id, left=False)
    attention = pad([[1] * len(r) for r in inputs], 0, left=False)
    return {"input_ids": input_ids, "attention_mask": attention, "labels": pad(labels, -100, left=False)}


def training_record(loaded: LoadedModel, template, settings: TrainingSettings, base: str | None) -> dict:
    return {
        "architecture": loaded.architecture,
        "prompt_format": "plain",
        "prompt_suffix": PROMPT_SUFFIX if loaded.architecture == "causal" else "",
        "template_name": template.name,
        "template_source": template.source,
        "target_column": settings.target_column,
        "base_model": base or "smollm2-135m-instruct (embedded default)",
        "lora": not settings.full,
    }


def finetune(
    train: str,
    output: str,
    *,
    model: str | None = None,
    eval_pairs: str | None = None,
    settings: TrainingSettings | None = None,
    resume: bool = False,
    force: bool = False,
    on_step: Callable[[dict], None] | None = None,
    on_message: Callable[[str], None] | None = None,
) -> dict:
    """Train and save a model folder that `copygen generate --model OUTPUT` uses as is.

    Returns a summary (steps, tokens/s, best evaluation). Interrupted runs (Ctrl-C, SIGTERM,
    the time budget) save a checkpoint first; `resume=True` continues from it.
    """
    import torch
    from accelerate import Accelerator
    from transformers import set_seed

    settings = settings or TrainingSettings()
    say = on_message or (lambda message: None)
    out = Path(output)
    state_dir = out / "checkpoints" / "last"
    if resume and not (state_dir / "progress.json").exists() and state_dir.with_name(".last-old").exists():
        os.replace(state_dir.with_name(".last-old"), state_dir)  # killed in the middle of a swap
    if resume and not (state_dir / "progress.json").exists():
        raise OutputError(f"nothing to resume in {out}: no checkpoint there; run without --resume")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file: --output takes a folder for the fine-tuned model")
    if not resume and out.exists() and any(out.iterdir()) and not force:
        raise OutputError(f"{out} exists and is not empty: pass --force to replace it, or --resume to continue")

    template = load_template(settings.template)
    train_pairs = read_pairs(train, settings, template)
    valid_pairs = read_pairs(eval_pairs, settings, template) if eval_pairs else []
    loaded = load_transformers(resolve_model(model))
    if settings.full is None:
        settings.full = loaded.architecture == "seq2seq"
    if settings.learning_rate is None:
        settings.learning_rate = 1e-4 if settings.full else 1e-3
    loaded.manifest = training_record(loaded, template, settings, model)
    set_seed(settings.seed)
    torch.set_num_threads(cpu_threads())

    # bf16: with LoRA the frozen base is stored in bf16 (adapters stay fp32), which avoids
    # autocast's per-step weight casts; full fine-tuning keeps fp32 weights under autocast.
    lora_bf16 = settings.bf16 and not settings.full
    accelerator = Accelerator(
        gradient_accumulation_steps=settings.grad_accumulation,
        mixed_precision="bf16" if settings.bf16 and settings.full else "no",
    )
    network = loaded.model.to(torch.bfloat16) if lora_bf16 else loaded.model
    if not settings.full:
        from peft import LoraConfig, TaskType, get_peft_model

        task = TaskType.SEQ_2_SEQ_LM if loaded.architecture == "seq2seq" else TaskType.CAUSAL_LM
        network = get_peft_model(
            network,
            LoraConfig(
                task_type=task,
                r=settings.lora_r,
                lora_alpha=settings.lora_alpha,
                lora_dropout=settings.lora_dropout,
                target_modules="all-linear",
            ),
        )
    network.train()
    train_examples = tokenize_pairs(train_pairs, loaded, settings.max_length)
    valid_examples = tokenize_pairs(valid_pairs, loaded, settings.max_length)
    batches_per_epoch = len(length_batches(train_examples, settings.batch_size, 0))
    updates_per_epoch = max(1, math.ceil(batches_per_epoch / settings.grad_accumulation / accelerator.num_processes))
    total_steps = settings.max_steps or max(1, math.ceil(settings.epochs * updates_per_epoch))

    trainable = [p for p in network.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=settings.learning_rate, weight_decay=0.0)
    progress = Progress()
    budget = settings.time_budget_minutes * 60 if settings.time_budget_minutes else None

    def schedule(_: int) -> float:
        # Linear warm-up, then cosine decay over steps or the time budget, whichever runs out first.
        done = max(progress.step / total_steps, progress.seconds / budget if budget else 0.0)
        if done < settings.warmup:
            return max(done / settings.warmup, 0.01)
        return 0.5 * (1 + math.cos(math.pi * min(1.0, (done - settings.warmup) / (1 - settings.warmup))))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    network, optimizer, scheduler = accelerator.prepare(network, optimizer, scheduler)
    if resume:
        accelerator.load_state(str(state_dir))
        progress = Progress(**json.loads((state_dir / "progress.json").read_text()))
        say(f"Resuming at step {progress.step} (epoch {progress.epoch + 1}, batch {progress.batch_in_epoch})")
    out.mkdir(parents=True, exist_ok=True)
    metrics_path = out / "metrics.jsonl"
    if not resume:
        metrics_path.write_text("")
    elif metrics_path.exists():
        # Entries are logged before their checkpoint: drop those past it, they will be redone.
        kept = [
            line
            for line in metrics_path.read_text().splitlines()
            if line.strip() and json.loads(line).get("step", 0) <= progress.step
        ]
        metrics_path.write_text("".join(line + "\n" for line in kept))

    def log(entry: dict) -> None:
        if accelerator.is_main_process:
            with metrics_path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry) + "\n")
        if on_step:
            on_step(entry)

    def save_checkpoint() -> None:
        # Written beside the last one and swapped in, so a kill mid-save keeps the previous one.
        staging, old = state_dir.with_name(".last-new"), state_dir.with_name(".last-old")
        shutil.rmtree(staging, ignore_errors=True)
        accelerator.save_state(str(staging))
        (staging / "progress.json").write_text(json.dumps(asdict(progress)))
        if state_dir.exists():
            os.replace(state_dir, old)
        os.replace(staging, state_dir)
        shutil.rmtree(old, ignore_errors=True)

    def evaluate_now() -> dict:
        entry = {"step": progress.step, "eval_loss": round(eval_loss(network, valid_examples, loaded, settings), 4)}
        entry.update(decode_scores(accelerator.unwrap_model(network), loaded, valid_pairs, settings.eval_sample))
        network.train()
        metric = entry["bleu"] if settings.best_by == "bleu" else -entry["eval_loss"]  # higher is better
        if progress.best_metric is None or metric > progress.best_metric:
            progress.best_metric, progress.best_step = metric, progress.step
            save_trainable(accelerator.unwrap_model(network), out / "checkpoints" / "best.safetensors")
            entry["best"] = True
        return entry

    pad_id = loaded.tokenizer.pad_token_id
    seq2seq = loaded.architecture == "seq2seq"
    started = time.perf_counter() - progress.seconds
    stopped_by = "steps"
    try:
        while progress.step < total_steps:
            batches = length_batches(train_examples, settings.batch_size, settings.seed + progress.epoch)
            batches = batches[accelerator.process_index :: accelerator.num_processes]
            window_loss, window_tokens = 0.0, 0
            for position in range(progress.batch_in_epoch, len(batches)):
                batch = {
                    k: v.to(accelerator.device)
                    for k, v in collate(train_examples, batches[position], pad_id, seq2seq).items()
                }
                with accelerator.accumulate(network):
                    loss = training_loss(network, batch, seq2seq)
                    accelerator.backward(loss)
                    optimizer.step()
                    scheduler.step()
                    optimizer.zero_grad()
                progress.batch_in_epoch = position + 1
                tokens = int(batch["attention_mask"].sum()) + (int((batch["labels"] != -100).sum()) if seq2seq else 0)
                progress.tokens += tokens
                window_loss += float(loss.detach())
                window_tokens += 1
                if not accelerator.sync_gradients:
                    continue
                progress.step += 1
                progress.seconds = time.perf_counter() - started
                entry = {
                    "step": progress.step,
                    "total_steps": total_steps,
                    "epoch": progress.epoch + 1,
                    "loss": round(window_loss / window_tokens, 4),
                    "lr": scheduler.get_last_lr()[0],
                    "tokens_per_second": round(progress.tokens / max(progress.seconds, 1e-9), 1),
                    "seconds": round(progress.seconds, 1),
                }
                window_loss, window_tokens = 0.0, 0
                if progress.step % settings.eval_every == 0 and valid_pairs:
                    entry.update(evaluate_now())
                log(entry)
                if progress.step % settings.eval_every == 0:
                    save_checkpoint()
                if budget and progress.seconds >= budget:
                    stopped_by = "time budget"
                    break
                if progress.step >= total_steps:
                    break
            if stopped_by == "time budget":
                break
            if progress.batch_in_epoch >= len(batches):
                progress.epoch += 1
                progress.batch_in_epoch = 0
        progress.seconds = time.perf_counter() - started
        save_checkpoint()  # before the last evaluation, which can take minutes
        if valid_pairs and progress.step % settings.eval_every:
            log(evaluate_now())
            save_checkpoint()
    except KeyboardInterrupt:
        progress.seconds = time.perf_counter() - started
        save_checkpoint()
        raise
    final = accelerator.unwrap_model(network)
    if valid_pairs:
        load_trainable(final, out / "checkpoints" / "best.safetensors")
    save_model_folder(final, loaded, out, settings)
    summary = {
        "steps": progress.step,
        "epochs": round(progress.step / updates_per_epoch, 2),
        "seconds": round(progress.seconds, 1),
        "tokens": progress.tokens,
        "tokens_per_second": round(progress.tokens / max(progress.seconds, 1e-9), 1),
        "stopped_by": stopped_by,
        "best_step": progress.best_step,
        "output": str(out),
        "train_pairs": len(train_pairs),
        "eval_pairs": len(valid_pairs),
    }
    if progress.best_metric is not None:
        if settings.best_by == "bleu":
            summary["best_bleu"] = progress.best_metric
        else:
            summary["best_eval_loss"] = -progress.best_metric
    return summary


def training_loss(network, batch: dict, seq2seq: bool):
    """Mean cross-entropy on the copy tokens. Causal models compute logits only from the first
    copy position of the batch on: the vocabulary projection is a fifth of a small model's step."""
    import torch
    import torch.nn.functional as F

    if seq2seq:
        return network(**batch).loss
    labels = batch["labels"]
    first = max(1, int((labels != -100).int().argmax(dim=1).min()))
    # Positions as a tensor: the model gathers them into a contiguous copy (an int keeps a strided
    # slice, whose bf16 matmul and backward take a slow path on CPU: 1.35x slower steps).
    positions = torch.arange(first - 1, labels.shape[1], device=labels.device)
    logits = network(
        input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], logits_to_keep=positions
    ).logits
    # logits[:, j] sits at position first - 1 + j and predicts the token at first + j.
    return F.cross_entropy(logits[:, :-1].flatten(0, 1).float(), labels[:, first:].flatten(), ignore_index=-100)


def eval_loss(network, examples: list[dict], loaded: LoadedModel, settings: TrainingSettings) -> float:
    import torch

    if not examples:
        return float("nan")
    network.eval()
    total, count = 0.0, 0
    with torch.inference_mode():
        for indices in length_batches(examples, settings.batch_size, 0):
            batch = collate(examples, indices, loaded.tokenizer.pad_token_id, loaded.architecture == "seq2seq")
            batch = {k: v.to(next(network.parameters()).device) for k, v in batch.items()}
            total += float(training_loss(network, batch, loaded.architecture == "seq2seq")) * len(indices)
            count += len(indices)
    return total / count


def decode_scores(network, loaded: LoadedModel, pairs: list[Pair], sample: int) -> dict:
    """BLEU (case-insensitive) and ROUGE-L of beam-search copy for the first `sample` distinct
    inputs of the evaluation pairs, decoded by the code `generate` uses and scored by `evaluate`
    against every copy given for that input (multi-reference, as in the E2E challenge)."""
    from copygen.generation.pipeline import model_input_text
    from copygen.generation.settings import GenerationSettings
    from copygen.scoring.evaluate import score

    references: dict[str, list[str]] = {}
    for pair in pairs:
        if pair.prompt in references or len(references) < sample:
            references.setdefault(pair.prompt, []).append(pair.target)
    if not references:
        return {}
    prompts = list(references)
    network.eval()
    view = LoadedModel(
        name=loaded.name,
        model=network,
        tokenizer=loaded.tokenizer,
        architecture=loaded.architecture,
        prompt_format="plain",
        manifest=loaded.manifest,
    )
    settings = GenerationSettings(num_beams=4, num_variants=1, max_new_tokens=80, no_repeat_ngram_size=0)
    settings.batch_size = 16
    texts = [model_input_text(view, prompt) for prompt in prompts]
    hypotheses = [variants[0].text if variants else "" for variants in TransformersEngine(view).decode(texts, settings)]
    report = score(hypotheses, list(references.values()), metrics=["bleu", "rougeL"], lowercase=True, bootstrap=0)
    return {key: round(entry["score"], 2) for key, entry in report["metrics"].items()}


def save_trainable(network, path: Path) -> None:
    from safetensors.torch import save_file

    path.parent.mkdir(parents=True, exist_ok=True)
    tensors = {name: p.detach().cpu().contiguous() for name, p in network.named_parameters() if p.requires_grad}
    save_file(tensors, str(path))


def load_trainable(network, path: Path) -> None:
    from safetensors.torch import load_file

    if path.exists():
        network.load_state_dict(load_file(str(path)), strict=False)


def save_model_folder(network, loaded: LoadedModel, out: Path, settings: TrainingSettings) -> None:
    """Merged weights, tokenizer and copygen.json, written to a staging folder then moved in."""
    # fp32 before merging: a LoRA update added to bf16 weights would be rounded away (-3 BLEU on E2E).
    network = network.float()
    if not settings.full:
        network = network.merge_and_unload()
    staging = out / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    network.save_pretrained(staging, safe_serialization=True)
    loaded.tokenizer.save_pretrained(staging)
    (staging / MANIFEST_FILE).write_text(json.dumps(loaded.manifest, indent=2, ensure_ascii=False))
    for item in staging.iterdir():
        os.replace(item, out / item.name)
    staging.rmdir()
