"""ROUGE-L as the MS-COCO caption scorer (and so the E2E NLG challenge) computes it."""

from __future__ import annotations

import re

from copygen.scoring.metrics.base import MeanOfItems, signature_parts
from copygen.scoring.metrics.kernels import lcs_length, token_masks

PTB_CONTRACTION = re.compile(r"(?i)(\w)(n't|'s|'re|'ve|'ll|'d|'m)\b")
PTB_TOKEN = re.compile(r"n't|'\w+|\d+(?:[.,:/-]\d+)*|\w+(?:-\w+)*|\.\.\.|--|\S")
# pycocoevalcap's PTBTokenizer drops these tokens (plus quotes, which PTB writes as `` and '').
PTB_PUNCTUATION = {
    "''",
    "'",
    "``",
    "`",
    "-LRB-",
    "-RRB-",
    "-LCB-",
    "-RCB-",
    ".",
    "?",
    "!",
    ",",
    ":",
    "-",
    "--",
    "...",
    ";",
    '"',
}


class CocoRougeL(MeanOfItems):
    """ROUGE-L of the MS-COCO caption scorer, which the E2E NLG challenge reports.

    Lower-cased, Penn-Treebank-style tokens without punctuation (an approximation of Stanford
    PTBTokenizer, which needs Java; it reproduces the published E2E figure); then the best LCS
    precision and the best LCS recall over the references, combined with beta = 1.2.
    """

    key, name = "rougeL-coco", "ROUGE-L (COCO)"
    BETA = 1.2

    def __init__(self):
        self._cache: dict[str, list[str]] = {}

    def tokenize(self, text: str) -> list[str]:
        """Lower-cased PTB-style tokens of a text, punctuation left out."""
        tokens = self._cache.get(text)
        if tokens is None:
            spaced = PTB_CONTRACTION.sub(r"\1 \2", text.lower())
            tokens = self._cache[text] = [t for t in PTB_TOKEN.findall(spaced) if t not in PTB_PUNCTUATION]
        return tokens

    def item_f(self, hypothesis, references):
        hyp = self.tokenize(hypothesis)
        if not hyp:
            return 0.0
        masks = token_masks(hyp)
        precision = recall = 0.0
        for reference in references:
            ref = self.tokenize(reference)
            if ref:
                common = lcs_length(masks, len(hyp), ref)
                precision, recall = max(precision, common / len(hyp)), max(recall, common / len(ref))
        if not precision or not recall:
            return 0.0
        beta2 = self.BETA**2
        return ((1 + beta2) * precision * recall) / float(recall + beta2 * precision)

    def signature(self, nrefs, bootstrap=0, seed=None):
        parts = signature_parts(nrefs, bootstrap, seed)
        return "|".join(
            parts + ["tok:ptb-lc-nopunct", f"beta:{self.BETA}", "refs:best-p-best-r", "avg:items", "version:coco"]
        )
