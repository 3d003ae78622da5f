"""Console script `zhaoyin`. Each command family lives in its own `commands_*.py` module beside this one."""

from zhaoyin.flows.settings import configure_prefect_env

configure_prefect_env()

from zhaoyin.flows.cli import (  # noqa: E402,F401  (importing registers the commands)
    commands_browse,
    commands_crawl,
    commands_eval,
    commands_import,
    commands_info,
    commands_ner,
    commands_warehouse,
)
from zhaoyin.flows.cli.app import app  # noqa: E402

__all__ = ["app"]
