"""The review page: one self-contained, offline HTML file to approve, edit or reject drafts.

Each product's attributes sit beside its variants, with failed checks highlighted. Product
text is data: Jinja2 escapes everything it places in the HTML, and the drafts embedded for the
page's script are JSON with `<`, `>` and `&` written as \\u escapes, so no product can close
the script element. A Content-Security-Policy allows only the page's own script and style
(by hash) and data: images: the page cannot load or send anything, even if text slipped through.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

from copygen.io.products import value_text
from copygen.quality.channels import CHANNELS, split_parts
from copygen.quality.checks import failed_checks, required_values

ASSETS = Path(__file__).resolve().parent / "assets"


def review_page(drafts: list[dict[str, Any]], source: str = "drafts.jsonl") -> str:
    """The HTML page for reviewing `drafts` (as read by copygen.io.drafts.read_drafts); drafts
    whose best variant fails a hard check come first, marked, in their file order."""
    from jinja2 import Environment

    drafts = sorted(drafts, key=lambda draft: draft.get("clean", True) is not False)

    script = (ASSETS / "review.js").read_text(encoding="utf-8")
    style = (ASSETS / "review.css").read_text(encoding="utf-8")
    shown = [shown_draft(draft) for draft in drafts]
    used = sorted({draft["channel"] for draft in drafts if draft.get("channel") in CHANNELS})
    environment = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = environment.from_string((ASSETS / "review.html.j2").read_text(encoding="utf-8"))
    return template.render(
        source=source,
        drafts=shown,
        channels=used,
        total_variants=sum(len(draft["variants"]) for draft in shown),
        unclean=sum(not draft["clean"] for draft in shown),
        failing_variants=sum(variant["failed"] for draft in shown for variant in draft["variants"]),
        data=script_json(page_data(drafts, source, used)),
        script=script,
        style=style,
        script_hash=csp_hash(script),
        style_hash=csp_hash(style),
    )


def shown_draft(draft: dict[str, Any]) -> dict[str, Any]:
    """What the page shows of one draft: title, attributes as text, variants with lengths."""
    attributes = draft.get("attributes") or {}
    channel = CHANNELS.get(draft.get("channel") or "")
    variants = []
    for variant in draft["variants"]:
        parts = split_parts(channel, variant["text"])
        lengths = [
            {"part": part, "length": len(parts[part]), "limit": limit, "over": len(parts[part]) > limit}
            for part, limit in (channel.limits.items() if channel else ())
            if parts.get(part) is not None
        ]
        checks = variant.get("checks") or []
        variants.append(
            {
                "text": variant["text"],
                "score": format_score(variant.get("score")),
                "plain": variant.get("source") == "data",
                "checks": checks,
                "failed": bool(failed_checks(checks)),
                "lengths": lengths,
            }
        )
    return {
        "id": draft["id"],
        "line": draft.get("line", "?"),
        "title": value_text(named[0][1]) if (named := required_values(["name"], attributes)) else draft["id"],
        "template": draft.get("template", "?"),
        "channel": draft.get("channel"),
        "clean": draft.get("clean", True) is not False,
        "attributes": [(key, value_text(value)) for key, value in attributes.items() if value is not None],
        "variants": variants,
    }


def format_score(score: Any) -> str:
    return f"{score:.2f}" if isinstance(score, (int, float)) else "?"


def page_data(drafts: list[dict[str, Any]], source: str, channels: list[str]) -> dict[str, Any]:
    """What the page's script needs: ids, variant texts (and earlier decisions), channel limits,
    and a key that ties decisions kept in the browser to these exact drafts."""
    kept = ("text", "decision", "edited_text")
    slim = [
        {
            "id": draft["id"],
            "channel": draft.get("channel"),
            "variants": [{key: variant[key] for key in kept if key in variant} for variant in draft["variants"]],
        }
        for draft in drafts
    ]
    texts = json.dumps([[draft["id"], [variant["text"] for variant in draft["variants"]]] for draft in drafts])
    return {
        "source": source,
        "key": hashlib.sha256(texts.encode("utf-8")).hexdigest()[:16],
        "channels": {name: {"parts": list(CHANNELS[name].parts), "limits": CHANNELS[name].limits} for name in channels},
        "drafts": slim,
    }


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no <, > or & appears literally."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
