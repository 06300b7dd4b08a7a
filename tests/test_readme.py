"""The README is for users: short, its quick-start commands work, its links lead somewhere."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    """Every line of the fenced blocks under '## Quick start', comments dropped."""
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```[^\n]*\n(.*?)```", section, re.S)
    return [
        line.split("#", 1)[0].strip()
        for block in blocks
        for line in block.splitlines()
        if line.split("#", 1)[0].strip()
    ]


def test_the_readme_is_short():
    assert len(README.encode("utf-8")) <= 12_000


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    """Where `make demo` leaves a user: a folder with ./kg-store built from data/."""
    where = tmp_path_factory.mktemp("demo")
    kg(["build", str(ROOT / "data")], where)
    return where


def kg(args: list[str], cwd) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"kg {' '.join(args)}: {done.stderr}"
    return done


@pytest.mark.parametrize("command", [c for c in quick_start_commands() if c.startswith("kg ")])
def test_every_kg_command_of_the_quick_start_runs(command, demo_dir):
    args = [str(ROOT / a) if a.startswith("data/") else a for a in command.split()[1:]]
    assert kg(args, demo_dir).stdout.strip()


def test_the_make_commands_of_the_quick_start_are_make_targets():
    # `make demo` and `make test` themselves run in CI (`make test`) and in test_seed_demo (`kg demo`)
    targets = set(re.findall(r"^([a-z]+):", (ROOT / "Makefile").read_text(), re.M))
    for command in quick_start_commands():
        if command.startswith("make "):
            assert command.split()[1] in targets, command


def test_every_relative_link_of_the_readme_and_docs_leads_to_a_file():
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not target.startswith(("http://", "https://", "mailto:")):
                assert (page.parent / target).exists(), f"{page.name}: {target}"
