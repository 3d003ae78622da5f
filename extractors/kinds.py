"""What kind of undertaking a reported project is, and the foreign-currency amount a project states.

A fund (新能源产业投资基金) is reported like a project — a name, an amount, a signing — but it finances projects
rather than being one; counted among projects it adds its size to theirs. `project_kind` tells it apart from
the project's name alone. Foreign-currency amounts (1.2亿欧元) have no yuan value, but the amount as stated and
its currency belong to the project.
"""

from __future__ import annotations

from functools import cache

from zhaoyin.extractors import lang
from zhaoyin.extractors.keys import EvidenceSentences, name_key
from zhaoyin.schemas import Amount, Project

PROJECT, FUND = "project", "fund"


@cache
def _fund_endings() -> tuple[str, ...]:
    return tuple(lang.longest_first({name_key(w) for w in lang.words("fund_endings")}))


def project_kind(name: str | None) -> str:
    """'fund' when the name is a fund's (ends with 基金, in either script), else 'project'."""
    key = name_key(name) if name else ""
    return FUND if key and any(key.endswith(e) and len(key) > len(e) for e in _fund_endings()) else PROJECT


def foreign_amount(project: Project, amounts: list[Amount], sentences: EvidenceSentences) -> Amount | None:
    """The one foreign-currency amount of the sentence stating a project that has no yuan amount, or the one
    its own words name (amount_text)."""
    if project.amount_yuan is not None:
        return None
    sentence = sentences.span(project.start, project.end)
    if sentence is None:
        return None
    inside = [
        a
        for a in amounts
        if a.currency != "CNY"
        and a.start is not None
        and sentence[0] <= a.start
        and (a.end or 0) <= sentence[1]
    ]
    if project.amount_text:
        inside = [a for a in inside if a.text == project.amount_text][:1]
    return inside[0] if len(inside) == 1 else None


def classify_projects(text: str, projects: list[Project], amounts: list[Amount]) -> list[Project]:
    """Set every project's kind and give a project without a yuan amount its foreign-currency one (in place)."""
    sentences = EvidenceSentences(text)
    for project in projects:
        project.kind = project_kind(project.name)
        found = foreign_amount(project, amounts, sentences)
        if found is not None:
            project.amount_text = found.text
            project.amount_value = found.value
            project.amount_currency = found.currency
        elif project.amount_yuan is not None:
            project.amount_value = project.amount_yuan
            project.amount_currency = "CNY"
    return projects
