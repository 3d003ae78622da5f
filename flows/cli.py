"""Console script `zhaoyin`. Each command family lives in its own `flows/commands_*.py`."""

from zhaoyin.flows.settings import configure_prefect_env

configure_prefect_env()

from zhaoyin.flows import (  # noqa: E402,F401  (importing registers the commands)
    commands_crawl,
    commands_eval,
    commands_import,
    commands_ner,
    commands_warehouse,
)
from zhaoyin.flows.cli_app import app  # noqa: E402

__all__ = ["app"]

if __name__ == "__main__":
    app()
