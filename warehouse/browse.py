"""The queries behind `zhaoyin browse`: pages of projects, districts, companies and documents, each a
(columns, rows) pair read from the analyst views. Every function takes a read-only connection; filters are
bound parameters, never pasted into SQL."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from zhaoyin.warehouse.connection import open_with_retry

PAGE_SIZE = 50
PROJECT_SORTS = {
    "amount": "amount_yuan DESC NULLS LAST, project_id",
    "latest": "last_reported DESC NULLS LAST, project_id",
    "name": "name, project_id",
    "sources": "sources DESC, amount_yuan DESC NULLS LAST, project_id",
}
STATUSES = ("planned", "signed", "landed", "started", "completed", "operating")


def open_readonly(path, *, wait_seconds: float = 10) -> duckdb.DuckDBPyConnection:
    """The warehouse opened read-only with external access off: pages can read it and nothing else."""
    con = open_with_retry(
        path, read_only=True, wait_seconds=wait_seconds, config={"enable_external_access": False}
    )
    con.execute("SET lock_configuration = true")
    return con


@dataclass
class Rows:
    columns: list[str]
    rows: list[tuple]
    total: int | None = None
    extra: dict = field(default_factory=dict)

    def dicts(self) -> list[dict]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _fetch(con, sql: str, params: list | dict | None = None) -> Rows:
    cursor = con.execute(sql, params or [])
    return Rows([d[0] for d in cursor.description], cursor.fetchall())


def overview(con) -> dict:
    counts = con.execute(
        """SELECT (SELECT count(*) FROM documents WHERE reprint_of IS NULL),
                  (SELECT count(*) FROM documents WHERE reprint_of IS NOT NULL),
                  (SELECT count(*) FROM v_projects),
                  (SELECT count(*) FROM dim_companies),
                  (SELECT count(*) FROM dim_districts),
                  (SELECT coalesce(sum(amount_yuan), 0) FROM v_projects),
                  (SELECT count(*) FROM quarantine)"""
    ).fetchall()[0]
    keys = ("documents", "reprints", "projects", "companies", "districts", "investment_yuan", "quarantined")
    return dict(zip(keys, counts, strict=True))


def project_filters(
    *, q: str = "", district: str = "", company: str = "", status: str = "", min_yuan: float | None = None
) -> tuple[str, list]:
    clauses, params = [], []
    if q:
        clauses.append(
            "(contains(name, ?) OR contains(coalesce(company, ''), ?) OR contains(latest_evidence, ?))"
        )
        params += [q, q, q]
    if district:
        clauses.append("district = ?")
        params.append(district)
    if company:
        clauses.append("company = ?")
        params.append(company)
    if status:
        clauses.append("latest_status = ?")
        params.append(status)
    if min_yuan is not None:
        clauses.append("amount_yuan >= ?")
        params.append(min_yuan)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


PROJECT_COLUMNS = (
    "project_id, name, company, district, amount_yuan, amount_text, latest_status, "
    "first_reported, last_reported, sources, latest_evidence"
)


def projects(
    con, *, sort: str = "amount", page: int = 1, page_size: int | None = PAGE_SIZE, **filters
) -> Rows:
    where, params = project_filters(**filters)
    order = PROJECT_SORTS.get(sort, PROJECT_SORTS["amount"])
    total = con.execute(f"SELECT count(*) FROM v_projects{where}", params).fetchall()[0][0]
    limit = "" if page_size is None else f" LIMIT {int(page_size)} OFFSET {max(0, page - 1) * int(page_size)}"
    rows = _fetch(con, f"SELECT {PROJECT_COLUMNS} FROM v_projects{where} ORDER BY {order}{limit}", params)
    rows.total = total
    return rows


def project(con, project_id: str) -> dict | None:
    found = _fetch(con, "SELECT * FROM v_projects WHERE project_id = ?", [project_id]).dicts()
    if not found:
        return None
    timeline = _fetch(
        con,
        """SELECT event, event_date, published, title, publisher, source, doc_id, amount_text, evidence
           FROM v_project_events WHERE project_id = ?
           ORDER BY event_date NULLS LAST, stage_rank(event), doc_id, seq""",
        [project_id],
    )
    reprints = _fetch(
        con,
        """SELECT DISTINCT d.doc_id, d.title, d.source, d.reprint_of
           FROM projects p JOIN project_links l ON l.doc_id = p.doc_id AND l.seq = p.seq
           JOIN documents d ON d.doc_id = p.doc_id
           WHERE l.project_id = ? AND d.reprint_of IS NOT NULL ORDER BY d.doc_id""",
        [project_id],
    )
    return {"project": found[0], "timeline": timeline.dicts(), "reprints": reprints.dicts()}


def districts(con) -> Rows:
    return _fetch(
        con,
        """SELECT d.canonical AS district, d.city, d.province, d.admin_code, d.kind, d.documents,
                  count(p.project_id) AS projects, sum(p.amount_yuan) AS investment_yuan
           FROM dim_districts d LEFT JOIN v_projects p ON p.district = d.canonical
           GROUP BY ALL ORDER BY projects DESC, investment_yuan DESC NULLS LAST, district""",
    )


def companies(con, q: str = "") -> Rows:
    where = " WHERE contains(c.canonical, ?) OR list_contains(c.aliases, ?)" if q else ""
    return _fetch(
        con,
        f"""SELECT c.canonical AS company, c.aliases, c.documents,
                   count(p.project_id) AS projects, sum(p.amount_yuan) AS investment_yuan
            FROM dim_companies c LEFT JOIN v_projects p ON p.company_id = c.company_id
            {where}
            GROUP BY ALL ORDER BY projects DESC, investment_yuan DESC NULLS LAST, company""",
        [q, q] if q else [],
    )


def document(con, doc_id: str) -> dict | None:
    found = _fetch(
        con,
        """SELECT doc_id, title, published, source, publisher, media_type, reprint_of, char_count
           FROM v_documents WHERE doc_id = ?""",
        [doc_id],
    ).dicts()
    if not found:
        return None
    text = con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchall()[0][0]
    projects_here = _fetch(
        con,
        """SELECT DISTINCT project_id, name, event, evidence FROM v_project_events
           WHERE doc_id = ? ORDER BY name""",
        [doc_id],
    ).dicts()
    return {**found[0], "text": text, "projects": projects_here}
