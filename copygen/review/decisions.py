"""Merge a reviewer's decisions into drafts; turn approved and edited copy into training pairs.

A decisions file is JSONL, one line per reviewed variant, as the review page exports it:
`{"format_version": 1, "id": "SKU-1", "variant": 1, "decision": "approved" | "edited" | "rejected",
"text": ...}` (docs/formats.md; copygen/io/schemas/decisions.schema.json). `variant` counts from 1,
the best, as `--variant` and the drafts' CSV and Markdown do. For an edit, `text` is the new copy and
`original` the text that was edited; otherwise `text` (optional) is the variant's own text.
Both are compared with the drafts, so decisions made on other drafts (generated again since
the review) are refused instead of landing on the wrong copy. A later line for the same
variant wins: the reviewer changed their mind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from copygen.errors import InputError
from copygen.io.rows import read_rows

DECISIONS_FORMAT_VERSION = 1
DECISIONS = ("approved", "edited", "rejected")
TRAINING_DECISIONS = ("approved", "edited")
UNDECIDED = "undecided"


@dataclass
class Decision:
    id: str
    variant: int
    decision: str
    text: str | None
    original: str | None
    line: int


def read_decisions(path: str) -> list[Decision]:
    """Decisions from a JSONL file (or - for stdin), each checked for shape. Lines end only at
    \\n or \\r: an edit may hold U+2028, which the page's JSON.stringify leaves as it is."""
    name = "<stdin>" if path == "-" else path
    _, rows = read_rows(
        path,
        formats=("jsonl",),
        input_format="jsonl",
        option="decisions format",
        empty="expected one JSON object per line, as the review page exports them",
    )
    decisions = []
    for number, row, problem in rows:
        if problem:
            raise InputError(f"decisions file {name}, {problem}")
        decisions.append(parse_decision(row, f"{name}, line {number}", number))
    return decisions


def parse_decision(row: Any, where: str, line: int) -> Decision:
    if not isinstance(row, dict):
        raise InputError(f"{where}: expected a JSON object with id, variant and decision")
    if not isinstance(row.get("id"), (str, int)) or isinstance(row.get("id"), bool):
        raise InputError(f'{where}: no "id"')
    if row.get("format_version", DECISIONS_FORMAT_VERSION) != DECISIONS_FORMAT_VERSION:
        raise InputError(
            f"{where}: decisions format_version {row['format_version']!r}; this copygen reads "
            f"{DECISIONS_FORMAT_VERSION}: export them again from a page this copygen wrote"
        )
    variant = row.get("variant")
    if not isinstance(variant, int) or isinstance(variant, bool) or variant < 1:
        raise InputError(f'{where}: "variant" must be a number from 1 (the first variant)')
    decision = row.get("decision")
    if decision not in DECISIONS:
        raise InputError(f'{where}: "decision" must be one of {", ".join(DECISIONS)}, not {decision!r}')
    text, original = row.get("text"), row.get("original")
    if (text is not None and not isinstance(text, str)) or (original is not None and not isinstance(original, str)):
        raise InputError(f'{where}: "text" and "original" must be strings')
    if decision == "edited" and not (text or "").strip():
        raise InputError(f'{where}: an edit needs its new copy in "text" (reject the variant to drop it)')
    return Decision(str(row["id"]), variant, decision, text, original, line)


def apply_decisions(
    drafts: list[dict[str, Any]], decisions: Iterable[Decision], decisions_name: str = "decisions"
) -> list[dict[str, Any]]:
    """The drafts with each decided variant marked `decision` (and `edited_text` with its
    `edited_checks` for an edit). The drafts given are not changed."""
    from copygen.quality.channels import get_channel
    from copygen.quality.checks import check_variant

    reviewed = [{**draft, "variants": [dict(variant) for variant in draft["variants"]]} for draft in drafts]
    by_id = {draft["id"]: draft for draft in reviewed}
    for decision in decisions:
        where = f"{decisions_name}, line {decision.line}"
        draft = by_id.get(decision.id)
        if draft is None:
            raise InputError(f'{where}: no draft with id "{decision.id}"; were these decisions made on other drafts?')
        if decision.variant > len(draft["variants"]):
            raise InputError(
                f'{where}: draft "{decision.id}" has {len(draft["variants"])} variants, '
                f"so there is no variant {decision.variant} (variants count from 1)"
            )
        variant = draft["variants"][decision.variant - 1]
        reviewed_text = decision.original if decision.decision == "edited" else decision.text
        if reviewed_text is not None and reviewed_text != variant["text"]:
            raise InputError(
                f'{where}: variant {decision.variant} of "{decision.id}" reads differently in the drafts '
                "than when it was reviewed; the drafts were generated again since: review them anew"
            )
        kind = decision.decision
        if kind == "edited" and decision.text == variant["text"]:
            kind = "approved"  # saved without a change
        variant.pop("edited_text", None)
        variant.pop("edited_checks", None)
        variant["decision"] = kind
        if kind == "edited":
            channel = get_channel(draft["channel"]) if draft.get("channel") else None
            params = draft.get("params") or {}
            variant["edited_text"] = decision.text
            variant["edited_checks"] = check_variant(
                decision.text,
                draft.get("attributes") or {},
                channel,
                params.get("bad_words") or (),
                params.get("required") or (),
            )
    return reviewed


def final_text(variant: dict[str, Any]) -> str:
    """The copy a variant stands for after review: the edit if there is one."""
    return variant.get("edited_text") or variant["text"]


def decision_counts(drafts: Iterable[dict[str, Any]]) -> Counter:
    """How many variants were approved, edited, rejected, or are still undecided."""
    return Counter(variant.get("decision", UNDECIDED) for draft in drafts for variant in draft["variants"])


def failing_edits(drafts: Iterable[dict[str, Any]]) -> list[tuple[str, int, list[dict[str, Any]]]]:
    """(draft id, variant number from 1, failed checks) of every edit that fails its checks."""
    from copygen.quality.checks import failed_checks

    found = []
    for draft in drafts:
        for rank, variant in enumerate(draft["variants"], start=1):
            failed = failed_checks(variant.get("edited_checks") or [])
            if variant.get("decision") == "edited" and failed:
                found.append((draft["id"], rank, failed))
    return found


def training_pairs(
    drafts: Iterable[dict[str, Any]], target_column: str = "copy", *, include_failing: bool = False
) -> list[dict[str, Any]]:
    """One pair per approved or edited variant: the product's attributes plus its copy, as
    `copygen finetune --train` reads them. An edit that fails its checks (a banned phrase, a
    number no attribute holds) would teach the model that mistake, so it is left out unless
    `include_failing`.

    Ids must stay unique for finetune, so a product's second approved variant gets its id
    column (the attribute holding the draft's id) suffixed with `#` and the variant number.
    """
    pairs = []
    drafts = list(drafts)
    failing = set() if include_failing else {(found[0], found[1]) for found in failing_edits(drafts)}
    for draft in drafts:
        attributes = dict(draft.get("attributes") or {})
        id_column = next((key for key, value in attributes.items() if str(value) == draft["id"]), None)
        chosen = [
            (rank, variant)
            for rank, variant in enumerate(draft["variants"], start=1)
            if variant.get("decision") in TRAINING_DECISIONS and (draft["id"], rank) not in failing
        ]
        for count, (rank, variant) in enumerate(chosen):
            pair = dict(attributes)
            if count and id_column:
                pair[id_column] = f"{draft['id']}#{rank}"
            pair[target_column] = final_text(variant)
            pairs.append(pair)
    return pairs
