"""The decoding engines, by name: each is one module defining an `Engine` subclass (see base.py).

Adding an engine is one module and one line here. Nothing is imported until an engine is used.
"""

from __future__ import annotations

from importlib import import_module

ENGINES = {
    "transformers": "copygen.generation.engines.transformers",  # the reference
    "ct2": "copygen.generation.engines.ct2",  # CTranslate2: several times faster on CPU
}


def engine_class(name: str):
    """The `Engine` subclass registered under `name`."""
    from copygen.errors import CopygenError

    if name not in ENGINES:
        raise CopygenError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    return import_module(ENGINES[name]).ENGINE
