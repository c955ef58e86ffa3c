"""What this process may use of the machine: its CPU cores, shared fairly between processes."""

from __future__ import annotations

import ctypes
import os
import sys


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, which containers and taskset set),
    not the machine's count."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def cpu_threads() -> int:
    """Threads for this process: $COPYGEN_THREADS, else the usable cores shared evenly between
    the processes a launcher (accelerate, torchrun, --workers) started on this machine."""
    asked = os.environ.get("COPYGEN_THREADS", "")
    if asked.isdigit() and int(asked) > 0:
        return int(asked)
    local = os.environ.get("LOCAL_WORLD_SIZE", "1")
    return max(1, usable_cores() // max(1, int(local) if local.isdigit() else 1))


def one_malloc_arena() -> bool:
    """Have glibc's malloc serve every thread from one arena, as MALLOC_ARENA_MAX=1 would.

    CTranslate2's CPU workers allocate and free key/value caches of growing sizes on their own
    threads; with an arena each, freed memory stays held per thread and peak RSS grows by
    hundreds of MB (bench/generate_speed.py default: 1,054 MB against 790 MB, same speed).
    Applies to arenas made after the call, so call it before the workers start. False where
    the C library is not glibc (nothing to do there)."""
    if not sys.platform.startswith("linux"):
        return False
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    m_arena_max = -8  # from glibc's malloc.h
    return bool(mallopt and mallopt(m_arena_max, 1))


def launched_rank() -> tuple[int, int]:
    """(rank, world size) when a launcher (accelerate, torchrun) started this process, else (0, 1)."""
    world = os.environ.get("WORLD_SIZE", "1")
    rank = os.environ.get("RANK", "0")
    if not (world.isdigit() and rank.isdigit()):
        return 0, 1
    return int(rank), max(1, int(world))


def checked_device(asked: str) -> str:
    """`--device` as given, checked: auto, cpu, cuda or cuda:N."""
    from copygen.errors import UsageError

    if asked not in ("auto", "cpu", "cuda") and not (asked.startswith("cuda:") and asked[5:].isdigit()):
        raise UsageError(f"--device {asked!r} is not a device: use auto, cpu, cuda or cuda:N")
    return asked


def gpu_of_this_process(gpus: int) -> str:
    """Under a launcher, the GPU of this process's local rank; else the first."""
    local = os.environ.get("LOCAL_RANK", "0")
    return f"cuda:{int(local) % gpus if local.isdigit() else 0}"


def torch_device(asked: str = "auto") -> str:
    """The torch device for `--device`: "auto" is this process's GPU when torch sees one (under a
    launcher, the GPU of its local rank), else "cpu"; "cuda" and "cuda:N" must be a GPU torch sees."""
    if checked_device(asked) == "cpu":
        return asked
    import torch

    return device_among(asked, torch.cuda.device_count() if torch.cuda.is_available() else 0, "torch")


def device_among(asked: str, gpus: int, seer: str) -> str:
    """A checked `--device` other than "cpu", given how many GPUs `seer` (torch, CTranslate2) can use:
    "auto" is this process's GPU, else "cpu"; "cuda:N" must be one of them."""
    from copygen.errors import UsageError

    if asked == "auto":
        return gpu_of_this_process(gpus) if gpus else "cpu"
    if int(asked.partition(":")[2] or 0) >= gpus:
        raise UsageError(f"--device {asked}: {seer} sees {gpus} GPU(s) here; use --device auto or cpu")
    return asked
