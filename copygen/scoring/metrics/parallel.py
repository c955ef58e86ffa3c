"""Every metric's per-item statistics for many items, in forked worker processes when it pays."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from copygen.machine import usable_cores
from copygen.scoring.metrics.base import Metric, check_items

PARALLEL_MIN_ITEMS = 2000  # below this, starting processes costs more than it saves
_SHARED: tuple | None = None  # the work a forked worker reads, set just before forking


def item_statistics(metrics: Sequence[Metric], hypotheses, references, jobs: int = 1) -> list[np.ndarray]:
    """Each metric's per-item statistics; with `jobs` > 1, blocks of items in forked processes.

    jobs=0 means one process per usable CPU. Forking is used where the platform has it, so the
    workers share the inputs without copying them; elsewhere the work runs in this process.
    The items are checked once, here, so an error names the item's number in the whole input.
    """
    global _SHARED
    import multiprocessing

    check_items(hypotheses, references)
    jobs = usable_cores() if jobs == 0 else jobs
    count = len(hypotheses)
    if jobs <= 1 or count < PARALLEL_MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return [metric.count(hypotheses, references) for metric in metrics]
    blocks = min(4 * jobs, count)
    bounds = [(count * i // blocks, count * (i + 1) // blocks) for i in range(blocks)]
    _SHARED = (metrics, hypotheses, references)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_block_statistics, bounds, chunksize=1)
    finally:
        _SHARED = None
    return [np.concatenate([part[index] for part in parts]) for index in range(len(metrics))]


def _block_statistics(bounds: tuple[int, int]) -> list[np.ndarray]:
    metrics, hypotheses, references = _SHARED
    start, end = bounds
    return [metric.count(hypotheses[start:end], references[start:end]) for metric in metrics]
