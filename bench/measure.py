"""One function per figure of `make bench`. Each returns a dict of what it measured (seconds, rates, ratio)."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def timed_with_cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall-clock, process CPU) seconds of `fn`: on a loaded machine the CPU time is the steadier one."""
    cpu = time.process_time()
    wall = timed(fn)
    return wall, time.process_time() - cpu


def extraction_vs_jieba(texts: list[str]) -> dict:
    """(a) characters/s of the whole extraction ÷ characters/s of bare `jieba.lcut`, same texts, same process."""
    import jieba

    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.schemas import Document

    jieba.setLogLevel(60)
    jieba.initialize()
    documents = [Document(text=text, source=f"bench-{i}") for i, text in enumerate(texts)]
    extract(documents[0])  # load gazetteers and the user dictionary outside the timing
    chars = sum(len(text) for text in texts)
    jieba_s, jieba_cpu_s = timed_with_cpu(lambda: [jieba.lcut(text) for text in texts])
    extract_s, extract_cpu_s = timed_with_cpu(lambda: [extract(document) for document in documents])
    return {
        "documents": len(texts),
        "characters": chars,
        "jieba_chars_per_s": round(chars / jieba_s),
        "extract_chars_per_s": round(chars / extract_s),
        "ratio": round(jieba_s / extract_s, 3),
        "jieba_cpu_s": round(jieba_cpu_s, 3),
        "extract_cpu_s": round(extract_cpu_s, 3),
        "cpu_ratio": round(jieba_cpu_s / extract_cpu_s, 3),
        "goal": ">= 1.0",
    }


def long_document_scaling(texts: list[str], short_chars: int = 50_000, long_chars: int = 400_000) -> dict:
    """(j) extraction seconds per character of one long document (reports joined into one file, as a yearbook
    or a whole issue in one PDF) ÷ of a short one cut from its head: 1 when the cost grows with the length,
    8 when it grows with its square. Short and long alternate, two runs each, medians."""
    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.schemas import Document

    joined = ""
    while len(joined) < long_chars and texts:
        joined += "\n".join(texts) + "\n"
    short, long = joined[:short_chars], joined[:long_chars]
    extract(Document(text=texts[0], source="bench-warm"))
    short_s, long_s = [], []
    for _ in range(2):
        short_s.append(timed(lambda: extract(Document(text=short, source="bench-short"))))
        long_s.append(timed(lambda: extract(Document(text=long, source="bench-long"))))
    per_char_short = statistics.median(short_s) / len(short)
    per_char_long = statistics.median(long_s) / len(long)
    return {
        "short_chars": len(short),
        "long_chars": len(long),
        "short_s": [round(x, 2) for x in short_s],
        "long_s": [round(x, 2) for x in long_s],
        "ratio": round(per_char_long / per_char_short, 2),
        "goal": f"<= 2 (quadratic: {len(long) / len(short):.0f})",
    }


def rjieba_agreement(texts: list[str]) -> dict:
    """Does rjieba with our user dictionary cut exactly like jieba with it, and how much faster?"""
    import rjieba

    from zhaoyin.extractors.segment import NAME_FREQ, jieba_tokenizer, user_words

    tokenizer = jieba_tokenizer()
    fast = rjieba.Jieba()
    for word in user_words():
        fast.add_word(word, NAME_FREQ, None)
    jieba_tokens: list[list] = []
    rjieba_tokens: list[list] = []
    jieba_s = timed(lambda: jieba_tokens.extend(list(tokenizer.tokenize(t, HMM=True)) for t in texts))
    rjieba_s = timed(lambda: rjieba_tokens.extend(fast.tokenize(t, "default", True) for t in texts))
    same_docs = sum(a == [tuple(x) for x in b] for a, b in zip(jieba_tokens, rjieba_tokens, strict=True))
    total = sum(len(a) for a in jieba_tokens)
    same_tokens = sum(
        len(set(a) & {tuple(x) for x in b}) for a, b in zip(jieba_tokens, rjieba_tokens, strict=True)
    )
    return {
        "documents": len(texts),
        "identical_documents": same_docs,
        "token_agreement": round(same_tokens / max(1, total), 5),
        "jieba_s": round(jieba_s, 3),
        "rjieba_s": round(rjieba_s, 3),
        "speedup": round(jieba_s / rjieba_s, 2),
    }


def documents_in(paths: list[Path]) -> int:
    """How many documents an import of `paths` (folders of .txt files, or files) is meant to load."""
    return sum(len(list(p.glob("*.txt"))) if p.is_dir() else 1 for p in paths)


def expect_loaded(loaded: int | None, paths: list[Path], what: str) -> None:
    """An import figure times only imports that loaded every document it was given: an import that loads
    nothing (files refused, a wrong folder) is fast and would pass for a good figure."""
    meant = documents_in(paths)
    if not loaded or loaded != meant:
        raise RuntimeError(f"{what}: loaded {loaded} documents of the {meant} it was given")


def _stored_documents(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    finally:
        con.close()


def _fresh_db(work: Path, name: str) -> Path:
    path = work / f"{name}.duckdb"
    for suffix in ("", ".wal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    return path


def prefect_overhead(parts: list[Path], work: Path, workers: int, batch_size: int, repeats: int = 2) -> dict:
    """(b) bulk_import through Prefect ÷ the same stages in a plain loop (server start-up reported apart).

    Runs alternate (plain, Prefect, Prefect, plain, …) and the fastest of each counts, so neither side gains
    from going second on a machine whose load changes.
    """
    from zhaoyin.flows.importing.bulk_import import bulk_import
    from zhaoyin.flows.importing.discover import discover
    from zhaoyin.flows.importing.ingest import ingest

    warm_worker_start()
    one_file = sorted(parts[0].glob("*.txt"))[:1]
    startup_s = timed(
        lambda: bulk_import(one_file, _fresh_db(work, "warm"), workers=1, batch_size=batch_size)
    )
    plain_runs, prefect_runs, summary = [], [], {}

    def plain():
        loaded = []
        plain_runs.append(
            timed(
                lambda: loaded.append(
                    ingest(
                        discover(parts), _fresh_db(work, "plain"), workers=workers, batch_size=batch_size
                    ).new_documents
                )
            )
        )
        expect_loaded(loaded[0], parts, "(b) plain loop")

    def prefect():
        prefect_runs.append(
            timed(
                lambda: summary.update(
                    vars(
                        bulk_import(parts, _fresh_db(work, "prefect"), workers=workers, batch_size=batch_size)
                    )
                )
            )
        )
        expect_loaded(summary.get("new_documents"), parts, "(b) through Prefect")

    for round_ in range(repeats):
        for run in (plain, prefect) if round_ % 2 == 0 else (prefect, plain):
            run()
    plain_s, prefect_s = min(plain_runs), min(prefect_runs)
    return {
        "documents": summary.get("new_documents"),
        "plain_loop_s": [round(t, 2) for t in plain_runs],
        "prefect_s": [round(t, 2) for t in prefect_runs],
        "overhead": round(prefect_s / plain_s - 1, 3),
        "first_flow_run_with_server_startup_s": round(startup_s, 2),
        "goal": "overhead <= 0.10",
    }


def warm_worker_start() -> None:
    """Start the (process-wide) forkserver that warms the extractors, so no timing includes it or not by order."""
    from zhaoyin.flows.importing.runners import warm_forkserver, warm_up

    warm_forkserver("rules")
    warm_up("rules")


class ChildrenCpu:
    """CPU seconds of this process's descendants (worker processes), sampled until `stop()`: workers are
    gone by the time an import returns, so their last sample counts."""

    def __init__(self, interval: float = 0.2):
        import psutil

        self._me = psutil.Process()
        self._last: dict[int, float] = {}
        self._start = {child.pid: _cpu_of(child) for child in self._me.children(recursive=True)}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._poll, args=(interval,), daemon=True)
        self._thread.start()

    def _poll(self, interval: float) -> None:
        while not self._done.is_set():
            for child in self._me.children(recursive=True):
                seconds = _cpu_of(child)
                if seconds is not None:
                    self._last[child.pid] = seconds
            time.sleep(interval)

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return sum(seconds - (self._start.get(pid) or 0.0) for pid, seconds in self._last.items())


def _cpu_of(process) -> float | None:
    import psutil

    try:
        times = process.cpu_times()
    except psutil.Error:
        return None
    return times.user + times.system


def _timed_import(parts: list[Path], db: Path, workers: int, batch_size: int) -> dict:
    """Wall seconds of the plain loop, documents/s after the first batch was loaded (start-up excluded),
    and CPU seconds per document of the writer (this process) and of the worker processes."""
    from zhaoyin.flows.importing.discover import discover
    from zhaoyin.flows.importing.ingest import ingest

    marks: list[tuple[float, int]] = []
    workers_cpu = ChildrenCpu()
    writer_cpu = time.process_time()
    start = time.perf_counter()
    summary = ingest(
        discover(parts), db, workers=workers, batch_size=batch_size,
        progress=lambda s: marks.append((time.perf_counter(), s.new_documents)),
    )  # fmt: skip
    wall = time.perf_counter() - start
    writer_cpu = time.process_time() - writer_cpu
    children_cpu = workers_cpu.stop()
    expect_loaded(summary.new_documents, parts, f"(c) {workers} worker(s)")
    (first_t, first_n), (last_t, last_n) = marks[0], marks[-1]
    steady = (last_n - first_n) / (last_t - first_t) if last_t > first_t else float("nan")
    documents = max(1, last_n)
    return {
        "wall_s": wall,
        "rate": steady,
        "writer_cpu_ms_per_doc": round(1000 * writer_cpu / documents, 1),
        "workers_cpu_ms_per_doc": round(1000 * children_cpu / documents, 1),
    }


def worker_scaling(parts: list[Path], work: Path, batch_size: int, repeats: int = 3) -> dict:
    """(c) the plain loop with 2 extraction processes ÷ with 1: wall time of the whole import (and, apart,
    the rate after the first batch was loaded).

    Runs alternate (1, 2, 2, 1, …); the medians count. With one worker, extraction runs in the writer's
    process, so its writer CPU is extraction and loading together."""
    warm_worker_start()
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for round_ in range(repeats):
        for workers in (1, 2) if round_ % 2 == 0 else (2, 1):
            runs[workers].append(_timed_import(parts, _fresh_db(work, f"w{workers}"), workers, batch_size))

    def median(workers: int, key: str) -> float:
        return statistics.median(run[key] for run in runs[workers])

    one_s, two_s = median(1, "wall_s"), median(2, "wall_s")
    one_rate, two_rate = median(1, "rate"), median(2, "rate")
    return {
        "one_worker_s": [round(run["wall_s"], 2) for run in runs[1]],
        "two_workers_s": [round(run["wall_s"], 2) for run in runs[2]],
        # With one worker a batch is extracted inline when it is handed out, and the loop keeps three batches
        # in flight: the first batch is loaded only after three were extracted, so the rate after it leaves
        # most of one worker's extraction out. The whole import's wall time is the comparable figure.
        "speedup": round(one_s / two_s, 2),
        "speedups_by_round": [
            round(one["wall_s"] / two["wall_s"], 2) for one, two in zip(runs[1], runs[2], strict=True)
        ],
        "one_worker_docs_per_s_after_first_batch": [round(run["rate"], 2) for run in runs[1]],
        "two_workers_docs_per_s_after_first_batch": [round(run["rate"], 2) for run in runs[2]],
        "speedup_after_first_batch": round(two_rate / one_rate, 2),
        "cpu_ms_per_doc": {
            "one_worker_writer_with_extraction": median(1, "writer_cpu_ms_per_doc"),
            "two_workers_writer": median(2, "writer_cpu_ms_per_doc"),
            "two_workers_workers": median(2, "workers_cpu_ms_per_doc"),
        },
        "cpus_available": len(os.sched_getaffinity(0)),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "goal": ">= 1.8",
    }


def arrow_vs_rows(texts: list[str], work: Path, row_by_row_limit: int = 20_000) -> dict:
    """(d) rows/s of one Arrow-batch INSERT ÷ rows/s of row-by-row parameterised INSERTs, same rows, same table."""
    import duckdb
    import pyarrow as pa

    from zhaoyin.extractors.text import sentences
    from zhaoyin.schemas import doc_id_for

    rows = []
    for text in texts:
        doc_id = doc_id_for(text)
        rows.extend((doc_id, n, s.text, s.start, s.end) for n, s in enumerate(sentences(text)))
    ddl = "CREATE TABLE t (doc_id VARCHAR, n INTEGER, sentence VARCHAR, start_ INTEGER, end_ INTEGER)"
    con = duckdb.connect(str(_fresh_db(work, "arrow")))
    con.execute(ddl)
    columns = list(zip(*rows, strict=True))
    table = pa.table(
        {
            name: pa.array(col)
            for name, col in zip(("doc_id", "n", "sentence", "start_", "end_"), columns, strict=True)
        }
    )

    def arrow_load():
        con.register("batch", table)
        con.execute("INSERT INTO t SELECT * FROM batch")
        con.unregister("batch")

    arrow_s = timed(arrow_load)
    con.execute("CREATE TABLE r AS SELECT * FROM t LIMIT 0")
    sample = rows[:row_by_row_limit]

    def row_by_row():
        con.execute("BEGIN")
        for row in sample:
            con.execute("INSERT INTO r VALUES (?, ?, ?, ?, ?)", row)
        con.execute("COMMIT")

    rows_s = timed(row_by_row)
    con.close()
    arrow_rate, row_rate = len(rows) / arrow_s, len(sample) / rows_s
    return {
        "arrow_rows": len(rows),
        "arrow_rows_per_s": round(arrow_rate),
        "row_by_row_rows": len(sample),
        "row_by_row_rows_per_s": round(row_rate),
        "ratio": round(arrow_rate / row_rate, 1),
        "goal": ">= 50",
    }


def _tree_rss(process) -> int:
    import psutil

    total = 0
    try:
        children = process.children(recursive=True)
    except psutil.Error:  # a worker exited while its siblings were listed
        children = []
    for proc in [process, *children]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


def import_peak_rss(paths: list[Path], db: Path, workers: int, batch_size: int) -> tuple[float, float]:
    """Peak RSS (MB, the CLI process and its workers together) and wall time of `zhaoyin import --no-prefect`."""
    import psutil

    command = [
        str(BIN / "zhaoyin"), "import", *map(str, paths), "--db", str(db), "--no-prefect",
        "--workers", str(workers), "--batch-size", str(batch_size),
    ]  # fmt: skip
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def poll():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process))
            time.sleep(0.1)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    code = process.wait()
    wall = time.perf_counter() - start
    done.set()
    watcher.join()
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} exited {code}")
    expect_loaded(_stored_documents(db), paths, "(e) zhaoyin import")
    return peak / 2**20, wall


def rss_scaling(small: list[Path], large: list[Path], work: Path, workers: int, batch_size: int) -> dict:
    """(e) peak RSS importing the large set ÷ importing the small one (10× fewer documents)."""
    small_mb, small_s = import_peak_rss(small, _fresh_db(work, "rss-small"), workers, batch_size)
    big_mb, big_s = import_peak_rss(large, _fresh_db(work, "rss-large"), workers, batch_size)
    return {
        "small_documents": documents_in(small),
        "small_peak_mb": round(small_mb, 1),
        "small_s": round(small_s, 2),
        "large_documents": documents_in(large),
        "large_peak_mb": round(big_mb, 1),
        "large_s": round(big_s, 2),
        "ratio": round(big_mb / small_mb, 3),
        "goal": "<= 1.3",
    }


def startup_cost(document: Path, repeats: int = 3) -> dict:
    """(f) wall time of `zhaoyin extract FILE` ÷ `python -c "import jieba; jieba.initialize()"` (medians)."""
    env = dict(os.environ)

    def run(command: list[str]) -> float:
        return timed(
            lambda: subprocess.run(
                command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
            )
        )

    extract_cmd = [str(BIN / "zhaoyin"), "extract", str(document), "--format", "json"]
    jieba_cmd = [sys.executable, "-c", "import jieba; jieba.initialize()"]
    extract_s = statistics.median(run(extract_cmd) for _ in range(repeats))
    jieba_s = statistics.median(run(jieba_cmd) for _ in range(repeats))
    return {
        "extract_s": round(extract_s, 2),
        "jieba_init_s": round(jieba_s, 2),
        "ratio": round(extract_s / jieba_s, 2),
    }


def small_import_vs_extract(document: Path, work: Path, repeats: int = 3) -> dict:
    """(h) wall time of `zhaoyin import FILE` into a new warehouse ÷ `zhaoyin extract FILE`: a fresh process
    each, alternating (extract, import, import, extract, …), medians."""
    command = [sys.executable, "-m", "zhaoyin.flows.cli"]
    extract_cmd = [*command, "extract", str(document), "--format", "json"]
    extract_runs: list[float] = []
    import_runs: list[float] = []
    notes: set[str] = set()

    def run_extract() -> None:
        extract_runs.append(
            timed(lambda: subprocess.run(extract_cmd, check=True, capture_output=True, cwd=ROOT))
        )

    def run_import() -> None:
        db = _fresh_db(work, "one-file")
        done: list[subprocess.CompletedProcess] = []
        import_cmd = [*command, "import", str(document), "--db", str(db)]
        import_runs.append(
            timed(lambda: done.append(subprocess.run(import_cmd, capture_output=True, text=True, cwd=ROOT)))
        )
        if done[0].returncode != 0:
            raise RuntimeError(f"{' '.join(import_cmd)} exited {done[0].returncode}: {done[0].stderr[-500:]}")
        notes.update(line for line in done[0].stderr.splitlines() if "Prefect" in line)

    for round_ in range(repeats):
        for run in (run_extract, run_import) if round_ % 2 == 0 else (run_import, run_extract):
            run()
    extract_s, import_s = statistics.median(extract_runs), statistics.median(import_runs)
    return {
        "extract_s": [round(t, 2) for t in extract_runs],
        "import_s": [round(t, 2) for t in import_runs],
        "extract_median_s": round(extract_s, 2),
        "import_median_s": round(import_s, 2),
        "ratio": round(import_s / extract_s, 2),
        "prefect": sorted(notes) or ["ran as a Prefect flow"],
        "load_average_1min": round(os.getloadavg()[0], 2),
        "goal": "<= 2",
    }


def clean(work: Path) -> None:
    shutil.rmtree(work, ignore_errors=True)


def _spread(runs: list[float]) -> dict:
    return {
        "runs_s": [round(t, 2) for t in runs],
        "median_s": round(statistics.median(runs), 3),
        "min_s": round(min(runs), 3),
        "max_s": round(max(runs), 3),
    }


def import_into_scaled(
    new_files: list[Path], scaled: Path, work: Path, workers: int, batch_size: int, repeats: int = 3
) -> dict:
    """(g) importing the same new documents into a copy of the scaled warehouse ÷ into an empty one.

    Same plain-loop pipeline and workers; runs alternate (empty, scaled, scaled, empty, …) and each side's
    median counts. The copy is made outside the timing.
    """
    from zhaoyin.flows.importing.discover import discover
    from zhaoyin.flows.importing.ingest import ingest

    warm_worker_start()
    empty_runs: list[float] = []
    scaled_runs: list[float] = []
    new_documents = None

    def run(side: str) -> None:
        nonlocal new_documents
        db = _fresh_db(work, f"g-{side}")
        if side == "scaled":
            shutil.copy(scaled, db)
        start = time.perf_counter()
        summary = ingest(discover(new_files), db, workers=workers, batch_size=batch_size)
        (empty_runs if side == "empty" else scaled_runs).append(time.perf_counter() - start)
        expect_loaded(summary.new_documents, new_files, f"(g) into the {side} warehouse")
        new_documents = summary.new_documents
        db.unlink(missing_ok=True)

    for round_ in range(repeats):
        for side in ("empty", "scaled") if round_ % 2 == 0 else ("scaled", "empty"):
            run(side)
    import duckdb

    con = duckdb.connect(str(scaled), read_only=True)
    held = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    con.close()
    return {
        "new_documents": new_documents,
        "warehouse_documents": held,
        "empty": _spread(empty_runs),
        "scaled": _spread(scaled_runs),
        "ratio": round(statistics.median(scaled_runs) / statistics.median(empty_runs), 3),
        "ratio_range": [
            round(min(scaled_runs) / max(empty_runs), 3),
            round(max(scaled_runs) / min(empty_runs), 3),
        ],
        "workers": workers,
        "batch_size": batch_size,
        "load_average_1min": round(os.getloadavg()[0], 2),
        "goal": "<= 1.3",
    }


def documented_queries() -> list[tuple[str, str]]:
    """(where, sql) of every ```sql block of README.md and docs/*.md."""
    import re

    block = re.compile(r"^```sql\n(.*?)^```", re.S | re.M)
    found = []
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        for match in block.finditer(text):
            line = text[: match.start()].count("\n") + 1
            found.append((f"{doc.relative_to(ROOT)}:{line}", match.group(1)))
    return found


def _query_time(path: Path, run: Callable, repeats: int) -> float:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        run(con)  # warm: the first run reads the pages from disk
        return statistics.median(timed(lambda: run(con)) for _ in range(repeats))
    finally:
        con.close()


def queries_at_scale(small: Path, large: Path, repeats: int = 3) -> dict:
    """(i) each documented SQL example and `zhaoyin report` on the large warehouse ÷ on the small one."""
    import duckdb

    from zhaoyin.warehouse import connect
    from zhaoyin.warehouse.report import build_report

    sizes = {}
    for name, path in (("small", small), ("large", large)):
        connect(path).close()  # views of the current code
        con = duckdb.connect(str(path), read_only=True)
        sizes[name] = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
        con.close()
    runs: list[tuple[str, Callable]] = [
        (where, lambda con, sql=sql: con.execute(sql).fetchall())
        for where, sql in documented_queries()
        if not sql.lstrip().startswith("-- needs a crawl")  # its tables exist only after a crawl
    ]
    runs.append(("zhaoyin report", build_report))
    queries = {}
    for where, run in runs:
        small_s = _query_time(small, run, repeats)
        large_s = _query_time(large, run, repeats)
        queries[where] = {
            "small_s": round(small_s, 4),
            "large_s": round(large_s, 4),
            "ratio": round(large_s / small_s, 2),
        }
    worst = max(queries, key=lambda k: queries[k]["ratio"])
    return {
        "small_documents": sizes["small"],
        "large_documents": sizes["large"],
        "documents_ratio": round(sizes["large"] / sizes["small"], 1),
        "queries": queries,
        "worst": worst,
        "ratio": queries[worst]["ratio"],
        "over_goal": sorted(k for k, v in queries.items() if v["ratio"] > 12),
        "goal": "<= 12 for every query",
    }
