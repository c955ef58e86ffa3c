"""What every metric is: sufficient statistics per item, and a score from summed statistics.

That one shape gives the corpus score, per-item scores, bootstrap confidence intervals and the
paired test, as sacrebleu does it. This file also checks the items every metric is given.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from copygen.errors import InputError


def check_items(hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> None:
    """Raise InputError unless there is one list of at least one reference per hypothesis."""
    if len(hypotheses) != len(references):
        raise InputError(
            f"{len(hypotheses)} hypotheses but {len(references)} reference lists; give one list per hypothesis"
        )
    for number, refs in enumerate(references, start=1):
        if isinstance(refs, str):
            raise InputError(f"item {number}: references must be a list of strings, not one string; wrap it in a list")
        if not refs:
            raise InputError(f"item {number} has no references; give every item at least one reference text")


def nrefs_of(references: Sequence[Sequence[str]]) -> int | str:
    """References per item as sacrebleu's signature writes it: a number, or "var"."""
    counts = {len(refs) for refs in references}
    return counts.pop() if len(counts) == 1 else "var"


class Metric:
    """A metric as statistics per item plus a score from summed statistics.

    Subclasses fill in `count` (statistics of items already checked), `scores` and `signature`.
    """

    key: str
    name: str

    def statistics(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> np.ndarray:
        """One row of sufficient statistics per item; every item needs at least one reference."""
        check_items(hypotheses, references)
        return self.count(hypotheses, references)

    def count(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> np.ndarray:
        """`statistics` without the check (for items checked once, then counted in blocks)."""
        raise NotImplementedError

    def scores(self, sums: np.ndarray) -> np.ndarray:
        """Scores (0-100) for rows of statistics summed over items."""
        raise NotImplementedError

    def item_scores(self, statistics: np.ndarray) -> np.ndarray:
        """The score of each item on its own (sentence-level)."""
        return self.scores(statistics)

    def signature(self, nrefs: int | str, bootstrap: int = 0, seed: int | None = None) -> str:
        """How the score was computed, in sacrebleu's `key:value|...` form."""
        raise NotImplementedError

    def detail(self, sums: np.ndarray) -> str | None:
        """A line of detail for the corpus score, when the metric has one (BLEU's precisions)."""
        return None


class MeanOfItems(Metric):
    """A metric whose corpus score is the mean of per-item scores: statistics are [F, 1]."""

    def item_f(self, hypothesis: str, references: Sequence[str]) -> float:
        """The F score (0-1) of one item."""
        raise NotImplementedError

    def count(self, hypotheses, references):
        rows = np.ones((len(hypotheses), 2))
        rows[:, 0] = [self.item_f(hyp, refs) for hyp, refs in zip(hypotheses, references)]
        return rows

    def scores(self, sums):
        sums = np.atleast_2d(sums)
        return 100 * sums[:, 0] / sums[:, 1]


def signature_parts(nrefs: int | str, bootstrap: int, seed: int | None) -> list[str]:
    """The leading fields of a signature, as sacrebleu orders them: nrefs, then bs and seed."""
    return [f"nrefs:{nrefs}"] + ([f"bs:{bootstrap}", f"seed:{seed}"] if bootstrap else [])
