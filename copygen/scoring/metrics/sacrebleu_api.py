"""The one place copygen touches sacrebleu: its metric objects, and the private members behind them.

copygen counts BLEU and chrF statistics itself (metrics/kernels.py) and lets sacrebleu turn
them into scores, smoothing and signatures. sacrebleu has no public call for "a score from
statistics", so this file reaches into its private API: `_compute_score_from_stats`,
`_compute_f_score`, `BLEUScore._verbose`, `TokenizerRegexp._re`, and the `num_refs`,
`n_bootstrap` and `seed` attributes that `corpus_score` normally sets before `get_signature`.

Checked against sacrebleu 2.6.0 (pyproject pins sacrebleu>=2.6,<2.7; CHECKED_VERSION below,
and a test compares it with the installed version). On an upgrade, read those members in the
new release and rerun tests/scoring, which compare every number with sacrebleu's own code.
sacrebleu is imported inside the functions: importing copygen never loads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

CHECKED_VERSION = "2.6"  # the major.minor release this file was checked against


def version() -> str:
    """The installed sacrebleu's version."""
    import sacrebleu

    return sacrebleu.__version__


def bleu(*, lowercase: bool, tokenize: str, effective_order: bool = False) -> Any:
    """A sacrebleu BLEU object (corpus BLEU; sentence BLEU with `effective_order`)."""
    from sacrebleu.metrics.bleu import BLEU

    return BLEU(lowercase=lowercase, tokenize=tokenize, effective_order=effective_order)


def chrf(*, lowercase: bool) -> Any:
    """A sacrebleu chrF object with its defaults (character 6-grams, beta 2)."""
    from sacrebleu.metrics.chrf import CHRF

    return CHRF(lowercase=lowercase)


def bleu_order(metric: Any) -> int:
    """The largest n-gram order a BLEU object counts."""
    return metric.max_ngram_order


def chrf_order(metric: Any) -> int:
    """The largest character n-gram order a chrF object counts."""
    return metric.char_order


def tokenize(metric: Any, line: str) -> list[str]:
    """A line's tokens as a BLEU object's own tokenizer splits them."""
    return metric.tokenizer(line).split()


def score_from_statistics(metric: Any, row: Sequence[int]) -> float:
    """The score (0-100) of one row of summed statistics, as sacrebleu computes it."""
    return metric._compute_score_from_stats([int(x) for x in row]).score


def bleu_detail(metric: Any, row: Sequence[int]) -> str:
    """BLEU's line of detail for summed statistics: precisions, brevity penalty, lengths."""
    return metric._compute_score_from_stats([int(x) for x in row])._verbose


def chrf_f_score(metric: Any, row: Sequence[int]) -> float:
    """chrF's F score of one reference's statistics (how sacrebleu picks the best reference)."""
    return metric._compute_f_score(row)


def signature(metric: Any, nrefs: int | str, bootstrap: int = 0, seed: int | None = None) -> str:
    """sacrebleu's signature of a metric object, as `corpus_score` would have left it."""
    metric.num_refs = -1 if nrefs == "var" else nrefs
    metric.n_bootstrap = bootstrap or None
    metric.seed = str(seed) if bootstrap else None
    return metric.get_signature().format()


def patterns_13a() -> list[tuple[Any, str]]:
    """The 13a tokenizer's regexes after the first (periods, commas and dashes next to digits)."""
    from sacrebleu.tokenizers.tokenizer_re import TokenizerRegexp

    return TokenizerRegexp()._re[1:]


def tokenize_13a(line: str) -> list[str]:
    """A line's tokens by sacrebleu's own 13a tokenizer (for lines the fast path cannot take)."""
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

    return Tokenizer13a()(line).split()
