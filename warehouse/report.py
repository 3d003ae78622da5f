"""One static HTML report that opens offline: plotly charts (JS inlined) and the largest projects with
the sentences that state them."""

from __future__ import annotations

import html
from datetime import UTC, datetime
from importlib import resources
from string import Template

import duckdb
import plotly.graph_objects as go

STAGES = ("planned", "signed", "landed", "started", "completed", "operating")
STAGE_LABELS = {
    "planned": "拟建 planned",
    "signed": "签约 signed",
    "landed": "落地 landed",
    "started": "开工 started",
    "completed": "竣工/投产 completed",
    "operating": "运营 operating",
}
_LAYOUT = {"margin": {"l": 60, "r": 20, "t": 50, "b": 60}, "height": 420, "template": "plotly_white"}
UNKNOWN = "unknown"

# The headline figures, printed beside them in the report so anyone can check them with `zhaoyin sql`.
# v_projects holds each resolved project once (reprints folded in, funds left out).
HEADLINE_SQL = """SELECT count(*) AS projects,
       round(coalesce(sum(amount_yuan), 0) / 1e8, 1) AS investment_yi,
       count(*) FILTER (WHERE amount_yuan IS NULL AND amount_currency IS NOT NULL) AS foreign_currency_only,
       count(*) FILTER (WHERE amount_text IS NULL) AS without_amount,
       count(*) FILTER (WHERE district IS NULL) AS without_district,
       count(*) FILTER (WHERE first_reported IS NULL) AS without_date
FROM v_projects"""
FUNDS_SQL = """SELECT count(*) AS funds, round(coalesce(sum(amount_yuan), 0) / 1e8, 1) AS funds_yi
FROM v_projects_all WHERE kind = 'fund'"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def investment_by_district(con) -> go.Figure:
    rows = _rows(
        con,
        f"""SELECT coalesce(district, '{UNKNOWN}'), sum(amount_yuan) / 1e8, count(*) FROM v_projects
           GROUP BY ALL ORDER BY 2 DESC NULLS LAST, 3 DESC LIMIT 20""",
    )
    fig = go.Figure(
        go.Bar(
            x=[r[0] for r in rows],
            y=[r[1] or 0 for r in rows],
            text=[f"{r[2]} 个项目" for r in rows],
            marker_color="#c0392b",
        )
    )
    fig.update_layout(
        title="各区（市）项目总投资（亿元）Investment by district", yaxis_title="亿元", **_LAYOUT
    )
    return fig


def projects_by_quarter(con) -> go.Figure:
    rows = _rows(
        con,
        f"""SELECT coalesce(quarter_label(first_reported), '{UNKNOWN}') AS period, count(*),
                  count(*) FILTER (WHERE amount_yuan >= 1e8)
           FROM v_projects GROUP BY period ORDER BY period""",
    )
    fig = go.Figure(
        [
            go.Bar(
                x=[r[0] for r in rows], y=[r[1] for r in rows], name="项目 projects", marker_color="#2980b9"
            ),
            go.Bar(
                x=[r[0] for r in rows], y=[r[2] for r in rows], name="亿元以上 ≥1亿元", marker_color="#e67e22"
            ),
        ]
    )
    fig.update_layout(title="按季度首次报道的项目 Projects by quarter", barmode="group", **_LAYOUT)
    return fig


def top_companies(con) -> go.Figure:
    rows = _rows(
        con,
        """SELECT company, sum(amount_yuan) / 1e8, count(*) FROM v_projects
           WHERE company IS NOT NULL GROUP BY company ORDER BY 2 DESC NULLS LAST, 3 DESC LIMIT 15""",
    )
    rows = list(reversed(rows))
    fig = go.Figure(
        go.Bar(
            y=[r[0] for r in rows],
            x=[r[1] or 0 for r in rows],
            orientation="h",
            text=[f"{r[2]} 个项目" for r in rows],
            marker_color="#16a085",
        )
    )
    fig.update_layout(title="投资最多的企业（亿元）Top investing companies", xaxis_title="亿元", **_LAYOUT)
    fig.update_layout(margin={"l": 260, "r": 20, "t": 50, "b": 60})
    return fig


def status_funnel(con) -> go.Figure:
    """How many projects reached each stage (a project reported started has also been signed)."""
    reached = dict(
        _rows(
            con,
            """WITH top AS (SELECT project_id, max(stage_rank(event)) AS rank FROM v_project_events
                            WHERE event IS NOT NULL GROUP BY project_id)
               SELECT s.rank, count(t.project_id) FROM range(0, 6) s(rank)
               LEFT JOIN top t ON t.rank >= s.rank GROUP BY s.rank ORDER BY s.rank""",
        )
    )
    fig = go.Figure(
        go.Funnel(
            y=[STAGE_LABELS[s] for s in STAGES[1:]],
            x=[reached.get(rank, 0) for rank in range(1, len(STAGES))],
            marker_color="#8e44ad",
        )
    )
    fig.update_layout(title="项目进展漏斗 Status funnel", **_LAYOUT)
    return fig


def _largest_projects_table(con, limit: int = 25) -> str:
    rows = _rows(
        con,
        f"""SELECT name, company, district, amount_yuan / 1e8, latest_status, last_reported, sources,
                   latest_evidence
            FROM v_projects WHERE amount_yuan IS NOT NULL
            ORDER BY amount_yuan DESC, project_id LIMIT {int(limit)}""",
    )
    header = "".join(
        f"<th>{h}</th>"
        for h in (
            "项目 Project",
            "企业 Company",
            "区域 District",
            "亿元",
            "状态",
            "最近报道",
            "来源数",
            "依据 Evidence",
        )
    )
    body = []
    for name, company, district, amount, status, last, sources, evidence in rows:
        cells = [
            name or "—",
            company or "—",
            district or "—",
            f"{amount:,.2f}",
            STAGE_LABELS.get(status, status or "—"),
            str(last or "—"),
            str(sources),
            evidence or "",
        ]
        body.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    if not body:
        body.append('<tr><td colspan="8">no projects with an amount yet</td></tr>')
    return f'<table class="projects"><thead><tr>{header}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _totals(con) -> dict[str, int]:
    row = _rows(
        con,
        """SELECT (SELECT count(*) FROM documents WHERE reprint_of IS NULL),
                  (SELECT count(*) FROM documents WHERE reprint_of IS NOT NULL),
                  (SELECT count(*) FROM dim_companies),
                  (SELECT count(*) FROM dim_districts)""",
    )[0]
    totals = dict(zip(("documents", "reprints", "companies", "districts"), row, strict=True))
    return totals | headline(con)


def headline(con) -> dict:
    """The report's headline figures: exactly what HEADLINE_SQL and FUNDS_SQL return."""
    found = {}
    for sql in (HEADLINE_SQL, FUNDS_SQL):
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        found |= dict(zip(names, cursor.fetchone(), strict=True))
    return found


def _gaps_note(totals: dict) -> str:
    """What the totals leave out, said next to them instead of dropped silently."""
    return (
        f"{totals['without_amount']} projects state no amount and {totals['foreign_currency_only']} only a "
        f"foreign-currency one (not in the 亿元 total); {totals['without_district']} have no district and "
        f"{totals['without_date']} no date (shown as “{UNKNOWN}” in the charts); {totals['funds']} funds "
        f"({totals['funds_yi']:,.1f} 亿元) are not counted as projects."
    )


def build_report(con: duckdb.DuckDBPyConnection) -> str:
    """The whole report as one HTML document (plotly.js inlined once, so it opens offline)."""
    figures = [investment_by_district(con), projects_by_quarter(con), top_companies(con), status_funnel(con)]
    charts = [
        fig.to_html(
            full_html=False, include_plotlyjs=(i == 0), config={"displayModeBar": False, "responsive": True}
        )
        for i, fig in enumerate(figures)
    ]
    totals = _totals(con)
    template = Template(
        resources.files("zhaoyin.warehouse").joinpath("report_template.html").read_text(encoding="utf-8")
    )
    return template.substitute(
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        documents=totals["documents"],
        reprints=totals["reprints"],
        projects=totals["projects"],
        companies=totals["companies"],
        districts=totals["districts"],
        investment=f"{totals['investment_yi']:,.1f}",
        headline_sql=html.escape(HEADLINE_SQL),
        gaps=html.escape(_gaps_note(totals)),
        charts="\n".join(f'<section class="chart">{c}</section>' for c in charts),
        projects_table=_largest_projects_table(con),
    )
