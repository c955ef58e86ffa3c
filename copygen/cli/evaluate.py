"""`copygen evaluate`: score drafts against references; a table, or JSON for pipelines."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

import typer

from copygen.cli import stderr_console

SHOWN_UNMATCHED = 10  # ids listed in the table; JSON lists them all


class TextFormat(str, Enum):
    text = "text"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


def evaluate(
    hypotheses: str = typer.Argument(
        ...,
        help="Drafts JSONL from `copygen generate`, plain text (one per line), or CSV/JSON/JSONL with a text column; - for stdin.",
    ),
    refs: list[str] = typer.Option(
        ...,
        "--refs",
        "-r",
        help="References: text (one per line; repeat --refs for more references per item) or CSV/JSON/JSONL (a reference or a list per row; rows sharing an id are one item).",
    ),
    compare: str | None = typer.Option(
        None,
        "--compare",
        help="A second system's hypotheses for the same items: paired bootstrap test of it (B) against HYPOTHESES (A).",
    ),
    metric: list[str] | None = typer.Option(
        None,
        "--metric",
        "-m",
        help="bleu, chrf, rouge1, rouge2, rougeL or rougeL-coco (the COCO/E2E ROUGE-L); repeat or comma-separate.",
        show_default="bleu,chrf,rouge1,rouge2,rougeL",
    ),
    lowercase: bool = typer.Option(
        False, "--lowercase", "-l", help="Case-insensitive BLEU and chrF (ROUGE always is)."
    ),
    tokenize: str = typer.Option("13a", "--tokenize", help="BLEU tokenizer: 13a, intl, zh (Chinese), char or none."),
    rouge_stem: bool = typer.Option(
        False, "--rouge-stem", help="Porter-stem English words for ROUGE, as rouge-score's use_stemmer."
    ),
    bootstrap: int = typer.Option(
        1000, "--bootstrap", help="Bootstrap resamples for 95% confidence intervals and --compare (0: none)."
    ),
    seed: int = typer.Option(12345, "--seed", help="Bootstrap seed (sacrebleu's default)."),
    per_item: bool = typer.Option(
        False, "--per-item", help="Also score every item on its own (sentence BLEU, chrF, ROUGE; coverage)."
    ),
    json_output: bool = typer.Option(False, "--json", help="Print the report as JSON on stdout."),
    strict: bool = typer.Option(
        False, "--strict", help="Fail when an id is on one side only, instead of scoring the items both have."
    ),
    variant: int = typer.Option(1, "--variant", help="Which variant of each draft to score: 1 is the best."),
    hyps_format: TextFormat | None = typer.Option(
        None,
        "--hyps-format",
        help="Hypotheses' format.",
        show_default="from the extension (.txt is text); else JSON/JSONL by the first character, else text",
    ),
    id_column: str = typer.Option("id", "--id-column", help="Hypotheses' id column (without it, items join by order)."),
    text_column: str = typer.Option(
        "text", "--text-column", help="Hypotheses' text column in CSV/JSON/JSONL that are not drafts."
    ),
    refs_format: TextFormat | None = typer.Option(
        None, "--refs-format", help="References' format.", show_default="as for --hyps-format"
    ),
    ref_id_column: str = typer.Option(
        "id", "--ref-id-column", help="References' id column; rows with the same id are one item (E2E: mr)."
    ),
    ref_column: str | None = typer.Option(
        None,
        "--ref-column",
        help="References' text column.",
        show_default="the first of references, reference, refs, ref or text",
    ),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of the inputs."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Processes for large inputs (0: one per CPU)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings on stderr."),
) -> None:
    """Score hypotheses against references: BLEU, chrF, ROUGE, confidence intervals, attribute checks."""
    from copygen.scoring.evaluate import evaluate as run_evaluation

    console = stderr_console(quiet)
    metrics = [name.strip() for value in metric or [] for name in value.split(",") if name.strip()] or None
    report = run_evaluation(
        hypotheses,
        refs,
        compare=compare,
        hyps_format=hyps_format.value if hyps_format else None,
        id_column=id_column,
        text_column=text_column,
        variant=variant,
        refs_format=refs_format.value if refs_format else None,
        ref_id_column=ref_id_column,
        ref_column=ref_column,
        encoding=encoding,
        metrics=metrics,
        lowercase=lowercase,
        tokenize=tokenize,
        rouge_stem=rouge_stem,
        bootstrap=bootstrap,
        seed=seed,
        per_item=per_item,
        strict=strict,
        jobs=jobs,
    )
    unmatched = len(report["hypotheses_without_references"]) + len(report["references_without_hypotheses"])
    if unmatched:
        console.print(
            f"[yellow]Warning:[/] {unmatched} ids are on one side only and were not scored "
            "(listed in the report; --strict makes this an error)",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )
    typer.echo(json.dumps(report, ensure_ascii=False, indent=1) if json_output else format_report(report))


def format_report(report: dict[str, Any]) -> str:
    """The report as aligned plain-text tables (stdout is data: no colour, no box drawing)."""
    refs = report["references_per_item"]
    span = f"{refs['min']}" if refs["min"] == refs["max"] else f"{refs['min']}-{refs['max']}, mean {refs['mean']:.1f}"
    lines = [f"{report['items']} items joined by {report['joined_by']}; references per item: {span}", ""]
    rows = [["metric", "score", "95% CI", "signature"]]
    for entry in report["metrics"].values():
        ci = entry.get("ci95")
        rows.append(
            [
                entry["name"],
                f"{entry['score']:.2f}",
                f"{ci['low']:.2f}-{ci['high']:.2f}" if ci else "-",
                entry["signature"],
            ]
        )
    lines += table(rows)
    for entry in report["metrics"].values():
        if entry.get("detail"):
            lines.append(f"{entry['name']} detail: {entry['detail']}")
    lines += unmatched_lines(report)
    lines += attribute_lines(report.get("attributes"))
    if report.get("comparison"):
        lines += comparison_lines(report["comparison"])
    if report.get("per_item"):
        keys = list(report["metrics"])
        names = [report["metrics"][key]["name"] for key in keys]
        extra = ["coverage %", "untrue"] if "coverage" in report["per_item"][0] else []
        rows = [["id", *names, *extra]]
        for item in report["per_item"]:
            row = [item["id"], *(f"{item[key]:.2f}" for key in keys)]
            if extra:
                coverage = item.get("coverage")
                row += ["-" if coverage is None else f"{coverage:.0f}", untrue_text(item["unsupported_numbers"], item)]
            rows.append(row)
        lines += ["", "Per item:"] + table(rows)
    return "\n".join(lines)


def table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]


def unmatched_lines(report: dict[str, Any]) -> list[str]:
    lines = []
    for key, what in (
        ("hypotheses_without_references", "hypotheses have no references"),
        ("references_without_hypotheses", "reference items have no hypothesis"),
    ):
        ids = report[key]
        if ids:
            shown = ", ".join(ids[:SHOWN_UNMATCHED]) + (", ..." if len(ids) > SHOWN_UNMATCHED else "")
            lines.append(f"Not scored: {len(ids)} {what}: {shown}")
    return ([""] + lines) if lines else []


def attribute_lines(checks: dict[str, Any] | None) -> list[str]:
    if not checks:
        return []
    coverage = checks["coverage"]
    lines = [
        "",
        f"Attribute coverage: {'-' if coverage is None else f'{coverage:.1f}%'} of attribute values appear in the copy "
        f"(mean over {checks['drafts']} drafts)",
        f"Unsupported numbers: {checks['drafts_with_unsupported_numbers']} drafts mention numbers their attributes do not have",
        f"Untrue: {checks['drafts_stating_untrue']} drafts state what their attributes do not "
        "(a number, name or claim they lack, or a contradicted value)",
    ]
    for found in checks["untrue"][:SHOWN_UNMATCHED]:
        lines.append(f"  {found['id']}: {untrue_text(found['numbers'], found)}")
    if len(checks["untrue"]) > SHOWN_UNMATCHED:
        lines.append("  ... (all of them with --json or --per-item)")
    return lines


def untrue_text(numbers: list[str], found: dict[str, Any]) -> str:
    """One draft's untrue statements on a line: the numbers, names and claims, then the contradictions."""
    said = ", ".join([*numbers, *found["names"], *found["claims"]])
    return "; ".join(filter(None, [said, *found["contradictions"]]))


def comparison_lines(comparison: dict[str, Any]) -> list[str]:
    lines = [
        "",
        f"Paired bootstrap test ({comparison['samples']} resamples, seed {comparison['seed']}): "
        f"A = {comparison['a']}, B = {comparison['b']}",
    ]
    rows = [["metric", "A", "B", "B - A", "p-value", ""]]
    for entry in comparison["metrics"].values():
        verdict = "significant at p < 0.05" if entry["p_value"] < 0.05 else "not significant"
        rows.append(
            [
                entry["name"],
                f"{entry['a']:.2f}",
                f"{entry['b']:.2f}",
                f"{entry['delta']:+.2f}",
                f"{entry['p_value']:.4f}",
                verdict,
            ]
        )
    return lines + table(rows)
