"""ROUGE-1, ROUGE-2 and ROUGE-L F1 as rouge-score computes them, with a Unicode-aware tokenizer.

Only rouge-score's public `scoring.fmeasure` is used (checked against rouge-score 0.1.2,
pinned in pyproject); the overlaps are counted by metrics/kernels.py, and the tests compare
every score with rouge-score's own `RougeScorer.score_multi`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from importlib.metadata import version

import numpy as np
import regex

from copygen.scoring.metrics.base import MeanOfItems, signature_parts
from copygen.scoring.metrics.kernels import lcs_length, pair_matches, token_masks, word_ids
from copygen.text import CJK_RANGES

# Scripts written without spaces between words: each character is a token.
CJK = re.compile(f"([{CJK_RANGES}])")
# A word: a letter or digit, then letters, digits and combining marks (Unicode categories
# Mn, Mc, Me), so that Devanagari's vowel signs and viramas stay inside the word.
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}\p{M}]*")
# rouge-score's tokenization of ASCII text in one step: lower-case letters and digits, all else a space
ASCII_WORDS = str.maketrans(
    {chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)} | {"\x00": "\x00"}
)


class RougeTokenizer:
    """rouge-score's default tokenizer made Unicode-aware (usable as its `tokenizer=`).

    rouge-score lower-cases and keeps runs of [a-z0-9], so "Écouteurs" loses its "é" and
    Chinese text vanishes. This keeps runs of any letters and digits with their combining
    marks (after NFKC), and splits Chinese and Japanese into characters. On ASCII text the
    tokens are identical to rouge-score's, stemming included (Porter on tokens over 3 characters).
    """

    def __init__(self, stem: bool = False):
        self.stem = stem
        self._stems: dict[str, str] = {}
        self._cache: dict[str, list[str]] = {}
        self._stemmer = None
        if stem:
            from nltk.stem import porter

            self._stemmer = porter.PorterStemmer()

    def tokenize(self, text: str) -> list[str]:
        """The tokens of one text."""
        tokens = self._cache.get(text)
        if tokens is None:
            normal = text.lower() if text.isascii() else CJK.sub(r" \1 ", unicodedata.normalize("NFKC", text).lower())
            tokens = WORD.findall(normal)
            if self._stemmer is not None:
                tokens = [self._stem(token) if len(token) > 3 else token for token in tokens]
            self._cache[text] = tokens
        return tokens

    def tokenize_many(self, texts: Sequence[str]) -> list[list[str]]:
        """`tokenize` for many texts; ASCII ones in one `str.translate` over all of them."""
        cache = self._cache
        fresh = [text for text in dict.fromkeys(texts) if text not in cache and text.isascii() and "\x00" not in text]
        for start in range(0, len(fresh), 10_000):
            block = fresh[start : start + 10_000]
            for text, part in zip(block, "\x00".join(block).translate(ASCII_WORDS).split("\x00")):
                tokens = part.split()
                if self._stemmer is not None:
                    tokens = [self._stem(token) if len(token) > 3 else token for token in tokens]
                cache[text] = tokens
        return [self.tokenize(text) for text in texts]

    def _stem(self, token: str) -> str:
        stemmed = self._stems.get(token)
        if stemmed is None:
            stemmed = self._stems[token] = self._stemmer.stem(token)
        return stemmed


class RougeN(MeanOfItems):
    """ROUGE-N F1 as rouge-score's `score_multi` gives it (best reference), averaged over items.

    The n-gram overlaps of all (hypothesis, reference) pairs are counted by `pair_matches`;
    precision, recall and F follow rouge-score's `_score_ngrams` and `scoring.fmeasure`.
    """

    def __init__(self, n: int, tokenizer: RougeTokenizer):
        self.n, self.tokenizer = n, tokenizer
        self.key, self.name = f"rouge{n}", f"ROUGE-{n}"

    def count(self, hypotheses, references):
        n, tokenize = self.n, self.tokenizer.tokenize_many
        hyps = tokenize(hypotheses)
        pair_hyps = [hyp for hyp, refs in zip(hyps, references) for _ in refs]
        pair_refs = tokenize([ref for refs in references for ref in refs])
        hyp_side, ref_side = word_ids(pair_hyps, pair_refs)
        overlap = pair_matches(hyp_side, ref_side, n)[:, n - 1]
        precision = overlap / np.maximum(hyp_side[1] - n + 1, 1)
        recall = overlap / np.maximum(ref_side[1] - n + 1, 1)
        total = precision + recall
        f = np.divide(2 * precision * recall, total, out=np.zeros_like(total), where=total > 0)
        starts = np.concatenate([[0], np.cumsum([len(refs) for refs in references])[:-1]])
        rows = np.ones((len(hyps), 2))
        rows[:, 0] = np.maximum.reduceat(f, starts) if len(f) else 0.0
        return rows

    def signature(self, nrefs, bootstrap=0, seed=None):
        return rouge_signature(self.tokenizer, nrefs, bootstrap, seed)


class RougeL(MeanOfItems):
    """ROUGE-L F1 (longest common subsequence) as rouge-score computes it, best reference."""

    key, name = "rougeL", "ROUGE-L"

    def __init__(self, tokenizer: RougeTokenizer):
        from rouge_score.scoring import fmeasure as rouge_fmeasure

        self.tokenizer, self._fmeasure = tokenizer, rouge_fmeasure

    def count(self, hypotheses, references):
        self.tokenizer.tokenize_many([*hypotheses, *(ref for refs in references for ref in refs)])
        return super().count(hypotheses, references)

    def item_f(self, hypothesis, references):
        hyp = self.tokenizer.tokenize(hypothesis)
        if not hyp:
            return 0.0
        masks = token_masks(hyp)
        best = 0.0
        for reference in references:
            ref = self.tokenizer.tokenize(reference)
            if ref:
                common = lcs_length(masks, len(hyp), ref)
                best = max(best, self._fmeasure(common / len(hyp), common / len(ref)))
        return best

    def signature(self, nrefs, bootstrap=0, seed=None):
        return rouge_signature(self.tokenizer, nrefs, bootstrap, seed)


def rouge_signature(tokenizer: RougeTokenizer, nrefs, bootstrap, seed) -> str:
    """How a ROUGE score was computed, in sacrebleu's signature form."""
    parts = signature_parts(nrefs, bootstrap, seed) + [
        "tok:unicode",
        f"stem:{'yes' if tokenizer.stem else 'no'}",
        "refs:best-f",
        "avg:items",
        f"version:rouge-score-{version('rouge-score')}",
    ]
    return "|".join(parts)
