"""How to decode: beam search by default, or sampling; the engine and its precision."""

from __future__ import annotations

from dataclasses import dataclass, field

from copygen.errors import UsageError


@dataclass
class GenerationSettings:
    """Decoding settings, the same for every engine. `sample=True` draws with temperature/top-p."""

    num_beams: int = 4
    num_variants: int = 3
    max_new_tokens: int = 96
    batch_size: int = 0  # 0: the engine's choice (see Engine.batch_size)
    seed: int = 0
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = 3
    sample: bool = False
    temperature: float = 0.8
    top_p: float = 0.95
    bad_words: list[str] = field(default_factory=list)
    example_words: list[str] = field(default_factory=list)  # kept out where a product lacks them
    engine: str = "auto"  # "auto" or a name in copygen.generation.engines.ENGINES
    compute_type: str = "auto"  # the ct2 engine's precision: auto is int8 on CPU, float16 on a GPU
    constrain_numbers: bool = True  # while decoding, numbers only as the product's attributes hold them
    device: str = "auto"  # auto, cpu, cuda or cuda:N (see copygen.machine.torch_device)

    def validate(self) -> None:
        from copygen.generation.engines import AUTO, engine_class

        if self.engine != AUTO:
            engine_class(self.engine)
        if self.num_beams < 1 or self.num_variants < 1 or self.batch_size < 0 or self.max_new_tokens < 1:
            raise UsageError(
                "--num-beams, --num-variants and --max-new-tokens must be at least 1, --batch-size at least 0"
            )
        if not self.sample and self.num_variants > self.num_beams:
            raise UsageError(
                f"--num-variants {self.num_variants} needs at least as many beams: pass --num-beams {self.num_variants} or more"
            )
