"""The metrics' numbers: known values, then equal to sacrebleu and rouge-score on the same text.

The metric counts are computed by copygen (for speed), so most tests here check them against
the libraries' own code: table rows with known values, then properties on random text. Items
the metrics cannot score (no references) are a CopygenError naming the item.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoring_helpers import CAT, CAT_REFS, EPS, SAMPLE_HYPS, SAMPLE_REFS, streams

from copygen.errors import InputError
from copygen.scoring import metrics as m
from copygen.scoring.evaluate import score


@pytest.mark.parametrize(
    "hyps, refs, options, key, expected",
    [
        (["The cat sat on the mat."], [["The cat sat on the mat."]], {}, "bleu", 100.0),
        ([CAT], [["The cat sat on the mat."]], {}, "bleu", 48.892302243490086),
        ([CAT], [["The cat sat on the mat."]], {}, "chrf", 64.58166836671698),
        ([CAT], [CAT_REFS], {}, "bleu", 50.81327481546149),
        ([CAT], [CAT_REFS], {}, "chrf", 64.58166836671698),
        ([CAT], [CAT_REFS], {}, "rouge1", 83.33333333333334),
        ([CAT], [CAT_REFS], {}, "rouge2", 60.0),
        ([CAT], [CAT_REFS], {}, "rougeL", 83.33333333333334),
        (["the cat sat on the mat"], [["The cat sat on a mat"]], {}, "bleu", 32.46679154750991),
        (["the cat sat on the mat"], [["The cat sat on a mat"]], {"lowercase": True}, "bleu", 53.7284965911771),
        (
            ["A fast kettle.", "Brews great coffee every morning."],
            [["A quick kettle."], ["Brews good coffee each morning."]],
            {},
            "bleu",
            17.37537574305315,
        ),
        (
            ["A fast kettle.", "Brews great coffee every morning."],
            [["A quick kettle."], ["Brews good coffee each morning."]],
            {},
            "chrf",
            50.9769343267206,
        ),
        # Non-ASCII: rouge-score's own tokenizer gives 0.0 for the Chinese pair and 80.0 for the French
        (["这款耳机续航十小时"], [["这款耳机续航八小时"]], {}, "rouge1", 100 * 8 / 9),
        (["这款耳机续航十小时"], [["这款耳机续航八小时"]], {}, "rouge2", 100 * 6 / 8),
        (
            ["Écouteurs sans fil à réduction de bruit"],
            [["Écouteurs sans fil avec réduction du bruit"]],
            {},
            "rouge1",
            100 * 5 / 7,
        ),
        (
            ["Kabellose Kopfhörer ohne Geräuschunterdrückung"],
            [["Kabellose Kopfhörer mit Geräuschunterdrückung"]],
            {},
            "rouge1",
            75.0,
        ),
        (
            ["Kabellose Kopfhörer ohne Geräuschunterdrückung"],
            [["Kabellose Kopfhörer mit Geräuschunterdrückung"]],
            {},
            "rougeL",
            75.0,
        ),
    ],
)
def test_known_values(hyps, refs, options, key, expected):
    found = score(hyps, refs, metrics=[key], bootstrap=0, **options)["metrics"][key]["score"]
    assert found == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    "options",
    [{}, {"lowercase": True}, {"tokenize": "intl"}, {"tokenize": "zh"}, {"tokenize": "char"}, {"tokenize": "none"}],
)
def test_bleu_and_chrf_equal_sacrebleu(options):
    import sacrebleu

    found = score(SAMPLE_HYPS, SAMPLE_REFS, metrics=["bleu", "chrf"], bootstrap=0, per_item=True, **options)
    bleu = sacrebleu.BLEU(**options)
    chrf = sacrebleu.CHRF(lowercase=options.get("lowercase", False))
    assert found["metrics"]["bleu"]["score"] == pytest.approx(
        bleu.corpus_score(SAMPLE_HYPS, streams(SAMPLE_REFS)).score, abs=EPS
    )
    assert found["metrics"]["chrf"]["score"] == pytest.approx(
        chrf.corpus_score(SAMPLE_HYPS, streams(SAMPLE_REFS)).score, abs=EPS
    )
    assert found["metrics"]["bleu"]["signature"] == bleu.get_signature().format()
    sentence = sacrebleu.BLEU(effective_order=True, **options)
    for item, hyp, refs in zip(found["per_item"], SAMPLE_HYPS, SAMPLE_REFS):
        assert item["bleu"] == pytest.approx(sentence.sentence_score(hyp, refs).score, abs=EPS)
        assert item["chrf"] == pytest.approx(chrf.sentence_score(hyp, refs).score, abs=EPS)


# the samples, and an item whose words only match once stemmed ("pours" and "poured": "pour")
ROUGE_HYPS = [*SAMPLE_HYPS, "The kettle pours hot water."]
ROUGE_REFS = [*SAMPLE_REFS, ["Kettles poured the hot water."]]


def rouge_score_f(stem: bool) -> dict[str, list[float]]:
    """rouge-score's own per-item F (0-100), with copygen's tokenizer plugged in."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=m.RougeTokenizer(stem=stem))
    expected = [scorer.score_multi(refs, hyp) for hyp, refs in zip(ROUGE_HYPS, ROUGE_REFS)]
    return {key: [100 * e[key].fmeasure for e in expected] for key in ("rouge1", "rouge2", "rougeL")}


@pytest.mark.parametrize("options", [{}, {"rouge_stem": False}, {"rouge_stem": True}])
def test_rouge_equals_rouge_score(options):
    expected = rouge_score_f(stem=options.get("rouge_stem", False))  # the default is no stemming
    found = score(ROUGE_HYPS, ROUGE_REFS, metrics=list(expected), bootstrap=0, per_item=True, **options)
    for key, values in expected.items():
        assert found["metrics"][key]["score"] == pytest.approx(sum(values) / len(values), abs=EPS)
        assert [item[key] for item in found["per_item"]] == pytest.approx(values, abs=EPS)


def test_stemming_changes_the_rouge_samples_scores():
    """Without this, the stemmed case above could pass with the option ignored."""
    for key in ("rouge1", "rouge2", "rougeL"):
        assert rouge_score_f(stem=True)[key][-1] > rouge_score_f(stem=False)[key][-1]


ASCII_TEXT = st.text(alphabet="abcd .,-'&;:?!()0123456789\"A\n", max_size=40)
ANY_TEXT = st.text(
    alphabet=st.sampled_from("ab AB.,-&;<>'\"1234567890éÉßüÜ中文字。、\t\n{}[]()/:+*%$#@~^_`|=!?"), max_size=40
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_TEXT | st.just("a\x00b. -1"), max_size=5), st.integers(min_value=1, max_value=3))
def test_fast_13a_tokenizer_is_sacrebleus(lines, block):
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

    fast = m.Tokenizer13a()
    fast.LINES_PER_BLOCK = block
    assert fast.tokenize_many(lines) == [Tokenizer13a()(line).split() for line in lines]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(ANY_TEXT, st.lists(ANY_TEXT, min_size=1, max_size=3)), min_size=1, max_size=6), st.booleans())
def test_statistics_equal_the_libraries_on_random_text(pairs, lowercase):
    import sacrebleu

    hyps = [hyp for hyp, _ in pairs]
    refs = [refs for _, refs in pairs]
    bleu, chrf = m.Bleu(lowercase=lowercase), m.Chrf(lowercase=lowercase)
    expected_bleu = sacrebleu.BLEU(lowercase=lowercase)._extract_corpus_statistics(hyps, streams(refs))
    expected_chrf = sacrebleu.CHRF(lowercase=lowercase)._extract_corpus_statistics(hyps, streams(refs))
    assert bleu.statistics(hyps, refs).tolist() == expected_bleu
    assert chrf.statistics(hyps, refs).tolist() == expected_chrf


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(ASCII_TEXT, st.lists(ASCII_TEXT, min_size=1, max_size=3)), min_size=1, max_size=5))
def test_rouge_on_ascii_equals_rouge_score_default_tokenizer(pairs):
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])
    tokenizer = m.RougeTokenizer()
    hyps, refs = [hyp for hyp, _ in pairs], [refs for _, refs in pairs]
    expected = [scorer.score_multi(r, h) for h, r in zip(hyps, refs)]
    for metric in (m.RougeN(1, tokenizer), m.RougeN(2, tokenizer), m.RougeL(tokenizer)):
        found = metric.statistics(hyps, refs)[:, 0]
        assert found.tolist() == pytest.approx([e[metric.key].fmeasure for e in expected], abs=EPS)


@pytest.mark.parametrize("key", m.METRICS)
def test_identical_inputs_score_100(key):
    texts = ["Écouteurs sans fil, 30 h d'autonomie.", "这款耳机续航八小时。", "The Harbor kettle, $49.", "Größe M."]
    found = score(texts, [[text] for text in texts], metrics=[key], bootstrap=50, per_item=True)
    assert found["metrics"][key]["score"] == pytest.approx(100.0, abs=1e-9)
    # (a resample of only the short items has no 4-grams, and BLEU is 0 there: sacrebleu agrees)
    assert found["metrics"][key]["ci95"]["low" if key != "bleu" else "high"] == pytest.approx(100.0, abs=1e-9)
    assert [item[key] for item in found["per_item"]] == pytest.approx([100.0] * 4, abs=1e-9)


# --- items the metrics cannot score: a CopygenError naming the item --------------------------


@pytest.mark.parametrize("key", m.METRICS)
def test_an_item_without_references_is_an_error_naming_it(key):
    hyps, refs = ["A quick kettle.", "Good coffee."], [["A fast kettle."], []]
    with pytest.raises(InputError, match=r"^item 2 has no references; give every item at least one reference text$"):
        score(hyps, refs, metrics=[key], bootstrap=0)
    (metric,) = m.make_metrics([key])
    with pytest.raises(InputError, match=r"^item 2 has no references"):
        metric.statistics(hyps, refs)


def test_items_checked_before_forking_are_numbered_in_the_whole_input(monkeypatch):
    from copygen.scoring.metrics import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN_ITEMS", 2)
    hyps, refs = ["a b c"] * 9, [["a b"]] * 8 + [[]]
    with pytest.raises(InputError, match=r"^item 9 has no references"):
        m.item_statistics(m.make_metrics(["bleu"]), hyps, refs, jobs=2)


@pytest.mark.parametrize(
    "refs, message",
    [
        ([["a"]], r"^2 hypotheses but 1 reference lists; give one list per hypothesis$"),
        ([["a"], "b c"], r"^item 2: references must be a list of strings, not one string"),
    ],
)
def test_reference_lists_must_match_the_hypotheses(refs, message):
    with pytest.raises(InputError, match=message):
        score(["a", "b"], refs, bootstrap=0)


# --- the ROUGE tokenizer: words of every script -----------------------------------------------


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),  # vowel signs (Mc) and the virama (Mn) stay in the word
        ("தமிழ் மொழி", ["தமிழ்", "மொழி"]),
        ("q\u0301uick a\u20dd", ["q\u0301uick", "a\u20dd"]),  # a combining acute (Mn), an enclosing circle (Me)
        ("Écouteurs: 30 h, 这款耳机", ["écouteurs", "30", "h", "这", "款", "耳", "机"]),
        ("\u0301 alone", ["alone"]),  # a mark with no letter before it is no word
    ],
)
def test_rouge_tokenizer_keeps_combining_marks_in_words(text, tokens):
    assert m.RougeTokenizer().tokenize(text) == tokens


def test_rouge_scores_devanagari_by_whole_words():
    # two spellings of "Hindi": split at the vowel signs they would share three letters
    found = score(["हिन्दी"], [["हिंदी"]], metrics=["rouge1", "rougeL"], bootstrap=0)["metrics"]
    assert found["rouge1"]["score"] == 0.0 and found["rougeL"]["score"] == 0.0
    same = score(["हिन्दी भाषा"], [["हिन्दी भाषा"]], metrics=["rouge1"], bootstrap=0)["metrics"]
    assert same["rouge1"]["score"] == pytest.approx(100.0)


# --- sacrebleu's private API: one adapter, checked against the installed release -------------


def test_installed_sacrebleu_is_the_release_the_adapter_was_checked_against():
    from copygen.scoring.metrics import sacrebleu_api

    assert sacrebleu_api.version().startswith(sacrebleu_api.CHECKED_VERSION + ".")


def test_only_the_adapter_touches_sacrebleu():
    import ast
    from pathlib import Path

    import copygen

    offenders = []
    for path in Path(copygen.__file__).parent.rglob("*.py"):
        if path.name == "sacrebleu_api.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name.split(".")[0] == "sacrebleu" for name in names):
                offenders.append(str(path))
    assert offenders == []
