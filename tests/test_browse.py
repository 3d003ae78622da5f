"""`zhaoyin browse`: the real server in a subprocess on 127.0.0.1, driven by Debian's headless Chromium
through Playwright — pages, filters, a project's timeline, search, the SQL box's read-only rules, CSV
downloads, escaping of hostile text, and no request leaving the machine."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from test_warehouse_fixtures import CATL_FULL, WEST_COAST, story

from zhaoyin import warehouse

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE_TITLE = '<script>window.pwned = 1</script><img src="http://evil.example/x.png">'
playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (dev extra)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browse") / "browse.duckdb"
    con = warehouse.connect(path)
    warehouse.load_batch(con, story(), [])
    first = con.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").fetchall()[0][0]
    con.execute("UPDATE documents SET title = ? WHERE doc_id = ?", [HOSTILE_TITLE, first])
    con.close()
    return path


@pytest.fixture(scope="module")
def server(db):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "zhaoyin.flows.cli", "browse", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=os.environ.copy(),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"browse exited: {process.stdout.read()}")
            time.sleep(0.2)
    yield {"url": f"http://127.0.0.1:{port}", "port": port, "process": process}
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("no Chromium (Debian: apt-get install -y chromium)")
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.requests_seen = []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    yield page
    context.close()


def sql_value(db: Path, query: str):
    con = warehouse.connect(db, read_only=True)
    try:
        return con.execute(query).fetchall()[0][0]
    finally:
        con.close()


def test_listens_on_loopback_only(server):
    listening = {
        c.laddr.ip
        for c in psutil.Process(server["process"].pid).net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    }
    assert listening == {"127.0.0.1"}


def test_overview_counts_what_the_warehouse_holds(page, server, db):
    page.goto(server["url"] + "/")
    assert page.locator("#count-projects").inner_text() == str(
        sql_value(db, "SELECT count(*) FROM v_projects")
    )
    assert page.title().startswith("Overview")
    assert all(url.startswith(server["url"]) for url in page.requests_seen), page.requests_seen


def test_filter_projects_then_follow_one_to_its_timeline_and_source(page, server, db):
    page.goto(server["url"] + "/projects")
    page.fill("input[name=district]", WEST_COAST)
    page.click("button[type=submit]")
    expected = sql_value(db, f"SELECT count(*) FROM v_projects WHERE district = '{WEST_COAST}'")
    assert page.locator("#total").inner_text() == str(expected)
    districts = page.locator("table.projects tr td:nth-child(3)").all_inner_texts()
    assert districts and set(districts) == {WEST_COAST}

    page.click("table.projects a:has-text('宁德时代青岛储能电池基地项目')")
    assert page.locator("h1").inner_text() == "宁德时代青岛储能电池基地项目"
    events = page.locator("ol.timeline li")
    reports = sql_value(
        db,
        "SELECT count(*) FROM v_project_events e JOIN v_projects p USING (project_id) "
        "WHERE p.name = '宁德时代青岛储能电池基地项目'",
    )
    assert events.count() == reports >= 2
    assert "总投资130亿元的宁德时代青岛储能电池基地项目落户董家口经济区" in events.first.inner_text()
    assert CATL_FULL in page.content()

    events.first.locator("a").click()
    assert "/documents/" in page.url
    assert "董家口经济区" in page.locator("pre.text").inner_text()


def test_search_highlights_the_words(page, server):
    page.goto(server["url"] + "/search")
    page.fill("input[name=q]", "宁德时代 储能")
    page.click("button[type=submit]")
    assert int(page.locator("#hits").inner_text()) >= 1
    marks = set(page.locator("ol.hits mark").all_inner_texts())
    assert {"宁德时代", "储能"} & marks


def test_sql_box_answers_reads_and_refuses_writes(page, server, db):
    documents = sql_value(db, "SELECT count(*) FROM documents")
    page.goto(server["url"] + "/sql")
    page.fill(
        "textarea[name=sql]", "select district, count(*) as n from v_projects group by all order by n desc"
    )
    page.click("button[type=submit]")
    assert int(page.locator("#rowcount").inner_text()) >= 1
    assert page.locator("table.result th").all_inner_texts() == ["district", "n"]

    for statement in (
        "delete from documents",
        "copy documents to '/tmp/x.csv'",
        "select * from read_csv('/etc/passwd')",
    ):
        page.goto(server["url"] + "/sql")
        page.fill("textarea[name=sql]", statement)
        page.click("button[type=submit]")
        assert "refused" in page.locator("#error").inner_text(), statement
    assert sql_value(db, "SELECT count(*) FROM documents") == documents


def test_csv_downloads_open_in_excel(page, server, db):
    page.goto(server["url"] + "/projects")
    with page.expect_download() as download:
        page.click("a.download")
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("project_id,name,company")
    assert len(lines) == 1 + sql_value(db, "SELECT count(*) FROM v_projects")


def test_hostile_text_is_shown_not_run(page, server, db):
    doc_id = sql_value(db, "SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1")
    page.goto(f"{server['url']}/documents/{doc_id}")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert not [url for url in page.requests_seen if "evil.example" in url]


def test_unknown_pages_say_so(page, server):
    response = page.goto(server["url"] + "/projects/nope")
    assert response.status == 404 and "no project nope" in page.content()


def test_browse_refuses_what_it_cannot_serve(cli, tmp_path, server):
    missing = cli("browse", "--db", tmp_path / "absent.duckdb")
    assert missing.exit_code == 2 and "no warehouse" in missing.output
    assert not (tmp_path / "absent.duckdb").exists()
