"""Drafts: what a draft holds (`Draft`, `Variant`), and writing them as JSONL, CSV or
Markdown to stdout, or to a file atomically and resumably; reading JSONL drafts back.

A file is written to a hidden `.NAME.partial` beside it, one complete draft at a time, and
renamed into place only when every product is done. An interrupted run therefore leaves the
previous output untouched and a partial file of whole drafts that `--resume` continues.
A run holds a lock on its partial file, so a second run on the same output (a `--resume` in
another terminal) stops with an error instead of writing its drafts into it.
The JSONL format is versioned (`format_version`) and described in docs/formats.md and
copygen/io/schemas/drafts.schema.json.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from copygen import __version__
from copygen.errors import InputError, OutputError
from copygen.io.products import value_text
from copygen.io.rows import read_rows

FORMATS = ("jsonl", "csv", "markdown")
DRAFTS_FORMAT_VERSION = 1
# POSIX: a run locks its partial file (flock), and an open file can be moved or removed. Elsewhere
# (Windows) neither holds, and two runs on one output are not kept apart.
LOCKED_WHILE_OPEN = os.name == "posix"


@dataclass
class Variant:
    """One candidate copy for a product."""

    text: str
    score: float | None  # length-normalized log-probability (higher is better); None for plain copy
    checks: list[dict[str, Any]] = field(default_factory=list)  # see copygen.quality.checks.check_variant
    coverage: float | None = None  # share of the product's attribute values the text states
    removed: list[str] = field(default_factory=list)  # trimmed out: untrue or repeated sentences, a cut-off end
    cut_off: bool = False  # the token limit (--max-new-tokens) stopped the model before it ended the copy
    source: str = "model"  # or "data": plain copy written from the product's data (copygen.generation.plain_copy)


@dataclass
class Draft:
    """One product's generated copy, with everything needed to review or reproduce it."""

    id: str
    line: int
    attributes: dict[str, Any]
    template: str
    model: str
    params: dict[str, Any]
    variants: list[Variant]
    channel: str | None = None  # the channel preset whose limits the checks used
    clean: bool = True  # False when the best variant fails a hard check: review it first
    format_version: int = DRAFTS_FORMAT_VERSION
    copygen_version: str = __version__  # the copygen that wrote the draft

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


CSV_COLUMNS = ("id", "variant", "text", "score", "template", "model", "source")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """Neutralize formula injection: a cell starting with = + - @ tab or CR shows as text.

    A value that itself starts with the quote gets one more, so `cell_value` can undo it.
    """
    return "'" + value if value.startswith((*FORMULA_STARTS, "'")) else value


def cell_value(cell: str) -> str:
    """The value `spreadsheet_safe` was given."""
    return cell[1:] if cell.startswith("'") else cell


def draft_as_jsonl(draft: dict[str, Any]) -> str:
    return json.dumps(draft, ensure_ascii=False) + "\n"


def csv_row(cells: list[Any]) -> str:
    """One CSV row ending in \\n. A cell holding \\r or \\n is quoted: the csv module quotes only
    the line terminator's characters, and a bare \\r would start a new row in a spreadsheet."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[:-2] + "\n"


def draft_as_csv(draft: dict[str, Any]) -> str:
    return "".join(
        csv_row(
            [
                spreadsheet_safe(str(draft["id"])),
                rank,
                spreadsheet_safe(variant["text"]),
                variant["score"],
                spreadsheet_safe(draft["template"]),
                spreadsheet_safe(draft["model"]),
                variant.get("source", "model"),
            ]
        )
        for rank, variant in enumerate(draft["variants"], start=1)
    )


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
BLOCK_MARK = re.compile(r"^(\s*)([#=+-])")
LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])")


def markdown_text(value: Any) -> str:
    """Text that Markdown shows as is: no HTML, links, images, emphasis or code spans."""
    text = MARKDOWN_SPECIAL.sub(r"\\\1", value_text(value))
    return ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def markdown_line(value: Any) -> str:
    """One line of inline text, also kept from starting a heading, list or rule."""
    return LIST_NUMBER.sub(r"\1\\\2", BLOCK_MARK.sub(r"\1\\\2", markdown_text(value)))


def draft_as_markdown(draft: dict[str, Any]) -> str:
    attributes = draft["attributes"]
    title = attributes.get("name") or draft["id"]
    lines = [f"## {markdown_text(title)} ({markdown_text(draft['id'])})", ""]
    lines += [
        f"- **{markdown_text(key)}**: {markdown_text(value)}"
        for key, value in attributes.items()
        if value is not None and key != "id"
    ]
    lines.append("")
    for rank, variant in enumerate(draft["variants"], start=1):
        text = "  \n   ".join(markdown_line(line) for line in variant["text"].splitlines())
        note = "plain copy from the data" if variant.get("source") == "data" else f"score {variant['score']}"
        lines.append(f"{rank}. {text} _({note})_")
    return "\n".join(lines) + "\n\n"


RENDERERS = {"jsonl": draft_as_jsonl, "csv": draft_as_csv, "markdown": draft_as_markdown}


def partial_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def done_ids(path: Path, fmt: str) -> set[str]:
    """Ids of the whole drafts in a partial file; what an interrupted write cut off is removed."""
    if fmt == "markdown":
        raise OutputError("--resume works with --format jsonl or csv; markdown output cannot be continued")
    try:
        data = path.read_bytes()
        text = data[: data.rfind(b"\n") + 1].decode("utf-8")
    except OSError as error:
        raise OutputError(f"cannot read {path} to resume: {error.strerror}") from None
    except UnicodeDecodeError:
        raise OutputError(f"{path} is damaged (not UTF-8): delete it to start over") from None
    keep, done = (jsonl_prefix if fmt == "jsonl" else csv_prefix)(text, path)
    keep_bytes = len(text[:keep].encode("utf-8"))
    if keep_bytes != len(data):
        with path.open("r+b") as handle:
            handle.truncate(keep_bytes)
    return done


def jsonl_prefix(text: str, path: Path) -> tuple[int, set[str]]:
    """Every whole line is a whole draft. (Split on \\n only: JSON text may hold U+2028.)"""
    done = set()
    for number, line in enumerate(text.split("\n")[:-1], start=1):
        if not line.strip():
            continue
        try:
            done.add(str(json.loads(line)["id"]))
        except (ValueError, KeyError, TypeError):
            raise OutputError(f"{path}, line {number} is not a draft: delete the file to start over") from None
    return len(text), done


def csv_prefix(text: str, path: Path) -> tuple[int, set[str]]:
    """The rows before the last draft's: a draft is several rows and quoted text may span lines,
    so the last one may be cut anywhere; it is dropped and drafted again."""
    consumed = 0

    def lines():
        nonlocal consumed
        for line in text.split("\n")[:-1]:
            consumed += len(line) + 1
            yield line + "\n"

    rows, start = [], 0
    try:
        for row in csv.reader(lines()):
            rows.append((row, start))
            start = consumed
    except csv.Error as error:
        raise OutputError(f"{path} is damaged ({error}): delete it to start over") from None
    if not rows:
        return 0, set()  # cut inside the header: start again
    if rows[0][0] != list(CSV_COLUMNS):
        raise OutputError(f"{path} does not start with the drafts CSV header: delete it to start over")
    drafts = rows[1:]
    if drafts:
        last = drafts[-1][0][0]
        while drafts and drafts[-1][0][0] == last:
            start = drafts.pop()[1]
    return start, {cell_value(row[0]) for row, _ in drafts}


class DraftWriter:
    """Write drafts one by one; `commit()` makes a file output final.

    Use as a context manager: leaving it on an error keeps the partial file for --resume
    and never touches the existing output.
    """

    def __init__(self, output: str, fmt: str = "jsonl", *, force: bool = False, resume: bool = False):
        if fmt not in FORMATS:
            raise OutputError(f"unknown --format {fmt!r}: use one of {', '.join(FORMATS)}")
        self.fmt, self.render = fmt, RENDERERS[fmt]
        self.to_stdout = output == "-"
        self.done: set[str] = set()
        self.written = 0
        self.unclean = 0  # drafts written whose best variant fails a hard check
        self.plain = 0  # drafts whose best variant is plain copy written from the data
        if self.to_stdout:
            if resume:
                raise OutputError("--resume needs an output file (-o PATH), not stdout")
            self.handle = sys.stdout
            self.header()
            return
        self.path = Path(output)
        self.partial = partial_path(self.path)
        if self.path.is_dir():
            raise OutputError(f"{self.path} is a folder: give a file name for -o")
        if not self.path.parent.exists():
            raise OutputError(f"folder {self.path.parent} does not exist: create it first")
        self.handle = self.locked_partial() if self.partial.exists() else None  # refuses while another run writes
        if resume and self.handle is not None:
            try:
                self.done = done_ids(self.partial, fmt)  # may cut off a draft an interrupted write left half done
            except OutputError:
                self.handle.close()
                raise
            if not self.handle.seek(0, os.SEEK_END):
                self.header()
            return
        problem = self.refusal(force, resume)
        if problem:
            if self.handle is not None:
                self.handle.close()
            raise OutputError(problem)
        self.handle = self.handle or self.locked_partial()
        try:
            if self.handle.seek(0, os.SEEK_END):  # an interrupted run's drafts, dropped as --force asks
                self.handle.truncate(0)
        except OSError as error:
            self.handle.close()
            raise OutputError(f"cannot write {self.partial}: {error.strerror}") from None
        self.header()

    def refusal(self, force: bool, resume: bool) -> str | None:
        """Why this run may not write its output, if so: no finished or interrupted run is lost unasked."""
        if self.path.exists() and not force and not resume:
            return f"{self.path} exists: pass --force to overwrite it, or --resume to continue a run"
        if resume and self.path.exists():
            return f"{self.path} is already complete; pass --force to generate it again"
        if self.partial.exists() and not force:
            return f"{self.partial} holds an interrupted run: pass --resume to finish it, or --force to start over"
        return None

    def locked_partial(self) -> TextIO:
        """The partial file, open for appending and locked while this run writes it, so a second
        run on the same output (a --resume in another terminal) stops instead of mixing its
        drafts in. Without POSIX locks (Windows) it is not locked."""
        try:
            handle = self.partial.open("a", encoding="utf-8", newline="")
        except OSError as error:
            raise OutputError(f"cannot write {self.partial}: {error.strerror}") from None
        if not LOCKED_WHILE_OPEN:
            return handle
        import fcntl

        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise OutputError(
                f"{self.path} is being written by another copygen run: let it finish or stop it, then run again"
            ) from None
        except OSError:  # a file system without locks (some network mounts): write unlocked
            pass
        return handle

    def header(self) -> None:
        if self.fmt == "csv":
            self.handle.write(",".join(CSV_COLUMNS) + "\n")

    def write(self, draft: dict[str, Any]) -> None:
        try:
            self.handle.write(self.render(draft))
            self.handle.flush()
        except OSError as error:
            if isinstance(error, BrokenPipeError):
                raise
            if self.to_stdout:
                raise OutputError(f"writing stdout failed: {error.strerror}") from None
            raise OutputError(
                f"writing {self.partial} failed: {error.strerror}; the previous output is untouched, "
                "and --resume continues once there is room"
            ) from None
        self.written += 1
        self.unclean += draft.get("clean") is False
        self.plain += bool(draft["variants"]) and draft["variants"][0].get("source") == "data"

    def write_all(self, drafts: Iterable[dict[str, Any]]) -> None:
        for draft in drafts:
            self.write(draft)

    def commit(self) -> None:
        """Move the finished file into place."""
        if self.to_stdout:
            return
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            if LOCKED_WHILE_OPEN:  # moved before closing, so the lock keeps other runs off it until then
                os.replace(self.partial, self.path)
            self.handle.close()
            if not LOCKED_WHILE_OPEN:
                os.replace(self.partial, self.path)
        except OSError as error:
            raise OutputError(
                f"could not finish {self.path}: {error.strerror}; the previous output is untouched"
            ) from None

    def __enter__(self) -> DraftWriter:
        return self

    def __exit__(self, *exc) -> None:
        if self.to_stdout or self.handle.closed:
            return
        unused = not self.written and not self.done  # nothing to resume: leave no trace
        if unused and LOCKED_WHILE_OPEN:  # removed before closing, while the lock keeps other runs off it
            self.partial.unlink(missing_ok=True)
        try:
            self.handle.close()
        except OSError:
            pass  # the failed write already raised why; what reached the disk is resumable
        if unused and not LOCKED_WHILE_OPEN:
            self.partial.unlink(missing_ok=True)


def read_drafts(path: str) -> list[dict[str, Any]]:
    """Drafts from a JSONL file as `generate` writes it (or - for stdin), checked for review."""
    name = "<stdin>" if path == "-" else path
    _, rows = read_rows(
        path,
        formats=("jsonl",),
        input_format="jsonl",
        option="--format",
        empty="expected one JSON object per line, as generate writes them",
    )
    drafts, lines = [], {}
    for number, draft, problem in rows:
        if problem:
            hint = " (drafts must be JSONL: generate --format jsonl)" if number == 1 else ""
            raise InputError(f"{name}, {problem}{hint}")
        problem = draft_problem(draft)
        if problem:
            raise InputError(f"{name}, line {number}: {problem}")
        draft["id"] = str(draft["id"])
        if draft["id"] in lines:
            raise InputError(
                f'{name}, line {number}: duplicate id "{draft["id"]}" (first on line {lines[draft["id"]]})'
            )
        lines[draft["id"]] = number
        drafts.append(draft)
    return drafts  # read_rows refused a file with no rows


def draft_problem(draft: Any) -> str | None:
    """What makes a parsed line not a draft, or None."""
    if not isinstance(draft, dict):
        return "expected a JSON object (a draft)"
    if not isinstance(draft.get("id"), (str, int)) or isinstance(draft.get("id"), bool):
        return 'no "id"'
    if draft.get("format_version", DRAFTS_FORMAT_VERSION) != DRAFTS_FORMAT_VERSION:
        return f"drafts format_version {draft['format_version']!r}; this copygen reads {DRAFTS_FORMAT_VERSION}"
    if not isinstance(draft.get("attributes", {}), dict):
        return '"attributes" must be an object'
    variants = draft.get("variants")
    if not isinstance(variants, list) or not all(
        isinstance(v, dict) and isinstance(v.get("text"), str) for v in variants
    ):
        return '"variants" must be a list of objects with a "text"'
    return None


def write_text_atomically(output: str, text: str, *, force: bool = False) -> None:
    """Write a whole file (or stdout for -): a temporary file beside it, then a rename."""
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output)
    check_writable(output, force=force)
    partial = partial_path(path)
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise OutputError(f"could not write {path}: {error.strerror}; the previous file is untouched") from None


def check_writable(output: str, *, force: bool = False) -> None:
    """Fail before any work if an output file could not be written or would be overwritten."""
    if output == "-":
        return
    path = Path(output)
    if path.is_dir():
        raise OutputError(f"{path} is a folder: give a file name")
    if not path.parent.exists():
        raise OutputError(f"folder {path.parent} does not exist: create it first")
    if path.exists() and not force:
        raise OutputError(f"{path} exists: pass --force to overwrite it")
