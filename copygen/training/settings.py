"""What to train and how: the settings `copygen finetune` fills from its options."""

from __future__ import annotations

from dataclasses import dataclass, field

from copygen.generation.settings import GenerationSettings

DEFAULT_TEMPLATE = "attributes"


def evaluation_decoding() -> GenerationSettings:
    """How evaluations decode the sampled inputs: 4 beams, one variant, up to 80 tokens, batches of 16."""
    return GenerationSettings(num_beams=4, num_variants=1, max_new_tokens=80, batch_size=16, no_repeat_ngram_size=0)


@dataclass
class TrainingSettings:
    """What to train and how; `--full` turns LoRA off."""

    target_column: str = "copy"
    template: str = DEFAULT_TEMPLATE
    full: bool | None = None  # None: LoRA for causal models, full for seq2seq
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.0  # peft's default; dropout costs a sixth of a CPU step
    learning_rate: float | None = None  # None: 1e-3 with LoRA, 1e-4 full
    warmup: float = 0.03
    epochs: float = 1.0
    max_steps: int | None = None
    batch_size: int = 16
    grad_accumulation: int = 1
    max_length: int = 256
    seed: int = 0
    time_budget_minutes: float | None = None
    eval_every: int = 50
    eval_sample: int = 32  # distinct inputs decoded per evaluation
    best_by: str = "loss"  # "loss" (eval loss, all --eval pairs) or "bleu" (decoded sample: noisier)
    bf16: bool = False
    dedupe: bool = True
    id_column: str = "id"
    device: str = "auto"  # auto, cpu, cuda or cuda:N (copygen.machine.torch_device)
    copy_attributes: list[str] = field(default_factory=list)  # values written through placeholders
    augment: int = 0  # extra copies of each pair with copy-attribute values taken from other rows
    eval_decoding: GenerationSettings = field(default_factory=evaluation_decoding)
