"""How fast `copygen generate` drafts copy, against the naive per-product transformers loop, BLEU held.

    .venv/bin/python bench/generate_speed.py                      # 48 E2E MRs, beam 4, 60 new tokens (~6 min)
    .venv/bin/python bench/generate_speed.py --products 32 --max-new-tokens 40   # quicker
    .venv/bin/python bench/generate_speed.py --with-batched       # also transformers batched (slow)
    .venv/bin/python bench/generate_speed.py memory               # peak RSS on 1,000 and 100,000 rows
    .venv/bin/python bench/generate_speed.py startup              # `copygen --help` against `python -c pass`
    .venv/bin/python bench/generate_speed.py default              # the command as typed, whole processes (~10 min)

`default` times whole processes, start-up and model load included, as a user runs them: the naive
loop (bench/naive_loop.py: transformers, one generate call per product) against `copygen generate
FILE` with no engine flag, first with an empty ct2 cache (the one-time conversion included), then
once converted; and the time to the first draft (`head -1 FILE | copygen generate -`). Beam 4,
1 variant, 60 new tokens, 64 products by default.

Products: the first N MRs, in file order, of the E2E validation split bench/e2e_finetune.py draws
(6-8 attributes each, so prompts of mixed lengths), read in place from ../shared/data/e2e/devset.csv
(Dušek, Novikova & Rieser, E2E NLG Challenge, CC BY-SA 4.0). Same model (the embedded
SmolLM2-135M-Instruct), prompt and settings for every path (beam 4, 3 variants, no-repeat 3):
  naive  one transformers model.generate call per product (copygen's reference engine, batch 1)
  fast   copygen generate's fastest path: --engine ct2 (CTranslate2 int8), batch 8
Each run is a process of its own (so each path has its own peak RSS): the naive loop on half the
products, the fast path on all of them (as copygen batches a window of 64), the naive loop on the
other half, so a change in the machine's load weighs on both paths alike.
products/s counts generation only; loading (and the one-off ct2 conversion) is shown apart.
BLEU: sacrebleu corpus BLEU, case-insensitive like the E2E scorer, the best variant of each MR
against all its references.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))
OUT = ROOT / "bench" / "out" / "generate_speed"
PROMPT = (
    "Write one sentence about this restaurant for a city guide. Use only these facts:\n"
    "{% for key, value in attributes.items() if key != 'id' and value is not none %}- {{ key }}: {{ value }}\n{% endfor %}"
)
PATHS = {
    "naive": "naive loop: transformers, 1 product per generate call",
    "batched": "copygen generate --engine transformers (batch 8)",
    "fast": "copygen generate --engine ct2 ({compute_type}, batch 8)",
}


def validation_mrs(mrs: list[str]) -> set[str]:
    """Which of `mrs` (every dev-set MR once, in file order) bench/e2e_finetune.py draws for its validation split."""
    from e2e_finetune import VALIDATION, parse_mr

    by_count: dict[int, list[str]] = {}
    for mr in mrs:
        by_count.setdefault(len(parse_mr(mr)), []).append(mr)
    rng = random.Random(0)  # the same draw as e2e_finetune.prepare()
    validation = set()
    for attributes, wanted in VALIDATION.items():
        validation.update(rng.sample(sorted(by_count[attributes]), wanted))
    return validation


def validation_products(count: int) -> tuple[list[dict], dict[str, list[str]]]:
    """The first `count` validation MRs of bench/e2e_finetune.py's split, as products, and their references."""
    from e2e_finetune import DEVSET, VALIDATION, parse_mr

    if not DEVSET.exists():
        sys.exit(f"{DEVSET} is missing: this bench needs ../shared/data/e2e beside the repo")
    with DEVSET.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    references: dict[str, list[str]] = {}
    for row in rows:
        references.setdefault(row["mr"], []).append(row["ref"])
    validation = validation_mrs(list(references))
    ids = {mr: f"mr{index:03d}" for index, mr in enumerate(references)}
    # As many of each attribute count as can be, the first ones in file order, kept in file order.
    share = {
        attributes: count // len(VALIDATION) + (rank < count % len(VALIDATION))
        for rank, attributes in enumerate(sorted(VALIDATION))
    }
    chosen = []
    for mr in references:
        if mr in validation and share[len(parse_mr(mr))] > 0:
            share[len(parse_mr(mr))] -= 1
            chosen.append(mr)
    return ([{"id": ids[mr], **parse_mr(mr)} for mr in chosen], {ids[mr]: references[mr] for mr in chosen})


def settings_for(args, path: str):
    from copygen.generation.settings import GenerationSettings

    return GenerationSettings(
        num_beams=args.num_beams,
        num_variants=args.num_variants,
        max_new_tokens=args.max_new_tokens,
        no_repeat_ngram_size=3,
        batch_size=1 if path == "naive" else args.batch_size,
        engine="ct2" if path == "fast" else "transformers",
        compute_type=args.compute_type,
    )


def run_path(args) -> None:
    """In a process of its own: generate with one path, write texts, timings and peak RSS as JSON."""
    from copygen.generation.engines import engine_class
    from copygen.generation.pipeline import draft_products, model_input_text, plan_drafts
    from copygen.io.products import Product
    from copygen.prompts import load_template, render_prompt

    rows = [json.loads(line) for line in Path(args.input).read_text(encoding="utf-8").splitlines()]
    products = [Product(id=row["id"], line=line, attributes=row) for line, row in enumerate(rows, start=1)]
    columns = list(dict.fromkeys(key for row in rows for key in row))
    settings = settings_for(args, args.path)
    started = time.perf_counter()
    engine = engine_class(settings.engine).load(None, settings)
    loaded = engine.loaded
    loading = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    if args.path == "naive":
        template = load_template("e2e", source=PROMPT)
        best = {}
        for product in products:
            text = model_input_text(
                loaded,
                render_prompt(template, product.attributes, product_id=product.id, columns=columns, exclude=["id"]),
            )
            variants = engine.decode([text], settings)[0]
            best[product.id] = variants[0].text if variants else ""
    else:
        template = Path(args.output).with_suffix(".j2")
        template.write_text(PROMPT, encoding="utf-8")
        job = plan_drafts(columns, "products", template=str(template), settings=settings)
        best = {
            draft.id: draft.variants[0].text if draft.variants else ""
            for draft in draft_products(products, job, engine)
        }
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    Path(args.output).write_text(
        json.dumps({"best": best, "seconds": seconds, "cpu": cpu, "loading": loading, "peak": peak})
    )


def spawn_path(args, path: str, products: list[dict], folder: Path, part: str) -> dict:
    source, result = folder / f"{path}-{part}.jsonl", folder / f"{path}-{part}.json"
    source.write_text("".join(json.dumps(row) + "\n" for row in products), encoding="utf-8")
    command = [
        sys.executable,
        __file__,
        "_path",
        path,
        "--input",
        str(source),
        "--output",
        str(result),
        "--num-beams",
        str(args.num_beams),
        "--num-variants",
        str(args.num_variants),
        "--max-new-tokens",
        str(args.max_new_tokens),
        "--batch-size",
        str(args.batch_size),
        "--compute-type",
        args.compute_type,
    ]
    print(f"  {path} on {len(products)} products ...", file=sys.stderr, flush=True)
    env = {
        **os.environ,
        "TRANSFORMERS_VERBOSITY": "error",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "TOKENIZERS_PARALLELISM": "false",
    }
    if args.threads:  # torch reads OMP_NUM_THREADS, copygen's ct2 engine COPYGEN_THREADS
        env.update(OMP_NUM_THREADS=str(args.threads), COPYGEN_THREADS=str(args.threads))
    subprocess.run(command, check=True, env=env)
    return json.loads(result.read_text())


def corpus_bleu(best: dict[str, str], references: dict[str, list[str]]):
    """Case-insensitive corpus BLEU with every reference of an MR, as the E2E scorer counts it."""
    import sacrebleu

    ids = list(references)
    slots = max(len(refs) for refs in references.values())
    # None (not "") pads an MR with fewer references: sacrebleu drops None, but would count "" as a
    # reference of length 0, which shortens the reference length and lifts BLEU for short copy.
    streams = [[references[i][slot] if slot < len(references[i]) else None for i in ids] for slot in range(slots)]
    metric = sacrebleu.metrics.BLEU(lowercase=True, tokenize="13a")
    return metric.corpus_score([best[i] for i in ids], streams), metric.get_signature()


def copygen_evaluate(best: dict[str, str], references: dict[str, list[str]], stem: Path) -> tuple[float, str]:
    """The same BLEU through `copygen evaluate` in a fresh process, and whether it imported torch."""
    hypotheses, refs = stem.with_suffix(".txt"), stem.with_suffix(".refs.jsonl")
    hypotheses.write_text("".join(" ".join(best[i].split()) + "\n" for i in references), encoding="utf-8")
    refs.write_text(
        "".join(json.dumps({"id": i, "references": texts}) + "\n" for i, texts in references.items()), encoding="utf-8"
    )
    probe = (
        "import contextlib, io, json, sys; from copygen.cli import main; out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out): main(sys.argv[1:])\n"
        "heavy = [m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules]\n"
        "print(json.loads(out.getvalue())['metrics']['bleu']['score'], ','.join(heavy) or 'none')"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            probe,
            "evaluate",
            str(hypotheses),
            "--refs",
            str(refs),
            "--metric",
            "bleu",
            "--lowercase",
            "--bootstrap",
            "0",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    score, heavy = done.stdout.split()
    return float(score), heavy


def speed(args) -> None:
    products, references = validation_products(args.products)
    paths = ["naive", "fast"] + (["batched"] if args.with_batched else [])
    parts = {"a": products[0::2], "b": products[1::2], "all": products}  # both halves mix the attribute counts
    order = [("naive", "a"), ("fast", "all"), ("naive", "b")] + ([("batched", "all")] if args.with_batched else [])
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=OUT))
    print(
        f"{len(products)} E2E validation MRs ({min(len(p) - 1 for p in products)}-{max(len(p) - 1 for p in products)} "
        f"attributes), SmolLM2-135M-Instruct, beam {args.num_beams}, {args.num_variants} variants, "
        f"{args.max_new_tokens} new tokens, no-repeat 3, "
        f"{f'{args.threads} CPU threads (--threads)' if args.threads else 'default CPU threads'}",
        flush=True,
    )
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"from copygen.generation.engines.ct2_convert import ct2_model_dir; from copygen.generation.models import resolve_model; ct2_model_dir(resolve_model(None), {args.compute_type!r})",
        ],
        check=True,
        capture_output=True,
    )  # the one-off conversion, outside the timed runs
    import psutil

    busy = psutil.cpu_percent(interval=3)
    print(
        f"ct2 model ready (converted on first use, else cached) in {time.perf_counter() - started:.1f} s; "
        f"CPU {busy:.0f}% busy before the runs",
        flush=True,
    )
    if busy > 25 and not args.threads:
        print(
            "warning: the machine is busy; torch's default threads then stall each other and the naive loop "
            "slows down far more than ct2, which inflates the ratio. Pass --threads 1 for a fair comparison.",
            flush=True,
        )
    runs = {path: [] for path in paths}
    for path, part in order:
        runs[path].append(spawn_path(args, path, parts[part], folder, part))
    rows = {}
    for path in paths:
        best = {key: value for run in runs[path] for key, value in run["best"].items()}
        seconds = sum(run["seconds"] for run in runs[path])
        bleu, signature = corpus_bleu(best, references)
        rows[path] = dict(
            rate=len(best) / seconds,
            seconds=seconds,
            cpu=sum(run["cpu"] for run in runs[path]),
            loading=min(run["loading"] for run in runs[path]),
            peak=max(run["peak"] for run in runs[path]),
            bleu=bleu.score,
            best=best,
        )
    print(f"\n{'path':<56}{'products/s':>11}{'gen s':>8}{'CPU s':>8}{'load s':>8}{'peak RSS':>10}{'BLEU':>7}")
    for path in paths:
        row = rows[path]
        print(
            f"{PATHS[path].format(compute_type=args.compute_type):<56}{row['rate']:>11.3f}{row['seconds']:>8.1f}{row['cpu']:>8.1f}{row['loading']:>8.1f}"
            f"{row['peak'] / 2**20:>7.0f} MB{row['bleu']:>7.2f}"
        )
    naive, fast = rows["naive"], rows["fast"]
    same = sum(naive["best"][key] == fast["best"][key] for key in naive["best"])
    print(
        f"\nratio fast/naive: {fast['rate'] / naive['rate']:.2f}x   "
        f"BLEU fast - naive: {fast['bleu'] - naive['bleu']:+.2f} (held if within 0.5)   "
        f"identical best variants: {same}/{len(naive['best'])}"
    )
    if args.with_batched:
        print(f"ratio batched/naive: {rows['batched']['rate'] / naive['rate']:.2f}x")
    print(f"BLEU signature: {signature}; load average at the end {os.getloadavg()[0]:.1f}", flush=True)
    for path in ("naive", "fast"):
        score, heavy = copygen_evaluate(rows[path]["best"], references, folder / path)
        print(f"copygen evaluate --lowercase on the {path} path: BLEU {score:.2f}; heavy modules it imported: {heavy}")
    shutil.rmtree(folder, ignore_errors=True)
    startup(repeats=5)


def timed_process(command: list[str], env: dict, stdin: str | None = None) -> tuple[float, int, str]:
    """Wall seconds, its own peak RSS (bytes) and output of one whole process (run under `_rss`,
    which adds a bare Python start-up to every command alike)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "_rss", "--", *command], env=env, input=stdin, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")
    *output, peak = done.stdout.splitlines()
    return seconds, int(peak), "\n".join(output) + done.stderr


def default_command(args) -> None:
    """The command as typed against the naive loop, whole processes, in one run."""
    products, references = validation_products(args.products)
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="default-", dir=OUT))
    source, template = folder / "products.jsonl", folder / "e2e.j2"
    source.write_text("".join(json.dumps(row) + "\n" for row in products), encoding="utf-8")
    template.write_text(PROMPT, encoding="utf-8")
    env = {**os.environ, "TRANSFORMERS_VERBOSITY": "error", "HF_HUB_DISABLE_PROGRESS_BARS": "1"}
    cold = folder / "cache"  # an empty ct2 cache, with the embedded model already unpacked from its GGUF
    (cold / "models").mkdir(parents=True)
    from copygen.generation.models import default_model_dir

    (cold / "models" / default_model_dir().name).symlink_to(default_model_dir())
    copygen = [sys.executable, "-m", "copygen", "generate"]
    flags = ["-t", str(template), "--num-variants", "1", "--max-new-tokens", str(args.max_new_tokens), "--quiet"]
    print(
        f"{len(products)} E2E validation MRs, SmolLM2-135M-Instruct, beam 4, 1 variant, {args.max_new_tokens} new tokens"
    )
    runs = {}
    naive_out = folder / "naive.jsonl"
    naive = [sys.executable, str(ROOT / "bench" / "naive_loop.py"), str(source), str(template), str(naive_out)]
    runs["naive loop (transformers, generate per product)"] = (
        *timed_process(naive + ["--max-new-tokens", str(args.max_new_tokens)], env),
        naive_out,
    )
    for name, cache in (("copygen generate FILE, first run (converts)", cold), ("copygen generate FILE", None)):
        drafts = folder / f"{'cold' if cache else 'warm'}.jsonl"
        run_env = {**env, "COPYGEN_CACHE": str(cache)} if cache else env
        runs[name] = (*timed_process([*copygen, str(source), *flags, "-o", str(drafts)], run_env), drafts)
    first = source.read_text(encoding="utf-8").splitlines()[0] + "\n"
    first_seconds, _, _ = timed_process([*copygen, "-", *flags], env, stdin=first)
    print(f"\n{'command':<48}{'products/s':>11}{'wall s':>8}{'peak RSS':>10}{'BLEU':>7}{'bad nums':>9}")
    rates = {}
    for name, (seconds, peak, _, path) in runs.items():
        best = best_texts(path)
        rates[name] = len(best) / seconds
        bleu, _ = corpus_bleu(best, references)
        print(
            f"{name:<48}{rates[name]:>11.3f}{seconds:>8.1f}{peak / 2**20:>7.0f} MB{bleu.score:>7.2f}{unsupported(best, products):>9}"
        )
    naive_rate = rates["naive loop (transformers, generate per product)"]
    for name in list(runs)[1:]:
        print(f"ratio {name} / naive loop: {rates[name] / naive_rate:.2f}x")
    print(f"time to first draft (head -1 FILE | copygen generate -): {first_seconds:.1f} s")
    shutil.rmtree(folder, ignore_errors=True)


def best_texts(path: Path) -> dict[str, str]:
    """Each product's best text from copygen's drafts or the naive loop's output."""
    best = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        best[row["id"]] = row["text"] if "text" in row else (row["variants"][0]["text"] if row["variants"] else "")
    return best


def unsupported(best: dict[str, str], products: list[dict]) -> int:
    """How many best texts state a number no attribute of their product holds."""
    from copygen.quality.grounding import unsupported_numbers

    return sum(bool(unsupported_numbers(product, best[product["id"]])) for product in products)


def startup(repeats: int = 5) -> None:
    """Median wall time of `copygen --help` against `python -c pass`, and what --help imports."""

    def median(command):
        times = []
        for _ in range(repeats):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    help_time = median([sys.executable, "-m", "copygen", "--help"])
    bare = median([sys.executable, "-c", "pass"])
    probe = (
        "import sys; from copygen.cli import main; main({args}); "
        "print(','.join(m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules) or 'none')"
    )
    heavy = {
        name: subprocess.run(
            [sys.executable, "-c", probe.format(args=args)], capture_output=True, text=True, check=True
        )
        .stdout.strip()
        .splitlines()[-1]
        for name, args in (("--help", "['--help']"), ("evaluate --help", "['evaluate', '--help']"))
    }
    print(
        f"startup: copygen --help {help_time:.2f} s, python -c pass {bare:.2f} s (median of {repeats}); "
        f"heavy modules imported by --help: {heavy['--help']}, by evaluate --help: {heavy['evaluate --help']}"
    )


def memory(args) -> None:
    """Peak RSS of `copygen generate` on CSV files of each size, with a tiny model: flat if streaming works."""
    from tiny_models import build_tiny_model

    OUT.mkdir(parents=True, exist_ok=True)
    folder = OUT / "memory"
    model = folder / "tiny-gpt2"
    if not (model / "config.json").exists():
        build_tiny_model("gpt2", model)
    rng = random.Random(0)
    names = ["lamp", "kettle", "chair", "tent", "jug", "desk", "knife", "bag"]
    colors = ["black", "oak", "steel", "green", "white"]
    print(
        f"tiny GPT-2, --engine {args.engine}, beam 1, 1 variant, {args.max_new_tokens} new tokens, batch 32", flush=True
    )
    results = {}
    for rows in args.rows:
        products = folder / f"products-{rows}.csv"
        if not products.exists():
            with products.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["id", "name", "color", "price", "features"])
                for index in range(rows):
                    words = " ".join(rng.choice(names) for _ in range(rng.randint(1, 12)))
                    writer.writerow(
                        [
                            f"P{index:06d}",
                            f"{rng.choice(colors)} {rng.choice(names)}",
                            rng.choice(colors),
                            f"{rng.randint(5, 500)}.00",
                            words,
                        ]
                    )
        drafts = folder / f"drafts-{rows}.jsonl"
        command = [
            sys.executable,
            "-m",
            "copygen",
            "generate",
            str(products),
            "-m",
            str(model),
            "-o",
            str(drafts),
            "--force",
            "--quiet",
            "--engine",
            args.engine,
            "--num-beams",
            "1",
            "--num-variants",
            "1",
            "--max-new-tokens",
            str(args.max_new_tokens),
            "--batch-size",
            "32",
            "--workers",
            str(args.workers),
        ]
        started = time.perf_counter()
        measured = subprocess.run([sys.executable, __file__, "_rss", "--", *command], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if measured.returncode:
            sys.exit(measured.stderr[-2000:])
        peak = int(measured.stdout.strip().splitlines()[-1])
        with drafts.open(encoding="utf-8") as handle:
            ids = [json.loads(line)["id"] for line in handle]
        in_order = ids == [f"P{index:06d}" for index in range(rows)]
        results[rows] = peak
        print(
            f"{rows:>8,} rows: peak RSS {peak / 2**20:6.0f} MB, {seconds:6.1f} s ({rows / seconds:,.0f} products/s "
            f"incl. startup), {len(ids):,} drafts, in input order: {in_order}",
            flush=True,
        )
        drafts.unlink()
    if len(results) > 1:
        low, high = min(results), max(results)
        print(f"peak RSS {high:,} rows / {low:,} rows: {results[high] / results[low]:.2f}x")


def child_rss(command: list[str]) -> None:
    """Run a command and print the peak RSS (bytes) of it and the processes it waited for."""
    done = subprocess.run(command)
    if done.returncode:
        sys.exit(done.returncode)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "command", nargs="?", default="speed", choices=["speed", "memory", "startup", "default", "_path", "_rss"]
    )
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--products", type=int, default=48, help="E2E validation MRs (at most 120)")
    parser.add_argument("--num-beams", type=int, default=4)
    parser.add_argument("--num-variants", type=int, default=3)
    parser.add_argument("--max-new-tokens", type=int, default=60)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--with-batched", action="store_true", help="also time transformers batched beam search")
    parser.add_argument("--threads", type=int, default=0, help="CPU threads for every path [default: each one's own]")
    parser.add_argument("--compute-type", default="int8", help="the fast path's ct2 precision (float32: exact parity)")
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 100000], help="memory: CSV sizes")
    parser.add_argument("--engine", default="ct2", choices=["ct2", "transformers"], help="memory: engine")
    parser.add_argument("--workers", type=int, default=1, help="memory: --workers")
    parser.add_argument("--input")
    parser.add_argument("--output")
    if sys.argv[1:2] == ["_rss"]:
        child_rss(sys.argv[sys.argv.index("--") + 1 :])
        return
    args = parser.parse_args()
    if args.command == "_path":
        args.path = args.rest[0]
        run_path(args)
    elif args.command == "memory":
        args.max_new_tokens = 8 if "--max-new-tokens" not in sys.argv else args.max_new_tokens
        memory(args)
    elif args.command == "startup":
        startup()
    elif args.command == "default":
        default_command(args)
    else:
        speed(args)


if __name__ == "__main__":
    main()
