"""The wheel a user installs: everything under the one `zhaoyin` namespace, every package with its data.

Builds the wheel offline from a copy of the sources (a build in the checkout would leave `build/` there, whose
stale copies of moved modules later builds would pick up), installs it into a fresh venv without an index,
and borrows the dependencies from this interpreter's site-packages through a .pth file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_FOLDERS = ("schemas", "extractors", "warehouse", "flows")
DATA_SUFFIXES = (".txt", ".tsv", ".yaml", ".sql", ".html")
BUILD_INPUTS = ("pyproject.toml", "README.md", "zhaoyin", *PACKAGE_FOLDERS)


def run(*command: str | Path, cwd: Path, timeout: float = 300) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PIP_INDEX_URL")}
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def expected_wheel_entries() -> tuple[list[str], list[str]]:
    """(package folders, data files) of the repository's four packages, as paths inside the wheel; data
    folders without an `__init__.py` (`extractors/data/`) ship with the package above them."""
    packages: list[str] = []
    data_files: list[str] = []
    for top in PACKAGE_FOLDERS:
        for folder, subfolders, files in os.walk(ROOT / top):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__" and not d.startswith("."))
            relative = Path(folder).relative_to(ROOT).as_posix()
            if "__init__.py" in files:
                packages.append(f"zhaoyin/{relative}")
            data_files.extend(f"zhaoyin/{relative}/{name}" for name in files if name.endswith(DATA_SUFFIXES))
    return packages, data_files


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(the built wheel, the fresh venv it is installed in)."""
    work = tmp_path_factory.mktemp("package")
    source = work / "source"
    source.mkdir()
    for name in BUILD_INPUTS:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(origin, source / name)
    wheels = work / "wheels"
    run(sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation", "--no-index",
        "-w", wheels, cwd=work)  # fmt: skip
    [wheel] = wheels.glob("zhaoyin-*.whl")

    venv = work / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=work)
    run(venv / "bin" / "pip", "install", "--no-deps", "--no-index", "--quiet", wheel, cwd=work)
    fresh_site_packages = run(
        venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work
    ).strip()
    (Path(fresh_site_packages) / "borrowed_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return wheel, venv


def test_the_installed_wheel_imports_from_outside_the_repository(installed, tmp_path):
    _, venv = installed
    printed = run(
        venv / "bin" / "python",
        "-c",
        "import zhaoyin, zhaoyin.flows.cli, zhaoyin.extractors.pipeline, zhaoyin.warehouse, zhaoyin.schemas; "
        "print(zhaoyin.__version__); print(zhaoyin.extractors.pipeline.__file__)",
        cwd=tmp_path,
    )
    version, pipeline_file = printed.split()
    assert version != "0+unknown"
    assert Path(pipeline_file).is_relative_to(venv), f"imported {pipeline_file}, not the installed copy"


def test_the_console_script_runs(installed, tmp_path):
    _, venv = installed
    assert "import" in run(venv / "bin" / "zhaoyin", "--help", cwd=tmp_path)


def test_nothing_generic_is_installed_beside_zhaoyin(installed, tmp_path):
    _, venv = installed
    shown = run(venv / "bin" / "pip", "show", "-f", "zhaoyin", cwd=tmp_path)
    files = [line.strip() for line in shown.split("Files:", 1)[1].splitlines() if line.strip()]
    assert files, shown
    stray = [f for f in files if f.split("/", 1)[0] in PACKAGE_FOLDERS]
    assert stray == []
    assert any(f.startswith("zhaoyin/flows/cli/") for f in files)


def test_every_package_folder_is_in_the_wheel_with_its_data_files(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    packages, data_files = expected_wheel_entries()
    assert "zhaoyin/extractors/readers" in packages and data_files  # the walk found the repository
    missing_packages = [p for p in packages if f"{p}/__init__.py" not in names]
    missing_data = [d for d in data_files if d not in names]
    assert missing_packages == []
    assert missing_data == []
