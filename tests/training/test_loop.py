"""The loop on tiny models: the time budget and its schedule, gradient accumulation, T5 with
LoRA, the device, copy-through in the model folder, and resuming from a half-swapped checkpoint."""

import itertools
import json
import os
import shutil

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

import copygen
import copygen.training.loop as loop
from copygen.cli import app
from copygen.training.loop import TrainingSettings, finetune, lr_factor

PAIRS = str(SAMPLES / "pairs.jsonl")
runner = CliRunner()


def entries(folder):
    return [json.loads(line) for line in (folder / "metrics.jsonl").read_text().splitlines()]


def test_the_time_budget_stops_training_and_sizes_the_schedule(tiny_gpt2, tmp_path, monkeypatch):
    ticks = itertools.count()
    monkeypatch.setattr(loop, "clock", lambda: 7.0 * next(ticks))  # each step takes 7 seconds
    settings = TrainingSettings(max_steps=1000, batch_size=8, time_budget_minutes=1.0, learning_rate=1e-3)
    summary = finetune(PAIRS, str(tmp_path / "out"), model=str(tiny_gpt2), settings=settings)
    assert summary["stopped_by"] == "time budget" and summary["steps"] == 9  # 63 s: the first step past 60
    logged = entries(tmp_path / "out")
    assert [entry["seconds"] for entry in logged] == [7.0 * step for step in range(1, 10)]
    for entry in logged:  # each update's rate is where training stood before it, of the 60 s budget
        done = max((entry["step"] - 1) / 1000, 7.0 * (entry["step"] - 1) / 60)
        assert entry["lr"] == pytest.approx(1e-3 * lr_factor(done, 0.03))
    assert logged[-1]["lr"] < 0.02 * 1e-3  # decayed by the budget's end, not by step 1000's


@pytest.fixture(scope="module")
def tiny_gpt2_without_dropout(tiny_gpt2, tmp_path_factory):
    folder = tmp_path_factory.mktemp("no-dropout")
    shutil.copytree(tiny_gpt2, folder, dirs_exist_ok=True)
    config = json.loads((folder / "config.json").read_text())
    config.update(resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0)
    (folder / "config.json").write_text(json.dumps(config))
    return folder


def test_accumulating_two_batches_is_one_update_on_both(tiny_gpt2_without_dropout, tmp_path):
    """Four pairs with the same copy (so every batch's mean weighs tokens alike): two batches of two
    accumulated make the same update as one batch of four."""
    rows = [{"id": f"p{i}", "name": name, "copy": "A quiet place for slow mornings."} for i, name in enumerate("ABCD")]
    (tmp_path / "pairs.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    curves, summaries = [], []
    for batch_size, accumulation in ((2, 2), (4, 1)):
        out = tmp_path / f"b{batch_size}"
        settings = TrainingSettings(
            full=True,
            learning_rate=1e-2,
            warmup=0.0,
            max_steps=2,
            batch_size=batch_size,
            grad_accumulation=accumulation,
        )
        summaries.append(
            finetune(str(tmp_path / "pairs.jsonl"), str(out), model=str(tiny_gpt2_without_dropout), settings=settings)
        )
        curves.append([entry["loss"] for entry in entries(out)])
    assert [s["steps"] for s in summaries] == [2, 2] and summaries[0]["tokens"] == summaries[1]["tokens"]
    assert curves[0] == pytest.approx(curves[1], abs=2e-4)
    assert curves[1][1] < curves[1][0] - 0.01  # the update did change the model


def test_t5_with_lora_trains_adapters_and_saves_plain_merged_weights(tiny_t5, tmp_path):
    from safetensors.torch import load_file

    out = tmp_path / "t5-lora"
    settings = TrainingSettings(full=False, learning_rate=1e-2, warmup=0.0, max_steps=2, batch_size=8)
    summary = finetune(PAIRS, str(out), model=str(tiny_t5), settings=settings)
    assert summary["steps"] == 2
    record = json.loads((out / "copygen.json").read_text())
    assert record["lora"] is True and record["architecture"] == "seq2seq" and record["prompt_suffix"] == ""
    assert not (out / "adapter_config.json").exists()
    base, tuned = load_file(str(tiny_t5 / "model.safetensors")), load_file(str(out / "model.safetensors"))
    assert set(tuned) - {"encoder.embed_tokens.weight", "decoder.embed_tokens.weight"} == set(base) - {
        "encoder.embed_tokens.weight",
        "decoder.embed_tokens.weight",
    }
    query = "encoder.block.0.layer.0.SelfAttention.q.weight"
    assert (tuned[query] - base[query]).abs().max() > 1e-6  # the adapters were merged in
    assert all((tuned[name] == base[name]).all() for name in base if "layer_norm" in name)  # LoRA left them


def test_auto_places_training_on_the_cpu_here(tiny_gpt2, tmp_path, monkeypatch):
    import torch

    asked, real = [], loop.torch_device

    def spy(device):
        asked.append(device)
        return real(device)

    monkeypatch.setattr(loop, "torch_device", spy)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    settings = TrainingSettings(max_steps=1, batch_size=8, device="auto")
    summary = finetune(PAIRS, str(tmp_path / "out"), model=str(tiny_gpt2), settings=settings)
    assert asked == ["auto"] and summary["device"] == "cpu"


@pytest.mark.parametrize(
    "device, message", [("tpu", "--device 'tpu' is not a device"), ("cuda:63", "--device cuda:63: torch sees")]
)
def test_a_device_that_is_not_there_is_a_usage_error(device, message, tmp_path):
    result = runner.invoke(app, ["finetune", "--train", PAIRS, "-o", str(tmp_path / "m"), "--device", device])
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_copy_attributes_are_recorded_and_otherwise_suggested(tiny_gpt2, tmp_path):
    base = ["finetune", "--train", PAIRS, "-m", str(tiny_gpt2), "--max-steps", "1", "--batch-size", "8"]
    hinted = runner.invoke(app, [*base, "-o", str(tmp_path / "plain")])
    assert hinted.exit_code == 0, hinted.stderr
    assert "--copy-attributes name,brand would write" in hinted.stderr
    assert "copy_attributes" not in json.loads((tmp_path / "plain" / "copygen.json").read_text())
    masked = runner.invoke(app, [*base, "-o", str(tmp_path / "masked"), "--copy-attributes", "name, brand"])
    assert masked.exit_code == 0, masked.stderr
    assert "--copy-attributes" not in masked.stderr
    manifest = json.loads((tmp_path / "masked" / "copygen.json").read_text())
    assert manifest["copy_attributes"] == ["name", "brand"]
    assert manifest["format_version"] == 1 and manifest["copygen_version"] == copygen.__version__


def test_augment_needs_the_attributes_to_swap(tmp_path):
    result = runner.invoke(app, ["finetune", "--train", PAIRS, "-o", str(tmp_path / "m"), "--augment", "2"])
    assert result.exit_code == 2 and "--augment swaps the values of --copy-attributes" in result.stderr


def test_resume_after_a_kill_in_the_middle_of_a_checkpoint_swap(tiny_gpt2, tmp_path):
    """Killed after the last checkpoint was moved aside and before the new one was moved in:
    --resume takes the new one, which was complete."""
    out = tmp_path / "run"
    settings = TrainingSettings(full=True, max_steps=2, batch_size=8, eval_every=1)
    finetune(PAIRS, str(out), model=str(tiny_gpt2), settings=settings)
    folder = out / "checkpoints"
    shutil.copytree(folder / "last", folder / ".last-new")
    progress = json.loads((folder / "last" / "progress.json").read_text())
    (folder / "last" / "progress.json").write_text(json.dumps({**progress, "step": 1}))
    os.replace(folder / "last", folder / ".last-old")
    messages = []
    settings = TrainingSettings(full=True, max_steps=3, batch_size=8, eval_every=1)
    summary = finetune(
        PAIRS, str(out), model=str(tiny_gpt2), settings=settings, resume=True, on_message=messages.append
    )
    assert "Resuming at step 2 (epoch 1, batch 2)" in messages
    assert summary["steps"] == 3 and [entry["step"] for entry in entries(out)] == [1, 2, 3]
    assert sorted(path.name for path in folder.iterdir()) == ["last"]
