import os
from pathlib import Path

# The suite tests the CPU paths CI runs, the same on any machine: with a GPU visible, `auto` would
# pick other engines, devices and batch sizes (12 tests of test_engines failed so on an H200). GPU
# choices are tested by faking what CTranslate2 sees. Set before torch or CTranslate2 is imported.
os.environ["CUDA_VISIBLE_DEVICES"] = ""

import pytest
from tiny_models import build_tiny_model

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(autouse=True)
def user_cache(tmp_path_factory, monkeypatch):
    """Point copygen's cache at a temporary folder shared by the session (the default model
    is converted there once), never at the user's own cache."""
    monkeypatch.setenv("COPYGEN_CACHE", str(tmp_path_factory.getbasetemp() / "copygen-cache"))
    monkeypatch.setenv("TRANSFORMERS_VERBOSITY", "error")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="session")
def tiny_gpt2(tmp_path_factory) -> Path:
    return build_tiny_model("gpt2", tmp_path_factory.mktemp("tiny-gpt2"))


@pytest.fixture(scope="session")
def tiny_t5(tmp_path_factory) -> Path:
    return build_tiny_model("t5", tmp_path_factory.mktemp("tiny-t5"))


@pytest.fixture(params=["gpt2", "t5"])
def tiny_model(request) -> Path:
    return request.getfixturevalue(f"tiny_{request.param}")
