"""The metrics copygen offers, by key, and the one function that builds them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from copygen.scoring.metrics.base import Metric
from copygen.scoring.metrics.bleu import Bleu
from copygen.scoring.metrics.chrf import Chrf
from copygen.scoring.metrics.coco import CocoRougeL
from copygen.scoring.metrics.rouge import RougeL, RougeN, RougeTokenizer

BLEU_TOKENIZERS = ("13a", "intl", "zh", "char", "none")  # sacrebleu's that need no extra package
METRICS = ("bleu", "chrf", "rouge1", "rouge2", "rougeL", "rougeL-coco")
DEFAULT_METRICS = ("bleu", "chrf", "rouge1", "rouge2", "rougeL")


def make_metrics(
    keys: Sequence[str], *, lowercase: bool = False, tokenize: str = "13a", rouge_stem: bool = False
) -> list[Metric]:
    """The metric objects for `keys` (see METRICS), sharing one ROUGE tokenizer."""
    rouge_tokenizer = RougeTokenizer(stem=rouge_stem)
    makers: dict[str, Callable[[], Metric]] = {
        "bleu": lambda: Bleu(lowercase=lowercase, tokenize=tokenize),
        "chrf": lambda: Chrf(lowercase=lowercase),
        "rouge1": lambda: RougeN(1, rouge_tokenizer),
        "rouge2": lambda: RougeN(2, rouge_tokenizer),
        "rougeL": lambda: RougeL(rouge_tokenizer),
        "rougeL-coco": lambda: CocoRougeL(),
    }
    return [makers[key]() for key in keys]
