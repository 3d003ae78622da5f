"""`publisher`: the outlet a text names (来源：…, 大众日报讯, 新华社…电, a byline), else the crawl source,
else the URL's host — never the folder a file sits in."""

from __future__ import annotations

import pytest

from zhaoyin import warehouse
from zhaoyin.extractors.pipeline import extract
from zhaoyin.extractors.readers import read_document
from zhaoyin.extractors.readers.metadata import named_outlet
from zhaoyin.schemas import RawDocument

BODY = "西海岸新区集中签约23个重点项目，总投资486亿元。"


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("标题\n\n大众日报讯（记者 王明）" + BODY, "大众日报"),
        ("标题\n\n新华社北京3月5日电（记者 李华）" + BODY, "新华社"),
        ("标题\n\n新华日报记者 沈嘉怡\n\n" + BODY, "新华日报"),
        ("标题\n□青岛日报/观海新闻记者 刘兰星\n" + BODY, "青岛日报"),
        ("标题\n\n本报讯（记者 于潇然）" + BODY, None),
        ("标题\n\n据大众日报报道，" + BODY, None),
    ],
)
def test_the_outlet_a_text_names(text, outlet):
    assert named_outlet(text) == outlet


def publishers(tmp_path, items: list[tuple[str, str, dict]]) -> dict[str, str | None]:
    con = warehouse.connect(tmp_path / "p.duckdb")
    loaded = []
    for source, text, meta in items:
        document = read_document(RawDocument(data=text.encode(), source=source, meta=meta))
        loaded.append((document, extract(document)))
    warehouse.load_batch(con, loaded, [])
    found = dict(con.execute("SELECT source, publisher FROM v_documents").fetchall())
    con.close()
    return found


def test_publisher_comes_from_the_text_then_the_crawl_then_the_host(tmp_path):
    found = publishers(
        tmp_path,
        [
            ("/archive/samples/a.txt", "甲\n\n来源：青岛日报　2024年11月22日\n\n" + BODY, {}),
            ("/archive/samples/b.txt", "乙\n\n本报讯（记者 王明）" + BODY + "开工。", {}),
            ("https://www.dzwww.com/a/1.htm", "丙\n\n本报讯 " + BODY + "落地。", {}),
            (
                "https://news.example.cn/2.htm",
                "丁\n\n本报讯 " + BODY + "投产。",
                {"crawl_source": "example-news"},
            ),
        ],
    )
    assert found["/archive/samples/a.txt"] == "青岛日报"
    assert found["/archive/samples/b.txt"] is None  # not "samples"
    assert found["https://www.dzwww.com/a/1.htm"] == "dzwww.com"
    assert found["https://news.example.cn/2.htm"] == "example-news"
