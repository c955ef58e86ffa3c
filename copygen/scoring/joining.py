"""Joining hypotheses to their references: by id when both sides have ids, else by order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from copygen.errors import InputError
from copygen.scoring.inputs import Hypothesis, Reference

SHOWN_IDS = 5  # ids quoted in an error message


@dataclass
class Item:
    """A hypothesis joined to its references."""

    id: str
    line: int
    hypothesis: str
    references: list[str]
    attributes: dict[str, Any] | None = None


@dataclass
class Joined:
    """Items with both sides, how they were joined, and the ids found on one side only."""

    items: list[Item]
    joined_by: str  # "id" or "order"
    hypotheses_without_references: list[str]
    references_without_hypotheses: list[str]


def join(
    hypotheses: Sequence[Hypothesis],
    references: Sequence[Reference],
    hyps_name: str = "hypotheses",
    refs_name: str = "references",
) -> Joined:
    """Pair hypotheses with references: by id when both sides have ids, else by order.

    By id, the ids on one side only are returned (never silently dropped); by order, the two
    sides must have the same number of items.
    """
    if hypotheses[0].id is not None and references[0].id is not None:
        by_id = {reference.id: reference for reference in references}
        items = [Item(h.id, h.line, h.text, by_id[h.id].texts, h.attributes) for h in hypotheses if h.id in by_id]
        hyp_ids = {h.id for h in hypotheses}
        missing = [h.id for h in hypotheses if h.id not in by_id]
        extra = [r.id for r in references if r.id not in hyp_ids]
        if not items:
            raise InputError(
                f"no id of {hyps_name} is in {refs_name} (ids there: {quote(hyp_ids)}; in references: "
                f"{quote(by_id)}); check --id-column and --ref-id-column"
            )
        return Joined(items, "id", missing, extra)
    if len(hypotheses) != len(references):
        hint = (
            "; if several rows hold the references of one item, name the column that identifies the item "
            "with --ref-id-column (for example --ref-id-column mr)"
            if len(references) > len(hypotheses)
            else ""
        )
        raise InputError(
            f"{hyps_name} has {len(hypotheses)} items but {refs_name} has {len(references)}; without ids on both "
            f"sides items are joined by order, so the counts must match{hint}"
        )
    items = [
        Item(h.id or r.id or str(index), h.line, h.text, r.texts, h.attributes)
        for index, (h, r) in enumerate(zip(hypotheses, references), start=1)
    ]
    return Joined(items, "order", [], [])


def quote(ids) -> str:
    """The first few ids, quoted, for an error message."""
    shown = [f'"{item}"' for item in list(ids)[:SHOWN_IDS]]
    return ", ".join(shown) + (", ..." if len(ids) > SHOWN_IDS else "")


def same_items(joined: Joined, other: Joined, name: str, other_name: str) -> list[str]:
    """The compared system's texts in the order of `joined`; both must score the same items."""
    texts = {item.id: item.hypothesis for item in other.items}
    ids = [item.id for item in joined.items]
    missing = [item_id for item_id in ids if item_id not in texts]
    extra = sorted(set(texts) - set(ids))
    if missing or extra or joined.joined_by != other.joined_by:
        raise InputError(
            f"{other_name} does not cover the same items as {name}: missing {quote(missing) or 'none'}, "
            f"extra {quote(extra) or 'none'}; a paired test needs both systems on the same items"
        )
    return [texts[item_id] for item_id in ids]
