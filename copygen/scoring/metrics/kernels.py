"""Counting kernels shared by the metrics: clipped n-gram matches of many (hypothesis,
reference) pairs at once, and the bit-parallel longest common subsequence.

These are pure counting on token ids or code points; they know nothing of any metric's
tokenization or formula, so BLEU, chrF and ROUGE all reuse them.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence

import numpy as np

ELEMENTS_PER_BLOCK = 1 << 18  # ids counted together by block_matches (bounds memory and keeps keys small)


def matches(hypothesis: Counter, reference: Counter) -> int:
    """Clipped matches: the sum over shared keys of the smaller count (C loops, no Python frames)."""
    common = hypothesis.keys() & reference.keys()
    return sum(map(min, map(hypothesis.__getitem__, common), map(reference.__getitem__, common)))


def ngrams(tokens: Sequence, n: int) -> Counter:
    """How often each n-gram of `tokens` occurs (the tokens themselves for n = 1)."""
    return Counter(tokens) if n == 1 else Counter(zip(*[tokens[i:] for i in range(n)]))


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


# --- longest common subsequence ---------------------------------------------------------


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
