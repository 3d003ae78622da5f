"""Commands: `zhaoyin crawl [NAME]` (each source once, now) and `zhaoyin serve` (on their schedules).

Prefect and the crawler are imported inside the commands so `zhaoyin --help` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from zhaoyin.flows.cli.app import DEFAULT_DB_PATH, DbOption, app, console, err_console, plain

SpecOption = Annotated[
    list[Path] | None,
    typer.Option("--spec", help="A source spec YAML file (repeatable); instead of --sources-dir."),
]
SourcesDirOption = Annotated[
    Path | None,
    typer.Option(
        "--sources-dir",
        envvar="ZHAOYIN_SOURCES_DIR",
        help="Folder of source spec YAML files (default: ./sources).",
    ),
]

SUMMARY_COLUMNS = (
    ("list pages", "list_pages"),
    ("pages fetched", "pages_fetched"),
    ("new articles", "new_articles"),
    ("changed", "changed_articles"),
    ("attachments", "attachments"),
    ("not modified", "not_modified"),
    ("skipped (robots)", "skipped_robots"),
    ("refused off-domain", "refused_off_domain"),
    ("refused other", "refused_other"),
    ("too large", "too_large"),
    ("errors", "errors"),
    ("new documents", "documents_loaded"),
    ("quarantined", "quarantined"),
)


def select_specs(name: str | None, spec_files: list[Path] | None, sources_dir: Path | None):
    """The specs a command acts on; exits with a readable message when there are none."""
    from zhaoyin.flows.crawling.sources import SpecError, default_sources_dir, load_sources, load_spec

    try:
        if spec_files:
            specs = [load_spec(path) for path in spec_files]
        else:
            specs = load_sources(sources_dir or default_sources_dir())
    except SpecError as error:
        err_console.print(f"[red]{plain(error)}[/red]", markup=True, highlight=False)
        raise typer.Exit(2) from None
    if name is not None:
        chosen = [spec for spec in specs if spec.name == name]
        if not chosen:
            names = ", ".join(spec.name for spec in specs) or "(none)"
            err_console.print(f"[red]no source named {name!r}; available: {names}[/red]")
            raise typer.Exit(2)
        specs = chosen
    if not specs:
        err_console.print("[red]no source specs found (give --spec FILE or --sources-dir DIR)[/red]")
        raise typer.Exit(2)
    return specs


def summary_table(summaries) -> Table:
    """One row per count, one column per source (stays narrow with many counts)."""
    table = Table(title="crawl summary")
    table.add_column("")
    for summary in summaries:
        table.add_column(summary.source, justify="right")
    for label, attr in SUMMARY_COLUMNS:
        values = [getattr(summary, attr) for summary in summaries]
        table.add_row(label, *("–" if v is None else str(v) for v in values))
    return table


@app.command("crawl")
def crawl_command(
    name: Annotated[str | None, typer.Argument(help="Crawl only the source with this name.")] = None,
    spec: SpecOption = None,
    sources_dir: SourcesDirOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    no_prefect: Annotated[
        bool,
        typer.Option("--no-prefect", help="Run the crawl as a plain function, without a Prefect flow run."),
    ] = False,
) -> None:
    """Crawl source sites and feeds once: new and changed articles go through the import pipeline."""
    specs = select_specs(name, spec, sources_dir)
    from zhaoyin.flows.crawling.crawl import crawl_source, progress_callback, run_crawl

    summaries, failed = [], []
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.fields[source]}[/bold]"),
        TextColumn("{task.completed} fetches"),
        TextColumn("{task.description}", style="dim"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        for source in specs:
            task = progress.add_task("", total=None, source=source.name)

            def advance(outcome: str, url: str, task=task) -> None:
                progress.update(task, advance=1, description=f"{outcome}: {url}"[-90:])

            token = progress_callback.set(advance)
            try:
                summary = run_crawl(source, db) if no_prefect else crawl_source(source, str(db))
            except Exception as error:  # one broken source does not stop the others
                failed.append(source.name)
                err_console.print(
                    f"[red]{plain(source.name)}: crawl failed: {type(error).__name__}: {plain(error)}[/red]"
                )
                continue
            finally:
                progress_callback.reset(token)
                progress.update(task, description="done", total=progress.tasks[task].completed)
            summaries.append(summary)
    if summaries:
        console.print(summary_table(summaries))
        for summary in summaries:
            for message in summary.error_messages[:10]:
                err_console.print(
                    f"[yellow]{plain(summary.source)}: {plain(message)}[/yellow]", highlight=False
                )
    if failed:
        raise typer.Exit(1)


@app.command("serve")
def serve_command(
    spec: SpecOption = None,
    sources_dir: SourcesDirOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    server_port: Annotated[
        int, typer.Option(help="Port of the local Prefect server started when PREFECT_API_URL is not set.")
    ] = 4200,
) -> None:
    """Serve each source's schedule as a Prefect deployment until Ctrl-C (see docs/crawling.md)."""
    specs = select_specs(None, spec, sources_dir)
    from zhaoyin.flows.crawling.serve import ServerError, serve

    unscheduled = [s.name for s in specs if not s.schedule]
    if unscheduled:
        console.print(f"without schedule (run them from the UI or `zhaoyin crawl`): {', '.join(unscheduled)}")
    console.print(f"serving {len(specs)} source(s): {', '.join(s.name for s in specs)}")
    try:
        serve(specs, db, server_port=server_port, announce=console.print)
    except ServerError as error:
        err_console.print(f"[red]{plain(error)}[/red]")
        raise typer.Exit(1) from None
