"""Record types every stage passes on. Imports nothing of ours.

Data flows one way: source → RawDocument → Document → Extraction → tables.
The JSON of `Extraction` is the shape of ../shared/gold/README.md (keys `projects`, `companies`,
`districts`, `amounts`, `metrics`) plus character offsets and confidences.
"""

from zhaoyin.schemas.documents import Document, PageSpan, QuarantineRecord, RawDocument, ReadError, doc_id_for
from zhaoyin.schemas.records import (
    Amount,
    Company,
    CompanyKey,
    District,
    Extraction,
    Fingerprint,
    Mention,
    Metric,
    Policy,
    PolicyIncentive,
    Project,
    Span,
)

__all__ = [
    "Amount",
    "Company",
    "CompanyKey",
    "District",
    "Document",
    "Extraction",
    "Fingerprint",
    "Mention",
    "Metric",
    "PageSpan",
    "Policy",
    "PolicyIncentive",
    "QuarantineRecord",
    "Project",
    "RawDocument",
    "ReadError",
    "Span",
    "doc_id_for",
]
