"""The web app of `zhaoyin browse`: FastAPI routes rendering Jinja templates over `warehouse.browse`.

Read-only by construction: only GET routes; each request opens the warehouse read-only with external
access off (so an import can run between two page loads); the SQL box goes through the same vetting as
`zhaoyin sql`. Pages carry a Content-Security-Policy that allows no script and nothing from elsewhere.
"""

from __future__ import annotations

import math
import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from zhaoyin.warehouse import browse as queries
from zhaoyin.warehouse.export import csv_for_excel

SQL_MAX_ROWS = 1000
DEFAULT_PORT = 8001
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
STATUS_LABELS = {
    "planned": "拟建",
    "signed": "签约",
    "landed": "落地",
    "started": "开工",
    "completed": "竣工/投产",
    "operating": "运营",
}


def _yi(value) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    return f"{value / 1e8:,.2f}"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return str(value)


def _marked(snippet: str, highlights) -> list[tuple[str, bool]]:
    parts, last = [], 0
    for start, end in highlights:
        parts += [(snippet[last:start], False), (snippet[start:end], True)]
        last = end
    parts.append((snippet[last:], False))
    return [part for part in parts if part[0]]


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("zhaoyin.flows.browse", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(yi=_yi, cell=_cell, status=lambda s: STATUS_LABELS.get(s or "", s or "—"))
    return env


def create_app(db: str | os.PathLike) -> FastAPI:
    db = Path(db)
    env = _environment()
    app = FastAPI(title="zhaoyin browse", docs_url=None, redoc_url=None, openapi_url=None)

    @contextmanager
    def connection():
        con = queries.open_readonly(db)
        try:
            yield con
        finally:
            con.close()

    def page(name: str, request: Request, status: int = 200, **context) -> HTMLResponse:
        body = env.get_template(name).render(request=request, db=db.name, path=request.url.path, **context)
        return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)

    def csv_download(filename: str, columns, rows) -> Response:
        return Response(
            csv_for_excel(list(columns), list(rows)),
            media_type="text/csv; charset=utf-8",
            headers={**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'},
        )

    def project_query(request: Request) -> dict:
        args = request.query_params
        min_yi = args.get("min_yi", "").strip()
        try:
            min_yuan = float(min_yi) * 1e8 if min_yi else None
        except ValueError:
            min_yuan = None
        return {
            "q": args.get("q", "").strip(),
            "district": args.get("district", "").strip(),
            "company": args.get("company", "").strip(),
            "status": args.get("status", "").strip(),
            "min_yuan": min_yuan,
        }

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request):
        with connection() as con:
            totals = queries.overview(con)
            largest = queries.projects(con, page_size=10)
            places = queries.districts(con)
        return page(
            "index.html", request, totals=totals, largest=largest.dicts(), districts=places.dicts()[:10]
        )

    @app.get("/projects", response_class=HTMLResponse)
    def projects(request: Request):
        filters = project_query(request)
        sort = request.query_params.get("sort", "amount")
        try:
            number = max(1, int(request.query_params.get("page", "1")))
        except ValueError:
            number = 1
        with connection() as con:
            found = queries.projects(con, sort=sort, page=number, **filters)
        args = {k: v for k, v in request.query_params.items() if k != "page" and v}
        pages = max(1, math.ceil((found.total or 0) / queries.PAGE_SIZE))
        return page(
            "projects.html",
            request,
            rows=found.dicts(),
            total=found.total,
            number=number,
            pages=pages,
            args=args,
            query=urlencode(args),
            statuses=queries.STATUSES,
            sorts=list(queries.PROJECT_SORTS),
            sort=sort,
            filters=filters,
            min_yi=request.query_params.get("min_yi", ""),
        )

    @app.get("/projects.csv")
    def projects_csv(request: Request):
        with connection() as con:
            found = queries.projects(
                con, sort=request.query_params.get("sort", "amount"), page_size=None, **project_query(request)
            )
        return csv_download("projects.csv", found.columns, found.rows)

    @app.get("/projects/{project_id}", response_class=HTMLResponse)
    def project(request: Request, project_id: str):
        with connection() as con:
            found = queries.project(con, project_id)
        if found is None:
            return page("error.html", request, 404, message=f"no project {project_id}")
        return page("project.html", request, **found)

    @app.get("/districts", response_class=HTMLResponse)
    def districts(request: Request):
        with connection() as con:
            found = queries.districts(con)
        return page("districts.html", request, rows=found.dicts())

    @app.get("/districts.csv")
    def districts_csv():
        with connection() as con:
            found = queries.districts(con)
        return csv_download("districts.csv", found.columns, found.rows)

    @app.get("/companies", response_class=HTMLResponse)
    def companies(request: Request):
        q = request.query_params.get("q", "").strip()
        with connection() as con:
            found = queries.companies(con, q)
        return page("companies.html", request, rows=found.dicts(), q=q)

    @app.get("/companies.csv")
    def companies_csv(request: Request):
        with connection() as con:
            found = queries.companies(con, request.query_params.get("q", "").strip())
        return csv_download("companies.csv", found.columns, found.rows)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str):
        with connection() as con:
            found = queries.document(con, doc_id)
        if found is None:
            return page("error.html", request, 404, message=f"no document {doc_id}")
        return page("document.html", request, doc=found)

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request):
        from zhaoyin.warehouse.search import search as run_search

        q = request.query_params.get("q", "").strip()
        hits = []
        if q:
            with connection() as con:
                hits = run_search(con, q, limit=30)
        shown = [{**hit.as_dict(), "parts": _marked(hit.snippet, hit.highlights)} for hit in hits]
        return page("search.html", request, q=q, hits=shown)

    def run_sql(sql: str):
        from zhaoyin.warehouse.readonly import QueryRefused, run_readonly_query

        try:
            columns, rows = run_readonly_query(db, sql, wait_seconds=10, max_rows=SQL_MAX_ROWS)
        except QueryRefused as error:
            return None, str(error).splitlines()[0]
        except Exception as error:  # DuckDB's own message (a typo, a missing column) is the answer here
            return None, f"{type(error).__name__}: {' '.join(str(error).split())}"
        return (columns, rows), None

    @app.get("/sql", response_class=HTMLResponse)
    def sql(request: Request):
        text = request.query_params.get("sql", "").strip()
        result, error = run_sql(text) if text else (None, None)
        more = bool(result) and len(result[1]) > SQL_MAX_ROWS
        columns, rows = result if result else ([], [])
        return page(
            "sql.html",
            request,
            400 if error else 200,
            sql=text,
            error=error,
            columns=columns,
            rows=rows[:SQL_MAX_ROWS],
            more=more,
            limit=SQL_MAX_ROWS,
            query=urlencode({"sql": text}),
        )

    @app.get("/sql.csv")
    def sql_csv(request: Request):
        from zhaoyin.warehouse.readonly import QueryRefused, run_readonly_query

        text = request.query_params.get("sql", "").strip()
        try:
            columns, rows = run_readonly_query(db, text, wait_seconds=10)
        except QueryRefused as error:
            return Response(str(error).splitlines()[0], status_code=400, media_type="text/plain")
        except Exception as error:
            return Response(f"{type(error).__name__}: {error}", status_code=400, media_type="text/plain")
        return csv_download("query.csv", columns, rows)

    return app


def serve(db: str | os.PathLike, *, port: int = DEFAULT_PORT, announce=print) -> None:
    """Serve the pages on 127.0.0.1:`port` until Ctrl-C."""
    import uvicorn

    config = uvicorn.Config(
        create_app(db), host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    announce(f"browse {Path(db).name} at http://127.0.0.1:{port}/ (read-only; Ctrl-C to stop)")
    server.run()
