"""copygen evaluate on files: reading and joining inputs, bad inputs, the CLI, the E2E ground truth.

The metrics' numbers are tested in test_metrics.py, test_metric_kernels.py and test_bootstrap.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scoring_helpers import CAT, CAT_REFS, REFERENCES, SYSTEM_A, SYSTEM_B
from typer.testing import CliRunner

from copygen.cli import app
from copygen.errors import InputError, UsageError
from copygen.scoring.evaluate import evaluate, join, score

ROOT = Path(__file__).resolve().parents[2]
E2E = ROOT.parent / "shared" / "data" / "e2e"
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, ["evaluate", *args], input=input)


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def jsonl(path: Path, rows: list[dict]) -> str:
    return write(path, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


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
    assert checks["drafts_stating_untrue"] == 1
    assert checks["untrue"] == [
        {"id": "SKU-1", "numbers": ["12-hour"], "names": [], "claims": [], "contradictions": []}
    ]
    with pytest.raises(UsageError, match=r"drafts.jsonl, line 2: --variant 2 asked for, but this draft has 1 variant"):
        evaluate(drafts, [refs], variant=2)


def test_drafts_that_state_names_claims_or_contradictions_their_attributes_lack_are_reported(tmp_path):
    cafe = {"name": "Aromi", "eatType": "cafe", "familyFriendly": "no", "customer rating": "1 out of 5"}
    drafts = jsonl(
        tmp_path / "drafts.jsonl",
        [
            {"id": "a", "attributes": cafe, "variants": [{"text": "Aromi, in Tokyo, is eco-friendly and top-rated."}]},
            {"id": "b", "attributes": cafe, "variants": [{"text": "Aromi is a cosy cafe for adults."}]},
        ],
    )
    refs = jsonl(tmp_path / "refs.jsonl", [{"id": i, "reference": "Aromi is a cafe."} for i in "ab"])
    report = run(drafts, "--refs", refs, "--json", "--per-item", "--bootstrap", "0")
    assert report.exit_code == 0, report.stderr
    found = json.loads(report.stdout)
    said = {
        "id": "a",
        "numbers": [],
        "names": ["Tokyo"],
        "claims": ["eco-friendly"],
        "contradictions": ['says "top-rated", but customer rating is 1 out of 5'],
    }
    assert found["attributes"]["drafts_stating_untrue"] == 1 and found["attributes"]["untrue"] == [said]
    assert found["per_item"][0]["claims"] == ["eco-friendly"] and found["per_item"][1]["names"] == []
    text = run(drafts, "--refs", refs, "--bootstrap", "0").stdout.splitlines()
    at = text.index(
        "Untrue: 1 drafts state what their attributes do not (a number, name or claim they lack, or a contradicted value)"
    )
    assert text[at + 1] == '  a: Tokyo, eco-friendly; says "top-rated", but customer rating is 1 out of 5'


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
    assert lines[3].startswith("BLEU ")
    assert any(line.startswith("Paired bootstrap test (200 resamples, seed 12345)") for line in lines)
    assert any(line.startswith("BLEU ") and "significant at p < 0.05" in line for line in lines)
    assert "Per item:" in lines and lines[-1].startswith("30 ")
    report = json.loads(
        run(a, "--refs", refs, "--compare", b, "--bootstrap", "200", "--json", "-m", "bleu,rougeL").stdout
    )
    assert list(report["metrics"]) == ["bleu", "rougeL"]
    # the table shows the signature the report carries (test_bootstrap.py checks it is sacrebleu's)
    assert lines[3].split()[-1] == report["metrics"]["bleu"]["signature"]
    assert "|bs:200|seed:12345|" in report["metrics"]["bleu"]["signature"]
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
    assert result.exit_code == 2 and message in result.stderr  # a usage error


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
    assert evaluate_speed.cpu_ratio(0.3, 0.0) == "n/a"  # copygen's 300 pairs can take under os.times' 10 ms tick
    assert evaluate_speed.cpu_ratio(0.3, 0.1) == "3.0x"
