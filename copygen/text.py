"""Text helpers every layer shares, so that they treat text alike: tidying generated and
training copy the same way, and the scripts written without spaces between words."""

from __future__ import annotations

# Chinese and Japanese have no spaces between words: each character counts as a word.
CJK_RANGES = "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31bf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"


def tidy(text: str) -> str:
    """Copy as it is stored: runs of spaces made single, lines trimmed, blank lines dropped.
    Training targets and generated copy go through this one function, so they match."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
