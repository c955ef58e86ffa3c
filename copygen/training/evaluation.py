"""Held-out decoding during training: beam-search copy for a sample of inputs, scored with BLEU
and ROUGE-L by the code `generate` and `evaluate` use, and checked against each input's product
for what it states untrue, as `generate` checks drafts."""

from __future__ import annotations

from copygen.generation.engines.transformers import TransformersEngine
from copygen.generation.models import LoadedModel
from copygen.generation.settings import GenerationSettings
from copygen.training.data import Pair


def sampled_references(pairs: list[Pair], sample: int) -> dict[str, list[str]]:
    """The first `sample` distinct inputs, each with every copy given for it (multi-reference)."""
    references: dict[str, list[str]] = {}
    for pair in pairs:
        if pair.prompt in references or len(references) < sample:
            references.setdefault(pair.prompt, []).append(pair.target)
    return references


def decode_scores(network, loaded: LoadedModel, pairs: list[Pair], sample: int, decoding: GenerationSettings) -> dict:
    """BLEU (case-insensitive) and ROUGE-L of the copy decoded with `decoding` for the first `sample`
    distinct inputs of the evaluation pairs, scored against every copy given for that input (as in
    the E2E challenge), and `untrue`: the percentage of that copy that states a number, name or
    claim its product lacks or contradicts a value. With copy-through values, inputs and copy are
    compared with placeholders, and copy is checked with the values put back."""
    from copygen.generation.copy_through import restore
    from copygen.generation.pipeline import model_input_text
    from copygen.quality.checks import states_untrue
    from copygen.scoring.evaluate import score

    references = sampled_references(pairs, sample)
    if not references:
        return {}
    network.eval()
    view = LoadedModel(
        name=loaded.name,
        model=network,
        tokenizer=loaded.tokenizer,
        architecture=loaded.architecture,
        prompt_format="plain",
        manifest=loaded.manifest,
    )
    texts = [model_input_text(view, prompt) for prompt in references]
    hypotheses = [variants[0].text if variants else "" for variants in TransformersEngine(view).decode(texts, decoding)]
    report = score(hypotheses, list(references.values()), metrics=["bleu", "rougeL"], lowercase=True, bootstrap=0)
    found = {key: round(entry["score"], 2) for key, entry in report["metrics"].items()}
    products = {}
    for pair in pairs:
        products.setdefault(pair.prompt, pair)
    untrue = [
        states_untrue(restore(text, products[prompt].mapping), products[prompt].attributes)
        for prompt, text in zip(references, hypotheses)
    ]
    return {**found, "untrue": round(100 * sum(untrue) / len(untrue), 1)}
