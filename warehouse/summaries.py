"""Summary tables kept by the writer: one row per project (`project_summary`) and per district
(`district_summary`), so that v_projects_all, dim_districts and the views built on them read a row per
project or district instead of aggregating every report on each query.

A batch re-summarizes only what it touched: the projects of its new links (project_links.summarized is false
until then), the projects whose company changed (company_names compared with what the summaries last saw) or
whose reports became or stopped being reprints (documents.reprint_of compared likewise), and the districts of
its new districts rows. Rows deleted since the last refresh (a re-extraction, a rebuild of the links) are seen
as a count that no longer adds up, and everything is summarized again.
"""

from __future__ import annotations

import duckdb

# The aggregates of v_projects_all as they were computed from the reports (and still are, here, for the
# projects a batch touched). `{links}` is the set of project_links rows to summarize. A tie of mode() or of
# the longest name goes to the report stored first, whichever rows the join brings in which order.
_PROJECT_ROWS = """
WITH l AS (
    SELECT doc_id, seq, project_id, company_id FROM project_links {links}
),
reported AS (
    SELECT l.project_id, p.status AS event, d.published_date AS event_date, p.name, p.company, l.company_id,
           p.district, p.amount_text, p.amount_yuan, p.evidence, p.doc_id, p.seq,
           coalesce(p.kind, 'project') AS kind,
           coalesce(p.amount_value, p.amount_yuan) AS amount_value,
           coalesce(p.amount_currency, CASE WHEN p.amount_yuan IS NOT NULL THEN 'CNY' END) AS amount_currency,
           d.reprint_of IS NOT NULL AS reprint,
           p.rowid AS stored_order
    FROM projects p
    JOIN l ON l.doc_id = p.doc_id AND l.seq = p.seq
    JOIN documents d ON d.doc_id = p.doc_id
),
e AS (
    SELECT *,
           (coalesce(event_date, DATE '0001-01-01'),
            CASE event WHEN 'planned' THEN 0 WHEN 'signed' THEN 1 WHEN 'landed' THEN 2 WHEN 'started' THEN 3
                       WHEN 'completed' THEN 4 WHEN 'operating' THEN 5 ELSE -1 END,
            doc_id, seq) AS event_order
    FROM reported WHERE NOT reprint
),
reprinted AS (
    SELECT project_id, count(DISTINCT doc_id) AS reprints FROM reported WHERE reprint GROUP BY ALL
),
agg AS (
    SELECT project_id,
           arg_max(name, length(name) ORDER BY stored_order) AS name,
           mode(company_id ORDER BY stored_order) AS company_id,
           arg_max(company, length(company) ORDER BY stored_order) AS company_as_reported,
           mode(district ORDER BY stored_order) AS district,
           arg_max(amount_yuan, event_order) FILTER (WHERE amount_yuan IS NOT NULL) AS amount_yuan,
           coalesce(arg_max(amount_text, event_order) FILTER (WHERE amount_yuan IS NOT NULL),
                    arg_max(amount_text, event_order) FILTER (WHERE amount_text IS NOT NULL)) AS amount_text,
           coalesce(arg_max(amount_value, event_order) FILTER (WHERE amount_yuan IS NOT NULL),
                    arg_max(amount_value, event_order) FILTER (WHERE amount_value IS NOT NULL)) AS amount_value,
           coalesce(arg_max(amount_currency, event_order) FILTER (WHERE amount_yuan IS NOT NULL),
                    arg_max(amount_currency, event_order) FILTER (WHERE amount_value IS NOT NULL)) AS amount_currency,
           mode(kind ORDER BY stored_order) AS kind,
           arg_max(event, event_order) FILTER (WHERE event IS NOT NULL) AS latest_status,
           min(event_date) AS first_reported,
           max(event_date) AS last_reported,
           count(DISTINCT doc_id) AS sources,
           count(*) AS reports,
           arg_max(evidence, event_order) AS latest_evidence,
           arg_max(doc_id, event_order) AS latest_doc_id,
           coalesce(bool_or(event = 'signed'), false) AS signed
    FROM e
    GROUP BY project_id
)
SELECT a.project_id, a.name, a.kind, a.company_as_reported, a.company_id, a.district, a.amount_yuan,
       a.amount_text, a.amount_value, a.amount_currency, a.latest_status, a.first_reported, a.last_reported,
       a.sources, a.reports, coalesce(r.reprints, 0), a.latest_evidence, a.latest_doc_id, a.signed
FROM agg a LEFT JOIN reprinted r ON r.project_id = a.project_id
"""
_PROJECT_COLUMNS = (
    "project_id, name, kind, company_as_reported, company_id, district, amount_yuan, amount_text, amount_value, "
    "amount_currency, latest_status, first_reported, last_reported, sources, reports, reprints, "
    "latest_evidence, latest_doc_id, signed"
)

_DISTRICT_ATTRIBUTES = ("admin_code", "city", "province", "kind")
# the counts of `_new_districts`, one row per canonical name, attribute and value
_DISTRICT_COUNTS = " UNION ALL ".join(
    f"SELECT canonical, '{attribute}', {attribute}, count(*), min(stored_row) FROM _new_districts "
    f"WHERE {attribute} IS NOT NULL GROUP BY ALL"
    for attribute in _DISTRICT_ATTRIBUTES
)
# district_summary's rows of the names in _touched_districts: the most frequent value of each attribute from
# the counts, the mentions and documents of `_new_districts` added to what the name had
_DISTRICT_ROWS = """
WITH counted AS (
    SELECT canonical, attribute, value, sum(reports) AS reports, min(first_row) AS first_row
    FROM district_value_counts WHERE canonical IN (SELECT canonical FROM _touched_districts)
    GROUP BY ALL
),
modes AS (
    SELECT canonical, arg_min(value, (-reports, first_row)) FILTER (WHERE attribute = 'admin_code') AS admin_code,
           arg_min(value, (-reports, first_row)) FILTER (WHERE attribute = 'city') AS city,
           arg_min(value, (-reports, first_row)) FILTER (WHERE attribute = 'province') AS province,
           arg_min(value, (-reports, first_row)) FILTER (WHERE attribute = 'kind') AS kind
    FROM counted GROUP BY canonical
),
added AS (
    SELECT canonical, flatten(list(mentions)) AS mentions, count(DISTINCT doc_id) AS documents
    FROM _new_districts GROUP BY canonical
)
SELECT t.canonical, m.admin_code, m.city, m.province, m.kind,
       list_sort(list_distinct(list_concat(coalesce(o.mentions, []), coalesce(a.mentions, [])))),
       coalesce(o.documents, 0) + coalesce(a.documents, 0)
FROM _touched_districts t
LEFT JOIN modes m USING (canonical)
LEFT JOIN added a USING (canonical)
LEFT JOIN district_summary o USING (canonical)
"""
_DISTRICT_COLUMNS = "canonical, admin_code, city, province, kind, mentions, documents"


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return con.execute(sql).fetchall()[0][0]


def _remember_counts(con: duckdb.DuckDBPyConnection) -> None:
    for key, table in (("summarized_links", "project_links"), ("summarized_districts", "districts")):
        con.execute(
            f"INSERT OR REPLACE INTO warehouse_meta VALUES ('{key}', (SELECT count(*) FROM {table})::VARCHAR)"
        )


def _out_of_step(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether rows were deleted from project_links or districts (or added already marked as summarized)
    since the last refresh: the summarized rows no longer number what the summaries counted."""
    remembered = dict(
        con.execute(
            "SELECT key, value FROM warehouse_meta WHERE key IN ('summarized_links', 'summarized_districts')"
        ).fetchall()
    )
    links = _count(con, "SELECT count(*) FILTER (WHERE summarized) FROM project_links")
    districts = _count(con, "SELECT count(*) FILTER (WHERE summarized) FROM districts")
    return remembered.get("summarized_links") != str(links) or remembered.get("summarized_districts") != str(
        districts
    )


def _remember_inputs(con: duckdb.DuckDBPyConnection) -> None:
    """Record what the summaries now reflect: every link and districts row, the company names, the reprints."""
    con.execute("UPDATE project_links SET summarized = true WHERE NOT summarized")
    con.execute("UPDATE districts SET summarized = true WHERE NOT summarized")
    con.execute(
        "DELETE FROM summary_company_names s WHERE NOT EXISTS ("
        " SELECT 1 FROM company_names n WHERE n.name = s.name AND n.company_id = s.company_id)"
    )
    con.execute(
        "INSERT INTO summary_company_names SELECT name, company_id FROM company_names n WHERE NOT EXISTS ("
        " SELECT 1 FROM summary_company_names s WHERE s.name = n.name AND s.company_id = n.company_id)"
    )
    con.execute(
        "DELETE FROM summary_reprints s WHERE NOT EXISTS ("
        " SELECT 1 FROM documents d WHERE d.doc_id = s.doc_id AND d.reprint_of IS NOT NULL)"
    )
    con.execute(
        "INSERT INTO summary_reprints SELECT doc_id FROM documents d WHERE reprint_of IS NOT NULL AND NOT EXISTS ("
        " SELECT 1 FROM summary_reprints s WHERE s.doc_id = d.doc_id)"
    )
    _remember_counts(con)


def _summarize_districts(con: duckdb.DuckDBPyConnection, rows: str = "WHERE NOT summarized") -> None:
    """Add the districts rows not summarized yet (or those of `rows`) to the counts and re-summarize their
    names."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _new_districts AS SELECT canonical, doc_id, mentions, "
        f"{', '.join(_DISTRICT_ATTRIBUTES)}, rowid AS stored_row FROM districts {rows}"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _touched_districts AS SELECT DISTINCT canonical FROM _new_districts"
    )
    try:
        if not _count(con, "SELECT count(*) FROM _touched_districts"):
            return
        con.execute(f"INSERT INTO district_value_counts {_DISTRICT_COUNTS}")
        con.execute(f"CREATE OR REPLACE TEMP TABLE _district_rows AS {_DISTRICT_ROWS}")
        con.execute(
            "DELETE FROM district_summary WHERE canonical IN (SELECT canonical FROM _touched_districts)"
        )
        con.execute(f"INSERT INTO district_summary ({_DISTRICT_COLUMNS}) SELECT * FROM _district_rows")
    finally:
        for table in ("_new_districts", "_touched_districts", "_district_rows"):
            con.execute(f"DROP TABLE IF EXISTS {table}")


def rebuild_summaries(con: duckdb.DuckDBPyConnection) -> None:
    """Summarize every project and district again (a new warehouse, a rebuild of the links, a re-extraction)."""
    con.execute("DELETE FROM project_summary")
    con.execute(f"INSERT INTO project_summary ({_PROJECT_COLUMNS}) {_PROJECT_ROWS.format(links='')}")
    con.execute("DELETE FROM district_value_counts")
    con.execute("DELETE FROM district_summary")
    _summarize_districts(con, rows="")
    _remember_inputs(con)


def refresh_summaries(con: duckdb.DuckDBPyConnection, *, full: bool = False) -> None:
    """Bring the summary tables up to date with what the last batch wrote (everything when `full`)."""
    if full or _out_of_step(con):
        rebuild_summaries(con)
        return
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE _touched_projects AS
        WITH changed_companies AS (
            SELECT company_id FROM company_names n
            WHERE NOT EXISTS (
                SELECT 1 FROM summary_company_names s WHERE s.name = n.name AND s.company_id = n.company_id)
        ),
        flipped_reprints AS (
            (SELECT doc_id FROM documents WHERE reprint_of IS NOT NULL EXCEPT SELECT doc_id FROM summary_reprints)
            UNION ALL
            (SELECT doc_id FROM summary_reprints
             EXCEPT SELECT doc_id FROM documents WHERE reprint_of IS NOT NULL)
        )
        SELECT DISTINCT project_id FROM project_links
        WHERE NOT summarized
           OR company_id IN (SELECT company_id FROM changed_companies)
           OR doc_id IN (SELECT doc_id FROM flipped_reprints)
        """
    )
    try:
        if _count(con, "SELECT count(*) FROM _touched_projects"):
            con.execute(
                "DELETE FROM project_summary WHERE project_id IN (SELECT project_id FROM _touched_projects)"
            )
            links = "WHERE project_id IN (SELECT project_id FROM _touched_projects)"
            con.execute(
                f"INSERT INTO project_summary ({_PROJECT_COLUMNS}) {_PROJECT_ROWS.format(links=links)}"
            )
        _summarize_districts(con)
        _remember_inputs(con)
    finally:
        con.execute("DROP TABLE IF EXISTS _touched_projects")
