"""copygen: generate, check and score marketing copy from product data.

The library comes first; the `copygen` command line is a thin layer over it:

    from copygen import generate, finetune, evaluate
    drafts = generate("samples/products.csv", num_beams=4)

The three functions are attributes loaded on first use, so `import copygen` and
`copygen --help` stay instant and no module is shadowed by a function.
"""

from copygen.errors import CopygenError, InputError, ModelError, OutputError, TemplateError


def _installed_version() -> str:
    """The version pip installed; "0+unknown" for a source tree that was never installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("copygen")
    except PackageNotFoundError:
        return "0+unknown"


__version__ = _installed_version()

__all__ = [
    "CopygenError",
    "InputError",
    "ModelError",
    "OutputError",
    "TemplateError",
    "__version__",
    "evaluate",
    "finetune",
    "generate",
]

_LAZY = {
    "generate": "copygen.generation.run",
    "finetune": "copygen.training.loop",
    "evaluate": "copygen.scoring.evaluate",
}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'copygen' has no attribute {name!r}")
