"""The `copygen` command line: thin Typer commands over the library.

Only this package prints or exits. Heavy libraries (torch, transformers, sacrebleu...)
are imported inside the command bodies so `copygen --help` stays instant.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
import sys

import typer

from copygen import __version__
from copygen.errors import CopygenError, UsageError

ENVIRONMENT = (
    "Environment: COPYGEN_MODEL (the model when --model is not given), COPYGEN_PROMPTS (a folder of your own "
    "templates, as --prompts-dir), COPYGEN_CACHE (converted models; default $XDG_CACHE_HOME/copygen or "
    "~/.cache/copygen), COPYGEN_THREADS (CPU threads per process; default the usable cores shared between processes)."
)

MACHINE_ENVIRONMENT = (
    "Environment: COPYGEN_THREADS (CPU threads per process; default the usable cores shared between processes), "
    "COPYGEN_CACHE (converted models; default $XDG_CACHE_HOME/copygen or ~/.cache/copygen)."
)

app = typer.Typer(
    name="copygen",
    help="Generate, check and score marketing copy from product data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


PROMPTS_DIR = typer.Option(
    None,
    "--prompts-dir",
    envvar="COPYGEN_PROMPTS",
    exists=True,
    file_okay=False,
    help="Folder of your own .j2 templates, found by name before the shipped ones.",
)


def show_version(asked: bool) -> None:
    if asked:
        typer.echo(f"copygen {__version__}")
        raise typer.Exit()


@app.callback(epilog=ENVIRONMENT)
def copygen(
    version: bool = typer.Option(
        False, "--version", "-V", callback=show_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Generate, check and score marketing copy from product data."""
    # Library progress bars and advice would clutter stderr; copygen reports for itself.
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    logging.getLogger("accelerate").setLevel(logging.ERROR)


def stderr_console(quiet: bool = False):
    """A rich console on stderr; silent for progress when quiet or not a terminal.

    Messages carry file names, ids and values, so `[...]` in them is text, not rich markup
    (a message may still opt in with `markup=True`), and a long one stays on one line.
    """
    from rich.console import Console

    return Console(stderr=True, quiet=quiet, markup=False, highlight=False, soft_wrap=True)


def use_prompts_dir(folder) -> None:
    """Templates named on the command line are looked up in `--prompts-dir` first; the library
    reads it from $COPYGEN_PROMPTS, so worker processes see it too."""
    if folder is not None:
        os.environ["COPYGEN_PROMPTS"] = str(folder)


def progress_bar(console, what: str):
    """A rich progress bar on stderr, disabled when stderr is not a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn(what),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=console.quiet or not console.is_terminal,
        transient=True,
    )


def user_errors(command):
    """Turn CopygenError into `Error: ...` on stderr and exit 1 (2 for an invalid option value, as
    for Typer's own usage errors); Ctrl-C into exit 130."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UsageError as error:
            typer.echo(f"Error: {error}", err=True)
            raise typer.Exit(2)
        except CopygenError as error:
            typer.echo(f"Error: {error}", err=True)
            raise typer.Exit(1)
        except KeyboardInterrupt as interrupted:
            typer.echo(str(interrupted) or "Interrupted: outputs were left complete or untouched.", err=True)
            raise typer.Exit(130)

    return wrapper


def interrupt(signum, frame):
    """SIGTERM behaves like Ctrl-C: outputs are left complete or resumable."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Entry point for the console script and `python -m copygen`."""
    signal.signal(signal.SIGTERM, interrupt)
    try:
        app(args=argv, prog_name="copygen", standalone_mode=True)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return 0


from copygen.cli import generate as _generate  # noqa: E402

app.command("generate", epilog=MACHINE_ENVIRONMENT)(user_errors(_generate.generate))

from copygen.cli import finetune as _finetune  # noqa: E402

app.command("finetune", epilog=MACHINE_ENVIRONMENT)(user_errors(_finetune.finetune))

from copygen.cli import review as _review  # noqa: E402

app.command("review")(user_errors(_review.review))
app.command("apply")(user_errors(_review.apply))

from copygen.cli import evaluate as _evaluate  # noqa: E402

app.command("evaluate")(user_errors(_evaluate.evaluate))

from copygen.cli import discover as _discover  # noqa: E402

app.command("templates")(user_errors(_discover.templates))
app.command("channels")(user_errors(_discover.channels))
app.command("models", epilog=MACHINE_ENVIRONMENT)(user_errors(_discover.models))
