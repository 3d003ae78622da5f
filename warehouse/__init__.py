"""The DuckDB warehouse: schema and migrations, idempotent set-based loading, cross-document resolution,
full-text search, read-only queries, export and report. Knows nothing of NLP: imports only `schemas`."""

from zhaoyin.warehouse.connection import WarehouseBusy, connect, migrate
from zhaoyin.warehouse.loading import LoadResult, known_sha256, load_batch, replace_extractions
from zhaoyin.warehouse.resolution import current_links, rebuild_resolution, refresh_resolution

__all__ = [
    "LoadResult",
    "WarehouseBusy",
    "connect",
    "known_sha256",
    "load_batch",
    "migrate",
    "current_links",
    "rebuild_resolution",
    "refresh_resolution",
    "replace_extractions",
]
