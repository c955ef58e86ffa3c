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

import os
import re
import unicodedata
from collections import Counter
from typing import Callable, Sequence

import numpy as np

BLEU_TOKENIZERS = ("13a", "intl", "zh", "char", "none")  # sacrebleu's that need no extra package
METRICS = ("bleu", "chrf", "rouge1", "rouge2", "rougeL", "rougeL-coco")
DEFAULT_METRICS = ("bleu", "chrf", "rouge1", "rouge2", "rougeL")
CHARS_PER_CHUNK = 1 << 20  # bounds the memory of the vectorised chrF count (~100 MB)


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


# --- BLEU ---------------------------------------------------------------------------------


class Tokenizer13a:
    """sacrebleu's 13a tokenizer, with its slowest step (a regex over every space and symbol)
    done by `str.translate`. The output is identical; a property test checks it."""

    # The characters of 13a's first pattern, [\{-\~\[-\` -\&\(-\+\:-\@\/], padded with spaces.
    SYMBOLS = str.maketrans(
        {
            chr(code): f" {chr(code)} "
            for low, high in ((0x7B, 0x7E), (0x5B, 0x60), (0x20, 0x26), (0x28, 0x2B), (0x3A, 0x40), (0x2F, 0x2F))
            for code in range(low, high + 1)
        }
    )

    def __init__(self):
        from sacrebleu.tokenizers.tokenizer_re import TokenizerRegexp

        self._patterns = TokenizerRegexp()._re[1:]  # periods, commas and dashes next to digits

    def __call__(self, line: str) -> str:
        line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
        if "&" in line:
            line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        line = f" {line} ".translate(self.SYMBOLS)
        for pattern, replacement in self._patterns:
            line = pattern.sub(replacement, line)
        return " ".join(line.split())


class Bleu(Metric):
    """Corpus BLEU exactly as sacrebleu computes it; per item, sacrebleu's sentence BLEU."""

    key, name = "bleu", "BLEU"

    def __init__(self, lowercase: bool = False, tokenize: str = "13a"):
        from sacrebleu.metrics.bleu import BLEU

        self.corpus = BLEU(lowercase=lowercase, tokenize=tokenize)
        self.sentence = BLEU(lowercase=lowercase, tokenize=tokenize, effective_order=True)
        self.tokenizer = Tokenizer13a() if tokenize == "13a" else self.corpus.tokenizer
        self.lowercase = lowercase
        self.order = self.corpus.max_ngram_order

    def statistics(self, hypotheses, references):
        cache: dict[str, list[str]] = {}

        def tokens(text: str) -> list[str]:
            found = cache.get(text)
            if found is None:
                line = text.lower() if self.lowercase else text
                found = cache[text] = self.tokenizer(line.rstrip()).split()
            return found

        order = self.order
        rows = []
        for hypothesis, refs in zip(hypotheses, references):
            hyp = tokens(hypothesis)
            ref_tokens = [tokens(ref) for ref in refs]
            hyp_len = len(hyp)
            # sacrebleu's closest reference length: the smallest difference, then the shorter.
            ref_len = min((len(ref) for ref in ref_tokens), key=lambda length: (abs(hyp_len - length), length))
            stats = [hyp_len, ref_len]
            correct, total = [], []
            for n in range(1, order + 1):
                most = word_ngrams(ref_tokens[0], n)
                for ref in ref_tokens[1:]:
                    most |= word_ngrams(ref, n)
                correct.append(matches(word_ngrams(hyp, n), most))
                total.append(max(hyp_len - n + 1, 0))
            rows.append(stats + correct + total)
        return np.array(rows, dtype=np.int64).reshape(len(rows), 2 + 2 * order)

    def scores(self, sums):
        return np.array([self.corpus._compute_score_from_stats([int(x) for x in row]).score for row in sums])

    def item_scores(self, statistics):
        return np.array([self.sentence._compute_score_from_stats([int(x) for x in row]).score for row in statistics])

    def signature(self, nrefs, bootstrap=0, seed=None):
        return sacrebleu_signature(self.corpus, nrefs, bootstrap, seed)

    def detail(self, sums):
        score = self.corpus._compute_score_from_stats([int(x) for x in sums])
        return score._verbose


def word_ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tokens) if n == 1 else Counter(zip(*[tokens[i:] for i in range(n)]))


def sacrebleu_signature(metric, nrefs, bootstrap, seed) -> str:
    metric.num_refs = -1 if nrefs == "var" else nrefs
    metric.n_bootstrap = bootstrap or None
    metric.seed = str(seed) if bootstrap else None
    return metric.get_signature().format()


# --- chrF ---------------------------------------------------------------------------------


class Chrf(Metric):
    """chrF2 (character 6-grams, beta 2) as sacrebleu computes it, best reference per item.

    Character n-grams are counted for all items at once with one sort (see `char_ngram_matches`);
    chunks whose alphabet is too large to pack into 64-bit keys fall back to sacrebleu's code.
    """

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
        pair_hyps, pair_refs, owners = [], [], []
        for index, (hypothesis, refs) in enumerate(zip(hypotheses, references)):
            prepared = self.prepare(hypothesis)
            for ref in refs:
                pair_hyps.append(prepared)
                pair_refs.append(self.prepare(ref))
                owners.append(index)
        pairs = self.pair_statistics(pair_hyps, pair_refs)
        rows = np.zeros((len(hypotheses), 3 * self.order), dtype=np.int64)
        best = np.full(len(hypotheses), -1.0)
        for owner, stats in zip(owners, pairs):
            # sacrebleu keeps the first reference with the strictly best F score.
            if best[owner] < 0 and len(references[owner]) == 1:
                rows[owner], best[owner] = stats, 0.0
                continue
            f_score = self.corpus._compute_f_score(stats.tolist())
            if f_score > best[owner]:
                rows[owner], best[owner] = stats, f_score
        return rows

    def pair_statistics(self, hyps: list[str], refs: list[str]) -> np.ndarray:
        """[hyp n-grams, ref n-grams, matches] for each order, for each (hyp, ref) pair."""
        order = self.order
        out = np.zeros((len(hyps), 3 * order), dtype=np.int64)
        start = 0
        while start < len(hyps):
            end, chars = start, 0
            while end < len(hyps) and (end == start or chars < CHARS_PER_CHUNK):
                chars += len(hyps[end]) + len(refs[end])
                end += 1
            self._fill(out, start, end, hyps, refs)
            start = end
        hyp_chars = np.fromiter(map(len, hyps), dtype=np.int64, count=len(hyps))
        ref_chars = np.fromiter(map(len, refs), dtype=np.int64, count=len(refs))
        for n in range(1, order + 1):
            hyp_ngrams, ref_ngrams = np.maximum(hyp_chars - n + 1, 0), np.maximum(ref_chars - n + 1, 0)
            # sacrebleu counts no hypothesis n-grams of an order the reference is too short for
            out[:, 3 * (n - 1)] = np.where(ref_ngrams > 0, hyp_ngrams, 0)
            out[:, 3 * (n - 1) + 1] = ref_ngrams
        return out

    def _fill(self, out, start, end, hyps, refs):
        """Matches for pairs [start, end): vectorised, else halves, else sacrebleu's own counting."""
        found = char_ngram_matches(hyps[start:end], refs[start:end], self.order)
        if found is not None:
            out[start:end, 2 :: 3] = found
        elif end - start > 1:
            middle = (start + end) // 2
            self._fill(out, start, middle, hyps, refs)
            self._fill(out, middle, end, hyps, refs)
        else:
            from sacrebleu.metrics.helpers import extract_all_char_ngrams

            hyp_ngrams = extract_all_char_ngrams(hyps[start], self.order, True)
            ref_ngrams = extract_all_char_ngrams(refs[start], self.order, True)
            stats = [self.corpus._get_match_statistics(h, r)[2] for h, r in zip(hyp_ngrams, ref_ngrams)]
            out[start, 2 :: 3] = stats

    def scores(self, sums):
        return np.array([self.corpus._compute_score_from_stats([int(x) for x in row]).score for row in sums])

    def signature(self, nrefs, bootstrap=0, seed=None):
        return sacrebleu_signature(self.corpus, nrefs, bootstrap, seed)


def char_ngram_matches(hyps: list[str], refs: list[str], order: int) -> np.ndarray | None:
    """Clipped character n-gram matches (orders 1..`order`) of each hyp[i] with refs[i].

    Every position of every string becomes one 64-bit key: pair index, the next `order`
    characters (as small alphabet ids, zero past the end of the string) and a bit saying hyp or
    ref. After one sort, equal n-grams of a pair are adjacent for every order at once (a prefix
    of the key), so each order is a run-length count: min(hyp run, ref run) summed per pair.
    Returns None when the alphabet is too large for the key; the caller then splits the work.
    """
    pairs = len(hyps)
    lengths = np.fromiter(map(len, hyps + refs), dtype=np.int64, count=2 * pairs)
    total = int(lengths.sum())
    result = np.zeros((pairs, order), dtype=np.int64)
    if not total:
        return result
    codes = np.frombuffer(("".join(hyps) + "".join(refs)).encode("utf-32-le"), dtype=np.uint32)
    present = np.zeros(int(codes.max()) + 1, dtype=bool)
    present[codes] = True
    alphabet = np.cumsum(present, dtype=np.int64)  # code point -> id from 1
    bits = int(alphabet[-1]).bit_length()
    char_bits = order * bits + 1
    if char_bits + (pairs - 1).bit_length() > 64:
        return None
    ids = np.concatenate([alphabet[codes].astype(np.uint64), np.zeros(order, dtype=np.uint64)])
    owner = np.repeat(np.concatenate([np.arange(pairs), np.arange(pairs)]).astype(np.uint64), lengths)
    is_ref = np.repeat(np.repeat(np.array([0, 1], dtype=np.uint64), pairs), lengths)
    remaining = np.repeat(np.cumsum(lengths), lengths) - np.arange(total)
    window = np.zeros(total, dtype=np.uint64)
    for j in range(order):
        window = (window << np.uint64(bits)) | np.where(remaining > j, ids[j : j + total], np.uint64(0))
    keys = (owner << np.uint64(char_bits)) | (window << np.uint64(1)) | is_ref
    keys.sort()
    from_ref = (keys & np.uint64(1)).astype(np.int64)
    last_char = np.uint64((1 << bits) - 1)
    for n in range(1, order + 1):
        groups = keys >> np.uint64(1 + bits * (order - n))
        valid = (groups & last_char) != 0  # the n-gram does not run past the end of its string
        groups, refs_in = groups[valid], from_ref[valid]
        if not groups.size:
            continue
        starts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
        ref_count = np.add.reduceat(refs_in, starts)
        hyp_count = np.diff(np.append(starts, groups.size)) - ref_count
        pair = (groups[starts] >> np.uint64(bits * n)).astype(np.int64)
        result[:, n - 1] = np.bincount(pair, weights=np.minimum(hyp_count, ref_count), minlength=pairs)
    return result


# --- ROUGE --------------------------------------------------------------------------------

# Scripts written without spaces between words: each character is a token.
CJK = re.compile("([\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f])")
WORD = re.compile(r"[^\W_]+")


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
    """ROUGE-N F1 as rouge-score's `score_multi` gives it (best reference), averaged over items."""

    def __init__(self, n: int, tokenizer: RougeTokenizer):
        from rouge_score.scoring import fmeasure as rouge_fmeasure

        self.n, self.tokenizer, self._fmeasure = n, tokenizer, rouge_fmeasure
        self.key, self.name = f"rouge{n}", f"ROUGE-{n}"

    def item_f(self, hypothesis, references):
        n, fmeasure = self.n, self._fmeasure
        hyp = self.tokenizer.tokenize(hypothesis)
        hyp_ngrams = word_ngrams(hyp, n)
        hyp_count = max(len(hyp) - n + 1, 1)
        best = 0.0
        for reference in references:
            ref = self.tokenizer.tokenize(reference)
            overlap = matches(hyp_ngrams, word_ngrams(ref, n))
            best = max(best, fmeasure(overlap / hyp_count, overlap / max(len(ref) - n + 1, 1)))
        return best

    def signature(self, nrefs, bootstrap=0, seed=None):
        return rouge_signature(self.tokenizer, nrefs, bootstrap, seed)


class RougeL(MeanOfItems):
    """ROUGE-L F1 (longest common subsequence) as rouge-score computes it, best reference."""

    key, name = "rougeL", "ROUGE-L"

    def __init__(self, tokenizer: RougeTokenizer):
        from rouge_score.scoring import fmeasure as rouge_fmeasure

        self.tokenizer, self._fmeasure = tokenizer, rouge_fmeasure

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
PTB_PUNCTUATION = {"''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-", ".", "?", "!", ",", ":", "-", "--", "...", ";", '"'}


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
        return "|".join(parts + ["tok:ptb-lc-nopunct", f"beta:{self.BETA}", "refs:best-p-best-r", "avg:items", "version:coco"])


# --- statistics for many items, bootstrap and the paired test -----------------------------

PARALLEL_MIN_ITEMS = 2000  # below this, starting processes costs more than it saves
_SHARED: tuple | None = None  # the work a forked worker reads, set just before forking


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def item_statistics(metrics: Sequence[Metric], hypotheses, references, jobs: int = 1) -> list[np.ndarray]:
    """Each metric's per-item statistics; with `jobs` > 1, blocks of items in forked processes.

    jobs=0 means one process per usable CPU. Forking is used where the platform has it, so the
    workers share the inputs without copying them; elsewhere the work runs in this process.
    """
    global _SHARED
    import multiprocessing

    jobs = usable_cpus() if jobs == 0 else jobs
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
    blocks here so that 50,000 items do not need gigabytes; a resample's statistics are a
    count-weighted sum of the items' rows.
    """
    n = len(statistics[0])
    rng = np.random.default_rng(seed)
    block = max(1, min(samples, 20_000_000 // max(n, 1)))
    out: list[list[np.ndarray]] = [[] for _ in metrics]
    done = 0
    while done < samples:
        rows = min(block, samples - done)
        picks = rng.choice(n, size=(rows, n), replace=True)
        weights = np.stack([np.bincount(row, minlength=n) for row in picks]).astype(np.float64)
        for found, metric, stats in zip(out, metrics, statistics):
            found.append(metric.scores(weights @ stats.astype(np.float64)))
        done += rows
    return [np.concatenate(found) for found in out]


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
