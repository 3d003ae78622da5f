"""The typer app every `flows/commands_*.py` module registers its commands on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from flows.settings import DEFAULT_DB

app = typer.Typer(
    name="zhaoyin",
    help="招引 zhaoyin: Chinese investment-attraction reports → a DuckDB warehouse you query with SQL.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="ZHAOYIN_DB", help="Warehouse file (DuckDB).", show_default=True),
]
DEFAULT_DB_PATH = Path(DEFAULT_DB)


def plain(value: object) -> str:
    """User data (file names, reasons, extracted text) shown inside rich markup: brackets stay literal."""
    return escape(str(value))
