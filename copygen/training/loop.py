"""The training loop: fine-tune a seq2seq (T5) or causal (GPT-2, Llama/SmolLM2) model on pairs.

accelerate places the work (CPU, a GPU chosen with --device, or many with `accelerate launch`);
peft adds LoRA (the default for causal models). The learning rate warms up, then decays on a
cosine over the steps or the time budget, whichever runs out first. A `Checkpointer` keeps the
last checkpoint (swapped in whole, so --resume always finds one), a `BestStep` the step whose
evaluation was best; training/export.py writes the folder `generate --model` reads.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter as clock

from copygen.errors import OutputError, UsageError
from copygen.generation.engines.transformers import load_transformers
from copygen.generation.models import LoadedModel, resolve_model
from copygen.machine import cpu_threads, torch_device
from copygen.prompts import load_template
from copygen.training.data import (
    Pair,
    batch_tokens,
    collate,
    copy_attribute_suggestion,
    length_batches,
    read_pairs,
    tokenize_pairs,
)
from copygen.training.evaluation import decode_scores
from copygen.training.export import load_trainable, save_model_folder, save_trainable, training_record
from copygen.training.loss import eval_loss, training_loss
from copygen.training.settings import TrainingSettings
from copygen.training.state import BestStep, Checkpointer, MetricsLog, TrainingState

__all__ = ["TrainingSettings", "finetune"]


def fraction_done(state: TrainingState, total_steps: int, budget_seconds: float | None) -> float:
    """How far training is: of its steps, or of its time budget, whichever is further."""
    return max(state.step / total_steps, state.seconds / budget_seconds if budget_seconds else 0.0)


def lr_factor(done: float, warmup: float) -> float:
    """Linear warm-up (from 1% of the peak) over the first `warmup` of training, then cosine decay to 0."""
    if done < warmup:
        return max(done / warmup, 0.01)
    return 0.5 * (1 + math.cos(math.pi * min(1.0, (done - warmup) / (1 - warmup))))


def precision(bf16: bool, full: bool, device: str) -> tuple[str, str | None]:
    """(accelerate's mixed precision, dtype of the frozen LoRA base) for --bf16 on this device.
    LoRA stores the frozen base in bf16 (adapters stay fp32), which avoids autocast's per-step
    weight casts; full fine-tuning keeps fp32 weights under bf16 autocast. A GPU without bf16
    gets fp16 autocast (with loss scaling) instead; fp16 is never used on the CPU."""
    if not bf16:
        return "no", None
    if device != "cpu":
        import torch

        if not torch.cuda.is_bf16_supported():
            return "fp16", None
    return ("bf16", None) if full else ("no", "bfloat16")


@dataclass
class Session:
    """One training run's parts, passed explicitly to the steps of the loop."""

    settings: TrainingSettings
    loaded: LoadedModel
    accelerator: object
    network: object
    optimizer: object
    device: str
    train_examples: list[dict]
    valid_examples: list[dict]
    valid_pairs: list[Pair]
    total_steps: int
    updates_per_epoch: int
    checkpoints: Checkpointer
    metrics: MetricsLog

    @property
    def seq2seq(self) -> bool:
        return self.loaded.architecture == "seq2seq"

    @property
    def budget_seconds(self) -> float | None:
        minutes = self.settings.time_budget_minutes
        return minutes * 60 if minutes else None


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
    settings = settings or TrainingSettings()
    say = on_message or (lambda message: None)
    out = Path(output)
    checkpoints = Checkpointer(out)
    check_output(out, checkpoints, resume, force)
    if settings.augment and not settings.copy_attributes:
        raise UsageError("--augment swaps the values of --copy-attributes: name the attributes to swap")
    device = torch_device(settings.device)
    template = load_template(settings.template)
    train_pairs = read_pairs(train, settings, template, augment=settings.augment)
    valid_pairs = read_pairs(eval_pairs, settings, template) if eval_pairs else []
    loaded = load_transformers(resolve_model(model))
    hint = copy_attribute_suggestion(train_pairs, settings)
    if hint:
        say(hint)
    if settings.full is None:
        settings.full = loaded.architecture == "seq2seq"
    if settings.learning_rate is None:
        settings.learning_rate = 1e-4 if settings.full else 1e-3
    loaded.manifest = training_record(loaded, template, settings, model)
    session = start_session(loaded, settings, device, train_pairs, valid_pairs, checkpoints, on_step)
    if resume:
        state = checkpoints.load(session.accelerator, settings.best_by)
        say(f"Resuming at step {state.step} (epoch {state.epoch + 1}, batch {state.batch_in_epoch})")
    else:
        state = TrainingState(best=BestStep.chosen_by(settings.best_by))
    session.metrics.start(state.step if resume else None)
    stopped_by = train_and_checkpoint(session, state)
    final = session.accelerator.unwrap_model(session.network)
    if valid_pairs:
        load_trainable(final, checkpoints.best)
    save_model_folder(final, loaded, out, settings)
    return summary_of(session, state, stopped_by, out, len(train_pairs))


def check_output(out: Path, checkpoints: Checkpointer, resume: bool, force: bool) -> None:
    if resume and not checkpoints.recover():
        raise OutputError(f"nothing to resume in {out}: no checkpoint there; run without --resume")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} is a file: --output takes a folder for the fine-tuned model")
    if not resume and out.exists() and any(out.iterdir()) and not force:
        raise OutputError(f"{out} exists and is not empty: pass --force to replace it, or --resume to continue")


def trainable_network(loaded: LoadedModel, settings: TrainingSettings, device: str, base_dtype: str | None):
    """The model to train on `device`: wrapped with LoRA adapters unless --full, its frozen base in
    `base_dtype` when given."""
    import torch

    network = loaded.model.to(device=device, dtype=getattr(torch, base_dtype) if base_dtype else None)
    if not settings.full:
        from peft import LoraConfig, TaskType, get_peft_model

        task = TaskType.SEQ_2_SEQ_LM if loaded.architecture == "seq2seq" else TaskType.CAUSAL_LM
        config = LoraConfig(
            task_type=task,
            r=settings.lora_r,
            lora_alpha=settings.lora_alpha,
            lora_dropout=settings.lora_dropout,
            target_modules="all-linear",
        )
        network = get_peft_model(network, config)
    network.train()
    return network


def start_session(loaded, settings, device, train_pairs, valid_pairs, checkpoints, on_step) -> Session:
    """Seeded, tokenized and placed: the network, its optimizer and the number of steps to run."""
    import torch
    from accelerate import Accelerator
    from transformers import set_seed

    set_seed(settings.seed)
    torch.set_num_threads(cpu_threads())
    mixed, base_dtype = precision(settings.bf16, settings.full, device)
    accelerator = Accelerator(
        cpu=device == "cpu",
        device_placement=False,
        gradient_accumulation_steps=settings.grad_accumulation,
        mixed_precision=mixed,
    )
    network = trainable_network(loaded, settings, device, base_dtype)
    train_examples = tokenize_pairs(train_pairs, loaded, settings.max_length)
    batches = math.ceil(len(train_examples) / settings.batch_size)
    updates_per_epoch = max(1, math.ceil(batches / settings.grad_accumulation / accelerator.num_processes))
    trainable = [p for p in network.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trainable, lr=settings.learning_rate, weight_decay=0.0)
    network, optimizer = accelerator.prepare(network, optimizer)
    checkpoints.last.parent.parent.mkdir(parents=True, exist_ok=True)
    return Session(
        settings=settings,
        loaded=loaded,
        accelerator=accelerator,
        network=network,
        optimizer=optimizer,
        device=device,
        train_examples=train_examples,
        valid_examples=tokenize_pairs(valid_pairs, loaded, settings.max_length),
        valid_pairs=valid_pairs,
        total_steps=settings.max_steps or max(1, math.ceil(settings.epochs * updates_per_epoch)),
        updates_per_epoch=updates_per_epoch,
        checkpoints=checkpoints,
        metrics=MetricsLog(checkpoints.last.parent.parent / "metrics.jsonl", accelerator.is_main_process, on_step),
    )


def train_and_checkpoint(session: Session, state: TrainingState) -> str:
    """Run the steps, then checkpoint and evaluate the last one; checkpoint on Ctrl-C too.
    Returns what stopped training: "steps" or "time budget"."""
    started = clock() - state.seconds
    try:
        stopped_by = run_steps(session, state, started)
        state.seconds = clock() - started
        session.checkpoints.save(session.accelerator, state)  # before the last evaluation, which can take minutes
        if session.valid_pairs and state.step % session.settings.eval_every:
            session.metrics.write(evaluate_now(session, state))
            session.checkpoints.save(session.accelerator, state)
    except KeyboardInterrupt:
        state.seconds = clock() - started
        session.checkpoints.save(session.accelerator, state)
        raise
    return stopped_by


def run_steps(session: Session, state: TrainingState, started: float) -> str:
    """Epochs of length-batched pairs from where `state` stands, until the steps or the budget run out."""
    settings, accelerator = session.settings, session.accelerator
    while state.step < session.total_steps:
        batches = length_batches(session.train_examples, settings.batch_size, settings.seed + state.epoch)
        batches = batches[accelerator.process_index :: accelerator.num_processes]
        losses: list[float] = []
        for position in range(state.batch_in_epoch, len(batches)):
            losses.append(train_on(session, state, batches[position]))
            state.batch_in_epoch = position + 1
            if not accelerator.sync_gradients:
                continue
            state.step += 1
            state.seconds = clock() - started
            entry = step_entry(session, state, losses)
            losses = []
            if state.step % settings.eval_every == 0 and session.valid_pairs:
                entry.update(evaluate_now(session, state))
            session.metrics.write(entry)
            if state.step % settings.eval_every == 0:
                session.checkpoints.save(accelerator, state)
            if session.budget_seconds and state.seconds >= session.budget_seconds:
                return "time budget"
            if state.step >= session.total_steps:
                return "steps"
        state.epoch += 1
        state.batch_in_epoch = 0
    return "steps"


def train_on(session: Session, state: TrainingState, indices: list[int]) -> float:
    """Forward and backward on one batch; the optimizer steps when the accumulated batches are in,
    at the learning rate of where training stands. Returns the batch's loss."""
    batch = collate(session.train_examples, indices, session.loaded.tokenizer.pad_token_id)
    batch = {key: value.to(session.device) for key, value in batch.items()}
    rate = session.settings.learning_rate * lr_factor(
        fraction_done(state, session.total_steps, session.budget_seconds), session.settings.warmup
    )
    with session.accelerator.accumulate(session.network):
        for group in session.optimizer.param_groups:
            group["lr"] = rate
        loss = training_loss(session.network, batch, session.seq2seq)
        session.accelerator.backward(loss)
        session.optimizer.step()
        session.optimizer.zero_grad()
    state.tokens += batch_tokens(batch, session.seq2seq)
    return float(loss.detach())


def step_entry(session: Session, state: TrainingState, losses: list[float]) -> dict:
    """The metrics.jsonl line of an optimizer step; `lr` is the rate this step's update used."""
    return {
        "step": state.step,
        "total_steps": session.total_steps,
        "epoch": state.epoch + 1,
        "loss": round(sum(losses) / len(losses), 4),
        "lr": session.optimizer.param_groups[0]["lr"],
        "tokens_per_second": round(state.tokens / max(state.seconds, 1e-9), 1),
        "seconds": round(state.seconds, 1),
    }


def evaluate_now(session: Session, state: TrainingState) -> dict:
    """Eval loss on every held-out pair and scores of the decoded sample; a new best step keeps
    its trainable weights aside."""
    settings, loaded = session.settings, session.loaded
    pad_id = loaded.tokenizer.pad_token_id
    loss = eval_loss(session.network, session.valid_examples, pad_id, session.seq2seq, settings.batch_size)
    entry = {"step": state.step, "eval_loss": round(loss, 4)}
    unwrapped = session.accelerator.unwrap_model(session.network)
    entry.update(decode_scores(unwrapped, loaded, session.valid_pairs, settings.eval_sample, settings.eval_decoding))
    session.network.train()
    if state.best.offer(entry):
        save_trainable(unwrapped, session.checkpoints.best)
        entry["best"] = True
    return entry


def summary_of(session: Session, state: TrainingState, stopped_by: str, out: Path, train_pairs: int) -> dict:
    summary = {
        "steps": state.step,
        "epochs": round(state.step / session.updates_per_epoch, 2),
        "seconds": round(state.seconds, 1),
        "tokens": state.tokens,
        "tokens_per_second": round(state.tokens / max(state.seconds, 1e-9), 1),
        "stopped_by": stopped_by,
        "best_step": state.best.step,
        "output": str(out),
        "device": session.device,
        "train_pairs": train_pairs,
        "eval_pairs": len(session.valid_pairs),
    }
    if state.best.value is not None:
        summary["best_bleu" if state.best.metric == "bleu" else "best_eval_loss"] = state.best.value
    return summary
