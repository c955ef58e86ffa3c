"""Channel presets: where copy will be published, which template writes it, and its limits.

A preset sets the template and its character limits together. Channels whose copy has parts
(a search ad's headline and description) name them; the model answers one part per line,
`Headline: ...` then `Description: ...`, and each part is measured on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from copygen.errors import TemplateError

WHOLE_TEXT = "text"  # the limit key for channels whose copy is one piece


@dataclass(frozen=True)
class Channel:
    """A publishing channel: its template in prompts/ and limits in characters per part."""

    name: str
    template: str
    limits: dict[str, int] = field(default_factory=dict)  # part (or "text") -> most characters
    parts: tuple[str, ...] = ()  # labelled parts of the answer, in order; empty: one piece
    summary: str = ""
    hashtags: bool = False  # its copy may have tags of its own ("#CoffeeTime"); elsewhere a tag is a name


CHANNELS = {
    channel.name: channel
    for channel in (
        Channel(
            "search-ad",
            "search-ad",
            {"headline": 30, "description": 90},
            ("headline", "description"),
            "a search ad: headline of at most 30 characters, description of at most 90",
        ),
        Channel(
            "meta-description",
            "meta-description",
            {WHOLE_TEXT: 155},
            summary="a page's meta description for search results: at most 155 characters",
        ),
        Channel(
            "product-description",
            "product-description",
            summary="a product description for the shop page: no character limit",
        ),
        Channel(
            "social",
            "social",
            {WHOLE_TEXT: 280},
            summary="a short social post with one or two hashtags: at most 280 characters",
            hashtags=True,
        ),
    )
}


def get_channel(name: str) -> Channel:
    try:
        return CHANNELS[name]
    except KeyError:
        raise TemplateError(f"no channel named {name!r}: use one of {', '.join(CHANNELS)}") from None


def split_parts(channel: Channel | None, text: str) -> dict[str, str | None]:
    """The copy's parts as the channel names them (None where a label is missing).

    `Headline: A\\nDescription: B` gives {"headline": "A", "description": "B"}; labels are
    matched case-insensitively, on their own lines or inline. One-piece copy is {"text": text}.
    """
    if channel is None or not channel.parts:
        return {WHOLE_TEXT: text}
    labels = "|".join(re.escape(part) for part in channel.parts)
    marks = list(re.finditer(rf"(?i)(?<!\w)({labels})\s*:", text))
    found: dict[str, str | None] = dict.fromkeys(channel.parts)
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        part = mark.group(1).lower()
        if found[part] is None:
            found[part] = " ".join(text[mark.end() : end].split())
    return found


def template_for(channel: Channel | None, template: str | None, manifest: dict[str, Any]) -> str | None:
    """The template to use: --template if given, else the one a fine-tuned model was trained
    with (a copygen fine-tune only knows its own prompt), else the channel's."""
    if template is not None or channel is None or manifest.get("template_source"):
        return template
    return channel.template
