"""What the cache folder holds: the embedded default converted to safetensors (`models/`) and
models converted for the ct2 engine (`ct2/`); their sizes, and clearing them to free space.

Everything here is derived: a cleared model is converted again on its next use.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from copygen.generation.models import cache_dir

KINDS = {"models": "safetensors (converted from GGUF)", "ct2": "CTranslate2"}


@dataclass
class CachedModel:
    """One converted model folder in the cache."""

    kind: str  # a key of KINDS
    name: str
    path: Path
    size: int  # bytes


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def cached_models() -> list[CachedModel]:
    """The converted models in the cache, by kind then name (unfinished conversions, hidden, are left out)."""
    found = []
    for kind in KINDS:
        folder = cache_dir() / kind
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_dir() and not path.name.startswith("."):
                    found.append(CachedModel(kind, path.name, path, folder_size(path)))
    return found


def clear_cache() -> int:
    """Delete every converted model (and unfinished conversions); the bytes freed."""
    freed = 0
    for kind in KINDS:
        folder = cache_dir() / kind
        if folder.is_dir():
            freed += folder_size(folder)
            shutil.rmtree(folder)
    return freed


def human_size(size: int) -> str:
    """Bytes as people read them: 1.2 GB, 540 MB, 12 kB."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}" if size < 10 * scale else f"{size / scale:.0f} {unit}"
    return f"{size} B"


def default_model_state() -> str:
    """Where the embedded default stands: converted in the cache, ready to convert, or missing its package."""
    import importlib.util

    from copygen.generation.models import DEFAULT_MODEL, DEFAULT_PACKAGE, INSTALL_HINT

    if (cache_dir() / "models" / DEFAULT_MODEL / "model.safetensors").exists():
        return "converted in the cache"
    if importlib.util.find_spec(DEFAULT_PACKAGE) is None:
        return f"not installed: {INSTALL_HINT}"
    return "installed; converted into the cache on first use"
