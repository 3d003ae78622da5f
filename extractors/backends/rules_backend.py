"""The default backend: the jieba + gazetteer rules (`extractors.companies`, `extractors.districts`)."""

from __future__ import annotations

from zhaoyin.schemas import Mention


class RulesBackend:
    name = "rules"

    def entities(self, text: str) -> list[Mention]:
        # imported here: the rules engine is optional for the other backends and slow-ish to import
        from zhaoyin.extractors.companies import find_companies
        from zhaoyin.extractors.districts import find_districts

        mentions: list[Mention] = []
        for company in find_companies(text):
            for span in company.spans:
                mentions.append(
                    Mention(
                        text=text[span.start : span.end],
                        label="company",
                        start=span.start,
                        end=span.end,
                        canonical=company.canonical,
                        confidence=company.confidence,
                        source=self.name,
                    )
                )
        districts, _city = find_districts(text)
        for district in districts:
            for span in district.spans:
                mentions.append(
                    Mention(
                        text=text[span.start : span.end],
                        label="district",
                        start=span.start,
                        end=span.end,
                        canonical=district.canonical,
                        confidence=district.confidence,
                        source=self.name,
                    )
                )
        return sorted(mentions, key=lambda m: (m.start, m.end))
