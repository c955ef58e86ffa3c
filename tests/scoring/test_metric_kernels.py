"""The counting kernels: bit-parallel LCS, blocked n-gram matching, and forked workers."""

from __future__ import annotations

import multiprocessing

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scoring_helpers import EPS, SAMPLE_HYPS, SAMPLE_REFS, streams

from copygen.scoring import metrics as m
from copygen.scoring.evaluate import score
from copygen.scoring.metrics import kernels, parallel


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=30), st.lists(st.sampled_from("abcdef"), max_size=30))
def test_bit_parallel_lcs_equals_the_table(a, b):
    from rouge_score.rouge_scorer import _lcs_table

    expected = _lcs_table(a, b)[-1][-1] if a and b else 0
    assert m.lcs_length(m.token_masks(a), len(a), b) == expected


def counting_calls(monkeypatch, module, name: str) -> list:
    """Replace module.name by a wrapper that records each call's arguments, and return the record."""
    calls: list = []
    real = getattr(module, name)

    def spy(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


def test_chrf_counts_texts_with_large_alphabets(monkeypatch):
    import sacrebleu

    wide = "".join(chr(0x4E00 + i) for i in range(3000))  # 3,000 distinct characters: 12 bits each
    hyps, refs = [wide[:1500] + "ab", "abc"], [[wide[700:2900]], ["abd"]]
    expected = sacrebleu.CHRF().corpus_score(hyps, streams(refs)).score
    ids, lengths = m.code_points([wide])
    assert m.block_matches(ids, lengths, ids, lengths, 6) is None  # 12 bits x 6 characters + 1 > 64
    assert score(hyps, refs, metrics=["chrf"], bootstrap=0)["metrics"]["chrf"]["score"] == pytest.approx(
        expected, abs=EPS
    )
    monkeypatch.setattr(kernels, "ELEMENTS_PER_BLOCK", 8)  # many small blocks give the same counts
    blocks = counting_calls(monkeypatch, kernels, "block_matches")
    assert score(hyps, refs, metrics=["chrf"], bootstrap=0)["metrics"]["chrf"]["score"] == pytest.approx(
        expected, abs=EPS
    )
    assert [len(args[1]) for args in blocks] == [1, 1]  # small blocks: never both pairs in one block


def test_small_blocks_and_forked_workers_give_the_same_statistics(monkeypatch):
    metrics = m.make_metrics(m.METRICS)
    hyps, refs = SAMPLE_HYPS * 4, [[ref] for refs in SAMPLE_REFS for ref in refs[:1]] * 4
    alone = m.item_statistics(metrics, hyps, refs, jobs=1)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS", 2)
    monkeypatch.setattr(kernels, "ELEMENTS_PER_BLOCK", 16)
    contexts = counting_calls(monkeypatch, multiprocessing, "get_context")
    forked = m.item_statistics(metrics, hyps, refs, jobs=2)
    assert contexts == [("fork",)]  # the work did go to forked workers
    for a, b in zip(alone, forked):
        assert a.tolist() == b.tolist()
