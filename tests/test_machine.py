import subprocess
import sys

import pytest

# Counts glibc malloc arenas after threads allocate, with or without one_malloc_arena() first.
ARENAS = """
import ctypes, sys, tempfile, threading
from copygen.machine import one_malloc_arena
made = one_malloc_arena() if sys.argv[1] == "one" else None
def allocate():
    blocks = [bytearray(300_000) for _ in range(20)]
threads = [threading.Thread(target=allocate) for _ in range(4)]
for thread in threads: thread.start()
for thread in threads: thread.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
with tempfile.NamedTemporaryFile(suffix=".xml") as report:
    handle = libc.fopen(report.name.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(handle))
    libc.fclose(ctypes.c_void_p(handle))
    print(made, open(report.name).read().count("<heap nr="))
"""


def arenas(mode: str) -> tuple[str, int]:
    made, count = subprocess.run(
        [sys.executable, "-c", ARENAS, mode], capture_output=True, text=True, check=True
    ).stdout.split()
    return made, int(count)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc arenas exist on Linux only")
def test_one_malloc_arena_keeps_threads_in_one_arena():
    assert arenas("many")[1] > 1  # the threads got arenas of their own: the check can tell
    assert arenas("one") == ("True", 1)
