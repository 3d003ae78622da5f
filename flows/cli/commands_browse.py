"""Command: `zhaoyin browse` — the warehouse in a local, read-only web view (flows/browse)."""

from __future__ import annotations

from typing import Annotated

import typer

from zhaoyin.flows.cli.app import DEFAULT_DB_PATH, DbOption, app, console, examples, fail, open_warehouse

DEFAULT_PORT = 8001


@app.command(
    "browse",
    epilog=examples(
        "zhaoyin browse                      # then open http://127.0.0.1:8001/",
        "zhaoyin browse --db archive.duckdb --port 8080 --open",
    ),
)
def browse_command(
    db: DbOption = DEFAULT_DB_PATH,
    port: Annotated[
        int, typer.Option("--port", "-p", min=1, max=65535, help="Port on 127.0.0.1.")
    ] = DEFAULT_PORT,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in your web browser.")] = False,
) -> None:
    """Browse projects (with their timeline and source sentences), districts, companies, full-text search
    and a read-only SQL box in your browser; every table downloads as CSV. Listens on 127.0.0.1 only."""
    import socket

    from zhaoyin.flows.browse.server import serve

    open_warehouse(db, read_only=True).close()
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            raise fail(f"port {port} on 127.0.0.1 is in use: choose another with --port") from None
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(1.0, webbrowser.open, [f"http://127.0.0.1:{port}/"]).start()
    serve(db, port=port, announce=lambda line: console.print(line, highlight=False))
