"""The CTranslate2 engine (`ct2`, int8 on CPU): several times faster than transformers on CPU.

It decodes a model converted once by ct2_convert.py. It tokenizes with the model's own tokenizer exactly as the transformers
engine does, so both engines decode the same tokens with the same settings; only the
arithmetic differs (int8 instead of float32).
"""

from __future__ import annotations

import ctypes
import json
import mmap
import os
import re
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from copygen.errors import ModelError, UsageError
from copygen.generation.engines.base import Engine, OnBatch, bad_words_ids, variants_of
from copygen.generation.engines.ct2_convert import CONVERTIBLE, ct2_model_dir, model_type
from copygen.generation.inventions import first_runs
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
from copygen.machine import checked_device, cpu_threads, device_among, one_malloc_arena
from copygen.quality.grounding import attribute_values

# Batches waiting for each worker. A stopped run (Ctrl-C) exits only once the workers have decoded
# every queued batch, which CTranslate2 cannot cancel; its default of 4 made that wait 25 s on the samples.
QUEUED_PER_WORKER = 1
WINDOWS_AHEAD = 3  # windows read while the first is decoded again, to keep the workers busy meanwhile


@dataclass
class CT2Model:
    """A converted model: the CTranslate2 Generator (causal) or Translator (seq2seq) and how many
    batches it decodes at once, the transformers config (for the context length), and the tokens
    that end a sequence."""

    runner: Any
    workers: int
    config: Any
    folder: Path
    end_tokens: list[str]


class CT2Engine(Engine):
    name = "ct2"

    @classmethod
    def can_run(cls, spec, settings) -> bool:
        """A text generator CTranslate2's converter knows, on the CPU or a GPU this build of
        CTranslate2 can use; not when a GPU is there that it cannot use (the transformers engine
        decodes on it). Decided from config.json alone: importing the converter costs seconds."""
        try:
            import ctranslate2
        except ImportError:
            return False
        asked, seen = checked_device(settings.device), ctranslate2.get_cuda_device_count()
        if asked != "cpu" and not usable_gpus() and (seen or asked != "auto"):  # a GPU asked for, or there
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

    def decode(
        self, texts: list[str], settings, on_batch: OnBatch = None, grounding=None, again=None
    ) -> list[list[Variant]]:
        [(_, variants)] = scheduled(self.loaded, [(texts, grounding, again, None)], settings, on_batch)
        return variants

    def decode_windows(self, windows, settings, on_batch: OnBatch = None):
        return scheduled(self.loaded, windows, settings, on_batch)


def compute_type_for(settings) -> str:
    """The precision asked for, else int8 on the CPU and float16 on a GPU."""
    if settings.compute_type != "auto":
        return settings.compute_type
    return "int8" if ct2_device(settings.device) == "cpu" else "float16"


def ct2_device(asked: str) -> str:
    """`--device` for CTranslate2: auto is this process's GPU when CTranslate2 can use one, else the CPU."""
    if checked_device(asked) == "cpu":
        return asked
    gpus = usable_gpus()
    if asked != "auto" and not gpus:
        raise UsageError(f"the ct2 engine cannot decode on {asked}: {why_no_gpu()}")
    return device_among(asked, gpus, "CTranslate2")


def usable_gpus() -> int:
    """The GPUs CTranslate2 can decode on: those it sees, when the cuBLAS it was built against loads.
    A machine whose CUDA libraries are another release's (torch built for CUDA 13, say) shows
    CTranslate2 its GPU, but its first decoding there fails."""
    import ctranslate2

    gpus = ctranslate2.get_cuda_device_count()
    cublas = cublas_name() if gpus else None  # read only where a GPU is seen: 80 ms
    if cublas is None:
        return gpus
    try:
        ctypes.CDLL(cublas)
    except OSError:
        return 0
    return gpus


@cache
def cublas_name() -> str | None:
    """The cuBLAS CTranslate2 loads by name at its first decoding on a GPU, read from its library
    (`libcublas.so.12` in its 4.x wheels, built for CUDA 12; a build for CUDA 13 names another); None
    where it cannot be read (no /proc: not Linux). CTranslate2 has no call that tells."""
    import ctranslate2  # noqa: F401  (its library is then among this process's mappings)

    maps = Path("/proc/self/maps")
    if not maps.exists():
        return None
    mapped = {line.split(maxsplit=5)[-1] for line in maps.read_text().splitlines() if "libctranslate2" in line}
    for library in filter(os.path.isfile, mapped):  # not a library replaced on disk since: "... (deleted)"
        with open(library, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            found = re.search(rb"libcublas\.so\.\d+", data)
            if found:
                return found.group().decode()
    return None


def why_no_gpu() -> str:
    """Why `usable_gpus` found none, and what to do."""
    import ctranslate2

    if not ctranslate2.get_cuda_device_count():
        return "CTranslate2 sees no GPU; use --device cpu"
    return (
        f"CTranslate2 loads {cublas_name()} (the cuBLAS it was built for), which is not on the library path; "
        "install it, or use --engine transformers"
    )


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
    runner, workers = open_runner(
        converted, architecture, ct2_device(device), compute_type, threads or cpu_threads(), sample
    )
    ctranslate2.set_random_seed(seed)
    model = CT2Model(runner, workers, config, converted, end_tokens(folder, config, tokenizer))
    return ready_model(source, model, description)


def end_tokens(folder: Path, config, tokenizer) -> list[str]:
    """The tokens that end a sequence, as transformers' generate would stop on them: the
    generation config's eos_token_id, else the model config's, else the tokenizer's."""
    path = folder / "generation_config.json"
    eos = json.loads(path.read_text(encoding="utf-8")).get("eos_token_id") if path.exists() else None
    eos = getattr(config, "eos_token_id", None) if eos is None else eos
    ids = [eos] if isinstance(eos, int) else list(eos or [tokenizer.eos_token_id])
    return tokenizer.convert_ids_to_tokens([i for i in ids if i is not None])


def open_runner(
    converted: Path, architecture: str, where: str, compute_type: str, threads: int, sample: bool
) -> tuple[Any, int]:
    """The CTranslate2 Translator (seq2seq) or Generator (causal) on `where` ("cpu" or "cuda:N"),
    and how many batches it decodes at once."""
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
        runner = runner_class(
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
    return runner, parallel


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
    tokens: list[list[str]],
    bans: list[list[list[str]]],
    starts: list[list[int]],
    settings,
    same_length: bool,
    heads: list[int],
) -> list[list[int]]:
    """Indexes of the texts to decode together: texts with the same bans, copy starts and head,
    shortest first.

    A Generator runs a batch's prompts in one pass only up to the shortest one; the rest of a
    longer prompt is decoded token by token and then counts as copy for the n-gram and word
    bans. So a causal model with bans batches prompts of one token length, which keeps each
    product's copy independent of its neighbours (and equal to the transformers engine's).
    """
    banning = settings.no_repeat_ngram_size or settings.bad_words or any(bans)
    groups: dict[tuple, list[int]] = {}
    for index in sorted(range(len(tokens)), key=lambda i: len(tokens[i])):
        length = len(tokens[index]) if same_length and banning else 0
        head = tuple(tokens[index][: heads[index]])
        groups.setdefault((length, repr(bans[index]), repr(starts[index]), head), []).append(index)
    return [
        group[start : start + settings.batch_size]
        for group in groups.values()
        for start in range(0, len(group), settings.batch_size)
    ]


def submit(loaded: LoadedModel, settings, batch: Batch) -> Batch:
    """Queue a batch on the runner, whose workers decode as many batches at once as it has threads."""
    runner = loaded.model.runner
    options = ct2_options(settings, loaded.model.end_tokens)
    start = loaded.tokenizer.convert_ids_to_tokens(batch.start)
    extra: dict[str, Any] = {"suppress_sequences": batch.suppress} if batch.suppress else {}
    if batch.head:
        extra["static_prompt"] = batch.head
    if loaded.architecture == "seq2seq":
        if start:
            extra["target_prefix"] = [start] * len(batch.tokens)
        batch.pending = runner.translate_batch(
            batch.tokens,
            max_decoding_length=settings.max_new_tokens,
            min_decoding_length=0,
            max_input_length=0,
            asynchronous=True,
            **options,
            **extra,
        )
    else:
        batch.pending = runner.generate_batch(
            [tokens + start for tokens in batch.tokens],
            max_length=max(1, settings.max_new_tokens - len(start)),
            include_prompt_in_result=False,
            asynchronous=True,
            **options,
            **extra,
        )
    return batch


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
    decoded: list = [None] * len(texts)
    batches = planned(loaded, input_tokens(loaded, texts)[0], settings, bans, starts)
    for batch in [submit(loaded, settings, batch) for batch in batches]:
        for index, result in zip(batch.indexes, batch.results(loaded)):
            decoded[index] = result
    return decoded


@dataclass
class Batch:
    """Texts decoded together: their indexes, tokens after the head they share (one copy per
    sampled variant), the runs to suppress and the start every copy begins with (ids); once
    submitted, what each copy waits on."""

    indexes: list[int]
    tokens: list[list[str]]
    suppress: list[list[str]]
    start: list[int]
    copies: int
    head: list[str] = field(default_factory=list)
    pending: list = field(default_factory=list)

    def done(self) -> bool:
        return all(one.done() for one in self.pending)

    def results(self, loaded: LoadedModel) -> list[tuple[list[list[int]], list[float]]]:
        """Wait for the batch: each text's hypotheses (ids from the copy's first) and scores."""
        found = [collect(loaded, one, self.start) for one in self.pending]
        return [
            (
                [sequence for sequences, _ in mine for sequence in sequences],
                [score for _, scores in mine for score in scores],
            )
            for mine in (found[k * self.copies : (k + 1) * self.copies] for k in range(len(self.indexes)))
        ]


def input_tokens(
    loaded: LoadedModel, texts: list[str], grounding: list[dict] | None = None
) -> tuple[list[list[str]], list[int]]:
    """The tokens of each model input text, as the transformers engine tokenizes it, and how many
    of them are its head (see own_heads; none without grounding or for a Translator)."""
    heads_told = loaded.architecture == "causal" and grounding is not None
    add_special = loaded.prompt_format != "chat"
    encoded = loaded.tokenizer(texts, add_special_tokens=add_special, return_offsets_mapping=heads_told)
    tokens = [loaded.tokenizer.convert_ids_to_tokens(row) for row in encoded["input_ids"]]
    return tokens, own_heads(texts, encoded["offset_mapping"], grounding) if heads_told else [0] * len(texts)


def own_heads(texts: list[str], offsets: list[list[tuple[int, int]]], grounding: list[dict]) -> list[int]:
    """Each input's head: how many of its tokens (by their character `offsets`) run up to the last
    line break before the first line that says one of its product's values (`grounding`), the
    chat template's system turn and the prompt's instructions. A Generator forwards a head once and
    keeps its state (a static prompt, cached by content) instead of forwarding it for every batch:
    11% less time on the speed bench's 64 MRs (a head of 41 tokens), 10% on the 24 samples (154
    tokens). Where a prompt is split changes CTranslate2's int8 arithmetic, so the head is decided
    by the product alone, never by the products decoded beside it: its drafts are the same alone
    or in any run. Heads are template text, so a run caches a few."""
    heads = []
    for text, spans, attributes in zip(texts, offsets, grounding):
        said = [text.find(value) for value in attribute_values(attributes) if value in text]
        cut = text.rfind("\n", 0, min(said, default=len(text))) + 1
        heads.append(max(0, min(sum(1 for _, end in spans if end <= cut), len(spans) - 1)))  # each keeps a token
    return heads


def planned(
    loaded: LoadedModel,
    tokens: list[list[str]],
    settings,
    bans: list[list[list[str]]] | None = None,
    starts: list[list[int]] | None = None,
    heads: list[int] | None = None,
) -> list[Batch]:
    """`ct2_decode`'s batches of input tokens, not yet submitted: each after its head (own_heads)."""
    tokenizer = loaded.tokenizer
    banned_words = [tokenizer.convert_ids_to_tokens(ids) for ids in bad_words_ids(tokenizer, settings.bad_words)]
    bans = bans or [[] for _ in tokens]
    starts = starts or [[] for _ in tokens]
    copies = settings.num_variants if settings.sample else 1  # sampling: one draw per copy of the input
    heads = heads or [0] * len(tokens)
    return [
        Batch(
            indexes=batch,
            tokens=[tokens[i][heads[i] :] for i in batch for _ in range(copies)],
            suppress=banned_words + bans[batch[0]],
            start=starts[batch[0]],
            copies=copies,
            head=tokens[batch[0]][: heads[batch[0]]],
        )
        for batch in batches_of(tokens, bans, starts, settings, loaded.architecture == "causal", heads)
    ]


def first_bans(tokenizer, grounding: list[dict] | None, settings) -> list[list[list[str]]] | None:
    """Each product's runs to suppress from its first decoding: the numbers no attribute holds (see
    number_bans), the common inventions untrue for it, its keys as labels and the template's
    example words it lacks (see inventions). None without grounding."""
    if grounding is None or not settings.constrain_numbers:
        return None
    return [
        number_bans(tokenizer, attributes)
        + [
            tokenizer.convert_ids_to_tokens(run)
            for run in first_runs(tokenizer, attributes, borrowed=settings.example_words)
        ]
        for attributes in grounding
    ]


@dataclass
class Window:
    """A window's texts being decoded: their tokens and heads, each text's hypotheses so far (the
    latest decoding's first), its bans and how many more times it may be decoded again."""

    tag: Any
    tokens: list[list[str]]
    heads: list[int]
    grounding: list[dict] | None
    bans: list | None
    decoded: list
    retries: list[int]


def scheduled(loaded: LoadedModel, windows, settings, on_batch: OnBatch = None):
    """Decode windows of (texts, grounding, again, tag), yielding each window's tag and variants, in order.

    CTranslate2 has no logits hook in beam search: each product's numbers are kept true by
    suppressing the token runs that would write another (see number_bans), and the common
    inventions untrue for it too (see inventions). A product whose every hypothesis still states
    something untrue is decoded again (see `again`), up to RETRIES times unless its window's
    `again` is False for it. Those decodings depend on the one before, one product at a time, so
    the workers are kept busy with the next windows'
    batches meanwhile: batches are handed to the runner as its workers free up, a product's next
    decoding before any new window's. No more batches wait than one per worker (QUEUED_PER_WORKER),
    so a stopped run still ends soon. The drafts are the same as one window at a time."""
    room = loaded.model.workers * (1 + QUEUED_PER_WORKER)  # decoding, and waiting in the runner's queue
    windows = iter(windows)
    open_windows: deque[Window] = deque()
    ready: deque[tuple[Window, Batch]] = deque()  # decodings again first, then the windows' batches
    flight: deque[tuple[Window, Batch]] = deque()
    exhausted = False
    while True:
        while len(flight) < room:
            if not ready and not exhausted and len(open_windows) < WINDOWS_AHEAD:
                texts = next(windows, None)
                exhausted = texts is None
                if texts is not None:
                    window, batches = opened(loaded, texts, settings)
                    open_windows.append(window)
                    ready.extend((window, batch) for batch in batches)
                continue
            if not ready:
                break
            window, batch = ready.popleft()
            flight.append((window, submit(loaded, settings, batch)))
        while open_windows and not any(owner is open_windows[0] for owner, _ in (*ready, *flight)):
            window = open_windows.popleft()
            if on_batch:
                on_batch(len(window.tokens))
            limit = settings.max_new_tokens
            yield window.tag, [as_variants(loaded, sequences, scores, limit) for sequences, scores in window.decoded]
        if not flight:
            if exhausted and not open_windows:
                return
            continue
        finished = next((job for job in flight if job[1].done()), flight[0])
        flight.remove(finished)
        ready.extendleft((finished[0], batch) for batch in reversed(taken(loaded, *finished, settings)))


def opened(loaded: LoadedModel, window: tuple, settings) -> tuple[Window, list[Batch]]:
    """A window of (texts, grounding, again, tag) to decode, and its first batches."""
    texts, grounding, again, tag = window
    tokens, heads = input_tokens(loaded, texts, grounding)
    bans = first_bans(loaded.tokenizer, grounding, settings)
    batches = planned(loaded, tokens, settings, bans, heads=heads)
    retries = [RETRIES if again is None or again[index] else 0 for index in range(len(texts))]
    return Window(tag, tokens, heads, grounding, bans, [None] * len(texts), retries), batches


def taken(loaded: LoadedModel, window: Window, batch: Batch, settings) -> list[Batch]:
    """Wait for a batch and put each text's hypotheses first among its window's; the batches that
    decode again each text whose every new hypothesis states something untrue."""
    retries = []
    for index, (sequences, scores) in zip(batch.indexes, batch.results(loaded)):
        old = window.decoded[index] or ([], [])
        window.decoded[index] = (sequences + old[0], scores + old[1])
        if window.bans is None or not window.retries[index]:
            continue
        retry = again(loaded.tokenizer, sequences, window.bans[index], window.grounding[index])
        if retry is not None:
            window.bans[index], start = retry
            window.retries[index] -= 1
            [decoding] = planned(
                loaded, [window.tokens[index]], settings, [window.bans[index]], [start], [window.heads[index]]
            )
            decoding.indexes = [index]
            retries.append(decoding)
    return retries


def again(tokenizer, sequences: list[list[int]], bans: list, attributes: dict) -> tuple[list, list[int]] | None:
    """How to decode a product again when every hypothesis of its last decoding states a number or
    a name its attributes do not hold ("Michelin-starred") or contradicts a value
    ("family-friendly" for familyFriendly: no): its bans with the token runs that wrote them added,
    and the start to continue from, its best hypothesis up to where its first untrue run began (the
    true start is kept, not decoded again). None when a hypothesis is true (the grounded ranking
    then picks among them all, the new ones first)."""
    written = [ids for ids in sequences if ids]
    runs = [untrue_runs(tokenizer, ids, attributes, skip=()) for ids in written]
    if not written or not all(runs):
        return None
    more = list(bans)
    for ban in (ban for ids, found in zip(written, runs) for ban in learned_bans(tokenizer, ids, found)):
        if ban not in more:
            more.append(ban)
    return more, true_start(tokenizer, written[0], runs[0][0], attributes, skip=())


def as_variants(loaded: LoadedModel, sequences: list[list[int]], scores: list[float], limit: int) -> list[Variant]:
    """One text's hypotheses as variants, best first (empty and repeated texts dropped). A
    hypothesis of `limit` tokens was stopped by the limit: its end token, had it one, is not counted."""
    texts = loaded.tokenizer.batch_decode(sequences, skip_special_tokens=True)
    return variants_of(texts, scores, 1, len(texts), [len(ids) >= limit for ids in sequences])[0]
