"""Banned words files: one word or phrase a line, # starts a comment."""

from __future__ import annotations

from copygen.errors import InputError
from copygen.io.rows import read_rows


def read_banned(path: str) -> list[str]:
    """Banned words or phrases from a text file (or - for stdin): one a line, # starts a comment."""
    try:
        _, rows = read_rows(path, formats=("text",), input_format="text", empty=None)
        lines = [text for _, text, _ in rows]
    except InputError as error:
        raise InputError(f"banned words file {error}") from None
    phrases = [" ".join(line.split("#", 1)[0].split()) for line in lines]
    return list(dict.fromkeys(phrase for phrase in phrases if phrase))
