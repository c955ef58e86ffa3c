"""Issue #13: every command's --help shows each option's default and the environment variable
it reads; no default is written into help text by hand (rich markup ate those)."""

import pytest
import typer
from typer.core import TyperOption
from typer.testing import CliRunner

from copygen.cli import app

runner = CliRunner()
COMMANDS = sorted(typer.main.get_command(app).commands)


def option_blocks(help_text: str) -> dict[str, str]:
    """Each option's row(s) in the rendered help, by its first name."""
    blocks: dict[str, str] = {}
    current = None
    for line in help_text.splitlines():
        cells = line.strip("│ *").split()  # a required option's row starts with *
        if cells and cells[0].startswith("--"):
            current = cells[0]
            blocks[current] = ""
        elif line.startswith(("╰", "╭")):
            current = None
        if current:
            blocks[current] += line + "\n"
    return blocks


def has_default(option: TyperOption) -> bool:
    """Whether the option has a default worth showing: a value, or a described one; a flag that
    is off unless given has nothing to show."""
    if isinstance(option.show_default, str):
        return True
    if option.default is None or option.required:
        return False
    return not (option.is_flag and not option.secondary_opts and not option.default)


def test_every_command_is_covered():
    assert {"generate", "finetune", "review", "apply", "evaluate", "templates", "channels", "models"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help_shows_every_default_and_environment_variable(name):
    command = typer.main.get_command(app).commands[name]
    result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    blocks = option_blocks(result.stdout)
    for option in command.params:
        if not isinstance(option, TyperOption) or option.hidden or option.name == "help":
            continue
        assert "[default" not in (option.help or ""), f"{name} {option.opts[0]}: a default written into help text"
        assert (option.help or "").strip(), f"{name} {option.opts[0]} has no help"
        block = blocks[option.opts[0]]
        if has_default(option):
            assert "[default: " in block, f"{name} {option.opts[0]} hides its default:\n{block}"
        if option.envvar:
            assert f"[env var: {option.envvar}]" in block, block


@pytest.mark.parametrize(
    "name, option, shown",
    [
        ("generate", "--template", "product-description"),
        ("generate", "--require", "name"),
        ("generate", "--model", "the embedded SmolLM2-135M-Instruct"),
        ("generate", "--input-format", "from the extension"),
        ("generate", "--delimiter", "sniffed"),
        ("finetune", "--model", "the embedded SmolLM2-135M-Instruct"),
        ("finetune", "--full", "LoRA for causal models, full for T5"),
        ("finetune", "--lr", "1e-3 LoRA, 1e-4 full"),
        ("evaluate", "--metric", "bleu,chrf,rouge1,rouge2,rougeL"),
        ("evaluate", "--ref-column", "references, reference, refs, ref or text"),
        ("evaluate", "--hyps-format", "from the extension"),
        ("evaluate", "--refs-format", "as for --hyps-format"),
    ],
)
def test_the_defaults_the_issue_found_hidden_are_shown(name, option, shown):
    result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "400"})
    block = option_blocks(result.stdout)[option]
    assert shown in " ".join(block.replace("│", " ").split())


@pytest.mark.parametrize(
    "command, variables",
    [
        ([], ["COPYGEN_MODEL", "COPYGEN_PROMPTS", "COPYGEN_CACHE", "COPYGEN_THREADS"]),
        (["generate"], ["COPYGEN_MODEL", "COPYGEN_PROMPTS", "COPYGEN_CACHE", "COPYGEN_THREADS"]),
        (["finetune"], ["COPYGEN_MODEL", "COPYGEN_PROMPTS", "COPYGEN_CACHE", "COPYGEN_THREADS"]),
        (["models"], ["COPYGEN_CACHE"]),
        (["templates"], ["COPYGEN_PROMPTS"]),
    ],
)
def test_environment_variables_are_in_the_help(command, variables):
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "160"})
    for variable in variables:
        assert variable in result.stdout, (command, variable)
