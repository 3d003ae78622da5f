"""`make bench`: build the synthetic corpus, measure (a)–(i) and rjieba in one run, write bench/results.json.

python -m bench.run                 # 10,000 documents (~30 M characters)
python -m bench.run --quick         # 2,000 documents and smaller samples, for trying
python -m bench.run --only a,d      # some figures only
python -m bench.run --only g,i      # imports and queries on warehouses of 10,000 and 100,000 reports
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from zhaoyin.flows.settings import configure_prefect_env

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results.json"


def machine() -> dict:
    import psutil

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cpus_available": len(os.sched_getaffinity(0)),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_1min_at_start": round(os.getloadavg()[0], 2),
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the corpus (default 10000)")
    parser.add_argument("--quick", action="store_true", help="small samples, for trying")
    parser.add_argument(
        "--sample", type=int, default=None, help="documents for (a), (d), rjieba (default 300)"
    )
    parser.add_argument("--import-docs", type=int, default=None, help="documents for (b), (c) (default 400)")
    parser.add_argument(
        "--rss-docs",
        type=int,
        default=None,
        help="(e): import this many, then a tenth of them (default 10000)",
    )
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--scale-reports",
        type=int,
        default=None,
        help="(g), (i): reports in the large warehouse (default 100000; the small one holds a tenth)",
    )
    parser.add_argument(
        "--scale-pool",
        type=int,
        default=None,
        help="(g), (i): documents imported for real, varied into the warehouses and imported new (default 1000)",
    )
    # (g) is asked for by name: at the default sizes (1,000 new documents, six times, into 100,000 reports) it
    # is not timed yet, and its candidate fetch still scans the projects table per batch (docs/benchmarks.md)
    parser.add_argument(
        "--only", default="a,b,c,d,e,f,h,i,j,rjieba", help="comma-separated figures to measure"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    configure_prefect_env()

    from bench import measure
    from bench.corpus import CORPUS_DIR, DOCS_PER_PART, build_corpus, iter_texts

    docs = args.docs
    sample = args.sample or (100 if args.quick else 300)
    import_docs = args.import_docs or (100 if args.quick else 400)
    rss_docs = min(docs, args.rss_docs or (200 if args.quick else 10_000))
    wanted = set(args.only.split(","))
    work = CORPUS_DIR / "work"
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()

    def step(name: str, title: str, fn):
        if name not in wanted:
            return
        print(f"[{time.perf_counter() - started:6.1f}s] {title} …", flush=True)
        try:
            results[name] = fn()
        except Exception as error:  # one broken figure must not hide the others
            results[name] = {"error": f"{type(error).__name__}: {error}"}
        print(f"         {json.dumps(results[name], ensure_ascii=False)}", flush=True)

    parts, manifest = build_corpus(docs)
    print(f"corpus: {manifest['docs']} documents, {manifest['characters']:,} characters in {parts[0].parent}")
    import_parts = _sample_folder(parts, import_docs, work / f"sample-{import_docs}")
    rss_small = _sample_folder(parts, rss_docs // 10, work / f"sample-{rss_docs // 10}")
    rss_large = parts[: rss_docs // DOCS_PER_PART] if rss_docs % DOCS_PER_PART == 0 else None
    rss_large = rss_large or _sample_folder(parts, rss_docs, work / f"sample-{rss_docs}")
    texts = iter_texts(parts, sample)
    results: dict = {}
    step("a", "(a) extraction ÷ bare jieba.lcut throughput", lambda: measure.extraction_vs_jieba(texts))
    step("rjieba", "rjieba vs jieba with our user dictionary", lambda: measure.rjieba_agreement(texts))
    step("j", "(j) seconds per character of a 400,000-character document ÷ of a 50,000-character one",
         lambda: measure.long_document_scaling(texts))  # fmt: skip
    step("d", "(d) Arrow batch load ÷ row-by-row inserts", lambda: measure.arrow_vs_rows(texts, work))
    step("c", "(c) 2 worker processes ÷ 1", lambda: measure.worker_scaling(import_parts, work, 100))
    step(
        "b",
        "(b) bulk_import through Prefect ÷ plain loop",
        lambda: measure.prefect_overhead(import_parts, work, args.workers, args.batch_size),
    )
    step(
        "e",
        f"(e) peak RSS importing {rss_docs} ÷ {rss_docs // 10} documents",
        lambda: measure.rss_scaling(rss_small, rss_large, work, args.workers, args.batch_size),
    )
    scale_reports = args.scale_reports or (2_000 if args.quick else 100_000)
    pool_docs = min(args.scale_pool or (200 if args.quick else 1_000), scale_reports // 10)
    if wanted & {"g", "i"}:
        from bench import scale

        print(
            f"[{time.perf_counter() - started:6.1f}s] warehouses of {scale_reports // 10} and {scale_reports} reports …"
        )
        files = [p for part in parts for p in sorted(part.glob("*.txt"))]
        pool = scale.build_pool(files[:pool_docs], args.workers)
        small_db = scale.build_warehouse(pool, scale_reports // 10)
        large_db = scale.build_warehouse(pool, scale_reports)
        new_files = files[pool_docs : 2 * pool_docs]
    step(
        "g",
        f"(g) importing {pool_docs} new reports into {scale_reports} ÷ into an empty warehouse",
        lambda: measure.import_into_scaled(new_files, large_db, work, args.workers, args.batch_size),
    )
    step(
        "i",
        f"(i) documented queries and the report on {scale_reports} ÷ {scale_reports // 10} reports",
        lambda: measure.queries_at_scale(small_db, large_db),
    )
    step("f", "(f) zhaoyin extract ÷ python -c 'import jieba; jieba.initialize()'",
         lambda: measure.startup_cost(sorted(parts[0].glob("*.txt"))[0]))  # fmt: skip
    step("h", "(h) zhaoyin import FILE ÷ zhaoyin extract FILE",
         lambda: measure.small_import_vs_extract(sorted(parts[0].glob("*.txt"))[0], work))  # fmt: skip

    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "corpus": {k: manifest[k] for k in ("docs", "characters", "sentences_in_pool")},
        "sample_documents": sample,
        "import_documents": import_docs,
        "rss_documents": [rss_docs // 10, rss_docs],
        "workers": args.workers,
        "batch_size": args.batch_size,
        "total_s": round(time.perf_counter() - started, 1),
        "results": results,
    }
    if args.only != parser.get_default("only") and args.out.exists():  # some figures: update the others' file
        previous = json.loads(args.out.read_text())
        report["results"] = {**previous.get("results", {}), **results}
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {args.out} in {report['total_s']} s")
    return report


def _sample_folder(parts: list[Path], count: int, folder: Path) -> list[Path]:
    """A folder holding the first `count` documents, so imports of the sample see only them.

    The files are hard links (copies when the corpus is on another file system), never symlinks: the importer
    refuses symlinks that leave the imported folder, and an import of a folder of them would load nothing."""
    folder.mkdir(parents=True, exist_ok=True)
    present = list(folder.glob("*.txt"))
    if len(present) != count or any(p.is_symlink() for p in present):
        for old in present:
            old.unlink()
        chosen = [p for part in parts for p in sorted(part.glob("*.txt"))][:count]
        for path in chosen:
            try:
                os.link(path, folder / path.name)
            except OSError:
                shutil.copyfile(path, folder / path.name)
    return [folder]


if __name__ == "__main__":
    main(sys.argv[1:])
