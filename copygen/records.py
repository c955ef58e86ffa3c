"""Read products from CSV, JSON or JSONL (a path or `-` for stdin), one `Product` at a time.

Every problem is reported as an `InputError` naming the file, the line and the column, and
what to do. Rows stream: a 100,000-row CSV is never held in memory at once.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from copygen.errors import InputError

FORMATS = ("csv", "json", "jsonl")
EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
SNIFF_DELIMITERS = ",;\t|"

csv.field_size_limit(2**31 - 1)


@dataclass
class Product:
    """One product: a stable id, the line it starts on (for messages), and its attributes."""

    id: str
    line: int
    attributes: dict[str, Any] = field(default_factory=dict)


def source_name(source: str | Path) -> str:
    return "<stdin>" if str(source) == "-" else str(source)


def detect_format(source: str | Path, head: bytes, input_format: str | None) -> str:
    """The format asked for, else the extension's, else a guess from the first byte."""
    if input_format:
        if input_format not in FORMATS:
            raise InputError(f"unknown --input-format {input_format!r}: use one of {', '.join(FORMATS)}")
        return input_format
    suffix = Path(str(source)).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    first = head.lstrip(codecs.BOM_UTF8).lstrip()[:1]
    return {b"[": "json", b"{": "jsonl"}.get(first, "csv")


def open_binary(source: str | Path):
    if str(source) == "-":
        return sys.stdin.buffer
    path = Path(source)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a CSV, JSON or JSONL file")
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path} does not exist: check the path (use - to read stdin)") from None
    except OSError as error:
        raise InputError(f"cannot open {path}: {error.strerror}") from None


def decoded_lines(stream, name: str, encoding: str, head: bytes) -> Iterator[str]:
    """Decode line by line so an encoding error names its line."""
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        decoder = codecs.getincrementaldecoder(codec)()
    except LookupError:
        raise InputError(f"unknown --encoding {encoding!r}: use a Python codec name such as utf-8 or cp1252") from None
    for number, raw in enumerate(itertools.chain(io.BytesIO(head), stream), start=1):
        try:
            text = decoder.decode(raw)
        except UnicodeDecodeError as error:
            bad = raw[error.start : error.start + 1].hex()
            raise InputError(
                f"{name}, line {number}: byte 0x{bad} is not valid {encoding}; "
                f"pass --encoding with the file's encoding (for example --encoding cp1252)"
            ) from None
        if "\x00" in text:
            raise InputError(
                f"{name}, line {number}: contains NUL bytes; this looks like a binary file, not CSV, JSON or JSONL"
            )
        yield text


def read_products(
    source: str | Path,
    *,
    input_format: str | None = None,
    delimiter: str | None = None,
    id_column: str = "id",
    encoding: str = "utf-8",
    skip_bad_rows: bool = False,
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Product]:
    """Yield the products of a file (or stdin for `-`), validated, in file order.

    With `skip_bad_rows`, a malformed row is reported through `on_skip` and left out;
    otherwise it raises `InputError`. An empty file or one with no products also raises.
    """
    name = source_name(source)
    stream = open_binary(source)
    try:
        head = stream.readline()
        fmt = detect_format(source, head, input_format)
        lines = decoded_lines(stream, name, encoding, head)
        rows = {"csv": lambda: csv_rows(lines, name, delimiter), "jsonl": lambda: jsonl_rows(lines, name)}.get(
            fmt, lambda: json_rows(lines, name)
        )()
        unit = "item" if fmt == "json" else "line"
        yield from products_from_rows(rows, name, unit, id_column, skip_bad_rows, on_skip)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def products_from_rows(rows, name, unit, id_column, skip_bad_rows, on_skip) -> Iterator[Product]:
    """Check ids and turn rows into products; rows are (line, attributes or an error message)."""
    seen: dict[str, int] = {}
    count = 0
    for line, attributes in rows:
        problem = attributes if isinstance(attributes, str) else None
        if problem is None:
            product_id, problem = product_id_of(attributes, line, id_column, name, unit)
            if problem is None and product_id in seen:
                problem = f'duplicate id "{product_id}" (first at {unit} {seen[product_id]}); ids must be unique'
        if problem is not None:
            message = f"{name}, {unit} {line}: {problem}"
            if not skip_bad_rows:
                raise InputError(f"{message} (or pass --skip-bad-rows to leave such rows out)")
            if on_skip:
                on_skip(f"skipped {message}")
            continue
        seen[product_id] = line
        count += 1
        yield Product(id=product_id, line=line, attributes=attributes)
    if not count:
        raise InputError(f"{name} has no products: add at least one product after the header")


def product_id_of(attributes: dict, line: int, id_column: str, name: str, unit: str):
    """The product's id and no problem, or None and what is wrong with it."""
    if id_column not in attributes:
        if id_column != "id":
            raise InputError(
                f'{name}, {unit} {line}: no column "{id_column}" (--id-column); '
                f"the columns are: {', '.join(attributes) or '(none)'}"
            )
        return str(line), None
    value = attributes[id_column]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, f'column "{id_column}" is empty; give every product an id'
    if isinstance(value, (list, dict)):
        return None, f'column "{id_column}" must be a string or number, not {json_kind(value)}'
    return str(value).strip(), None


def clean_cell(value: str) -> str | None:
    value = value.strip()
    return value or None


class LineCounter:
    """Wrap decoded lines so each CSV record knows the line it starts on."""

    def __init__(self, lines: Iterable[str]):
        self.lines = iter(lines)
        self.number = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.number += 1
        return line


def csv_rows(lines: Iterator[str], name: str, delimiter: str | None):
    """Read the header eagerly (so errors surface at once), then yield (line, row)."""
    counter = LineCounter(lines)
    first = next(counter, None)
    while first is not None and not first.strip():
        first = next(counter, None)
    if first is None:
        raise InputError(f"{name} is empty: expected a header row, then one product per row")
    header_line = counter.number
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(first, delimiters=SNIFF_DELIMITERS).delimiter
        except csv.Error:
            delimiter = ","
    elif delimiter in ("\\t", "tab"):
        delimiter = "\t"
    if len(delimiter) != 1:
        raise InputError(f"--delimiter must be one character, got {delimiter!r}")
    reader = csv.reader(itertools.chain([first], counter), delimiter=delimiter)
    try:
        header = [cell.strip() for cell in next(reader)]
    except csv.Error as error:
        raise InputError(f"{name}, line {header_line}: cannot read the header: {error}") from None
    for index, column in enumerate(header, start=1):
        if not column:
            raise InputError(f"{name}, line {header_line}: column {index} of the header has no name; name every column")
    duplicates = sorted({column for column in header if header.count(column) > 1})
    if duplicates:
        raise InputError(
            f"{name}, line {header_line}: the header repeats {', '.join(duplicates)}; column names must be unique"
        )
    return csv_records(reader, counter, header, header_line + 1)


def csv_records(reader, counter: LineCounter, header: list[str], start: int):
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, f"malformed CSV: {error}"
            start = counter.number + 1
            continue
        line, start = start, counter.number + 1
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            many = "many" if len(row) > len(header) else "few"
            yield line, (
                f"{len(row)} fields but the header has {len(header)} (too {many}); "
                "quote values that contain the delimiter"
            )
            continue
        yield line, {column: clean_cell(cell) for column, cell in zip(header, row)}


def jsonl_rows(lines: Iterator[str], name: str):
    empty = True
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        empty = False
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            yield number, f"invalid JSON at column {error.colno}: {error.msg}"
            continue
        if not isinstance(value, dict):
            yield number, f"expected a JSON object, got {json_kind(value)}"
            continue
        yield number, value
    if empty:
        raise InputError(f"{name} is empty: expected one JSON object per line")


def json_rows(lines: Iterator[str], name: str):
    text = "".join(lines)
    if not text.strip():
        raise InputError(f"{name} is empty: expected a JSON array of objects")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        hint = " (the file looks truncated)" if error.pos >= len(text.rstrip()) else ""
        raise InputError(f"{name}, line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}{hint}") from None
    if not isinstance(value, list):
        raise InputError(f"{name}: expected a JSON array of product objects, got {json_kind(value)}")
    for index, item in enumerate(value, start=1):
        yield index, item if isinstance(item, dict) else f"is {json_kind(item)}, expected an object"


def json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")
