"""The one resource helper finds resources/ from a checkout, an editable install and a wheel."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

import backtimer
from backtimer.core.routine_file.loader import load_builtin
from backtimer.resources import builtin_routine_path, resource_path, resource_root

REPO = Path(__file__).resolve().parent.parent


def test_source_checkout_uses_the_repository_folder() -> None:
    """Running from the checkout, resources/ at the top of the repository is used."""
    if not Path(backtimer.__file__).resolve().is_relative_to(REPO / "src"):
        pytest.skip("backtimer is not imported from this checkout's src/")
    assert resource_root() == REPO / "resources"
    assert builtin_routine_path().is_file()
    assert resource_path("routine.schema.json").is_file()
    assert load_builtin().source == REPO / "resources" / "routines" / "gentle-back.yaml"


def test_editable_install_points_at_the_checkout() -> None:
    """An editable install's metadata names this checkout, and resources come from it."""
    try:
        dist = importlib.metadata.distribution("backtimer")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("backtimer is not pip-installed (run: pip install -e .)")
    direct_url = dist.read_text("direct_url.json")
    if direct_url is None or not json.loads(direct_url).get("dir_info", {}).get("editable"):
        pytest.skip("backtimer is installed, but not as an editable install")
    assert Path(backtimer.__file__).resolve().is_relative_to(REPO / "src")
    assert resource_root() == REPO / "resources"


@pytest.mark.slow
def test_installed_wheel_carries_and_finds_its_resources(tmp_path: Path) -> None:
    """A built wheel, installed in a fresh venv, loads its own built-in routine and schema."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = dist.glob("backtimer-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    # PyYAML without the network or PySide6: copy the package this interpreter uses.
    deps = tmp_path / "deps"
    shutil.copytree(Path(yaml.__file__).parent, deps / "yaml")
    script = (
        "import json, backtimer.resources as r\n"
        "from backtimer.core.routine_file.loader import load_builtin\n"
        "routine = load_builtin()\n"
        "print(json.dumps([str(r.resource_root()), str(routine.source), len(routine.exercises),"
        " r.resource_path('routine.schema.json').is_file()]))\n"
    )
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(deps)}
    out = subprocess.run(
        [str(python), "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    root, source, exercises, has_schema = json.loads(out.stdout)
    assert Path(root).is_relative_to(env_dir)
    assert Path(root).name == "resources"
    assert Path(source).is_relative_to(Path(root))
    assert exercises == 4
    assert has_schema
    check = subprocess.run(
        [str(python), "-m", "backtimer", "check", source], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
