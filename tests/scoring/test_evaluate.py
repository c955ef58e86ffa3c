"""copygen evaluate: reading and joining inputs, metrics equal to sacrebleu/rouge-score, the CLI.

The metric counts are computed by copygen (for speed), so most tests here check them against
the libraries' own code: table rows with known values, then properties on random text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from copygen.cli import app
from copygen.errors import InputError
from copygen.scoring import metrics as m
from copygen.scoring.evaluate import evaluate, join, score

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT.parent / "shared" / "data" / "e2e"
EPS = 1e-9
runner = CliRunner()

CAT = "The cat is on the mat."
CAT_REFS = ["The cat sat on the mat.", "There is a cat on the mat."]


def run(*args: str, input: str | None = None):
    return runner.invoke(app, ["evaluate", *args], input=input)


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def jsonl(path: Path, rows: list[dict]) -> str:
    return write(path, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


def streams(references: list[list[str]]) -> list[list[str | None]]:
    """sacrebleu's layout: one stream per reference slot, padded with None."""
    most = max(map(len, references))
    return [[refs[k] if k < len(refs) else None for refs in references] for k in range(most)]


# --- the numbers: known values, then equal to the libraries ---------------------------------


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


SAMPLE_HYPS = [
    "The Harbor kettle pours slowly and shows the temperature.",
    "Café-style foam at home, hot or cold — in 3 settings!",
    "",
    "A 20 cm chef's knife, hand-sharpened to 15°; 210 g.",
    "Noise-cancelling headphones (40 h battery) & USB-C fast charging.",
]
SAMPLE_REFS = [
    [
        "The Harbor Pour-Over Kettle pours slowly, and its thermometer shows the temperature.",
        "A kettle for slow pours.",
    ],
    ["Make café-style milk foam at home: 3 froth settings, hot or cold."],
    ["Nothing to say."],
    [
        "The 20 cm chef's knife is hand-sharpened to a 15° edge and weighs 210 g.",
        "A 20cm knife.",
        "Chef's knife, 210 g.",
    ],
    ["Headphones with 40-hour battery, noise cancelling and USB-C charging."],
]


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


def test_rouge_equals_rouge_score():
    from rouge_score import rouge_scorer

    found = score(SAMPLE_HYPS, SAMPLE_REFS, metrics=["rouge1", "rouge2", "rougeL"], bootstrap=0, per_item=True)
    for stem in (False, True):
        scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=m.RougeTokenizer(stem=stem))
        expected = [scorer.score_multi(refs, hyp) for hyp, refs in zip(SAMPLE_HYPS, SAMPLE_REFS)]
        found = score(
            SAMPLE_HYPS,
            SAMPLE_REFS,
            metrics=["rouge1", "rouge2", "rougeL"],
            bootstrap=0,
            per_item=True,
            rouge_stem=stem,
        )
        for key in ("rouge1", "rouge2", "rougeL"):
            mean = 100 * sum(e[key].fmeasure for e in expected) / len(expected)
            assert found["metrics"][key]["score"] == pytest.approx(mean, abs=EPS)
            assert [item[key] for item in found["per_item"]] == pytest.approx(
                [100 * e[key].fmeasure for e in expected], abs=EPS
            )


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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcde"), max_size=30), st.lists(st.sampled_from("abcdef"), max_size=30))
def test_bit_parallel_lcs_equals_the_table(a, b):
    from rouge_score.rouge_scorer import _lcs_table

    expected = _lcs_table(a, b)[-1][-1] if a and b else 0
    assert m.lcs_length(m.token_masks(a), len(a), b) == expected


def test_chrf_counts_texts_with_large_alphabets(monkeypatch):
    import sacrebleu

    wide = "".join(chr(0x4E00 + i) for i in range(3000))  # 3,000 distinct characters: 12 bits each
    hyps, refs = [wide[:1500] + "ab", "abc"], [[wide[700:2900]], ["abd"]]
    expected = sacrebleu.CHRF().corpus_score(hyps, streams(refs)).score
    ids, lengths = m.code_points([wide])
    assert m.block_matches(ids, lengths, ids, lengths, 6) is None  # 12 bits x 6 characters + 1 > 64
    assert score(hyps, refs, metrics=["chrf"], bootstrap=0)["metrics"]["chrf"]["score"] == pytest.approx(
        expected, abs=EPS
    )
    monkeypatch.setattr(m, "ELEMENTS_PER_BLOCK", 8)  # many small blocks give the same counts
    assert score(hyps, refs, metrics=["chrf"], bootstrap=0)["metrics"]["chrf"]["score"] == pytest.approx(
        expected, abs=EPS
    )


def test_small_blocks_and_forked_workers_give_the_same_statistics(monkeypatch):
    metrics = m.make_metrics(m.METRICS)
    hyps, refs = SAMPLE_HYPS * 4, [[ref] for refs in SAMPLE_REFS for ref in refs[:1]] * 4
    alone = m.item_statistics(metrics, hyps, refs, jobs=1)
    monkeypatch.setattr(m, "PARALLEL_MIN_ITEMS", 2)
    monkeypatch.setattr(m, "ELEMENTS_PER_BLOCK", 16)
    forked = m.item_statistics(metrics, hyps, refs, jobs=2)
    for a, b in zip(alone, forked):
        assert a.tolist() == b.tolist()


@pytest.mark.parametrize("key", m.METRICS)
def test_identical_inputs_score_100(key):
    texts = ["Écouteurs sans fil, 30 h d'autonomie.", "这款耳机续航八小时。", "The Harbor kettle, $49.", "Größe M."]
    found = score(texts, [[text] for text in texts], metrics=[key], bootstrap=50, per_item=True)
    assert found["metrics"][key]["score"] == pytest.approx(100.0, abs=1e-9)
    # (a resample of only the short items has no 4-grams, and BLEU is 0 there: sacrebleu agrees)
    assert found["metrics"][key]["ci95"]["low" if key != "bleu" else "high"] == pytest.approx(100.0, abs=1e-9)
    assert [item[key] for item in found["per_item"]] == pytest.approx([100.0] * 4, abs=1e-9)


# --- bootstrap and the paired test: sacrebleu's procedure -----------------------------------

SYSTEM_A = [f"The kettle number {i} pours water slowly and well." for i in range(30)]
SYSTEM_B = [
    f"Kettle {i} pours water slowly, and it pours well." if i % 3 else f"The kettle number {i} pours water."
    for i in range(30)
]
REFERENCES = [[f"The kettle number {i} pours water slowly and very well."] for i in range(30)]


def test_confidence_interval_is_sacrebleus():
    import sacrebleu

    found = score(SYSTEM_B, REFERENCES, metrics=["bleu", "chrf"], bootstrap=200, seed=12345)["metrics"]
    for key, metric in (("bleu", sacrebleu.BLEU()), ("chrf", sacrebleu.CHRF())):
        expected = metric.corpus_score(SYSTEM_B, streams(REFERENCES), n_bootstrap=200)
        assert found[key]["ci95"]["mean"] == pytest.approx(expected._mean, abs=1e-4)
        assert found[key]["ci95"]["half_width"] == pytest.approx(expected._ci, abs=1e-4)
        assert found[key]["signature"] == metric.get_signature().format()


def test_paired_comparison_is_sacrebleus_paired_bootstrap():
    import sacrebleu
    from sacrebleu.significance import PairedTest

    found = score(SYSTEM_A, REFERENCES, metrics=["bleu", "chrf"], bootstrap=1000, compare=SYSTEM_B)["comparison"]
    test = PairedTest(
        [("A", SYSTEM_A), ("B", SYSTEM_B)],
        {"BLEU": sacrebleu.BLEU(), "chrF": sacrebleu.CHRF()},
        streams(REFERENCES),
        test_type="bs",
        n_samples=1000,
    )
    _, results = test()
    for key, name in (("bleu", "BLEU"), ("chrf", "chrF2")):
        expected = results[name][1]
        assert found["metrics"][key]["b"] == pytest.approx(expected.score, abs=EPS)
        assert found["metrics"][key]["p_value"] == pytest.approx(expected.p_value, abs=1e-9)
        assert found["metrics"][key]["b_ci95"]["mean"] == pytest.approx(expected.mean, abs=1e-4)
    assert found["metrics"]["bleu"]["delta"] < 0 and found["metrics"]["bleu"]["p_value"] < 0.05


def test_a_system_compared_with_itself_is_not_significant():
    found = score(SYSTEM_A, REFERENCES, bootstrap=100, compare=SYSTEM_A)["comparison"]["metrics"]
    for entry in found.values():
        assert entry["delta"] == 0 and entry["p_value"] == 1.0


# --- reading and joining ---------------------------------------------------------------------


def test_multi_reference_inputs_read_the_same_in_every_shape(tmp_path):
    hyps = write(tmp_path / "hyps.txt", f"{CAT}\nA dog.\n")
    shapes = {
        "jsonl list": [
            jsonl(
                tmp_path / "r.jsonl", [{"id": "1", "references": CAT_REFS}, {"id": "2", "references": ["A dog barks."]}]
            )
        ],
        "csv rows sharing an id": [
            write(tmp_path / "r.csv", f"key,ref\n1,{CAT_REFS[0]}\n2,A dog barks.\n1,{CAT_REFS[1]}\n")
        ],
        "text files per slot": [
            write(tmp_path / "r1.txt", f"{CAT_REFS[0]}\nA dog barks.\n"),
            write(tmp_path / "r2.txt", f"{CAT_REFS[1]}\n\n"),
        ],
    }
    expected = score([CAT, "A dog."], [CAT_REFS, ["A dog barks."]], bootstrap=0)["metrics"]
    for shape, refs in shapes.items():
        options = {"ref_id_column": "key"} if shape.startswith("csv") else {}
        found = evaluate(hyps, refs, bootstrap=0, **options)
        assert found["references_per_item"] == {"min": 1, "max": 2, "mean": 1.5}, shape
        assert {k: v["score"] for k, v in found["metrics"].items()} == {k: v["score"] for k, v in expected.items()}, (
            shape
        )


def test_references_jsonl_sample_shape_and_drafts(tmp_path):
    refs = jsonl(
        tmp_path / "refs.jsonl",
        [
            {"id": "SKU-1", "references": ["An 8-hour battery and a 1 L tank.", "Eight hours of battery."]},
            {"id": "SKU-2", "references": ["Only $49."]},
        ],
    )
    drafts = jsonl(
        tmp_path / "drafts.jsonl",
        [
            {
                "id": "SKU-2",
                "line": 3,
                "attributes": {"name": "Kettle", "price": "$49.00"},
                "variants": [{"text": "The Kettle, only $49.", "score": -0.2}, {"text": "A kettle.", "score": -0.5}],
            },
            {
                "id": "SKU-1",
                "line": 2,
                "attributes": {"name": "Lamp", "battery": "8 hours", "size": "1 L"},
                "variants": [{"text": "A 12-hour battery and a 1 L tank.", "score": -0.1}],
            },
        ],
    )
    found = evaluate(drafts, [refs], bootstrap=0, per_item=True)
    assert found["joined_by"] == "id" and [item["id"] for item in found["per_item"]] == ["SKU-2", "SKU-1"]
    checks = found["attributes"]
    assert checks["drafts"] == 2 and checks["coverage"] == pytest.approx(100 * (1.0 + 1 / 3) / 2)
    assert checks["unsupported_numbers"] == [{"id": "SKU-1", "numbers": ["12-hour"]}]
    assert found["per_item"][1]["unsupported_numbers"] == ["12-hour"]
    with pytest.raises(InputError, match=r"drafts.jsonl, line 2: --variant 2 asked for, but this draft has 1 variant"):
        evaluate(drafts, [refs], variant=2)


def test_misaligned_ids_are_reported_never_dropped(tmp_path):
    hyps = jsonl(
        tmp_path / "h.jsonl", [{"id": "a", "text": "x y"}, {"id": "b", "text": "y z"}, {"id": "c", "text": "z"}]
    )
    refs = jsonl(
        tmp_path / "r.jsonl",
        [{"id": "b", "reference": "y z"}, {"id": "a", "reference": "x y"}, {"id": "d", "reference": "w"}],
    )
    found = evaluate(hyps, [refs], bootstrap=0)
    assert found["items"] == 2 and found["joined_by"] == "id"
    assert found["hypotheses_without_references"] == ["c"] and found["references_without_hypotheses"] == ["d"]
    assert found["metrics"]["rouge1"]["score"] == pytest.approx(100.0)
    with pytest.raises(
        InputError, match=r'1 hypotheses have no references \("c"\) and 1 reference items have no hypothesis \("d"\)'
    ):
        evaluate(hyps, [refs], strict=True)
    result = run(hyps, "--refs", refs, "--bootstrap", "0")
    assert result.exit_code == 0
    assert "Not scored: 1 hypotheses have no references: c" in result.stdout
    assert "Not scored: 1 reference items have no hypothesis: d" in result.stdout
    assert "2 ids are on one side only" in result.stderr
    assert run(hyps, "--refs", refs, "--strict").exit_code == 1


def test_join_by_order_needs_equal_counts_and_hints_at_grouping(tmp_path):
    hyps = write(tmp_path / "h.txt", "one\ntwo\n")
    refs = write(tmp_path / "r.csv", "mr,ref\nA,one\nA,uno\nB,two\n")
    with pytest.raises(InputError, match=r"h.txt has 2 items but .*r.csv has 3;.*--ref-id-column"):
        evaluate(hyps, [refs])
    assert evaluate(hyps, [refs], ref_id_column="mr", bootstrap=0)["metrics"]["bleu"]["score"] == pytest.approx(0.0)
    no_overlap = jsonl(tmp_path / "h.jsonl", [{"id": "x", "text": "one"}])
    with pytest.raises(
        InputError, match=r'no id of .*h.jsonl is in .*r.csv \(ids there: "x"; in references: "A", "B"\)'
    ):
        evaluate(no_overlap, [refs], ref_id_column="mr")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda p: (write(p / "h.txt", ""), [write(p / "r.txt", "a\n")]), r"h.txt is empty"),
        (lambda p: (write(p / "h.txt", "a\n"), [write(p / "r.txt", "\n\n")]), r"r.txt is empty"),
        (
            lambda p: (write(p / "h.txt", "a\nb\n"), [write(p / "r.txt", "a\nb\nc\n")]),
            r"h.txt has 2 items but .*r.txt has 3",
        ),
        (lambda p: (write(p / "h.txt", "a\nb\n"), [write(p / "r.txt", "a\n \n")]), r"r.txt, line 2: no reference text"),
        (
            lambda p: (jsonl(p / "h.jsonl", [{"id": 1, "output": "a"}]), [write(p / "r.txt", "a\n")]),
            r'h.jsonl, line 1: no column "text"; name the column that holds the text with --text-column \(the columns are: id, output\)',
        ),
        (
            lambda p: (
                jsonl(p / "h.jsonl", [{"id": 1, "text": "a"}, {"id": 1, "text": "b"}]),
                [write(p / "r.txt", "a\nb\n")],
            ),
            r'h.jsonl, line 2: duplicate id "1" \(first on line 1\)',
        ),
        (
            lambda p: (write(p / "h.txt", "a\n"), [jsonl(p / "r.jsonl", [{"id": 1, "gold": "a"}])]),
            r"r.jsonl, line 1: no reference column .*--ref-column \(the columns are: id, gold\)",
        ),
        (
            lambda p: (
                write(p / "h.txt", "a\n"),
                [write(p / "r.txt", "a\n"), jsonl(p / "r.jsonl", [{"id": 1, "ref": "a"}])],
            ),
            r'r.jsonl has ids \("id"\) but .*r.txt does not',
        ),
        (lambda p: (write(p / "h.txt", "a\n"), [str(p / "missing.txt")]), r"missing.txt does not exist"),
        (
            lambda p: (
                write(p / "h.jsonl", '{"id": 1, "text": "a"}\n{"id": 2, "text": \n'),
                [write(p / "r.txt", "a\n")],
            ),
            r"h.jsonl, line 2, column \d+: invalid JSON",
        ),
    ],
)
def test_bad_inputs_name_the_file_line_and_fix(tmp_path, make, message):
    hyps, refs = make(tmp_path)
    with pytest.raises(InputError, match=message):
        evaluate(hyps, refs, bootstrap=0)
    result = run(hyps, *[arg for ref in refs for arg in ("--refs", ref)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


def test_hypotheses_in_csv_and_from_stdin(tmp_path):
    refs = write(tmp_path / "r.txt", "A quick kettle.\nGood coffee.\n")
    csv_hyps = write(tmp_path / "h.csv", "sku,text\n1,A quick kettle.\n2,Good coffee!\n")
    text_hyps = "A quick kettle.\nGood coffee!\n"
    from_csv = evaluate(csv_hyps, [refs], bootstrap=0, id_column="sku")
    assert from_csv["joined_by"] == "order"
    result = run("-", "--refs", refs, "--json", "--bootstrap", "0", input=text_hyps)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["metrics"] == from_csv["metrics"]


# --- the command line ------------------------------------------------------------------------


def test_cli_table_json_compare_and_per_item(tmp_path):
    a = write(tmp_path / "a.txt", "\n".join(SYSTEM_A) + "\n")
    b = write(tmp_path / "b.txt", "\n".join(SYSTEM_B) + "\n")
    refs = write(tmp_path / "refs.txt", "\n".join(r[0] for r in REFERENCES) + "\n")
    table = run(a, "--refs", refs, "--compare", b, "--per-item", "--bootstrap", "200")
    assert table.exit_code == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0] == "30 items joined by order; references per item: 1"
    assert lines[2].split() == ["metric", "score", "95%", "CI", "signature"]
    assert (
        lines[3].startswith("BLEU ")
        and "nrefs:1|bs:200|seed:12345|case:mixed|eff:no|tok:13a|smooth:exp|version:" in lines[3]
    )
    assert any(line.startswith("Paired bootstrap test (200 resamples, seed 12345)") for line in lines)
    assert any(line.startswith("BLEU ") and "significant at p < 0.05" in line for line in lines)
    assert "Per item:" in lines and lines[-1].startswith("30 ")
    report = json.loads(
        run(a, "--refs", refs, "--compare", b, "--bootstrap", "200", "--json", "-m", "bleu,rougeL").stdout
    )
    assert list(report["metrics"]) == ["bleu", "rougeL"]
    assert report["comparison"]["metrics"]["bleu"]["delta"] == pytest.approx(
        report["comparison"]["metrics"]["bleu"]["b"] - report["metrics"]["bleu"]["score"]
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--metric", "meteor"], "unknown metric 'meteor'"),
        (["--tokenize", "ja-mecab"], "unknown --tokenize 'ja-mecab'"),
        (["--bootstrap", "1"], "--bootstrap must be 0 (off) or at least 2"),
        (["--variant", "0"], "--variant must be 1 or more"),
    ],
)
def test_cli_bad_options(tmp_path, args, message):
    hyps = write(tmp_path / "h.txt", "a\n")
    result = run(hyps, "--refs", hyps, *args)
    assert result.exit_code == 1 and message in result.stderr


def test_help():
    result = run("--help")
    assert result.exit_code == 0 and "--ref-id-column" in result.stdout


def test_evaluate_never_imports_torch(tmp_path):
    hyps = write(tmp_path / "h.txt", "A quick kettle.\n")
    code = (
        "import sys\nfrom copygen.cli import main\n"
        f"code = main(['evaluate', {hyps!r}, '--refs', {hyps!r}, '-m', 'bleu,chrf,rouge1,rouge2,rougeL,rougeL-coco'])\n"
        "heavy = sorted(name for name in ('torch', 'transformers', 'peft', 'accelerate') if name in sys.modules)\n"
        "assert code == 0 and not heavy, (code, heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


# --- ground truth: the E2E challenge's published TGen scores ---------------------------------


@pytest.mark.skipif(not E2E.exists(), reason=f"E2E ground-truth check only: {E2E} (../shared/data/e2e) is not here")
def test_e2e_official_bleu_and_rouge_l_are_reproduced():
    result = run(
        str(E2E / "tgen-dev-output.txt"),
        "--refs",
        str(E2E / "devset.csv"),
        "--ref-id-column",
        "mr",
        "--lowercase",
        "--metric",
        "bleu,rougeL-coco",
        "--bootstrap",
        "0",
        "--json",
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["items"] == 547 and report["references_per_item"]["max"] == 43
    assert round(report["metrics"]["bleu"]["score"] / 100, 4) == 0.6925
    assert round(report["metrics"]["rougeL-coco"]["score"] / 100, 4) == 0.7257
    cased = evaluate(
        E2E / "tgen-dev-output.txt", [E2E / "devset.csv"], ref_id_column="mr", metrics=["bleu", "rougeL"], bootstrap=0
    )
    assert round(cased["metrics"]["bleu"]["score"] / 100, 4) == 0.6466  # sacrebleu's case-sensitive default
    assert round(cased["metrics"]["rougeL"]["score"] / 100, 4) == 0.7136  # rouge-score's rougeL, max over refs


def test_join_keeps_hypothesis_order_and_ids():
    from copygen.scoring.evaluate import Hypothesis, Reference

    joined = join(
        [Hypothesis("b", 1, "x"), Hypothesis("a", 2, "y")], [Reference("a", 1, ["y"]), Reference("b", 2, ["x"])]
    )
    assert [(item.id, item.references) for item in joined.items] == [("b", ["x"]), ("a", ["y"])]


def test_speed_bench_runs_and_agrees_with_rouge_score(capsys):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import evaluate_speed
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert evaluate_speed.main(["--pairs", "300", "--bootstrap", "20"]) == 0
    out = capsys.readouterr().out
    assert "300 pairs" in out and "same ROUGE numbers as rouge-score" in out and "ratio, ROUGE" in out
