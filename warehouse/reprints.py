"""Near-duplicate documents (one report carried by several outlets): MinHash over character shingles.

Reprints are often abridged, so the test is containment, not plain Jaccard similarity: a document whose
shingles are (estimated) at least CONTAINMENT inside another's is a reprint of it. The larger of the two is
the original; when a fuller version arrives after an abridged one, the abridged one is re-pointed to it.
Candidates come from LSH band buckets stored in `doc_lsh` (a join, not an in-memory index per batch).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pyarrow as pa

from zhaoyin.warehouse.staging import staged

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE = 5
LSH_THRESHOLD = 0.5  # Jaccard at which LSH makes two documents candidates
CONTAINMENT = 0.8  # share of the smaller document's shingles found in the larger
_SCHEME = "affine32"
_IGNORED = re.compile(r"[\s\W_]+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    """Character shingles of the text with whitespace and punctuation removed."""
    flat = _IGNORED.sub("", unicodedata.normalize("NFKC", text))
    if len(flat) <= SHINGLE:
        return {flat.encode()} if flat else set()
    return {flat[i : i + SHINGLE].encode() for i in range(len(flat) - SHINGLE + 1)}


def _shingle_hash(shingle: bytes) -> int:
    # crc32 is stable across processes (signatures are stored) and much cheaper than datasketch's sha1.
    return zlib.crc32(shingle)


@cache
def _permutations():
    from datasketch import MinHash  # imports scipy: only when documents are loaded

    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_shingle_hash).permutations


def _minhash(hashvalues=None) -> MinHash:
    from datasketch import MinHash

    extra = {} if hashvalues is None else {"hashvalues": np.asarray(hashvalues, dtype=np.uint32)}
    return MinHash(
        num_perm=NUM_PERM, hashfunc=_shingle_hash, permutations=_permutations(), scheme=_SCHEME, **extra
    )


@dataclass
class Fingerprint:
    minhash: MinHash
    size: int  # number of distinct shingles

    def containment(self, other: Fingerprint) -> tuple[float, float]:
        """Estimated (share of this set inside `other`, share of `other` inside this set)."""
        jaccard = self.minhash.jaccard(other.minhash)
        shared = jaccard * (self.size + other.size) / (1 + jaccard)
        return min(1.0, shared / max(1, self.size)), min(1.0, shared / max(1, other.size))


def fingerprint(text: str) -> Fingerprint:
    grams = shingles(text)
    minhash = _minhash()
    minhash.update_batch(list(grams))
    return Fingerprint(minhash, len(grams))


@cache
def _banding() -> tuple[int, int]:
    """(bands, rows per band) datasketch finds optimal for LSH_THRESHOLD and NUM_PERM."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_buckets(hashvalues: np.ndarray) -> list[int]:
    """One signed 64-bit bucket per LSH band of a signature."""
    bands, rows = _banding()
    values = np.asarray(hashvalues, dtype=np.uint32)
    return [
        int.from_bytes(
            hashlib.blake2b(values[i * rows : (i + 1) * rows].tobytes(), digest_size=8).digest(),
            "big",
            signed=True,
        )
        for i in range(bands)
    ]


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
    con: duckdb.DuckDBPyConnection,
    docs: list[tuple[str, str]],
    fingerprints: Mapping[str, Fingerprint] | None = None,
) -> int:
    """Store fingerprints of new documents and link near-duplicates; returns how many links were made.

    `fingerprints` (doc_id → `fingerprint(text)`) may be computed beforehand, e.g. in the extraction
    workers, so the single writer does not; documents missing from it are fingerprinted here.
    """
    if not docs:
        return 0
    given = fingerprints or {}
    prints = {doc_id: given.get(doc_id) or fingerprint(text) for doc_id, text in docs}
    buckets = {doc_id: band_buckets(p.minhash.hashvalues) for doc_id, p in prints.items()}
    known: dict[str, Fingerprint] = {}
    original_of: dict[str, str] = {}
    stored_candidates: dict[str, set[str]] = {}
    for new_id, old_id, values, size, original in _candidates(con, buckets):
        stored_candidates.setdefault(new_id, set()).add(old_id)
        known[old_id] = Fingerprint(_minhash(values), size or 0)
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
    rows = [
        {"doc_id": d, "signature": p.minhash.hashvalues.astype(np.uint32).tolist(), "shingle_count": p.size}
        for d, p in prints.items()
    ]
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
