"""`copygen generate`: products in, reviewable drafts out."""

from __future__ import annotations

import itertools
import time
from enum import Enum
from typing import Optional

import typer

from copygen.channels import CHANNELS
from copygen.cli import progress_bar, stderr_console

PEEK_PRODUCTS = 1000


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


ChannelName = Enum("ChannelName", {name: name for name in CHANNELS}, type=str)


class Engine(str, Enum):
    transformers = "transformers"
    ct2 = "ct2"


class InputFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def generate(
    products: str = typer.Argument(..., help="Products file (CSV, JSON or JSONL), or - for stdin."),
    template: Optional[str] = typer.Option(None, "--template", "-t", help="Template name in prompts/ or a .j2 path. [default: product-description, or the one a fine-tuned model was trained with]"),
    channel: Optional[ChannelName] = typer.Option(None, "--channel", help="Channel preset: sets the template (unless --template or a fine-tuned model's own) and character limits (search-ad: headline 30, description 90; meta-description: 155; social: 280), decodes twice the variants and keeps those passing the most checks."),
    banned: Optional[str] = typer.Option(None, "--banned", help="File of banned words or phrases, one a line (# comments): kept out of the copy while decoding and checked for after, whole words, any case."),
    require: Optional[list[str]] = typer.Option(None, "--require", help="Column the copy must mention; repeat for more. [default: name]"),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model folder or Hub id. [default: the embedded SmolLM2-135M-Instruct]"),
    output: str = typer.Option("-", "--output", "-o", help="Drafts file, or - for stdout."),
    output_format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Drafts format."),
    num_beams: int = typer.Option(4, help="Beam width."),
    num_variants: int = typer.Option(3, help="Variants (n-best) kept per product."),
    max_new_tokens: int = typer.Option(96, help="Longest copy, in tokens."),
    batch_size: int = typer.Option(8, help="Products decoded together."),
    seed: int = typer.Option(0, help="Random seed (matters with --sample)."),
    length_penalty: float = typer.Option(1.0, help="Beam length penalty: >1 favours longer copy."),
    no_repeat_ngram_size: int = typer.Option(3, help="Forbid repeating n-grams of this size (0: off)."),
    sample: bool = typer.Option(False, "--sample", help="Sample with temperature/top-p instead of beam search."),
    temperature: float = typer.Option(0.8, help="Sampling temperature (with --sample)."),
    top_p: float = typer.Option(0.95, help="Nucleus sampling mass (with --sample)."),
    engine: Engine = typer.Option(Engine.transformers, help="Decoding engine: transformers (the reference), or ct2 (CTranslate2 int8: converts the model once into the cache, several times faster on CPU; needs `pip install ctranslate2`)."),
    workers: int = typer.Option(1, min=1, help="Processes to split the products across on this machine; drafts are merged back in input order. (Across machines: accelerate launch -m copygen generate ...)"),
    input_format: Optional[InputFormat] = typer.Option(None, help="Input format. [default: from the extension]"),
    delimiter: Optional[str] = typer.Option(None, help="CSV delimiter. [default: sniffed]"),
    id_column: str = typer.Option("id", help="Column holding product ids (else the row number)."),
    encoding: str = typer.Option("utf-8", help="Input text encoding."),
    skip_bad_rows: bool = typer.Option(False, help="Leave malformed rows out (reported on stderr) instead of stopping."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run into the same output file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
) -> None:
    """Generate copy for every product with batched beam search; writes one draft per product."""
    from copygen.drafts import DraftWriter
    from copygen.models import read_record
    from copygen.channels import get_channel, template_for
    from copygen.checks import read_banned, required_columns
    from copygen.generate import choose_template
    from copygen.prompts import check_columns
    from copygen.records import read_products
    from copygen.workers import launched_rank

    rank, world = launched_rank()
    console = stderr_console(quiet or rank != 0)  # under a launcher, only the first process reports
    name = "<stdin>" if products == "-" else products
    preset = get_channel(channel.value) if channel else None
    record = read_record(model)
    chosen = choose_template(template_for(preset, template, record), record)
    banned_words = read_banned(banned) if banned else []

    def read(on_skip=None):
        return read_products(products, input_format=input_format.value if input_format else None,
                             delimiter=delimiter, id_column=id_column, encoding=encoding,
                             skip_bad_rows=skip_bad_rows, on_skip=on_skip)

    if products == "-":
        # stdin is read once: check the template against the first products, then stream.
        stream = read(console.print)
        head = list(itertools.islice(stream, PEEK_PRODUCTS))
        items, total = itertools.chain(head, stream), None
        columns = list(dict.fromkeys(key for product in head for key in product.attributes))
    else:
        # A file is read twice: once to find every bad row and the columns before any
        # model time is spent, then again to stream the products through generation.
        # Neither pass keeps the products, so memory stays flat however long the file.
        total, seen = 0, {}
        for product in read(console.print):
            total += 1
            seen.update(dict.fromkeys(product.attributes))
        items, columns = read(), list(seen)
    check_columns(chosen, columns, name)
    required = required_columns(require, columns, name)

    from copygen.errors import InputError
    from copygen.generate import GenerationSettings
    from copygen.workers import DraftJob, run_launched, run_workers

    settings = GenerationSettings(
        num_beams=num_beams, num_variants=num_variants, max_new_tokens=max_new_tokens, batch_size=batch_size,
        seed=seed, length_penalty=length_penalty, no_repeat_ngram_size=no_repeat_ngram_size, sample=sample,
        temperature=temperature, top_p=top_p, bad_words=banned_words, engine=engine.value,
    )
    settings.validate()
    job = DraftJob(
        products=products, model=model, template_name=chosen.name, template_source=chosen.source, settings=settings,
        read_options=dict(input_format=input_format.value if input_format else None, delimiter=delimiter,
                          id_column=id_column, encoding=encoding, skip_bad_rows=skip_bad_rows),
        channel=preset.name if preset else None, banned=banned_words, required=required, columns=columns,
        exclude=[id_column],
    )
    if (workers > 1 or world > 1) and products == "-":
        raise InputError("several processes each read the products: give a file, not stdin")
    started = time.perf_counter()
    if world > 1:
        if workers > 1:
            raise InputError("accelerate launch (or torchrun) already started the processes: leave out --workers")
        with progress_bar(console, "Generating") as bar:
            task = bar.add_task("generate", total=None if total is None else -(-total // world))
            written = run_launched(job, rank, world, output, output_format.value, force=force, resume=resume,
                                   on_batch=lambda n: bar.advance(task, n), on_warning=console.print)
        if rank == 0:
            seconds = time.perf_counter() - started
            console.print(f"Wrote {written} drafts to {output} in {seconds:.1f} s with {world} processes")
        return
    with DraftWriter(output, output_format.value, force=force, resume=resume) as writer:
        todo = (product for product in items if product.id not in writer.done)
        if writer.done:
            console.print(f"Resuming: {len(writer.done)} drafts already done")
        if workers == 1:
            from copygen.engines import load_engine_model

            loaded = load_engine_model(model, settings)
        with progress_bar(console, "Generating") as bar:
            task = bar.add_task("generate", total=None if total is None else total - len(writer.done))
            try:
                if workers > 1:
                    run_workers(job, workers, writer, output, resume=resume, on_batch=lambda n: bar.advance(task, n),
                                on_warning=console.print)
                else:
                    for draft in job.drafts(todo, loaded, lambda n: bar.advance(task, n), console.print):
                        writer.write(draft.to_dict())
            except KeyboardInterrupt:
                if workers > 1:
                    where = "" if writer.to_stdout else (f": drafts so far are kept beside {output} (hidden .shard "
                                                         "files); run the same command with --resume to finish")
                    typer.echo(f"Interrupted{where}", err=True)
                    raise typer.Exit(130)
                where = "" if writer.to_stdout else f" in {writer.partial}; run the same command with --resume to finish"
                typer.echo(f"Interrupted: {writer.written} drafts saved{where}", err=True)
                raise typer.Exit(130)
        writer.commit()
    seconds = time.perf_counter() - started
    target = "stdout" if output == "-" else output
    console.print(f"Wrote {writer.written} drafts to {target} in {seconds:.1f} s"
                  + (f" ({seconds / writer.written:.2f} s per product)" if writer.written else ""))
