"""Training data: copy-through values masked (or swapped in augmented copies), the suggestion,
token ids and padded batches."""

from types import SimpleNamespace

import pytest
from conftest import SAMPLES
from tiny_models import tiny_tokenizer

from copygen.errors import InputError
from copygen.prompts import load_template
from copygen.training.data import (
    batch_tokens,
    collate,
    copy_attribute_suggestion,
    read_pairs,
    tokenize_pairs,
)
from copygen.training.settings import TrainingSettings

PAIRS = str(SAMPLES / "pairs.jsonl")
KETTLE = "Harbor Pour-Over Coffee Kettle"


def test_copy_attributes_are_placeholders_in_prompts_targets_and_token_ids():
    settings = TrainingSettings(copy_attributes=["name"])
    pairs = read_pairs(PAIRS, settings, load_template("attributes"))
    kettle = pairs[0]
    assert kettle.prompt.startswith("name: XNAMEX | brand: Fernwell")
    assert kettle.target.startswith("The Fernwell XNAMEX gives home baristas")
    assert KETTLE not in kettle.prompt + kettle.target
    assert kettle.mapping == {"XNAMEX": KETTLE} and kettle.attributes["name"] == KETTLE
    loaded = SimpleNamespace(tokenizer=tiny_tokenizer(), architecture="causal", manifest={})
    example = tokenize_pairs([kettle], loaded, 256)[0]
    text = loaded.tokenizer.decode(example["input_ids"])
    copy = loaded.tokenizer.decode([t for t in example["labels"] if t != -100], skip_special_tokens=True)
    assert "XNAMEX" in text and KETTLE not in text
    assert copy.startswith(" The Fernwell XNAMEX gives")


def test_an_unknown_copy_attribute_is_a_one_line_error():
    with pytest.raises(InputError, match=r'has no column "nmae" \(--copy-attributes\); its columns are: id, name'):
        read_pairs(PAIRS, TrainingSettings(copy_attributes=["nmae"]), load_template("attributes"))


def test_names_and_brands_of_the_samples_are_suggested_for_copy_through():
    template = load_template("attributes")
    pairs = read_pairs(PAIRS, TrainingSettings(), template)
    hint = copy_attribute_suggestion(pairs, TrainingSettings())
    assert hint is not None and hint.endswith(
        "--copy-attributes name,brand would write values the model never saw exactly"
    )
    assert copy_attribute_suggestion(pairs, TrainingSettings(copy_attributes=["name"])) is None


def test_augmented_copies_swap_values_in_prompt_and_target_alike():
    settings = TrainingSettings(copy_attributes=["name"], augment=2, dedupe=False)
    pairs = read_pairs(PAIRS, settings, load_template("attributes"), augment=2)
    originals = {pair.attributes["name"] for pair in pairs[:24]}
    assert len(pairs) == 72 and [pair.id for pair in pairs[24:26]] == ["SKU-1001~1", "SKU-1002~1"]
    for pair in pairs[24:]:
        name = pair.attributes["name"]
        assert name in originals and pair.prompt.startswith(f"name: {name} |")
        assert "XNAMEX" not in pair.prompt + pair.target and not pair.mapping
    swapped = pairs[24]
    assert swapped.attributes["name"] != KETTLE and KETTLE not in swapped.target
    assert f"The Fernwell {swapped.attributes['name']} gives home baristas" in swapped.target


def test_batches_are_right_padded_and_count_their_real_tokens():
    examples = [{"input_ids": [5, 6, 7], "labels": [-100, 6, 7]}, {"input_ids": [8], "labels": [8]}]
    batch = collate(examples, [1, 0], pad_id=0)
    assert batch["input_ids"].tolist() == [[8, 0, 0], [5, 6, 7]]
    assert batch["attention_mask"].tolist() == [[1, 0, 0], [1, 1, 1]]
    assert batch["labels"].tolist() == [[8, -100, -100], [-100, 6, 7]]
    assert batch_tokens(batch, seq2seq=False) == 4
    assert batch_tokens(batch, seq2seq=True) == 4 + 3
