"""A document's near-duplicate fingerprint: MinHash over character shingles, and its LSH band buckets.

The warehouse stores these and compares them (reprint detection); the text processing — NFKC, the simplified
script (a 繁體 twin of a report is its reprint), dropping whitespace and punctuation, shingling — happens here.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from functools import cache

import numpy as np

from zhaoyin.extractors.script import simplified_view
from zhaoyin.schemas import Fingerprint

NUM_PERM = 128
SHINGLE = 5
LSH_THRESHOLD = 0.5  # Jaccard at which LSH makes two documents candidates
_SCHEME = "affine32"
_IGNORED = re.compile(r"[\s\W_]+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    """Character shingles of the simplified view of the text with whitespace and punctuation removed."""
    flat = _IGNORED.sub("", simplified_view(unicodedata.normalize("NFKC", text)))
    if len(flat) <= SHINGLE:
        return {flat.encode()} if flat else set()
    return {flat[i : i + SHINGLE].encode() for i in range(len(flat) - SHINGLE + 1)}


# crc32 is stable across processes (signatures are stored) and much cheaper than datasketch's sha1; the
# C function itself, not a wrapper, since MinHash calls it once per shingle.
_shingle_hash = zlib.crc32


@cache
def _permutations():
    from datasketch import MinHash  # imports scipy: only when a fingerprint is asked for

    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_shingle_hash).permutations


@cache
def _banding() -> tuple[int, int]:
    """(bands, rows per band) datasketch finds optimal for LSH_THRESHOLD and NUM_PERM."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def band_buckets(signature) -> list[int]:
    """One signed 64-bit bucket per LSH band of a signature."""
    bands, rows = _banding()
    values = np.asarray(signature, dtype=np.uint32)
    return [
        int.from_bytes(
            hashlib.blake2b(values[i * rows : (i + 1) * rows].tobytes(), digest_size=8).digest(),
            "big",
            signed=True,
        )
        for i in range(bands)
    ]


def fingerprint(text: str) -> Fingerprint:
    from datasketch import MinHash

    grams = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_shingle_hash, permutations=_permutations(), scheme=_SCHEME)
    minhash.update_batch(list(grams))
    signature = minhash.hashvalues.astype(np.uint32)
    return Fingerprint(signature=signature.tolist(), shingle_count=len(grams), bands=band_buckets(signature))
