"""`zhaoyin report`: one static HTML file that renders offline in a real (headless) browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser
from test_warehouse_fixtures import story

from zhaoyin import warehouse

ZHAOYIN = Path(sys.executable).parent / "zhaoyin"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=8000",
]


def browser() -> str:
    for name in BROWSERS:
        if found := shutil.which(name):
            return found
    pytest.skip(
        "no headless Chromium on PATH (Debian: apt-get install -y chromium) — cannot render the report"
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    db = folder / "test.duckdb"
    con = warehouse.connect(db)
    warehouse.load_batch(con, story(), [])
    con.close()
    out = folder / "report.html"
    env = {**os.environ, "ZHAOYIN_DB": str(db)}
    done = subprocess.run(
        [str(ZHAOYIN), "report", "--out", str(out)], capture_output=True, text=True, env=env, timeout=180
    )
    assert done.returncode == 0, done.stderr
    return out


def test_report_is_self_contained(report):
    page = report.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page), "every script must be inlined to open offline"
    assert page.count("Plotly.newPlot") == 4
    assert "宁德时代青岛储能电池基地项目" in page  # largest project with …
    assert "竣工投产" in page  # … the evidence of its latest report


def test_report_renders_charts_in_headless_chromium(report, tmp_path):
    chromium = browser()
    shot = tmp_path / "report.png"
    done = subprocess.run(
        [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1280,1800",
            f"--screenshot={shot}",
            "--dump-dom",
            report.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    tree = LexborHTMLParser(done.stdout)
    charts = tree.css("section.chart")
    assert len(charts) == 4
    for chart in charts:
        assert chart.css("svg.main-svg"), "plotly drew no SVG"
        shapes = [p.attributes.get("d") or "" for p in chart.css("g.point path")]
        assert any(re.search(r"\d", d) for d in shapes), "a chart rendered without any bar/funnel shape"
    rows = tree.css("table.projects tbody tr")
    assert len(rows) == 4  # four projects with an amount; the reprint adds none
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few KB
