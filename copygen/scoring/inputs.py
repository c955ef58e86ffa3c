"""Reading what `copygen evaluate` scores: hypotheses and references, from files or stdin.

Hypotheses come from a drafts JSONL (`copygen generate`), plain text (one per line), or a
CSV/JSON/JSONL file with a text column. References come from text (one per line; several files
for several references per item), or CSV/JSON/JSONL where a row holds one reference or a list,
and rows sharing an id are one item. Every problem is an InputError naming the file and line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copygen.errors import InputError, UsageError
from copygen.io.rows import column_name, find_column, json_kind, name_of, read_rows

FORMATS = ("text", "csv", "json", "jsonl")
EMPTY = "expected one text per line, or CSV, JSON or JSONL rows"
REFERENCE_COLUMNS = ("references", "reference", "refs", "ref", "text")


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
        raise UsageError(f"--variant must be 1 or more (1 is each draft's best variant), got {variant}")
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
        raise UsageError(
            f"{where}: --variant {variant} asked for, but this draft has {len(variants)} variant(s): use 1 to {len(variants)}"
        )
    chosen = variants[variant - 1]
    text = chosen.get("text") if isinstance(chosen, dict) else chosen
    if not isinstance(text, str):
        raise InputError(f'{where}: variant {variant} has no "text" string')
    attributes = row.get("attributes")
    return text, attributes if isinstance(attributes, dict) else None


def column_text(row: dict, column: str, where: str) -> str:
    """The text in a row's `column` ("" when null)."""
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
    """The reference items of one file, rows sharing an id merged into one item."""
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
    """The non-blank reference texts of a row (its column holds one text or a list)."""
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
