"""`copygen review` writes the review page; `copygen apply` merges its decisions into the drafts."""

from __future__ import annotations

import typer

from copygen.cli import stderr_console


def review(
    drafts: str = typer.Argument(
        ..., help="Drafts JSONL from generate (or reviewed drafts, to review again), or - for stdin."
    ),
    output: str = typer.Option("-", "--output", "-o", help="HTML page, or - for stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing page."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
) -> None:
    """Write a self-contained offline HTML page to approve, edit or reject each variant."""
    from copygen.io.drafts import read_drafts, write_text_atomically
    from copygen.review.page import review_page

    console = stderr_console(quiet)
    found = read_drafts(drafts)
    source = "drafts.jsonl" if drafts == "-" else drafts
    write_text_atomically(output, review_page(found, source), force=force)
    if output != "-":
        console.print(
            f"Wrote the review page for {len(found)} products to {output}: open it in a browser, "
            "press x to export decisions.jsonl, then run copygen apply",
            highlight=False,
            soft_wrap=True,
        )


def apply(
    drafts: str = typer.Argument(..., help="The drafts JSONL that was reviewed, or - for stdin."),
    decisions: str = typer.Argument(..., help="Decisions JSONL exported from the review page, or - for stdin."),
    output: str = typer.Option(
        "-", "--output", "-o", help="Reviewed drafts JSONL (each decided variant marked), or - for stdout."
    ),
    pairs: str | None = typer.Option(
        None, "--pairs", help="Also write approved and edited copy as training pairs for copygen finetune --train."
    ),
    target_column: str = typer.Option("copy", help="Column holding the copy in --pairs."),
    include_failing: bool = typer.Option(
        False, "--include-failing", help="Also put edits that fail their checks into --pairs (left out by default)."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite existing output files."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary or warnings on stderr."),
) -> None:
    """Merge review decisions into the drafts as approved, edited or rejected."""
    from copygen.errors import CopygenError
    from copygen.io.drafts import check_writable, draft_as_jsonl, read_drafts, write_text_atomically
    from copygen.review.decisions import (
        apply_decisions,
        decision_counts,
        failing_edits,
        read_decisions,
        training_pairs,
    )

    console = stderr_console(quiet)
    if drafts == "-" and decisions == "-":
        raise CopygenError("only one of the drafts and the decisions can come from stdin (-)")
    for path in (output, pairs):
        if path:
            check_writable(path, force=force)
    reviewed = apply_decisions(
        read_drafts(drafts), read_decisions(decisions), "<stdin>" if decisions == "-" else decisions
    )
    found = training_pairs(reviewed, target_column, include_failing=include_failing) if pairs else []
    write_text_atomically(output, "".join(map(draft_as_jsonl, reviewed)), force=force)
    if pairs:
        write_text_atomically(pairs, "".join(map(draft_as_jsonl, found)), force=force)
    failing = failing_edits(reviewed)
    for draft_id, rank, checks in failing:
        for check in checks:
            console.print(f"Warning: {draft_id} variant #{rank}: the edit fails {check['check']}: {check['message']}")
    if pairs and failing and not include_failing:
        console.print(
            f"Left {len(failing)} edits that fail their checks out of {pairs}: "
            + ", ".join(f"{draft_id} #{rank}" for draft_id, rank, _ in failing)
            + " (--include-failing keeps them)"
        )
    counts = decision_counts(reviewed)
    summary = ", ".join(f"{counts[kind]} {kind}" for kind in ("approved", "edited", "rejected", "undecided"))
    target = "stdout" if output == "-" else output
    console.print(
        f"Wrote {len(reviewed)} reviewed drafts to {target}: {summary}"
        + (f"; {len(found)} training pairs to {pairs}" if pairs else ""),
        highlight=False,
        soft_wrap=True,
    )
