"""Shared fixtures. Prefect's env is set before anything imports prefect."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("ZHAOYIN_CACHE_DIR", str(ROOT / ".zhaoyin-cache"))
os.environ.setdefault("PREFECT_HOME", str(Path(os.environ["ZHAOYIN_CACHE_DIR"]) / "prefect-test"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

# Property tests are reproducible by default (CI must not fail on a new random draw);
# `HYPOTHESIS_PROFILE=explore make test` searches fresh examples, and more of them.
settings.register_profile("default", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=1000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def pytest_addoption(parser):
    parser.addoption("--run-stress", action="store_true", help="run the long stress tests (make stress)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-stress"):
        return
    skip = pytest.mark.skip(reason="stress test: run with `make stress`")
    for item in items:
        if "stress" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def prefect_harness():
    """One ephemeral Prefect server for the whole session (start-up costs 12–25 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (corpus and gold annotations) is not beside this checkout")
    return SHARED


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="session")
def cli():
    """Invoke the `zhaoyin` CLI in-process: cli("extract", path, "--format", "json") → typer's Result."""
    from typer.testing import CliRunner

    from zhaoyin.flows.cli import app

    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])
