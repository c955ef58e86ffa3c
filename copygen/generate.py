"""Batched beam search: products in, drafts with n-best variants out, in input order.

Causal models get left padding and an attention mask, so a product's text does not depend
on the other products in its batch. Within a window of batches, products are sorted by
prompt length so little compute is spent on padding; drafts still come out in input order.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Iterator

from copygen.models import LoadedModel, read_record
from copygen.prompts import Template, check_columns, load_template, render_prompt
from copygen.records import Product, read_products

SORT_WINDOW_BATCHES = 8
ENGINES = ("transformers", "ct2")


@dataclass
class GenerationSettings:
    """How to decode. Beam search by default; `sample=True` draws with temperature/top-p."""

    num_beams: int = 4
    num_variants: int = 3
    max_new_tokens: int = 96
    batch_size: int = 8
    seed: int = 0
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = 3
    sample: bool = False
    temperature: float = 0.8
    top_p: float = 0.95
    bad_words: list[str] = field(default_factory=list)
    engine: str = "transformers"  # or "ct2": CTranslate2, several times faster on CPU (copygen.engines)
    compute_type: str = "int8"  # the ct2 engine's precision

    def validate(self) -> None:
        from copygen.errors import CopygenError

        if self.engine not in ENGINES:
            raise CopygenError(f"unknown engine {self.engine!r}: use one of {', '.join(ENGINES)}")
        if self.num_beams < 1 or self.num_variants < 1 or self.batch_size < 1 or self.max_new_tokens < 1:
            raise CopygenError("--num-beams, --num-variants, --batch-size and --max-new-tokens must be at least 1")
        if not self.sample and self.num_variants > self.num_beams:
            raise CopygenError(
                f"--num-variants {self.num_variants} needs at least as many beams: pass --num-beams {self.num_variants} or more"
            )


@dataclass
class Variant:
    text: str
    score: float  # length-normalized log-probability (higher is better)
    checks: list[dict[str, Any]] = field(default_factory=list)  # see copygen.checks.check_variant


@dataclass
class Draft:
    """One product's generated copy, with everything needed to review or reproduce it."""

    id: str
    line: int
    attributes: dict[str, Any]
    template: str
    model: str
    params: dict[str, Any]
    variants: list[Variant]
    channel: str | None = None  # the channel preset whose limits the checks used

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def choose_template(template: str | None, record: dict) -> Template:
    """The template asked for, else the one a copygen fine-tune was trained with, else the default."""
    if template is None and record.get("template_source"):
        return load_template(record.get("template_name", "recorded"), source=record["template_source"])
    return load_template(template)


def model_input_text(loaded: LoadedModel, prompt: str) -> str:
    """The exact text the model sees: the chat template for instruct models, else the prompt
    followed by the separator a copygen fine-tune recorded."""
    if loaded.prompt_format == "chat":
        messages = [{"role": "user", "content": prompt}]
        return loaded.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return prompt + loaded.record.get("prompt_suffix", "")


def fit_prompt(loaded: LoadedModel, prompt: str, budget: int, on_warning, product_id: str) -> str:
    """Cut a prompt that would not fit the model's context, with a warning."""
    ids = loaded.tokenizer(prompt, add_special_tokens=False)["input_ids"]
    if len(ids) <= budget:
        return prompt
    if on_warning:
        on_warning(f"product {product_id}: prompt of {len(ids)} tokens cut to {budget} to fit the model's context")
    return loaded.tokenizer.decode(ids[:budget], skip_special_tokens=True)


def beam_search_batch(loaded: LoadedModel, texts: list[str], settings: GenerationSettings) -> list[list[Variant]]:
    """Decode a batch of model input texts; returns the n-best variants for each, best first."""
    import torch

    tokenizer, model = loaded.tokenizer, loaded.model
    add_special = loaded.prompt_format != "chat"
    inputs = tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=add_special)
    n = settings.num_variants
    options = dict(
        max_new_tokens=settings.max_new_tokens,
        num_return_sequences=n,
        pad_token_id=tokenizer.pad_token_id,
        return_dict_in_generate=True,
        output_scores=True,
    )
    if settings.sample:
        options.update(do_sample=True, num_beams=1, temperature=settings.temperature, top_p=settings.top_p)
    else:
        options.update(do_sample=False, num_beams=settings.num_beams, length_penalty=settings.length_penalty)
        if settings.num_beams > 1:
            options["early_stopping"] = True
    if settings.bad_words:
        options["bad_words_ids"] = bad_words_ids(tokenizer, settings.bad_words)
    if settings.no_repeat_ngram_size or settings.bad_words:
        prompt_length = inputs["input_ids"].shape[1] if loaded.architecture == "causal" else 0
        options["logits_processor"] = [copy_ngram_ban(settings.no_repeat_ngram_size, prompt_length)]
    with torch.inference_mode():
        output = model.generate(**inputs, **options)
    sequences = output.sequences
    if loaded.architecture == "causal":
        sequences = sequences[:, inputs["input_ids"].shape[1] :]
    scores = getattr(output, "sequences_scores", None)
    if scores is None:
        scores = mean_token_logprob(model, output, sequences, tokenizer.pad_token_id)
    texts_out = tokenizer.batch_decode(sequences, skip_special_tokens=True)
    return variants_of(texts_out, scores, len(texts), n)


def variants_of(texts_out: list[str], scores, rows: int, n: int) -> list[list[Variant]]:
    """Group decoded texts (n per input row, best first) into variants: whitespace tidied,
    empty and repeated texts dropped. Shared by every engine, so they tidy alike."""
    results = []
    for row in range(rows):
        variants, seen = [], set()
        for k in range(row * n, row * n + n):
            text = "\n".join(" ".join(line.split()) for line in texts_out[k].splitlines() if line.strip())
            if text and text not in seen:
                seen.add(text)
                variants.append(Variant(text=text, score=round(float(scores[k]), 4)))
        results.append(variants)
    return results


def copy_ngram_ban(size: int, prompt_length: int):
    """A transformers logits processor, run after the bad-words ban: forbid repeating an n-gram
    of the copy itself (`size` 0: none), then renormalize, so beam scores are log-probabilities
    over the tokens still allowed. Both choices are CTranslate2's, so the engines agree:
    transformers' own no_repeat_ngram_size also counts the prompt's n-grams, which keeps a
    product name of three or more tokens from ever being written out."""
    from transformers import LogitsProcessor, NoRepeatNGramLogitsProcessor

    class CopyNGramBan(LogitsProcessor):
        def __init__(self):
            self.no_repeat = NoRepeatNGramLogitsProcessor(size) if size else None

        def __call__(self, input_ids, scores):
            if self.no_repeat is not None:
                scores = self.no_repeat(input_ids[:, prompt_length:], scores)
            return scores.log_softmax(dim=-1)

    return CopyNGramBan()


def mean_token_logprob(model, output, sequences, pad_token_id):
    """Average log-probability per generated token, for greedy and sampled outputs."""
    import torch

    steps = model.compute_transition_scores(output.sequences, output.scores, normalize_logits=True)
    generated = sequences[:, -steps.shape[1] :]
    mask = (generated != pad_token_id) & torch.isfinite(steps)
    return (steps.masked_fill(~mask, 0).sum(1) / mask.sum(1).clamp(min=1)).tolist()


def bad_words_ids(tokenizer, words: list[str]) -> list[list[int]]:
    """Token sequences to forbid for each word, with and without a leading space and capital."""
    forms = {form for word in words for form in (word, " " + word, word.capitalize(), " " + word.capitalize())}
    ids = [tokenizer(form, add_special_tokens=False)["input_ids"] for form in sorted(forms)]
    return [sequence for sequence in ids if sequence]


def generate_drafts(
    products: Iterable[Product],
    loaded: LoadedModel,
    template: Template,
    settings: GenerationSettings,
    *,
    columns: Iterable[str] = (),
    exclude: Iterable[str] = ("id",),
    on_batch: Callable[[int], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[Draft]:
    """Yield one draft per product, in input order, generating in length-sorted batches."""
    from transformers import set_seed

    settings.validate()
    set_seed(settings.seed)
    columns, exclude = list(columns), list(exclude)
    budget = max(16, loaded.context_length - (settings.max_new_tokens if loaded.architecture == "causal" else 0) - 64)
    params = {key: value for key, value in asdict(settings).items() if key != "batch_size"}
    window: list[tuple[Product, str]] = []
    if settings.engine == "ct2":
        from copygen.engines import ct2_beam_search_batch

        def decode(texts):
            return ct2_beam_search_batch(loaded, texts, settings)
    else:
        def decode(texts):
            return beam_search_batch(loaded, texts, settings)

    # The ct2 engine takes a whole window and makes its own batches, by token length.
    step = settings.batch_size * SORT_WINDOW_BATCHES if settings.engine == "ct2" else settings.batch_size

    def flush() -> Iterator[Draft]:
        order = sorted(range(len(window)), key=lambda i: len(window[i][1]))
        variants: dict[int, list[Variant]] = {}
        for start in range(0, len(order), step):
            chunk = order[start : start + step]
            for index, result in zip(chunk, decode([window[i][1] for i in chunk])):
                variants[index] = result
            if on_batch:
                on_batch(len(chunk))
        for index, (product, _) in enumerate(window):
            yield Draft(id=product.id, line=product.line, attributes=product.attributes, template=template.name,
                        model=loaded.name, params=params, variants=variants[index])
        window.clear()

    for product in products:
        prompt = render_prompt(template, product.attributes, product_id=product.id, columns=columns, exclude=exclude)
        prompt = fit_prompt(loaded, prompt, budget, on_warning, product.id)
        window.append((product, model_input_text(loaded, prompt)))
        if len(window) >= settings.batch_size * SORT_WINDOW_BATCHES:
            yield from flush()
    if window:
        yield from flush()


def generate(products: str | Iterable[dict[str, Any]], *, model: str | None = None, template: str | None = None,
             id_column: str = "id", channel: str | None = None, banned: Iterable[str] = (),
             required: Iterable[str] | None = None, **settings: Any) -> list:
    """Drafts for products (a file path, `-`, or dicts) with a model (default: the embedded one).

    `settings` are `GenerationSettings` fields: num_beams, num_variants, max_new_tokens, ...
    Every variant carries its checks. A `channel` preset (see copygen.channels) sets the
    template and limits and re-ranks extra candidates by the checks; `banned` words are kept
    out of the copy and checked for; `required` columns (default: name) must be mentioned.
    """
    from copygen.channels import candidate_settings, get_channel, template_for
    from copygen.checks import check_drafts, required_columns

    if isinstance(products, str):
        items = list(read_products(products, id_column=id_column))
    else:
        items = [Product(id=str(row.get(id_column, line)), line=line, attributes=dict(row))
                 for line, row in enumerate(products, start=1)]
    preset = get_channel(channel) if channel else None
    record = read_record(model)
    chosen = choose_template(template_for(preset, template, record), record)
    columns = list(dict.fromkeys(key for item in items for key in item.attributes))
    check_columns(chosen, columns, "the products")
    required = required_columns(required, columns, "the products")
    chosen_settings = GenerationSettings(**settings)
    banned = list(banned)
    chosen_settings.bad_words = list(dict.fromkeys([*chosen_settings.bad_words, *banned]))
    chosen_settings.validate()
    from copygen.engines import load_engine_model

    loaded = load_engine_model(model, chosen_settings)
    drafts = generate_drafts(items, loaded, chosen, candidate_settings(chosen_settings, preset), columns=columns,
                             exclude=[id_column])
    return list(check_drafts(drafts, channel=preset, banned=banned, required=required,
                             keep=chosen_settings.num_variants))
