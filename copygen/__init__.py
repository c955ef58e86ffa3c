"""copygen: generate, check and score marketing copy from product data.

The library comes first; the `copygen` command line is a thin layer over it:

    from copygen import generate, finetune, evaluate
    drafts = generate("samples/products.csv", num_beams=4)

The three functions are attributes loaded on first use, so `import copygen` and
`copygen --help` stay instant and no module is shadowed by a function.
"""

from copygen.errors import CopygenError, InputError, ModelError, OutputError, TemplateError

__all__ = [
    "CopygenError",
    "InputError",
    "ModelError",
    "OutputError",
    "TemplateError",
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
