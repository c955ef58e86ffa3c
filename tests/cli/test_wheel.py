"""Issue #13: the wheel carries what an installed copygen needs: the templates of the top-level
prompts/ folder (as copygen/templates), the review page's assets, the format schemas, the LICENSE.
(`make wheel-test` installs it and runs generate from another folder.)"""

import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

SOURCES = ["pyproject.toml", "setup.py", "README.md", "LICENSE", "copygen", "prompts"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel built from a copy of the sources (so no build/ folder lands in the checkout)."""
    tree = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, tree / name)
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", out, tree]
    subprocess.run(command, check=True, capture_output=True)
    (built,) = out.glob("copygen-*.whl")
    with zipfile.ZipFile(built) as archive:
        return set(archive.namelist())


def test_the_wheel_carries_the_templates_assets_schemas_and_license(wheel):
    templates = {f"copygen/templates/{path.name}" for path in (ROOT / "prompts").glob("*.j2")}
    assert len(templates) >= 5 and templates <= wheel
    assert {"copygen/review/assets/review.js", "copygen/review/assets/review.css"} <= wheel
    schemas = {f"copygen/io/schemas/{path.name}" for path in (ROOT / "copygen" / "io" / "schemas").glob("*.json")}
    assert len(schemas) == 3 and schemas <= wheel
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in wheel)


def test_the_wheel_carries_every_module_and_nothing_else(wheel):
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "copygen").rglob("*.py")}
    assert modules <= wheel
    assert not [name for name in wheel if not name.startswith(("copygen/", "copygen-"))]


def test_an_installed_copy_finds_its_templates(tmp_path):
    """Without the source checkout beside it, copygen reads the templates the wheel carries."""
    installed = tmp_path / "site" / "copygen"
    shutil.copytree(ROOT / "copygen", installed, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "prompts", installed / "templates")
    script = "from copygen.prompts import template_files; print(*template_files().values(), sep='\\n')"
    listed = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert listed and all(path.startswith(str(installed / "templates")) for path in listed)
