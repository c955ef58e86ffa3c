"""copygen: generate, check and score marketing copy from product data.

The library comes first; the `copygen` command line is a thin layer over it:

    from copygen import generate
    drafts = generate("samples/products.csv", num_beams=4)

Nothing heavy is imported here, so `import copygen` and `copygen --help` stay instant.
"""

from copygen.errors import CopygenError, InputError, ModelError, OutputError, TemplateError
from copygen.generate import generate  # the function shadows the module name on purpose

__all__ = ["generate", "CopygenError", "InputError", "ModelError", "OutputError", "TemplateError"]
