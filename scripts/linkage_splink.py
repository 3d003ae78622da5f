"""Splink (probabilistic record linkage, Fellegi–Sunter with EM) on the linkage set, beside our own scorer.

    python -m zhaoyin.scripts.linkage_splink     # run from the repository root; needs `pip install splink`

Imports tests/data/linkage into a fresh warehouse, gives Splink the same comparison fields the warehouse's
scorer uses (company id, project key, amount, district with its county and city, phase numbers), trains it
the usual way (u by random sampling, m by EM on two blocking rules), clusters its pairwise predictions and
prints pairwise precision and recall next to those of warehouse.linkage.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from pathlib import Path

import duckdb

ROWS = """
SELECT p.doc_id || ':' || p.seq AS unique_id, p.doc_id, p.seq,
       l.company_id, coalesce(p.project_key, p.name) AS project_key, p.district,
       coalesce(p.district_path[2], p.district) AS county, p.district_path[1] AS city,
       CAST(coalesce(p.amount_value, p.amount_yuan) AS VARCHAR) || coalesce(p.amount_currency, '') AS amount,
       array_to_string(p.key_numbers, ',') AS numbers, coalesce(p.kind, 'project') AS kind
FROM projects p JOIN project_links l USING (doc_id, seq)
"""


def splink_clusters(con: duckdb.DuckDBPyConnection, threshold: float = 0.9) -> dict[tuple[str, int], str]:
    import splink.comparison_library as cl
    from splink import Linker, SettingsCreator, block_on
    from splink.backends.duckdb import DuckDBAPI

    scratch = duckdb.connect()
    rows = con.sql(ROWS).to_arrow_table()
    scratch.register("reports_arrow", rows)
    scratch.execute("CREATE TABLE reports AS SELECT * FROM reports_arrow")
    db_api = DuckDBAPI(connection=scratch)
    table = db_api.register("reports")
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.ExactMatch("company_id"),
            cl.JaroWinklerAtThresholds("project_key", [0.9, 0.75]),
            cl.ExactMatch("amount"),
            cl.ExactMatch("district"),
            cl.ExactMatch("county"),
            cl.ExactMatch("numbers"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("company_id"),
            block_on("county"),
            block_on("amount"),
        ],
    )
    linker = Linker(table, settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("company_id", "amount")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=1e6)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("amount"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("county"))
    predictions = linker.inference.predict(threshold_match_probability=0.1)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, threshold)
    return {(row["doc_id"], int(row["seq"])): str(row["cluster_id"]) for row in clusters.as_record_list()}


def main() -> None:
    logging.getLogger("splink").setLevel(logging.WARNING)
    sys.path.insert(0, str(Path.cwd()))
    from tests import linkage_set

    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "linkage.duckdb"
        linkage_set.import_set(db_path)
        con = duckdb.connect(str(db_path), read_only=True)
        print("warehouse.linkage:", linkage_set.score_warehouse(con))
        for threshold in (0.5, 0.9, 0.99):
            print(
                f"splink (p ≥ {threshold}):",
                linkage_set.score_warehouse(con, splink_clusters(con, threshold)),
            )


if __name__ == "__main__":
    main()
