"""Bootstrap intervals and the paired test: sacrebleu's procedure, to sacrebleu's numbers."""

from __future__ import annotations

import pytest
from scoring_helpers import EPS, REFERENCES, SYSTEM_A, SYSTEM_B, streams

from copygen.scoring.evaluate import score


def test_confidence_interval_is_sacrebleus():
    import sacrebleu

    found = score(SYSTEM_B, REFERENCES, metrics=["bleu", "chrf"], bootstrap=200, seed=12345)["metrics"]
    for key, metric in (("bleu", sacrebleu.BLEU()), ("chrf", sacrebleu.CHRF())):
        expected = metric.corpus_score(SYSTEM_B, streams(REFERENCES), n_bootstrap=200)
        assert found[key]["ci95"]["mean"] == pytest.approx(expected._mean, abs=1e-4)
        assert found[key]["ci95"]["half_width"] == pytest.approx(expected._ci, abs=1e-4)
        assert found[key]["signature"] == metric.get_signature().format()


def test_paired_comparison_is_sacrebleus_paired_bootstrap():
    import sacrebleu
    from sacrebleu.significance import PairedTest

    found = score(SYSTEM_A, REFERENCES, metrics=["bleu", "chrf"], bootstrap=1000, compare=SYSTEM_B)["comparison"]
    test = PairedTest(
        [("A", SYSTEM_A), ("B", SYSTEM_B)],
        {"BLEU": sacrebleu.BLEU(), "chrF": sacrebleu.CHRF()},
        streams(REFERENCES),
        test_type="bs",
        n_samples=1000,
    )
    _, results = test()
    for key, name in (("bleu", "BLEU"), ("chrf", "chrF2")):
        expected = results[name][1]
        assert found["metrics"][key]["b"] == pytest.approx(expected.score, abs=EPS)
        assert found["metrics"][key]["p_value"] == pytest.approx(expected.p_value, abs=1e-9)
        assert found["metrics"][key]["b_ci95"]["mean"] == pytest.approx(expected.mean, abs=1e-4)
    assert found["metrics"]["bleu"]["delta"] < 0 and found["metrics"]["bleu"]["p_value"] < 0.05


def test_a_system_compared_with_itself_is_not_significant():
    found = score(SYSTEM_A, REFERENCES, bootstrap=100, compare=SYSTEM_A)["comparison"]["metrics"]
    for entry in found.values():
        assert entry["delta"] == 0 and entry["p_value"] == 1.0
