"""Training data: pairs read and rendered by the templates `generate` uses (copy-through values
masked, or swapped in augmented copies), token ids, length batches and padded tensors."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from copygen.errors import InputError
from copygen.generation.copy_through import mask_attributes, mask_text, suggest_copy_attributes, swap_values
from copygen.generation.models import LoadedModel
from copygen.io.products import Product, read_products
from copygen.prompts import check_columns, render_prompt
from copygen.text import tidy
from copygen.training.settings import TrainingSettings

PROMPT_SUFFIX = "\nDescription:"


@dataclass
class Pair:
    """One training example as text: the model input and its copy, with copy-through values
    replaced by placeholders (`mapping`: placeholder -> value) when asked."""

    id: str
    attributes: dict[str, Any]
    prompt: str
    target: str
    mapping: dict[str, str] = field(default_factory=dict)


@dataclass
class Row:
    """A product of a pairs file: its attributes without the target, and the target."""

    id: str
    attributes: dict[str, Any]
    target: str


def read_rows(path: str, settings: TrainingSettings, template, *, on_skip=None) -> tuple[list[Row], list[str]]:
    """The rows of a pairs file and its attribute columns, checked against the template."""
    products = list(read_products(path, id_column=settings.id_column, on_skip=on_skip))
    columns = list(dict.fromkeys(key for product in products for key in product.attributes))
    if settings.target_column not in columns:
        raise InputError(
            f'{path} has no target column "{settings.target_column}" (--target-column); '
            f"its columns are: {', '.join(columns)}"
        )
    columns = [c for c in columns if c != settings.target_column]
    missing = [name for name in settings.copy_attributes if name not in columns]
    if missing:
        raise InputError(
            f'{path} has no column "{missing[0]}" (--copy-attributes); its columns are: {", ".join(columns)}'
        )
    check_columns(template, columns, path)
    return [row_of(product, path, settings.target_column) for product in products], columns


def row_of(product: Product, path: str, target_column: str) -> Row:
    target = product.attributes.get(target_column)
    if target is None or not str(target).strip():
        raise InputError(f'{path}, line {product.line}: the target column "{target_column}" is empty')
    attributes = {k: v for k, v in product.attributes.items() if k != target_column}
    return Row(product.id, attributes, tidy(str(target)))


def read_pairs(path: str, settings: TrainingSettings, template, *, on_skip=None, augment: int = 0) -> list[Pair]:
    """Training or evaluation pairs: rendered prompts and their target copy. With
    `settings.copy_attributes`, those values are placeholders in prompt and target, unless
    `settings.augment` trains on copies with other rows' values swapped in instead: `augment`
    is how many such copies of each row these pairs get (0 for evaluation pairs)."""
    rows, columns = read_rows(path, settings, template, on_skip=on_skip)
    masked = [] if settings.augment else settings.copy_attributes
    if augment:
        rows = rows + augmented_rows(rows, settings.copy_attributes, augment, settings.seed)
    pairs, seen = [], set()
    for row in rows:
        attributes, mapping = mask_attributes(row.attributes, masked)
        prompt = render_prompt(template, attributes, product_id=row.id, columns=columns, exclude=[settings.id_column])
        target = mask_text(row.target, mapping)
        key = (prompt, target, tuple(sorted(mapping.items())))
        if settings.dedupe and key in seen:
            continue
        seen.add(key)
        pairs.append(Pair(id=row.id, attributes=row.attributes, prompt=prompt, target=target, mapping=mapping))
    return pairs


def augmented_rows(rows: list[Row], names: list[str], copies: int, seed: int) -> list[Row]:
    """`copies` extra copies of each row, each named attribute's value swapped for another row's
    value (picked at random, seeded) in the attributes and the target alike."""
    pools = {
        name: sorted({str(row.attributes[name]).strip() for row in rows if name in row.attributes}) for name in names
    }
    rng = random.Random(seed)
    extra = []
    for copy in range(1, copies + 1):
        for row in rows:
            replacements = {}
            for name in names:
                others = [value for value in pools[name] if value != str(row.attributes.get(name, "")).strip()]
                if name in row.attributes and others:
                    replacements[name] = rng.choice(others)
            attributes, target = swap_values(row.attributes, row.target, replacements)
            extra.append(Row(f"{row.id}~{copy}", attributes, target))
    return extra


def copy_attribute_suggestion(rows: list[Row] | list[Pair], settings: TrainingSettings) -> str | None:
    """A hint when no --copy-attributes were given and some attributes are copied verbatim into
    most targets while taking many values (names, places)."""
    if settings.copy_attributes:
        return None
    hidden = {settings.id_column}
    names = suggest_copy_attributes(
        [({k: v for k, v in row.attributes.items() if k not in hidden}, row.target) for row in rows]
    )
    if not names:
        return None
    return (
        f"Hint: {', '.join(names)} {'is' if len(names) == 1 else 'are'} copied verbatim into most targets and "
        f"take{'s' if len(names) == 1 else ''} many values: --copy-attributes {','.join(names)} "
        "would write values the model never saw exactly"
    )


def tokenize_pairs(pairs: list[Pair], loaded: LoadedModel, max_length: int) -> list[dict[str, list[int]]]:
    """Token ids once, up front. Causal: prompt masked out of the loss, EOS appended."""
    tokenizer, eos = loaded.tokenizer, loaded.tokenizer.eos_token_id
    examples = []
    for pair in pairs:
        if loaded.architecture == "seq2seq":
            source = tokenizer(pair.prompt, truncation=True, max_length=max_length)["input_ids"]
            target = tokenizer(pair.target, add_special_tokens=False)["input_ids"][: max_length - 1]
            if not target or target[-1] != eos:
                target = target + [eos]
            examples.append({"input_ids": source, "labels": target})
        else:
            # Tokenized exactly as generate tokenizes a plain prompt (special tokens included).
            prompt = tokenizer(pair.prompt + loaded.manifest.get("prompt_suffix", PROMPT_SUFFIX))["input_ids"]
            target = tokenizer(" " + pair.target, add_special_tokens=False)["input_ids"] + [eos]
            ids = (prompt + target)[-max_length:]
            cut = len(prompt) + len(target) - len(ids)
            labels = ([-100] * max(0, len(prompt) - cut) + target)[-len(ids) :]
            examples.append({"input_ids": ids, "labels": labels})
    return examples


def length_batches(examples: list[dict], batch_size: int, seed: int) -> list[list[int]]:
    """Batches of similar length (little padding), in a seeded random order."""
    order = sorted(range(len(examples)), key=lambda i: len(examples[i]["input_ids"]) + len(examples[i]["labels"]))
    batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
    random.Random(seed).shuffle(batches)
    return batches


def collate(examples: list[dict], indices: list[int], pad_id: int) -> dict:
    """The examples at `indices` as right-padded tensors: input ids, attention mask, labels (-100 on padding)."""
    import torch

    def pad(rows: list[list[int]], value: int):
        width = max(len(row) for row in rows)
        return torch.tensor([row + [value] * (width - len(row)) for row in rows])

    inputs = [examples[i]["input_ids"] for i in indices]
    labels = [examples[i]["labels"] for i in indices]
    return {
        "input_ids": pad(inputs, pad_id),
        "attention_mask": pad([[1] * len(row) for row in inputs], 0),
        "labels": pad(labels, -100),
    }


def batch_tokens(batch: dict, seq2seq: bool) -> int:
    """Tokens a batch trains on, padding excluded: its inputs, and a seq2seq model's targets too."""
    return int(batch["attention_mask"].sum()) + (int((batch["labels"] != -100).sum()) if seq2seq else 0)
