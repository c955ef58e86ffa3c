"""The one generation pipeline: render -> decode -> check -> rank -> Draft, for any engine.

`plan_drafts` settles everything that decides the drafts (template, required columns, banned
words, channel, settings) into a picklable `DraftJob`, so every process makes the same drafts;
`draft_products` runs it. Within a window of batches, products are sorted by prompt length so
little compute is spent on padding; drafts still come out in input order. An engine that decodes
in the background is handed the next window before the last one's drafts are made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from copygen.errors import TemplateError, UsageError
from copygen.generation.copy_through import MANIFEST_KEY as COPY_THROUGH
from copygen.generation.copy_through import mask_attributes, restore
from copygen.generation.engines import choose_engine, engine_class
from copygen.generation.engines.base import Engine
from copygen.generation.models import DEFAULT_MODEL, LoadedModel, read_manifest
from copygen.generation.plain_copy import DEFAULT_MODEL_BEYOND, PLAIN_COPY_TEMPLATE, plain_copy_template, plain_variant
from copygen.generation.settings import GenerationSettings
from copygen.io.drafts import Draft, Variant
from copygen.io.products import Product
from copygen.prompts import Template, check_columns, load_template, render_prompt
from copygen.quality.channels import Channel, get_channel, template_for
from copygen.quality.checks import (
    RANKINGS,
    banned_phrases,
    check_variant,
    is_clean,
    meta_phrases,
    rank_variants,
    required_columns,
    required_values,
    states_untrue,
)
from copygen.quality.grounding import attribute_coverage, example_words, unheld_words
from copygen.quality.trim import trimmed

SORT_WINDOW_BATCHES = 8
CANDIDATE_FACTOR = 2  # a channel (or sampling) decodes this many times the variants asked for
Callback = Callable[[Any], None] | None


@dataclass
class DraftJob:
    """Everything that decides the drafts, so any process can produce the same ones (picklable)."""

    model: str | None
    template_name: str
    template_source: str
    settings: GenerationSettings
    channel: str | None = None
    banned: list[str] = field(default_factory=list)
    required: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    rank: str = "grounded"  # see copygen.quality.checks.rank_variants
    examples: list[dict[str, Any]] = field(default_factory=list)  # the template's example products (Template.examples)
    plain_copy_source: str | None = None  # the plain-copy template, where no candidate passes (plain_copy.py)

    @property
    def template(self) -> Template:
        return load_template(self.template_name, source=self.template_source)

    @property
    def plain_copy(self) -> Template | None:
        return load_template(PLAIN_COPY_TEMPLATE, source=self.plain_copy_source) if self.plain_copy_source else None

    @property
    def preset(self) -> Channel | None:
        return get_channel(self.channel) if self.channel else None


def plan_drafts(
    columns: Iterable[str],
    source_name: str,
    *,
    model: str | None = None,
    template: str | None = None,
    channel: str | None = None,
    banned: Iterable[str] = (),
    required: Iterable[str] | None = None,
    id_column: str = "id",
    settings: GenerationSettings | None = None,
    rank: str = "grounded",
    plain_copy: bool = True,
) -> DraftJob:
    """The job for products with these columns; fails before any model loads if the template
    names a column they lack, or a required column does not exist. With `plain_copy` (and the
    grounded ranking), a product none of whose candidates passes every check gets plain copy
    written from its data first, where that passes."""
    settings = settings or GenerationSettings()
    preset = get_channel(channel) if channel else None
    manifest = read_manifest(model)
    chosen = choose_template(template_for(preset, template, manifest), manifest)
    columns = list(columns)
    check_columns(chosen, columns, source_name)
    banned = list(banned)
    examples = chosen.examples
    settings = replace(
        settings,
        bad_words=list(dict.fromkeys([*settings.bad_words, *banned])),
        example_words=example_words(examples),
    )
    settings.validate()
    if rank not in RANKINGS:
        raise UsageError(f"unknown ranking {rank!r}: use one of {', '.join(RANKINGS)}")
    required = required_columns(required, columns, source_name)
    plain = plain_copy_template() if plain_copy and rank == "grounded" else None
    if plain:
        check_columns(plain, [*columns, "product_name", "whole_name", "name_key"], source_name)
    settings = replace(settings, engine=choose_engine(settings.engine, model, settings))  # may fetch the model
    if not settings.batch_size:
        settings = replace(settings, batch_size=engine_class(settings.engine).batch_size(settings))
    return DraftJob(
        model=model,
        template_name=chosen.name,
        template_source=chosen.source,
        settings=settings,
        channel=channel,
        banned=banned,
        required=required,
        columns=columns,
        exclude=[id_column],
        rank=rank,
        examples=examples,
        plain_copy_source=plain.source if plain else None,
    )


def choose_template(template: str | None, manifest: dict) -> Template:
    """The template asked for, else the one a copygen fine-tune was trained with, else the default."""
    if template is None and manifest.get("template_source"):
        return load_template(manifest.get("template_name", "recorded"), source=manifest["template_source"])
    return load_template(template)


def candidate_settings(settings: GenerationSettings, channel: Channel | None, rank: str) -> GenerationSettings:
    """Settings that decode a pool of candidates to rank: the n-best of every beam (free: the
    beams are searched anyway), twice the variants when sampling, and for a channel twice the
    variants with beams widened to match. `rank="model"` decodes just the variants asked for."""
    if rank == "model":
        return settings
    if channel is not None:
        candidates = settings.num_variants * CANDIDATE_FACTOR
        return replace(settings, num_variants=candidates, num_beams=max(settings.num_beams, candidates))
    if settings.sample:
        return replace(settings, num_variants=settings.num_variants * CANDIDATE_FACTOR)
    return replace(settings, num_variants=max(settings.num_variants, settings.num_beams))


def model_input_text(loaded: LoadedModel, prompt: str) -> str:
    """The exact text the model sees: the chat template for instruct models, else the prompt
    followed by the separator a copygen fine-tune recorded."""
    if loaded.prompt_format == "chat":
        messages = [{"role": "user", "content": prompt}]
        return loaded.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return prompt + loaded.manifest.get("prompt_suffix", "")


def fit_prompt(loaded: LoadedModel, prompt: str, budget: int, on_warning: Callback, product_id: str) -> str:
    """Cut a prompt that would not fit the model's context, with a warning."""
    ids = loaded.tokenizer(prompt, add_special_tokens=False)["input_ids"]
    if len(ids) <= budget:
        return prompt
    if on_warning:
        on_warning(f"product {product_id}: prompt of {len(ids)} tokens cut to {budget} to fit the model's context")
    return loaded.tokenizer.decode(ids[:budget], skip_special_tokens=True)


def started_from_value(engine: Engine, window: list, variants: dict, job: DraftJob, decoding) -> None:
    """Decode again, with the copy started from the value itself, each product none of whose
    candidates names a required column's value (the model wrote "These socks" for
    "Trailhead Merino Crew Socks (3-Pack)"): the new candidates join the others, first, and
    the ranking picks among them all. The model's text is the continuation; the value is put
    before it. Causal models only (their copy continues the model input text), and not for a
    channel whose copy starts with a label ("Headline: ...")."""
    retry = {}
    for index, (product, text, mapping, shown, plain) in enumerate(window):
        if plain is not None and is_clean(plain.checks):  # the embedded default decodes once where plain copy passes
            continue
        column = unnamed_column([restore(variant.text, mapping) for variant in variants[index]], product, job)
        if column is not None:
            [(_, value)] = required_values([column], shown)
            retry[index] = (value, text + ("" if text[-1:].isspace() else " ") + value)
    if not retry:
        return
    grounding = [product_facts(window[index][0], job) for index in retry]
    again = engine.decode([text for _, text in retry.values()], decoding, grounding=grounding)
    for (index, (value, _)), continued in zip(retry.items(), again):
        started = [
            Variant(joined(value, variant.text), variant.score, cut_off=variant.cut_off) for variant in continued
        ]
        variants[index] = started + variants[index]


def unnamed_column(candidates: list[str], product: Product, job: DraftJob) -> str | None:
    """The first required column whose value (a string without a banned word) no candidate text
    that states nothing untrue and says nothing about the writing mentions, if any: a copy that
    names the product in Tokyo, or in "here's a product description for ...", is no answer."""
    if not candidates:
        return None
    true = [
        text
        for text in candidates
        if not states_untrue(text, product.attributes, job.examples) and not meta_phrases(text)
    ]
    for column, value in required_values(job.required, product.attributes):
        if not (isinstance(value, str) and value.strip()) or banned_phrases(value, job.banned):
            continue
        if not any(attribute_coverage({column: value}, text, skip=()) for text in true):
            return column
    return None


def joined(start: str, rest: str) -> str:
    """A copy's given start and the model's continuation of it: a space between them unless the
    continuation goes on the same word or with punctuation ("'s", ",")."""
    if not rest or rest[0] in ",.;:!?'’)-":
        return start + rest
    return f"{start} {rest}"


def product_facts(product: Product, job: DraftJob) -> dict:
    """What a product states, for grounding: its attributes but the id column."""
    return {key: value for key, value in product.attributes.items() if key not in job.exclude}


def checked_variants(
    candidates: list,
    product: Product,
    job: DraftJob,
    plain_copy: Template | None = None,
    beyond: int | None = None,
    plain: Variant | None = None,
    on_warning: Callback = None,
) -> list:
    """Check every candidate against its product (adding a trimmed copy of each that states a
    number no attribute holds or that the token limit cut off mid-sentence, unless ranking by
    the model), then keep the best asked for; where none passes every check, the product's plain
    copy (from `plain_copy`) comes first if it passes. With the embedded default (`beyond` given),
    `plain` was written before decoding and comes first wherever the best says `beyond` words or
    more that the data does not hold, even where it fails a check (see plain_copy.py)."""
    if job.rank == "grounded":
        facts = product_facts(product, job)
        seen = {variant.text for variant in candidates}
        for variant in list(candidates):
            cut = trimmed(variant.text, facts, skip=(), cut_off=variant.cut_off, examples=job.examples)
            if cut and cut[0] not in seen:
                seen.add(cut[0])
                candidates.append(Variant(cut[0], variant.score, removed=cut[1]))
    for variant in candidates:
        checked(variant, product, job)
    kept = rank_variants(candidates, product.attributes, job.settings.num_variants, job.rank, skip=job.exclude)
    trusted = kept and is_clean(kept[0].checks)
    if trusted and beyond is not None:
        trusted = unheld_words(product.attributes, kept[0].text, job.exclude) < beyond
    if not trusted:
        plain = plain or (checked_plain_copy(plain_copy, product, job, on_warning) if plain_copy else None)
        if plain and (beyond is not None or is_clean(plain.checks)):
            kept.insert(0, plain)
    return kept


def checked_plain_copy(
    template: Template, product: Product, job: DraftJob, on_warning: Callback = None
) -> Variant | None:
    """The product's plain copy, checked. A plain-copy template that fails on one product leaves
    that product without plain copy, with a warning, and the run goes on: plain copy is a
    fallback, and a template's bug on one product of thousands should not stop the rest."""
    try:
        plain = plain_variant(template, product.attributes, product.id, job.exclude)
    except TemplateError as error:
        if on_warning:
            on_warning(f"{error}; product {product.id} gets no plain copy, only the model's")
        return None
    return checked(plain, product, job) if plain else None


def checked(variant: Variant, product: Product, job: DraftJob) -> Variant:
    """The variant with its checks and attribute coverage filled in."""
    variant.checks = check_variant(
        variant.text,
        product.attributes,
        job.preset,
        job.banned,
        job.required,
        cut_off=variant.cut_off,
        examples=job.examples,
    )
    variant.coverage = attribute_coverage(product.attributes, variant.text, skip=job.exclude)
    if variant.coverage is not None:
        variant.coverage = round(variant.coverage, 4)
    return variant


def draft_products(
    products: Iterable[Product],
    job: DraftJob,
    engine: Engine,
    *,
    on_batch: Callback = None,
    on_warning: Callback = None,
) -> Iterator[Draft]:
    """Yield one checked, ranked draft per product, in input order, decoding in length-sorted windows."""
    loaded, settings, preset, template = engine.loaded, job.settings, job.preset, job.template
    plain_copy = job.plain_copy
    beyond = DEFAULT_MODEL_BEYOND if plain_copy and loaded.name == DEFAULT_MODEL else None  # see plain_copy.py
    # The embedded default's plain copy is written before decoding (see windows), any other's only where needed.
    first, later = (plain_copy, None) if beyond is not None else (None, plain_copy)
    engine.seed(settings.seed)
    decoding = candidate_settings(settings, preset, job.rank)
    budget = max(16, loaded.context_length - (settings.max_new_tokens if loaded.architecture == "causal" else 0) - 64)
    params = {key: value for key, value in asdict(decoding).items() if key not in ("batch_size", "example_words")}
    params.update(
        num_variants=settings.num_variants,
        engine=engine.name,
        required=job.required,
        rank=job.rank,
        candidates=decoding.num_variants,
        plain_copy=job.plain_copy_source is not None,
        plain_copy_beyond=beyond,
    )
    copied = loaded.manifest.get(COPY_THROUGH, [])  # values a fine-tune learned to copy through placeholders

    def windows() -> Iterator[tuple[list[str], list[dict], list[bool] | None, tuple[list, list[int]]]]:
        """Windows of model input texts sorted by length, with their facts and whether each may
        be decoded again, tagged with the window and the order that sorted it. With the embedded
        default, a product's plain copy is written first, and comes first: where it passes, the
        product is decoded once (see plain_copy.py)."""
        window: list[tuple[Product, str, dict[str, str], dict, Variant | None]] = []
        for product in products:
            shown, mapping = mask_attributes(product.attributes, copied) if copied else (product.attributes, {})
            prompt = render_prompt(template, shown, product_id=product.id, columns=job.columns, exclude=job.exclude)
            prompt = fit_prompt(loaded, prompt, budget, on_warning, product.id)
            plain = checked_plain_copy(first, product, job, on_warning) if first else None
            window.append((product, model_input_text(loaded, prompt), mapping, shown, plain))
            if len(window) >= settings.batch_size * SORT_WINDOW_BATCHES:
                yield sorted_window(window)
                window = []
        if window:
            yield sorted_window(window)

    def sorted_window(window: list) -> tuple[list[str], list[dict], list[bool], tuple[list, list[int]]]:
        """A window's texts shortest first, their facts, whether each may be decoded again, and
        the window with that order."""
        order = sorted(range(len(window)), key=lambda i: len(window[i][1]))
        facts = [product_facts(window[i][0], job) for i in order]
        again = [window[i][4] is None or not is_clean(window[i][4].checks) for i in order]
        return [window[i][1] for i in order], facts, again, (window, order)

    for (window, order), decoded in engine.decode_windows(windows(), decoding, on_batch):
        variants = dict(zip(order, decoded))
        if job.rank == "grounded" and not (preset and preset.parts) and loaded.architecture == "causal":
            started_from_value(engine, window, variants, job, decoding)
        for index, (product, _, mapping, _, plain) in enumerate(window):
            for variant in variants[index]:
                variant.text = restore(variant.text, mapping)
            kept = checked_variants(variants[index], product, job, later, beyond, plain, on_warning)
            yield Draft(
                id=product.id,
                line=product.line,
                attributes=product.attributes,
                template=template.name,
                model=loaded.name,
                params=params,
                variants=kept,
                channel=job.channel,
                clean=bool(kept) and is_clean(kept[0].checks),
            )
