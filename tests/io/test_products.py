"""The product reader: every hardening case ends in products or in one clear InputError."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import types

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copygen.errors import InputError, UsageError
from copygen.io.products import read_products, value_text

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def read(path, **options):
    return list(read_products(path, **options))


def error(path, **options) -> str:
    """The message of the InputError reading `path` raises; it must be one line naming the file."""
    with pytest.raises(InputError) as raised:
        read(path, **options)
    message = str(raised.value)
    assert "\n" not in message
    assert (str(path) if str(path) != "-" else "<stdin>") in message
    return message


def values(products, column):
    return [product.attributes[column] for product in products]


# Empty files, headers, id columns


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("p.csv", "", "is empty: expected a header row, then one row per product"),
        ("p.csv", "\n  \r\n\n", "is empty: expected a header row"),
        ("p.json", "", "is empty: expected a JSON array of product objects"),
        ("p.jsonl", "\n\n", "is empty: expected one JSON object per line"),
        ("p.csv", "id,name\n", "has no products: add one row per product below the header"),
        ("p.csv", "id,name\n\n,\n", "has no products"),
        ("p.json", "[]", "has no products: put one object per product in the array"),
        ("p.jsonl", b"\xef\xbb\xbf\n", "is empty"),
    ],
)
def test_empty_inputs(tmp_path, name, content, expected):
    assert expected in error(write(tmp_path, name, content))


def test_missing_id_column_is_reported_at_the_header_with_the_columns(tmp_path):
    path = write(tmp_path, "p.csv", "sku,name\n1,a\n")
    expected = f'{path}, line 1: no column "SKU_ID"; pass one of these with --id-column: sku, name'
    assert error(path, id_column="SKU_ID") == expected
    assert "no column" in error(write(tmp_path, "h.csv", "sku,name\n"), id_column="code")


def test_id_column_matches_ignoring_case_and_ids_default_to_line_numbers(tmp_path):
    assert [p.id for p in read(write(tmp_path, "p.csv", "SKU,name\nA1,x\n"), id_column="sku")] == ["A1"]
    assert [p.id for p in read(write(tmp_path, "q.csv", "ID,name\n7,x\n"))] == ["7"]
    assert [p.id for p in read(write(tmp_path, "r.csv", "name\nx\n\ny\n"))] == ["2", "4"]


def test_json_object_without_the_id_key_is_a_bad_row(tmp_path):
    path = write(tmp_path, "p.jsonl", '{"sku": 1}\n{"name": "x"}\n{"sku": 3}\n')
    expected = f'{path}, line 2: no "sku" (--id-column) in this product; its keys are: "name"'
    assert error(path, id_column="sku").startswith(expected)
    skipped = []
    assert [p.id for p in read(path, id_column="sku", skip_bad_rows=True, on_skip=skipped.append)] == ["1", "3"]
    assert skipped == [f'skipped {path}, line 2: no "sku" (--id-column) in this product; its keys are: "name"']


@pytest.mark.parametrize(
    "header, expected",
    [
        ("id,name,\n", 'header column 3 has no name; name every column (or remove a trailing ",")'),
        ("id,name,name\n", 'the header repeats "name"; rename or remove the copies'),
        ('id,"name\n', "cannot read the header: a quoted value that starts in this row is never closed"),
    ],
)
def test_bad_headers(tmp_path, header, expected):
    path = write(tmp_path, "p.csv", header + "1,a,b\n")
    assert error(path).startswith(f"{path}, line 1: {expected}")


# Encodings, BOMs, invisible characters


@pytest.mark.parametrize(
    "name, content",
    [
        ("p.csv", "id,name\n1,café\n"),
        ("p.json", '[{"id": 1, "name": "café"}]'),
        ("p.jsonl", '{"id": 1, "name": "café"}\n'),
    ],
)
def test_utf8_bom_is_transparent(tmp_path, name, content):
    products = read(write(tmp_path, name, codecs.BOM_UTF8 + content.encode()))
    assert [(p.id, p.attributes["name"]) for p in products] == [("1", "café")]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path, encoding):
    text = "id\tname\r\n1\tT恤 😀\r\n2\tשלום\r\n"
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    products = read(write(tmp_path, "p.txt", bom + text.encode(encoding)))
    assert [(p.id, p.line, p.attributes["name"]) for p in products] == [("1", 2, "T恤 😀"), ("2", 3, "שלום")]


def test_bytes_that_are_not_utf8_name_line_column_and_encoding(tmp_path):
    path = write(tmp_path, "p.csv", b"id,name\n1,ok\n2,caf\xe9 cr\xe8me\n")
    assert error(path) == (
        f"{path}, line 3, column 6: byte 0xe9 is not valid utf-8; "
        "pass the file's encoding with --encoding (for example --encoding cp1252)"
    )
    assert values(read(path, encoding="cp1252"), "name") == ["ok", "café crème"]
    assert "byte 0x81 is not valid cp1252" in error(write(tmp_path, "q.csv", b"id\n\x81\n"), encoding="cp1252")


def test_a_multibyte_character_cut_at_the_end_of_the_file_is_not_dropped(tmp_path):
    path = write(tmp_path, "p.csv", b"id,name\n1,caf\xc3")
    assert error(path).startswith(f"{path}, line 2, column 6: byte 0xc3 is not valid utf-8")


def test_unknown_encoding(tmp_path):
    path = write(tmp_path, "p.csv", "id\n1\n")
    for encoding in ("klingon", "base64"):
        with pytest.raises(UsageError, match=f"unknown --encoding '{encoding}'"):
            read(path, encoding=encoding)


def test_values_pass_through_intact(tmp_path):
    tricky = "😀 T恤 中文 שלום عربي \u200bzero\u200dwidth\u200f\ufeff"
    rows = [{"id": "1", "name": tricky}]
    buffer = io.StringIO()
    csv.DictWriter(buffer, ["id", "name"]).writeheader()
    csv.DictWriter(buffer, ["id", "name"]).writerows(rows)
    assert values(read(write(tmp_path, "p.csv", buffer.getvalue())), "name") == [tricky]
    assert values(read(write(tmp_path, "p.json", json.dumps(rows))), "name") == [tricky]
    assert values(read(write(tmp_path, "p.jsonl", json.dumps(rows[0], ensure_ascii=False))), "name") == [tricky]


def test_invisible_characters_around_column_names_are_dropped(tmp_path):
    csv_path = write(tmp_path, "p.csv", "\ufeff\ufeff id \u200b,\u200bname\u200d,\u200eprice\u200f\n1,a,2\n")
    product = read(csv_path, id_column="id")[0]
    assert product.attributes == {"id": "1", "name": "a", "price": "2"}
    json_path = write(tmp_path, "p.json", '[{"\\u200bsku ": "A", "\\ufeffna\\u200cme": "b"}]')
    product = read(json_path, id_column="sku")[0]
    assert (product.id, product.attributes) == ("A", {"sku": "A", "na\u200cme": "b"})
    clash = write(tmp_path, "q.jsonl", '{"id": 1, "name": "a", "name\\u200b": "b"}\n')
    assert 'the key "name" appears twice' in error(clash)


# Binary data


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not CSV, JSON or JSONL text: give the products"),
        (gzip.compress(b"id,name\n1,a\n"), "looks like gzip-compressed data, not CSV, JSON or JSONL text: decompress"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a zip archive or Excel workbook, not CSV, JSON or JSONL text: save"),
    ],
)
def test_binary_files_renamed_csv(tmp_path, content, expected):
    assert expected in error(write(tmp_path, "p.csv", content))


def test_nul_bytes_name_line_and_column(tmp_path):
    path = write(tmp_path, "p.csv", b"id,name\n1,a\x00b\n")
    assert error(path).startswith(f"{path}, line 2, column 4: NUL byte: this looks like a binary file")
    utf16 = write(tmp_path, "q.csv", "id,name\n1,a\n".encode("utf-16-le"))
    assert "without a byte-order mark, pass --encoding utf-16-le" in error(utf16)
    assert [p.attributes for p in read(utf16, encoding="utf-16-le")] == [{"id": "1", "name": "a"}]


@FAST
@given(
    content=st.binary(max_size=300),
    name=st.sampled_from(["p.csv", "p.json", "p.jsonl", "p.bin"]),
    encoding=st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16"]),
)
def test_arbitrary_bytes_never_raise_anything_but_input_error(tmp_path, content, name, encoding):
    path = write(tmp_path, name, content)
    try:
        products = read(path, encoding=encoding)
    except InputError as raised:
        assert "\n" not in str(raised)
    else:
        assert products and all(isinstance(p.attributes, dict) for p in products)


# CSV rows


def test_too_many_and_too_few_fields(tmp_path):
    path = write(tmp_path, "p.csv", "id,name,price\n1,a,2\n2,b,c,3\n3,c\n4,d,5\n")
    assert error(path) == (
        f'{path}, line 3: 4 fields but the header has 3 columns; quote values that contain "," ("like, this")'
        " (or pass --skip-bad-rows to leave such rows out)"
    )
    skipped = []
    assert [p.id for p in read(path, skip_bad_rows=True, on_skip=skipped.append)] == ["1", "4"]
    assert skipped == [
        f'skipped {path}, line 3: 4 fields but the header has 3 columns; quote values that contain "," ("like, this")',
        f'skipped {path}, line 4: 2 fields but the header has 3 columns; the row ends before column "price": '
        "add the missing values (they may be empty)",
    ]


def test_blank_rows_are_skipped_and_multiline_values_keep_line_numbers_right(tmp_path):
    path = write(tmp_path, "p.csv", 'id,name\r\n\r\n1,"two\r\nlines"\r\n,\r\n2,"three\n\nlines"\n3,x\n4,"a\rb"\n5,y')
    products = read(path)
    # A lone \r ends a line too, as in editors and Python's universal newlines.
    assert [(p.id, p.line) for p in products] == [("1", 3), ("2", 6), ("3", 9), ("4", 10), ("5", 12)]
    assert values(products, "name") == ["two\r\nlines", "three\n\nlines", "x", "a\rb", "y"]
    with pytest.raises(InputError, match=r"q.csv, line 5: 1 fields"):
        read(write(tmp_path, "q.csv", 'id,name\n1,"two\nlines"\n\n2\n'))


def test_old_mac_line_endings_and_a_crlf_split_between_reads(tmp_path):
    products = read(write(tmp_path, "p.csv", "id,name\r1,a\r\r2,b\r"))
    assert [(p.id, p.line, p.attributes["name"]) for p in products] == [("1", 2, "a"), ("2", 4, "b")]
    long = "x" * (65536 - 3)  # the row's \r ends one 64 KiB read, its \n starts the next
    products = read(write(tmp_path, "q.csv", f"id,name\r\n1,{long}\r\n2,y\r\n"))
    assert [(p.id, p.line, p.attributes["name"]) for p in products] == [("1", 2, long), ("2", 3, "y")]


def test_an_unclosed_quote_does_not_silently_swallow_the_rest_of_the_file(tmp_path):
    path = write(tmp_path, "p.csv", 'id,name\n1,"Widget\n2,Gadget\n3,Thing\n')
    assert error(path).startswith(
        f'{path}, line 2: a quoted value that starts in this row is never closed: add the closing "'
    )
    stray = write(tmp_path, "q.csv", 'id,name\n1,"Wid"get\n2,ok\n')
    assert "line 2: a closing quote must be followed by the delimiter" in error(stray)
    assert [p.id for p in read(stray, skip_bad_rows=True)] == ["2"]


@pytest.mark.parametrize(
    "content, options",
    [
        ("id;name;price, EUR\n1;a, b;2,50\n", {}),
        ("id\tname\tprice, EUR\n1\ta, b\t2,50\n", {}),
        ('"id"|"name"|"price, EUR"\n1|a, b|2,50\n', {}),
        ("id:name:price, EUR\n1:a, b:2,50\n", {"delimiter": ":"}),
        ('id, name, "price, EUR"\n1, "a, b", "2,50"\n', {}),
        ("id\tname\tprice, EUR\n1\ta, b\t2,50\n", {"delimiter": "\\t"}),
    ],
)
def test_delimiters_are_sniffed_or_given(tmp_path, content, options):
    product = read(write(tmp_path, "p.csv", content), **options)[0]
    assert product.attributes == {"id": "1", "name": "a, b", "price, EUR": "2,50"}


def test_bad_delimiter_option(tmp_path):
    with pytest.raises(UsageError, match="--delimiter must be one character"):
        read(write(tmp_path, "p.csv", "id\n1\n"), delimiter=";;")


def test_duplicate_ids(tmp_path):
    path = write(tmp_path, "p.csv", "id,name\n1,a\n2,b\n 1 ,c\n")
    assert error(path).startswith(f'{path}, line 4: duplicate id "1" (first on line 2); ids must be unique')
    assert [p.id for p in read(path, skip_bad_rows=True)] == ["1", "2"]
    assert 'duplicate id "1"' in error(write(tmp_path, "p.jsonl", '{"id": 1}\n{"id": "1"}\n'))


def test_empty_id(tmp_path):
    path = write(tmp_path, "p.csv", "id,name\n1,a\n  ,b\n")
    assert error(path).startswith(f'{path}, line 3: the "id" value is empty; give every product an id')


def test_a_one_megabyte_field(tmp_path):
    big = "x" * 1_000_000 + "\n" + "é" * 1000
    path = write(tmp_path, "p.csv", f'id,description,tail\n1,"{big}",end\n2,short,end\n')
    products = read(path)
    assert values(products, "description") == [big, "short"] and [p.line for p in products] == [2, 4]


# JSON and JSONL


@pytest.mark.parametrize(
    "content, expected",
    [
        ('[{"id": 1},\n {"id": 2', "line 2, column 10: invalid JSON: Expecting ',' delimiter; the file ends too early"),
        ('[{"id": 1},\n {"id": "ab', "line 2, column 9: invalid JSON: a string that starts here never ends; the file"),
        ('[{"id": 1}', "line 1, column 11: invalid JSON: expected , or ] after a product; the file ends too early"),
        ('[{"id": 1},\n]', "line 2, column 1: invalid JSON: a comma before ] (JSON allows no trailing comma)"),
        ('[{"id": 1}] x', "line 1, column 13: invalid JSON: unexpected text after the closing ]"),
        ('{"products": [{"id": 1}]}', "expected a JSON array of product objects, got an object; write the products as"),
        ('"id"', "got a string"),
        ('{"id": 1}\n{"id": 2}\n', "looks like JSON Lines (one object per line): name it .jsonl or pass"),
        ("[" * 100_000, "invalid JSON: nested too deeply"),
        ("[" + "9" * 5000 + "]", "invalid JSON: Exceeds the limit (4300 digits) for integer string conversion"),
    ],
)
def test_broken_json(tmp_path, content, expected):
    assert expected in error(write(tmp_path, "p.json", content))


def test_json_items_that_are_not_objects_are_bad_rows_with_their_line(tmp_path):
    path = write(tmp_path, "p.json", '[\n  {"id": 1},\n  [1, 2],\n  "x",\n  {"id": 2}\n]')
    expected = f"{path}, line 3: expected a JSON object, got an array (or pass --skip-bad-rows to leave such rows out)"
    assert error(path) == expected
    skipped = []
    products = read(path, skip_bad_rows=True, on_skip=skipped.append)
    assert [(p.id, p.line) for p in products] == [("1", 2), ("2", 5)]
    assert skipped == [
        f"skipped {path}, line 3: expected a JSON object, got an array",
        f"skipped {path}, line 4: expected a JSON object, got a string",
    ]


def test_a_bad_line_in_the_middle_of_jsonl(tmp_path):
    path = write(tmp_path, "p.jsonl", '{"id": 1}\n\n{"id": 2,}\n[{"id": 4}]\n{"id": 5}\n{"id": 6\n')
    assert error(path) == (
        f"{path}, line 3, column 10: invalid JSON: Expecting property name enclosed in double quotes; "
        "each line must hold one whole JSON object (or pass --skip-bad-rows to leave such rows out)"
    )
    skipped = []
    assert [(p.id, p.line) for p in read(path, skip_bad_rows=True, on_skip=skipped.append)] == [("1", 1), ("5", 5)]
    assert skipped == [
        f"skipped {path}, line 3, column 10: invalid JSON: Expecting property name enclosed in double quotes; "
        "each line must hold one whole JSON object",
        f"skipped {path}, line 4: expected a JSON object, got an array "
        "(a JSON array file should be named .json or read with --input-format json)",
        f"skipped {path}, line 6, column 9: invalid JSON: Expecting ',' delimiter; "
        "each line must hold one whole JSON object",
    ]
    assert "has no products (2 bad rows skipped)" in error(write(tmp_path, "q.jsonl", "1\nnull\n"), skip_bad_rows=True)
    deep = write(tmp_path, "r.jsonl", '{"id": 1}\n' + "[" * 100_000 + "\n")
    assert error(deep).startswith(f"{deep}, line 2: cannot read this JSON: nested too deeply")


def test_values_of_any_json_type_are_kept_as_data(tmp_path):
    rows = [
        {"id": 7, "price": 9.5, "tags": ["a", "b"], "stock": None, "new": True, "size": {"w": 1}},
        {"id": "x-1", "price": "n/a"},
    ]
    for name, text in [("p.json", json.dumps(rows)), ("p.jsonl", "\n".join(map(json.dumps, rows)))]:
        products = read(write(tmp_path, name, text))
        assert [p.id for p in products] == ["7", "x-1"]
        assert [p.attributes for p in products] == rows


@pytest.mark.parametrize(
    "value, expected",
    [
        ("null", 'the "id" value is empty'),
        ('" "', 'the "id" value is empty'),
        ("true", "must be a string or a number, not a boolean"),
        ("[1]", "must be a string or a number, not an array"),
        ('{"a": 1}', "must be a string or a number, not an object"),
    ],
)
def test_ids_of_the_wrong_type(tmp_path, value, expected):
    path = write(tmp_path, "p.jsonl", f'{{"id": 1}}\n{{"id": {value}}}\n')
    assert error(path).startswith(f"{path}, line 2: ") and expected in error(path)


def test_format_from_the_option_the_extension_or_the_first_character(tmp_path):
    jsonl = '{"id": "a"}\n'
    assert read(write(tmp_path, "p.data", jsonl))[0].id == "a"
    assert read(write(tmp_path, "p.data", '\n [{"id": "b"}]'))[0].id == "b"
    assert read(write(tmp_path, "p.txt", jsonl), input_format="jsonl")[0].id == "a"
    with pytest.raises(UsageError, match="unknown --input-format 'xml': use one of csv, json, jsonl"):
        read(write(tmp_path, "p.xml", "<a/>"), input_format="xml")


# Paths, stdin, streaming


def test_missing_path_and_folder(tmp_path):
    path = tmp_path / "nope.csv"
    with pytest.raises(InputError, match="nope.csv does not exist: check the path"):
        read_products(path)  # fails before iteration, e.g. before a model is loaded
    with pytest.raises(InputError, match="is a folder: give a CSV, JSON or JSONL file"):
        read_products(tmp_path)
    with pytest.raises(InputError, match="no column"):
        read_products(write(tmp_path, "p.csv", "a,b\n"), id_column="sku")


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b'\xef\xbb\xbf{"id": 1}\n{"id": 2}\n')))
    assert [p.id for p in read("-")] == ["1", "2"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"id;name\n1;a\n1;b\n")))
    assert error("-") == (
        '<stdin>, line 3: duplicate id "1" (first on line 2); ids must be unique'
        " (or pass --skip-bad-rows to leave such rows out)"
    )


class CountingStream:
    """A byte stream of `lines` that counts how many have been read."""

    def __init__(self, lines):
        self.lines, self.read = lines, 0

    def readline(self, size=-1):
        if self.read == len(self.lines):
            return b""
        self.read += 1
        return self.lines[self.read - 1]


@pytest.mark.parametrize("header, row", [([b"id,name\n"], b'%d,"x\n y"\n'), ([], b'{"id": %d}\n')])
def test_reading_streams(monkeypatch, header, row):
    stream = CountingStream(header + [row % n for n in range(100_000)])
    monkeypatch.setattr("copygen.io.lines.sys.stdin", types.SimpleNamespace(buffer=stream))
    products = read_products("-")
    assert [next(products).id, next(products).id] == ["0", "1"]
    assert stream.read < 10


# Round trips


names = st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True), min_size=1, max_size=4, unique=True)
text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12)


@FAST
@given(
    columns=names.filter(lambda columns: "id" not in columns),
    data=st.data(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_csv_round_trip(tmp_path, columns, data, delimiter, quoting, newline, bom):
    rows = data.draw(st.lists(st.fixed_dictionaries(dict.fromkeys(columns, text)), min_size=1, max_size=6))
    if newline == "\n":  # Python 3.11's writer then leaves a lone \r unquoted, which no reader can tell apart
        rows = [{column: value.replace("\r", "\n") for column, value in row.items()} for row in rows]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ["id", *columns], delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writeheader()
    writer.writerows({"id": f"p{index}", **row} for index, row in enumerate(rows))
    path = write(tmp_path, "p.csv", (codecs.BOM_UTF8 if bom else b"") + buffer.getvalue().encode())
    products = read(path)
    assert [p.id for p in products] == [f"p{index}" for index in range(len(rows))]
    assert [{k: v for k, v in p.attributes.items() if k != "id"} for p in products] == [
        {column: value.strip() or None for column, value in row.items()} for row in rows
    ]
    assert [p.line for p in products] == sorted({p.line for p in products}) and products[0].line == 2


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)


@FAST
@given(
    rows=st.lists(st.dictionaries(names.flatmap(st.sampled_from), json_values, max_size=4), min_size=1, max_size=6),
    ascii_only=st.booleans(),
)
def test_json_and_jsonl_round_trip(tmp_path, rows, ascii_only):
    rows = [{key: value for key, value in row.items() if key != "id"} for row in rows]
    lines = [json.dumps(row, ensure_ascii=ascii_only) for row in rows]
    jsonl = read(write(tmp_path, "p.jsonl", "\n".join(lines) + "\n"))
    array = read(write(tmp_path, "p.json", "[\n" + ",\n".join(lines) + "\n]"))
    assert [p.attributes for p in jsonl] == [p.attributes for p in array] == rows
    assert [p.line for p in jsonl] == [p.line - 1 for p in array] == list(range(1, len(rows) + 1))
    assert [p.attributes for p in read(write(tmp_path, "q.json", json.dumps(rows, indent=2)))] == rows


def test_a_measure_given_as_an_object_reads_as_its_amount_and_unit():
    """A PIM export's {"value": 137, "unit": "cm"} read "value: 137, unit: cm" in prompts and plain copy."""
    assert value_text({"value": 137, "unit": "cm"}) == "137 cm"
    assert value_text([{"Value": 25, "Unit": "mm"}, {"value": "1", "unit": "in"}]) == "25 mm, 1 in"
    assert value_text({"value": 2, "unit": "cm", "note": "approx"}) == "value: 2, unit: cm, note: approx"
    assert value_text({"value": [1, 2], "unit": "cm"}) == "value: 1, 2, unit: cm"
    assert value_text({"value": 25, "unit": "°"}) == "25°"
    assert value_text({"min": 20, "max": 50, "unit": "kDa"}) == "20–50 kDa"
    assert value_text({"value": 95, "unit": "%", "operator": ">="}) == "≥95%"
    assert value_text({"value": 70, "unit": "°C", "operator": "min"}) == "at least 70°C"
    assert value_text({"min": 3, "max": 11}) == "3–11"
    assert value_text({"min": 5}) == "min: 5"  # half a range is no measure
    assert value_text({"value": 2}) == "value: 2"
    assert value_text({"name": "power", "value": 1500, "unit": "W"}) == "power: 1500 W"  # a spec
    assert value_text({"name": "alloy", "value": "6082 T6"}) == "alloy: 6082 T6"
    # a PIM's and GS1's measures (held-out sets 123-126): Akeneo's amounts and unit names, UN/ECE unit codes
    assert value_text({"amount": "260.0000", "unit": "MILLILITER"}) == "260 ml"
    assert value_text({"amount": "2.5000", "unit": "KILOGRAM"}) == "2.5 kg"
    assert value_text({"value": 400, "unitCode": "GRM"}) == "400 g"
    assert value_text({"value": 64, "unitCode": "H87"}) == "64 pieces"
    assert value_text({"amount": 32.99, "currency": "USD"}) == "amount: 32.99, currency: USD"  # a price, not a measure
