"""What pyproject.toml cannot say: the top-level prompts/ folder, where users see and edit the
templates, ships inside the wheel as the package copygen.templates (no second copy in git)."""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["copygen", "copygen.*"]), "copygen.templates"],
    package_dir={"copygen.templates": "prompts"},
)
