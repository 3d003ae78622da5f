"""Score the warehouse's project resolution on the linkage set (tests/data/linkage): pairwise precision/recall.

Each extracted project row is mapped to the true project whose anchor (its product, as the document writes
it, in either script) its name holds — else its evidence sentence; rows that map to none are counted apart.
A pair of mapped rows is predicted one project when both rows link to one project_id, and is one project in
truth when both map to one true project.

    python -m tests.linkage_set   # import the set into a fresh warehouse and print the scores
"""

from __future__ import annotations

import itertools
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from zhaoyin.extractors.script import simplified_view

LINKAGE = Path(__file__).parent / "data" / "linkage"


@dataclass
class LinkageScore:
    rows: int
    mapped: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    merged_phases: list[tuple[str, str]]  # true projects told apart only by 一期/二期 that share a project_id

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    def __str__(self) -> str:
        return (
            f"pairwise precision {self.precision:.3f} recall {self.recall:.3f} "
            f"({self.correct_pairs} of {self.predicted_pairs} predicted pairs, {self.true_pairs} true pairs; "
            f"{self.mapped} of {self.rows} rows mapped; 一期/二期 merged: {len(self.merged_phases)})"
        )


def truth() -> dict:
    return json.loads((LINKAGE / "truth.json").read_text(encoding="utf-8"))


def import_set(db_path: Path) -> None:
    from zhaoyin.flows.importing.discover import discover
    from zhaoyin.flows.importing.ingest import ingest

    ingest(discover([LINKAGE / "docs"]), db_path)


def score_warehouse(
    con: duckdb.DuckDBPyConnection, clusters: dict[tuple[str, int], str] | None = None
) -> LinkageScore:
    """Score the warehouse's project links, or `clusters` ((doc_id, seq) → cluster) made from its rows."""
    meta = truth()
    found_rows = con.execute(
        """
        SELECT ds.source, p.name, p.evidence, l.project_id, p.doc_id, p.seq
        FROM projects p
        JOIN project_links l USING (doc_id, seq)
        JOIN document_sources ds USING (doc_id)
        """
    ).fetchall()
    rows = [
        (source, name, evidence, clusters[(doc_id, seq)] if clusters is not None else project_id)
        for source, name, evidence, project_id, doc_id, seq in found_rows
    ]
    mapped: list[tuple[str, str]] = []  # (true project, predicted project)
    for source, name, evidence, project_id in rows:
        entries = meta["documents"].get(Path(source).name, [])
        found = None
        for text in (name, evidence):
            hits = {e["project"] for e in entries if text and e["anchor"] in simplified_view(text)}
            if len(hits) == 1:
                found = hits.pop()
                break
        if found:
            mapped.append((found, project_id))
    true_pairs = predicted = correct = 0
    merged_phases = set()
    projects = meta["projects"]
    for (true_a, pred_a), (true_b, pred_b) in itertools.combinations(mapped, 2):
        same_truth, same_prediction = true_a == true_b, pred_a == pred_b
        true_pairs += same_truth
        predicted += same_prediction
        correct += same_truth and same_prediction
        if same_prediction and not same_truth and projects[true_a]["phase"] and projects[true_b]["phase"]:
            if projects[true_a]["theme"] == projects[true_b]["theme"]:
                merged_phases.add(tuple(sorted((true_a, true_b))))
    return LinkageScore(len(rows), len(mapped), true_pairs, predicted, correct, sorted(merged_phases))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "linkage.duckdb"
        import_set(db_path)
        con = duckdb.connect(str(db_path), read_only=True)
        print(score_warehouse(con))


if __name__ == "__main__":
    main()
