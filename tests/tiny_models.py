"""Tiny real transformers models with a tokenizer trained on the samples: no downloads.

Used by the tests and by benchmarks that measure copygen's own overhead.
"""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
SPECIAL = ["<pad>", "</s>", "<unk>"]


def training_texts() -> list[str]:
    """The prompts a model is shown (not plain-copy, which no model sees), samples and references."""
    from copygen.generation.plain_copy import PLAIN_COPY_TEMPLATE

    prompts = [path for path in sorted(PROMPTS.glob("*.j2")) if path.stem != PLAIN_COPY_TEMPLATE]
    texts = [path.read_text(encoding="utf-8") for path in prompts]
    texts += (SAMPLES / "products.csv").read_text(encoding="utf-8").splitlines()
    for line in (SAMPLES / "references.jsonl").read_text(encoding="utf-8").splitlines():
        texts += json.loads(line)["references"]
    return texts


def tiny_tokenizer():
    """A byte-level BPE tokenizer trained on the sample products, prompts and references."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600, special_tokens=SPECIAL, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tokenizer.train_from_iterator(training_texts(), trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, pad_token="<pad>", eos_token="</s>", unk_token="<unk>", model_max_length=512
    )


def build_tiny_model(kind: str, folder: Path, seed: int = 0) -> Path:
    """Save a randomly initialised tiny T5 ("t5") or GPT-2 ("gpt2") with its tokenizer."""
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel, T5Config, T5ForConditionalGeneration

    torch.manual_seed(seed)
    tokenizer = tiny_tokenizer()
    pad, eos = tokenizer.pad_token_id, tokenizer.eos_token_id
    if kind == "t5":
        config = T5Config(
            vocab_size=len(tokenizer),
            d_model=32,
            d_ff=64,
            d_kv=8,
            num_layers=2,
            num_heads=4,
            pad_token_id=pad,
            eos_token_id=eos,
            decoder_start_token_id=pad,
        )
        model = T5ForConditionalGeneration(config)
    else:
        config = GPT2Config(
            vocab_size=len(tokenizer),
            n_embd=32,
            n_layer=2,
            n_head=4,
            n_positions=512,
            bos_token_id=eos,
            eos_token_id=eos,
            pad_token_id=pad,
        )
        model = GPT2LMHeadModel(config)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
