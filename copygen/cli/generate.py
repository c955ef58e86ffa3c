"""`copygen generate`: products in, reviewable drafts out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from copygen.cli import PROMPTS_DIR, progress_bar, stderr_console, use_prompts_dir
from copygen.generation.engines import ENGINES
from copygen.machine import launched_rank
from copygen.quality.channels import CHANNELS


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


ChannelName = Enum("ChannelName", {name: name for name in CHANNELS}, type=str)


Engine = Enum("Engine", {name: name for name in ("auto", *ENGINES)}, type=str)


class Rank(str, Enum):
    grounded = "grounded"
    model = "model"


class InputFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def generate(
    products: str = typer.Argument(..., help="Products file (CSV, JSON or JSONL), or - for stdin."),
    template: str | None = typer.Option(
        None,
        "--template",
        "-t",
        help="Template name (see copygen templates) or a .j2 path.",
        show_default="product-description, or the one a fine-tuned model was trained with",
    ),
    prompts_dir: Path | None = PROMPTS_DIR,
    channel: ChannelName | None = typer.Option(
        None,
        "--channel",
        help="Channel preset: sets the template (unless --template or a fine-tuned model's own) and character limits (search-ad: headline 30, description 90; meta-description: 155; social: 280), decodes twice the variants and keeps those passing the most checks.",
    ),
    banned: str | None = typer.Option(
        None,
        "--banned",
        help="File of banned words or phrases, one a line (# comments): kept out of the copy while decoding and checked for after, whole words, any case.",
    ),
    require: list[str] | None = typer.Option(
        None,
        "--require",
        help="Column the copy must mention; repeat for more. name and title stand for whichever a product has; a title is said by its part before a comma.",
        show_default="name, else title",
    ),
    model: str | None = typer.Option(
        None,
        "--model",
        "-m",
        envvar="COPYGEN_MODEL",
        help="Model folder or Hub id (see copygen models).",
        show_default="the embedded SmolLM2-135M-Instruct",
    ),
    output: str = typer.Option("-", "--output", "-o", help="Drafts file, or - for stdout."),
    output_format: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Drafts format."),
    num_beams: int = typer.Option(4, help="Beam width."),
    num_variants: int = typer.Option(3, help="Variants (n-best) kept per product."),
    max_new_tokens: int = typer.Option(96, help="Longest copy, in tokens."),
    batch_size: int = typer.Option(
        0, help="Products decoded together [0: the engine's choice: 2 for ct2 on a CPU, else 8]."
    ),
    seed: int = typer.Option(0, help="Random seed (matters with --sample)."),
    length_penalty: float = typer.Option(1.0, help="Beam length penalty: >1 favours longer copy."),
    no_repeat_ngram_size: int = typer.Option(3, help="Forbid repeating n-grams of this size (0: off)."),
    sample: bool = typer.Option(False, "--sample", help="Sample with temperature/top-p instead of beam search."),
    temperature: float = typer.Option(0.8, help="Sampling temperature (with --sample)."),
    top_p: float = typer.Option(0.95, help="Nucleus sampling mass (with --sample)."),
    engine: Engine = typer.Option(
        "auto",
        help="Decoding engine: auto (ct2 when the model converts, else transformers), ct2 (CTranslate2: int8 on CPU, float16 on a GPU; converts the model once into the cache, several times faster), or transformers (the reference).",
    ),
    rank: Rank = typer.Option(
        Rank.grounded,
        help="Order of the variants: grounded (those passing every hard check first: numbers, banned words, required columns, channel limits; then attribute coverage, then model score; a product no candidate names is decoded again with its copy started from the name), or model (the model's own order).",
    ),
    plain_copy: bool = typer.Option(
        True,
        help="Where no candidate passes every check (with the embedded default, also where its best says 10 words "
        "or more the data does not hold), offer plain copy written from the product's own data (the plain-copy "
        'template) first, marked source "data" in the drafts, if it passes (--no-plain-copy: the model\'s copy '
        "only). With the grounded ranking.",
    ),
    constrain_numbers: bool = typer.Option(
        True,
        help="While decoding, let numbers be written only as the product's attributes hold them, and decode again "
        "a product whose every candidate invents one, names what its attributes do not, or contradicts a value "
        "(--no-constrain-numbers: free).",
    ),
    device: str = typer.Option("auto", help="auto (the GPU when torch sees one), cpu, cuda or cuda:N."),
    workers: int = typer.Option(
        1,
        min=1,
        help="Processes to split the products across on this machine; drafts are merged back in input order. (Across machines: accelerate launch -m copygen generate ...)",
    ),
    input_format: InputFormat | None = typer.Option(None, help="Input format.", show_default="from the extension"),
    delimiter: str | None = typer.Option(None, help="CSV delimiter.", show_default="sniffed"),
    id_column: str = typer.Option("id", help="Column holding product ids (else the row number)."),
    encoding: str = typer.Option("utf-8", help="Input text encoding."),
    skip_bad_rows: bool = typer.Option(
        False, help="Leave malformed rows out (reported on stderr) instead of stopping."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run into the same output file."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
) -> None:
    """Generate copy for every product with batched beam search; writes one draft per product."""
    use_prompts_dir(prompts_dir)
    from copygen.generation.run import CopyOptions, OutputOptions, Progress, generate_file
    from copygen.generation.settings import GenerationSettings
    from copygen.io.banned import read_banned
    from copygen.io.products import ReadOptions

    read = ReadOptions(
        input_format=input_format.value if input_format else None,
        delimiter=delimiter,
        id_column=id_column,
        encoding=encoding,
        skip_bad_rows=skip_bad_rows,
    )
    copy = CopyOptions(
        model=model,
        template=template,
        channel=channel.value if channel else None,
        banned=read_banned(banned) if banned else [],
        required=require,
        rank=rank.value,
        plain_copy=plain_copy,
    )
    settings = GenerationSettings(
        num_beams=num_beams,
        num_variants=num_variants,
        max_new_tokens=max_new_tokens,
        batch_size=batch_size,
        seed=seed,
        length_penalty=length_penalty,
        no_repeat_ngram_size=no_repeat_ngram_size,
        sample=sample,
        temperature=temperature,
        top_p=top_p,
        engine=engine.value,
        device=device,
        constrain_numbers=constrain_numbers,
    )
    out = OutputOptions(path=output, format=output_format.value, force=force, resume=resume, workers=workers)
    console = stderr_console(quiet or launched_rank()[0] != 0)  # under a launcher, only the first process reports
    with progress_bar(console, "Generating") as bar:
        task = bar.add_task("generate", total=None)
        summary = generate_file(
            products,
            read,
            copy,
            settings,
            out,
            Progress(
                on_total=lambda total: bar.update(task, total=total),
                on_batch=lambda n: bar.advance(task, n),
                on_message=console.print,
            ),
        )
    if summary.reporting:
        report(console, summary, output, workers)


def report(console, summary, output: str, workers: int) -> None:
    """The summary on stderr: drafts, engine, time, the drafts with no clean variant, and those
    whose best is plain copy."""
    target = "stdout" if output == "-" else output
    processes = f" with {summary.processes} processes" if summary.processes > 1 and not workers > 1 else ""
    per_product = f" ({summary.seconds / summary.written:.2f} s per product)" if summary.written else ""
    console.print(
        f"Wrote {summary.written} drafts to {target} with the {summary.engine} engine in "
        f"{summary.seconds:.1f} s{processes}{per_product}"
    )
    if summary.unclean:
        console.print(
            f"{summary.unclean} of {summary.written} drafts fail a check in their best variant: "
            "copygen review lists them first"
        )
    if summary.plain:
        console.print(
            f"{summary.plain} of {summary.written} drafts are plain copy written from the data "
            "(the model's copy failed a check, or the model is the embedded default, whose copy is seldom true; "
            "it follows as the other variants)"
        )
