"""Score drafts against reference copy: read hypotheses and references, join them, compute metrics.

Hypotheses come from a drafts JSONL (`copygen generate`), plain text (one per line), or a
CSV/JSON/JSONL file with a text column. References come from text (one per line; several files
for several references per item), or CSV/JSON/JSONL where a row holds one reference or a list,
and rows sharing an id are one item. Items are joined by id when both sides have ids, otherwise
by order. Everything returns plain data; nothing here prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copygen.errors import InputError
from copygen.io.rows import column_name, find_column, json_kind, name_of, read_rows

FORMATS = ("text", "csv", "json", "jsonl")
EMPTY = "expected one text per line, or CSV, JSON or JSONL rows"
REFERENCE_COLUMNS = ("references", "reference", "refs", "ref", "text")
SHOWN_IDS = 5  # ids quoted in an error message


@dataclass
class Hypothesis:
    """One draft to score: its id (None in plain text), line, text and the product's attributes."""

    id: str | None
    line: int
    text: str
    attributes: dict[str, Any] | None = None


@dataclass
class Reference:
    """The reference texts of one item (several rows with one id are one item)."""

    id: str | None
    line: int
    texts: list[str] = field(default_factory=list)


@dataclass
class Item:
    """A hypothesis joined to its references."""

    id: str
    line: int
    hypothesis: str
    references: list[str]
    attributes: dict[str, Any] | None = None


@dataclass
class Joined:
    items: list[Item]
    joined_by: str  # "id" or "order"
    hypotheses_without_references: list[str]
    references_without_hypotheses: list[str]


# --- reading ------------------------------------------------------------------------------


def read_hypotheses(
    source: str | Path,
    *,
    input_format: str | None = None,
    id_column: str = "id",
    text_column: str = "text",
    variant: int = 1,
    encoding: str = "utf-8",
) -> list[Hypothesis]:
    """The hypotheses of a file, in order. Drafts give their `variant`-th variant (1 = best)."""
    name = name_of(source)
    if variant < 1:
        raise InputError(f"--variant must be 1 or more (1 is each draft's best variant), got {variant}")
    hypotheses: list[Hypothesis] = []
    seen: dict[str, int] = {}
    fmt, rows = read_rows(
        source, formats=FORMATS, input_format=input_format, option="--hyps-format", empty=EMPTY, encoding=encoding
    )
    for line, row, problem in rows:
        if fmt == "text":
            hypotheses.append(Hypothesis(None, line, row))
            continue
        where = f"{name}, line {line}"
        if problem:
            raise InputError(f"{name}, {problem}")
        if "variants" in row:
            text, attributes = draft_text(row, variant, where)
        else:
            text, attributes = column_text(row, text_column, where), None
        item_id = id_of(row, id_column, where)
        if hypotheses and (item_id is None) != (hypotheses[0].id is None):
            raise InputError(f'{where}: some rows have an "{id_column}" and some do not; give every row an id, or none')
        if item_id is not None:
            if item_id in seen:
                raise InputError(
                    f'{where}: duplicate id "{item_id}" (first on line {seen[item_id]}); ids must be unique'
                )
            seen[item_id] = line
        hypotheses.append(Hypothesis(item_id, line, text, attributes))
    if not hypotheses:
        raise InputError(f"{name} has no hypotheses: expected one per line (text) or per row")
    return hypotheses


def draft_text(row: dict, variant: int, where: str) -> tuple[str, dict | None]:
    """The text of a draft's `variant`-th variant and the product's attributes."""
    variants = row["variants"]
    if not isinstance(variants, list) or not variants:
        raise InputError(f'{where}: "variants" must be a non-empty list of {{"text": ...}} objects')
    if variant > len(variants):
        raise InputError(f"{where}: --variant {variant} asked for, but this draft has {len(variants)} variant(s)")
    chosen = variants[variant - 1]
    text = chosen.get("text") if isinstance(chosen, dict) else chosen
    if not isinstance(text, str):
        raise InputError(f'{where}: variant {variant} has no "text" string')
    attributes = row.get("attributes")
    return text, attributes if isinstance(attributes, dict) else None


def column_text(row: dict, column: str, where: str) -> str:
    key = find_column(row, column_name(column))
    if key is None:
        raise InputError(
            f'{where}: no column "{column}"; name the column that holds the text with --text-column '
            f"(the columns are: {', '.join(row) or '(none)'})"
        )
    value = row[key]
    if value is None:
        return ""
    if isinstance(value, (list, dict, bool)):
        raise InputError(f'{where}: column "{column}" must be a string, not {json_kind(value)}')
    return str(value)


def id_of(row: dict, column: str, where: str) -> str | None:
    """The row's id as a string, None when the row has no such column (matched as products are)."""
    key = find_column(row, column_name(column))
    if key is None:
        return None
    value = row[key]
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(f'{where}: column "{column}" is empty; give every row an id')
    if isinstance(value, (list, dict, bool)):
        raise InputError(f'{where}: column "{column}" must be a string or number, not {json_kind(value)}')
    return str(value).strip()


def read_references(
    sources: Sequence[str | Path],
    *,
    input_format: str | None = None,
    id_column: str = "id",
    ref_column: str | None = None,
    encoding: str = "utf-8",
) -> list[Reference]:
    """The reference items of one or more files, merged by id (or by position when none has ids).

    Rows that share an id are one item; blank references are left out (a blank line in a text
    file means "no reference in this slot"); an item left with no reference is an error.
    """
    if not sources:
        raise InputError("no references: pass --refs FILE (repeat it for several reference files)")
    files = [
        (name_of(source), reference_file(source, input_format, id_column, ref_column, encoding)) for source in sources
    ]
    with_ids = [name for name, items in files if items[0].id is not None]
    if with_ids and len(with_ids) != len(files):
        without = next(name for name, items in files if items[0].id is None)
        raise InputError(
            f'{with_ids[0]} has ids ("{id_column}") but {without} does not; '
            "reference files are merged by id or by line, so give all of them ids, or none"
        )
    if with_ids:
        merged: dict[str, Reference] = {}
        for _, items in files:
            for item in items:
                merged.setdefault(item.id, Reference(item.id, item.line)).texts.extend(item.texts)
        references = list(merged.values())
    else:
        first_name, references = files[0]
        for name, items in files[1:]:
            if len(items) != len(references):
                raise InputError(
                    f"{name} has {len(items)} items but {first_name} has {len(references)}; "
                    "reference files without ids are read line by line and need one line per item"
                )
            for merged_item, item in zip(references, items):
                merged_item.texts.extend(item.texts)
    for reference in references:
        if not reference.texts:
            label = f'id "{reference.id}"' if reference.id is not None else f"line {reference.line}"
            raise InputError(
                f"{files[0][0]}, {label}: no reference text; give every item at least one non-empty reference"
            )
    return references


def reference_file(source, input_format, id_column, ref_column, encoding) -> list[Reference]:
    name = name_of(source)
    items: list[Reference] = []
    by_id: dict[str, Reference] = {}
    column = ref_column
    fmt, rows = read_rows(
        source, formats=FORMATS, input_format=input_format, option="--refs-format", empty=EMPTY, encoding=encoding
    )
    for line, row, problem in rows:
        if fmt == "text":
            items.append(Reference(None, line, [row] if row.strip() else []))
            continue
        where = f"{name}, line {line}"
        if problem:
            raise InputError(f"{name}, {problem}")
        if column is None:
            column = next((found for candidate in REFERENCE_COLUMNS if (found := find_column(row, candidate))), None)
            if column is None:
                raise InputError(
                    f"{where}: no reference column ({', '.join(REFERENCE_COLUMNS)}); name it with --ref-column "
                    f"(the columns are: {', '.join(row) or '(none)'})"
                )
        texts = reference_texts(row, column, where)
        item_id = id_of(row, id_column, where)
        if items and (item_id is None) != (items[0].id is None):
            raise InputError(f'{where}: some rows have an "{id_column}" and some do not; give every row an id, or none')
        if item_id is None:
            items.append(Reference(None, line, texts))
        elif item_id in by_id:
            by_id[item_id].texts.extend(texts)
        else:
            by_id[item_id] = Reference(item_id, line, texts)
            items.append(by_id[item_id])
    if not items:
        raise InputError(f"{name} has no references: expected one per line (text) or per row")
    return items


def reference_texts(row: dict, column: str, where: str) -> list[str]:
    key = find_column(row, column_name(column))
    if key is None:
        raise InputError(f'{where}: no column "{column}" (--ref-column); the columns are: {", ".join(row)}')
    value = row[key]
    values = value if isinstance(value, list) else [value]
    texts = []
    for text in values:
        if text is None:
            continue
        if isinstance(text, (list, dict, bool)):
            raise InputError(f'{where}: column "{column}" must hold strings, not {json_kind(text)}')
        if str(text).strip():
            texts.append(str(text))
    return texts


# --- joining ------------------------------------------------------------------------------


def join(
    hypotheses: Sequence[Hypothesis],
    references: Sequence[Reference],
    hyps_name: str = "hypotheses",
    refs_name: str = "references",
) -> Joined:
    """Pair hypotheses with references: by id when both sides have ids, else by order.

    By id, the ids on one side only are returned (never silently dropped); by order, the two
    sides must have the same number of items.
    """
    if hypotheses[0].id is not None and references[0].id is not None:
        by_id = {reference.id: reference for reference in references}
        items = [Item(h.id, h.line, h.text, by_id[h.id].texts, h.attributes) for h in hypotheses if h.id in by_id]
        hyp_ids = {h.id for h in hypotheses}
        missing = [h.id for h in hypotheses if h.id not in by_id]
        extra = [r.id for r in references if r.id not in hyp_ids]
        if not items:
            raise InputError(
                f"no id of {hyps_name} is in {refs_name} (ids there: {quote(hyp_ids)}; in references: "
                f"{quote(by_id)}); check --id-column and --ref-id-column"
            )
        return Joined(items, "id", missing, extra)
    if len(hypotheses) != len(references):
        hint = (
            "; if several rows hold the references of one item, name the column that identifies the item "
            "with --ref-id-column (for example --ref-id-column mr)"
            if len(references) > len(hypotheses)
            else ""
        )
        raise InputError(
            f"{hyps_name} has {len(hypotheses)} items but {refs_name} has {len(references)}; without ids on both "
            f"sides items are joined by order, so the counts must match{hint}"
        )
    items = [
        Item(h.id or r.id or str(index), h.line, h.text, r.texts, h.attributes)
        for index, (h, r) in enumerate(zip(hypotheses, references), start=1)
    ]
    return Joined(items, "order", [], [])


def quote(ids) -> str:
    shown = [f'"{item}"' for item in list(ids)[:SHOWN_IDS]]
    return ", ".join(shown) + (", ..." if len(ids) > SHOWN_IDS else "")


# --- scoring ------------------------------------------------------------------------------


def score(
    hypotheses: Sequence[str],
    references: Sequence[Sequence[str]],
    *,
    metrics: Sequence[str] | None = None,
    lowercase: bool = False,
    tokenize: str = "13a",
    rouge_stem: bool = False,
    bootstrap: int = 1000,
    seed: int = 12345,
    per_item: bool = False,
    compare: Sequence[str] | None = None,
    jobs: int = 1,
) -> dict[str, Any]:
    """Score hypotheses against their references (one list per hypothesis), as plain data.

    Returns {"metrics": {key: {"name", "score", "signature", ["ci95"], ["detail"]}}}, plus
    "per_item" (a list of {key: score}) when asked, and "comparison" when `compare` gives a
    second system's hypotheses for the same items: sacrebleu's paired bootstrap test of it
    against the first, per metric. Scores are 0-100.
    """
    from copygen.scoring import metrics as m

    keys = check_metric_options(metrics, tokenize, bootstrap)
    if not hypotheses:
        raise InputError("nothing to score: no hypothesis has references")
    if len(hypotheses) != len(references):
        raise InputError(
            f"{len(hypotheses)} hypotheses but {len(references)} reference lists; give one list per hypothesis"
        )
    if compare is not None and len(compare) != len(hypotheses):
        raise InputError(
            f"the compared system has {len(compare)} hypotheses for {len(hypotheses)} items; they must match"
        )
    objects = m.make_metrics(keys, lowercase=lowercase, tokenize=tokenize, rouge_stem=rouge_stem)
    nrefs = m.nrefs_of(references)
    statistics = m.item_statistics(objects, hypotheses, references, jobs=jobs)
    other = m.item_statistics(objects, compare, references, jobs=jobs) if compare is not None else None
    samples = None
    if bootstrap and len(hypotheses) > 1:  # one set of resamples for all metrics (and both systems)
        systems = 2 if other is not None else 1
        samples = m.bootstrap_scores(objects * systems, statistics + (other or []), bootstrap, seed)
    report: dict[str, Any] = {"metrics": {}}
    for index, (metric, stats) in enumerate(zip(objects, statistics)):
        total = stats.sum(axis=0)
        entry = {
            "name": metric.name,
            "score": float(metric.scores(total[None, :])[0]),
            "signature": metric.signature(nrefs, bootstrap if samples else 0, seed),
        }
        if samples:
            entry["ci95"] = m.confidence_interval(samples[index])
        detail = metric.detail(total)
        if detail:
            entry["detail"] = detail
        report["metrics"][metric.key] = entry
    if per_item:
        columns = {metric.key: metric.item_scores(stats) for metric, stats in zip(objects, statistics)}
        report["per_item"] = [
            {key: float(values[i]) for key, values in columns.items()} for i in range(len(hypotheses))
        ]
    if other is not None:
        report["comparison"] = compare_systems(objects, statistics, other, samples, report["metrics"], bootstrap, seed)
    return report


def check_metric_options(metrics, tokenize, bootstrap) -> list[str]:
    from copygen.scoring.metrics import BLEU_TOKENIZERS, DEFAULT_METRICS, METRICS

    keys = list(dict.fromkeys(metrics or DEFAULT_METRICS))
    unknown = [key for key in keys if key not in METRICS]
    if unknown:
        raise InputError(f"unknown metric {unknown[0]!r}: use one of {', '.join(METRICS)}")
    if tokenize not in BLEU_TOKENIZERS:
        raise InputError(f"unknown --tokenize {tokenize!r}: use one of {', '.join(BLEU_TOKENIZERS)}")
    if bootstrap < 0 or bootstrap == 1:
        raise InputError(f"--bootstrap must be 0 (off) or at least 2 resamples, got {bootstrap}")
    return keys


def compare_systems(objects, statistics, other, samples, baseline_scores, bootstrap, seed) -> dict[str, Any]:
    """sacrebleu's paired bootstrap test of system B (`other`) against A, per metric."""
    from copygen.scoring import metrics as m

    if not samples:
        raise InputError("--compare needs bootstrap resamples: leave --bootstrap at its default or set it to 2 or more")
    result: dict[str, Any] = {"samples": bootstrap, "seed": seed, "metrics": {}}
    count = len(objects)
    for index, (metric, stats) in enumerate(zip(objects, other)):
        a = baseline_scores[metric.key]["score"]
        b = float(metric.scores(stats.sum(axis=0)[None, :])[0])
        result["metrics"][metric.key] = {
            "name": metric.name,
            "a": a,
            "b": b,
            "delta": b - a,
            "p_value": m.paired_p_value(a, b, samples[index], samples[count + index]),
            "b_ci95": m.confidence_interval(samples[count + index]),
        }
    return result


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
    other_texts = None
    if compare is not None:
        other = join(read_hypotheses(compare, **read), refs, name_of(compare), refs_name)
        other_texts = same_items(joined, other, hyps_name, name_of(compare))
    items = joined.items
    report: dict[str, Any] = {
        "hypotheses": hyps_name,
        "references": [name_of(source) for source in references],
        "items": len(items),
        "joined_by": joined.joined_by,
        "references_per_item": references_summary(items),
        "hypotheses_without_references": joined.hypotheses_without_references,
        "references_without_hypotheses": joined.references_without_hypotheses,
    }
    scored = score(
        [item.hypothesis for item in items],
        [item.references for item in items],
        metrics=metrics,
        lowercase=lowercase,
        tokenize=tokenize,
        rouge_stem=rouge_stem,
        bootstrap=bootstrap,
        seed=seed,
        per_item=per_item,
        compare=other_texts,
        jobs=jobs,
    )
    report["metrics"] = scored["metrics"]
    report["attributes"] = attribute_checks(items)
    if compare is not None:
        report["comparison"] = {"a": hyps_name, "b": name_of(compare), **scored["comparison"]}
    if per_item:
        report["per_item"] = per_item_rows(items, scored["per_item"])
    return report


def same_items(joined: Joined, other: Joined, name: str, other_name: str) -> list[str]:
    """The compared system's texts in the order of `joined`; both must score the same items."""
    texts = {item.id: item.hypothesis for item in other.items}
    ids = [item.id for item in joined.items]
    missing = [item_id for item_id in ids if item_id not in texts]
    extra = sorted(set(texts) - set(ids))
    if missing or extra or joined.joined_by != other.joined_by:
        raise InputError(
            f"{other_name} does not cover the same items as {name}: missing {quote(missing) or 'none'}, "
            f"extra {quote(extra) or 'none'}; a paired test needs both systems on the same items"
        )
    return [texts[item_id] for item_id in ids]


def references_summary(items: Sequence[Item]) -> dict[str, float]:
    counts = [len(item.references) for item in items]
    return {"min": min(counts), "max": max(counts), "mean": sum(counts) / len(counts)}


def attribute_checks(items: Sequence[Item]) -> dict[str, Any] | None:
    """Coverage of attribute values and unsupported numbers, over drafts that carry attributes."""
    from copygen.quality.grounding import attribute_coverage, unsupported_numbers

    checked = [item for item in items if item.attributes is not None]
    if not checked:
        return None
    coverages = [attribute_coverage(item.attributes, item.hypothesis) for item in checked]
    known = [value for value in coverages if value is not None]
    unsupported = [
        {"id": item.id, "numbers": numbers}
        for item in checked
        if (numbers := unsupported_numbers(item.attributes, item.hypothesis))
    ]
    return {
        "drafts": len(checked),
        "coverage": 100 * sum(known) / len(known) if known else None,
        "drafts_with_unsupported_numbers": len(unsupported),
        "unsupported_numbers": unsupported,
    }


def per_item_rows(items: Sequence[Item], scores: Sequence[dict[str, float]]) -> list[dict[str, Any]]:
    from copygen.quality.grounding import attribute_coverage, unsupported_numbers

    rows = []
    for item, item_scores in zip(items, scores):
        row: dict[str, Any] = {"id": item.id, "line": item.line, **item_scores}
        if item.attributes is not None:
            coverage = attribute_coverage(item.attributes, item.hypothesis)
            row["coverage"] = None if coverage is None else 100 * coverage
            row["unsupported_numbers"] = unsupported_numbers(item.attributes, item.hypothesis)
        rows.append(row)
    return rows
