"""`zhaoyin serve`: each source spec's cron becomes a Prefect deployment of `crawl_source`, served here.

Cron schedules only fire against a Prefect server. With PREFECT_API_URL set, that server is used;
otherwise a local one (`prefect server start`, SQLite, its home under the cache dir) is started as a
subprocess, waited for, and stopped on exit. See docs/crawling.md.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

from zhaoyin.flows.crawling.sources import SourceSpec
from zhaoyin.flows.settings import cache_dir

DEFAULT_SERVER_PORT = 4200
SERVER_START_TIMEOUT = 120.0


class ServerError(RuntimeError):
    """The local Prefect server did not come up."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def api_healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        response = httpx.get(api_url.rstrip("/") + "/health", timeout=timeout, trust_env=False)
    except httpx.HTTPError:
        return False
    return response.status_code == 200


@contextmanager
def local_prefect_server(
    port: int = DEFAULT_SERVER_PORT, *, timeout: float = SERVER_START_TIMEOUT
) -> Iterator[str]:
    """Run `prefect server start` on 127.0.0.1:`port` (offline, SQLite) and yield its API URL."""
    home = Path(os.environ.get("PREFECT_HOME") or cache_dir() / "prefect")
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_UI_ENABLED=os.environ.get("PREFECT_UI_ENABLED", "false"),
    )
    log_path = home / "server.log"
    api_url = f"http://127.0.0.1:{port}/api"
    if api_healthy(api_url):
        raise ServerError(
            f"a Prefect server already answers on port {port}: set PREFECT_API_URL={api_url} "
            "to use it, or choose another --server-port"
        )
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # our Ctrl-C is handled by us; we stop the server ourselves
        )
    try:
        deadline = time.monotonic() + timeout
        while not api_healthy(api_url):
            if process.poll() is not None:
                raise ServerError(f"prefect server exited with {process.returncode}; see {log_path}")
            if time.monotonic() > deadline:
                raise ServerError(f"prefect server not healthy after {timeout:.0f} s; see {log_path}")
            time.sleep(0.3)
        yield api_url
    finally:
        _stop(process)


def _stop(process: subprocess.Popen, grace: float = 10.0) -> None:
    """Stop the server and the workers it started (its own process group)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def build_deployments(specs: Sequence[SourceSpec], db_path: str | os.PathLike) -> list:
    """One deployment of `crawl_source` per spec, on its cron (unscheduled specs can be run by hand)."""
    from prefect.schedules import Cron
    from prefect.types.entrypoint import EntrypointType

    from zhaoyin.flows.crawling.crawl import crawl_source

    database = str(Path(db_path).resolve())
    return [
        crawl_source.to_deployment(
            name=spec.name,
            schedule=Cron(spec.schedule, timezone=spec.timezone) if spec.schedule else None,
            parameters={"spec": spec.model_dump(mode="json", by_alias=True), "db_path": database},
            description=f"Crawl {', '.join(spec.start_urls)} into {database}",
            tags=["zhaoyin", "crawl", spec.kind],
            entrypoint_type=EntrypointType.MODULE_PATH,
        )
        for spec in specs
    ]


@contextmanager
def _signals_as_interrupt() -> Iterator[None]:
    """SIGINT and SIGTERM stop serving, even when the shell that started us ignores SIGINT."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # SIGINT gets Python's own handler back, which asyncio (inside prefect.serve) knows how to handle.
    previous = {
        signal.SIGINT: signal.signal(signal.SIGINT, signal.default_int_handler),
        signal.SIGTERM: signal.signal(signal.SIGTERM, interrupt),
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def serve(
    specs: Sequence[SourceSpec],
    db_path: str | os.PathLike,
    *,
    api_url: str | None = None,
    server_port: int = DEFAULT_SERVER_PORT,
    announce=print,
) -> None:
    """Register every spec as a deployment and run their schedules until SIGINT/SIGTERM."""
    if not specs:
        raise ValueError("no source specs to serve")
    if api_url is None:
        from prefect.settings import PREFECT_API_URL

        api_url = PREFECT_API_URL.value()  # the environment or the active Prefect profile
    with _signals_as_interrupt():
        try:
            if api_url:
                announce(f"using the Prefect server at {api_url}")
                _serve_against(api_url, specs, db_path)
            else:
                announce(f"starting a local Prefect server on 127.0.0.1:{server_port} …")
                with local_prefect_server(server_port) as local_url:
                    announce(f"Prefect server ready at {local_url}")
                    _serve_against(local_url, specs, db_path)
        except (KeyboardInterrupt, SystemExit):  # Prefect's runner exits on SIGTERM
            pass
    announce("stopped")


def _serve_against(api_url: str, specs: Sequence[SourceSpec], db_path: str | os.PathLike) -> None:
    import prefect
    from prefect.settings import PREFECT_API_URL, temporary_settings

    os.environ["PREFECT_API_URL"] = api_url  # flow-run subprocesses the runner starts inherit this
    with temporary_settings(updates={PREFECT_API_URL: api_url}), warnings.catch_warnings():
        # Prefect's runner exits from its own SIGTERM handler, leaving an un-awaited stop coroutine.
        warnings.filterwarnings("ignore", message="coroutine .* was never awaited", category=RuntimeWarning)
        deployments = build_deployments(specs, db_path)
        prefect.serve(*deployments, print_starting_message=False)
