"""Process-wide settings read from the environment, applied before Prefect is imported."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "zhaoyin.duckdb"
DEFAULT_TIMEZONE = "Asia/Shanghai"


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    return Path(explicit or os.environ.get("ZHAOYIN_DB") or DEFAULT_DB)


def default_timezone() -> str:
    """The zone cron schedules are read in when a source spec names none: ZHAOYIN_TIMEZONE, else China."""
    return os.environ.get("ZHAOYIN_TIMEZONE") or DEFAULT_TIMEZONE


def cache_dir() -> Path:
    """Where caches (jieba's dictionary cache, Prefect's home) live: never $HOME or /tmp."""
    path = Path(os.environ.get("ZHAOYIN_CACHE_DIR") or Path.cwd() / ".zhaoyin-cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


def configure_prefect_env() -> None:
    """Prefect reads these at import time; set defaults the user has not set."""
    os.environ.setdefault("PREFECT_HOME", str(cache_dir() / "prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The client side of Prefect's telemetry (and its first-run notice) honours only DO_NOT_TRACK.
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")
    # The ephemeral server's default 20 s start-up budget is too tight on a busy 2-core machine.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
