"""The whole pipeline on a written report, and against the shared gold annotations."""

from __future__ import annotations

import json

import pytest

from zhaoyin.extractors.pipeline import EXTRACTOR_VERSION, extract, extraction_view
from zhaoyin.schemas import Document

REPORT = """青岛日报 2025年4月8日

今年一季度，青岛市城阳区共签约亿元以上项目49个，总投资152.66亿元。其中，总投资１３０亿元的鹏辉能源储能电池生产项目（一期）电芯厂房目前已完工。

3月14日注册成立的时代电服（青岛）科技有限公司，聚焦换电业务。市北区拜访先导集团、小米集团等108家企业。

青岛自贸片区将加快建设集成电路专业园区。
"""


@pytest.fixture(scope="module")
def extraction():
    return extract(Document(text=REPORT, source="reports/2025/qd-0408.txt"), strict=True)


def test_every_kind_comes_out(extraction):
    assert extraction.doc == "qd-0408.txt"
    assert extraction.extractor_version == EXTRACTOR_VERSION
    assert extraction.city == "青岛市"
    assert {"城阳区", "市北区", "中国（山东）自由贸易试验区青岛片区"} <= {
        d.canonical for d in extraction.districts
    }
    assert {"先导集团", "小米集团", "时代电服（青岛）科技有限公司"} <= {
        c.canonical for c in extraction.companies
    }
    project = next(p for p in extraction.projects if p.company == "鹏辉能源")
    assert (project.district, project.amount_yuan, project.status) == ("城阳区", 13_000_000_000, "completed")


def test_surfaces_are_cut_from_the_original_text(extraction):
    """Extraction runs on a half-width view; what it reports is as the document writes it."""
    project = next(p for p in extraction.projects if p.company == "鹏辉能源")
    assert project.amount_text == "１３０亿元"
    assert REPORT[project.start : project.end] == project.evidence
    for record in (*extraction.companies, *extraction.districts):
        assert all(REPORT[s.start : s.end] in record.mentions for s in record.spans)
    assert all(m in REPORT for c in extraction.companies for m in c.mentions)


def test_mentions_cover_companies_districts_and_amounts(extraction):
    labels = {m.label for m in extraction.mentions}
    assert {"company", "district"} <= labels
    assert all(REPORT[m.start : m.end] == m.text for m in extraction.mentions)
    assert [m.start for m in extraction.mentions] == sorted(m.start for m in extraction.mentions)


def test_json_has_the_gold_keys(extraction):
    data = json.loads(extraction.model_dump_json())
    assert {"projects", "companies", "districts", "amounts", "metrics"} <= set(data)


def test_a_failing_stage_is_contained_unless_strict(monkeypatch):
    from zhaoyin.extractors import pipeline as extraction_pipeline

    def broken(text):
        raise RuntimeError("bug")

    document = Document(text=REPORT, source="x.txt")
    whole = extract(document)
    monkeypatch.setattr(extraction_pipeline, "find_companies", broken)
    result = extract(document)
    # only the investors the projects stage names itself remain (先导集团 and 小米集团 come from the broken stage)
    assert {c.canonical for c in result.companies} <= {p.company for p in result.projects}
    assert len(result.companies) < len(whole.companies)
    assert result.districts and result.projects
    with pytest.raises(RuntimeError):
        extract(document, strict=True)


def test_empty_document():
    result = extract(Document(text="", source="empty.txt"), strict=True)
    assert result.projects == [] and result.districts == [] and result.companies == []


THRESHOLDS = {"districts": 0.95, "companies": 0.85, "projects": 0.85}
FIELD_THRESHOLDS = {"company": 0.85, "district": 0.85, "amount_yuan": 0.85, "status": 0.85}


def test_quality_against_the_shared_gold(shared_dir):
    evaluation = pytest.importorskip("zhaoyin.extractors.evaluation")
    predictions = {}
    for path in sorted((shared_dir / "corpus").glob("*.txt")):
        result = extract(Document(text=path.read_text(encoding="utf-8"), source=path.name), strict=True)
        predictions[path.name] = json.loads(result.model_dump_json())
    report = evaluation.evaluate(shared_dir / "gold", predictions)
    for kind, threshold in THRESHOLDS.items():
        assert report.kinds[kind].f1 >= threshold, (kind, report.kinds[kind])
    for field, threshold in FIELD_THRESHOLDS.items():
        assert report.project_fields[field].accuracy >= threshold, (field, report.project_fields[field])


def test_investors_named_only_in_a_list_of_projects_become_companies():
    text = "青岛西海岸新区全力推动董家口炼化一体化、路易达孚、三峡海上风电等重点工程加快建设。"
    result = extract(Document(text=text, source="x.txt"), strict=True)
    louis = next(c for c in result.companies if c.canonical == "路易达孚")
    assert [text[s.start : s.end] for s in louis.spans] == ["路易达孚"]


TRADITIONAL = "青島市城陽區今年簽約項目。總投資30億元的瑞幸咖啡創新生產中心項目落戶城陽區。香港中寶集團有限公司來青考察。"


def test_traditional_script_is_read_with_simplified_canonicals_and_written_mentions():
    pytest.importorskip("zhaoyin.extractors.script")
    result = extract(Document(text=TRADITIONAL, source="t.txt"), strict=True)
    (district,) = result.districts
    assert district.canonical == "城阳区" and district.mentions == ["城陽區"]  # official name, written form
    company = next(c for c in result.companies if c.canonical == "香港中宝集团有限公司")
    assert company.mentions == ["香港中寶集團有限公司"]
    (project,) = result.projects
    assert project.district == "城阳区" and project.amount_text == "30億元" and project.status == "landed"
    assert project.name == "瑞幸咖啡创新生产中心项目" and project.company == "瑞幸咖啡"
    assert {m.canonical for m in result.mentions if m.label == "company"} <= {
        c.canonical for c in result.companies
    }


def test_companies_from_another_backend():
    pytest.importorskip("spacy")
    from zhaoyin.extractors.backends import BackendUnavailable

    document = Document(text=TRADITIONAL, source="t.txt")
    try:
        result = extract(document, backend="spacy", strict=True)
    except BackendUnavailable as reason:
        pytest.skip(str(reason))
    assert result.backend == "spacy"
    assert result.companies and all(
        TRADITIONAL[s.start : s.end] in c.mentions for c in result.companies for s in c.spans
    )


def test_an_unusable_backend_is_an_error_not_fewer_companies():
    from zhaoyin.extractors.backends import BackendUnavailable

    document = Document(text=TRADITIONAL, source="t.txt")
    for strict in (False, True):
        with pytest.raises(BackendUnavailable, match="no-such-backend"):
            extract(document, backend="no-such-backend", strict=strict)


def test_records_from_ocr_text_carry_lower_confidence():
    plain = extract(Document(text=REPORT, source="x.txt"), strict=True)
    scanned = extract(Document(text=REPORT, source="x.pdf", meta={"ocr": True}), strict=True)
    assert plain.amounts and len(scanned.amounts) == len(plain.amounts)
    for clear, ocr in zip(plain.amounts + plain.districts, scanned.amounts + scanned.districts, strict=True):
        assert ocr.confidence < clear.confidence


def test_the_document_date_and_where_it_came_from():
    from datetime import UTC, datetime

    lead = (
        "云岭县签约项目\n本报讯（记者 王明）5月8日，云岭县举行项目集中签约仪式，共签约项目3个，总投资12亿元。"
    )
    from_name = extract(
        Document(
            text=lead, source="yunling_2024-05.txt", published="2024-05", meta={"published_from": "file-name"}
        )
    )
    assert (from_name.published, from_name.date_source) == ("2024-05-08", "dateline+file-name")
    imported = datetime(2025, 6, 1, tzinfo=UTC)
    bare = extract(Document(text=lead, source="yunling.txt", fetched_at=imported))
    assert (bare.published, bare.date_source) == ("2025-05-08", "dateline+import-date")
    # read back from the warehouse: the date an earlier extraction made is not taken for metadata
    again = extract(
        Document(
            text=lead,
            source="yunling.txt",
            published="2025-05-08",
            meta={"date_source": "dateline+import-date"},
        )
    )
    assert again.published is None


def test_an_ascii_dot_ends_a_sentence_but_joins_the_name_of_a_list_item():
    view = extraction_view(
        "总投资超过300亿元.其中，开工项目包括岚山医院住院楼项目、海润.书香华庭项目、辣椒深加工项目。"
    )
    assert view.startswith("总投资超过300亿元。其中")
    assert "、海润.书香华庭项目、" in view
    assert len(view) == len(
        "总投资超过300亿元.其中，开工项目包括岚山医院住院楼项目、海润.书香华庭项目、辣椒深加工项目。"
    )


def test_a_report_naming_no_city_is_its_papers_and_speaking_as_the_province_the_provinces():
    from zhaoyin.extractors.readers import read_document
    from zhaoyin.schemas import RawDocument

    text = (
        "兰州日报社全媒体记者 王某\n"
        "兰州日报讯 记者从省政府新闻办获悉，1至9月，全省签约招商引资项目3989个，签约金额9433.27亿元。\n"
    )
    document = read_document(RawDocument(data=text.encode(), source="report.txt"))
    extraction = extract(document)
    assert extraction.city == "兰州市"
    assert {m.subject for m in extraction.metrics} == {"甘肃省"}


def test_a_provincial_report_held_in_its_capital_gives_the_province_its_figures():
    text = (
        "9月10日上午，在岚企500强高峰论坛上，举行了岚企500强投资江西重大项目签约仪式，现场集中签约项目34个，"
        "总投资额1003亿元。自本次论坛确定在南昌举办以来，我省突出招大引强。截至8月底，全省共签约项目133个。\n"
    )
    extraction = extract(Document(text=text, source="report.txt"))
    assert {m.subject for m in extraction.metrics} == {"江西省"}
