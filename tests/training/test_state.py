"""The run's record: best step and its direction, the state file, the checkpoint swap and its
recovery after a kill at any point, and the learning-rate schedule."""

import json
import os

import pytest

import copygen.training.state as state_module
from copygen.training.loop import fraction_done, lr_factor, precision
from copygen.training.state import BestStep, Checkpointer, MetricsLog, TrainingState


@pytest.mark.parametrize(
    "best_by, values, kept", [("loss", [3.0, 2.0, 2.5, 2.0], (2.0, 2)), ("bleu", [50.0, 40.0, 55.0, 55.0], (55.0, 3))]
)
def test_the_best_step_follows_its_metrics_direction(best_by, values, kept):
    best = BestStep.chosen_by(best_by)
    metric = "eval_loss" if best_by == "loss" else "bleu"
    taken = [best.offer({"step": step, metric: value}) for step, value in enumerate(values, start=1)]
    assert (best.value, best.step) == kept
    assert taken == ([True, True, False, False] if best_by == "loss" else [True, False, True, False])
    assert not best.offer({"step": 9})  # an evaluation without the metric


@pytest.mark.parametrize("best_by, value", [("loss", 1.5), ("bleu", -1.5)])
def test_old_checkpoints_with_a_negated_loss_resume_with_the_true_value(best_by, value):
    old = {
        "step": 4,
        "epoch": 1,
        "batch_in_epoch": 2,
        "seconds": 3.5,
        "tokens": 99,
        "best_metric": -1.5,
        "best_step": 3,
    }
    state = TrainingState.from_json(json.dumps(old), best_by)
    assert (state.step, state.epoch, state.batch_in_epoch, state.tokens) == (4, 1, 2, 99)
    assert (state.best.value, state.best.step) == (value, 3)


def test_the_state_file_round_trips_with_its_best_step():
    from dataclasses import asdict

    state = TrainingState(step=7, tokens=12, best=BestStep("bleu", True, 41.0, 5))
    assert TrainingState.from_json(json.dumps(asdict(state)), "bleu") == state
    assert TrainingState.from_json(json.dumps(asdict(state)), "loss").best == BestStep("eval_loss", False)


class FakeAccelerator:
    """save_state writes the step it was saved at; load_state reads it back."""

    def __init__(self):
        self.step, self.loaded = 0, None

    def save_state(self, path):
        os.makedirs(path)
        with open(os.path.join(path, "weights.bin"), "w") as handle:
            handle.write(str(self.step))

    def load_state(self, path):
        with open(os.path.join(path, "weights.bin")) as handle:
            self.loaded = int(handle.read())


def save_at(checkpoints, accelerator, step):
    accelerator.step = step
    checkpoints.save(accelerator, TrainingState(step=step))


@pytest.mark.parametrize(
    "killed_at, resumes_at",
    [
        (1, 1),  # before the new checkpoint was complete: the last one
        (2, 2),  # complete, not yet swapped in: the new one
        (3, 2),  # half swapped: the last one moved aside, the new one not yet in place
    ],
)
def test_a_kill_during_a_save_leaves_a_checkpoint_to_resume(tmp_path, monkeypatch, killed_at, resumes_at):
    checkpoints, accelerator = Checkpointer(tmp_path), FakeAccelerator()
    save_at(checkpoints, accelerator, 1)
    calls, replace = [], os.replace

    def killed(source, target):
        calls.append(source)
        if len(calls) == killed_at:
            raise KeyboardInterrupt
        replace(source, target)

    monkeypatch.setattr(state_module.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        save_at(checkpoints, accelerator, 2)
    monkeypatch.setattr(state_module.os, "replace", replace)
    assert checkpoints.recover()
    state = checkpoints.load(accelerator, "loss")
    assert (state.step, accelerator.loaded) == (resumes_at, resumes_at)
    assert sorted(path.name for path in (tmp_path / "checkpoints").iterdir()) == ["last"]
    save_at(checkpoints, accelerator, 3)  # and saving goes on as usual
    assert checkpoints.load(accelerator, "loss").step == 3


def test_nothing_to_recover_without_a_complete_checkpoint(tmp_path):
    checkpoints = Checkpointer(tmp_path)
    assert not checkpoints.recover()
    (tmp_path / "checkpoints" / ".last-new").mkdir(parents=True)  # killed while writing the first one
    assert not checkpoints.recover()
    assert not (tmp_path / "checkpoints" / ".last-new").exists()


def test_metrics_past_the_checkpoint_are_dropped_on_resume(tmp_path):
    seen = []
    log = MetricsLog(tmp_path / "metrics.jsonl", True, seen.append)
    log.start(None)
    for step in (1, 2, 3):
        log.write({"step": step})
    log.start(2)
    assert [json.loads(line)["step"] for line in (tmp_path / "metrics.jsonl").read_text().splitlines()] == [1, 2]
    assert [entry["step"] for entry in seen] == [1, 2, 3]
    log.start(None)
    assert (tmp_path / "metrics.jsonl").read_text() == ""


@pytest.mark.parametrize("done, factor", [(0.0, 0.01), (0.05, 0.5), (0.1, 1.0), (0.55, 0.5), (1.0, 0.0), (1.5, 0.0)])
def test_the_learning_rate_warms_up_then_decays_on_a_cosine(done, factor):
    assert lr_factor(done, 0.1) == pytest.approx(factor, abs=1e-12)


def test_the_schedule_runs_on_the_steps_or_the_budget_whichever_is_further():
    assert fraction_done(TrainingState(step=10, seconds=30.0), 100, None) == pytest.approx(0.1)
    assert fraction_done(TrainingState(step=10, seconds=30.0), 100, 60.0) == pytest.approx(0.5)
    assert fraction_done(TrainingState(step=90, seconds=30.0), 100, 60.0) == pytest.approx(0.9)


def test_half_precision_only_when_asked_and_fp16_only_on_a_gpu(monkeypatch):
    import torch

    assert precision(False, True, "cpu") == ("no", None)
    assert precision(True, True, "cpu") == ("bf16", None)  # full: fp32 weights under bf16 autocast
    assert precision(True, False, "cpu") == ("no", "bfloat16")  # LoRA: the frozen base in bf16
    monkeypatch.setattr(torch.cuda, "is_bf16_supported", lambda *args, **kwargs: False)
    assert precision(True, False, "cuda:0") == ("fp16", None)
    assert precision(True, False, "cpu") == ("no", "bfloat16")
