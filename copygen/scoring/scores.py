"""Scoring texts: hypotheses and their reference lists in, metrics (and a paired test) out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from copygen.errors import InputError, UsageError


def score(
    hypotheses: Sequence[str],
    references: Sequence[Sequence[str]],
    *,
    metrics: Sequence[str] | None = None,
    lowercase: bool = False,
    tokenize: str = "13a",
    rouge_stem: bool = False,
    bootstrap: int = 1000,
    seed: int = 12345,
    per_item: bool = False,
    compare: Sequence[str] | None = None,
    jobs: int = 1,
) -> dict[str, Any]:
    """Score hypotheses against their references (one list per hypothesis), as plain data.

    Returns {"metrics": {key: {"name", "score", "signature", ["ci95"], ["detail"]}}}, plus
    "per_item" (a list of {key: score}) when asked, and "comparison" when `compare` gives a
    second system's hypotheses for the same items: sacrebleu's paired bootstrap test of it
    against the first, per metric. Scores are 0-100.
    """
    from copygen.scoring import metrics as m

    keys = check_metric_options(metrics, tokenize, bootstrap)
    check_texts(hypotheses, references, compare)
    objects = m.make_metrics(keys, lowercase=lowercase, tokenize=tokenize, rouge_stem=rouge_stem)
    statistics = m.item_statistics(objects, hypotheses, references, jobs=jobs)
    other = m.item_statistics(objects, compare, references, jobs=jobs) if compare is not None else None
    samples = None
    if bootstrap and len(hypotheses) > 1:  # one set of resamples for all metrics (and both systems)
        systems = 2 if other is not None else 1
        samples = m.bootstrap_scores(objects * systems, statistics + (other or []), bootstrap, seed)
    nrefs = m.nrefs_of(references)
    report: dict[str, Any] = {"metrics": {}}
    for index, (metric, stats) in enumerate(zip(objects, statistics)):
        resampled = samples[index] if samples else None
        report["metrics"][metric.key] = metric_entry(metric, stats, resampled, nrefs, bootstrap, seed)
    if per_item:
        columns = {metric.key: metric.item_scores(stats) for metric, stats in zip(objects, statistics)}
        report["per_item"] = [
            {key: float(values[i]) for key, values in columns.items()} for i in range(len(hypotheses))
        ]
    if other is not None:
        report["comparison"] = compare_systems(objects, other, samples, report["metrics"], bootstrap, seed)
    return report


def check_texts(hypotheses, references, compare) -> None:
    """Raise InputError unless there is something to score, with a reference list per item."""
    from copygen.scoring.metrics import check_items

    if not hypotheses:
        raise InputError("nothing to score: no hypothesis has references")
    check_items(hypotheses, references)
    if compare is not None and len(compare) != len(hypotheses):
        raise InputError(
            f"the compared system has {len(compare)} hypotheses for {len(hypotheses)} items; they must match"
        )


def metric_entry(metric, statistics, samples, nrefs, bootstrap: int, seed: int) -> dict[str, Any]:
    """One metric's report: name, corpus score, signature, and the interval and detail when there."""
    from copygen.scoring.metrics import confidence_interval

    total = statistics.sum(axis=0)
    entry = {
        "name": metric.name,
        "score": float(metric.scores(total[None, :])[0]),
        "signature": metric.signature(nrefs, bootstrap if samples is not None else 0, seed),
    }
    if samples is not None:
        entry["ci95"] = confidence_interval(samples)
    detail = metric.detail(total)
    if detail:
        entry["detail"] = detail
    return entry


def check_metric_options(metrics, tokenize, bootstrap) -> list[str]:
    """The metric keys to compute (defaults when none), once the options are known to be valid."""
    from copygen.scoring.metrics import BLEU_TOKENIZERS, DEFAULT_METRICS, METRICS

    keys = list(dict.fromkeys(metrics or DEFAULT_METRICS))
    unknown = [key for key in keys if key not in METRICS]
    if unknown:
        raise UsageError(f"unknown metric {unknown[0]!r}: use one of {', '.join(METRICS)}")
    if tokenize not in BLEU_TOKENIZERS:
        raise UsageError(f"unknown --tokenize {tokenize!r}: use one of {', '.join(BLEU_TOKENIZERS)}")
    if bootstrap < 0 or bootstrap == 1:
        raise UsageError(f"--bootstrap must be 0 (off) or at least 2 resamples, got {bootstrap}")
    return keys


def compare_systems(objects, other, samples, baseline_scores, bootstrap, seed) -> dict[str, Any]:
    """sacrebleu's paired bootstrap test of system B (`other`) against A, per metric."""
    from copygen.scoring import metrics as m

    if not samples:
        raise InputError("--compare needs bootstrap resamples: leave --bootstrap at its default or set it to 2 or more")
    result: dict[str, Any] = {"samples": bootstrap, "seed": seed, "metrics": {}}
    count = len(objects)
    for index, (metric, stats) in enumerate(zip(objects, other)):
        a = baseline_scores[metric.key]["score"]
        b = float(metric.scores(stats.sum(axis=0)[None, :])[0])
        result["metrics"][metric.key] = {
            "name": metric.name,
            "a": a,
            "b": b,
            "delta": b - a,
            "p_value": m.paired_p_value(a, b, samples[index], samples[count + index]),
            "b_ci95": m.confidence_interval(samples[count + index]),
        }
    return result
