"""Commands: `zhaoyin crawl [NAME]` (each source once, now) and `zhaoyin serve` (on their schedules).

Prefect and the crawler are imported inside the commands so `zhaoyin --help` stays quick.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from zhaoyin.flows.cli.app import (
    DEFAULT_DB_PATH,
    EXIT_PARTIAL,
    EXIT_USAGE,
    DbOption,
    JsonOption,
    app,
    check_writable_warehouse,
    console,
    err_console,
    examples,
    fail,
)
from zhaoyin.flows.cli.output import emit_json, plain

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
        raise fail(" ".join(str(error).split())) from None
    if name is not None:
        chosen = [spec for spec in specs if spec.name == name]
        if not chosen:
            names = ", ".join(spec.name for spec in specs) or "(none)"
            raise fail(f"no source named {name!r}; available: {names}")
        specs = chosen
    if not specs:
        raise fail("no source specs found (give --spec FILE or --sources-dir DIR)")
    return specs


def source_failed(summary) -> bool:
    """Nothing could be fetched from the source: every request failed or was refused."""
    return (
        summary.pages_fetched == 0
        and summary.not_modified == 0
        and bool(summary.errors or summary.refused_other or summary.too_large)
    )


def partly_failed(summary) -> bool:
    return bool(summary.errors or summary.refused_other or summary.too_large or summary.quarantined)


def schedule_table(specs) -> Table:
    """Each source's schedule, its zone and its next runs (in that zone)."""
    table = Table(title=f"serving {len(specs)} source(s)")
    for column in ("source", "cron", "time zone", "next runs"):
        table.add_column(column)
    for spec in specs:
        runs = spec.next_runs(3)
        table.add_row(
            plain(spec.name),
            plain(spec.schedule or "–"),
            spec.timezone if spec.schedule else "–",
            ", ".join(run.isoformat(sep=" ", timespec="minutes") for run in runs)
            or "no schedule: run it from the Prefect UI or with `zhaoyin crawl`",
        )
    return table


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


@app.command(
    "crawl",
    epilog=examples(
        "zhaoyin crawl                       # every spec in ./sources",
        "zhaoyin crawl qingdao-gov --sources-dir samples/sources",
        "zhaoyin crawl --spec my-site.yaml --json",
    ),
)
def crawl_command(
    name: Annotated[
        str | None, typer.Argument(metavar="[SOURCE]", help="Crawl only the source with this name.")
    ] = None,
    spec: SpecOption = None,
    sources_dir: SourcesDirOption = None,
    db: DbOption = DEFAULT_DB_PATH,
    no_prefect: Annotated[
        bool,
        typer.Option("--no-prefect", help="Run the crawl as a plain function, without a Prefect flow run."),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Exit 2 instead of 1 when a request failed or a file was quarantined."),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Crawl source sites and feeds once: new and changed articles go through the import pipeline.

    Exit status: 0 every request answered, 1 a source failed or some requests failed or were refused
    (2 with --strict), 2 an unknown source or a bad spec.
    """
    specs = select_specs(name, spec, sources_dir)
    check_writable_warehouse(db)
    from zhaoyin.flows.crawling.crawl import crawl_source, progress_callback, run_crawl

    summaries, failed = [], []
    with Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.fields[source]}[/bold]"),
        TextColumn("{task.completed} fetches"),
        TextColumn("{task.description}", style="dim"),
        TimeElapsedColumn(),
        console=err_console if as_json else console,
        transient=as_json,
    ) as progress:
        for source in specs:
            task = progress.add_task("", total=None, source=source.name)

            def advance(outcome: str, url: str, task=task) -> None:
                progress.update(task, advance=1, description=plain(f"{outcome}: {url}"[-90:]))

            token = progress_callback.set(advance)
            try:
                summary = run_crawl(source, db) if no_prefect else crawl_source(source, str(db))
            except Exception as error:  # one broken source does not stop the others
                failed.append(source.name)
                reason = " ".join(str(error).split())
                err_console.print(
                    f"[red]{plain(source.name)}: crawl failed: {type(error).__name__}: {plain(reason)}[/red]",
                    highlight=False,
                )
                continue
            finally:
                progress_callback.reset(token)
                progress.update(task, description="done", total=progress.tasks[task].completed)
            summaries.append(summary)
    failed += [summary.source for summary in summaries if source_failed(summary)]
    partial = bool(failed) or any(partly_failed(summary) for summary in summaries)
    code = (EXIT_USAGE if strict else EXIT_PARTIAL) if partial else 0
    if as_json:
        emit_json(
            {
                "sources": [summary.model_dump(mode="json") for summary in summaries],
                "failed": failed,
                "exit_code": code,
            }
        )
        raise typer.Exit(code)
    if summaries:
        console.print(summary_table(summaries))
        for summary in summaries:
            for message in summary.error_messages[:10]:
                err_console.print(
                    f"[yellow]{plain(summary.source)}: {plain(message)}[/yellow]", highlight=False
                )
    if failed:
        err_console.print(
            f"[red]error: nothing could be fetched from {plain(', '.join(failed))}[/red]", highlight=False
        )
    raise typer.Exit(code)


@app.command(
    "serve",
    epilog=examples(
        "zhaoyin serve                               # every spec in ./sources, on its schedule",
        "zhaoyin serve --spec qingdao.yaml --db /data/zhaoyin.duckdb",
        "PREFECT_API_URL=http://prefect:4200/api zhaoyin serve",
    ),
)
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
    check_writable_warehouse(db)
    from zhaoyin.flows.crawling.serve import ServerError, serve

    console.print(schedule_table(specs))
    console.print("serving until Ctrl-C (or SIGTERM); schedules fire in each source's time zone")
    try:
        serve(specs, db, server_port=server_port, announce=console.print)
    except ServerError as error:
        err_console.print(f"[red]{plain(error)}[/red]")
        raise typer.Exit(1) from None
