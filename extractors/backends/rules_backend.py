"""The default backend: the jieba + gazetteer rules (`extractors.companies`, `extractors.districts`)."""

from __future__ import annotations

from zhaoyin.schemas import Mention


def span_mentions(text: str, records, label: str, source: str) -> list[Mention]:
    """One mention per span of each record (a Company or a District)."""
    return [
        Mention(
            text=text[span.start : span.end],
            label=label,
            start=span.start,
            end=span.end,
            canonical=record.canonical,
            confidence=record.confidence,
            source=source,
        )
        for record in records
        for span in record.spans
    ]


class RulesBackend:
    name = "rules"

    def entities(self, text: str) -> list[Mention]:
        # imported here: the rules engine is optional for the other backends and slow-ish to import
        from zhaoyin.extractors.companies import find_companies
        from zhaoyin.extractors.districts import find_districts

        mentions = span_mentions(text, find_companies(text), "company", self.name)
        districts, _city = find_districts(text)
        mentions += span_mentions(text, districts, "district", self.name)
        return sorted(mentions, key=lambda m: (m.start, m.end))
