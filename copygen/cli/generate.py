"""`copygen generate` (being written)."""


def generate() -> None:
    """Generate drafts."""
