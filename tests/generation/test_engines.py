"""The fast paths give the reference's drafts: the ct2 engine, --workers, accelerate launch, --resume."""

import json
import math
import shutil
import socket
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

from copygen import ModelError, generate
from copygen.cli import app
from copygen.errors import UsageError
from copygen.generation.engines.ct2_convert import ct2_model_dir as converted
from copygen.generation.models import resolve_model

ROWS = [
    {"id": "a", "name": "Desk lamp", "color": "black"},
    {"id": "b", "name": "Two person tent with aluminium poles", "features": ["1.9 kg", "waterproof"]},
    {"id": "c", "name": "Kettle"},
    {"id": "d", "name": "Oak chair", "material": "oak", "price": 120},
]
FAST = ["--num-beams", "2", "--num-variants", "2", "--max-new-tokens", "5", "--quiet"]
runner = CliRunner()


def texts(drafts):
    return [[variant.text for variant in draft.variants] for draft in drafts]


@pytest.mark.parametrize("template", ["product-description", "attributes"])
@pytest.mark.parametrize("beams, variants", [(1, 1), (4, 3)])
def test_ct2_float32_writes_what_transformers_writes(tiny_model, beams, variants, template):
    """With the tiny T5 and greedy search the engines once parted here: the transformers engine's
    n-gram ban counted the decoder's start token, so it wrote one pad fewer."""
    settings = dict(num_beams=beams, num_variants=variants, max_new_tokens=12, constrain_numbers=False, rank="model")
    settings.update(template=template)
    reference = generate(ROWS, model=str(tiny_model), engine="transformers", **settings)
    fast = generate(ROWS, model=str(tiny_model), engine="ct2", compute_type="float32", **settings)
    assert texts(fast) == texts(reference)
    for ours, theirs in zip(fast, reference):
        assert [v.score for v in ours.variants] == pytest.approx([v.score for v in theirs.variants], abs=2e-3)
    assert fast[0].params["engine"] == "ct2" and reference[0].params["engine"] == "transformers"


def test_ct2_writes_the_same_with_the_prompts_head_forwarded_once(tiny_gpt2, monkeypatch):
    """The lines before a prompt's first value (the template's instructions) are the Generator's
    static prompt, forwarded once: the drafts and scores are those of forwarding each prompt whole."""
    import ctranslate2

    import copygen.generation.engines.ct2 as ct2

    heads = []

    class Recording(ctranslate2.Generator):
        def generate_batch(self, prompts, **options):
            heads.append(options.get("static_prompt"))
            return super().generate_batch(prompts, **options)

    monkeypatch.setattr(ctranslate2, "Generator", Recording)
    settings = dict(model=str(tiny_gpt2), engine="ct2", compute_type="float32", num_beams=2, num_variants=2)
    shared = generate(ROWS, max_new_tokens=8, **settings)
    assert heads and all(head and "".join(head).endswith("Ċ") for head in heads)  # whole lines: "Ċ" is "\n"
    monkeypatch.setattr(ct2, "own_heads", lambda texts, offsets, grounding: [0] * len(texts))
    whole = generate(ROWS, max_new_tokens=8, **settings)
    assert texts(shared) == texts(whole)
    for ours, theirs in zip(shared, whole):
        assert [v.score for v in ours.variants] == pytest.approx([v.score for v in theirs.variants], abs=1e-4)


def test_ct2_keeps_banned_words_out_as_transformers_does(tiny_gpt2):
    settings = dict(num_beams=1, num_variants=1, max_new_tokens=8, engine="transformers", rank="model")
    first = generate(ROWS[:1], model=str(tiny_gpt2), **settings)  # a word the model writes, not the name
    word = first[0].variants[0].text.split()[0]
    # numbers free: digits inside a word ("oam777") are banned by ct2's number bans, not by transformers'
    settings = dict(num_beams=1, num_variants=1, max_new_tokens=8, bad_words=[word], constrain_numbers=False)
    reference = generate(ROWS[:1], model=str(tiny_gpt2), engine="transformers", **settings)
    fast = generate(ROWS[:1], model=str(tiny_gpt2), engine="ct2", compute_type="float32", **settings)
    assert texts(fast) == texts(reference)
    assert not fast[0].variants[0].text.startswith(word)


def test_ct2_int8_and_sampling_give_drafts_for_every_product(tiny_t5, tiny_gpt2):
    drafts = generate(ROWS, model=str(tiny_t5), engine="ct2", num_beams=2, num_variants=2, max_new_tokens=6)
    assert [draft.id for draft in drafts] == ["a", "b", "c", "d"]
    sampled = [
        generate(
            ROWS,
            model=str(tiny_gpt2),
            engine="ct2",
            sample=True,
            num_variants=2,
            max_new_tokens=6,
            seed=3,
            batch_size=1,
            plain_copy=False,  # the engine's variants only
        )
        for _ in range(2)
    ]
    assert texts(sampled[0]) == texts(sampled[1])  # the seed makes sampling repeatable
    assert all(1 <= len(draft.variants) <= 2 for draft in sampled[0])


def test_ct2_converts_once_and_again_when_the_model_changes(tiny_gpt2, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(tiny_gpt2, model)
    first = converted(resolve_model(str(model)))
    stamp = (first / "model.bin").stat().st_mtime_ns
    assert converted(resolve_model(str(model))) == first
    assert (first / "model.bin").stat().st_mtime_ns == stamp
    config = json.loads((model / "config.json").read_text())
    config["layer_norm_epsilon"] = 1e-6
    (model / "config.json").write_text(json.dumps(config))
    second = converted(resolve_model(str(model)))
    assert second != first and (second / "model.bin").exists()
    assert converted(resolve_model(str(model)), "float32") not in (first, second)
    assert not [path for path in first.parent.iterdir() if path.is_dir() and path.name.startswith(".")]


def test_converting_loads_the_weights_once(tiny_gpt2, tmp_path, monkeypatch):
    from transformers import PreTrainedModel

    loads = []
    load = PreTrainedModel.from_pretrained.__func__
    monkeypatch.setattr(
        PreTrainedModel, "from_pretrained", classmethod(lambda cls, *a, **k: loads.append(cls) or load(cls, *a, **k))
    )
    monkeypatch.setenv("COPYGEN_CACHE", str(tmp_path / "cache"))  # so it converts, not finds a conversion
    assert (converted(resolve_model(str(tiny_gpt2))) / "model.bin").exists()
    assert len(loads) == 1


def test_unknown_compute_type_is_a_clear_error(tiny_gpt2):
    with pytest.raises(UsageError, match="unknown ct2 compute type 'int3': use one of int8, "):
        generate(ROWS[:1], model=str(tiny_gpt2), engine="ct2", compute_type="int3")


def test_ct2_never_converts_pickled_weights(tiny_gpt2, tmp_path):
    model = tmp_path / "model"
    shutil.copytree(tiny_gpt2, model)
    (model / "model.safetensors").rename(model / "pytorch_model.bin")
    with pytest.raises(ModelError, match="has no weights: copygen loads model.safetensors"):
        converted(resolve_model(str(model)))


def test_copy_ngram_ban_ignores_the_prompt_and_renormalizes():
    import torch

    from copygen.generation.engines.transformers import copy_ngram_ban

    # prompt: 1 2 3 ... 1 2; copy so far: 5 6 7 5 6
    input_ids = torch.tensor([[1, 2, 3, 9, 1, 2, 5, 6, 7, 5, 6]])
    scores = torch.zeros(1, 10).log_softmax(-1)
    banned = copy_ngram_ban(3, start=6)(input_ids, scores)
    assert math.isinf(banned[0, 7]) and banned[0, 7] < 0  # 5 6 7 is the copy's own: banned
    assert torch.exp(banned).sum().item() == pytest.approx(1.0)
    after_prompt = copy_ngram_ban(3, start=6)(torch.tensor([[1, 2, 3, 9, 1, 2, 5, 1, 2]]), scores)
    assert torch.isfinite(after_prompt).all()  # 1 2 3 is only in the prompt: allowed


def test_cli_engine_ct2(tiny_t5):
    result = runner.invoke(
        app, ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_t5), "--engine", "ct2", *FAST]
    )
    assert result.exit_code == 0, result.stderr
    drafts = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(drafts) == 24 and drafts[0]["params"]["engine"] == "ct2"


def test_two_workers_write_what_one_process_writes_in_input_order(tiny_gpt2, tmp_path):
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), *FAST]
    one = tmp_path / "one.jsonl"
    assert runner.invoke(app, [*args, "-o", str(one)]).exit_code == 0
    two = runner.invoke(app, [*args, "--workers", "2"])  # to stdout: the shards go to a temporary folder
    assert two.exit_code == 0, two.stderr
    assert two.stdout == one.read_text(encoding="utf-8")


def test_resume_keeps_finished_drafts_and_finishes_the_rest(tiny_gpt2, tmp_path):
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), *FAST]
    full = tmp_path / "full.jsonl"
    assert runner.invoke(app, [*args, "-o", str(full)]).exit_code == 0
    lines = full.read_text(encoding="utf-8").splitlines(True)
    marked = [json.loads(line) for line in lines[:5]]
    for draft in marked:
        draft["variants"][0]["text"] = "FROM THE FIRST RUN"
    out = tmp_path / "drafts.jsonl"
    # An interrupted run: five whole drafts and half of a sixth in the partial file.
    (tmp_path / ".drafts.jsonl.partial").write_text("".join(json.dumps(d) + "\n" for d in marked) + lines[5][:40])
    result = runner.invoke(app, [*args, "-o", str(out), "--resume"])
    assert result.exit_code == 0, result.stderr
    done = out.read_text(encoding="utf-8").splitlines(True)
    assert [json.loads(line)["variants"][0]["text"] for line in done[:5]] == ["FROM THE FIRST RUN"] * 5
    assert done[5:] == lines[5:]


def test_workers_resume_each_shard(tiny_gpt2, tmp_path):
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), *FAST]
    full = tmp_path / "full.jsonl"
    assert runner.invoke(app, [*args, "-o", str(full)]).exit_code == 0
    drafts = [json.loads(line) for line in full.read_text(encoding="utf-8").splitlines()]
    # Worker 1 of 2 drafts positions 0, 2, 4, ...; it had finished three when interrupted.
    shard = [{"position": position, **drafts[position]} for position in (0, 2, 4)]
    for draft in shard:
        draft["variants"][0]["text"] = "FROM THE FIRST RUN"
    (tmp_path / "..out.jsonl.shard-1-of-2.jsonl.partial").write_text("".join(json.dumps(d) + "\n" for d in shard))
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "out.jsonl"), "--workers", "2", "--resume"])
    assert result.exit_code == 0, result.stderr
    merged = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [draft["id"] for draft in merged] == [draft["id"] for draft in drafts]
    assert [draft["variants"][0]["text"] == "FROM THE FIRST RUN" for draft in merged[:7]] == [
        True,
        False,
        True,
        False,
        True,
        False,
        False,
    ]
    assert merged[5:] == drafts[5:]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["full.jsonl", "out.jsonl"]  # shards removed


def test_workers_need_a_products_file(tiny_gpt2):
    result = runner.invoke(
        app,
        ["generate", "-", "-m", str(tiny_gpt2), "--workers", "2", *FAST],
        input=(SAMPLES / "products.jsonl").read_text(encoding="utf-8"),
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: several processes each read the products: give a file, not stdin")


def test_accelerate_launch_two_cpu_processes_merge_in_input_order(tiny_gpt2, tmp_path):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), *FAST]
    one = tmp_path / "one.jsonl"
    assert runner.invoke(app, [*args, "-o", str(one)]).exit_code == 0
    launched = tmp_path / "launched.jsonl"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "accelerate.commands.launch",
            "--multi_gpu",
            "--num_processes",
            "2",
            "--num_machines",
            "1",
            "--mixed_precision",
            "no",
            "--dynamo_backend",
            "no",
            "--main_process_port",
            str(port),
            "-m",
            "copygen",
            *args,
            "-o",
            str(launched),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert launched.read_bytes() == one.read_bytes()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["launched.jsonl", "one.jsonl"]


def test_auto_picks_ct2_for_models_it_converts_and_transformers_for_others(tiny_model, tiny_gpt2, tmp_path):
    from transformers import GPTNeoConfig, GPTNeoForCausalLM

    [draft] = generate(ROWS[:1], model=str(tiny_model), num_beams=1, num_variants=1, max_new_tokens=4)
    assert draft.params["engine"] == "ct2"
    neo = tmp_path / "gpt-neo"  # an architecture CTranslate2's converter does not know
    shutil.copytree(tiny_gpt2, neo)
    (neo / "config.json").unlink()
    (neo / "model.safetensors").unlink()
    config = GPTNeoConfig(vocab_size=600, hidden_size=32, num_layers=2, num_heads=4, attention_types=[[["global"], 2]])
    GPTNeoForCausalLM(config).save_pretrained(neo)
    [draft] = generate(ROWS[:1], model=str(neo), num_beams=1, num_variants=1, max_new_tokens=4)
    assert draft.params["engine"] == "transformers"


@pytest.fixture
def gpu_seen(monkeypatch):
    """A machine where CTranslate2 sees one GPU; patch `ct2.cublas_name` to say whether its cuBLAS loads."""
    import ctranslate2

    from copygen.generation.engines import ct2

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: 1)
    return ct2


def test_the_cublas_ct2_loads_is_read_from_its_library():
    from copygen.generation.engines.ct2 import cublas_name

    assert cublas_name() == "libcublas.so.12"  # CTranslate2 4.x wheels are built for CUDA 12


def test_a_machine_with_no_gpu_never_reads_ctranslate2s_library(monkeypatch):
    from copygen.generation.engines import ct2

    def read():
        raise AssertionError("80 ms of reading on every CPU-only run")

    monkeypatch.setattr(ct2, "cublas_name", read)
    assert ct2.usable_gpus() == 0 and ct2.ct2_device("auto") == "cpu"


def test_auto_decodes_with_ct2_on_a_gpu_it_can_use(tiny_gpt2, gpu_seen, monkeypatch):
    from copygen.generation.engines import choose_engine
    from copygen.generation.settings import GenerationSettings

    monkeypatch.setattr(gpu_seen, "cublas_name", lambda: "libc.so.6")  # a library that loads
    assert choose_engine("auto", str(tiny_gpt2), GenerationSettings()) == "ct2"
    assert gpu_seen.ct2_device("auto") == "cuda:0"
    assert gpu_seen.compute_type_for(GenerationSettings()) == "float16"


def test_a_gpu_ct2_cannot_use_goes_to_transformers_and_ct2_itself_stays_on_the_cpu(tiny_gpt2, gpu_seen, monkeypatch):
    # Seen on an H200 whose CUDA libraries were CUDA 13's: CTranslate2 saw the GPU, then its first
    # decoding failed with "Library libcublas.so.12 is not found or cannot be loaded".
    from copygen.generation.engines import choose_engine
    from copygen.generation.settings import GenerationSettings

    monkeypatch.setattr(gpu_seen, "cublas_name", lambda: "libcublas-not-on-this-machine.so.12")
    assert choose_engine("auto", str(tiny_gpt2), GenerationSettings()) == "transformers"
    assert choose_engine("auto", str(tiny_gpt2), GenerationSettings(device="cpu")) == "ct2"
    assert gpu_seen.ct2_device("auto") == "cpu"
    [draft] = generate(ROWS[:1], model=str(tiny_gpt2), engine="ct2", num_beams=1, num_variants=1, max_new_tokens=4)
    assert draft.params["engine"] == "ct2" and draft.variants


@pytest.mark.parametrize(
    "count, cublas, reason",
    [
        (1, "libcublas-not-on-this-machine.so.12", "CTranslate2 loads libcublas-not-on-this-machine.so.12 (the cuBLAS"),
        (0, "libc.so.6", "CTranslate2 sees no GPU; use --device cpu"),
    ],
)
def test_ct2_asked_for_a_gpu_it_cannot_use_is_a_one_line_error(
    tiny_gpt2, gpu_seen, monkeypatch, tmp_path, count, cublas, reason
):
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: count)
    monkeypatch.setattr(gpu_seen, "cublas_name", lambda: cublas)
    out = tmp_path / "drafts.jsonl"
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), "--engine", "ct2", "--device", "cuda"]
    result = runner.invoke(app, [*args, *FAST, "-o", str(out)])
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert f"the ct2 engine cannot decode on cuda: {reason}" in line
    assert count == 0 or line.endswith("; install it, or use --engine transformers")
    assert not out.exists()


def test_ct2_asked_for_a_gpu_that_is_not_there_is_a_one_line_error(tiny_gpt2, gpu_seen, monkeypatch, tmp_path):
    monkeypatch.setattr(gpu_seen, "cublas_name", lambda: "libc.so.6")
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), "--engine", "ct2", "--device", "cuda:1"]
    result = runner.invoke(app, [*args, *FAST, "-o", str(tmp_path / "drafts.jsonl")])
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: --device cuda:1: CTranslate2 sees 1 GPU(s) here; use --device auto or cpu"


def fresh_copy(model, folder, epsilon):
    """A copy of a model that no conversion in the cache matches (its config differs)."""
    shutil.copytree(model, folder)
    config = json.loads((folder / "config.json").read_text())
    config["layer_norm_epsilon"] = epsilon
    (folder / "config.json").write_text(json.dumps(config))
    return folder


def test_the_cli_names_its_engine_and_says_once_that_it_converts(tiny_gpt2, tmp_path):
    model = fresh_copy(tiny_gpt2, tmp_path / "model", 1e-7)
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(model), *FAST[:-1]]
    first = runner.invoke(app, [*args, "-o", str(tmp_path / "one.jsonl")])
    assert first.exit_code == 0, first.stderr
    assert first.stderr.count("converting the model for fast decoding, once:") == 1
    assert "with the ct2 engine" in first.stderr
    again = runner.invoke(app, [*args, "-o", str(tmp_path / "two.jsonl")])
    assert "converting" not in again.stderr and "with the ct2 engine" in again.stderr
    drafts = [json.loads(line) for line in (tmp_path / "two.jsonl").read_text().splitlines()]
    assert {draft["params"]["engine"] for draft in drafts} == {"ct2"}


def test_a_second_process_waits_for_a_conversion_instead_of_converting_twice(tiny_gpt2, tmp_path):
    import fcntl

    from copygen.generation.engines.ct2_convert import convert_to_ct2, folder_key
    from copygen.generation.models import cache_dir

    model = fresh_copy(tiny_gpt2, tmp_path / "model", 1e-8)
    target = cache_dir() / "ct2" / f"model-{folder_key(model, 'int8')}"
    target.parent.mkdir(parents=True, exist_ok=True)
    script = (
        "from copygen.generation.engines.ct2_convert import ct2_model_dir; "
        "from copygen.generation.models import resolve_model; "
        f"print(ct2_model_dir(resolve_model({str(model)!r}), 'int8', lambda m: print(m, flush=True)))"
    )
    with (target.parent / f".{target.name}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # this test is the process converting
        other = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        assert other.stdout.readline().strip() == "waiting for another copygen process converting the model"
        convert_to_ct2(model, str(model), "int8", target)
        fcntl.flock(lock, fcntl.LOCK_UN)
    rest = other.communicate(timeout=300)[0]
    assert other.returncode == 0
    assert "converting" not in rest and rest.strip() == str(target)  # it used the conversion it waited for


def test_the_models_auto_sends_to_ct2_are_ones_its_converter_knows():
    from ctranslate2.converters import transformers as converters
    from transformers import CONFIG_MAPPING

    from copygen.generation.engines.ct2_convert import CONVERTIBLE

    known = {name for name, config in CONFIG_MAPPING.items() if config.__name__ in converters._MODEL_LOADERS}
    assert known >= CONVERTIBLE and {"gpt2", "t5", "llama"} <= CONVERTIBLE


def test_transformers_sampling_repeats_with_its_seed_and_draws_again_with_another(tiny_gpt2):
    settings = dict(engine="transformers", sample=True, num_variants=2, max_new_tokens=8, temperature=1.5)
    first, again = (texts(generate(ROWS, model=str(tiny_gpt2), seed=3, **settings)) for _ in range(2))
    other = texts(generate(ROWS, model=str(tiny_gpt2), seed=4, **settings))
    assert first == again
    assert first != other


def test_a_failing_worker_is_one_error_line_and_leaves_no_output(tiny_gpt2, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_gpt2, broken)
    (broken / "model.safetensors").write_bytes(b"not weights")  # each worker fails to load it
    out = tmp_path / "drafts.jsonl"
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(broken), "--engine", "transformers"]
    result = runner.invoke(app, [*args, *FAST, "--workers", "2", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "cannot load the model" in result.stderr
    assert not out.exists()


TOKENIZER_TEXTS = ["Oak chair, 45 x 45 cm: £120 — café «crème»", "  two  spaces\nand a line", "ßü 日本 2.5 kg"]


@pytest.mark.parametrize("model", ["tiny_gpt2", "tiny_t5", "default"])
def test_the_ct2_engines_torch_free_tokenizer_is_the_reference_tokenizer(model, request):
    """ct2 reads config.json and tokenizer.json without AutoConfig/AutoTokenizer (they import
    torch); it must tokenize, decode and template prompts exactly as the transformers engine."""
    from transformers import AutoTokenizer

    from copygen.generation.models import load_description

    source = resolve_model(None if model == "default" else str(request.getfixturevalue(model)))
    light, reference = load_description(source, torch_free=True), load_description(source)
    assert light.architecture == reference.architecture and light.prompt_format == reference.prompt_format
    ours, theirs = light.tokenizer, AutoTokenizer.from_pretrained(source.folder)
    for text in TOKENIZER_TEXTS:
        ids = theirs(text)["input_ids"]
        assert ours(text)["input_ids"] == ids
        assert ours.decode(ids, skip_special_tokens=True) == theirs.decode(ids, skip_special_tokens=True)
    if reference.prompt_format == "chat":
        messages = [{"role": "user", "content": TOKENIZER_TEXTS[0]}]
        assert ours.apply_chat_template(messages, tokenize=False, add_generation_prompt=True) == (
            theirs.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        )


def test_generating_with_the_ct2_engine_never_imports_torch(tiny_gpt2, tmp_path):
    """torch costs seconds of start-up and hundreds of MB that CTranslate2 does not need."""
    converted(resolve_model(str(tiny_gpt2)), "int8")  # converting does import torch: done beforehand
    script = (
        "import sys; from copygen import generate; "
        f"drafts = generate([{{'id': 'a', 'name': 'Oak chair'}}], model={str(tiny_gpt2)!r}, max_new_tokens=4); "
        "print(drafts[0].params['engine'], 'torch' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.split() == ["ct2", "False"], done.stderr


def test_the_batch_size_is_the_engines_unless_asked(tiny_gpt2):
    """ct2 on a CPU decodes 2 products at a time (bigger batches only cost key/value memory there);
    transformers 8; an explicit --batch-size is kept."""
    from copygen.generation.pipeline import plan_drafts
    from copygen.generation.settings import GenerationSettings

    def batch_size(**settings):
        return plan_drafts(
            ["id", "name"], "x.csv", model=str(tiny_gpt2), settings=GenerationSettings(**settings)
        ).settings.batch_size

    assert batch_size() == 2
    assert batch_size(engine="transformers") == 8
    assert batch_size(batch_size=5) == 5
    result = runner.invoke(app, ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), "--batch-size", "-1"])
    assert result.exit_code == 2 and "--batch-size at least 0" in result.stderr


def test_the_ct2_engine_keeps_its_cpu_workers_in_one_malloc_arena(tiny_gpt2, monkeypatch):
    import copygen.generation.engines.ct2 as ct2

    calls = []
    monkeypatch.setattr(ct2, "one_malloc_arena", lambda: calls.append("arena"))
    generate(ROWS[:1], model=str(tiny_gpt2), engine="ct2", num_beams=1, num_variants=1, max_new_tokens=3)
    assert calls == ["arena"]


def test_the_ct2_engine_drafts_as_one_window_at_a_time_gives(tiny_gpt2, monkeypatch):
    """Its workers decode the next windows while a product is decoded again (see
    test_number_bans), and the drafts are the ones decoding one window at a time gives, in input order."""
    import copygen.generation.engines.ct2 as ct2
    from copygen.generation import pipeline
    from copygen.generation.engines.base import Engine

    monkeypatch.setattr(pipeline, "SORT_WINDOW_BATCHES", 1)  # windows of one batch: 2 products
    rows = [{**row, "id": f"{row['id']}{copy}"} for copy in range(2) for row in ROWS]
    settings = dict(
        model=str(tiny_gpt2), engine="ct2", num_beams=2, num_variants=2, max_new_tokens=6, batch_size=2, rank="model"
    )
    overlapped = generate(rows, **settings)
    monkeypatch.setattr(ct2.CT2Engine, "decode_windows", Engine.decode_windows)
    one_at_a_time = generate(rows, **settings)
    assert [draft.id for draft in overlapped] == [row["id"] for row in rows]
    assert texts(overlapped) == texts(one_at_a_time)


def test_the_ct2_engine_queues_one_batch_per_cpu_worker(tiny_gpt2, monkeypatch):
    """A stopped run exits once the workers have decoded every queued batch (CTranslate2 cannot
    cancel them), so on a CPU no more than one batch waits for each worker."""
    import ctranslate2

    made = []

    class Recording(ctranslate2.Generator):
        def __init__(self, *args, **kwargs):
            made.append(kwargs)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(ctranslate2, "Generator", Recording)
    monkeypatch.setenv("COPYGEN_THREADS", "3")
    generate(ROWS[:1], model=str(tiny_gpt2), engine="ct2", num_beams=1, num_variants=1, max_new_tokens=3)
    assert [(kwargs["inter_threads"], kwargs["max_queued_batches"]) for kwargs in made] == [(3, 3)]


@pytest.mark.parametrize("engine", ["transformers", "ct2"])
def test_the_engines_mark_copy_the_token_limit_cut_off_and_not_copy_that_ended(tiny_model, engine, tmp_path):
    """A model that writes its end token has finished its copy; one stopped by --max-new-tokens has
    not (the checks then flag or trim its unfinished end). Both engines tell the two apart alike."""
    from copygen.generation.engines import engine_class
    from copygen.generation.engines.ct2 import ct2_decode, load_ct2
    from copygen.generation.settings import GenerationSettings

    text = "name: Arlo side table, price: 149"
    greedy = GenerationSettings(num_beams=1, num_variants=1, max_new_tokens=6, batch_size=1, constrain_numbers=False)
    [written], _ = ct2_decode(load_ct2(resolve_model(str(tiny_model)), compute_type="float32"), [text], greedy)[0]
    end = next(token for position, token in enumerate(written) if position >= 2 and token not in written[:position])
    ending = shutil.copytree(tiny_model, tmp_path / "ending")  # the same model, told that this token ends copy
    config_path = ending / "generation_config.json"
    config = json.loads(config_path.read_text()) if config_path.exists() else {}
    config_path.write_text(json.dumps({**config, "eos_token_id": end}))
    for limit, cut_off in ((6, False), (written.index(end), True)):
        settings = GenerationSettings(
            num_beams=1,
            num_variants=1,
            max_new_tokens=limit,
            batch_size=1,
            constrain_numbers=False,
            compute_type="float32",
        )
        [variant] = engine_class(engine).load(str(ending), settings).decode([text], settings)[0]
        assert variant.cut_off is cut_off
