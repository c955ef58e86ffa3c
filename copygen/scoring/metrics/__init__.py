"""Corpus metrics over multi-reference items: BLEU and chrF (sacrebleu), ROUGE-1/2/L (rouge-score).

Every metric turns items into per-item sufficient statistics, one numpy row per item, and a
score from statistics summed over any subset of items. That one shape gives the corpus score,
per-item scores, bootstrap confidence intervals and the paired test, as sacrebleu does it.

The statistics are counted here rather than by calling sacrebleu and rouge-score item by item:
those are pure Python and take over a minute on 50,000 pairs. The scores, smoothing and
signatures still come from sacrebleu's own metric objects, and the tests check every count
against the libraries' own code (tests/test_evaluate.py, "same as the library").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from copygen.machine import usable_cores
from copygen.text import CJK_RANGES

BLEU_TOKENIZERS = ("13a", "intl", "zh", "char", "none")  # sacrebleu's that need no extra package
METRICS = ("bleu", "chrf", "rouge1", "rouge2", "rougeL", "rougeL-coco")
DEFAULT_METRICS = ("bleu", "chrf", "rouge1", "rouge2", "rougeL")
ELEMENTS_PER_BLOCK = 1 << 18  # ids counted together by block_matches (bounds memory and keeps keys small)


class Metric:
    """A metric as statistics per item plus a score from summed statistics."""

    key: str
    name: str

    def statistics(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> np.ndarray:
        """One row of sufficient statistics per item."""
        raise NotImplementedError

    def scores(self, sums: np.ndarray) -> np.ndarray:
        """Scores (0-100) for rows of statistics summed over items."""
        raise NotImplementedError

    def item_scores(self, statistics: np.ndarray) -> np.ndarray:
        """The score of each item on its own (sentence-level)."""
        return self.scores(statistics)

    def signature(self, nrefs: int | str, bootstrap: int = 0, seed: int | None = None) -> str:
        raise NotImplementedError

    def detail(self, sums: np.ndarray) -> str | None:
        """A line of detail for the corpus score, when the metric has one (BLEU's precisions)."""
        return None


def make_metrics(keys: Sequence[str], *, lowercase: bool = False, tokenize: str = "13a", rouge_stem: bool = False):
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


def nrefs_of(references: Sequence[Sequence[str]]) -> int | str:
    """References per item as sacrebleu's signature writes it: a number, or "var"."""
    counts = {len(refs) for refs in references}
    return counts.pop() if len(counts) == 1 else "var"


def matches(hypothesis: Counter, reference: Counter) -> int:
    """Clipped matches: the sum over shared keys of the smaller count (C loops, no Python frames)."""
    common = hypothesis.keys() & reference.keys()
    return sum(map(min, map(hypothesis.__getitem__, common), map(reference.__getitem__, common)))


def ngrams(tokens: Sequence, n: int) -> Counter:
    return Counter(tokens) if n == 1 else Counter(zip(*[tokens[i:] for i in range(n)]))


# --- n-gram matches of many (hypothesis, reference) pairs at once --------------------------


def word_ids(hyps: Sequence[Sequence[str]], refs: Sequence[Sequence[str]]):
    """Token lists of pairs as integer ids (one vocabulary for both sides): for each side, one
    array of ids and one of lengths, as `pair_matches` takes them."""
    lists = [*hyps, *refs]
    flat = itertools.chain.from_iterable
    vocabulary = {token: index for index, token in enumerate(dict.fromkeys(flat(lists)), start=1)}
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    ids = np.fromiter(map(vocabulary.__getitem__, flat(lists)), dtype=np.int64, count=int(lengths.sum()))
    split = int(lengths[: len(hyps)].sum())
    return (ids[:split], lengths[: len(hyps)]), (ids[split:], lengths[len(hyps) :])


def code_points(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Strings as one array of Unicode code points, and their lengths."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ids = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return ids, lengths


def pair_matches(hyps: tuple[np.ndarray, np.ndarray], refs: tuple[np.ndarray, np.ndarray], order: int) -> np.ndarray:
    """Clipped n-gram matches, orders 1..`order`, of hypothesis i with reference i, for all pairs.

    `hyps` and `refs` are (ids, lengths) as `word_ids` or `code_points` make them. The pairs are
    counted in blocks of about ELEMENTS_PER_BLOCK ids by `block_matches`; a block whose ids do
    not fit its 64-bit keys is halved, and a single pair that still does not fit (a text with
    over a thousand distinct characters) is counted with Counters.
    """
    (hyp_ids, hyp_lengths), (ref_ids, ref_lengths) = hyps, refs
    pairs = len(hyp_lengths)
    hyp_at = np.concatenate([[0], np.cumsum(hyp_lengths)])
    ref_at = np.concatenate([[0], np.cumsum(ref_lengths)])
    out = np.zeros((pairs, order), dtype=np.int64)

    def fill(a: int, b: int) -> None:
        found = block_matches(
            hyp_ids[hyp_at[a] : hyp_at[b]], hyp_lengths[a:b], ref_ids[ref_at[a] : ref_at[b]], ref_lengths[a:b], order
        )
        if found is not None:
            out[a:b] = found
        elif b - a > 1:
            fill(a, (a + b) // 2)
            fill((a + b) // 2, b)
        else:
            hyp, ref = hyp_ids[hyp_at[a] : hyp_at[b]].tolist(), ref_ids[ref_at[a] : ref_at[b]].tolist()
            out[a] = [matches(ngrams(hyp, n), ngrams(ref, n)) for n in range(1, order + 1)]

    ends = np.searchsorted(
        hyp_at + ref_at, np.arange(ELEMENTS_PER_BLOCK, int(hyp_at[-1] + ref_at[-1]), ELEMENTS_PER_BLOCK)
    )
    bounds = sorted({0, pairs, *(int(end) for end in ends)})
    for a, b in zip(bounds, bounds[1:]):
        fill(a, b)
    return out


def block_matches(hyp_ids, hyp_lengths, ref_ids, ref_lengths, order: int) -> np.ndarray | None:
    """Clipped n-gram matches of a block of pairs, all orders, with one sort; None if too wide.

    Every position of every sequence becomes one 64-bit key: the pair, the next `order` ids
    (renumbered 1..A within the block; 0 past the end of the sequence) and a bit saying
    hypothesis or reference. Once sorted, equal n-grams of one pair are adjacent for every order
    at once (a key prefix), so each order is a run count: min(hypothesis run, reference run),
    summed per pair. None when A or the number of pairs is too large for the key.
    """
    pairs = len(hyp_lengths)
    lengths = np.concatenate([hyp_lengths, ref_lengths])
    total = int(lengths.sum())
    out = np.zeros((pairs, order), dtype=np.int64)
    if not total:
        return out
    ids = np.concatenate([hyp_ids, ref_ids])
    present = np.zeros(int(ids.max()) + 1, dtype=bool)
    present[ids] = True
    renumber = np.cumsum(present, dtype=np.int64).astype(np.uint64)
    bits = int(renumber[-1]).bit_length()
    gram_bits = order * bits + 1
    if gram_bits + (pairs - 1).bit_length() > 64:
        return None
    # Each sequence followed by `order` zeros, so that a window never reaches the next one.
    sequence = np.repeat(np.arange(2 * pairs), lengths)
    at = np.arange(total) + order * sequence
    padded = np.zeros(total + order * (2 * pairs + 1), dtype=np.uint64)
    padded[at] = renumber[ids]
    keys = np.zeros(total, dtype=np.uint64)
    for j in range(order):
        keys <<= np.uint64(bits)
        keys |= padded[at + j]
    keys <<= np.uint64(1)
    keys[int(hyp_lengths.sum()) :] |= np.uint64(1)
    keys |= (sequence % pairs).astype(np.uint64) << np.uint64(gram_bits)
    keys.sort()
    refs_before = np.concatenate([[0], np.cumsum(keys & np.uint64(1), dtype=np.int64)])
    changed = keys[1:] ^ keys[:-1]  # a run of order n ends where a bit above its prefix changes
    last = np.uint64((1 << bits) - 1)
    for n in range(1, order + 1):
        shift = np.uint64(1 + bits * (order - n))
        starts = np.concatenate([[0], np.flatnonzero(changed >= np.uint64(1) << shift) + 1])
        ends = np.append(starts[1:], total)
        heads = keys[starts] >> shift
        in_ref = refs_before[ends] - refs_before[starts]
        in_hyp = ends - starts - in_ref
        # runs whose n-th id is 0 are shorter n-grams at the end of a sequence: not counted
        clipped = np.where((heads & last) != 0, np.minimum(in_hyp, in_ref), 0)
        out[:, n - 1] = np.bincount((heads >> np.uint64(bits * n)).astype(np.int64), weights=clipped, minlength=pairs)
    return out


# --- BLEU ---------------------------------------------------------------------------------


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
        from sacrebleu.tokenizers.tokenizer_re import TokenizerRegexp

        self._patterns = TokenizerRegexp()._re[1:]  # periods, commas and dashes next to digits

    def __call__(self, line: str) -> str:
        return " ".join(self.tokenize_many([line])[0])

    def tokenize_many(self, lines: Sequence[str]) -> list[list[str]]:
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
        from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a as Sacrebleu13a

        return Sacrebleu13a()(line).split()

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

    Items with one reference are counted by `pair_matches`; with several, BLEU clips each
    n-gram by its largest count in any reference, counted here with Counters as sacrebleu does.
    """

    key, name = "bleu", "BLEU"

    def __init__(self, lowercase: bool = False, tokenize: str = "13a"):
        from sacrebleu.metrics.bleu import BLEU

        self.corpus = BLEU(lowercase=lowercase, tokenize=tokenize)
        self.sentence = BLEU(lowercase=lowercase, tokenize=tokenize, effective_order=True)
        self.fast = Tokenizer13a() if tokenize == "13a" else None
        self.lowercase = lowercase
        self.order = self.corpus.max_ngram_order

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        lines = [(text.lower() if self.lowercase else text).rstrip() for text in texts]
        if self.fast is not None:
            return self.fast.tokenize_many(lines)
        cache: dict[str, list[str]] = {}
        tokens = []
        for line in lines:
            found = cache.get(line)
            if found is None:
                found = cache[line] = self.corpus.tokenizer(line).split()
            tokens.append(found)
        return tokens

    def statistics(self, hypotheses, references):
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
        for index in set(range(count)) - set(single):
            hyp, refs = hyp_tokens[index], ref_tokens[index]
            for n in range(1, order + 1):
                most = ngrams(refs[0], n)
                for ref in refs[1:]:
                    most |= ngrams(ref, n)
                rows[index, 1 + n] = matches(ngrams(hyp, n), most)
        return rows

    def scores(self, sums):
        return np.array([self.corpus._compute_score_from_stats([int(x) for x in row]).score for row in sums])

    def item_scores(self, statistics):
        return np.array([self.sentence._compute_score_from_stats([int(x) for x in row]).score for row in statistics])

    def signature(self, nrefs, bootstrap=0, seed=None):
        return sacrebleu_signature(self.corpus, nrefs, bootstrap, seed)

    def detail(self, sums):
        score = self.corpus._compute_score_from_stats([int(x) for x in sums])
        return score._verbose


def sacrebleu_signature(metric, nrefs, bootstrap, seed) -> str:
    metric.num_refs = -1 if nrefs == "var" else nrefs
    metric.n_bootstrap = bootstrap or None
    metric.seed = str(seed) if bootstrap else None
    return metric.get_signature().format()


# --- chrF ---------------------------------------------------------------------------------


class Chrf(Metric):
    """chrF2 (character 6-grams, beta 2) as sacrebleu computes it, best reference per item."""

    key, name = "chrf", "chrF2"

    def __init__(self, lowercase: bool = False):
        from sacrebleu.metrics.chrf import CHRF

        self.corpus = CHRF(lowercase=lowercase)
        self.order = self.corpus.char_order
        self.lowercase = lowercase

    def prepare(self, text: str) -> str:
        text = text.lower() if self.lowercase else text
        return "".join(text.split())  # sacrebleu leaves whitespace out of character n-grams

    def statistics(self, hypotheses, references):
        order = self.order
        hyps = [self.prepare(hypothesis) for hypothesis in hypotheses]
        pair_hyps = [hyp for hyp, refs in zip(hyps, references) for _ in refs]
        pair_refs = [self.prepare(ref) for refs in references for ref in refs]
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
        rows = np.zeros((len(hyps), 3 * order), dtype=np.int64)
        at = 0
        for index, refs in enumerate(references):
            if len(refs) == 1:
                rows[index] = pairs[at]
            else:  # sacrebleu keeps the first reference with the strictly best F score
                scores = [self.corpus._compute_f_score(stats) for stats in pairs[at : at + len(refs)].tolist()]
                rows[index] = pairs[at + scores.index(max(scores))]
            at += len(refs)
        return rows

    def scores(self, sums):
        return np.array([self.corpus._compute_score_from_stats([int(x) for x in row]).score for row in sums])

    def signature(self, nrefs, bootstrap=0, seed=None):
        return sacrebleu_signature(self.corpus, nrefs, bootstrap, seed)


# --- ROUGE --------------------------------------------------------------------------------

# Scripts written without spaces between words: each character is a token.
CJK = re.compile(f"([{CJK_RANGES}])")
WORD = re.compile(r"[^\W_]+")
# rouge-score's tokenization of ASCII text in one step: lower-case letters and digits, all else a space
ASCII_WORDS = str.maketrans(
    {chr(c): chr(c).lower() if chr(c).isalnum() else " " for c in range(128)} | {"\x00": "\x00"}
)


class RougeTokenizer:
    """rouge-score's default tokenizer made Unicode-aware (usable as its `tokenizer=`).

    rouge-score lower-cases and keeps runs of [a-z0-9], so "Écouteurs" loses its "é" and
    Chinese text vanishes. This keeps runs of any letters and digits (after NFKC), and splits
    Chinese and Japanese into characters. On ASCII text the tokens are identical to
    rouge-score's, stemming included (Porter on tokens longer than 3 characters).
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


class MeanOfItems(Metric):
    """A metric whose corpus score is the mean of per-item scores: statistics are [F, 1]."""

    def item_f(self, hypothesis: str, references: Sequence[str]) -> float:
        raise NotImplementedError

    def statistics(self, hypotheses, references):
        rows = np.ones((len(hypotheses), 2))
        rows[:, 0] = [self.item_f(hyp, refs) for hyp, refs in zip(hypotheses, references)]
        return rows

    def scores(self, sums):
        sums = np.atleast_2d(sums)
        return 100 * sums[:, 0] / sums[:, 1]


class RougeN(MeanOfItems):
    """ROUGE-N F1 as rouge-score's `score_multi` gives it (best reference), averaged over items.

    The n-gram overlaps of all (hypothesis, reference) pairs are counted by `pair_matches`;
    precision, recall and F follow rouge-score's `_score_ngrams` and `scoring.fmeasure`.
    """

    def __init__(self, n: int, tokenizer: RougeTokenizer):
        self.n, self.tokenizer = n, tokenizer
        self.key, self.name = f"rouge{n}", f"ROUGE-{n}"

    def statistics(self, hypotheses, references):
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

    def statistics(self, hypotheses, references):
        self.tokenizer.tokenize_many([*hypotheses, *(ref for refs in references for ref in refs)])
        return super().statistics(hypotheses, references)

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


def token_masks(tokens: Sequence[str]) -> dict[str, int]:
    """For each distinct token, an int whose bit i is set where tokens[i] is that token."""
    masks: dict[str, int] = {}
    for position, token in enumerate(tokens):
        masks[token] = masks.get(token, 0) | (1 << position)
    return masks


def lcs_length(masks: dict[str, int], length: int, other: Sequence[str]) -> int:
    """Length of the longest common subsequence, bit-parallel (Crochemore et al. 2001).

    rouge-score fills an m x n table in Python; this does one big-integer step per token of
    `other` over the `length` tokens that `masks` describes: O(n) operations instead of O(mn).
    """
    full = (1 << length) - 1
    v = full
    for token in other:
        mask = masks.get(token)
        if mask:
            u = v & mask
            v = ((v + u) | (v - u)) & full
    return length - v.bit_count()


def rouge_signature(tokenizer: RougeTokenizer, nrefs, bootstrap, seed) -> str:
    from importlib.metadata import version

    parts = [f"nrefs:{nrefs}"]
    if bootstrap:
        parts += [f"bs:{bootstrap}", f"seed:{seed}"]
    parts += [
        "tok:unicode",
        f"stem:{'yes' if tokenizer.stem else 'no'}",
        "refs:best-f",
        "avg:items",
        f"version:rouge-score-{version('rouge-score')}",
    ]
    return "|".join(parts)


# --- ROUGE-L as the COCO caption scorer (and so the E2E challenge) computes it -------------

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
        parts = [f"nrefs:{nrefs}"] + ([f"bs:{bootstrap}", f"seed:{seed}"] if bootstrap else [])
        return "|".join(
            parts + ["tok:ptb-lc-nopunct", f"beta:{self.BETA}", "refs:best-p-best-r", "avg:items", "version:coco"]
        )


# --- statistics for many items, bootstrap and the paired test -----------------------------

PARALLEL_MIN_ITEMS = 2000  # below this, starting processes costs more than it saves
_SHARED: tuple | None = None  # the work a forked worker reads, set just before forking


def item_statistics(metrics: Sequence[Metric], hypotheses, references, jobs: int = 1) -> list[np.ndarray]:
    """Each metric's per-item statistics; with `jobs` > 1, blocks of items in forked processes.

    jobs=0 means one process per usable CPU. Forking is used where the platform has it, so the
    workers share the inputs without copying them; elsewhere the work runs in this process.
    """
    global _SHARED
    import multiprocessing

    jobs = usable_cores() if jobs == 0 else jobs
    count = len(hypotheses)
    if jobs <= 1 or count < PARALLEL_MIN_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        return [metric.statistics(hypotheses, references) for metric in metrics]
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
    return [metric.statistics(hypotheses[start:end], references[start:end]) for metric in metrics]


def bootstrap_scores(metrics: Sequence[Metric], statistics: Sequence[np.ndarray], samples: int, seed: int):
    """Scores of `samples` bootstrap resamples of the items, per metric (array per metric).

    The resamples are sacrebleu's: numpy's default_rng(seed).choice(n, (samples, n)), drawn in
    blocks here so that 50,000 items do not need gigabytes. A resample's statistics are its
    items' rows weighted by how often each was drawn: one matrix product for all metrics.
    """
    n = len(statistics[0])
    combined = np.hstack([stats.astype(np.float64) for stats in statistics])
    rng = np.random.default_rng(seed)
    block = max(1, min(samples, 4_000_000 // max(n, 1)))
    sums = np.empty((samples, combined.shape[1]))
    for done in range(0, samples, block):
        rows = min(block, samples - done)
        picks = rng.choice(n, size=(rows, n), replace=True)
        picks += np.arange(rows)[:, None] * n  # one bincount for the whole block
        weights = np.bincount(picks.ravel(), minlength=rows * n).reshape(rows, n).astype(np.float64)
        sums[done : done + rows] = weights @ combined
    edges = np.cumsum([0] + [stats.shape[1] for stats in statistics])
    return [metric.scores(sums[:, a:b]) for metric, a, b in zip(metrics, edges, edges[1:])]


def confidence_interval(scores: np.ndarray) -> dict[str, float]:
    """sacrebleu's 95% interval: the 2.5th and 97.5th percentile resamples and their mean."""
    ordered = np.sort(scores)
    low = len(ordered) // 40
    lower, upper = float(ordered[low]), float(ordered[len(ordered) - low - 1])
    return {"low": lower, "high": upper, "mean": float(ordered.mean()), "half_width": 0.5 * (upper - lower)}


def paired_p_value(baseline: float, system: float, baseline_samples: np.ndarray, system_samples: np.ndarray) -> float:
    """sacrebleu's paired bootstrap p-value (Koehn 2004, as in Moses and sacrebleu --paired-bs).

    One deviation: systems with the same score get 1.0, where sacrebleu's formula gives
    1/(samples+1), which would read as a significant difference between identical outputs.
    """
    if baseline == system:
        return 1.0
    differences = np.abs(system_samples - baseline_samples)
    centred = differences - differences.mean()
    return float((np.sum(centred > abs(baseline - system)) + 1) / (len(centred) + 1))
