"""Process-wide settings read from the environment, applied before Prefect is imported."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "zhaoyin.duckdb"


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    return Path(explicit or os.environ.get("ZHAOYIN_DB") or DEFAULT_DB)


def cache_dir() -> Path:
    """Where caches (jieba's dictionary cache, Prefect's home) live: never $HOME or /tmp."""
    path = Path(os.environ.get("ZHAOYIN_CACHE_DIR") or Path.cwd() / ".zhaoyin-cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


def configure_prefect_env() -> None:
    """Prefect reads these at import time; set defaults the user has not set."""
    os.environ.setdefault("PREFECT_HOME", str(cache_dir() / "prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    # The ephemeral server's default 20 s start-up budget is too tight on a busy 2-core machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
