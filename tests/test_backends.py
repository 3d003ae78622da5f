"""NER backends: the interface, the spaCy backend's ruler, the rules wrapper, HanLP's failure path and
the conversion of HanLP's documented output structure."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from zhaoyin.extractors.backends import (
    BACKEND_NAMES,
    BackendUnavailable,
    EntityBackend,
    cache_dir,
    clear_backend_cache,
    default_backend_name,
    get_backend,
)
from zhaoyin.extractors.backends.hanlp_backend import (
    hanlp_segments,
    local_model_path,
    mention_label,
    mentions_from_document,
    mentions_from_entities,
    token_offsets,
)
from zhaoyin.extractors.text import Segment

HAS_HANLP = importlib.util.find_spec("hanlp") is not None

REPORT = (
    "青岛市城阳区与深圳华星新材料科技有限公司签约，总投资20亿元。\n"
    "胶州市引进北京云岭数据集团，建设算力中心；上海明远（青岛）智能装备有限公司落户即墨区。"
)


def assert_offsets_exact(text, mentions):
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text


@pytest.fixture(scope="module")
def spacy_backend():
    pytest.importorskip("spacy")
    from zhaoyin.extractors.backends.spacy_backend import SpacyBackend

    return SpacyBackend(statistical=False)  # the ruler alone, whatever model this machine has


def test_spacy_backend_finds_companies_and_districts_with_exact_offsets(spacy_backend):
    mentions = spacy_backend.entities(REPORT)
    assert_offsets_exact(REPORT, mentions)
    companies = {m.text for m in mentions if m.label == "company"}
    districts = {m.canonical for m in mentions if m.label == "district"}
    assert {"深圳华星新材料科技有限公司", "北京云岭数据集团", "上海明远（青岛）智能装备有限公司"} <= companies
    assert {"城阳区", "胶州市", "即墨区"} <= districts
    assert all(m.source == "spacy" for m in mentions)
    assert all(0 < m.confidence <= 1 for m in mentions)
    company = next(m for m in mentions if m.text == "北京云岭数据集团")
    assert REPORT.index("北京云岭数据集团") == company.start


def test_spacy_company_names_stop_at_verbs_and_skip_generic_nouns(spacy_backend):
    text = "代表团拜访了深圳华星集团，并与多家跨国公司座谈。"
    companies = [m.text for m in spacy_backend.entities(text) if m.label == "company"]
    assert "深圳华星集团" in companies
    assert not any("拜访" in c or c.endswith("跨国公司") for c in companies)


def test_short_district_names_need_their_city_in_the_text(spacy_backend):
    about_qingdao = "青岛各区市抓招商，城阳新签约项目12个。"
    elsewhere = "他早年在城阳工作过。"
    near = [m for m in spacy_backend.entities(about_qingdao) if m.label == "district"]
    assert [(m.text, m.canonical) for m in near] == [("城阳", "城阳区")]
    assert not [m for m in spacy_backend.entities(elsewhere) if m.label == "district"]


def test_spacy_backend_on_empty_and_odd_text(spacy_backend):
    assert spacy_backend.entities("") == []
    assert spacy_backend.entities("   \n ") == []
    odd = "（）有限公司，，集团\u3000\n\n  ABC Co., Ltd. 城阳区"
    assert_offsets_exact(odd, spacy_backend.entities(odd))


def test_get_backend_is_cached_and_satisfies_the_protocol():
    pytest.importorskip("spacy")
    first = get_backend("spacy")
    assert get_backend("SPACY ") is first
    assert isinstance(first, EntityBackend)
    assert first.name == "spacy"


def test_unknown_backend_names_the_choices():
    with pytest.raises(BackendUnavailable) as info:
        get_backend("stanza")
    for name in BACKEND_NAMES:
        assert name in info.value.message


def test_default_backend_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("ZHAOYIN_BACKEND", raising=False)
    assert default_backend_name() == "rules"
    monkeypatch.setenv("ZHAOYIN_BACKEND", "spacy")
    assert default_backend_name() == "spacy"
    pytest.importorskip("spacy")
    assert get_backend().name == "spacy"


def test_missing_spacy_model_path_says_how_to_make_one(tmp_path, monkeypatch):
    pytest.importorskip("spacy")
    monkeypatch.setenv("ZHAOYIN_SPACY_MODEL", str(tmp_path / "nowhere"))
    clear_backend_cache()
    with pytest.raises(BackendUnavailable) as info:
        get_backend("spacy")
    assert "train-ner" in info.value.message and "nowhere" in info.value.message


def test_rules_backend_wraps_the_rules_engine():
    from zhaoyin.extractors.companies import find_companies
    from zhaoyin.extractors.districts import find_districts

    backend = get_backend("rules")
    mentions = backend.entities(REPORT)
    assert_offsets_exact(REPORT, mentions)
    companies = {c.canonical for c in find_companies(REPORT)}
    districts = {d.canonical for d in find_districts(REPORT)[0]}
    assert companies and districts
    assert {m.canonical for m in mentions if m.label == "company"} == companies
    assert {m.canonical for m in mentions if m.label == "district"} == districts
    assert all(m.source == "rules" for m in mentions)


# --- HanLP -------------------------------------------------------------------------------------------


@pytest.mark.skipif(HAS_HANLP, reason="hanlp is installed here: the not-installed path cannot be shown")
def test_hanlp_without_the_library_says_what_to_install_and_where_the_model_goes(monkeypatch):
    monkeypatch.delenv("HANLP_HOME", raising=False)
    clear_backend_cache()
    with pytest.raises(BackendUnavailable) as info:
        get_backend("hanlp")
    message = info.value.message
    assert "pip install" in message and "zhaoyin[hanlp]" in message
    assert "ZHAOYIN_HANLP_MODEL" in message
    assert str(cache_dir() / "hanlp") in message  # HANLP_HOME defaults into our cache dir, not $HOME
    assert str(Path.home() / ".hanlp") not in message


@pytest.mark.skipif(HAS_HANLP, reason="hanlp is installed here: the not-installed path cannot be shown")
@pytest.mark.parametrize("command", ["extract", "import", "eval"])
def test_cli_with_an_unavailable_backend_says_what_to_install_and_exits_2(cli, tmp_path, command):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    args = {
        "extract": ["extract", report],
        "import": ["import", tmp_path, "--db", db, "--no-prefect"],
        "eval": ["eval", tmp_path, "--corpus", tmp_path],
    }[command]
    result = cli(*args, "--backend", "hanlp")
    assert result.exit_code == 2, result.output
    assert "zhaoyin[hanlp]" in result.output and "ZHAOYIN_HANLP_MODEL" in result.output
    assert not db.exists()  # refused before anything was written, nothing quarantined


@pytest.mark.skipif(HAS_HANLP, reason="hanlp is installed here: the not-installed path cannot be shown")
def test_import_with_an_unavailable_backend_fails_instead_of_quarantining_every_file(tmp_path):
    from zhaoyin.flows.ingest import ingest
    from zhaoyin.flows.runners import read_and_extract
    from zhaoyin.schemas import RawDocument

    raw = RawDocument(data=REPORT.encode(), source=str(tmp_path / "a.txt"), media_type_hint=None)
    with pytest.raises(BackendUnavailable):
        read_and_extract(raw, backend="hanlp")
    with pytest.raises(BackendUnavailable):
        ingest([raw], tmp_path / "w.duckdb", backend="hanlp")


def test_cli_with_an_unknown_backend_exits_2(cli, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = cli("extract", report, "--backend", "stanza")
    assert result.exit_code == 2 and "choose from rules, spacy, hanlp" in result.output


def test_hanlp_model_that_is_neither_a_folder_nor_an_identifier():
    catalog = type("Pretrained", (), {"ALL": {}})
    hanlp_like = type("HanLP", (), {"pretrained": catalog})
    with pytest.raises(BackendUnavailable) as info:
        local_model_path(hanlp_like, "no/such/model")
    assert "ZHAOYIN_HANLP_MODEL" in info.value.message


def test_hanlp_model_folder_is_used_as_is(tmp_path):
    hanlp_like = type("HanLP", (), {"pretrained": type("P", (), {"ALL": {}})})
    assert local_model_path(hanlp_like, str(tmp_path)) == str(tmp_path)


# HanLP's documented multi-task output for two sentences (hanlp_demo/zh/ner_mtl.ipynb):
# entities are [text, label, first token, end token (exclusive)] over the 'tok/fine' tokens.
SENTENCE_1 = "2021年HanLPv2.1为生产环境带来次世代最先进的多语种NLP技术。"
SENTENCE_2 = "阿婆主来到北京立方庭参观自然语义科技公司。"
MTL_OUTPUT = {
    "tok/fine": [
        [
            "2021年",
            "HanLPv2.1",
            "为",
            "生产",
            "环境",
            "带来",
            "次",
            "世代",
            "最",
            "先进",
            "的",
            "多",
            "语种",
            "NLP",
            "技术",
            "。",
        ],
        ["阿婆主", "来到", "北京", "立方庭", "参观", "自然", "语义", "科技", "公司", "。"],
    ],
    "ner/msra": [
        [["2021年", "DATE", 0, 1], ["HanLPv2.1", "WWW", 1, 2]],
        [
            ["北京", "LOCATION", 2, 3],
            ["立方庭", "LOCATION", 3, 4],
            ["自然语义科技公司", "ORGANIZATION", 5, 9],
        ],
    ],
    "ner/pku": [[], [["北京立方庭", "ns", 2, 4], ["自然语义科技公司", "nt", 5, 9]]],
}


def test_hanlp_multi_task_output_becomes_mentions_with_char_offsets():
    text = "  " + SENTENCE_1 + "\n" + SENTENCE_2
    segments = hanlp_segments(text)
    assert [s.text for s in segments] == [SENTENCE_1, SENTENCE_2]
    mentions = mentions_from_document(text, segments, MTL_OUTPUT)
    assert_offsets_exact(text, mentions)
    got = [(m.text, m.label, m.start) for m in mentions]
    assert got == [
        ("北京", "location", text.index("北京")),
        ("立方庭", "location", text.index("立方庭")),
        ("自然语义科技公司", "company", text.index("自然语义科技公司")),
    ]
    assert all(m.source == "hanlp" for m in mentions)


def test_hanlp_pku_labels_and_token_spans():
    segment = Segment(SENTENCE_2, 0, len(SENTENCE_2))
    tokens = [(t, SENTENCE_2.index(t), SENTENCE_2.index(t) + len(t)) for t in MTL_OUTPUT["tok/fine"][1]]
    mentions = mentions_from_entities(SENTENCE_2, segment, tokens, MTL_OUTPUT["ner/pku"][1])
    assert [(m.text, m.label) for m in mentions] == [
        ("北京立方庭", "location"),
        ("自然语义科技公司", "company"),
    ]


def test_hanlp_locations_that_are_districts_and_organisations_that_are_not_companies():
    text = "青岛市人民政府与城阳区签约。"
    tokens = ["青岛市", "人民政府", "与", "城阳区", "签约", "。"]
    entities = [
        ("青岛市人民政府", "ORGANIZATION", 0, 2),
        ("城阳区", "LOCATION", 3, 4),
        ("签约", "DATE", 4, 5),
    ]
    mentions = mentions_from_entities(text, Segment(text, 0, len(text)), tokens, entities)
    assert [(m.text, m.label, m.canonical) for m in mentions] == [
        ("青岛市人民政府", "org", None),
        ("城阳区", "district", "城阳区"),
    ]
    assert mention_label("海尔集团", "NT") == ("company", "海尔集团")
    assert mention_label("2021年", "DATE") is None


def test_hanlp_tokens_the_text_does_not_hold_are_skipped_not_misplaced():
    sentence = "北京立方庭"
    assert token_offsets(sentence, ["北京", "X", "立方庭"]) == [(0, 2), None, (2, 5)]
    out = mentions_from_entities(
        sentence, Segment(sentence, 0, 5), ["北京", "X"], [("北京X", "LOCATION", 0, 2)]
    )
    assert out == []
    out = mentions_from_entities(sentence, Segment(sentence, 0, 5), ["北京"], [("北京", "LOCATION", 0, 7)])
    assert out == []


# --- plausibility of weak labels and statistical guesses ---------------------------------------------


def test_weak_labels_that_are_no_company_name_are_recognised():
    from zhaoyin.extractors.backends.plausibility import plausible_company

    for name in ("北京联东投资集团", "时代电服（青岛）科技有限公司", "宁德时代"):
        assert plausible_company(name), name
    for junk in (
        "由康泽生物",
        "这是德国博瑞格集团",
        "工厂已经成为集团",
        "（宁远新能源科技",
        "青岛",
        "成都高新区",
        "重点项目",
    ):
        assert not plausible_company(junk), junk


def test_statistical_guesses_need_an_enterprise_or_brand_ending():
    from zhaoyin.extractors.backends.plausibility import plausible_company, plausible_district

    assert plausible_company("鹏辉能源", guessed=True)
    assert plausible_company("青岛星海精密机械有限公司", guessed=True)
    assert not plausible_company("现代海洋产业", guessed=True)
    assert not plausible_company("新能源", guessed=True)
    assert plausible_district("董家口综合保税区", guessed=True)
    assert not plausible_district("青岛市", guessed=True)  # a city, not a district
    assert not plausible_district("把精力放在工作上", guessed=True)


def test_brand_names_are_a_rare_word_and_a_brand_ending(spacy_backend):
    text = "胶州市签约通威股份光伏项目，欣旺达电子落户即墨区。企业紧盯智能座舱，沿黄物流通道建设加快。"
    companies = [(m.text, m.start) for m in spacy_backend.entities(text) if m.label == "company"]
    assert companies == [("通威股份", text.index("通威股份")), ("欣旺达电子", text.index("欣旺达电子"))]
