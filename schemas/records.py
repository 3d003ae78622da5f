"""Extraction records. Field names follow ../shared/gold/README.md exactly; offsets, confidence,
evidence spans and resolution keys are additions the evaluator ignores.

Every record with a place in the text carries its evidence sentence (`evidence`) and that sentence's
offsets (`evidence_start`, `evidence_end`: `document.text[evidence_start:evidence_end] == evidence`).
Names carry the keys the warehouse resolves them on (computed by extractors.keys), so the warehouse never
reads or normalizes text itself."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["signed", "landed", "started", "completed", "operating", "planned"]
Qualifier = Literal["over", "about", "under"]
DistrictKind = Literal["district", "county_city", "county", "new_area", "zone"]
EntityLabel = Literal["company", "org", "district", "amount", "metric", "project", "person", "location"]


class Span(BaseModel):
    start: int
    end: int


class CompanyKey(BaseModel):
    """How cross-document resolution compares one company name."""

    name: str  # as written
    key: str  # comparison form: NFKC, lower case, no brackets or spaces
    core: str  # `key` without its legal-form ending (宁德时代新能源科技股份有限公司 → 宁德时代新能源科技)
    registered: bool  # the name has a legal-form ending
    bracketed: bool = False  # a bracketed part, half- or full-width (a subsidiary's place: 时代电服（青岛）…)
    fullwidth_brackets: bool = False  # written with full-width brackets, the form preferred as canonical


class Fingerprint(BaseModel):
    """MinHash of a document's character shingles, for near-duplicate (reprint) detection."""

    signature: list[int]  # uint32 MinHash values
    shingle_count: int  # distinct shingles (containment is estimated from it)
    bands: list[int]  # one signed 64-bit LSH bucket per band of `signature`


class Mention(BaseModel):
    """One occurrence of an entity in the text, for the `mentions` table and NER backends."""

    text: str
    label: EntityLabel
    start: int
    end: int
    canonical: str | None = None
    confidence: float = 1.0
    source: str = "rules"  # which backend found it
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None


class Amount(BaseModel):
    text: str
    value: float  # in units of `currency` (yuan for CNY)
    currency: str = "CNY"
    qualifier: Qualifier | None = None
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None


class District(BaseModel):
    canonical: str
    mentions: list[str]
    city: str | None = None
    kind: DistrictKind = "district"
    admin_code: str | None = None
    province: str | None = None
    spans: list[Span] = Field(default_factory=list)
    confidence: float = 1.0
    evidence: str | None = None  # the sentence of the first span
    evidence_start: int | None = None
    evidence_end: int | None = None
    name_key: str | None = None  # comparison form of `canonical`


class Company(BaseModel):
    canonical: str
    mentions: list[str]
    spans: list[Span] = Field(default_factory=list)
    confidence: float = 1.0
    evidence: str | None = None  # the sentence of the first span
    evidence_start: int | None = None
    evidence_end: int | None = None
    name_keys: list[CompanyKey] = Field(default_factory=list)  # of `canonical` and every mention


class Project(BaseModel):
    name: str | None = None
    company: str | None = None
    district: str | None = None
    amount_text: str | None = None
    amount_yuan: float | None = None
    status: Status | None = None
    evidence: str
    start: int | None = None  # of the evidence
    end: int | None = None
    confidence: float = 1.0
    evidence_start: int | None = None  # = start, named like every other record's
    evidence_end: int | None = None
    name_key: str | None = None  # comparison form of `name`
    project_key: str | None = None  # `name_key` without its company's names and a generic ending
    key_numbers: list[str] = Field(default_factory=list)  # phase/line numbers in `project_key` (一期, 1号线)
    key_generic_chars: str | None = (
        None  # the generic characters of `project_key` (基, 地, 产…), for blocking
    )
    company_key: CompanyKey | None = None  # of `company`
    kind: Literal["project", "fund"] = "project"  # a fund finances projects: kept out of project totals
    amount_value: float | None = None  # the amount in `amount_currency` (= amount_yuan for CNY)
    amount_currency: str | None = None  # CNY, USD, EUR …: a foreign amount has no amount_yuan
    district_path: list[str] = Field(default_factory=list)  # city ⊃ county ⊃ zone of `district`, widest first


class Metric(BaseModel):
    text: str
    subject: str | None = None
    indicator: str
    value: float
    unit: str
    period: str | None = None
    evidence: str | None = None
    start: int | None = None  # of `text`
    end: int | None = None
    confidence: float = 1.0
    evidence_start: int | None = None
    evidence_end: int | None = None
    target: bool = False  # a goal set (力争引进项目50个), not a figure reached


class PolicyIncentive(BaseModel):
    clause: str
    kind: Literal["reward", "subsidy", "rent", "land", "tax", "talent", "finance", "other"]
    amount_yuan: float | None = None  # a cap or fixed sum
    rate: float | None = None  # 0.10 for "10%"
    condition: str | None = None
    min_investment_yuan: float | None = None
    start: int | None = None
    end: int | None = None
    evidence: str | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None


class Policy(BaseModel):
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None  # 青政发〔2024〕5号
    written: str | None = None
    published: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    district: str | None = None
    incentives: list[PolicyIncentive] = Field(default_factory=list)


class Extraction(BaseModel):
    doc: str | None = None  # file name or source of the document
    doc_id: str | None = None
    published: str | None = None
    # where `published` came from: dateline, dateline+<where its year came from>, the reader's metadata source
    # (label, crawl, http-last-modified, file-name, meta:…), text-head, signature, text
    date_source: str | None = None
    city: str | None = None  # the city the document is about, inferred from its text
    projects: list[Project] = Field(default_factory=list)
    companies: list[Company] = Field(default_factory=list)
    districts: list[District] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    policies: list[Policy] = Field(default_factory=list)
    extractor_version: str | None = None
    backend: str = "rules"
    fingerprint: Fingerprint | None = None  # of the document's text, for reprint detection
