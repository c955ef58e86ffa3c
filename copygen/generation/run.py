"""Generation for users: `generate` (products in, drafts back, for Python) and `generate_file`
(a products file in, a drafts file out: streamed, resumable, across processes), which the
`copygen generate` command calls.

A products file is read twice: once to find every bad row and the columns before any model
time is spent, then again to stream the products through generation; neither pass keeps
them, so memory stays flat however long the file. Stdin is read once: the template is checked
against the first products, then the rest streams.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from copygen.errors import InputError, Interrupted
from copygen.generation.engines import engine_class
from copygen.generation.parallel import ShardedRun, run_launched, run_workers
from copygen.generation.pipeline import DraftJob, draft_products, plan_drafts
from copygen.generation.settings import GenerationSettings
from copygen.io.drafts import Draft, DraftWriter
from copygen.io.products import ReadOptions, products_from_dicts, read_products
from copygen.io.rows import name_of
from copygen.machine import launched_rank

PEEK_PRODUCTS = 1000  # products read from stdin before generation, to check the template against
Callback = Callable[[Any], None] | None


@dataclass
class CopyOptions:
    """What the copy must be: model, template, channel, banned words, required columns."""

    model: str | None = None
    template: str | None = None
    channel: str | None = None
    banned: list[str] | None = None
    required: list[str] | None = None
    rank: str = "grounded"  # or "model": see copygen.quality.checks.rank_variants
    plain_copy: bool = True  # plain copy from the data where no candidate passes (generation/plain_copy.py)


@dataclass
class OutputOptions:
    """Where drafts go and how: a file (or - for stdout), its format, and how to treat an old one."""

    path: str = "-"
    format: str = "jsonl"
    force: bool = False
    resume: bool = False
    workers: int = 1


@dataclass
class Progress:
    """Callbacks for a run: the products to draft (None: unknown), products done, messages."""

    on_total: Callback = None
    on_batch: Callback = None
    on_message: Callback = None


@dataclass
class RunSummary:
    written: int
    seconds: float
    output: str
    processes: int
    reporting: bool  # False in the processes of a launcher other than the first
    engine: str = ""  # the engine that decoded
    unclean: int = 0  # drafts written whose best variant fails a hard check
    plain: int = 0  # drafts written whose best variant is plain copy from the data


def generate(
    products: str | Iterable[dict[str, Any]],
    *,
    model: str | None = None,
    template: str | None = None,
    id_column: str = "id",
    channel: str | None = None,
    banned: Iterable[str] = (),
    required: Iterable[str] | None = None,
    rank: str = "grounded",
    plain_copy: bool = True,
    **settings: Any,
) -> list[Draft]:
    """Drafts for products (a file path, `-`, or dicts) with a model (default: the embedded one).

    `settings` are `GenerationSettings` fields: num_beams, num_variants, max_new_tokens, ...
    Every variant carries its checks. A `channel` preset (see copygen.quality.channels) sets the
    template and limits; `banned` words are kept out of the copy and checked for; `required`
    columns (default: name) must be mentioned. Variants are ranked `grounded` (clean first, see
    copygen.quality.checks.rank_variants) unless `rank="model"`; where no candidate passes every
    check, plain copy written from the product's data comes first if it passes (`plain_copy`).
    Dicts get the same id checks as a file's rows (ids present, unique).
    """
    if isinstance(products, str):
        items = list(read_products(products, id_column=id_column))
        source = name_of(products)
    else:
        items, source = products_from_dicts(products, id_column), "the products"
    columns = list(dict.fromkeys(key for item in items for key in item.attributes))
    job = plan_drafts(
        columns,
        source,
        model=model,
        template=template,
        channel=channel,
        banned=banned,
        required=required,
        id_column=id_column,
        settings=GenerationSettings(**settings),
        rank=rank,
        plain_copy=plain_copy,
    )
    engine_class(job.settings.engine).prepare(model, job.settings)
    engine = engine_class(job.settings.engine).load(model, job.settings)
    return list(draft_products(items, job, engine))


def generate_file(
    products: str,
    read: ReadOptions,
    copy: CopyOptions,
    settings: GenerationSettings,
    output: OutputOptions,
    progress: Progress | None = None,
) -> RunSummary:
    """Draft every product of a file (or - for stdin) into `output`, in input order.

    With `output.workers` > 1, or under accelerate launch / torchrun, the products are shared
    between processes and merged back in input order. Ctrl-C or SIGTERM raises `Interrupted`,
    saying what was kept and how to continue with `resume`.
    """
    progress = progress or Progress()
    rank, world = launched_rank()
    if (output.workers > 1 or world > 1) and products == "-":
        raise InputError("several processes each read the products: give a file, not stdin")
    if world > 1 and output.workers > 1:
        raise InputError("accelerate launch (or torchrun) already started the processes: leave out --workers")
    items, columns, total = scan_products(products, read, progress.on_message)
    chosen = {**asdict(copy), "banned": copy.banned or []}  # CopyOptions are plan_drafts' own options
    job = plan_drafts(columns, name_of(products), **chosen, id_column=read.id_column, settings=settings)
    started = time.perf_counter()
    engine_class(job.settings.engine).prepare(job.model, job.settings, progress.on_message)
    if world > 1:
        if progress.on_total:
            progress.on_total(None if total is None else -(-total // world))
        written = run_launched(
            ShardedRun(products, read, job),
            rank,
            world,
            output.path,
            output.format,
            force=output.force,
            resume=output.resume,
            on_batch=progress.on_batch,
            on_warning=progress.on_message,
        )
        return RunSummary(written, time.perf_counter() - started, output.path, world, rank == 0, job.settings.engine)
    with DraftWriter(output.path, output.format, force=output.force, resume=output.resume) as writer:
        if writer.done and progress.on_message:
            progress.on_message(f"Resuming: {len(writer.done)} drafts already done")
        if progress.on_total:
            progress.on_total(None if total is None else total - len(writer.done))
        if output.workers > 1:
            write_with_workers(ShardedRun(products, read, job), writer, output, progress)
        else:
            write_in_process((product for product in items if product.id not in writer.done), job, writer, progress)
        writer.commit()
    seconds = time.perf_counter() - started
    return RunSummary(
        writer.written, seconds, output.path, output.workers, True, job.settings.engine, writer.unclean, writer.plain
    )


def scan_products(products: str, read: ReadOptions, on_skip: Callback):
    """The products to stream, their columns, and their count (None for stdin, read only once)."""

    def stream(report: Callback = None):
        return read_products(products, **asdict(read), on_skip=report)

    if products == "-":
        items = stream(on_skip)
        head = list(itertools.islice(items, PEEK_PRODUCTS))
        return itertools.chain(head, items), list(dict.fromkeys(k for p in head for k in p.attributes)), None
    total, seen = 0, {}
    for product in stream(on_skip):
        total += 1
        seen.update(dict.fromkeys(product.attributes))
    return stream(), list(seen), total


def write_in_process(products: Iterable, job: DraftJob, writer: DraftWriter, progress: Progress) -> None:
    engine = engine_class(job.settings.engine).load(job.model, job.settings)
    try:
        for draft in draft_products(products, job, engine, on_batch=progress.on_batch, on_warning=progress.on_message):
            writer.write(draft.to_dict())
    except KeyboardInterrupt:
        if not (writer.to_stdout or writer.written or writer.done):  # the empty partial file is removed
            raise Interrupted("Interrupted before the first draft: nothing was saved") from None
        where = "" if writer.to_stdout else f" in {writer.partial}; run the same command with --resume to finish"
        raise Interrupted(f"Interrupted: {writer.written} drafts saved{where}") from None


def write_with_workers(run: ShardedRun, writer: DraftWriter, output: OutputOptions, progress: Progress) -> None:
    try:
        run_workers(
            run,
            output.workers,
            writer,
            output.path,
            resume=output.resume,
            on_batch=progress.on_batch,
            on_warning=progress.on_message,
        )
    except KeyboardInterrupt:
        where = (
            ""
            if writer.to_stdout
            else (
                f": drafts so far are kept beside {output.path} (hidden .shard "
                "files); run the same command with --resume to finish"
            )
        )
        raise Interrupted(f"Interrupted{where}") from None
