"""Copy-through values: attribute values the model writes by placeholder, restored after decoding.

A fine-tune with `--copy-attributes name,near` trains on prompts and targets where those
attributes' values are replaced by placeholders (`XNAMEX`, `XNEARX`), so a product name the
model never saw is still written exactly: the model learns where the name goes, and
`restore` puts the value back. The model folder's copygen.json lists the attributes under
`copy_attributes`; generation masks each product with `mask_attributes` and restores each
decoded text with `restore`.

Placeholders are upper-case ASCII letters and digits only: byte-level BPE (GPT-2, Llama)
keeps any text, but T5's sentencepiece vocabulary has no `<`, `{` or `}` and would turn
`<name>` into an unknown token that decodes to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

MANIFEST_KEY = "copy_attributes"


def placeholders(names: Iterable[str]) -> dict[str, str]:
    """Attribute name -> its placeholder, `X` + the name's ASCII letters and digits upper-cased
    + `X` (`near by` -> `XNEARBYX`); depends only on the names and their order, so training and
    generation agree. Names with no such characters, or that collide, get a number."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    for index, name in enumerate(dict.fromkeys(names)):
        stem = re.sub(r"[^A-Za-z0-9]", "", name).upper() or f"ATTR{index}"
        candidate, suffix = f"X{stem}X", 1
        while candidate in taken:
            suffix += 1
            candidate = f"X{stem}{suffix}X"
        taken.add(candidate)
        result[name] = candidate
    return result


def maskable(value: Any) -> bool:
    """Scalars with text: strings, and numbers that are not booleans."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(value.strip())


def mask_attributes(attributes: Mapping[str, Any], names: Iterable[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The attributes with each named attribute's value replaced by its placeholder, and the
    mapping placeholder -> value that `mask_text` and `restore` take. Other text attributes
    (and the strings of list attributes) have those values replaced where they appear verbatim,
    so a name repeated in a tagline does not leak. Missing, empty and list values stay as they are."""
    table = placeholders(names)
    mapping = {
        placeholder: str(attributes[name]).strip()
        for name, placeholder in table.items()
        if name in attributes and maskable(attributes[name])
    }
    masked = {
        key: table[key] if table.get(key) in mapping else on_strings(value, lambda text: mask_text(text, mapping))
        for key, value in attributes.items()
    }
    return masked, mapping


def on_strings(value: Any, change) -> Any:
    """`change` applied to a string value, or to each string of a list; other values as they are."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [change(item) if isinstance(item, str) else item for item in value]
    return value


def alternatives(texts: Iterable[str]) -> str:
    """A regex matching any of the texts as whole words (no letter or digit glued on either side
    where the text itself starts or ends with one), longest first."""
    parts = []
    for text in sorted(set(texts), key=len, reverse=True):
        before = r"(?<!\w)" if re.match(r"\w", text) else ""
        after = r"(?!\w)" if re.search(r"\w$", text) else ""
        parts.append(before + re.escape(text) + after)
    return "|".join(parts)


def mask_text(text: str, mapping: Mapping[str, str]) -> str:
    """`text` with every verbatim (case-sensitive, whole-word) occurrence of a mapped value
    replaced by its placeholder, longest value first; for training targets."""
    values: dict[str, str] = {}
    for placeholder, value in mapping.items():
        values.setdefault(value, placeholder)  # two attributes with one value: the first wins
    if not values:
        return text
    return re.sub(alternatives(values), lambda match: values[match.group(0)], text)


def restore(text: str, mapping: Mapping[str, str]) -> str:
    """Decoded text with its placeholders replaced by their values, exactly as given."""
    if not mapping:
        return text
    return re.sub(
        "|".join(re.escape(p) for p in sorted(mapping, key=len, reverse=True)), lambda m: mapping[m.group(0)], text
    )


def swap_values(
    attributes: Mapping[str, Any], target: str, replacements: Mapping[str, Any]
) -> tuple[dict[str, Any], str]:
    """The attributes and target with each named attribute's value replaced by the one given
    (name -> new value): in the attribute, where it appears verbatim in other text attributes,
    and in the target. For augmented training copies, without placeholders."""
    masked, mapping = mask_attributes(attributes, replacements)
    table = placeholders(replacements)
    new = {table[name]: str(value) for name, value in replacements.items() if table[name] in mapping}
    swapped = {key: on_strings(value, lambda text: restore(text, new)) for key, value in masked.items()}
    return swapped, restore(mask_text(target, mapping), new)


def suggest_copy_attributes(
    rows: Sequence[tuple[Mapping[str, Any], str]], *, share: float = 0.6, distinct: float = 0.5
) -> list[str]:
    """Attributes worth `--copy-attributes`: their value appears verbatim in at least `share` of
    the targets and they take many values (distinct values in at least `distinct` of the rows),
    as names and places do. Most copied first. `rows` are (attributes, target) pairs."""
    if not rows:
        return []
    copied: dict[str, int] = {}
    values: dict[str, set[str]] = {}
    for attributes, target in rows:
        for key, value in attributes.items():
            if not maskable(value):
                continue
            text = str(value).strip()
            values.setdefault(key, set()).add(text)
            if re.search(alternatives([text]), target):
                copied[key] = copied.get(key, 0) + 1
    chosen = [
        key for key, count in copied.items() if count >= share * len(rows) and len(values[key]) >= distinct * len(rows)
    ]
    return sorted(chosen, key=lambda key: -copied[key])
