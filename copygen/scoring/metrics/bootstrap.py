"""Bootstrap resampling of items, confidence intervals and the paired test, as sacrebleu does them.

All of it works on per-item statistics (metrics/base.py), so one set of resamples serves
every metric and both systems of a comparison.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from copygen.scoring.metrics.base import Metric


def bootstrap_scores(metrics: Sequence[Metric], statistics: Sequence[np.ndarray], samples: int, seed: int):
    """Scores of `samples` bootstrap resamples of the items, per metric (array per metric).

    The resamples are sacrebleu's: numpy's default_rng(seed).choice(n, (samples, n)), drawn in
    blocks here so that 50,000 items do not need gigabytes. A resample's statistics are its
    items' rows weighted by how often each was drawn: one matrix product for all metrics.
    """
    n = len(statistics[0])
    combined = np.hstack([stats.astype(np.float64) for stats in statistics])
    rng = np.random.default_rng(seed)
    block = max(1, min(samples, 4_000_000 // max(n, 1)))
    sums = np.empty((samples, combined.shape[1]))
    for done in range(0, samples, block):
        rows = min(block, samples - done)
        picks = rng.choice(n, size=(rows, n), replace=True)
        picks += np.arange(rows)[:, None] * n  # one bincount for the whole block
        weights = np.bincount(picks.ravel(), minlength=rows * n).reshape(rows, n).astype(np.float64)
        sums[done : done + rows] = weights @ combined
    edges = np.cumsum([0] + [stats.shape[1] for stats in statistics])
    return [metric.scores(sums[:, a:b]) for metric, a, b in zip(metrics, edges, edges[1:])]


def confidence_interval(scores: np.ndarray) -> dict[str, float]:
    """sacrebleu's 95% interval: the 2.5th and 97.5th percentile resamples and their mean."""
    ordered = np.sort(scores)
    low = len(ordered) // 40
    lower, upper = float(ordered[low]), float(ordered[len(ordered) - low - 1])
    return {"low": lower, "high": upper, "mean": float(ordered.mean()), "half_width": 0.5 * (upper - lower)}


def paired_p_value(baseline: float, system: float, baseline_samples: np.ndarray, system_samples: np.ndarray) -> float:
    """sacrebleu's paired bootstrap p-value (Koehn 2004, as in Moses and sacrebleu --paired-bs).

    One deviation: systems with the same score get 1.0, where sacrebleu's formula gives
    1/(samples+1), which would read as a significant difference between identical outputs.
    """
    if baseline == system:
        return 1.0
    differences = np.abs(system_samples - baseline_samples)
    centred = differences - differences.mean()
    return float((np.sum(centred > abs(baseline - system)) + 1) / (len(centred) + 1))
