"""The typer app every `commands_*.py` module of this package registers its commands on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from zhaoyin.flows.settings import DEFAULT_DB

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


def require_backend(name: str) -> None:
    """Exit 2 with the backend's own instructions (what to install, where the model goes) when it cannot
    run here, before any file is touched."""
    from zhaoyin.extractors.backends import BACKEND_NAMES, BackendUnavailable
    from zhaoyin.flows.importing.runners import ensure_backend

    if name not in BACKEND_NAMES:
        err_console.print(
            f"[red]unknown backend {plain(name)!r}: choose from {', '.join(BACKEND_NAMES)}[/red]"
        )
        raise typer.Exit(2)
    try:
        ensure_backend(name)
    except BackendUnavailable as error:
        err_console.print(f"[red]the {name} backend cannot run here.[/red] {plain(error.message)}")
        raise typer.Exit(2) from None
