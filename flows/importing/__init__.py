"""Files → warehouse: discover files, read + extract them (inline or in worker processes), load in batches.

`ingest.ingest` is the plain loop; `bulk_import.bulk_import` runs the same pipelining loop as a Prefect flow.
"""
