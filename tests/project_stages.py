"""The districts the projects of a text get, through the same stages as the pipeline (no warehouse)."""

from __future__ import annotations

from zhaoyin.extractors.amounts import find_amounts
from zhaoyin.extractors.companies import find_companies
from zhaoyin.extractors.districts import find_districts
from zhaoyin.extractors.pipeline import extraction_view
from zhaoyin.extractors.projects import find_projects
from zhaoyin.extractors.text import halfwidth


def districts_of_projects(text: str, published: str = "2025-04") -> dict[str, str | None]:
    """Project name → its district, for a report published in `published` (YYYY-MM)."""
    view = extraction_view(halfwidth(text))
    districts, _city = find_districts(view)
    projects = find_projects(
        view,
        amounts=find_amounts(view),
        companies=find_companies(view),
        districts=districts,
        metrics=[],
        published=published,
    )
    return {p.name: p.district for p in projects}
