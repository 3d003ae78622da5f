"""Source specs → fetched pages and attachments → the import pipeline; `serve` runs them on their crons."""
