"""The decoding engines, by name: each is one module defining an `Engine` subclass (see base.py).

Adding an engine is one module and one line here. Nothing is imported until an engine is used.
`auto` takes the first engine in `ENGINES` whose `can_run` accepts the model: the fast one
when the model converts, else the reference.
"""

from __future__ import annotations

from importlib import import_module

ENGINES = {
    "ct2": "copygen.generation.engines.ct2",  # CTranslate2: several times faster on CPU
    "transformers": "copygen.generation.engines.transformers",  # the reference: runs any model
}
AUTO = "auto"


def engine_class(name: str):
    """The `Engine` subclass registered under `name`."""
    from copygen.errors import UsageError

    if name not in ENGINES:
        raise UsageError(f"unknown engine {name!r}: use one of {', '.join([AUTO, *ENGINES])}")
    return import_module(ENGINES[name]).ENGINE


def choose_engine(name: str, spec: str | None, settings) -> str:
    """The engine to use: `name` itself, or for `auto` the first engine that can run the model."""
    if name != AUTO:
        engine_class(name)
        return name
    return next(engine for engine in ENGINES if engine_class(engine).can_run(spec, settings))
