"""Document → Extraction: the default rules engine (jieba + gazetteers + rules).

Each stage is a small pure function in its own module; this module only wires them.
"""

from __future__ import annotations

from schemas import Document, Extraction

EXTRACTOR_VERSION = "0.1.0"


def extract(document: Document, backend: str = "rules") -> Extraction:
    """Run every extractor on one document. Never raises on any text."""
    raise NotImplementedError("filled by the extraction engine")
