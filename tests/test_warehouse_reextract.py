"""`zhaoyin reextract`: stored texts go through the current pipeline again; records are replaced, and a
second run with nothing changed changes no counts and no project ids."""

from __future__ import annotations

from test_warehouse_fixtures import story
from typer.testing import CliRunner

from zhaoyin import warehouse
from zhaoyin.flows.cli import app
from zhaoyin.flows.cli.commands_warehouse import stored_document
from zhaoyin.warehouse.loading import RECORD_TABLES


def snapshot(db):
    con = warehouse.connect(db, read_only=True)
    try:
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("documents", *RECORD_TABLES)
        }
        versions = {v for (v,) in con.execute("SELECT DISTINCT extractor_version FROM projects").fetchall()}
        projects = con.execute("SELECT project_id, sources FROM v_projects ORDER BY project_id").fetchall()
        return counts, versions, projects
    finally:
        con.close()


def test_stored_document_rebuilds_the_same_document(db_path):
    doc, ext = story()[0]
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, [(doc, ext)], [])
    cursor = con.execute("SELECT * FROM documents")
    columns = [d[0] for d in cursor.description]
    row = dict(zip(columns, cursor.fetchall()[0], strict=True))
    con.close()
    rebuilt = stored_document(row)
    assert rebuilt.doc_id == doc.doc_id
    assert (rebuilt.text, rebuilt.source, rebuilt.published, rebuilt.sha256) == (
        doc.text,
        doc.source,
        doc.published,
        doc.sha256,
    )


def test_reextract_replaces_records_and_is_stable(db_path):
    from zhaoyin.extractors.pipeline import EXTRACTOR_VERSION

    items = story()
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, items, [])
    con.close()
    counts_before, versions_before, _ = snapshot(db_path)
    assert versions_before == {"test-1"}

    runner = CliRunner()
    first = runner.invoke(app, ["reextract", "--db", str(db_path), "--batch-size", "4"])
    assert first.exit_code == 0, first.output
    counts_1, versions_1, projects_1 = snapshot(db_path)
    assert counts_1["documents"] == counts_before["documents"] == len(items)
    assert versions_1 <= {EXTRACTOR_VERSION}
    assert counts_1["projects"] > 0

    second = runner.invoke(app, ["reextract", "--db", str(db_path)])
    assert second.exit_code == 0, second.output
    assert snapshot(db_path) == (counts_1, versions_1, projects_1)
