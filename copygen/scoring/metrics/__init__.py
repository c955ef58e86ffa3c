"""Corpus metrics over multi-reference items: BLEU and chrF (sacrebleu), ROUGE-1/2/L (rouge-score).

Every metric turns items into per-item sufficient statistics, one numpy row per item, and a
score from statistics summed over any subset of items (base.py); that gives the corpus score,
per-item scores, bootstrap intervals and the paired test (bootstrap.py). The statistics are
counted by copygen (kernels.py) because the libraries take minutes on 50,000 pairs; scores,
smoothing and signatures still come from sacrebleu, through sacrebleu_api.py alone, and the
tests check every number against the libraries' own code.

This module is the public surface: import from here, not from the files behind it.
"""

from copygen.scoring.metrics.base import MeanOfItems, Metric, check_items, nrefs_of
from copygen.scoring.metrics.bleu import Bleu, Tokenizer13a
from copygen.scoring.metrics.bootstrap import bootstrap_scores, confidence_interval, paired_p_value
from copygen.scoring.metrics.catalog import BLEU_TOKENIZERS, DEFAULT_METRICS, METRICS, make_metrics
from copygen.scoring.metrics.chrf import Chrf
from copygen.scoring.metrics.coco import CocoRougeL
from copygen.scoring.metrics.kernels import block_matches, code_points, lcs_length, pair_matches, token_masks, word_ids
from copygen.scoring.metrics.parallel import item_statistics
from copygen.scoring.metrics.rouge import RougeL, RougeN, RougeTokenizer

__all__ = [
    "BLEU_TOKENIZERS",
    "DEFAULT_METRICS",
    "METRICS",
    "Bleu",
    "Chrf",
    "CocoRougeL",
    "MeanOfItems",
    "Metric",
    "RougeL",
    "RougeN",
    "RougeTokenizer",
    "Tokenizer13a",
    "block_matches",
    "bootstrap_scores",
    "check_items",
    "code_points",
    "confidence_interval",
    "item_statistics",
    "lcs_length",
    "make_metrics",
    "nrefs_of",
    "pair_matches",
    "paired_p_value",
    "token_masks",
    "word_ids",
]
