"""Near-duplicate documents (one report carried by several outlets): MinHash signatures compared.

Each document arrives with its fingerprint (`Extraction.fingerprint`, made by extractors.fingerprint: a
MinHash signature of its character shingles, their count and its LSH band buckets); the warehouse stores and
compares them. Reprints are often abridged, so the test is containment, not plain Jaccard similarity: a
document whose shingles are (estimated) at least CONTAINMENT inside another's is a reprint of it. The larger
of the two is the original; when a fuller version arrives after an abridged one, the abridged one is
re-pointed to it. Candidates come from LSH band buckets stored in `doc_lsh` (a join, not an in-memory index
per batch).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from zhaoyin.schemas import Fingerprint
from zhaoyin.warehouse.rows import MinHash
from zhaoyin.warehouse.staging import staged

CONTAINMENT = 0.8  # share of the smaller document's shingles found in the larger


@dataclass
class _Signature:
    values: np.ndarray  # uint32 MinHash values
    size: int  # number of distinct shingles

    def containment(self, other: _Signature) -> tuple[float, float]:
        """Estimated (share of this set inside `other`, share of `other` inside this set)."""
        jaccard = float(np.count_nonzero(self.values == other.values)) / float(len(self.values))
        shared = jaccard * (self.size + other.size) / (1 + jaccard)
        return min(1.0, shared / max(1, self.size)), min(1.0, shared / max(1, other.size))


def _signature(values, size: int) -> _Signature:
    return _Signature(np.asarray(values, dtype=np.uint32), size)


def _candidates(con, buckets: dict[str, list[int]]) -> list[tuple]:
    """(new doc, stored doc, its signature, its shingle count, its original) sharing a bucket."""
    band_rows = [
        (band, bucket, doc_id) for doc_id, values in buckets.items() for band, bucket in enumerate(values)
    ]
    new_bands = pa.table(
        {
            "band": pa.array([r[0] for r in band_rows], pa.int16()),
            "bucket": pa.array([r[1] for r in band_rows], pa.int64()),
            "doc_id": pa.array([r[2] for r in band_rows], pa.string()),
        }
    )
    with staged(con, "_new_bands", new_bands):
        stored = con.execute(
            """
            SELECT DISTINCT n.doc_id, o.doc_id, m.signature, m.shingle_count, coalesce(d.reprint_of, o.doc_id)
            FROM _new_bands n
            JOIN doc_lsh o ON o.band = n.band AND o.bucket = n.bucket AND o.doc_id <> n.doc_id
            JOIN doc_minhash m ON m.doc_id = o.doc_id
            JOIN documents d ON d.doc_id = o.doc_id
            """
        ).fetchall()
        con.execute("INSERT INTO doc_lsh SELECT band, bucket, doc_id FROM _new_bands")
    return stored


def link_reprints(
    con: duckdb.DuckDBPyConnection, docs: list[tuple[str, Fingerprint | MinHash | None]]
) -> int:
    """Store the fingerprints of new documents and link near-duplicates; returns how many links were made.

    A document without a fingerprint (an extraction made before fingerprints came with it) is stored
    without one: it is neither linked nor a candidate until it is re-extracted.
    """
    docs = [(doc_id, given) for doc_id, given in docs if given is not None]
    if not docs:
        return 0
    prints = {doc_id: _signature(given.signature, given.shingle_count) for doc_id, given in docs}
    buckets = {doc_id: list(given.bands) for doc_id, given in docs}
    known: dict[str, _Signature] = {}
    original_of: dict[str, str] = {}
    stored_candidates: dict[str, set[str]] = {}
    for new_id, old_id, values, size, original in _candidates(con, buckets):
        stored_candidates.setdefault(new_id, set()).add(old_id)
        known[old_id] = _signature(values, size or 0)
        original_of[old_id] = original

    links: dict[str, tuple[str, float]] = {}  # new document → (its original, containment)
    reroots: list[tuple[str, str, float]] = []  # stored original → new fuller original
    seen_buckets: dict[tuple[int, int], list[str]] = {}
    for doc_id, _ in docs:  # in batch order: a later document may reprint an earlier one of this batch
        mine = prints[doc_id]
        pool = set(stored_candidates.get(doc_id, ()))
        for band, bucket in enumerate(buckets[doc_id]):
            pool.update(seen_buckets.setdefault((band, bucket), []))
            seen_buckets[(band, bucket)].append(doc_id)
        best, best_score, fuller = None, 0.0, False
        for other in sorted(pool - {doc_id}):
            inside, holds = mine.containment(known[other])
            if max(inside, holds) >= CONTAINMENT and max(inside, holds) > best_score:
                # this document reprints `other` unless it is clearly the fuller version of it
                best, best_score, fuller = other, max(inside, holds), inside < CONTAINMENT
        known[doc_id] = mine
        original_of[doc_id] = doc_id
        if best is None:
            continue
        root = original_of[best]
        if not fuller:
            original_of[doc_id] = root
            links[doc_id] = (root, best_score)
            continue
        # the new document is the fuller version: the old group now reprints it
        for member, original in list(original_of.items()):
            if original == root:
                original_of[member] = doc_id
        for member, (original, score) in list(links.items()):
            if original == root:
                links[member] = (doc_id, score)
        if root in links:
            del links[root]
        links[root] = (doc_id, best_score)
        if root not in prints:
            reroots.append((root, doc_id, best_score))

    signature_schema = pa.schema(
        [("doc_id", pa.string()), ("signature", pa.list_(pa.uint32())), ("shingle_count", pa.int32())]
    )
    rows = [{"doc_id": d, "signature": p.values.tolist(), "shingle_count": p.size} for d, p in prints.items()]
    with staged(con, "_new_minhash", pa.Table.from_pylist(rows, schema=signature_schema)):
        con.execute(
            "INSERT INTO doc_minhash (doc_id, signature, shingle_count) "
            "SELECT doc_id, signature, shingle_count FROM _new_minhash"
        )
    if reroots:
        moves = pa.table(
            {
                "old": pa.array([r[0] for r in reroots], pa.string()),
                "new": pa.array([r[1] for r in reroots], pa.string()),
            }
        )
        with staged(con, "_reroots", moves):
            con.execute(
                "UPDATE documents SET reprint_of = m.new FROM _reroots m WHERE documents.reprint_of = m.old"
            )
            con.execute(
                "UPDATE reprints SET original_doc_id = m.new FROM _reroots m WHERE reprints.original_doc_id = m.old"
            )
    if links:
        linked = pa.table(
            {
                "doc_id": pa.array(list(links), pa.string()),
                "original_doc_id": pa.array([v[0] for v in links.values()], pa.string()),
                "similarity": pa.array([v[1] for v in links.values()], pa.float64()),
            }
        )
        with staged(con, "_new_reprints", linked):
            con.execute(
                "INSERT OR REPLACE INTO reprints SELECT doc_id, original_doc_id, similarity FROM _new_reprints"
            )
            con.execute(
                "UPDATE documents SET reprint_of = r.original_doc_id FROM _new_reprints r "
                "WHERE documents.doc_id = r.doc_id"
            )
    return len(links)
