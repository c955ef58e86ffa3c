"""finetune on tiny T5 and GPT-2 models: the loss falls, the folder generates, resume continues."""

import json
import re
import signal
import subprocess
import sys
import time

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from copygen.cli import app
from copygen.prompts import load_template
from copygen.training.data import read_pairs
from copygen.training.loop import TrainingSettings, finetune

PAIRS = str(SAMPLES / "pairs.jsonl")
runner = CliRunner()
QUICK_DRAFTS = ["--num-beams", "2", "--num-variants", "1", "--max-new-tokens", "8", "--quiet"]


def losses(folder):
    return [json.loads(line)["loss"] for line in (folder / "metrics.jsonl").read_text().splitlines() if "loss" in line]


def test_tiny_models_learn_and_the_folder_generates(tiny_model, tmp_path):
    from copygen.generation.engines.transformers import load_transformers
    from copygen.generation.models import resolve_model
    from copygen.training.data import tokenize_pairs

    out = tmp_path / "tuned"
    summary = finetune(
        PAIRS,
        str(out),
        model=str(tiny_model),
        eval_pairs=PAIRS,
        settings=TrainingSettings(
            full=True, learning_rate=3e-3, max_steps=24, batch_size=4, eval_every=12, eval_sample=4
        ),
    )
    assert summary["steps"] == 24
    # 24 steps of 4 pairs are four passes over the 24 pairs: their real tokens (inputs, and T5's targets) four times
    loaded = load_transformers(resolve_model(str(tiny_model)))
    loaded.manifest = {}
    seq2seq = loaded.architecture == "seq2seq"
    examples = tokenize_pairs(read_pairs(PAIRS, TrainingSettings(), load_template("attributes")), loaded, 256)
    assert summary["tokens"] == 4 * sum(len(e["input_ids"]) + (len(e["labels"]) if seq2seq else 0) for e in examples)
    assert summary["tokens_per_second"] == pytest.approx(
        summary["tokens"] / summary["seconds"], rel=0.06 / summary["seconds"] + 1e-3
    )
    curve = losses(out)
    assert sum(curve[-4:]) / 4 < sum(curve[:4]) / 4 - 0.2, curve
    record = json.loads((out / "copygen.json").read_text())
    assert record["template_name"] == "attributes"
    assert [
        json.loads(line).get("bleu") is not None for line in (out / "metrics.jsonl").read_text().splitlines()
    ].count(True) == 2
    result = runner.invoke(
        app,
        [
            "generate",
            str(SAMPLES / "products.csv"),
            "-m",
            str(out),
            *QUICK_DRAFTS,
        ],
    )
    assert result.exit_code == 0, result.stderr
    drafts = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(drafts) == 24
    assert drafts[0]["template"] == "attributes"  # the template it was trained with


def test_lora_is_the_default_for_causal_models_and_merges_into_plain_weights(tiny_gpt2, tmp_path):
    from safetensors import safe_open

    out = tmp_path / "lora"
    result = runner.invoke(
        app,
        [
            "finetune",
            "--train",
            PAIRS,
            "-m",
            str(tiny_gpt2),
            "-o",
            str(out),
            "--max-steps",
            "3",
            "--batch-size",
            "8",
            "--bf16",
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["steps"] == 3
    assert json.loads((out / "copygen.json").read_text())["lora"] is True
    assert (out / "model.safetensors").exists() and not (out / "adapter_config.json").exists()
    with safe_open(str(out / "model.safetensors"), "pt") as weights:  # trained on a bf16 base, saved as fp32
        assert {str(weights.get_tensor(name).dtype) for name in weights.keys()} == {"torch.float32"}


def test_duplicate_pairs_are_dropped_and_prompts_use_the_generate_template():
    template = load_template("attributes")
    pairs = read_pairs(PAIRS, TrainingSettings(), template)
    assert len(pairs) == 24
    assert pairs[0].prompt.startswith("name: Harbor Pour-Over Coffee Kettle | brand: Fernwell")
    assert "copy:" not in pairs[0].prompt and "SKU-1001" not in pairs[0].prompt


def test_resume_continues_after_a_kill(tiny_gpt2, tmp_path):
    out = tmp_path / "run"
    command = [
        sys.executable,
        "-m",
        "copygen",
        "finetune",
        "--train",
        PAIRS,
        "-m",
        str(tiny_gpt2),
        "-o",
        str(out),
        "--max-steps",
        "100000",
        "--batch-size",
        "2",
        "--eval-every",
        "5",
        "--full",
        "--quiet",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    while time.time() < deadline and not (out / "checkpoints" / "last" / "progress.json").exists():
        time.sleep(0.2)
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "--resume" in stderr
    stopped_at = json.loads((out / "checkpoints" / "last" / "progress.json").read_text())["step"]
    assert stopped_at >= 5
    result = runner.invoke(
        app,
        [
            "finetune",
            "--train",
            PAIRS,
            "-m",
            str(tiny_gpt2),
            "-o",
            str(out),
            "--max-steps",
            str(stopped_at + 4),
            "--batch-size",
            "2",
            "--full",
            "--resume",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert f"Resuming at step {stopped_at}" in result.stderr
    steps = [json.loads(line)["step"] for line in (out / "metrics.jsonl").read_text().splitlines()]
    assert steps == list(range(1, stopped_at + 5))
    assert json.loads(result.stdout)["steps"] == stopped_at + 4


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--train", PAIRS, "--target-column", "blurb"],
            'has no target column "blurb" (--target-column); its columns are: id, name',
        ),
        (["--train", "EMPTY"], "is empty"),
        (["--train", PAIRS, "-m", "./no-such-base"], "no model folder at ./no-such-base"),
    ],
)
def test_bad_finetune_input_is_a_one_line_error(args, message, tmp_path):
    (tmp_path / "empty.jsonl").write_text("")
    args = [str(tmp_path / "empty.jsonl") if a == "EMPTY" else a for a in args]
    result = runner.invoke(app, ["finetune", *args, "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_output_folder_is_not_replaced_without_force(tiny_gpt2, tmp_path):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    result = runner.invoke(app, ["finetune", "--train", PAIRS, "-m", str(tiny_gpt2), "-o", str(out)])
    assert result.exit_code == 1
    assert "pass --force" in result.stderr
    assert (out / "keep.txt").read_text() == "mine"


def test_training_loss_on_copy_positions_equals_the_full_model_loss(tiny_gpt2):
    """Logits are computed only from the batch's first copy token on; the loss must not change."""
    import torch

    from copygen.generation.engines.transformers import load_transformers
    from copygen.generation.models import resolve_model
    from copygen.training.data import collate, length_batches, tokenize_pairs
    from copygen.training.loss import training_loss

    loaded = load_transformers(resolve_model(str(tiny_gpt2)))
    loaded.manifest = {}
    pairs = read_pairs(PAIRS, TrainingSettings(), load_template("attributes"))
    examples = tokenize_pairs(pairs, loaded, 256)
    for indices in length_batches(examples, 5, 0)[:3]:
        batch = collate(examples, indices, loaded.tokenizer.pad_token_id)
        with torch.no_grad():
            assert float(training_loss(loaded.model, batch, seq2seq=False)) == pytest.approx(
                float(loaded.model(**batch).loss), rel=1e-5
            )


def test_evaluation_bleu_uses_every_copy_of_an_input_as_a_reference(tiny_gpt2, monkeypatch):
    from copygen.generation.engines.transformers import TransformersEngine, load_transformers
    from copygen.generation.models import resolve_model
    from copygen.io.drafts import Variant
    from copygen.training.data import Pair
    from copygen.training.evaluation import decode_scores
    from copygen.training.settings import evaluation_decoding

    loaded = load_transformers(resolve_model(str(tiny_gpt2)))
    pairs = [
        Pair("a1", {"name": "Aria"}, "name: Aria", "Aria is a quiet cafe by the river with cheap food."),
        Pair("a2", {}, "name: Aria", "By the river, the Aria cafe serves cheap food in a quiet room."),
        Pair(
            "b1",
            {"name": "Bolt", "food": "French"},
            "name: Bolt",
            "Bolt is a loud pub in the city centre serving English food.",
        ),
        Pair("c1", {}, "name: Cove", "Cove is not decoded: it is past the sample."),
    ]
    decoded = []

    used = []

    def stub(engine, texts, settings, on_batch=None):
        decoded.extend(texts)
        used.append(settings)
        return [
            [Variant(text="By the river, the Aria cafe serves cheap food in a quiet room.", score=0.0)]
            if "Aria" in text
            else [Variant(text="Bolt is a loud pub in the city centre serving English food.", score=0.0)]
            for text in texts
        ]

    monkeypatch.setattr(TransformersEngine, "decode", stub)
    decoding = evaluation_decoding()
    assert (decoding.num_beams, decoding.num_variants, decoding.max_new_tokens, decoding.batch_size) == (4, 1, 80, 16)
    decoding.num_beams = 2
    scores = decode_scores(loaded.model, loaded, pairs, 2, decoding)
    assert used == [decoding]  # decoded as the settings say
    assert len(decoded) == 2 and not any("Cove" in text for text in decoded)
    assert scores["bleu"] == pytest.approx(100.0) and scores["rougeL"] == pytest.approx(100.0)
    assert scores["untrue"] == 50.0  # "English" for a French pub, one of the two inputs decoded


def test_samples_to_model_to_drafts_to_scores_in_three_commands(tiny_gpt2, tmp_path):
    """The README's three commands: finetune on samples/, generate with the folder, evaluate."""
    model, drafts = tmp_path / "my-model", tmp_path / "drafts.jsonl"
    steps = [
        ["finetune", "--train", PAIRS, "-m", str(tiny_gpt2), "-o", str(model), "--max-steps", "4", "--quiet"],
        [
            "generate",
            str(SAMPLES / "products.csv"),
            "-m",
            str(model),
            "-o",
            str(drafts),
            "--num-beams",
            "3",
            "--max-new-tokens",
            "12",
            "--quiet",
        ],
        ["evaluate", str(drafts), "--refs", str(SAMPLES / "references.jsonl"), "--json"],
    ]
    for args in steps:
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args[0], result.stderr)
    scores = json.loads(result.stdout)
    assert scores["items"] == 24 and "rougeL" in scores["metrics"]
    # the BLEU of the drafts as written, computed by sacrebleu itself against the two references of each
    import sacrebleu

    texts = {draft["id"]: draft["variants"][0]["text"] for draft in map(json.loads, drafts.read_text().splitlines())}
    references = {row["id"]: row["references"] for row in map(json.loads, (SAMPLES / "references.jsonl").open())}
    ids = sorted(texts)
    streams = [[references[i][k] for i in ids] for k in range(2)]
    expected = sacrebleu.corpus_bleu([texts[i] for i in ids], streams).score
    assert scores["metrics"]["bleu"]["score"] == pytest.approx(expected, abs=0.01)


def test_progress_bar_shows_the_loss_and_ends_at_the_time_budget():
    import io

    from rich.console import Console

    from copygen.cli import progress_bar
    from copygen.cli.finetune import show_step

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with progress_bar(console, "{task.description}") as bar:
        task = bar.add_task("Training", total=None)
        # 10 minutes spent on 50 steps of a 60-minute budget: about 300 steps fit, not the 23,000 asked.
        show_step(bar, task, {"step": 50, "total_steps": 23000, "loss": 1.2345, "seconds": 600.0}, 60)
        bar.refresh()
        assert bar.tasks[0].total == 300
        evaluated = {
            "step": 60,
            "total_steps": 300,
            "eval_loss": 0.91,
            "bleu": 41.2,
            "rougeL": 55.0,
            "untrue": 12.5,
            "best": True,
        }
        show_step(bar, task, evaluated, 60, console)
    assert "loss 1.234" in screen.getvalue() and "50/300" in screen.getvalue()
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())  # without the terminal's colours
    assert "step 60: eval loss 0.91, BLEU 41.2, ROUGE-L 55.0, untrue 12.5% (best)" in plain


def test_lora_trained_on_a_bf16_base_is_merged_in_fp32(tiny_gpt2, tmp_path):
    """Merging into bf16 weights would round most of the LoRA update away."""
    import copy

    import torch
    from peft import LoraConfig, get_peft_model
    from safetensors.torch import load_file

    from copygen.generation.engines.transformers import load_transformers
    from copygen.generation.models import resolve_model
    from copygen.training.export import save_model_folder

    loaded = load_transformers(resolve_model(str(tiny_gpt2)))
    loaded.manifest = {}
    network = get_peft_model(
        loaded.model.to(torch.bfloat16), LoraConfig(r=4, lora_alpha=4, target_modules="all-linear")
    )
    for name, parameter in network.named_parameters():
        if "lora_B" in name:
            torch.nn.init.normal_(parameter, std=1e-3)  # a small update, as after training
    expected = copy.deepcopy(network).float().merge_and_unload().state_dict()
    (tmp_path / "out").mkdir()
    save_model_folder(network, loaded, tmp_path / "out", TrainingSettings(full=False))
    saved = load_file(str(tmp_path / "out" / "model.safetensors"))
    changed = [name for name in saved if name.endswith("c_attn.weight")]
    assert changed and all(torch.allclose(saved[name], expected[name], rtol=0, atol=1e-7) for name in changed)


def test_a_prompt_depends_only_on_its_own_product(tmp_path):
    """Attributes keep the product's own order: a training file and a products file that list
    other products first must still give the same prompt for the same product."""
    aria = {"id": "a", "name": "Aria", "food": "Thai", "area": "city centre", "copy": "Aria serves Thai food in town."}
    bolt = {"id": "b", "name": "Bolt", "area": "riverside", "food": "English", "copy": "Bolt is an English place."}
    prompts = []
    for order in ([aria, bolt], [bolt, aria]):
        path = tmp_path / f"pairs-{order[0]['id']}.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in order))
        prompts.append(
            {pair.id: pair.prompt for pair in read_pairs(str(path), TrainingSettings(), load_template("attributes"))}
        )
    assert prompts[0] == prompts[1]
    assert prompts[0]["a"] == "name: Aria | food: Thai | area: city centre"
    assert prompts[0]["b"] == "name: Bolt | area: riverside | food: English"


@pytest.mark.parametrize("best_by, kept", [("loss", 3), ("bleu", 1)])
def test_the_kept_step_is_chosen_by_eval_loss_unless_asked_for_bleu(tiny_gpt2, tmp_path, monkeypatch, best_by, kept):
    """Eval loss falls at every evaluation while the sampled BLEU peaks first: each choice keeps its own step."""
    import copygen.training.loop as module

    losses_seen, bleus_seen = iter([3.0, 2.0, 1.0]), iter([50.0, 40.0, 30.0])
    monkeypatch.setattr(module, "eval_loss", lambda *args: next(losses_seen))
    monkeypatch.setattr(module, "decode_scores", lambda *args: {"bleu": next(bleus_seen), "rougeL": 0.0})
    out = tmp_path / best_by
    summary = finetune(
        PAIRS,
        str(out),
        model=str(tiny_gpt2),
        eval_pairs=PAIRS,
        settings=TrainingSettings(max_steps=3, batch_size=8, eval_every=1, best_by=best_by),
    )
    assert summary["best_step"] == kept
    assert summary[f"best_{'eval_loss' if best_by == 'loss' else 'bleu'}"] == (1.0 if best_by == "loss" else 50.0)
    marked = [
        entry["step"]
        for entry in map(json.loads, (out / "metrics.jsonl").read_text().splitlines())
        if entry.get("best")
    ]
    assert marked[-1] == kept


def test_an_evaluation_sample_of_nothing_is_refused(tmp_path):
    result = runner.invoke(
        app, ["finetune", "--train", PAIRS, "-o", str(tmp_path / "m"), "--eval", PAIRS, "--eval-sample", "0"]
    )
    assert result.exit_code == 2 and "--eval-sample" in result.stderr
    assert not (tmp_path / "m").exists()
