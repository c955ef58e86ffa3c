"""Read products from CSV, JSON or JSONL (a path or `-` for stdin), one `Product` at a time.

Every problem is an `InputError` naming the file, the line (and the column where it helps)
and what to do. CSV and JSONL stream line by line; a JSON array is parsed whole.

Text is UTF-8 unless told otherwise; a byte-order mark is dropped (a UTF-16 or UTF-32 one
also picks that encoding), and lines may end in \\n, \\r\\n or a lone \\r. Values pass through
as written (emoji, CJK, right-to-left text, zero-width characters), except that CSV cells
lose surrounding whitespace and an empty cell, like JSON null, means missing (None). Column
names (CSV header cells, top-level JSON keys) lose surrounding whitespace and invisible
format characters (BOM, zero-width space or joiner, direction marks): editors glue these on
unseen, and a name that differs only by them could never be matched. Inside a name they stay.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from copygen.errors import InputError

FORMATS = ("csv", "json", "jsonl")
EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
EMPTY = {
    "csv": "expected a header row, then one row per product",
    "json": "expected a JSON array of product objects",
    "jsonl": "expected one JSON object per line",
}
NO_PRODUCTS = {
    "csv": "add one row per product below the header",
    "json": "put one object per product in the array",
    "jsonl": "write one JSON object per product, one per line",
}
DELIMITERS = "\t,;|"  # sniffed from the header line: the most frequent wins, the earlier on a tie
BLOCK = 1 << 16  # bytes read at most at once, so a file without line breaks cannot fill memory
SIGNATURES = {  # the first bytes of files often given by mistake: what they are, what to do
    b"\x89PNG": ("a PNG image", "give the products file"),
    b"\xff\xd8\xff": ("a JPEG image", "give the products file"),
    b"%PDF": ("a PDF document", "give the products file"),
    b"\x1f\x8b": ("gzip-compressed data", "decompress it first (gunzip)"),
    b"PK\x03\x04": ("a zip archive or Excel workbook", "save the sheet as CSV UTF-8, or unzip it"),
    b"\xd0\xcf\x11\xe0": ("an Excel workbook", "save the sheet as CSV UTF-8"),
}
UNICODE_BOMS = {  # UTF-32 first: its little-endian mark starts like UTF-16's
    codecs.BOM_UTF32_LE: "utf-32",
    codecs.BOM_UTF32_BE: "utf-32",
    codecs.BOM_UTF16_LE: "utf-16",
    codecs.BOM_UTF16_BE: "utf-16",
}
LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)")  # a line with its ending: \n, \r\n or a lone \r
NUL = re.compile("\x00")
UNDECODABLE = re.compile("[\udc80-\udcff]")  # where the surrogateescape handler kept a bad byte
INVISIBLE = r"[\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
NAME_EDGES = re.compile(rf"\A{INVISIBLE}+|{INVISIBLE}+\Z")
JSON_SPACE = re.compile(r"[ \t\n\r]*")

csv.field_size_limit(2**31 - 1)  # a 1 MB description is a normal product field


@dataclass
class Product:
    """One product: a stable id, the line it starts on (for messages), and its attributes."""

    id: str
    line: int
    attributes: dict[str, Any] = field(default_factory=dict)


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

    The file is opened and its header (or whole JSON array) checked before this returns, so
    a wrong path, encoding or --id-column fails at once. A malformed row raises; with
    `skip_bad_rows` it is left out and reported through `on_skip`. The id is the `id_column`
    value (matched ignoring case if unambiguous) or, when there is no "id", the line number.
    """
    if input_format is not None and input_format not in FORMATS:
        raise InputError(f"unknown --input-format {input_format!r}: use one of {', '.join(FORMATS)}")
    name = "<stdin>" if str(source) == "-" else str(source)
    stream = open_binary(source)
    try:
        lines = text_lines(stream, name, encoding)
        leading = []
        for line in lines:
            leading.append(line)
            if line.strip():
                break
        fmt = detect_format(source, leading[-1] if leading else "", input_format)
        if not leading or not leading[-1].strip():
            raise InputError(f"{name} is empty: {EMPTY[fmt]}")
        lines = itertools.chain(leading, lines)
        if fmt == "csv":
            rows = csv_rows(lines, name, delimiter, id_column)
        else:
            rows = json_rows(lines, name) if fmt == "json" else jsonl_rows(lines)
    except BaseException:
        close(source, stream)
        raise
    return checked_products(rows, name, fmt, id_column, skip_bad_rows, on_skip, lambda: close(source, stream))


def checked_products(rows, name, fmt, id_column, skip_bad_rows, on_skip, close_file) -> Iterator[Product]:
    """Turn (line, attributes or located problem) rows into products with unique ids."""
    seen: dict[str, int] = {}
    skipped = 0
    try:
        for line, row in rows:
            product_id, problem = (None, row) if isinstance(row, str) else product_id_of(row, line, id_column)
            if problem is None and product_id in seen:
                first = seen[product_id]
                problem = f'line {line}: duplicate id "{product_id}" (first on line {first}); ids must be unique'
            if problem is not None:
                if not skip_bad_rows:
                    raise InputError(f"{name}, {problem} (or pass --skip-bad-rows to leave such rows out)")
                skipped += 1
                if on_skip:
                    on_skip(f"skipped {name}, {problem}")
                continue
            seen[product_id] = line
            yield Product(id=product_id, line=line, attributes=row)
    finally:
        close_file()
    if not seen:
        because = f" ({skipped} bad {'row' if skipped == 1 else 'rows'} skipped)" if skipped else ""
        raise InputError(f"{name} has no products{because}: {NO_PRODUCTS[fmt]}")


def product_id_of(attributes: dict, line: int, id_column: str) -> tuple[str | None, str | None]:
    """The product's id and no problem, or no id and the located problem."""
    key = find_column(attributes, column_name(id_column))
    if key is None:
        if column_name(id_column) == "id":
            return str(line), None
        keys = quoted(attributes) or "none"
        return None, f'line {line}: no "{id_column}" (--id-column) in this product; its keys are: {keys}'
    value = attributes[key]
    if isinstance(value, bool) or not isinstance(value, (str, int, float, type(None))):
        return None, f'line {line}: the "{key}" value must be a string or a number, not {json_kind(value)}'
    text = "" if value is None else str(value).strip()
    if not text:
        return None, f'line {line}: the "{key}" value is empty; give every product an id'
    return text, None


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


def close(source: str | Path, stream) -> None:
    if str(source) != "-":
        stream.close()


def detect_format(source: str | Path, first_line: str, input_format: str | None) -> str:
    """The format asked for, else the extension's, else a guess from the first character."""
    if input_format:
        return input_format
    suffix = Path(str(source)).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return {"[": "json", "{": "jsonl"}.get(first_line.lstrip()[:1], "csv")


def text_lines(stream, name: str, encoding: str) -> Iterator[str]:
    """Decode the stream and yield its lines with their endings (\\n, \\r\\n or a lone \\r).

    Bytes that are not `encoding`, NUL bytes and binary file signatures raise an `InputError`
    naming the line and column.
    """
    try:
        b"\n".decode(encoding, "ignore")  # unknown and non-text codecs (base64...) raise here
    except LookupError:
        raise InputError(
            f"unknown --encoding {encoding!r}: use a text encoding such as utf-8, cp1252 or latin-1"
        ) from None
    blocks = iter(lambda: stream.readline(BLOCK), b"")
    first = next(blocks, b"")
    for signature, (kind, advice) in SIGNATURES.items():
        if first.startswith(signature):
            raise InputError(f"{name} looks like {kind}, not CSV, JSON or JSONL text: {advice}")
    codec = encoding
    if first.startswith(codecs.BOM_UTF8):
        first = first[len(codecs.BOM_UTF8) :]
    elif codecs.lookup(encoding).name == "utf-8":
        codec = next((codec for bom, codec in UNICODE_BOMS.items() if first.startswith(bom)), codec)
    decoder = codecs.getincrementaldecoder(codec)("surrogateescape")
    held: list[str] = []  # the line being assembled
    done = 0  # lines yielded so far
    for raw in itertools.chain([first], blocks, [None]):
        try:
            text = decoder.decode(raw or b"", final=raw is None)
        except UnicodeError as error:  # a bad byte below 0x80 (UTF-16, UTF-32), which cannot be kept
            line, _ = position(done, "".join(held))
            reason = getattr(error, "reason", str(error))
            raise InputError(
                f"{name}, line {line}: cannot read this as {codec} ({reason}); pass the file's encoding with --encoding"
            ) from None
        if done == 0 and not held:
            text = text.removeprefix("\ufeff")  # a BOM that the codec keeps (utf-16-le, utf-32-be...)
        bad = NUL.search(text) or UNDECODABLE.search(text)
        if bad:
            line, column = position(done, "".join(held) + text[: bad.start()])
            raise InputError(f"{name}, line {line}, column {column}: {bad_character(bad.group(), codec)}")
        held.append(text)
        if raw is not None and "\n" not in text and "\r" not in text:
            continue
        joined = "".join(held)
        keep = 1 if raw is not None and joined.endswith("\r") else 0  # a \n may follow in the next block
        lines, tail = split_lines(joined[: len(joined) - keep])
        done += len(lines)
        yield from lines
        held = [tail + joined[len(joined) - keep :]]
    if held[0]:
        yield held[0]


def split_lines(text: str) -> tuple[list[str], str]:
    """The complete lines of `text`, and the unfinished rest."""
    end = max(text.rfind("\n"), text.rfind("\r")) + 1  # findall on an unfinished rest would be quadratic
    return LINE.findall(text, 0, end), text[end:]


def position(lines_before: int, text: str) -> tuple[int, int]:
    """The line and column just after `text`, which starts a line after `lines_before` lines."""
    lines, rest = split_lines(text)
    return lines_before + len(lines) + 1, len(rest) + 1


def bad_character(character: str, codec: str) -> str:
    if character == "\x00":
        return (
            "NUL byte: this looks like a binary file, not CSV, JSON or JSONL text "
            "(if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-le)"
        )
    example = "cp1252" if codecs.lookup(codec).name == "utf-8" else "latin-1"
    return (
        f"byte 0x{ord(character) - 0xDC00:02x} is not valid {codec}; "
        f"pass the file's encoding with --encoding (for example --encoding {example})"
    )


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
            f'pass one of these with --id-column: {", ".join(header)}'
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
            yield line, (
                f"line {line}: {len(row)} fields but the header has {len(header)} columns; "
                f'quote values that contain {delimiter_name(delimiter)} ("like, this")'
            )
        elif len(row) < len(header):
            yield line, (
                f"line {line}: {len(row)} fields but the header has {len(header)} columns; the row ends before "
                f'column "{header[len(row)]}": add the missing values (they may be empty)'
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
        raise InputError(f"--delimiter must be one character other than a quote or line break, got {delimiter!r}")
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
            yield number, (
                f"line {number}, column {error.colno}: invalid JSON: {error.msg}; "
                "each line must hold one whole JSON object"
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
