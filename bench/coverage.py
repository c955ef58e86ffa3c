"""Attribute coverage and contradictions on E2E's human references: old matching against new.

    .venv/bin/python bench/coverage.py             # dev set, all 4,672 references, ~20 s
    .venv/bin/python bench/coverage.py --show 10   # also print 10 references flagged as contradicting

Reads ../shared/data/e2e/devset.csv in place (E2E NLG Challenge data, Dušek, Novikova & Rieser,
CC BY-SA 4.0) and tgen-dev-output.txt (the TGen baseline's output on the same MRs). References
are written by people from their MR, so they state (nearly) every value and contradict none:
- coverage: mean share of the MR's values each reference states. "before" is the old matching
  (a value's tokens as one run: familyFriendly[no] needed the word "no"); "after" is
  copygen.quality.grounding.attribute_coverage (yes/no by name, numbers of ratings and ranges,
  inflections). Also per attribute: the share of references stating it.
- contradicted: share of references copygen finds contradicting their MR (the old checks had no
  contradiction check). Most are references that do contradict it ("Alimentum is a family-friendly
  ..." for familyFriendly[no]); the rest are false alarms ("adult friendly", a negation more than
  three words away): print them with --show.
- detected: the same references checked against a corrupted MR, familyFriendly flipped (yes <->
  no) or a "N out of 5" rating moved to another score, for those that mention it: the share
  where a contradiction is found (how many real contradictions the check catches).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "e2e"
MR_ATTRIBUTE = re.compile(r"\s*([^,\[]+)\[([^\]]*)\]")


def parse_mr(mr: str) -> dict[str, str]:
    return {name.strip(): value for name, value in MR_ATTRIBUTE.findall(mr)}


def read_dev() -> tuple[list[tuple[dict[str, str], str]], list[dict[str, str]]]:
    """(attributes, reference) for every row, and the unique MRs in file order."""
    rows, mrs = [], {}
    with open(DATA / "devset.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            attributes = parse_mr(row["mr"])
            rows.append((attributes, row["ref"]))
            mrs.setdefault(row["mr"], attributes)
    return rows, list(mrs.values())


def old_coverage(attributes: dict[str, str], text: str) -> tuple[float | None, dict[str, bool]]:
    """The matching before values were understood (git show dbc5d26:copygen/quality/grounding.py):
    each value's tokens as one run in the text, so familyFriendly[no] needed the word "no"."""
    from copygen.quality.grounding import contains, tokens_of

    found = [token.text for token in tokens_of(text)]
    stated = {
        name: contains(found, [token.text for token in tokens_of(value)])
        for name, value in attributes.items()
        if tokens_of(value)
    }
    return (sum(stated.values()) / len(stated) if stated else None), stated


def new_coverage(attributes: dict[str, str], text: str) -> tuple[float | None, dict[str, bool]]:
    from copygen.quality.grounding import attribute_coverage

    stated = {name: attribute_coverage({name: value}, text, skip=()) for name, value in attributes.items()}
    return attribute_coverage(attributes, text, skip=()), {k: bool(v) for k, v in stated.items() if v is not None}


def corrupted(attributes: dict[str, str]) -> list[tuple[str, dict[str, str]]]:
    """The MR with one value changed, for each value this bench knows how to change."""
    changed = []
    if attributes.get("familyFriendly") in ("yes", "no"):
        flipped = {"yes": "no", "no": "yes"}[attributes["familyFriendly"]]
        changed.append(("familyFriendly", {**attributes, "familyFriendly": flipped}))
    rating = re.fullmatch(r"(\d) out of 5", attributes.get("customer rating", ""))
    if rating:
        other = "1" if rating.group(1) != "1" else "5"
        changed.append(("customer rating", {**attributes, "customer rating": f"{other} out of 5"}))
    return changed


def mentions(name: str, attributes: dict[str, str], text: str) -> bool:
    """Whether the reference states the attribute at all (so a changed value can be contradicted)."""
    return bool(new_coverage({name: attributes[name]}, text)[1].get(name))


def measure(pairs: list[tuple[dict[str, str], str]], show: int = 0) -> dict:
    from copygen.quality.grounding import contradictions

    before, after, flagged = [], [], []
    per_attribute: dict[str, list[list[int]]] = defaultdict(lambda: [[0, 0], [0, 0]])
    caught: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for attributes, text in pairs:
        for out, (share, stated), side in (
            (before, old_coverage(attributes, text), 0),
            (after, new_coverage(attributes, text), 1),
        ):
            out.append(share or 0.0)
            for name, found in stated.items():
                per_attribute[name][side][0] += found
                per_attribute[name][side][1] += 1
        said = contradictions(attributes, text, skip=())
        if said:
            flagged.append((text, said))
        for name, other in corrupted(attributes):
            if mentions(name, attributes, text):
                caught[name][0] += bool(contradictions(other, text, skip=()))
                caught[name][1] += 1
    for text, said in flagged[:show]:
        print(f"  {text}\n    -> {'; '.join(said)}", file=sys.stderr)
    return {
        "count": len(pairs),
        "before": sum(before) / len(before),
        "after": sum(after) / len(after),
        "contradicted": len(flagged) / len(pairs),
        "per_attribute": per_attribute,
        "caught": caught,
    }


def report(title: str, figures: dict) -> None:
    print(f"\n{title}: {figures['count']} texts")
    print(f"  mean coverage   before {figures['before']:.3f}   after {figures['after']:.3f}")
    print(
        f"  contradicted    before -        after {figures['contradicted']:.3%}  (see --show: mostly references that do contradict their MR)"
    )
    for name, ((b_found, b_all), (a_found, a_all)) in sorted(figures["per_attribute"].items()):
        print(f"    {name:<16} stated before {b_found / b_all:.3f}   after {a_found / a_all:.3f}")
    for name, (found, total) in sorted(figures["caught"].items()):
        print(f"  detected, {name} changed: {found}/{total} = {found / total:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, help="print this many references flagged as contradicting")
    args = parser.parse_args()
    started = time.perf_counter()
    rows, mrs = read_dev()
    report("E2E dev references", measure(rows, args.show))
    outputs = (DATA / "tgen-dev-output.txt").read_text(encoding="utf-8").splitlines()
    report("TGen baseline outputs (dev MRs)", measure(list(zip(mrs, outputs))))
    print(f"\n{time.perf_counter() - started:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
