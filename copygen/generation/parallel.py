"""Split products across processes and merge their drafts back in input order.

Two ways to start the processes, one way to split and merge:
- `copygen generate --workers N` starts N processes on this machine itself;
- `accelerate launch --multi_gpu --num_processes N -m copygen generate ...` (or `torchrun`),
  on one machine or many, starts them, and each reads its RANK and WORLD_SIZE.
Process r drafts the products at positions r, r+N, r+2N, ... into a hidden shard file beside
the output: JSONL written like any drafts file, one whole draft at a time, so `--resume`
continues each shard. When every shard is complete, the drafts are merged in input order into
the output and the shards are removed. Across machines the output's folder must be shared.
"""

from __future__ import annotations

import heapq
import json
import os
import pickle
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from copygen.errors import CopygenError, OutputError
from copygen.generation.engines import engine_class
from copygen.generation.pipeline import DraftJob, draft_products
from copygen.io.drafts import DraftWriter
from copygen.io.products import ReadOptions, read_products
from copygen.io.rows import read_rows

Callback = Callable[[Any], None] | None


@dataclass
class ShardedRun:
    """What every process needs to draft its share: the products file, how to read it, the job."""

    products: str
    read: ReadOptions
    job: DraftJob


def shard_path(folder: Path, name: str, rank: int, world: int) -> Path:
    return folder / f".{name}.shard-{rank + 1}-of-{world}.jsonl"


def draft_shard(
    run: ShardedRun,
    rank: int,
    world: int,
    shard: Path,
    *,
    resume: bool = False,
    skip: Iterable[str] = (),
    on_batch: Callback = None,
    on_warning: Callback = None,
) -> None:
    """Draft products rank, rank + world, ... (leaving out the ids in `skip`) into `shard`."""
    if resume and shard.exists():
        return  # finished by an earlier run
    skip = set(skip)
    with DraftWriter(str(shard), "jsonl", force=True, resume=resume) as writer:
        positions: deque[int] = deque()

        def share():
            for position, product in enumerate(read_products(run.products, **asdict(run.read))):
                if position % world == rank and product.id not in skip and product.id not in writer.done:
                    positions.append(position)
                    yield product

        engine = engine_class(run.job.settings.engine).load(run.job.model, run.job.settings)
        for draft in draft_products(share(), run.job, engine, on_batch=on_batch, on_warning=on_warning):
            writer.write({"position": positions.popleft(), **draft.to_dict()})
        writer.commit()


def read_shard(path: Path) -> Iterator[dict[str, Any]]:
    _, rows = read_rows(path, formats=("jsonl",), input_format="jsonl", empty=None)
    for row in rows:
        yield row.values


def merge_shards(shards: list[Path], writer) -> None:
    """Write the shards' drafts into `writer` in input order, leaving out those it already has."""
    for draft in heapq.merge(*(read_shard(path) for path in shards), key=lambda draft: draft["position"]):
        del draft["position"]
        if str(draft["id"]) not in writer.done:
            writer.write(draft)


def remove_shards(folder: Path, name: str, world: int) -> None:
    for rank in range(world):
        path = shard_path(folder, name, rank, world)
        path.unlink(missing_ok=True)
        path.with_name(f".{path.name}.partial").unlink(missing_ok=True)


def shard_folder(output: str) -> tuple[Path, str, bool]:
    """Where shards go: beside the output file, or a temporary folder for stdout."""
    if output == "-":
        return Path(tempfile.mkdtemp(prefix="copygen-shards-")), "stdout", True
    path = Path(output)
    return path.parent, path.name, False


def run_workers(
    run: ShardedRun,
    workers: int,
    writer,
    output: str,
    *,
    resume: bool = False,
    on_batch: Callback = None,
    on_warning: Callback = None,
) -> None:
    """Draft with `workers` local processes, then merge their shards into `writer` in input order."""
    folder, name, temporary = shard_folder(output)
    shards = [shard_path(folder, name, rank, workers) for rank in range(workers)]
    messages: queue.Queue = queue.Queue()
    processes = []
    try:
        for rank, shard in enumerate(shards):
            env = {key: value for key, value in os.environ.items() if key not in ("RANK", "WORLD_SIZE")}
            env.update(LOCAL_RANK=str(rank), LOCAL_WORLD_SIZE=str(workers))
            process = subprocess.Popen(
                [sys.executable, "-m", "copygen.generation.parallel"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
            processes.append(process)
            threading.Thread(target=relay, args=(process, messages), daemon=True).start()
            pickle.dump((run, rank, workers, shard, resume, writer.done), process.stdin)
            process.stdin.close()
        failure = watch(processes, messages, on_batch, on_warning)
        if failure:
            raise CopygenError(failure)
        merge_shards(shards, writer)
    except BaseException:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            process.wait()
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    if temporary:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        remove_shards(folder, name, workers)


def relay(process: subprocess.Popen, messages: queue.Queue) -> None:
    """Pass a worker's messages (JSON lines on its stdout) to the parent's queue."""
    for line in process.stdout:
        messages.put(json.loads(line))
    messages.put({"exited": process.wait()})


def watch(processes: list, messages: queue.Queue, on_batch: Callback, on_warning: Callback) -> str | None:
    """Relay progress and warnings until every worker has exited; the first failure, if any."""
    running, failure = len(processes), None
    while running:
        message = messages.get()
        if "batch" in message and on_batch:
            on_batch(message["batch"])
        elif "warning" in message and on_warning:
            on_warning(message["warning"])
        elif "error" in message:
            failure = failure or message["error"]
        elif "exited" in message:
            running -= 1
            if message["exited"] != 0 and failure is None:
                failure = f"a worker stopped with exit code {message['exited']}; its messages are above"
            if failure:
                for process in processes:
                    if process.poll() is None:
                        process.terminate()
    return failure


def run_launched(
    run: ShardedRun,
    rank: int,
    world: int,
    output: str,
    fmt: str,
    *,
    force: bool = False,
    resume: bool = False,
    on_batch: Callback = None,
    on_warning: Callback = None,
) -> int:
    """One process of a launcher's N: draft this rank's share; rank 0 then merges every shard into
    the output. Returns the drafts rank 0 wrote (0 elsewhere)."""
    from contextlib import ExitStack
    from datetime import timedelta

    import torch.distributed as dist

    if output == "-":
        raise OutputError(
            "with accelerate launch or torchrun, write to a file (-o PATH) in a folder every process can reach"
        )
    folder, name, _ = shard_folder(output)
    # A long timeout: the merge waits for the slowest process, which may take hours.
    dist.init_process_group(backend="gloo", timeout=timedelta(days=7))
    try:
        with ExitStack() as stack:
            writer, opened = None, [None]
            if rank == 0:  # only rank 0 touches the output; the others learn what it holds
                try:
                    writer = stack.enter_context(DraftWriter(output, fmt, force=force, resume=resume))
                    opened = [sorted(writer.done)]
                except CopygenError as error:
                    opened = [str(error)]
            dist.broadcast_object_list(opened, src=0)
            if isinstance(opened[0], str):
                raise OutputError(opened[0])
            failure = None
            try:
                draft_shard(
                    run,
                    rank,
                    world,
                    shard_path(folder, name, rank, world),
                    resume=resume,
                    skip=opened[0],
                    on_batch=on_batch,
                    on_warning=on_warning,
                )
            except CopygenError as error:
                failure = f"process {rank + 1} of {world}: {error}"
            failures: list[str | None] = [None] * world
            dist.all_gather_object(failures, failure)  # also waits for the slowest process
            problems = [problem for problem in failures if problem]
            if problems:
                raise CopygenError(problems[0])
            if writer is None:
                return 0
            merge_shards([shard_path(folder, name, other, world) for other in range(world)], writer)
            writer.commit()
        remove_shards(folder, name, world)
        return writer.written
    finally:
        dist.destroy_process_group()


def worker_main() -> int:
    """A `--workers` process: read its job from stdin, report on stdout as JSON lines."""
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints must not garble the messages

    def send(**message):
        channel.write(json.dumps(message) + "\n")

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    run, rank, world, shard, resume, skip = pickle.load(sys.stdin.buffer)
    try:
        draft_shard(
            run,
            rank,
            world,
            shard,
            resume=resume,
            skip=skip,
            on_batch=lambda n: send(batch=n),
            on_warning=lambda text: send(warning=text),
        )
    except CopygenError as error:
        send(error=str(error))
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(worker_main())
