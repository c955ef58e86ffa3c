"""Read rows from CSV, JSON, JSONL or plain text files: the one reader behind products,
evaluate's hypotheses and references, drafts, decisions and shards.

`read_rows` opens the file and checks its header (or whole JSON array) before it returns, so
a wrong path, encoding or format fails at once; then it yields one `Row` at a time, streaming
CSV, JSONL and text line by line. A row holds its values, or the located problem that makes it
unreadable ("line 3: 4 fields but the header has 3 columns; ..."), for the caller to raise or
skip. Values pass through as written (emoji, CJK, right-to-left text, zero-width characters),
except that CSV cells lose surrounding whitespace and an empty cell, like JSON null, means
missing (None). Column names (CSV header cells, top-level JSON keys) lose surrounding
whitespace and invisible format characters (BOM, zero-width space or joiner, direction marks):
editors glue these on unseen, and a name that differs only by them could never be matched.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from copygen.errors import InputError, UsageError
from copygen.io.lines import close, open_binary, text_lines

FORMATS = ("csv", "json", "jsonl", "text")
# .txt is plain text wherever text is read; a reader that takes no text (products) guesses instead.
EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
    ".text": "text",
}
DELIMITERS = "\t,;|"  # sniffed from the header line: the most frequent wins, the earlier on a tie
INVISIBLE = r"[\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
NAME_EDGES = re.compile(rf"\A{INVISIBLE}+|{INVISIBLE}+\Z")
JSON_SPACE = re.compile(r"[ \t\n\r]*")

csv.field_size_limit(2**31 - 1)  # a 1 MB description is a normal product field


class Row(NamedTuple):
    """One row: the line it starts on, and its values (a dict; a plain text line's text), or
    the located problem that makes it unreadable."""

    line: int
    values: Any = None
    problem: str | None = None


def read_rows(
    source: str | Path,
    *,
    formats: Iterable[str] = FORMATS,
    input_format: str | None = None,
    option: str = "--input-format",
    empty: str | dict[str, str] | None = "expected one row per line",
    delimiter: str | None = None,
    id_column: str = "id",
    encoding: str = "utf-8",
) -> tuple[str, Iterator[Row]]:
    """The file's format and its rows (the file closes when they are used up or closed).

    The format is `input_format`, else the extension's (if it is one of `formats`), else JSON
    or JSONL by the first character, else text or CSV. `empty` completes the message for an
    empty file (a text, or one per format; None: an empty file has no rows); a CSV header without `id_column` fails unless it
    is "id" (whose absence means line numbers).
    """
    formats = tuple(formats)
    if input_format is not None and input_format not in formats:
        raise UsageError(f"unknown {option} {input_format!r}: use one of {', '.join(formats)}")
    name = name_of(source)
    stream = open_binary(source)
    try:
        lines = text_lines(stream, name, encoding)
        leading = []
        for line in lines:
            leading.append(line)
            if line.strip():
                break
        fmt = detect_format(source, leading[-1] if leading else "", input_format, formats)
        if (not leading or not leading[-1].strip()) and empty is None:
            close(source, stream)
            return fmt, iter(())
        if not leading or not leading[-1].strip():
            raise InputError(f"{name} is empty: {empty.get(fmt, '') if isinstance(empty, dict) else empty}")
        lines = itertools.chain(leading, lines)
        if fmt == "text":
            rows: Iterable[tuple[int, Any]] = ((number, text.rstrip("\r\n")) for number, text in enumerate(lines, 1))
        elif fmt == "csv":
            rows = csv_rows(lines, name, delimiter, id_column)
        else:
            rows = json_rows(lines, name) if fmt == "json" else jsonl_rows(lines)
    except BaseException:
        close(source, stream)
        raise
    return fmt, as_rows(rows, fmt, lambda: close(source, stream))


def as_rows(rows: Iterable[tuple[int, Any]], fmt: str, close_file) -> Iterator[Row]:
    try:
        for line, value in rows:
            problem = isinstance(value, str) and fmt != "text"
            yield Row(line, problem=value) if problem else Row(line, value)
    finally:
        close_file()


def name_of(source: str | Path) -> str:
    """A file's name in messages: its path, or <stdin> for `-`."""
    return "<stdin>" if str(source) == "-" else str(source)


def detect_format(source: str | Path, first_line: str, input_format: str | None, formats: tuple[str, ...]) -> str:
    """The format asked for, else the extension's, else a guess from the first character."""
    if input_format:
        return input_format
    by_extension = EXTENSIONS.get(Path(str(source)).suffix.lower())
    if by_extension in formats:
        return by_extension
    guess = {"[": "json", "{": "jsonl"}.get(first_line.lstrip()[:1])
    if guess in formats:
        return guess
    return "text" if "text" in formats else "csv" if "csv" in formats else formats[0]


def find_column(names: Iterable[str], wanted: str) -> str | None:
    """`wanted` itself if present, else the one name equal to it ignoring case."""
    names = list(names)
    if wanted in names:
        return wanted
    matches = [name for name in names if name.casefold() == wanted.casefold()]
    return matches[0] if len(matches) == 1 else None


def column_name(text: str) -> str:
    return NAME_EDGES.sub("", text)


def quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def repeated(names: list[str]) -> list[str]:
    return sorted(name for name, count in Counter(names).items() if count > 1)


class LineCounter:
    """Wrap lines so each CSV record knows the line it starts on."""

    def __init__(self, lines: Iterable[str]):
        self.lines = iter(lines)
        self.number = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.number += 1
        return line


def csv_rows(lines: Iterable[str], name: str, delimiter: str | None, id_column: str):
    """Check the header now (so its problems surface at once); return the rows that follow."""
    counter = LineCounter(lines)
    header_text = next(line for line in counter if line.strip())
    header_line = counter.number
    delimiter = sniff_delimiter(header_text) if delimiter is None else delimiter_option(delimiter)
    # strict: an unclosed quote must not swallow the rest of the file; skipinitialspace: `1, "a, b"`
    reader = csv.reader(
        itertools.chain([header_text], counter), delimiter=delimiter, strict=True, skipinitialspace=delimiter != " "
    )
    try:
        header = [column_name(cell) for cell in next(reader)]
    except csv.Error as error:
        raise InputError(f"{name}, line {header_line}: cannot read the header: {csv_problem(error)}") from None
    for index, column in enumerate(header, start=1):
        if not column:
            raise InputError(
                f"{name}, line {header_line}: header column {index} has no name; "
                f"name every column (or remove a trailing {delimiter_name(delimiter)})"
            )
    if repeated(header):
        raise InputError(
            f"{name}, line {header_line}: the header repeats {quoted(repeated(header))}; rename or remove the copies"
        )
    if find_column(header, column_name(id_column)) is None and column_name(id_column) != "id":
        raise InputError(
            f'{name}, line {header_line}: no column "{id_column}"; '
            f"pass one of these with --id-column: {', '.join(header)}"
        )
    return csv_records(reader, counter, header, delimiter)


def csv_records(reader, counter: LineCounter, header: list[str], delimiter: str):
    """Yield (line, attributes or problem) for each non-blank record after the header."""
    start = counter.number + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield start, f"line {start}: {csv_problem(error)}"
            start = counter.number + 1
            continue
        line, start = start, counter.number + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield (
                line,
                (
                    f"line {line}: {len(row)} fields but the header has {len(header)} columns; "
                    f'quote values that contain {delimiter_name(delimiter)} ("like, this")'
                ),
            )
        elif len(row) < len(header):
            yield (
                line,
                (
                    f"line {line}: {len(row)} fields but the header has {len(header)} columns; the row ends before "
                    f'column "{header[len(row)]}": add the missing values (they may be empty)'
                ),
            )
        else:
            yield line, {column: cell.strip() or None for column, cell in zip(header, row)}


def csv_problem(error: csv.Error) -> str:
    message = str(error)
    if "end of data" in message:
        return 'a quoted value that starts in this row is never closed: add the closing "'
    if "expected after" in message:
        return 'a closing quote must be followed by the delimiter: write a quote inside a quoted value as ""'
    return f"malformed CSV: {message}"


def sniff_delimiter(header: str) -> str:
    outside_quotes = re.sub(r'"[^"]*"', "", header)
    best = max(DELIMITERS, key=outside_quotes.count)
    return best if outside_quotes.count(best) else ","


def delimiter_option(delimiter: str) -> str:
    delimiter = {"\\t": "\t", "tab": "\t"}.get(delimiter, delimiter)
    if len(delimiter) != 1 or delimiter in '"\r\n\x00':
        raise UsageError(f"--delimiter must be one character other than a quote or line break, got {delimiter!r}")
    return delimiter


def delimiter_name(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else f'"{delimiter}"'


def jsonl_rows(lines: Iterable[str]):
    """Yield (line, attributes or problem) for each non-blank line."""
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            value = json.loads(text.rstrip("\r\n"))  # so an error at the end of the line names this line
        except json.JSONDecodeError as error:
            yield (
                number,
                (
                    f"line {number}, column {error.colno}: invalid JSON: {error.msg}; "
                    "each line must hold one whole JSON object"
                ),
            )
            continue
        except (ValueError, RecursionError) as error:  # too many digits; nested too deeply
            yield number, f"line {number}: cannot read this JSON: {json_value_error(error)}"
            continue
        hint = ""
        if isinstance(value, list):
            hint = " (a JSON array file should be named .json or read with --input-format json)"
        row = json_object(value)
        yield number, row if isinstance(row, dict) else f"line {number}: {row}{hint}"


def json_rows(lines: Iterable[str], name: str):
    """Parse the whole array (so syntax errors surface before any product); return its rows."""
    text = "".join(lines)
    decoder = json.JSONDecoder()
    pos = JSON_SPACE.match(text).end()
    if not text.startswith("[", pos):
        value, end = decode_json(decoder, text, pos, name)
        if isinstance(value, dict) and JSON_SPACE.match(text, end).end() < len(text):
            raise InputError(
                f"{name} looks like JSON Lines (one object per line): name it .jsonl or pass --input-format jsonl"
            )
        raise InputError(
            f"{name}: expected a JSON array of product objects, got {json_kind(value)}; "
            "write the products as [{...}, {...}]"
        )
    rows = []
    line, counted = 1, 0
    pos = JSON_SPACE.match(text, pos + 1).end()
    while not text.startswith("]", pos):
        line, counted = line + text.count("\n", counted, pos), pos
        value, pos = decode_json(decoder, text, pos, name)
        row = json_object(value)
        rows.append((line, row if isinstance(row, dict) else f"line {line}: {row}"))
        pos = JSON_SPACE.match(text, pos).end()
        if text.startswith(",", pos):
            pos = JSON_SPACE.match(text, pos + 1).end()
            if text.startswith("]", pos):
                raise json_syntax_error(name, text, pos, "a comma before ] (JSON allows no trailing comma)")
        elif not text.startswith("]", pos):
            raise json_syntax_error(name, text, pos, "expected , or ] after a product")
    after = JSON_SPACE.match(text, pos + 1).end()
    if after < len(text):
        raise json_syntax_error(name, text, after, "unexpected text after the closing ]")
    return iter(rows)


def decode_json(decoder: json.JSONDecoder, text: str, pos: int, name: str) -> tuple[Any, int]:
    try:
        return decoder.raw_decode(text, pos)
    except json.JSONDecodeError as error:
        raise json_syntax_error(name, text, error.pos, error.msg) from None
    except (ValueError, RecursionError) as error:
        raise json_syntax_error(name, text, pos, json_value_error(error)) from None


def json_syntax_error(name: str, text: str, pos: int, what: str) -> InputError:
    line = text.count("\n", 0, pos) + 1
    column = pos - text.rfind("\n", 0, pos)
    truncated = pos >= len(text.rstrip()) or what.startswith("Unterminated string")
    if what.startswith("Unterminated string"):
        what = "a string that starts here never ends"
    hint = "; the file ends too early: is it truncated?" if truncated else ""
    return InputError(f"{name}, line {line}, column {column}: invalid JSON: {what}{hint}")


def json_value_error(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error).split(":")[0]  # "Exceeds the limit (4300 digits) for integer string conversion"


def json_object(value: Any) -> dict | str:
    """The object with clean key names, or what is wrong with it."""
    if not isinstance(value, dict):
        return f"expected a JSON object, got {json_kind(value)}"
    names = [column_name(key) for key in value]
    if repeated(names):
        return f'the key "{repeated(names)[0]}" appears twice (ignoring spaces and invisible characters around it)'
    return dict(zip(names, value.values()))


def json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")
