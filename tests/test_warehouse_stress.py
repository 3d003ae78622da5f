"""Loading at volume (make stress): thousands of long documents in batches, planted reprints found, search
still finds a planted phrase, a second load adds nothing."""

from __future__ import annotations

import random
import time

import pytest

from zhaoyin import warehouse
from zhaoyin.schemas import Amount, Company, Document, Extraction, Project
from zhaoyin.warehouse.search import search

pytestmark = pytest.mark.stress

DOCS, BATCH, CHARS = 4000, 200, 3000


def synthetic(i: int, rng: random.Random) -> tuple[Document, Extraction]:
    body = "".join(chr(rng.randint(0x4E00, 0x9FA5)) if rng.random() > 0.04 else "。" for _ in range(CHARS))
    text = f"第{i}号报道。{body}"
    company = f"第{i % 97}号新能源科技有限公司"
    ext = Extraction(
        projects=[
            Project(
                name=f"第{i % 300}号储能基地项目",
                company=company,
                district=f"第{i % 12}区",
                amount_yuan=1e8 * (i % 50 + 1),
                status="signed",
                evidence=text[:40],
                start=0,
                end=40,
            )
        ],
        companies=[Company(canonical=company, mentions=[company, f"第{i % 97}号新能源"])],
        amounts=[Amount(text="1亿元", value=1e8, start=5 * k, end=5 * k + 3) for k in range(5)],
    )
    return Document(
        text=text, source=f"/stress/{i // 100}/{i}.txt", published=f"2025-{i % 12 + 1:02d}-01"
    ), ext


def test_load_thousands_of_documents(tmp_path):
    rng = random.Random(7)
    items = [synthetic(i, rng) for i in range(DOCS)]
    original = items[10][0]
    planted = original.text[:1500] + "宁德时代换电站北方基地" + original.text[1500:]
    items[10] = (original.model_copy(update={"text": planted}), items[10][1])
    reprint = Document(text=planted[: len(planted) - 200], source="https://reprint.example.cn/a.html")
    items.append((reprint, items[10][1]))
    db = tmp_path / "stress.duckdb"
    con = warehouse.connect(db)
    started = time.perf_counter()
    for start in range(0, len(items), BATCH):
        warehouse.load_batch(con, items[start : start + BATCH], [])
    elapsed = time.perf_counter() - started
    print(
        f"\nloaded {len(items)} documents × {CHARS} chars in {elapsed:.1f} s ({len(items) / elapsed:.0f} docs/s)"
    )
    counts = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchall()[0]
    assert counts == (len(items), len(items))
    assert con.execute("SELECT reprint_of FROM documents WHERE doc_id = ?", [reprint.doc_id]).fetchall() == [
        (items[10][0].doc_id,)
    ]
    assert con.execute("SELECT count(*) FROM reprints").fetchall()[0][0] == 1
    distinct_projects = len({(i % 300, i % 97, i % 12) for i in range(DOCS)})
    assert con.execute("SELECT count(*) FROM v_projects").fetchall()[0][0] == distinct_projects
    started = time.perf_counter()
    hits = search(con, "宁德时代 换电站")
    print(f"search over {len(items)} documents: {time.perf_counter() - started:.2f} s")
    assert hits and hits[0].doc_id == items[10][0].doc_id
    before = con.execute("SELECT count(*) FROM projects").fetchall()[0][0]
    again = warehouse.load_batch(con, items[:BATCH], [])
    assert again.new_documents == 0
    assert con.execute("SELECT count(*) FROM projects").fetchall()[0][0] == before
    con.close()
