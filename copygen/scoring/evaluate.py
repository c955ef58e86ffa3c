"""Score files of drafts against reference copy: read, join, score, and check attributes.

`evaluate` is what `copygen evaluate` runs: it reads hypotheses and references (inputs.py),
joins them by id or by order (joining.py), scores the texts (scores.py) and adds what only
files carry: ids on one side only, references per item, and for drafts with their product's
attributes, attribute coverage and what the copy states untrue (numbers, names and claims the
attributes lack, contradicted values). Everything returns plain data; nothing here prints. `score`, `join`, `Hypothesis` and `Reference` are importable from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from copygen.errors import InputError
from copygen.io.rows import name_of
from copygen.scoring.inputs import Hypothesis, Reference, read_hypotheses, read_references
from copygen.scoring.joining import Item, Joined, join, quote, same_items
from copygen.scoring.scores import check_metric_options, score

__all__ = ["Hypothesis", "Item", "Joined", "Reference", "evaluate", "join", "score"]


REPORT_FORMAT_VERSION = 1  # docs/formats.md, copygen/io/schemas/evaluate.schema.json


def evaluate(
    hypotheses: str | Path,
    references: Sequence[str | Path],
    *,
    compare: str | Path | None = None,
    hyps_format: str | None = None,
    id_column: str = "id",
    text_column: str = "text",
    variant: int = 1,
    refs_format: str | None = None,
    ref_id_column: str = "id",
    ref_column: str | None = None,
    encoding: str = "utf-8",
    metrics: Sequence[str] | None = None,
    lowercase: bool = False,
    tokenize: str = "13a",
    rouge_stem: bool = False,
    bootstrap: int = 1000,
    seed: int = 12345,
    per_item: bool = False,
    strict: bool = False,
    jobs: int = 1,
) -> dict[str, Any]:
    """Read, join and score files: the report `copygen evaluate` prints, as plain data.

    Besides `score`'s keys: the inputs, how items were joined, ids found on one side only
    (`strict` makes those an error), references per item, and for drafts that carry their
    product's attributes the attribute coverage and the numbers no attribute supports.
    """
    check_metric_options(metrics, tokenize, bootstrap)
    if [str(source) for source in [hypotheses, compare, *references]].count("-") > 1:
        raise InputError("only one input can be read from stdin (-)")
    read = dict(
        input_format=hyps_format, id_column=id_column, text_column=text_column, variant=variant, encoding=encoding
    )
    hyps = read_hypotheses(hypotheses, **read)
    refs = read_references(
        references, input_format=refs_format, id_column=ref_id_column, ref_column=ref_column, encoding=encoding
    )
    joined, other_texts = join_inputs(hypotheses, references, hyps, refs, compare, read, strict)
    items = joined.items
    options = dict(lowercase=lowercase, tokenize=tokenize, rouge_stem=rouge_stem, bootstrap=bootstrap, seed=seed)
    scored = score(
        [item.hypothesis for item in items],
        [item.references for item in items],
        metrics=metrics,
        per_item=per_item,
        compare=other_texts,
        jobs=jobs,
        **options,
    )
    from copygen import __version__

    report = {"format_version": REPORT_FORMAT_VERSION, "copygen_version": __version__}
    report.update(inputs_report(hypotheses, references, joined))
    report["metrics"] = scored["metrics"]
    report["attributes"] = attribute_checks(items)
    if compare is not None:
        report["comparison"] = {"a": name_of(hypotheses), "b": name_of(compare), **scored["comparison"]}
    if per_item:
        report["per_item"] = per_item_rows(items, scored["per_item"])
    return report


def join_inputs(
    hypotheses: str | Path,
    references: Sequence[str | Path],
    hyps: Sequence[Hypothesis],
    refs: Sequence[Reference],
    compare: str | Path | None,
    read: dict[str, Any],
    strict: bool,
) -> tuple[Joined, list[str] | None]:
    """`hyps` joined to `refs`, and the compared system's texts (read from `compare`) for the same items."""
    hyps_name, refs_name = name_of(hypotheses), ", ".join(name_of(source) for source in references)
    joined = join(hyps, refs, hyps_name, refs_name)
    unmatched = joined.hypotheses_without_references or joined.references_without_hypotheses
    if strict and unmatched:
        raise InputError(
            f"{len(joined.hypotheses_without_references)} hypotheses have no references "
            f"({quote(joined.hypotheses_without_references)}) and {len(joined.references_without_hypotheses)} "
            f"reference items have no hypothesis ({quote(joined.references_without_hypotheses)}); "
            "score only matching files, or leave out --strict to score the items both sides have"
        )
    if compare is None:
        return joined, None
    other = join(read_hypotheses(compare, **read), refs, name_of(compare), refs_name)
    return joined, same_items(joined, other, hyps_name, name_of(compare))


def inputs_report(hypotheses: str | Path, references: Sequence[str | Path], joined: Joined) -> dict[str, Any]:
    """The part of the report that describes the inputs and how they were joined."""
    return {
        "hypotheses": name_of(hypotheses),
        "references": [name_of(source) for source in references],
        "items": len(joined.items),
        "joined_by": joined.joined_by,
        "references_per_item": references_summary(joined.items),
        "hypotheses_without_references": joined.hypotheses_without_references,
        "references_without_hypotheses": joined.references_without_hypotheses,
    }


def references_summary(items: Sequence[Item]) -> dict[str, float]:
    """The fewest, most and mean references per item."""
    counts = [len(item.references) for item in items]
    return {"min": min(counts), "max": max(counts), "mean": sum(counts) / len(counts)}


def attribute_checks(items: Sequence[Item]) -> dict[str, Any] | None:
    """Coverage of attribute values, unsupported numbers, and every draft that states what its
    attributes do not (a number, name or claim they lack, or a contradicted value), over drafts
    that carry attributes."""
    from copygen.quality.grounding import attribute_coverage

    checked = [item for item in items if item.attributes is not None]
    if not checked:
        return None
    coverages = [attribute_coverage(item.attributes, item.hypothesis) for item in checked]
    known = [value for value in coverages if value is not None]
    found = [(item.id, untrue_statements(item.attributes, item.hypothesis)) for item in checked]
    unsupported = [{"id": id_, "numbers": said["numbers"]} for id_, said in found if said["numbers"]]
    untrue = [{"id": id_, **said} for id_, said in found if any(said.values())]
    return {
        "drafts": len(checked),
        "coverage": 100 * sum(known) / len(known) if known else None,
        "drafts_with_unsupported_numbers": len(unsupported),
        "unsupported_numbers": unsupported,
        "drafts_stating_untrue": len(untrue),
        "untrue": untrue,
    }


def untrue_statements(attributes: dict[str, Any], text: str) -> dict[str, list[str]]:
    """What `text` states that `attributes` do not: numbers, names and claims they lack, and
    contradicted values (the copy checks' UNTRUE_CHECKS, as lists, but a template example's
    words: copy scored here comes with no template)."""
    from copygen.quality.claims import unsupported_claims
    from copygen.quality.grounding import contradictions, unsupported_names, unsupported_numbers

    return {
        "numbers": unsupported_numbers(attributes, text),
        "names": unsupported_names(attributes, text),
        "claims": unsupported_claims(attributes, text),
        "contradictions": contradictions(attributes, text),
    }


def per_item_rows(items: Sequence[Item], scores: Sequence[dict[str, float]]) -> list[dict[str, Any]]:
    """Each item's id, line and scores, with its attribute checks when it carries attributes."""
    from copygen.quality.grounding import attribute_coverage

    rows = []
    for item, item_scores in zip(items, scores):
        row: dict[str, Any] = {"id": item.id, "line": item.line, **item_scores}
        if item.attributes is not None:
            coverage = attribute_coverage(item.attributes, item.hypothesis)
            row["coverage"] = None if coverage is None else 100 * coverage
            said = untrue_statements(item.attributes, item.hypothesis)
            row["unsupported_numbers"] = said.pop("numbers")
            row.update(said)
        rows.append(row)
    return rows
