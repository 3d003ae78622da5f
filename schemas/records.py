"""Extraction records. Field names follow ../shared/gold/README.md exactly; offsets and
confidence are additions the evaluator ignores."""

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


class Mention(BaseModel):
    """One occurrence of an entity in the text, for the `mentions` table and NER backends."""

    text: str
    label: EntityLabel
    start: int
    end: int
    canonical: str | None = None
    confidence: float = 1.0
    source: str = "rules"  # which backend found it


class Amount(BaseModel):
    text: str
    value: float  # in units of `currency` (yuan for CNY)
    currency: str = "CNY"
    qualifier: Qualifier | None = None
    start: int | None = None
    end: int | None = None
    confidence: float = 1.0


class District(BaseModel):
    canonical: str
    mentions: list[str]
    city: str | None = None
    kind: DistrictKind = "district"
    admin_code: str | None = None
    province: str | None = None
    spans: list[Span] = Field(default_factory=list)
    confidence: float = 1.0


class Company(BaseModel):
    canonical: str
    mentions: list[str]
    spans: list[Span] = Field(default_factory=list)
    confidence: float = 1.0


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


class PolicyIncentive(BaseModel):
    clause: str
    kind: Literal["reward", "subsidy", "rent", "land", "tax", "talent", "finance", "other"]
    amount_yuan: float | None = None  # a cap or fixed sum
    rate: float | None = None  # 0.10 for "10%"
    condition: str | None = None
    min_investment_yuan: float | None = None
    start: int | None = None
    end: int | None = None


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
