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


class RulesPlusCompanies:
    """The rules' mentions plus the companies another source adds (`added_companies`, given the rules' companies
    and projects); the pipeline also re-reads the projects with them. Subclasses set `name`."""

    name: str

    def added_companies(self, text: str, companies, projects) -> list:
        raise NotImplementedError

    def entities(self, text: str) -> list[Mention]:
        from zhaoyin.extractors.amounts import find_amounts
        from zhaoyin.extractors.companies import find_companies
        from zhaoyin.extractors.districts import find_districts
        from zhaoyin.extractors.projects import find_projects

        companies = find_companies(text)
        districts, _city = find_districts(text)
        projects = find_projects(text, amounts=find_amounts(text), companies=companies, districts=districts)
        mentions = span_mentions(text, companies, "company", RulesBackend.name)
        mentions += span_mentions(text, districts, "district", RulesBackend.name)
        mentions += span_mentions(text, self.added_companies(text, companies, projects), "company", self.name)
        return sorted(mentions, key=lambda m: (m.start, m.end))
