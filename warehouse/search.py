"""Chinese full-text search without a segmenter: BM25 over character bigrams, ranked in SQL.

Every run of Han characters is indexed as its overlapping bigrams (换电站 → 换电, 电站) and every run of
latin letters/digits as one lower-cased word. A query word is turned into the same terms, so any
multi-character Chinese word is found without knowing the vocabulary — the warehouse needs no NLP.
Documents containing every query word verbatim rank first; BM25 orders within that.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import duckdb
import pyarrow as pa
from rich.markup import escape

from zhaoyin.warehouse.staging import staged

K1 = 1.2
B = 0.75
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_WORD = re.compile(r"[a-z]+|[0-9]+")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def document_terms(text: str) -> Iterator[str]:
    """Index terms of a document: overlapping Han bigrams, latin words, digit runs."""
    folded = normalize(text)
    for run in _HAN_RUN.findall(folded):
        for i in range(len(run) - 1):
            yield run[i : i + 2]
    yield from _WORD.findall(folded)


def query_terms(word: str) -> list[str]:
    """Index terms of one query word: Han bigrams (a lone Han character stays itself) and latin words."""
    word = normalize(word)
    terms: list[str] = []
    for run in _HAN_RUN.findall(word):
        terms.extend([run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)])
    terms.extend(_WORD.findall(word))
    return terms


def document_postings(text: str) -> tuple[list[str], list[int]]:
    """The distinct index terms of a document and how often each occurs."""
    counted = Counter(document_terms(text))
    return list(counted), list(counted.values())


def index_postings(con: duckdb.DuckDBPyConnection, docs: list[tuple[str, list[str], list[int]]]) -> None:
    """Add the inverted-index rows of new documents (doc_id, terms, their counts): one Arrow table, one
    INSERT."""
    if not docs:
        return
    doc_ids, terms, tfs, lengths = [], [], [], []
    for doc_id, doc_terms, counts in docs:
        doc_ids.extend([doc_id] * len(doc_terms))
        terms.extend(doc_terms)
        tfs.extend(counts)
        lengths.append(sum(counts))
    postings = pa.table(
        {
            "doc_id": pa.array(doc_ids, pa.string()),
            "term": pa.array(terms, pa.string()),
            "tf": pa.array(tfs, pa.int32()),
        }
    )
    sizes = pa.table(
        {"doc_id": pa.array([d[0] for d in docs], pa.string()), "length": pa.array(lengths, pa.int32())}
    )
    with staged(con, "_new_postings", postings), staged(con, "_new_lengths", sizes):
        con.execute("INSERT INTO doc_terms (doc_id, term, tf) SELECT doc_id, term, tf FROM _new_postings")
        con.execute("INSERT INTO doc_lengths (doc_id, length) SELECT doc_id, length FROM _new_lengths")


@dataclass
class SearchHit:
    doc_id: str
    score: float
    words_matched: int
    title: str | None
    published: str | None
    source: str
    snippet: str
    highlights: list[tuple[int, int]]  # offsets into `snippet`

    def rich_snippet(self, style: str = "bold yellow") -> str:
        out, last = [], 0
        for start, end in self.highlights:
            out.append(escape(self.snippet[last:start]))
            out.append(f"[{style}]{escape(self.snippet[start:end])}[/]")
            last = end
        out.append(escape(self.snippet[last:]))
        return "".join(out)

    def as_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "score": round(self.score, 4),
            "words_matched": self.words_matched,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
        }


def _snippet(text: str, words: list[str], width: int) -> tuple[str, list[tuple[int, int]]]:
    """The window of `text` holding the most query words, with their offsets in the window."""
    folded = normalize(text)
    if len(folded) != len(text):  # NFKC changed lengths: fall back to the raw text for offsets
        folded = text.lower()
    hits = sorted(
        (m.start(), m.start() + len(w)) for w in words if w for m in re.finditer(re.escape(w), folded)
    )
    start = 0
    if hits:
        best = -1
        for begin, _ in hits:
            candidate = max(0, begin - width // 4)
            inside = {folded[s:e] for s, e in hits if candidate <= s and e <= candidate + width}
            if len(inside) > best:
                best, start = len(inside), candidate
    end = min(len(text), start + width)
    window = text[start:end].replace("\n", " ")
    marks, last_end = [], -1
    for s, e in hits:
        if s >= start and e <= end and s >= last_end:
            marks.append((s - start, e - start))
            last_end = e
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    return prefix + window + suffix, [(s + shift, e + shift) for s, e in marks]


def search(
    con: duckdb.DuckDBPyConnection, query: str, *, limit: int = 10, snippet_width: int = 80
) -> list[SearchHit]:
    """Documents ranked for `query` (words separated by spaces); a reprint is folded into its original
    when both match."""
    words = [normalize(w) for w in query.split() if w.strip()]
    terms = sorted({t for w in words for t in query_terms(w)})
    if not terms:
        return []
    with (
        staged(con, "_query_terms", pa.table({"term": pa.array(terms, pa.string())})),
        staged(con, "_query_words", pa.table({"word": pa.array(sorted(set(words)), pa.string())})),
    ):
        rows = con.execute(
            """
            WITH stats AS (SELECT count(*) AS n, coalesce(avg(length), 1) AS avgdl FROM doc_lengths),
            df AS (
                SELECT term, count(*) AS df FROM doc_terms
                WHERE term IN (SELECT term FROM _query_terms) GROUP BY term
            ),
            scored AS (
                SELECT t.doc_id,
                       sum(ln(1 + (s.n - df.df + 0.5) / (df.df + 0.5))
                           * t.tf * ($k1 + 1) / (t.tf + $k1 * (1 - $b + $b * l.length / s.avgdl))) AS score
                FROM doc_terms t
                JOIN df USING (term)
                JOIN doc_lengths l USING (doc_id)
                CROSS JOIN stats s
                GROUP BY t.doc_id
            )
            SELECT d.doc_id, sc.score,
                   (SELECT count(*) FROM _query_words q WHERE contains(lower(d.text), q.word)) AS words_matched,
                   d.title, d.published, d.source, d.text, d.reprint_of
            FROM scored sc JOIN documents d USING (doc_id)
            ORDER BY words_matched DESC, sc.score DESC, d.doc_id
            LIMIT $limit
            """,
            {"k1": K1, "b": B, "limit": limit * 3},
        ).fetchall()
    # a reprint is shown only when its original does not match (it may hold a sentence the original lacks)
    found = {row[0] for row in rows}
    rows = [row for row in rows if row[-1] is None or row[-1] not in found][:limit]
    hits = []
    for doc_id, score, matched, title, published, source, text, _ in rows:
        snippet, highlights = _snippet(text, words, snippet_width)
        hits.append(
            SearchHit(doc_id, float(score), int(matched), title, published, source, snippet, highlights)
        )
    return hits
