"""Open a file (or stdin for `-`) and decode it into lines, with located errors for bad bytes.

Text is UTF-8 unless told otherwise; a byte-order mark is dropped (a UTF-16 or UTF-32 one
also picks that encoding), and lines may end in \\n, \\r\\n or a lone \\r, and nothing else:
U+2028 and other Unicode line separators are text. Bytes that are not the encoding, NUL bytes
and the signatures of binary files (images, archives, workbooks) raise an `InputError` naming
the line and column, and what to do.
"""

from __future__ import annotations

import codecs
import itertools
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from copygen.errors import InputError, UsageError

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


def text_lines(stream, name: str, encoding: str) -> Iterator[str]:
    """Decode the stream and yield its lines with their endings (\\n, \\r\\n or a lone \\r).

    Bytes that are not `encoding`, NUL bytes and binary file signatures raise an `InputError`
    naming the line and column.
    """
    try:
        b"\n".decode(encoding, "ignore")  # unknown and non-text codecs (base64...) raise here
    except LookupError:
        raise UsageError(
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
