"""The one interface every engine implements: `load` a model, `decode` model input texts into
n-best variants. Also what engines share, so they tokenize, ban words and tidy text alike."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from typing import ClassVar, TypeVar

from copygen.generation.models import LoadedModel
from copygen.io.drafts import Variant
from copygen.text import tidy

OnBatch = Callable[[int], None] | None
Tag = TypeVar("Tag")


class Engine(ABC):
    """A way to decode. `load` builds one for a model spec; `decode` turns a window of model
    input texts (sorted by length) into the n-best variants of each, best first."""

    name: ClassVar[str]

    def __init__(self, loaded: LoadedModel):
        self.loaded = loaded

    @classmethod
    def can_run(cls, spec: str | None, settings) -> bool:
        """Whether this engine can decode the model `spec` names with these settings (for `auto`)."""
        return True

    @classmethod
    def prepare(cls, spec: str | None, settings, on_message: Callable[[str], None] | None = None) -> None:
        """One-off work before any process loads the model (a conversion), reported through
        `on_message`; done once, by the parent of a multi-process run."""

    @classmethod
    @abstractmethod
    def load(cls, spec: str | None, settings, *, threads: int | None = None) -> Engine:
        """The engine with the model `spec` names (None: the embedded default), ready to decode."""

    @classmethod
    def batch_size(cls, settings) -> int:
        """Products decoded together when `--batch-size` is left to the engine."""
        return 8

    def seed(self, seed: int) -> None:
        """Seed the engine's random draws (sampling), so a run can be repeated."""

    @abstractmethod
    def decode(
        self,
        texts: list[str],
        settings,
        on_batch: OnBatch = None,
        grounding: list[dict] | None = None,
        again: list[bool] | None = None,
    ) -> list[list[Variant]]:
        """The n-best variants of each text; `on_batch(n)` reports each n texts done. `grounding`
        holds each text's product attributes, for an engine that keeps numbers to them and decodes
        again a text whose every variant states something untrue; `again` says which texts may be
        decoded again (None: all)."""

    def decode_windows(
        self,
        windows: Iterable[tuple[list[str], list[dict] | None, list[bool] | None, Tag]],
        settings,
        on_batch: OnBatch = None,
    ) -> Iterator[tuple[Tag, list[list[Variant]]]]:
        """`decode` each window of (texts, grounding, again, tag) in turn, yielding its tag with its
        variants. An engine that decodes in the background overrides it to queue a window ahead."""
        for texts, grounding, again, tag in windows:
            yield tag, self.decode(texts, settings, on_batch, grounding, again)


def variants_of(texts_out: list[str], scores, rows: int, n: int, cut_off: list[bool]) -> list[list[Variant]]:
    """Group decoded texts (n per input row, best first) into variants: tidied, empty and
    repeated texts dropped. `cut_off` marks each text the token limit stopped."""
    results = []
    for row in range(rows):
        variants, seen = [], set()
        for k in range(row * n, row * n + n):
            text = tidy(texts_out[k])
            if text and text not in seen:
                seen.add(text)
                variants.append(Variant(text=text, score=round(float(scores[k]), 4), cut_off=cut_off[k]))
        results.append(variants)
    return results


def bad_words_ids(tokenizer, words: list[str]) -> list[list[int]]:
    """Token sequences to forbid for each word, with and without a leading space and capital."""
    forms = {form for word in words for form in (word, " " + word, word.capitalize(), " " + word.capitalize())}
    ids = [tokenizer(form, add_special_tokens=False)["input_ids"] for form in sorted(forms)]
    return [sequence for sequence in ids if sequence]
