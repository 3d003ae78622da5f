"""Evidence spans, resolution keys and fingerprints: made by the extractors, carried by every record."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhaoyin import warehouse
from zhaoyin.extractors.fingerprint import fingerprint
from zhaoyin.extractors.keys import (
    EvidenceSentences,
    company_core,
    company_key,
    key_numbers,
    name_key,
    project_key,
)
from zhaoyin.extractors.pipeline import extract
from zhaoyin.schemas import Document, Extraction, Project

SIMPLIFIED = (
    "3月15日，青岛西海岸新区与宁德时代新能源科技股份有限公司举行签约仪式。"
    "总投资130亿元的宁德时代青岛储能电池基地项目落户董家口经济区。\n"
    "今年一季度，西海岸新区新签约亿元以上项目52个，同比增长18.5%。"
)
TRADITIONAL_FULLWIDTH = (
    "３月１５日，青島西海岸新區與寧德時代新能源科技股份有限公司舉行簽約儀式。"
    "總投資１３０億元的寧德時代青島儲能電池基地項目落戶董家口經濟區。\n"
    "今年一季度，西海岸新區新簽約億元以上項目５２個，同比增長１８．５％。"
)


def _records_with_evidence(extraction: Extraction):
    incentives = [i for p in extraction.policies for i in p.incentives]
    for kind, records in (
        ("projects", extraction.projects),
        ("companies", extraction.companies),
        ("districts", extraction.districts),
        ("amounts", extraction.amounts),
        ("metrics", extraction.metrics),
        ("mentions", extraction.mentions),
        ("incentives", incentives),
    ):
        for record in records:
            yield kind, record


def _first_span(kind: str, record) -> tuple[int | None, int | None]:
    if kind in ("companies", "districts"):
        return (record.spans[0].start, record.spans[0].end) if record.spans else (None, None)
    return record.start, record.end


def _documents(shared_dir: Path) -> list[Document]:
    docs = [
        Document(text=SIMPLIFIED, source="simplified.txt"),
        Document(text=TRADITIONAL_FULLWIDTH, source="traditional.txt"),
    ]
    for path in sorted((shared_dir / "corpus").glob("*.txt"))[:3]:
        docs.append(Document(text=path.read_text(encoding="utf-8"), source=path.name))
    return docs


def test_every_record_carries_evidence_offsets_that_slice_the_text_to_its_evidence(shared_dir):
    checked = 0
    for doc in _documents(shared_dir):
        extraction = extract(doc, strict=True)
        for kind, record in _records_with_evidence(extraction):
            assert record.evidence is not None, (doc.source, kind, record)
            assert record.evidence_start is not None and record.evidence_end is not None
            assert doc.text[record.evidence_start : record.evidence_end] == record.evidence
            start, end = _first_span(kind, record)
            if start is not None and kind != "projects":  # the record lies inside its evidence sentence
                assert record.evidence_start <= start and end <= record.evidence_end, (kind, record)
            checked += 1
    assert checked > 50


def test_traditional_fullwidth_text_gets_the_keys_of_its_simplified_form():
    simplified = extract(Document(text=SIMPLIFIED, source="a.txt"), strict=True)
    traditional = extract(Document(text=TRADITIONAL_FULLWIDTH, source="b.txt"), strict=True)
    [company] = [c for c in simplified.companies if c.canonical == "宁德时代新能源科技股份有限公司"]
    by_name = {k.name: k for k in company.name_keys}
    assert set(by_name) == {company.canonical, *company.mentions}
    assert by_name[company.canonical].registered and by_name[company.canonical].core == "宁德时代新能源科技"
    [project] = simplified.projects
    assert project.name_key == name_key(project.name)
    assert project.company_key == company_key(project.company)
    assert project.project_key == "青岛储能电池基地"
    [written] = traditional.projects
    assert written.evidence_start == project.evidence_start and written.evidence_end == project.evidence_end
    # the metric's evidence is the sentence as the document writes it, not the simplified view
    metric = traditional.metrics[0]
    assert metric.evidence == TRADITIONAL_FULLWIDTH[metric.evidence_start : metric.evidence_end]
    assert "簽約" in metric.evidence


def test_name_keys_ignore_width_brackets_and_case():
    assert (
        name_key("时代电服（青岛）科技有限公司")
        == name_key("时代电服(青岛)科技有限公司")
        == "时代电服青岛科技有限公司"
    )
    assert name_key("ＡＢＣ Co., Ltd.") == "abcco.,ltd."
    assert company_core("宁德时代新能源科技股份有限公司") == ("宁德时代新能源科技", True)
    assert company_core("宁德时代") == ("宁德时代", False)
    assert company_core("Siemens AG") == ("siemens", True)
    subsidiary = company_key("时代电服（青岛）科技有限公司")
    assert subsidiary.bracketed and subsidiary.fullwidth_brackets
    assert company_key("时代电服(青岛)科技有限公司").bracketed
    assert not company_key("时代电服(青岛)科技有限公司").fullwidth_brackets


def test_project_keys_drop_the_company_and_the_generic_ending():
    names = ["康泽生物医药（青岛）有限公司", "康泽生物"]
    assert project_key("康泽生物医药（青岛）有限公司创新药研发生产基地", names) == "创新药研发生产基地"
    assert project_key("康泽生物创新药研发生产基地项目", names) == "创新药研发生产基地"
    assert project_key("澄波新材料高端膜材料项目", ["澄波新材料科技股份有限公司"]) == "高端膜材料"
    assert project_key(None) is None
    assert key_numbers("储能电池基地二期") == ["二"]
    assert key_numbers("地铁11号线") == ["11"]
    assert key_numbers("储能电池基地") == []


def test_evidence_sentence_is_bounded_by_sentence_ends_and_newlines():
    text = "第一句。  第二句有宁德时代！\n第三句"
    sentences = EvidenceSentences(text)
    start = text.index("宁德时代")
    span = sentences.span(start, start + 4)
    assert span is not None and text[span[0] : span[1]] == "第二句有宁德时代！"
    assert sentences.around(len(text) - 1, len(text)) == "第三句"
    assert sentences.span(None, None) is None and sentences.span(len(text) + 5, None) is None


def test_fingerprint_ignores_width_and_punctuation_and_comes_with_the_extraction():
    plain = fingerprint("宁德时代青岛储能电池基地项目落户董家口经济区")
    noisy = fingerprint("宁德时代，青岛储能电池基地项目 落户董家口经济区！")
    assert plain.signature == noisy.signature and plain.shingle_count == noisy.shingle_count
    assert len(plain.signature) == 128 and plain.bands
    other = fingerprint("胶州市签约青岛某某新材料有限公司新材料项目，投资3000万元。")
    assert other.signature != plain.signature
    doc = Document(text=SIMPLIFIED, source="a.txt")
    assert extract(doc).fingerprint == fingerprint(SIMPLIFIED)


@pytest.fixture
def con(db_path):
    con = warehouse.connect(db_path)
    yield con
    con.close()


def test_the_warehouse_stores_keys_and_evidence_as_given(con):
    doc = Document(text=SIMPLIFIED, source="a.txt")
    extraction = extract(doc, strict=True)
    warehouse.load_batch(con, [(doc, extraction)], [])
    [project] = extraction.projects
    stored = con.execute(
        "SELECT project_key, key_numbers, company_key, evidence_start, evidence_end FROM projects"
    ).fetchall()
    assert stored == [
        (
            project.project_key,
            project.key_numbers,
            project.company_key.model_dump(),
            project.evidence_start,
            project.evidence_end,
        )
    ]
    [company] = [c for c in extraction.companies if c.name_keys[0].registered]
    name_keys = con.execute("SELECT name_keys FROM companies WHERE canonical = ?", [company.canonical])
    assert name_keys.fetchall() == [([k.model_dump() for k in company.name_keys],)]
    untraceable = con.execute(
        """
        SELECT count(*) FROM investments i JOIN documents d USING (doc_id)
        WHERE substr(d.text, i.evidence_start + 1, i.evidence_end - i.evidence_start) <> i.evidence
        """
    ).fetchall()[0][0]
    assert untraceable == 0


def test_records_without_keys_still_load_and_resolve_on_their_names_as_written(con):
    """Extractions made before keys came with the records (or by other tools) load; names compare as written."""
    text = "即墨区签约海尔智家股份有限公司智能家电产业园项目，总投资5亿元。"
    items = []
    for source in ("a.txt", "b.txt"):
        doc = Document(text=text + source, source=source)
        project = Project(name="智能家电产业园项目", company="海尔智家股份有限公司", evidence=text)
        items.append((doc, Extraction(projects=[project])))
    result = warehouse.load_batch(con, items, [])
    assert result.new_documents == 2 and result.projects == 2
    assert con.execute("SELECT count(*) FROM v_projects").fetchall() == [(1,)]
    assert con.execute("SELECT count(*) FROM doc_minhash").fetchall() == [(0,)]
