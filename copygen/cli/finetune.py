"""`copygen finetune`: attribute -> copy pairs in, a model folder for `generate --model` out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from copygen.cli import PROMPTS_DIR, progress_bar, stderr_console, use_prompts_dir


class BestBy(str, Enum):
    loss = "loss"
    bleu = "bleu"


def finetune(
    train: str = typer.Option(..., "--train", help="Training pairs: products (CSV/JSON/JSONL) with a copy column."),
    output: str = typer.Option(..., "--output", "-o", help="Folder for the fine-tuned model."),
    model: str | None = typer.Option(
        None,
        "--model",
        "-m",
        envvar="COPYGEN_MODEL",
        help="Base model folder or Hub id.",
        show_default="the embedded SmolLM2-135M-Instruct",
    ),
    eval_pairs: str | None = typer.Option(
        None, "--eval", help="Held-out pairs: loss, BLEU and ROUGE-L every --eval-every steps; the best step is kept."
    ),
    target_column: str = typer.Option("copy", help="Column holding the reference copy."),
    template: str = typer.Option(
        "attributes", "--template", "-t", help="Prompt template name or .j2 path (recorded in the model folder)."
    ),
    prompts_dir: Path | None = PROMPTS_DIR,
    full: bool | None = typer.Option(
        None, "--full/--lora", help="Full fine-tuning or LoRA.", show_default="LoRA for causal models, full for T5"
    ),
    lora_r: int = typer.Option(16, help="LoRA rank."),
    lora_dropout: float = typer.Option(0.0, help="Dropout on the LoRA inputs (slows CPU steps by about a sixth)."),
    learning_rate: float | None = typer.Option(
        None, "--lr", help="Peak learning rate.", show_default="1e-3 LoRA, 1e-4 full"
    ),
    epochs: float = typer.Option(1.0, help="Passes over the training pairs."),
    max_steps: int | None = typer.Option(None, help="Stop after this many optimizer steps (overrides --epochs)."),
    batch_size: int = typer.Option(16, help="Pairs per batch (batched by length)."),
    grad_accumulation: int = typer.Option(1, help="Batches per optimizer step."),
    max_length: int = typer.Option(256, help="Longest training sequence, in tokens."),
    time_budget: float | None = typer.Option(
        None, help="Minutes of training; stops cleanly and saves. The LR schedule fits the budget."
    ),
    eval_every: int = typer.Option(50, help="Steps between evaluations (with --eval)."),
    eval_sample: int = typer.Option(
        32,
        min=1,
        help="Distinct --eval inputs decoded for BLEU/ROUGE-L at each evaluation; all rows of an input are its references.",
    ),
    best_by: BestBy = typer.Option(
        BestBy.loss,
        help="Which evaluation picks the step kept: eval loss over all --eval pairs, or BLEU of the decoded sample (noisier on small samples).",
    ),
    bf16: bool = typer.Option(
        False,
        "--bf16",
        help="bf16 matmuls: LoRA keeps the frozen base in bf16, full fine-tuning uses bf16 autocast (fast on CPUs with AVX-512 BF16 and on GPUs).",
    ),
    device: str = typer.Option("auto", help="Where to train: auto (a GPU when torch sees one), cpu, cuda or cuda:N."),
    copy_attributes: str | None = typer.Option(
        None,
        help="Comma-separated attributes (e.g. name,near) whose values the model writes through placeholders, restored exactly after decoding.",
    ),
    augment: int = typer.Option(
        0,
        min=0,
        help="Instead of placeholders: N extra copies of each pair with the --copy-attributes values of other rows swapped in.",
    ),
    dedupe: bool = typer.Option(True, help="Drop pairs whose input and copy repeat."),
    id_column: str = typer.Option("id", help="Column holding ids."),
    seed: int = typer.Option(0, help="Random seed."),
    resume: bool = typer.Option(False, "--resume", help="Continue from the last checkpoint in --output."),
    force: bool = typer.Option(False, "--force", help="Replace a non-empty --output folder."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
) -> None:
    """Fine-tune a T5 or causal model on pairs; the output folder works with `generate --model`."""
    import json

    use_prompts_dir(prompts_dir)

    from copygen.training.loop import TrainingSettings
    from copygen.training.loop import finetune as train_model

    console = stderr_console(quiet)
    settings = TrainingSettings(
        target_column=target_column,
        template=template,
        full=full,
        lora_r=lora_r,
        lora_dropout=lora_dropout,
        learning_rate=learning_rate,
        epochs=epochs,
        max_steps=max_steps,
        batch_size=batch_size,
        grad_accumulation=grad_accumulation,
        max_length=max_length,
        seed=seed,
        time_budget_minutes=time_budget,
        eval_every=eval_every,
        eval_sample=eval_sample,
        best_by=best_by.value,
        bf16=bf16,
        dedupe=dedupe,
        id_column=id_column,
        device=device,
        copy_attributes=[name.strip() for name in (copy_attributes or "").split(",") if name.strip()],
        augment=augment,
    )
    with progress_bar(console, "{task.description}") as bar:
        task = bar.add_task("Training", total=None)

        def on_step(entry: dict) -> None:
            show_step(bar, task, entry, time_budget, console)

        try:
            summary = train_model(
                train,
                output,
                model=model,
                eval_pairs=eval_pairs,
                settings=settings,
                resume=resume,
                force=force,
                on_step=on_step,
                on_message=console.print,
            )
        except KeyboardInterrupt:
            typer.echo(
                f"Interrupted: checkpoint saved in {output}; run the same command with --resume to continue", err=True
            )
            raise typer.Exit(130)
    typer.echo(json.dumps(summary))


def show_step(bar, task, entry: dict, budget_minutes: float | None, console=None) -> None:
    """Move the bar to this step, with the loss; under a time budget, the steps the budget allows
    at the pace so far are the total, so the ETA is the budget's end. Evaluations get a line."""
    if console is not None and "eval_loss" in entry:
        console.print(
            f"step {entry['step']}: eval loss {entry['eval_loss']}, BLEU {entry.get('bleu')}, "
            f"ROUGE-L {entry.get('rougeL')}, untrue {entry.get('untrue')}%{' (best)' if entry.get('best') else ''}"
        )
    total, step = entry.get("total_steps"), entry["step"]
    if budget_minutes and entry.get("seconds"):
        total = min(total or step, max(step, round(step * budget_minutes * 60 / entry["seconds"])))
    description = f"Training (loss {entry['loss']:.3f})" if "loss" in entry else "Evaluating"
    bar.update(task, completed=step, total=total, description=description)
