"""Near-duplicate documents (one report carried by several outlets): MinHash over character shingles.

A new document whose estimated Jaccard similarity to a stored one reaches THRESHOLD becomes a reprint of
it (`documents.reprint_of`, table `reprints`); views leave reprints out of every count.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from functools import cache
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pyarrow as pa

from warehouse.staging import staged

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.8
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


def signature(text: str) -> MinHash:
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_shingle_hash, permutations=_permutations(), scheme=_SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def _from_stored(values) -> MinHash:
    from datasketch import MinHash

    return MinHash(
        num_perm=NUM_PERM,
        hashfunc=_shingle_hash,
        hashvalues=np.asarray(values, dtype=np.uint32),
        permutations=_permutations(),
        scheme=_SCHEME,
    )


@cache
def _banding() -> tuple[int, int]:
    """(bands, rows per band) datasketch finds optimal for THRESHOLD and NUM_PERM."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
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


def link_reprints(con: duckdb.DuckDBPyConnection, docs: list[tuple[str, str]]) -> int:
    """Store signatures of new documents and link those that near-duplicate an earlier one.

    Candidates share an LSH bucket (a join against `doc_lsh`); a candidate is a reprint's original when
    the estimated Jaccard similarity reaches THRESHOLD. Returns how many of `docs` were linked.
    """
    if not docs:
        return 0
    signatures = {doc_id: signature(text) for doc_id, text in docs}
    buckets = {doc_id: band_buckets(m.hashvalues) for doc_id, m in signatures.items()}
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
            SELECT DISTINCT n.doc_id, o.doc_id, m.signature, coalesce(d.reprint_of, o.doc_id)
            FROM _new_bands n
            JOIN doc_lsh o ON o.band = n.band AND o.bucket = n.bucket AND o.doc_id <> n.doc_id
            JOIN doc_minhash m ON m.doc_id = o.doc_id
            JOIN documents d ON d.doc_id = o.doc_id
            """
        ).fetchall()
        con.execute("INSERT INTO doc_lsh SELECT band, bucket, doc_id FROM _new_bands")

    candidates: dict[str, list[str]] = {}
    known: dict[str, object] = {}
    original_of: dict[str, str] = {}
    for new_id, old_id, values, original in stored:
        candidates.setdefault(new_id, []).append(old_id)
        known[old_id] = _from_stored(values)
        original_of[old_id] = original

    links = []
    seen_buckets: dict[tuple[int, int], list[str]] = {}
    for doc_id, _ in docs:  # in batch order: a later document may reprint an earlier one of this batch
        minhash = signatures[doc_id]
        pool = set(candidates.get(doc_id, []))
        for band, bucket in enumerate(buckets[doc_id]):
            pool.update(seen_buckets.setdefault((band, bucket), []))
            seen_buckets[(band, bucket)].append(doc_id)
        pool.discard(doc_id)
        best, best_similarity = None, 0.0
        for other in sorted(pool):
            similarity = minhash.jaccard(known[other])
            if similarity >= THRESHOLD and similarity > best_similarity:
                best, best_similarity = other, similarity
        original_of[doc_id] = original_of[best] if best else doc_id
        if best:
            links.append(
                {"doc_id": doc_id, "original_doc_id": original_of[best], "similarity": best_similarity}
            )
        known[doc_id] = minhash

    new_signatures = [
        {"doc_id": doc_id, "signature": m.hashvalues.astype(np.uint32).tolist()}
        for doc_id, m in signatures.items()
    ]
    signature_schema = pa.schema([("doc_id", pa.string()), ("signature", pa.list_(pa.uint32()))])
    with staged(con, "_new_minhash", pa.Table.from_pylist(new_signatures, schema=signature_schema)):
        con.execute("INSERT INTO doc_minhash SELECT doc_id, signature FROM _new_minhash")
    if links:
        with staged(con, "_new_reprints", pa.Table.from_pylist(links)):
            con.execute("INSERT INTO reprints SELECT doc_id, original_doc_id, similarity FROM _new_reprints")
            con.execute(
                "UPDATE documents SET reprint_of = r.original_doc_id FROM _new_reprints r "
                "WHERE documents.doc_id = r.doc_id"
            )
    return len(links)
