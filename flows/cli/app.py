"""The typer app every `commands_*.py` module of this package registers its commands on, and what they
share: exit codes, one-line errors, opening the warehouse.

Exit codes (docs/cli.md): 0 the command did what was asked; 1 it did part of it (files quarantined, a source
failed) or failed at run time; 2 usage: a missing path, a file that is not a warehouse, an unknown source,
a refused query (and, with --strict, a partial job); 3 the warehouse stayed locked by another writer.
No traceback reaches the user unless ZHAOYIN_DEBUG=1.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from typer.core import TyperGroup, TyperOption
from typer.exceptions import TyperException

from zhaoyin.flows.cli.output import plain
from zhaoyin.flows.settings import DEFAULT_DB

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_BUSY = 3
DEBUG_ENV = "ZHAOYIN_DEBUG"

console = Console()
err_console = Console(stderr=True)


class UsageError(Exception):
    """A mistake in what the user asked for: one line on stderr, exit 2 (or `code`)."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def debugging() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip() not in ("", "0", "false", "no")


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print `error: message` on stderr and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {plain(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def describe_error(error: BaseException) -> tuple[str, int]:
    """One line and an exit code for an exception no command handled itself."""
    from zhaoyin.warehouse import WarehouseBusy

    if isinstance(error, UsageError):
        return str(error), error.code
    if isinstance(error, WarehouseBusy):
        return str(error), EXIT_BUSY
    message = " ".join(str(error).split()) or type(error).__name__
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or message}: {error.filename}", EXIT_PARTIAL
    return f"{type(error).__name__}: {message}", EXIT_PARTIAL


class ZhaoyinGroup(TyperGroup):
    """Turns every exception a command lets through into one line on stderr and an honest exit code."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException, SystemExit):
            raise
        except Exception as error:
            if debugging():
                raise
            message, code = describe_error(error)
            hint = "" if isinstance(error, UsageError) else f" (set {DEBUG_ENV}=1 for the traceback)"
            err_console.print(f"[bold red]error:[/] {plain(message)}{hint}", highlight=False, soft_wrap=True)
            raise typer.Exit(code) from None


# A flag takes no value: typer would show `<bool>` beside it in --help, as if it wanted one.
_display_type_rich = TyperOption.display_type_rich
TyperOption.display_type_rich = lambda self, ctx: None if self.is_flag else _display_type_rich(self, ctx)

app = typer.Typer(
    name="zhaoyin",
    cls=ZhaoyinGroup,
    help="招引 zhaoyin: Chinese investment-attraction reports → a DuckDB warehouse you query with SQL.",
    epilog="Start with: zhaoyin import samples/ · zhaoyin info · zhaoyin sql 'select * from v_projects' · "
    "zhaoyin browse",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

DbOption = Annotated[
    Path,
    typer.Option("--db", envvar="ZHAOYIN_DB", help="Warehouse file (DuckDB).", show_default=True),
]
DEFAULT_DB_PATH = Path(DEFAULT_DB)
JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]


def examples(*lines: str) -> str:
    """A command's --help epilog: one example per line."""
    return "[bold]Examples[/bold]\n\n" + "\n\n".join(f"  [cyan]{line}[/cyan]" for line in lines)


def version_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    from zhaoyin.extractors.pipeline import EXTRACTOR_VERSION

    try:
        package = version("zhaoyin")
    except PackageNotFoundError:
        package = "(not installed)"
    return f"zhaoyin {package} (extractor {EXTRACTOR_VERSION})"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(version_text())
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only results and errors.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also print Prefect's and the crawler's log.")
    ] = False,
) -> None:
    if quiet:
        console.quiet = True
    if verbose:
        import logging

        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


# The first bytes of a DuckDB file: an 8-byte checksum, then this magic.
_DUCKDB_MAGIC = b"DUCK"


def check_warehouse_file(db: Path, *, must_exist: bool = True) -> None:
    """Raise UsageError unless `db` is a DuckDB file (or, when `must_exist` is false, a file that may be
    created: absent, in a folder that exists). Nothing is opened or created."""
    if not db.exists():
        if must_exist:
            raise UsageError(f"no warehouse at {db}: import something first (zhaoyin import PATH --db {db})")
        if not db.parent.is_dir():
            raise UsageError(f"cannot create the warehouse {db}: no folder {db.parent}")
        return
    if db.is_dir():
        raise UsageError(f"{db} is a folder, not a warehouse file")
    with db.open("rb") as handle:
        header = handle.read(16)
    if header[8:12] != _DUCKDB_MAGIC:
        kind = " (it is a SQLite database)" if header.startswith(b"SQLite format 3") else ""
        if not header and not must_exist:
            raise UsageError(f"{db} is an empty file, not a warehouse: remove it or choose another --db")
        raise UsageError(f"{db} is not a zhaoyin warehouse{kind}: it is not a DuckDB file")


def open_warehouse(db: Path, *, read_only: bool = True, wait_seconds: float = 30):
    """The warehouse connection after the checks above; a DuckDB file of something else is refused."""
    from zhaoyin import warehouse

    check_warehouse_file(db, must_exist=read_only)
    con = warehouse.connect(db, read_only=read_only, wait_seconds=wait_seconds)
    tables = {
        r[0]
        for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()
    }
    if "documents" not in tables:
        con.close()
        raise UsageError(f"{db} is a DuckDB file but not a zhaoyin warehouse (it has no documents table)")
    return con


def check_writable_warehouse(db: Path) -> None:
    """Before a command writes to `db`: it is absent (and can be created) or a zhaoyin warehouse."""
    check_warehouse_file(db, must_exist=False)
    if not db.exists():
        return
    from zhaoyin.warehouse import WarehouseBusy

    try:
        con = open_warehouse(db, read_only=True, wait_seconds=0)
    except WarehouseBusy:  # a writer holds it: it is a warehouse; the command will wait its turn
        return
    con.close()


def require_backend(name: str) -> None:
    """Exit 2 with the backend's own instructions (what to install, where the model goes) when it cannot
    run here, before any file is touched."""
    from zhaoyin.extractors.backends import BACKEND_NAMES, BackendUnavailable
    from zhaoyin.flows.importing.runners import ensure_backend

    if name not in BACKEND_NAMES:
        raise fail(f"unknown backend {name!r}: choose from {', '.join(BACKEND_NAMES)}")
    try:
        ensure_backend(name)
    except BackendUnavailable as error:
        raise fail(f"the {name} backend cannot run here. {error.message}") from None
