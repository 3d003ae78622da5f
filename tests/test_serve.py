"""`zhaoyin serve` as a real subprocess: deployments appear on the Prefect server, signals stop it cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest
import yaml
from site_fixture import GovSite

from zhaoyin.flows.crawling.serve import api_healthy, build_deployments, free_port
from zhaoyin.flows.crawling.sources import SourceSpec

ROOT = Path(__file__).resolve().parent.parent

SPECS = [
    {
        "name": "nightly-gov",
        "start_urls": ["http://127.0.0.1:9/xwzx/index.html"],
        "list": {"links": "ul.list a"},
        "schedule": "0 2 * * *",
        "allow_private_addresses": True,
    },
    {"name": "weekly-feed", "kind": "feed", "url": "http://127.0.0.1:9/rss.xml", "schedule": "30 4 * * 1"},
]


def write_specs(directory: Path, specs: list[dict] = SPECS) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for spec in specs:
        (directory / f"{spec['name']}.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    return directory


def deployments_on(api_url: str) -> dict[str, dict]:
    try:
        response = httpx.post(f"{api_url}/deployments/filter", json={}, timeout=5, trust_env=False)
    except httpx.HTTPError:
        return {}
    if response.status_code != 200:
        return {}
    return {d["name"]: d for d in response.json()}


def start_serve(
    tmp_path: Path, extra_env: dict[str, str], *args: str, specs: list[dict] = SPECS
) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    env.update(ZHAOYIN_CACHE_DIR=str(tmp_path / "cache"), PREFECT_HOME=str(tmp_path / "cache" / "prefect"))
    env.update(extra_env)
    command = [
        sys.executable,
        "-m",
        "zhaoyin.flows.cli",
        "serve",
        "--sources-dir",
        str(write_specs(tmp_path / "src", specs)),
    ]
    return subprocess.Popen(
        [*command, "--db", str(tmp_path / "w.duckdb"), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for_deployments(
    process: subprocess.Popen, api_url: str, db_path: Path, timeout: float
) -> dict[str, dict]:
    """The deployments this serve process registered (a shared server may hold older ones of the same name)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve exited early ({process.returncode}):\n{process.stdout.read()}")
        found = {
            name: deployment
            for name, deployment in deployments_on(api_url).items()
            if deployment["parameters"].get("db_path") == str(db_path.resolve())
        }
        if {"nightly-gov", "weekly-feed"} <= set(found):
            return found
        time.sleep(0.5)
    process.kill()
    pytest.fail(f"deployments not registered within {timeout} s:\n{process.communicate()[0]}")


def stop(process: subprocess.Popen, sig: int, timeout: float = 30) -> str:
    process.send_signal(sig)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"serve did not exit within {timeout} s of signal {sig}:\n{process.communicate()[0]}")
    assert process.returncode == 0, output
    return output


def test_deployments_carry_cron_and_parameters(tmp_path):
    specs = [SourceSpec.model_validate(spec) for spec in SPECS]
    deployments = build_deployments(specs, tmp_path / "w.duckdb")
    assert [d.name for d in deployments] == ["nightly-gov", "weekly-feed"]
    assert deployments[0].schedules[0].schedule.cron == "0 2 * * *"
    assert deployments[0].parameters["db_path"] == str((tmp_path / "w.duckdb").resolve())
    assert SourceSpec.model_validate(deployments[1].parameters["spec"]) == specs[1]
    assert deployments[0].entrypoint == "zhaoyin.flows.crawling.crawl.crawl_source"


def api(method: str, url: str, **kwargs) -> httpx.Response:
    """A Prefect API call, retried while the test server's SQLite is busy (it answers 503 then)."""
    for _ in range(20):
        response = httpx.request(method, url, timeout=10, trust_env=False, **kwargs)
        if response.status_code < 500:
            break
        time.sleep(0.5)
    response.raise_for_status()
    return response


def run_deployment_now(api_url: str, deployment_id: str, timeout: float) -> str:
    """Ask the server for a run of the deployment now; the serving process picks it up. Final state."""
    created = api("POST", f"{api_url}/deployments/{deployment_id}/create_flow_run", json={})
    run_id = created.json()["id"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = api("GET", f"{api_url}/flow_runs/{run_id}").json()["state"]
        if state and state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
            return state["type"]
        time.sleep(0.5)
    return "TIMED OUT"


def flow_run_logs(api_url: str) -> list[str]:
    return [entry["message"] for entry in api("POST", f"{api_url}/logs/filter", json={}).json()]


def test_serve_registers_on_an_existing_server_runs_a_crawl_and_stops_on_sigint(tmp_path, prefect_harness):
    from prefect.settings import PREFECT_API_URL

    api_url = PREFECT_API_URL.value()
    with GovSite(crawl_delay=0.01) as site:
        site.failures.clear()
        gov = {**SPECS[0], "start_urls": [site.base + "/xwzx/index.html"], "rate": 50}
        gov["list"] = {"links": "ul.list a", "next": "a.next"}
        process = start_serve(tmp_path, {"PREFECT_API_URL": api_url}, specs=[gov, SPECS[1]])
        found = wait_for_deployments(process, api_url, tmp_path / "w.duckdb", timeout=60)
        assert found["nightly-gov"]["schedules"][0]["schedule"]["cron"] == "0 2 * * *"
        assert found["weekly-feed"]["parameters"]["spec"]["kind"] == "feed"

        final = run_deployment_now(api_url, found["nightly-gov"]["id"], timeout=60)
        crawled = site.paths()
    output = stop(process, signal.SIGINT)
    assert final == "COMPLETED" and GovSite.ARTICLES[0] in crawled, (output, flow_run_logs(api_url))
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        sources = {row[0] for row in con.execute("SELECT source FROM documents").fetchall()}
    assert site.base + GovSite.ARTICLES[0] in sources
    assert "using the Prefect server" in output and "stopped" in output
    assert api_healthy(api_url)  # someone else's server is left running


@pytest.mark.stress
def test_serve_starts_and_stops_its_own_server_on_sigterm(tmp_path):
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    process = start_serve(tmp_path, {}, "--server-port", str(port))
    wait_for_deployments(process, api_url, tmp_path / "w.duckdb", timeout=150)
    output = stop(process, signal.SIGTERM)
    assert "Prefect server ready" in output and "stopped" in output
    assert not api_healthy(api_url)
    assert (tmp_path / "cache" / "prefect").is_dir()  # its home is in the cache dir


def test_a_busy_server_port_is_reported_not_shared():
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from zhaoyin.flows.crawling.serve import ServerError, local_prefect_server

    class Healthy(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.write(b"true")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Healthy)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        with pytest.raises(ServerError, match="PREFECT_API_URL"):
            with local_prefect_server(server.server_address[1]):
                pass
    finally:
        server.shutdown()
        server.server_close()
