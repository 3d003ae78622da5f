"""Hand-written Documents and Extractions the warehouse tests share (the warehouse must not need NLP).

The records are written by hand; their evidence sentences, resolution keys and fingerprints are added by
the extractors' `add_evidence_keys_and_fingerprint`, as the pipeline adds them to what it extracts.

`story()` is one project reported by several outlets in different words and at different stages — signed,
reprinted near-verbatim by another site, started, completed — plus a subsidiary written with full- and
half-width brackets, two unrelated projects, a metric and a policy.
"""

from __future__ import annotations

from zhaoyin.extractors.pipeline import add_evidence_keys_and_fingerprint
from zhaoyin.schemas import (
    Amount,
    Company,
    District,
    Document,
    Extraction,
    Metric,
    Policy,
    PolicyIncentive,
    Project,
    Span,
)

WEST_COAST = "青岛西海岸新区"
CATL_FULL = "宁德时代新能源科技股份有限公司"
CATL_SHORT = "宁德时代"
SERVICE_FULL = "时代电服（青岛）科技有限公司"
SERVICE_HALF = "时代电服(青岛)科技有限公司"


def district(name: str, code: str | None, kind: str = "district") -> District:
    return District(
        canonical=name, mentions=[name], city="青岛市", kind=kind, admin_code=code, province="山东省"
    )


def document(text: str, source: str, published: str | None, **extra) -> Document:
    return Document(text=text, source=source, published=published, sha256=f"sha-{source}", **extra)


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def amount(text: str, part: str, value: float, qualifier=None) -> Amount:
    start, end = span_of(text, part)
    return Amount(text=part, value=value, start=start, end=end, qualifier=qualifier)


def project(text: str, evidence: str, **fields) -> Project:
    start, end = span_of(text, evidence)
    return Project(evidence=evidence, start=start, end=end, **fields)


def company(text: str, canonical: str, *others: str) -> Company:
    mentions = [canonical, *others]
    spans = [Span(start=s, end=e) for s, e in (span_of(text, m) for m in mentions if m in text)]
    return Company(canonical=canonical, mentions=mentions, spans=spans)


SIGNED = (
    "3月15日，青岛西海岸新区与宁德时代新能源科技股份有限公司举行签约仪式。"
    "总投资130亿元的宁德时代青岛储能电池基地项目落户董家口经济区，建成后年产储能电池40GWh。"
    "宁德时代相关负责人表示，将同步布局换电站网络。"
    "今年一季度，西海岸新区新签约亿元以上项目52个，同比增长18.5%。"
)
REPRINT = "（转载）" + SIGNED + "来源：大众网。"
STARTED = (
    "8月20日上午，宁德时代青岛储能电池基地在西海岸新区董家口开工建设。"
    "宁德时代方面介绍，基地一期投资60亿元，预计明年投产。"
)
COMPLETED = "5月10日，宁德时代在西海岸新区建设的储能电池基地正式竣工投产，首批产品下线。"
SERVICE_SIGNED = (
    "市南区与时代电服（青岛）科技有限公司签约，计划投资2亿元建设巧克力换电站网络项目，首批换电站年内建成。"
)
SERVICE_LANDED = "时代电服(青岛)科技有限公司巧克力换电站网络项目正式落地市南区，投资2亿元。"
HAIER = "即墨区签约海尔智家股份有限公司智能家电产业园项目，总投资5亿元。"
SMALL = "胶州市签约青岛某某新材料有限公司新材料项目，投资3000万元。"
POLICY = (
    "关于支持招商引资的若干政策措施（青西新管发〔2025〕3号）。"
    "对新引进总投资10亿元以上的项目，按实际投资额的2%给予奖励，最高不超过1000万元。"
)


def story() -> list[tuple[Document, Extraction]]:
    """(Document, Extraction) pairs in publication order."""
    west = district(WEST_COAST, "370211", "new_area")
    items = []

    doc = document(SIGNED, "https://www.qingdaonews.com/content/2025-03/15/a1.htm", "2025-03-15")
    ext = Extraction(
        published="2025-03-15",
        city="青岛市",
        projects=[
            project(
                SIGNED,
                "总投资130亿元的宁德时代青岛储能电池基地项目落户董家口经济区",
                name="宁德时代青岛储能电池基地项目",
                company=CATL_FULL,
                district=WEST_COAST,
                amount_text="130亿元",
                amount_yuan=13e9,
                status="signed",
            )
        ],
        companies=[company(SIGNED, CATL_FULL, CATL_SHORT)],
        districts=[west],
        amounts=[amount(SIGNED, "130亿元", 13e9), amount(SIGNED, "亿元", 1e8, "over")],
        metrics=[
            Metric(
                text="52个",
                subject=WEST_COAST,
                indicator="新签约亿元以上项目",
                value=52,
                unit="个",
                period="2025Q1",
                start=SIGNED.index("52个"),
                end=SIGNED.index("52个") + 3,
            )
        ],
        extractor_version="test-1",
    )
    items.append((doc, ext))

    reprint_doc = document(REPRINT, "http://www.dzwww.com/shandong/2025/0316/r1.html", "2025-03-16")
    reprint_ext = ext.model_copy(deep=True)
    shift = len("（转载）")
    for record in [*reprint_ext.projects, *reprint_ext.amounts, *reprint_ext.metrics]:
        record.start += shift
        record.end += shift
    items.append((reprint_doc, reprint_ext))

    doc = document(STARTED, "/archive/bandao/2025-08-20/started.txt", "2025-08-20")
    ext = Extraction(
        published="2025-08-20",
        projects=[
            project(
                STARTED,
                "宁德时代青岛储能电池基地在西海岸新区董家口开工建设",
                name="宁德时代青岛储能电池基地",
                company=CATL_SHORT,
                district=WEST_COAST,
                status="started",
            )
        ],
        companies=[company(STARTED, CATL_SHORT)],
        districts=[west],
        amounts=[amount(STARTED, "60亿元", 6e9)],
        extractor_version="test-1",
    )
    items.append((doc, ext))

    doc = document(COMPLETED, "/archive/qdda/2026-05-10/completed.txt", "2026-05-10")
    ext = Extraction(
        published="2026-05-10",
        projects=[
            project(
                COMPLETED,
                "宁德时代在西海岸新区建设的储能电池基地正式竣工投产",
                company=CATL_SHORT,
                district=WEST_COAST,
                status="completed",
            )
        ],
        companies=[company(COMPLETED, CATL_SHORT)],
        districts=[west],
        extractor_version="test-1",
    )
    items.append((doc, ext))

    shinan = district("市南区", "370202")
    doc = document(SERVICE_SIGNED, "https://news.example.cn/shinan/s1.html", "2025-02-10")
    ext = Extraction(
        projects=[
            project(
                SERVICE_SIGNED,
                "计划投资2亿元建设巧克力换电站网络项目",
                name="巧克力换电站网络项目",
                company=SERVICE_FULL,
                district="市南区",
                amount_text="2亿元",
                amount_yuan=2e8,
                status="signed",
            )
        ],
        companies=[company(SERVICE_SIGNED, SERVICE_FULL)],
        districts=[shinan],
        amounts=[amount(SERVICE_SIGNED, "2亿元", 2e8)],
        extractor_version="test-1",
    )
    items.append((doc, ext))

    doc = document(SERVICE_LANDED, "https://news.example.cn/shinan/s2.html", "2025-06-01")
    ext = Extraction(
        projects=[
            project(
                SERVICE_LANDED,
                SERVICE_LANDED,
                name="巧克力换电站网络项目",
                company=SERVICE_HALF,
                district="市南区",
                amount_text="2亿元",
                amount_yuan=2e8,
                status="landed",
            )
        ],
        companies=[company(SERVICE_LANDED, SERVICE_HALF)],
        districts=[shinan],
        amounts=[amount(SERVICE_LANDED, "2亿元", 2e8)],
        extractor_version="test-1",
    )
    items.append((doc, ext))

    doc = document(HAIER, "https://www.jimo.gov.cn/n1/h1.html", "2025-03-02")
    ext = Extraction(
        projects=[
            project(
                HAIER,
                HAIER,
                name="智能家电产业园项目",
                company="海尔智家股份有限公司",
                district="即墨区",
                amount_text="5亿元",
                amount_yuan=5e8,
                status="signed",
            )
        ],
        companies=[company(HAIER, "海尔智家股份有限公司")],
        districts=[district("即墨区", "370215")],
        amounts=[amount(HAIER, "5亿元", 5e8)],
        extractor_version="test-1",
    )
    items.append((doc, ext))

    doc = document(SMALL, "https://www.jiaozhou.gov.cn/n2/x1.html", "2025-03-20")
    ext = Extraction(
        projects=[
            project(
                SMALL,
                SMALL,
                name="新材料项目",
                company="青岛某某新材料有限公司",
                district="胶州市",
                amount_text="3000万元",
                amount_yuan=3e7,
                status="signed",
            )
        ],
        companies=[company(SMALL, "青岛某某新材料有限公司")],
        districts=[district("胶州市", "370281", "county_city")],
        amounts=[amount(SMALL, "3000万元", 3e7)],
        extractor_version="test-1",
    )
    items.append((doc, ext))

    doc = document(POLICY, "https://www.xihaian.gov.cn/zcwj/p1.html", "2025-01-05")
    clause = "对新引进总投资10亿元以上的项目，按实际投资额的2%给予奖励，最高不超过1000万元。"
    start, end = span_of(POLICY, clause)
    ext = Extraction(
        policies=[
            Policy(
                title="关于支持招商引资的若干政策措施",
                doc_number="青西新管发〔2025〕3号",
                district=WEST_COAST,
                incentives=[
                    PolicyIncentive(
                        clause=clause,
                        kind="reward",
                        amount_yuan=1e7,
                        rate=0.02,
                        condition="总投资10亿元以上",
                        min_investment_yuan=1e9,
                        start=start,
                        end=end,
                    )
                ],
            )
        ],
        amounts=[amount(POLICY, "1000万元", 1e7)],
        extractor_version="test-1",
    )
    items.append((doc, ext))
    return [(doc, add_evidence_keys_and_fingerprint(doc, ext)) for doc, ext in items]


def story_doc_ids() -> dict[str, str]:
    return {
        "signed": document(SIGNED, "x", None).doc_id,
        "reprint": document(REPRINT, "x", None).doc_id,
        "started": document(STARTED, "x", None).doc_id,
        "completed": document(COMPLETED, "x", None).doc_id,
    }


def test_story_offsets_point_at_their_text():
    for doc, ext in story():
        for record in ext.projects:
            assert doc.text[record.start : record.end] == record.evidence
        for record in ext.amounts:
            assert doc.text[record.start : record.end] == record.text
