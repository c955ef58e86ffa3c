"""The CTranslate2 engine (`ct2`, int8 on CPU): several times faster than transformers on CPU.

It decodes a model converted once by ct2_convert.py. It tokenizes with the model's own tokenizer exactly as the transformers
engine does, so both engines decode the same tokens with the same settings; only the
arithmetic differs (int8 instead of float32).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copygen.errors import ModelError
from copygen.generation.engines.base import Engine, OnBatch, bad_words_ids, variants_of
from copygen.generation.engines.ct2_convert import CONVERTIBLE, ct2_model_dir, model_type
from copygen.generation.inventions import invention_runs
from copygen.generation.models import (
    LoadedModel,
    ModelSource,
    load_description,
    local_folder,
    ready_model,
    resolve_model,
)
from copygen.generation.number_bans import RETRIES, learned_bans, number_bans, true_start, untrue_runs
from copygen.io.drafts import Variant
from copygen.machine import checked_device, cpu_threads, gpu_of_this_process, one_malloc_arena

# Batches waiting for each worker. A stopped run (Ctrl-C) exits only once the workers have decoded
# every queued batch, which CTranslate2 cannot cancel; its default of 4 made that wait 25 s on the samples.
QUEUED_PER_WORKER = 1


@dataclass
class CT2Model:
    """A converted model: the CTranslate2 Generator (causal) or Translator (seq2seq), the
    transformers config (for the context length), and the tokens that end a sequence."""

    runner: Any
    config: Any
    folder: Path
    end_tokens: list[str]


class CT2Engine(Engine):
    name = "ct2"

    @classmethod
    def can_run(cls, spec, settings) -> bool:
        """A text generator CTranslate2's converter knows, on the CPU or a GPU this build of
        CTranslate2 can use. Decided from config.json alone: importing the converter costs seconds."""
        try:
            import ctranslate2
        except ImportError:
            return False
        if checked_device(settings.device) not in ("auto", "cpu") and not ctranslate2.get_cuda_device_count():
            return False
        return model_type(resolve_model(spec)) in CONVERTIBLE

    @classmethod
    def prepare(cls, spec, settings, on_message=None) -> None:
        ct2_model_dir(resolve_model(spec), compute_type_for(settings), on_message)

    @classmethod
    def load(cls, spec, settings, *, threads=None) -> CT2Engine:
        return cls(
            load_ct2(
                resolve_model(spec),
                compute_type=compute_type_for(settings),
                seed=settings.seed,
                sample=settings.sample,
                threads=threads,
                device=settings.device,
            )
        )

    @classmethod
    def batch_size(cls, settings) -> int:
        """2 on a CPU: each row of a batch holds a float32 key/value cache for every layer. At 4,
        64 E2E MRs took 11% less time but peaked at 1.0 GB against 0.8 GB, above the naive
        transformers loop; products share a batch only when their prompts have the same length,
        which no two of the 24 samples have."""
        return 2 if ct2_device(settings.device) == "cpu" else 8

    def seed(self, seed: int) -> None:
        import ctranslate2

        ctranslate2.set_random_seed(seed)

    def decode(self, texts: list[str], settings, on_batch: OnBatch = None, grounding=None) -> list[list[Variant]]:
        return self.finish(self.start(texts, settings, grounding), settings, on_batch)

    def decode_windows(self, windows, settings, on_batch: OnBatch = None):
        """Queue each window before finishing the one before: the workers decode it while this
        process re-decodes the last window's failing products and checks its copy, so no
        worker waits at a window's end (the drafts are the same; a window is read ahead)."""
        ahead = None
        for texts, grounding, tag in windows:
            started = tag, self.start(texts, settings, grounding)
            if ahead is not None:
                yield ahead[0], self.finish(ahead[1], settings, on_batch)
            ahead = started
        if ahead is not None:
            yield ahead[0], self.finish(ahead[1], settings, on_batch)

    def start(self, texts: list[str], settings, grounding) -> tuple:
        """Queue the texts' first decoding. CTranslate2 has no logits hook in beam search: each
        product's numbers are kept true by suppressing the token runs that would write another
        (see number_bans), and the common inventions untrue for it too (see inventions); `finish`
        decodes again a product whose every candidate still states something untrue, with the
        runs that wrote it suppressed too."""
        bans = None
        if grounding is not None and settings.constrain_numbers:
            tokenizer = self.loaded.tokenizer
            bans = [
                number_bans(tokenizer, attributes)
                + [tokenizer.convert_ids_to_tokens(run) for run in invention_runs(tokenizer, attributes)]
                for attributes in grounding
            ]
        return texts, grounding, bans, queue_decode(self.loaded, texts, settings, bans)

    def finish(self, started: tuple, settings, on_batch: OnBatch) -> list[list[Variant]]:
        """The variants of texts `start` queued, re-decoded where every candidate invented a number."""
        texts, grounding, bans, queued = started
        decoded = collect_decoded(self.loaded, queued)
        if bans is not None:
            decoded = redecoded(self.loaded, texts, settings, bans, grounding, decoded)
        if on_batch:
            on_batch(len(texts))
        return [as_variants(self.loaded, sequences, scores, settings.max_new_tokens) for sequences, scores in decoded]


def compute_type_for(settings) -> str:
    """The precision asked for, else int8 on the CPU and float16 on a GPU."""
    if settings.compute_type != "auto":
        return settings.compute_type
    return "int8" if ct2_device(settings.device) == "cpu" else "float16"


def ct2_device(asked: str) -> str:
    """`--device` for CTranslate2: auto is this process's GPU when CTranslate2 sees one, else the CPU."""
    import ctranslate2

    if checked_device(asked) != "auto":
        return asked
    gpus = ctranslate2.get_cuda_device_count()
    return gpu_of_this_process(gpus) if gpus else "cpu"


ENGINE = CT2Engine


def load_ct2(
    source: ModelSource,
    *,
    compute_type: str = "int8",
    seed: int = 0,
    sample: bool = False,
    threads: int | None = None,
    device: str = "auto",
) -> LoadedModel:
    """Load a model for the ct2 engine: the converted weights plus the original tokenizer (never
    the transformers weights)."""
    import ctranslate2

    converted = ct2_model_dir(source, compute_type)
    folder = local_folder(source)
    description = load_description(ModelSource(source.name, folder), torch_free=True)
    config, tokenizer, architecture = description.config, description.tokenizer, description.architecture
    runner = open_runner(converted, architecture, ct2_device(device), compute_type, threads or cpu_threads(), sample)
    ctranslate2.set_random_seed(seed)
    model = CT2Model(runner=runner, config=config, folder=converted, end_tokens=end_tokens(folder, config, tokenizer))
    return ready_model(source, model, description)


def end_tokens(folder: Path, config, tokenizer) -> list[str]:
    """The tokens that end a sequence, as transformers' generate would stop on them: the
    generation config's eos_token_id, else the model config's, else the tokenizer's."""
    path = folder / "generation_config.json"
    eos = json.loads(path.read_text(encoding="utf-8")).get("eos_token_id") if path.exists() else None
    eos = getattr(config, "eos_token_id", None) if eos is None else eos
    ids = [eos] if isinstance(eos, int) else list(eos or [tokenizer.eos_token_id])
    return tokenizer.convert_ids_to_tokens([i for i in ids if i is not None])


def open_runner(converted: Path, architecture: str, where: str, compute_type: str, threads: int, sample: bool):
    """The CTranslate2 Translator (seq2seq) or Generator (causal) on `where` ("cpu" or "cuda:N")."""
    import ctranslate2

    runner_class = ctranslate2.Translator if architecture == "seq2seq" else ctranslate2.Generator
    device, index = where.split(":") if ":" in where else (where, "0")
    if device == "cuda":
        parallel, per_batch = 1, 0
    elif sample:  # one worker, so one random stream: the same seed draws the same samples
        parallel, per_batch = 1, threads
    else:
        # One thread per batch and as many batches at once as threads: small matrices gain
        # little from several threads, and a thread waiting for the others stalls on a busy machine.
        parallel, per_batch = threads, 1
    if device == "cpu":
        one_malloc_arena()
    try:
        return runner_class(
            str(converted),
            device=device,
            compute_type=compute_type,
            device_index=int(index),
            inter_threads=parallel,
            intra_threads=per_batch,
            max_queued_batches=QUEUED_PER_WORKER * parallel,
        )
    except (RuntimeError, ValueError) as error:
        raise ModelError(
            f"cannot load the converted model in {converted}: {error}; delete that folder to convert again"
        ) from None


def ct2_options(settings, end_token: list[str]) -> dict[str, Any]:
    """GenerationSettings as CTranslate2's decoding options (sampling draws one hypothesis per copy)."""
    options: dict[str, Any] = dict(
        no_repeat_ngram_size=settings.no_repeat_ngram_size, end_token=end_token, return_scores=True
    )
    if settings.sample:
        options.update(
            beam_size=1,
            num_hypotheses=1,
            sampling_topk=0,
            sampling_topp=settings.top_p,
            sampling_temperature=settings.temperature,
        )
    else:
        options.update(
            beam_size=settings.num_beams, num_hypotheses=settings.num_variants, length_penalty=settings.length_penalty
        )
    return options


def batches_of(
    tokens: list[list[str]], bans: list[list[list[str]]], starts: list[list[int]], settings, same_length: bool
) -> list[list[int]]:
    """Indexes of the texts to decode together: texts with the same bans and copy starts, shortest first.

    A Generator runs a batch's prompts in one pass only up to the shortest one; the rest of a
    longer prompt is decoded token by token and then counts as copy for the n-gram and word
    bans. So a causal model with bans batches prompts of one token length, which keeps each
    product's copy independent of its neighbours (and equal to the transformers engine's).
    """
    banning = settings.no_repeat_ngram_size or settings.bad_words or any(bans)
    groups: dict[tuple, list[int]] = {}
    for index in sorted(range(len(tokens)), key=lambda i: len(tokens[i])):
        length = len(tokens[index]) if same_length and banning else 0
        groups.setdefault((length, repr(bans[index]), repr(starts[index])), []).append(index)
    return [
        group[start : start + settings.batch_size]
        for group in groups.values()
        for start in range(0, len(group), settings.batch_size)
    ]


def submit(
    loaded: LoadedModel, batch: list[list[str]], settings, options: dict, suppress: list[list[str]], start: list[str]
) -> list:
    """Queue a batch of token lists whose copy begins with the tokens `start`; the runner decodes
    as many batches at once as it has threads."""
    runner = loaded.model.runner
    extra = {"suppress_sequences": suppress} if suppress else {}
    if loaded.architecture == "seq2seq":
        if start:
            extra["target_prefix"] = [start] * len(batch)
        return runner.translate_batch(
            batch,
            max_decoding_length=settings.max_new_tokens,
            min_decoding_length=0,
            max_input_length=0,
            asynchronous=True,
            **options,
            **extra,
        )
    return runner.generate_batch(
        [tokens + start for tokens in batch],
        max_length=max(1, settings.max_new_tokens - len(start)),
        include_prompt_in_result=False,
        asynchronous=True,
        **options,
        **extra,
    )


def collect(loaded: LoadedModel, pending, start: list[int]) -> tuple[list[list[int]], list[float]]:
    """The token ids (from the copy's first) and scores of one queued input's hypotheses."""
    result = pending.result()
    if loaded.architecture == "seq2seq":  # a Translator returns the target prefix with the rest
        return [loaded.tokenizer.convert_tokens_to_ids(h) for h in result.hypotheses], list(result.scores)
    return [start + list(ids) for ids in result.sequences_ids], list(result.scores)


def ct2_decode(
    loaded: LoadedModel,
    texts: list[str],
    settings,
    bans: list[list[list[str]]] | None = None,
    starts: list[list[int]] | None = None,
) -> list[tuple[list[list[int]], list[float]]]:
    """Decode texts with CTranslate2, `settings.batch_size` at a time: for each text, the token ids
    and scores of its n-best hypotheses, best first. `bans` are token runs to suppress, per text
    (texts with the same bans share batches); `starts` are token ids each text's copy must begin
    with (its hypotheses include them; a score covers only what was decoded after them).

    Settings map one to one onto CTranslate2's: num_beams -> beam_size, num_variants ->
    num_hypotheses, max_new_tokens -> max_length (new tokens only), bad_words -> suppress_sequences,
    temperature/top_p -> sampling_temperature/sampling_topp (over the whole vocabulary).
    """
    return collect_decoded(loaded, queue_decode(loaded, texts, settings, bans, starts))


def queue_decode(
    loaded: LoadedModel,
    texts: list[str],
    settings,
    bans: list[list[list[str]]] | None = None,
    starts: list[list[int]] | None = None,
) -> tuple:
    """Queue `ct2_decode`'s batches on the runner's workers and return at once: the batches, what
    each is waiting on, and how many texts and copies, for `collect_decoded`."""
    tokenizer, model = loaded.tokenizer, loaded.model
    add_special = loaded.prompt_format != "chat"
    tokens = [
        tokenizer.convert_ids_to_tokens(row) for row in tokenizer(texts, add_special_tokens=add_special)["input_ids"]
    ]
    options = ct2_options(settings, model.end_tokens)
    banned_words = [tokenizer.convert_ids_to_tokens(ids) for ids in bad_words_ids(tokenizer, settings.bad_words)]
    bans = bans or [[] for _ in texts]
    starts = starts or [[] for _ in texts]
    copies = settings.num_variants if settings.sample else 1  # sampling: one draw per copy of the input

    batches = batches_of(tokens, bans, starts, settings, same_length=loaded.architecture == "causal")
    pending = [
        (
            batch,
            submit(
                loaded,
                [tokens[i] for i in batch for _ in range(copies)],
                settings,
                options,
                banned_words + bans[batch[0]],
                tokenizer.convert_ids_to_tokens(starts[batch[0]]),
            ),
        )
        for batch in batches
    ]
    return pending, starts, len(texts), copies


def collect_decoded(loaded: LoadedModel, queued: tuple) -> list[tuple[list[list[int]], list[float]]]:
    """Wait for the batches `queue_decode` queued: each text's hypotheses and scores, in text order."""
    pending, starts, count, copies = queued
    decoded: list = [None] * count
    for batch, waiting in pending:
        results = [collect(loaded, one, starts[batch[0]]) for one in waiting]
        for position, index in enumerate(batch):
            mine = results[position * copies : (position + 1) * copies]
            decoded[index] = (
                [sequence for sequences, _ in mine for sequence in sequences],
                [score for _, scores in mine for score in scores],
            )
    return decoded


def redecoded(loaded: LoadedModel, texts: list[str], settings, bans: list, grounding: list, decoded: list) -> list:
    """Decode again, up to RETRIES times, each product whose every hypothesis states a number or
    a name its attributes do not hold ("Michelin-starred") or contradicts a value
    ("family-friendly" for familyFriendly: no), with the token runs that wrote them suppressed
    too; the new hypotheses come before the old ones (the grounded ranking picks among them
    all). A new round continues the best hypothesis from
    where its first untrue run began: the true start is kept, not decoded again. Each round looks
    only at the hypotheses the last one decoded."""
    tokenizer, latest = loaded.tokenizer, dict(enumerate(decoded))
    for _ in range(RETRIES):
        failing, starts = {}, {}
        for index, (sequences, _) in latest.items():
            written = [ids for ids in sequences if ids]
            runs = [untrue_runs(tokenizer, ids, grounding[index], skip=()) for ids in written]
            if written and all(runs):
                failing[index] = list(bans[index])
                for ban in (ban for ids, found in zip(written, runs) for ban in learned_bans(tokenizer, ids, found)):
                    if ban not in failing[index]:
                        failing[index].append(ban)
                starts[index] = true_start(tokenizer, written[0], runs[0][0], grounding[index], skip=())
        if not failing:
            break
        again = ct2_decode(loaded, [texts[i] for i in failing], settings, list(failing.values()), list(starts.values()))
        latest = dict(zip(failing, again))
        for index, (sequences, scores) in latest.items():
            bans[index] = failing[index]
            old_sequences, old_scores = decoded[index]
            decoded[index] = (sequences + old_sequences, scores + old_scores)
    return decoded


def as_variants(loaded: LoadedModel, sequences: list[list[int]], scores: list[float], limit: int) -> list[Variant]:
    """One text's hypotheses as variants, best first (empty and repeated texts dropped). A
    hypothesis of `limit` tokens was stopped by the limit: its end token, had it one, is not counted."""
    texts = loaded.tokenizer.batch_decode(sequences, skip_special_tokens=True)
    return variants_of(texts, scores, 1, len(texts), [len(ids) >= limit for ids in sequences])[0]
