"""Project kinds (funds apart), foreign-currency project amounts, script-folded keys and district paths."""

from __future__ import annotations

from zhaoyin.extractors.fingerprint import fingerprint
from zhaoyin.extractors.keys import company_key, district_path, name_key, project_key
from zhaoyin.extractors.kinds import project_kind
from zhaoyin.extractors.pipeline import extract
from zhaoyin.schemas import District, Document


def test_a_fund_is_its_own_kind_in_either_script():
    assert project_kind("新能源产业投资基金") == "fund"
    assert project_kind("香港科創基金") == "fund"
    assert project_kind("基金小镇配套项目") == "project"
    assert project_kind("动力电池生产基地项目") == "project"
    assert project_kind(None) == "project"


def test_a_foreign_currency_project_keeps_its_amount_text_and_currency():
    text = "本报讯 2024年4月12日，新加坡凯程资本与成都高新区签署投资协议，计划投资2.8亿美元建设西部算力中心项目。"
    extraction = extract(Document(doc_id="x", source="a.txt", text=text), strict=True)
    (project,) = [p for p in extraction.projects if p.name and "算力" in p.name]
    assert (project.amount_text, project.amount_value, project.amount_currency) == ("2.8亿美元", 2.8e8, "USD")
    assert project.amount_yuan is None


def test_keys_and_fingerprints_fold_the_traditional_script():
    assert name_key("深港聯創醫療科技（深圳）有限公司") == name_key("深港联创医疗科技(深圳)有限公司")
    assert company_key("香港恆信集團有限公司").core == company_key("香港恒信集团有限公司").core
    assert project_key("前海跨境供應鏈樞紐項目") == project_key("前海跨境供应链枢纽项目")
    simplified = "前海管理局公布，香港澄海物流控股有限公司投资30亿元建设前海跨境供应链枢纽项目。"
    traditional = "前海管理局公佈，香港澄海物流控股有限公司投資30億元建設前海跨境供應鏈樞紐項目。"
    assert fingerprint(simplified).signature == fingerprint(traditional).signature


def test_district_paths_put_a_zone_inside_its_county():
    zone = District(canonical="胶州经济技术开发区", mentions=[], city="青岛市", kind="zone")
    county = District(canonical="胶州市", mentions=[], city="青岛市", kind="county_city", admin_code="370281")
    new_area = District(
        canonical="青岛西海岸新区", mentions=[], city="青岛市", kind="new_area", admin_code="370211"
    )
    assert district_path(zone) == ["青岛市", "胶州市", "胶州经济技术开发区"]
    assert district_path(county) == ["青岛市", "胶州市"]
    assert district_path(new_area) == ["青岛市", "黄岛区", "青岛西海岸新区"]


def test_a_project_said_only_to_cost_a_foreign_sum_is_kept_with_it():
    text = "其中，岚州岚润食品饮料研发及深加工项目总投资3000万美元，岚州岚味饮品生产项目总投资3200万美元。"
    extraction = extract(Document(doc_id="x", source="a.txt", text=text), strict=True)
    found = sorted((p.name, p.amount_value, p.amount_currency, p.amount_yuan) for p in extraction.projects)
    assert found == [
        ("岚州岚味饮品生产项目", 32_000_000, "USD", None),
        ("岚州岚润食品饮料研发及深加工项目", 30_000_000, "USD", None),
    ], found
