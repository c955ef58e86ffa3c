"""Copy-through values: masked in prompts and targets, restored exactly after decoding, and
placeholders that survive the tokenizers of GPT-2 and T5 style models."""

from pathlib import Path

import pytest
from tiny_models import tiny_tokenizer

from copygen.generation.copy_through import (
    mask_attributes,
    mask_text,
    placeholders,
    restore,
    suggest_copy_attributes,
    swap_values,
)

TRICKY = [
    'The "Quiet" {Room}',
    "Café Crème & Co.",
    "Zürich Bahnhof — Gleis 3",
    "日本橋 Tower",
    "O'Brien's <Pub> \\1 $2",
    "C++",
]


def test_placeholders_are_letters_and_digits_and_stable():
    table = placeholders(["name", "near by", "near-by", "日本"])
    assert table == {"name": "XNAMEX", "near by": "XNEARBYX", "near-by": "XNEARBY2X", "日本": "XATTR3X"}
    assert placeholders(["name", "near by"]) == {"name": "XNAMEX", "near by": "XNEARBYX"}


@pytest.mark.parametrize("value", TRICKY)
def test_a_value_round_trips_through_prompt_and_target(value):
    attributes = {"name": value, "food": "Thai", "tagline": f"Welcome to {value}!", "price": 12}
    masked, mapping = mask_attributes(attributes, ["name"])
    assert masked == {"name": "XNAMEX", "food": "Thai", "tagline": "Welcome to XNAMEX!", "price": 12}
    assert mapping == {"XNAMEX": value}
    target = f"{value} serves Thai food. Visit {value} today."
    assert mask_text(target, mapping) == "XNAMEX serves Thai food. Visit XNAMEX today."
    assert restore(mask_text(target, mapping), mapping) == target


def test_longest_value_first_whole_words_and_case_sensitive():
    mapping = {"XNAMEX": "Aria", "XNEARX": "Aria Bridge"}
    text = "Aria sits by Aria Bridge; ARIA and Arias are other words."
    assert mask_text(text, mapping) == "XNAMEX sits by XNEARX; ARIA and Arias are other words."
    assert restore(mask_text(text, mapping), mapping) == text


def test_missing_empty_and_list_values_are_left_alone():
    masked, mapping = mask_attributes(
        {"name": "Bolt", "near": "", "features": ["Bolt app", 3]}, ["name", "near", "area"]
    )
    assert mapping == {"XNAMEX": "Bolt"}
    assert masked == {"name": "XNAMEX", "near": "", "features": ["XNAMEX app", 3]}
    assert restore("nothing to restore", {}) == "nothing to restore"


def test_numbers_are_masked_and_restored_as_text():
    masked, mapping = mask_attributes({"year": 1998, "flag": True}, ["year", "flag"])
    assert masked == {"year": "XYEARX", "flag": True} and mapping == {"XYEARX": "1998"}
    assert restore("Founded in XYEARX.", mapping) == "Founded in 1998."


def test_swapping_values_changes_attributes_and_target_alike():
    attributes = {"name": "Aria", "near": "Bridge", "tagline": "Aria, the best"}
    swapped, target = swap_values(attributes, "Aria is near Bridge.", {"name": "Cove", "near": 'The "Mill"'})
    assert swapped == {"name": "Cove", "near": 'The "Mill"', "tagline": "Cove, the best"}
    assert target == 'Cove is near The "Mill".'


def test_attributes_copied_into_most_targets_with_many_values_are_suggested():
    rows = [
        ({"name": f"Place {i}", "food": "Thai", "area": "riverside", "price": f"£{i}"}, f"Place {i} serves Thai food.")
        for i in range(10)
    ]
    rows[0] = (rows[0][0], "A restaurant.")  # 9 of 10 targets name the place
    # food: in every target, but one value; area and price: never copied
    assert suggest_copy_attributes(rows) == ["name"]
    assert suggest_copy_attributes(rows, share=0.95) == []
    assert suggest_copy_attributes([]) == []


def sentencepiece_like_tokenizer():
    """A unigram tokenizer with T5's pieces (NFKC, metaspace), trained on text without `<`, `{`
    or `}`, as T5's vocabulary lacks them."""
    import string

    from tokenizers import SentencePieceUnigramTokenizer
    from transformers import PreTrainedTokenizerFast

    alphabet = " ".join(string.ascii_letters + string.digits + ".,;:!?'\"()[]-&$%/")
    texts = [alphabet, "Visit Aria, near the river.", "Bolt and Cove serve food by the city centre."] * 20
    tokenizer = SentencePieceUnigramTokenizer()
    tokenizer.train_from_iterator(texts, vocab_size=200, special_tokens=["<pad>", "</s>", "<unk>"], unk_token="<unk>")
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")


def test_placeholders_survive_the_tiny_models_and_a_sentencepiece_tokenizer():
    text = "Visit XNAMEX, near XNEARX."
    for tokenizer in (tiny_tokenizer(), sentencepiece_like_tokenizer()):
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        assert tokenizer.decode(ids, skip_special_tokens=True) == text
    spm = sentencepiece_like_tokenizer()  # why not <name>: unknown characters decode to nothing
    ids = spm("<name>", add_special_tokens=False)["input_ids"]
    assert spm.decode(ids, skip_special_tokens=True) != "<name>"


def test_placeholders_survive_the_embedded_default_tokenizer():
    from transformers import AutoTokenizer

    from copygen.generation.models import default_model_dir

    tokenizer = AutoTokenizer.from_pretrained(default_model_dir())  # converted once per test session
    ids = tokenizer(" Visit XNAMEX, near XNEARX.", add_special_tokens=False)["input_ids"]
    assert tokenizer.decode(ids) == " Visit XNAMEX, near XNEARX."


def test_converting_the_embedded_default_writes_no_progress_bar_to_stderr(tmp_path, capfd):
    """`make demo` in a log once showed transformers' tqdm bar, frame by frame: copygen's own
    messages say what a first run does."""
    import importlib.util

    from copygen.generation.models import DEFAULT_GGUF, DEFAULT_PACKAGE, convert_gguf

    package_dir = Path(importlib.util.find_spec(DEFAULT_PACKAGE).submodule_search_locations[0])
    convert_gguf(package_dir, DEFAULT_GGUF, tmp_path / "model")
    assert (tmp_path / "model" / "model.safetensors").exists()
    assert "GGUF" not in capfd.readouterr().err


def test_generate_masks_what_a_fine_tune_copies_through_and_restores_it(tiny_gpt2):
    """A model folder that records copy_attributes sees placeholders, and its copy gets the
    values back (an engine that writes its prompt back shows both sides)."""
    from copygen.generation.engines.base import Engine
    from copygen.generation.engines.transformers import load_transformers
    from copygen.generation.models import resolve_model
    from copygen.generation.pipeline import draft_products, plan_drafts
    from copygen.generation.settings import GenerationSettings
    from copygen.io.drafts import Variant
    from copygen.io.products import Product

    class Echo(Engine):
        name = "echo"
        prompts: list[str] = []

        @classmethod
        def load(cls, spec, settings, *, threads=None):
            raise NotImplementedError

        def decode(self, texts, settings, on_batch=None, grounding=None, again=None):
            self.prompts += texts
            return [[Variant(text.splitlines()[-1], 0.0)] for text in texts]

    loaded = load_transformers(resolve_model(str(tiny_gpt2)))
    loaded.manifest = {"copy_attributes": ["name"]}
    name = 'The "Quiet" {Room} — Zürich'
    product = Product(id="a", line=1, attributes={"id": "a", "name": name, "colour": "red"})
    job = plan_drafts(
        ["id", "name", "colour"],
        "p",
        template=None,
        settings=GenerationSettings(num_beams=1, num_variants=1, engine="transformers"),
    )
    job.template_source = "{{ name }} in {{ colour }}"
    [draft] = draft_products([product], job, Echo(loaded))
    assert "XNAMEX in red" in Echo.prompts[0] and name not in Echo.prompts[0]
    assert len(Echo.prompts) == 1  # its copy names the product through the placeholder: not decoded again
    assert draft.variants[0].text == f"{name} in red"
    assert draft.attributes["name"] == name
