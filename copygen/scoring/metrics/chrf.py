"""chrF2 as sacrebleu computes it, with character n-gram statistics counted here."""

from __future__ import annotations

import numpy as np

from copygen.scoring.metrics import sacrebleu_api
from copygen.scoring.metrics.base import Metric
from copygen.scoring.metrics.kernels import code_points, pair_matches


class Chrf(Metric):
    """chrF2 (character 6-grams, beta 2) as sacrebleu computes it, best reference per item.

    A row is, for each order n, [hypothesis n-grams, reference n-grams, matches]: sacrebleu's
    layout. The matches of every (hypothesis, reference) pair are counted by `pair_matches`.
    """

    key, name = "chrf", "chrF2"

    def __init__(self, lowercase: bool = False):
        self.corpus = sacrebleu_api.chrf(lowercase=lowercase)
        self.order = sacrebleu_api.chrf_order(self.corpus)
        self.lowercase = lowercase

    def prepare(self, text: str) -> str:
        """The text as chrF sees it: lower-cased if asked, without whitespace."""
        text = text.lower() if self.lowercase else text
        return "".join(text.split())  # sacrebleu leaves whitespace out of character n-grams

    def count(self, hypotheses, references):
        hyps = [self.prepare(hypothesis) for hypothesis in hypotheses]
        pair_hyps = [hyp for hyp, refs in zip(hyps, references) for _ in refs]
        pair_refs = [self.prepare(ref) for refs in references for ref in refs]
        pairs = self._pair_statistics(pair_hyps, pair_refs)
        rows = np.zeros((len(hyps), 3 * self.order), dtype=np.int64)
        at = 0
        for index, refs in enumerate(references):
            if len(refs) == 1:
                rows[index] = pairs[at]
            else:  # sacrebleu keeps the first reference with the strictly best F score
                scores = [
                    sacrebleu_api.chrf_f_score(self.corpus, stats) for stats in pairs[at : at + len(refs)].tolist()
                ]
                rows[index] = pairs[at + scores.index(max(scores))]
            at += len(refs)
        return rows

    def _pair_statistics(self, pair_hyps: list[str], pair_refs: list[str]) -> np.ndarray:
        """One row of statistics per (hypothesis, reference) pair."""
        order = self.order
        found = pair_matches(code_points(pair_hyps), code_points(pair_refs), order)
        pairs = np.zeros((len(pair_hyps), 3 * order), dtype=np.int64)
        hyp_chars = np.fromiter(map(len, pair_hyps), dtype=np.int64, count=len(pair_hyps))
        ref_chars = np.fromiter(map(len, pair_refs), dtype=np.int64, count=len(pair_refs))
        for n in range(1, order + 1):
            hyp_ngrams, ref_ngrams = np.maximum(hyp_chars - n + 1, 0), np.maximum(ref_chars - n + 1, 0)
            # sacrebleu counts no hypothesis n-grams of an order the reference is too short for
            pairs[:, 3 * n - 3] = np.where(ref_ngrams > 0, hyp_ngrams, 0)
            pairs[:, 3 * n - 2] = ref_ngrams
            pairs[:, 3 * n - 1] = found[:, n - 1]
        return pairs

    def scores(self, sums):
        return np.array([sacrebleu_api.score_from_statistics(self.corpus, row) for row in sums])

    def signature(self, nrefs, bootstrap=0, seed=None):
        return sacrebleu_api.signature(self.corpus, nrefs, bootstrap, seed)
