"""Where a run stands and what it keeps on disk: its state (step, epoch, tokens, time), the best
evaluation (metric, direction, value, step), the last checkpoint and the metrics log."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

STATE_FILE = "progress.json"


@dataclass
class BestStep:
    """The best evaluation so far: which metric, which way is better, its value and its step."""

    metric: str
    higher_is_better: bool
    value: float | None = None
    step: int | None = None

    @classmethod
    def chosen_by(cls, best_by: str) -> BestStep:
        return cls("bleu", True) if best_by == "bleu" else cls("eval_loss", False)

    def offer(self, entry: dict) -> bool:
        """Keep this evaluation's step if its metric beats the best so far; whether it did."""
        value = entry.get(self.metric)
        if value is None:
            return False
        if self.value is not None and not (value > self.value if self.higher_is_better else value < self.value):
            return False
        self.value, self.step = value, entry["step"]
        return True


@dataclass
class TrainingState:
    """Where training stands; saved with each checkpoint so --resume continues exactly."""

    step: int = 0
    epoch: int = 0
    batch_in_epoch: int = 0
    seconds: float = 0.0
    tokens: int = 0
    best: BestStep = field(default_factory=lambda: BestStep.chosen_by("loss"))

    @classmethod
    def from_json(cls, text: str, best_by: str) -> TrainingState:
        data = json.loads(text)
        best = BestStep.chosen_by(best_by)
        saved = data.pop("best", None)
        if isinstance(saved, dict) and saved.get("metric") == best.metric:
            best = BestStep(**saved)
        elif data.get("best_metric") is not None:  # checkpoints before 2026-12: higher was better, loss negated
            best.value = data["best_metric"] if best.higher_is_better else -data["best_metric"]
            best.step = data.get("best_step")
        names = {f.name for f in fields(cls)} - {"best"}
        return cls(**{k: v for k, v in data.items() if k in names}, best=best)


class Checkpointer:
    """The last checkpoint, OUTPUT/checkpoints/last: accelerate's state plus progress.json, which is
    written last (a folder without it is incomplete). A save is written beside the last one, then
    swapped in; `recover` finishes a swap that a kill interrupted, keeping the newest complete one."""

    def __init__(self, output: Path):
        folder = output / "checkpoints"
        self.last, self.new, self.old = folder / "last", folder / ".last-new", folder / ".last-old"
        self.best = folder / "best.safetensors"

    @staticmethod
    def complete(folder: Path) -> bool:
        return (folder / STATE_FILE).exists()

    def recover(self) -> bool:
        """Put the newest complete checkpoint in place; whether there is one."""
        if self.complete(self.new):  # written in full, not swapped in (or half)
            if self.last.exists():
                shutil.rmtree(self.old, ignore_errors=True)
                os.replace(self.last, self.old)
            os.replace(self.new, self.last)
        elif not self.complete(self.last) and self.complete(self.old):  # killed between the two renames
            shutil.rmtree(self.last, ignore_errors=True)
            os.replace(self.old, self.last)
        shutil.rmtree(self.new, ignore_errors=True)
        shutil.rmtree(self.old, ignore_errors=True)
        return self.complete(self.last)

    def save(self, accelerator, state: TrainingState) -> None:
        shutil.rmtree(self.new, ignore_errors=True)
        accelerator.save_state(str(self.new))
        staged = self.new / f".{STATE_FILE}"
        staged.write_text(json.dumps(asdict(state)))
        os.replace(staged, self.new / STATE_FILE)
        if self.last.exists():
            shutil.rmtree(self.old, ignore_errors=True)
            os.replace(self.last, self.old)
        os.replace(self.new, self.last)
        shutil.rmtree(self.old, ignore_errors=True)

    def load(self, accelerator, best_by: str) -> TrainingState:
        accelerator.load_state(str(self.last))
        return TrainingState.from_json((self.last / STATE_FILE).read_text(), best_by)


class MetricsLog:
    """OUTPUT/metrics.jsonl, a line per step (with the evaluation, on evaluation steps). Lines are
    written before their checkpoint, so on resume those past it go: they will be redone."""

    def __init__(self, path: Path, main_process: bool, on_step: Callable[[dict], None] | None):
        self.path, self.main_process, self.on_step = path, main_process, on_step

    def start(self, resumed_at: int | None) -> None:
        if resumed_at is None:
            self.path.write_text("")
        elif self.path.exists():
            lines = self.path.read_text().splitlines()
            kept = [line for line in lines if line.strip() and json.loads(line).get("step", 0) <= resumed_at]
            self.path.write_text("".join(line + "\n" for line in kept))

    def write(self, entry: dict) -> None:
        if self.main_process:
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(entry) + "\n")
        if self.on_step:
            self.on_step(entry)
