"""Converting a transformers model folder for CTranslate2, once: into `cache_dir()/ct2/<name>-<key>`,
where the key covers the folder's files, the precision and the CTranslate2 version, so a changed
model is converted again. Processes started together convert it once (a lock file); the others
wait. Which models convert is decided from config.json alone (importing the converter costs seconds).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from copygen.errors import ModelError, UsageError
from copygen.generation.models import (
    ModelSource,
    cache_dir,
    cannot_load,
    first_line,
    load_description,
    local_folder,
)

CT2_INSTALL_HINT = "pip install ctranslate2"
# The text generators CTranslate2's transformers converter handles, by config model_type (checked
# against ctranslate2 4.8.5's converter in tests/generation/test_engines.py).
CONVERTIBLE = frozenset(
    [
        "bart",
        "bloom",
        "codegen",
        "falcon",
        "gemma",
        "gemma2",
        "gemma3",
        "gemma3_text",
        "gpt-sw3",
        "gpt2",
        "gpt_bigcode",
        "gpt_neox",
        "gptj",
        "llama",
        "m2m_100",
        "marian",
        "mbart",
        "mistral",
        "mt5",
        "opt",
        "pegasus",
        "phi",
        "phi3",
        "qwen2",
        "qwen3",
        "t5",
        "umt5",
    ]
)
# compute type -> how the weights are stored in the converted folder
CT2_STORAGE = {
    "int8": "int8",
    "int8_float32": "int8",
    "int8_float16": "int8",
    "int8_bfloat16": "int8",
    "int16": "int16",
    "float16": "float16",
    "bfloat16": "bfloat16",
    "float32": None,
}


def folder_key(folder: Path, storage: str | None) -> str:
    """A short fingerprint of a model folder's files (names, sizes, times), the weight storage
    and the CTranslate2 version: any change gives a new key, so a stale conversion is never used."""
    import ctranslate2

    digest = hashlib.sha256(f"ctranslate2 {ctranslate2.__version__} {storage}".encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"\n{path.relative_to(folder).as_posix()} {stat.st_size} {stat.st_mtime_ns}".encode())
    digest.update((folder / "config.json").read_bytes())
    return digest.hexdigest()[:12]


@contextmanager
def conversion_lock(path: Path, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock file, so processes started together convert a model once; a
    process that finds it held calls `on_wait` and waits for the other to finish."""
    try:
        import fcntl
    except ImportError:  # no POSIX locks (Windows): the atomic rename still keeps the cache whole
        yield
        return
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ct2_model_dir(
    source: ModelSource, compute_type: str = "int8", on_message: Callable[[str], None] | None = None
) -> Path:
    """The converted CTranslate2 folder for a model, converting it on first use (atomically,
    once across processes), with a line through `on_message` saying so and how long it took."""
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        raise ModelError(f"--engine ct2 needs the ctranslate2 package: {CT2_INSTALL_HINT}") from None
    if compute_type not in CT2_STORAGE:
        raise UsageError(f"unknown ct2 compute type {compute_type!r}: use one of {', '.join(CT2_STORAGE)}")
    folder, name = local_folder(source), source.name
    storage = CT2_STORAGE[compute_type]
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(name).name or name).strip(".-") or "model"
    target = cache_dir() / "ct2" / f"{slug}-{folder_key(folder, storage)}"
    if (target / "model.bin").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    say = on_message or (lambda message: None)
    waiting = lambda: say("waiting for another copygen process converting the model")  # noqa: E731
    with conversion_lock(target.parent / f".{target.name}.lock", on_wait=waiting):
        if not (target / "model.bin").exists():
            started = time.perf_counter()
            convert_to_ct2(folder, name, storage, target)
            say(f"converting the model for fast decoding, once: {time.perf_counter() - started:.0f} s")
    return target


def convert_to_ct2(folder: Path, name: str, storage: str | None, target: Path) -> None:
    """Convert a transformers model folder with CTranslate2's converter into `target`, atomically.
    The weights load once, through the reference engine's checks (a second load for the checks
    alone cost the embedded default 2 of its 15 s)."""
    from ctranslate2.converters import TransformersConverter

    from copygen.generation.engines.transformers import checked_weights

    source = ModelSource(name, folder)
    load_description(source)  # the reference's checks of the config and tokenizer first

    class CheckedConverter(TransformersConverter):
        def load_model(self, model_class, model_name_or_path, **kwargs):
            return checked_weights(model_class, source, **kwargs)

    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        CheckedConverter(str(folder), low_cpu_mem_usage=True).convert(str(staging), quantization=storage, force=True)
        fill_special_tokens(staging / "config.json")
        os.replace(staging, target)
    except ModelError:
        raise
    except Exception as error:  # the converter loads the model with transformers: many kinds
        if isinstance(error, (NotImplementedError, ValueError, KeyError)):  # a part the converter lacks
            raise ModelError(
                f"--engine ct2 cannot convert {name} ({first_line(error)}); use --engine transformers"
            ) from None
        raise cannot_load(source, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def fill_special_tokens(config_path: Path) -> None:
    """CTranslate2 refuses a model whose tokenizer lacks a bos, eos or unk token (a GPT-2 with
    its own tokenizer often has no bos). copygen never asks ct2 to add one, so any special
    token the tokenizer has will do as a stand-in."""

    config = json.loads(config_path.read_text(encoding="utf-8"))
    keys = ("bos_token", "eos_token", "unk_token")
    known = [config[key] for key in keys if config.get(key)]
    if known and any(key in config and not config[key] for key in keys):
        config.update({key: config.get(key) or known[0] for key in keys})
        config_path.write_text(json.dumps(config, indent=2), encoding="utf-8")


def model_type(source: ModelSource) -> str:
    """The `model_type` in a model's config.json ("" when it cannot be read)."""
    try:
        return json.loads((local_folder(source) / "config.json").read_text(encoding="utf-8")).get("model_type", "")
    except (OSError, ValueError, AttributeError):
        return ""
