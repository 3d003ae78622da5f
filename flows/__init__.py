"""Orchestration, by job: `cli` (the `zhaoyin` console script), `importing` (files → warehouse) and
`crawling` (source specs → fetched pages → the import pipeline, on schedules). `settings` is shared."""
