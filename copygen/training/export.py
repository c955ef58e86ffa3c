"""The fine-tuned model folder: merged weights, tokenizer and the copygen.json manifest that lets
`generate --model` use it as is; and the trainable weights of the best step, kept aside."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from copygen.generation.copy_through import MANIFEST_KEY
from copygen.generation.models import MANIFEST_FILE, LoadedModel
from copygen.training.data import PROMPT_SUFFIX
from copygen.training.settings import TrainingSettings

MANIFEST_FORMAT_VERSION = 1  # copygen.json, the model folder manifest


def training_record(loaded: LoadedModel, template, settings: TrainingSettings, base: str | None) -> dict:
    """The manifest: how the model reads its input (template, format, separator) and how it was trained."""
    record = {
        "architecture": loaded.architecture,
        "prompt_format": "plain",
        "prompt_suffix": PROMPT_SUFFIX if loaded.architecture == "causal" else "",
        "template_name": template.name,
        "template_source": template.source,
        "target_column": settings.target_column,
        "base_model": base or "smollm2-135m-instruct (embedded default)",
        "lora": not settings.full,
    }
    if settings.copy_attributes and not settings.augment:
        record[MANIFEST_KEY] = list(settings.copy_attributes)
    if settings.augment:
        record["augment"] = {"copies": settings.augment, "attributes": list(settings.copy_attributes)}
    return record


def save_trainable(network, path: Path) -> None:
    """The trainable parameters (LoRA adapters, or every weight), as safetensors."""
    from safetensors.torch import save_file

    path.parent.mkdir(parents=True, exist_ok=True)
    tensors = {name: p.detach().cpu().contiguous() for name, p in network.named_parameters() if p.requires_grad}
    save_file(tensors, str(path))


def load_trainable(network, path: Path) -> None:
    """Put back the parameters `save_trainable` wrote, when there are any."""
    from safetensors.torch import load_file

    if path.exists():
        network.load_state_dict(load_file(str(path)), strict=False)


def save_model_folder(network, loaded: LoadedModel, out: Path, settings: TrainingSettings) -> None:
    """Merged weights, tokenizer and copygen.json, written to a staging folder then moved in."""
    # fp32 before merging: a LoRA update added to bf16 weights would be rounded away (-3 BLEU on E2E).
    network = network.float()
    if not settings.full:
        network = network.merge_and_unload()
    staging = out / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    network.save_pretrained(staging, safe_serialization=True)
    loaded.tokenizer.save_pretrained(staging)
    from copygen import __version__

    manifest = {"format_version": MANIFEST_FORMAT_VERSION, "copygen_version": __version__, **loaded.manifest}
    (staging / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    for item in staging.iterdir():
        os.replace(item, out / item.name)
    staging.rmdir()
