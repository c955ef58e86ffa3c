"""The transformers engine, the reference: `model.generate` beam search (or sampling) in batches.

Causal models get left padding and an attention mask, so a product's text does not depend on
the other products in its batch.
"""

from __future__ import annotations

from copygen.errors import ModelError
from copygen.generation.constraints import number_constraint
from copygen.generation.engines.base import Engine, OnBatch, bad_words_ids, variants_of
from copygen.generation.inventions import first_runs
from copygen.generation.models import (
    LoadedModel,
    ModelSource,
    cannot_load,
    load_description,
    ready_model,
    resolve_model,
)
from copygen.generation.number_bans import RETRIES, untrue_text_runs
from copygen.io.drafts import Variant
from copygen.machine import cpu_threads, torch_device


class TransformersEngine(Engine):
    name = "transformers"

    @classmethod
    def load(cls, spec, settings=None, *, threads=None) -> TransformersEngine:
        import torch

        torch.set_num_threads(threads or cpu_threads())
        return cls(load_transformers(resolve_model(spec), torch_device(settings.device if settings else "auto")))

    def seed(self, seed: int) -> None:
        from transformers import set_seed

        set_seed(seed)

    def decode(
        self, texts: list[str], settings, on_batch: OnBatch = None, grounding=None, again=None
    ) -> list[list[Variant]]:
        results: list[list[Variant]] = []
        for start in range(0, len(texts), settings.batch_size):
            batch = texts[start : start + settings.batch_size]
            facts = grounding[start : start + settings.batch_size] if grounding is not None else None
            banned = None
            if facts is not None and settings.constrain_numbers:
                tokenizer, borrowed = self.loaded.tokenizer, settings.example_words
                banned = [first_runs(tokenizer, attributes, borrowed=borrowed) for attributes in facts]
            decoded = beam_search_batch(self.loaded, batch, settings, facts, banned)
            if banned is not None:
                retry = again[start : start + settings.batch_size] if again is not None else [True] * len(batch)
                decoded = redecoded(self.loaded, batch, facts, decoded, settings, banned, retry)
            results += decoded
            if on_batch:
                on_batch(len(batch))
        return results


ENGINE = TransformersEngine


def load_transformers(source: ModelSource, device: str = "cpu") -> LoadedModel:
    """Model and tokenizer with the architecture its config declares, from safetensors only, on
    `device` (in half precision on a GPU: bfloat16 where it is supported, else float16)."""
    from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM

    description = load_description(source)
    loader = AutoModelForSeq2SeqLM if description.architecture == "seq2seq" else AutoModelForCausalLM
    model = checked_weights(loader, source)
    model.to(device=device, dtype=decoding_dtype(device, model.dtype)).eval()
    return ready_model(source, model, description)


def checked_weights(model_class, source: ModelSource, **options):
    """`model_class.from_pretrained` from safetensors only, never remote code, refused when the
    weights lack tensors its config.json names (transformers would fill them with random numbers)."""
    try:
        model, info = model_class.from_pretrained(
            source.location, use_safetensors=True, trust_remote_code=False, output_loading_info=True, **options
        )
    except Exception as error:  # transformers raises many kinds; all mean "cannot load"
        raise cannot_load(source, error) from None
    missing = sorted(info.get("missing_keys") or ())
    if missing:
        raise ModelError(
            f"cannot load the model in {source.location}: its weights do not fit its config.json "
            f"({len(missing)} tensors missing, e.g. {missing[0]})"
        )
    return model


def decoding_dtype(device: str, dtype):
    """The weights' own precision on the CPU; on a GPU, bfloat16 where it is supported, else float16."""
    import torch

    if device == "cpu":
        return dtype
    return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16


def redecoded(
    loaded: LoadedModel,
    texts: list[str],
    grounding: list[dict],
    decoded: list[list[Variant]],
    settings,
    banned: list[list[list[int]]],
    again: list[bool],
) -> list[list[Variant]]:
    """Decode again, together, up to RETRIES times, the products of a batch whose every variant
    states a number, name or claim its attributes do not hold or contradicts a value (those
    `again` allows), each with its `banned` runs and the token runs that wrote them banned (as
    the ct2 engine does); new variants come before the old ones (the grounded ranking picks
    among them all). Each round looks only at the last one's."""
    banned = [list(runs) for runs in banned]
    latest = {index: variants for index, variants in enumerate(decoded) if again[index]}
    for _ in range(RETRIES):
        failing = []
        for index, variants in latest.items():
            runs = [untrue_text_runs(loaded.tokenizer, variant.text, grounding[index]) for variant in variants]
            if variants and all(runs):
                failing.append(index)
                banned[index] += [run for found in runs for run in found if run not in banned[index]]
        if not failing:
            break
        again = beam_search_batch(
            loaded,
            [texts[i] for i in failing],
            settings,
            [grounding[i] for i in failing],
            [banned[i] for i in failing],
        )
        latest = dict(zip(failing, again))
        for index, variants in latest.items():
            decoded[index] = variants + decoded[index]
    return decoded


def beam_search_batch(
    loaded: LoadedModel,
    texts: list[str],
    settings,
    grounding: list[dict] | None = None,
    banned: list[list[list[int]]] | None = None,
) -> list[list[Variant]]:
    """Decode a batch of model input texts; returns the n-best variants for each, best first.
    With `grounding` (each text's product attributes) and `settings.constrain_numbers`, numbers
    are kept to the product's (copygen.generation.constraints). `banned` holds token runs each
    text's copy never writes."""
    import torch

    tokenizer, model = loaded.tokenizer, loaded.model
    add_special = loaded.prompt_format != "chat"
    inputs = tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=add_special)
    inputs = inputs.to(model.device)
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
    # Where the copy starts in the ids a logits processor sees: after the prompt, or after a decoder's start token.
    start = inputs["input_ids"].shape[1] if loaded.architecture == "causal" else 1
    processors = []
    if grounding is not None and settings.constrain_numbers:
        processors.append(number_constraint(tokenizer, grounding, start, settings.max_new_tokens))
    if banned and any(banned):
        processors.append(run_bans(banned))
    if settings.no_repeat_ngram_size or settings.bad_words or processors:
        processors.append(copy_ngram_ban(settings.no_repeat_ngram_size, start))
    if processors:
        options["logits_processor"] = processors
    with torch.inference_mode():
        output = model.generate(**inputs, **options)
    sequences = output.sequences
    if loaded.architecture == "causal":
        sequences = sequences[:, inputs["input_ids"].shape[1] :]
    ends = model.generation_config.eos_token_id
    ends = {ends} if isinstance(ends, int) else set(ends or ())
    scores = getattr(output, "sequences_scores", None)
    if scores is None:
        scores = mean_token_logprob(model, output, sequences, ends)
    texts_out = tokenizer.batch_decode(sequences, skip_special_tokens=True)
    cut_off = [not ends.intersection(row.tolist()) for row in sequences]  # the limit stopped every row without an end
    return variants_of(texts_out, scores, len(texts), n, cut_off)


def run_bans(banned: list[list[list[int]]]):
    """A transformers logits processor that keeps each text's rows (its beams or samples,
    together in transformers' layout) from completing any of that text's banned token runs."""
    from transformers import LogitsProcessor

    class RunBans(LogitsProcessor):
        def __call__(self, input_ids, scores):
            rows_per_text = max(1, input_ids.shape[0] // len(banned))
            for row in range(input_ids.shape[0]):
                for run in banned[row // rows_per_text]:
                    before = run[:-1]
                    if not before or input_ids[row, -len(before) :].tolist() == before:
                        scores[row, run[-1]] = float("-inf")
            return scores

    return RunBans()


def copy_ngram_ban(size: int, start: int):
    """A transformers logits processor, run after the bad-words ban: forbid repeating an n-gram
    of the copy itself (the ids from `start`; `size` 0: none), then renormalize, so beam scores
    are log-probabilities over the tokens still allowed. Both choices are CTranslate2's, so the
    engines agree: transformers' own no_repeat_ngram_size also counts the prompt's n-grams, which
    keeps a product name of three or more tokens from ever being written out, and a seq2seq
    decoder's start token, which let the tiny T5 write one pad fewer than CTranslate2."""
    from transformers import LogitsProcessor, NoRepeatNGramLogitsProcessor

    class CopyNGramBan(LogitsProcessor):
        def __init__(self):
            self.no_repeat = NoRepeatNGramLogitsProcessor(size) if size else None

        def __call__(self, input_ids, scores):
            if self.no_repeat is not None:
                scores = self.no_repeat(input_ids[:, start:], scores)
            return scores.log_softmax(dim=-1)

    return CopyNGramBan()


def mean_token_logprob(model, output, sequences, ends: set[int]):
    """Average log-probability per generated token, for greedy and sampled outputs: every token up
    to and with the first end token, as CTranslate2 counts them (a pad the model wrote counts; the
    pads after a row's end do not)."""
    import torch

    steps = model.compute_transition_scores(output.sequences, output.scores, normalize_logits=True)
    generated = sequences[:, -steps.shape[1] :]
    is_end = torch.isin(generated, torch.tensor(sorted(ends), dtype=generated.dtype, device=generated.device))
    ended = (is_end.cumsum(1) - is_end.long()) > 0  # a row's end came before this token
    mask = ~ended & torch.isfinite(steps)
    return (steps.masked_fill(~mask, 0).sum(1) / mask.sum(1).clamp(min=1)).tolist()
