"""Issue #7, beyond the reader: hostile product values and templates, interrupted runs, full
disks, refused overwrites, broken model folders and closed pipes all end in one clear line
(or in correct handling), with nothing lost and no traceback."""

import csv
import errno
import html
import io
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SAMPLES
from typer.testing import CliRunner

from copygen.cli import app
from copygen.errors import OutputError, TemplateError
from copygen.io.drafts import CSV_COLUMNS, FORMULA_STARTS, DraftWriter, cell_value, draft_as_csv, partial_path
from copygen.prompts import load_template, render_prompt

FAST = ["--num-beams", "1", "--num-variants", "1", "--max-new-tokens", "4", "--quiet"]
runner = CliRunner()

HOSTILE = [
    {
        "id": '=HYPERLINK("http://evil.example","click")',
        "name": "{{ 7*7 }}",
        "features": "{% for x in range(10**9) %}x{% endfor %}",
    },
    {"id": "+1", "name": "<script>alert(1)</script> lamp", "color": "[click](javascript:alert(1))"},
    {"id": "-2", "name": "@SUM(A1)", "color": "![pixel](http://evil.example/p.png) *bold* `code` &lt;b&gt;"},
    {"id": "@3", "name": "Tent", "material": "{{ cycler.__init__.__globals__ }}"},
    {"id": "'4", "name": "Quote first"},
]


@pytest.fixture(autouse=True)
def no_library_progress_bars():
    """The CLI turns transformers' progress bars off before importing it; in this process it
    was imported earlier (by the tiny model fixtures), so turn them off here."""
    from transformers.utils import logging

    was_on = logging.is_progress_bar_enabled()
    logging.disable_progress_bar()
    yield
    if was_on:
        logging.enable_progress_bar()


def one_line_error(result, start: str) -> str:
    """The stderr of a failed command, checked to be a single `Error: ...` line."""
    assert result.exit_code == 1, (result.exit_code, result.stdout, result.stderr)
    assert result.stderr.startswith(start), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.strip()


@pytest.fixture(scope="module")
def hostile_products(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in HOSTILE), encoding="utf-8")
    return path


# --- hostile content ---------------------------------------------------------------------------


def test_jinja_in_product_values_is_data_never_code():
    template = load_template("product-description")
    prompt = render_prompt(template, HOSTILE[0], product_id="x", exclude=["id"])
    assert "- name: {{ 7*7 }}" in prompt and "49" not in prompt
    assert "- features: {% for x in range(10**9) %}x{% endfor %}" in prompt
    assert "{{ cycler.__init__.__globals__ }}" in render_prompt(template, HOSTILE[3], product_id="y")


def test_jinja_in_product_values_comes_out_literally_in_drafts(hostile_products, tiny_gpt2):
    result = runner.invoke(app, ["generate", str(hostile_products), "-m", str(tiny_gpt2), *FAST])
    assert result.exit_code == 0, result.stderr
    drafts = [json.loads(line) for line in result.stdout.splitlines()]
    assert [draft["id"] for draft in drafts] == [row["id"] for row in HOSTILE]
    assert [draft["attributes"] for draft in drafts] == HOSTILE


@pytest.mark.parametrize(
    "source, message",
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "access to attribute '__class__' of 'str' object is unsafe"),
        ("{{ cycler.__init__.__globals__ }}", "access to attribute '__init__' of 'type' object is unsafe"),
        (
            "{{ lipsum.__globals__['os'].popen('id').read() }}",
            "access to attribute '__globals__' of 'function' object is unsafe",
        ),
        ("{{ self.__init__.__globals__ }}", "access to attribute '__init__' of 'TemplateReference' object is unsafe"),
        ("{{ name.format.__globals__ }}", "access to attribute '__globals__'"),
        ('{{ "{0.__class__}".format(name) }}', "access to attribute '__class__' of 'str' object is unsafe"),
    ],
)
def test_templates_cannot_reach_python_internals(source, message):
    template = load_template("evil", source=source)
    with pytest.raises(TemplateError, match="tried something unsafe and was stopped") as caught:
        render_prompt(template, {"name": "Tent"}, product_id="P1")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    "source, message",
    [
        (
            "{% for x in range(10**9) %}{{ x }}{% endfor %}",
            "OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).",
        ),
        ("{{ 1 / 0 }}", "ZeroDivisionError: division by zero"),
    ],
)
def test_template_runtime_failures_are_template_errors(source, message):
    with pytest.raises(TemplateError) as caught:
        render_prompt(load_template("t", source=source), {"name": "Tent"}, product_id="P1")
    assert str(caught.value) == f"template t, product P1: {message}"


@pytest.mark.parametrize(
    "source", ["{{ cycler.__init__.__globals__ }}", "{% for x in range(10**9) %}{{ x }}{% endfor %}"]
)
def test_unsafe_template_is_a_one_line_error_on_the_command_line(source, tiny_gpt2, tmp_path):
    template = tmp_path / "evil.j2"
    template.write_text(source, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        ["generate", str(SAMPLES / "products.csv"), "-t", str(template), "-m", str(tiny_gpt2), "-o", str(out), *FAST],
    )
    one_line_error(result, f"Error: template {template}")
    assert sorted(os.listdir(tmp_path)) == ["evil.j2"]


def test_csv_drafts_neutralize_formula_injection(hostile_products, tiny_gpt2):
    result = runner.invoke(app, ["generate", str(hostile_products), "-m", str(tiny_gpt2), "-f", "csv", *FAST])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == list(CSV_COLUMNS)
    ids = list(dict.fromkeys(row[0] for row in rows[1:]))  # a row per variant
    assert ids == [f"'{row['id']}" for row in HOSTILE]
    assert [cell_value(cell) for cell in ids] == [row["id"] for row in HOSTILE]


@pytest.mark.parametrize("start", [*FORMULA_STARTS, "'"])
def test_csv_cells_starting_like_a_formula_show_as_text(start):
    value = f"{start}cmd|' /C calc'!A0\r=1+1\n@SUM(A1)"  # a bare CR or LF must not start a row either
    draft = {
        "id": value,
        "template": value,
        "model": value,
        "attributes": {},
        "variants": [{"text": value, "score": -0.5}, {"text": "plain copy", "score": -0.7}],
    }
    rows = list(csv.reader(io.StringIO(draft_as_csv(draft), newline="")))
    assert len(rows) == 2
    for row in rows:
        for cell in (row[0], row[2], row[4], row[5]):
            assert not cell.startswith(FORMULA_STARTS), cell
            assert cell_value(cell) in (value, "plain copy")
    assert [row[3] for row in rows] == ["-0.5", "-0.7"]  # numbers stay numbers


def rendered_markdown(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def test_markdown_drafts_show_product_text_as_text(hostile_products, tiny_gpt2):
    result = runner.invoke(app, ["generate", str(hostile_products), "-m", str(tiny_gpt2), "-f", "markdown", *FAST])
    assert result.exit_code == 0, result.stderr
    page = rendered_markdown(result.stdout)
    tags = set(re.findall(r"</?([a-z0-9]+)", page))
    assert tags <= {"h2", "ul", "li", "strong", "ol", "em", "p", "br"}, tags
    visible = html.unescape(re.sub(r"<[^>]+>", "", page))
    for row in HOSTILE:
        for value in row.values():
            assert value in visible, value


def test_markdown_variant_lines_cannot_start_headings_or_lists():
    from copygen.io.drafts import draft_as_markdown

    text = "# Big claim\n1. first\n- dash <img src=x onerror=alert(1)>\n==="
    page = rendered_markdown(
        draft_as_markdown({"id": "P1", "attributes": {"name": "Lamp"}, "variants": [{"text": text, "score": -1.0}]})
    )
    assert "<h1>" not in page and "<img" not in page and "<hr" not in page
    assert page.count("<li>") == 2  # the name, and the one variant
    assert text in html.unescape(re.sub(r"<[^>]+>", "", page))


def test_skip_messages_print_brackets_as_text(tmp_path, tiny_gpt2):
    products = tmp_path / "p.csv"
    products.write_text("id,name\n[/bold],Lamp\n[/bold],Other\n[red]x,Tent\n", encoding="utf-8")
    result = runner.invoke(app, ["generate", str(products), "-m", str(tiny_gpt2), "--skip-bad-rows", *FAST[:-1]])
    assert result.exit_code == 0, result.stderr
    assert (
        f'skipped {products}, line 3: duplicate id "[/bold]" (first on line 2); ids must be unique\n' in result.stderr
    )
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["[/bold]", "[red]x"]


# --- interrupted runs and --resume -------------------------------------------------------------


def whole_json_lines(path):
    data = path.read_bytes()
    assert data.endswith(b"\n"), data[-200:]
    return [json.loads(line)["id"] for line in data.decode("utf-8").split("\n")[:-1]]


def csv_ids(text):
    """The products of drafts CSV, in order: a row per variant (plain copy adds one)."""
    return list(dict.fromkeys(cell_value(row[0]) for row in csv.reader(io.StringIO(text))))[1:]


@pytest.mark.parametrize("signum, fmt", [(signal.SIGTERM, "jsonl"), (signal.SIGINT, "csv")])
def test_a_killed_generate_leaves_a_resumable_prefix(signum, fmt, tiny_gpt2, tmp_path):
    products = tmp_path / "products.jsonl"
    ids = [f"P{number:03d}" for number in range(128)]
    products.write_text("".join(json.dumps({"id": i, "name": f"Lamp {i}", "color": "red"}) + "\n" for i in ids))
    out = tmp_path / f"out.{fmt}"
    previous = "previous run\n"
    if fmt == "jsonl":
        out.write_text(previous)
    partial = partial_path(out)
    # batch size 1: drafts land in windows of 8, so the run is still going when the first window is in;
    # 128 products, as 32 could all be drafted (1.2 s) between two looks at the partial file
    args = [
        "generate",
        str(products),
        "-m",
        str(tiny_gpt2),
        "-o",
        str(out),
        "-f",
        fmt,
        "--batch-size",
        "1",
        *FAST[:-1],
        "--force",
    ]
    process = subprocess.Popen(
        [sys.executable, "-m", "copygen", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        if partial.exists() and partial.read_bytes().count(b"\n") >= 3:
            break
        time.sleep(0.02)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert f"saved in {partial}; run the same command with --resume to finish" in stderr
    assert (out.read_text() == previous) if fmt == "jsonl" else not out.exists()
    if fmt == "jsonl":
        done = whole_json_lines(partial)
    else:
        assert partial.read_text().endswith("\n")
        done = csv_ids(partial.read_text())
    assert 1 <= len(done) < len(ids) and done == ids[: len(done)]

    again = runner.invoke(app, args[:-1])  # neither --force nor --resume: the partial is not thrown away
    expected = f"Error: {out} exists: pass --force" if fmt == "jsonl" else f"Error: {partial} holds an interrupted run"
    one_line_error(again, expected)
    resumed = runner.invoke(app, [*args[:-1], "--resume"])
    assert resumed.exit_code == 0, resumed.stderr
    assert not partial.exists()
    final = whole_json_lines(out) if fmt == "jsonl" else csv_ids(out.read_text())
    assert final == ids  # every product once, in input order
    finished = runner.invoke(app, [*args[:-1], "--resume"])
    one_line_error(finished, f"Error: {out} is already complete; pass --force to generate it again")


def draft(product_id, texts):
    return {
        "id": product_id,
        "line": 1,
        "attributes": {"name": "x"},
        "template": "t",
        "model": "m",
        "variants": [{"text": text, "score": -1.0} for text in texts],
    }


def test_a_run_interrupted_before_its_first_draft_says_nothing_was_saved(tiny_gpt2, tmp_path, monkeypatch):
    import copygen.generation.run as run

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
        yield

    monkeypatch.setattr(run, "draft_products", interrupted)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), "-o", str(out), *FAST]
    )
    assert result.exit_code == 130
    assert result.stderr.strip() == "Interrupted before the first draft: nothing was saved"
    assert not out.exists() and not partial_path(out).exists()


def test_csv_resume_after_a_cut_anywhere_keeps_each_draft_once(tmp_path):
    """A draft is several CSV rows and search-ad copy spans lines inside quotes: wherever a
    write was cut, --resume drops the unfinished draft and finishes without duplicates."""
    drafts = [draft(i, [f"Headline: {i}\nDescription: d", "short"]) for i in ("=A", "'B", "C")]
    out = tmp_path / "out.csv"
    with DraftWriter(str(out), "csv") as writer:
        writer.write_all(drafts)
        writer.commit()
    whole = out.read_text()
    for cut in range(len(whole) + 1):
        partial = partial_path(out)
        partial.write_text(whole[:cut])
        out.unlink(missing_ok=True)
        with DraftWriter(str(out), "csv", resume=True) as writer:
            writer.write_all(d for d in drafts if d["id"] not in writer.done)
            writer.commit()
        assert out.read_text() == whole, cut


def test_jsonl_resume_keeps_whole_lines_and_text_with_line_separators(tmp_path):
    drafts = [draft(i, [f"one\u2028two\x85three {i}"]) for i in ("a", "b", "c")]
    out = tmp_path / "out.jsonl"
    with DraftWriter(str(out), "jsonl") as writer:
        writer.write_all(drafts)
        writer.commit()
    whole = out.read_bytes()
    for cut in range(len(whole) + 1):
        partial_path(out).write_bytes(whole[:cut])
        out.unlink()
        with DraftWriter(str(out), "jsonl", resume=True) as writer:
            writer.write_all(d for d in drafts if d["id"] not in writer.done)
            writer.commit()
        assert out.read_bytes() == whole, cut


def test_a_partial_that_is_not_drafts_is_a_clear_error(tmp_path):
    out = tmp_path / "out.jsonl"
    partial_path(out).write_text('{"id": "a"}\nnot json\n')
    with pytest.raises(OutputError, match=r"line 2 is not a draft: delete the file to start over"):
        DraftWriter(str(out), "jsonl", resume=True)
    assert partial_path(out).read_text() == '{"id": "a"}\nnot json\n'


@pytest.mark.skipif(os.name != "posix", reason="a run locks its partial file with POSIX flock")
@pytest.mark.parametrize("how", [{"resume": True}, {"force": True}])
def test_a_second_run_on_an_output_being_written_stops_and_leaves_the_first_whole(tmp_path, how):
    """A --resume (or --force) in another terminal while a run still writes the same output stops
    with an error; it neither writes into the first run's file nor throws it away."""
    out = tmp_path / "out.jsonl"
    with DraftWriter(str(out), "jsonl") as first:
        first.write(draft("a", ["one"]))
        with pytest.raises(OutputError, match=f"^{re.escape(str(out))} is being written by another copygen run"):
            DraftWriter(str(out), "jsonl", **how)
        first.write(draft("b", ["two"]))
        first.commit()
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]
    with DraftWriter(str(out), "jsonl", force=True) as again:  # once it is done, the output is free
        again.write(draft("c", ["three"]))
        again.commit()
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["c"]


def test_a_run_refused_before_it_writes_leaves_the_partial_free(tmp_path):
    """A run that stops on its own error lets go of the partial file at once, not when collected."""
    out = tmp_path / "out.md"
    partial_path(out).write_text("# drafts\n")
    with pytest.raises(OutputError, match="markdown output cannot be continued") as refused:
        DraftWriter(str(out), "markdown", resume=True)
    with DraftWriter(str(out), "markdown", force=True) as writer:  # `refused` still holds the failed run
        writer.write(draft("a", ["one"]))
        writer.commit()
    assert "one" in out.read_text() and refused.traceback


# --- full disks --------------------------------------------------------------------------------


def test_a_full_disk_reports_and_keeps_the_previous_output(tiny_gpt2, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n")
    partial_path(out).symlink_to("/dev/full")  # every write there fails with ENOSPC
    result = runner.invoke(
        app, ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), "-o", str(out), "--force", *FAST]
    )
    message = one_line_error(result, f"Error: writing {partial_path(out)} failed: No space left on device; ")
    assert message.endswith("the previous output is untouched, and --resume continues once there is room")
    assert out.read_text() == "previous run\n"
    assert not partial_path(out).exists()  # nothing reached the disk: nothing to resume


def test_disk_filling_up_midway_keeps_the_drafts_so_far_for_resume(tiny_gpt2, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    args = ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), "-o", str(out), *FAST]
    opened = DraftWriter.__init__

    class FillingDisk:
        """The partial file's handle: the 4th draft fills the disk, half written."""

        def __init__(self, handle):
            self.handle, self.drafts = handle, 0

        def write(self, text):
            self.drafts += 1
            if self.drafts == 4:
                self.handle.write(text[: len(text) // 2])
                self.handle.flush()
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.handle.write(text)

        def __getattr__(self, name):
            return getattr(self.handle, name)

    def open_on_a_small_disk(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        self.handle = FillingDisk(self.handle)

    monkeypatch.setattr(DraftWriter, "__init__", open_on_a_small_disk)
    result = runner.invoke(app, args)
    one_line_error(result, f"Error: writing {partial_path(out)} failed: No space left on device; the previous output")
    assert not out.exists()
    assert not partial_path(out).read_bytes().endswith(b"\n")  # a draft cut in half
    monkeypatch.setattr(DraftWriter, "__init__", opened)
    resumed = runner.invoke(app, [*args, "--resume"])
    assert resumed.exit_code == 0, resumed.stderr
    expected = [json.loads(line)["id"] for line in (SAMPLES / "products.jsonl").read_text().splitlines()]
    assert whole_json_lines(out) == expected


def test_a_full_stdout_is_a_one_line_error(tiny_gpt2):
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "copygen", "generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), *FAST],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 1
    assert done.stderr == "Error: writing stdout failed: No space left on device\n"


# --- refused overwrites ------------------------------------------------------------------------


def test_generate_does_not_overwrite_without_force(tiny_gpt2, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("mine\n")
    result = runner.invoke(
        app, ["generate", str(SAMPLES / "products.csv"), "-m", str(tiny_gpt2), "-o", str(out), *FAST]
    )
    one_line_error(result, f"Error: {out} exists: pass --force to overwrite it, or --resume to continue a run")
    assert out.read_text() == "mine\n"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_finetune_output_that_is_a_file_is_refused(tiny_gpt2, tmp_path):
    out = tmp_path / "model"
    out.write_text("mine\n")
    for extra in ([], ["--force"]):
        result = runner.invoke(
            app,
            [
                "finetune",
                "--train",
                str(SAMPLES / "pairs.jsonl"),
                "-m",
                str(tiny_gpt2),
                "-o",
                str(out),
                "--max-steps",
                "1",
                *extra,
            ],
        )
        one_line_error(result, f"Error: {out} is a file: --output takes a folder for the fine-tuned model")
        assert out.read_text() == "mine\n"


# --- broken model folders ----------------------------------------------------------------------


def broken_copy(source, target, *, leave_out=(), weights=None):
    target.mkdir()
    for path in source.iterdir():
        if path.name not in leave_out:
            (target / path.name).write_bytes(path.read_bytes())
    if weights is not None:
        (target / "model.safetensors").write_bytes(weights(source / "model.safetensors"))
    return target


@pytest.mark.parametrize(
    "case, message",
    [
        ("no config.json", "{m} is not a model folder: it has no config.json"),
        ("no weights", "{m} has no weights: copygen loads model.safetensors (or its shards), never pickled .bin files"),
        (
            "no tokenizer",
            "{m} has no tokenizer (tokenizer.json, or vocab files such as vocab.json or spiece.model): "
            "copy them from the model it was trained from",
        ),
        (
            "truncated weights",
            "cannot load the model in {m}: its weights file is damaged or incomplete (Error while "
            "deserializing header: incomplete metadata, file not fully covered); copy or download it again",
        ),
        (
            "random bytes",
            "cannot load the model in {m}: its weights file is damaged or incomplete (Error while "
            "deserializing header: header too large); copy or download it again",
        ),
        (
            "another model's weights",
            "cannot load the model in {m}: its weights do not fit its config.json "
            "(29 tensors missing, e.g. lm_head.weight)",
        ),
        (
            "weights of the wrong shape",
            "cannot load the model in {m}: its weights do not fit its config.json (tensors of the wrong shape)",
        ),
    ],
)
def test_broken_model_folders_are_one_line_errors(case, message, tiny_gpt2, tiny_t5, tmp_path):
    folder = tmp_path / "model"
    if case == "no config.json":
        broken_copy(tiny_gpt2, folder, leave_out={"config.json"})
    elif case == "no weights":
        broken_copy(tiny_gpt2, folder, leave_out={"model.safetensors"})
    elif case == "no tokenizer":
        broken_copy(tiny_gpt2, folder, leave_out={"tokenizer.json", "tokenizer_config.json"})
    elif case == "truncated weights":
        broken_copy(tiny_gpt2, folder, weights=lambda path: path.read_bytes()[: path.stat().st_size // 2])
    elif case == "random bytes":
        broken_copy(tiny_gpt2, folder, weights=lambda path: os.urandom(4096))
    elif case == "another model's weights":
        broken_copy(tiny_gpt2, folder, weights=lambda path: (tiny_t5 / "model.safetensors").read_bytes())
    else:
        broken_copy(tiny_gpt2, folder)
        config = json.loads((folder / "config.json").read_text())
        (folder / "config.json").write_text(json.dumps({**config, "vocab_size": config["vocab_size"] + 5}))
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["generate", str(SAMPLES / "products.csv"), "-m", str(folder), "-o", str(out), *FAST])
    assert one_line_error(result, "Error: ") == "Error: " + message.format(m=folder)
    assert not out.exists() and not partial_path(out).exists()


# --- closed pipes ------------------------------------------------------------------------------


def test_piping_into_head_stops_quietly(tiny_gpt2, tmp_path):
    # batch size 1: the drafts come in windows of 8, so `head` is gone before the last ones
    command = (
        f"{sys.executable} -m copygen generate samples/products.csv -m {tiny_gpt2} --batch-size 1 "
        f'{" ".join(FAST[:-1])} 2> {tmp_path / "stderr"} | head -n 1; echo "status ${{PIPESTATUS[0]}}" >&2'
    )
    done = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert json.loads(done.stdout)["id"] == "SKU-1001"
    assert (tmp_path / "stderr").read_text() == ""
    assert done.stderr == "status 1\n"  # like Click and the Python docs: no traceback, exit 1
