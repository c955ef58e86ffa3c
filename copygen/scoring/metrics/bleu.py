"""BLEU as sacrebleu computes it, with statistics counted here, and a fast 13a tokenizer.

The statistics are counted here rather than by sacrebleu item by item, which is pure Python
and takes most of a minute on 50,000 pairs; scores, smoothing and signatures come from
sacrebleu's own BLEU objects (through metrics/sacrebleu_api.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from copygen.scoring.metrics import sacrebleu_api
from copygen.scoring.metrics.base import Metric
from copygen.scoring.metrics.kernels import matches, ngrams, pair_matches, word_ids


class Tokenizer13a:
    """sacrebleu's 13a tokenizer for many lines at once, with identical output (property-tested).

    sacrebleu pads each line with spaces, pads 32 symbols with spaces by a regex, then applies
    three more regexes; the Python overhead of those calls per line is most of BLEU's time.
    Here the lines are joined with NUL between their padding, so every step runs once per
    block: the 13a patterns never consume a padding space's neighbour, so no step can see
    across lines. Symbols are padded with str.replace; spaces are left single, which only
    changes the run lengths of whitespace that the last step collapses.
    """

    # 13a's first pattern [\{-\~\[-\` -\&\(-\+\:-\@\/] without the space
    SYMBOLS = [
        chr(code)
        for low, high in ((0x7B, 0x7E), (0x5B, 0x60), (0x21, 0x26), (0x28, 0x2B), (0x3A, 0x40), (0x2F, 0x2F))
        for code in range(low, high + 1)
    ]
    LINES_PER_BLOCK = 10_000

    def __init__(self):
        self._patterns = sacrebleu_api.patterns_13a()

    def __call__(self, line: str) -> str:
        return " ".join(self.tokenize_many([line])[0])

    def tokenize_many(self, lines: Sequence[str]) -> list[list[str]]:
        """The tokens of each line, as sacrebleu's 13a tokenizer splits it."""
        tokens: list[list[str]] = []
        for start in range(0, len(lines), self.LINES_PER_BLOCK):
            block = lines[start : start + self.LINES_PER_BLOCK]
            text = " " + " \x00 ".join(block) + " "
            if text.count("\x00") != len(block) - 1:  # a line with its own NUL: one at a time
                tokens += [self.tokenize_many([line])[0] for line in block] if len(block) > 1 else [self._one(block[0])]
                continue
            parts = self._tokenize(text).split("\x00")
            tokens += [part.split() for part in parts]
        return tokens

    def _one(self, line: str) -> list[str]:
        return sacrebleu_api.tokenize_13a(line)

    def _tokenize(self, text: str) -> str:
        text = text.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
        if "&" in text:
            text = text.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        for symbol in self.SYMBOLS:
            if symbol in text:
                text = text.replace(symbol, f" {symbol} ")
        for pattern, replacement in self._patterns:
            text = pattern.sub(replacement, text)
        return text


class Bleu(Metric):
    """Corpus BLEU exactly as sacrebleu computes it; per item, sacrebleu's sentence BLEU.

    A row is [hypothesis length, closest reference length, matches of orders 1..N, n-grams of
    orders 1..N], sacrebleu's layout. Items with one reference are counted by `pair_matches`;
    with several, BLEU clips each n-gram by its largest count in any reference, counted with
    Counters as sacrebleu does.
    """

    key, name = "bleu", "BLEU"

    def __init__(self, lowercase: bool = False, tokenize: str = "13a"):
        self.corpus = sacrebleu_api.bleu(lowercase=lowercase, tokenize=tokenize)
        self.sentence = sacrebleu_api.bleu(lowercase=lowercase, tokenize=tokenize, effective_order=True)
        self.fast = Tokenizer13a() if tokenize == "13a" else None
        self.lowercase = lowercase
        self.order = sacrebleu_api.bleu_order(self.corpus)

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        """The tokens of each text, as this BLEU's sacrebleu tokenizer splits it."""
        lines = [(text.lower() if self.lowercase else text).rstrip() for text in texts]
        if self.fast is not None:
            return self.fast.tokenize_many(lines)
        cache: dict[str, list[str]] = {}
        tokens = []
        for line in lines:
            found = cache.get(line)
            if found is None:
                found = cache[line] = sacrebleu_api.tokenize(self.corpus, line)
            tokens.append(found)
        return tokens

    def count(self, hypotheses, references):
        order, count = self.order, len(hypotheses)
        tokens = self.tokenize(list(hypotheses) + [ref for refs in references for ref in refs])
        hyp_tokens, rest = tokens[:count], iter(tokens[count:])
        ref_tokens = [[next(rest) for _ in refs] for refs in references]
        rows = np.zeros((count, 2 + 2 * order), dtype=np.int64)
        hyp_lengths = np.fromiter(map(len, hyp_tokens), dtype=np.int64, count=count)
        rows[:, 0] = hyp_lengths
        for index, (hyp_len, refs) in enumerate(zip(hyp_lengths.tolist(), ref_tokens)):
            # sacrebleu's closest reference length: the smallest difference, then the shorter
            rows[index, 1] = min((len(ref) for ref in refs), key=lambda length: (abs(hyp_len - length), length))
        for n in range(1, order + 1):
            rows[:, 1 + order + n] = np.maximum(hyp_lengths - n + 1, 0)
        single = [index for index, refs in enumerate(ref_tokens) if len(refs) == 1]
        if single:
            found = pair_matches(*word_ids([hyp_tokens[i] for i in single], [ref_tokens[i][0] for i in single]), order)
            rows[single, 2 : 2 + order] = found
        for index in sorted(set(range(count)) - set(single)):
            rows[index, 2 : 2 + order] = self._multi_reference_matches(hyp_tokens[index], ref_tokens[index])
        return rows

    def _multi_reference_matches(self, hyp: list[str], refs: list[list[str]]) -> list[int]:
        """Matches of orders 1..N, each n-gram clipped by its largest count in any reference."""
        found = []
        for n in range(1, self.order + 1):
            most = ngrams(refs[0], n)
            for ref in refs[1:]:
                most |= ngrams(ref, n)
            found.append(matches(ngrams(hyp, n), most))
        return found

    def scores(self, sums):
        return np.array([sacrebleu_api.score_from_statistics(self.corpus, row) for row in sums])

    def item_scores(self, statistics):
        return np.array([sacrebleu_api.score_from_statistics(self.sentence, row) for row in statistics])

    def signature(self, nrefs, bootstrap=0, seed=None):
        return sacrebleu_api.signature(self.corpus, nrefs, bootstrap, seed)

    def detail(self, sums):
        return sacrebleu_api.bleu_detail(self.corpus, sums)
