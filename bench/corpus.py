"""A deterministic synthetic corpus: sentences of samples/ (plus bench/sentences.txt) recombined into
news-like documents of ~3,000 characters, written under bench/corpus/ (gitignored) in parts of 1,000 files."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
CORPUS_DIR = BENCH_DIR / "corpus"
SAMPLES_DIR = ROOT / "samples"
FALLBACK_SENTENCES = BENCH_DIR / "sentences.txt"
DOCS_PER_PART = 1000
MEAN_CHARS = 3000
SEED = 20241


def _sample_texts() -> list[str]:
    """Texts of samples/, read by our own readers when they are there (any format), else UTF-8 text files."""
    texts = []
    for path in sorted(SAMPLES_DIR.glob("*")):
        if not path.is_file() or path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        try:
            from zhaoyin.extractors.readers import read_document
            from zhaoyin.schemas import RawDocument

            texts.append(read_document(RawDocument(data=path.read_bytes(), source=str(path))).text)
        except Exception:
            try:
                texts.append(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, OSError):
                continue
    return texts


def sentence_pool() -> list[str]:
    from zhaoyin.extractors.text import sentences

    pool = [
        line.strip()
        for line in FALLBACK_SENTENCES.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for text in _sample_texts():
        for sentence in sentences(text):
            clean = sentence.text.lstrip("-*#> ")  # markdown list and heading marks
            if 12 <= len(clean) <= 300 and clean[-1] in "。！？；":
                pool.append(clean)
    return sorted(set(pool))


def compose(rng: random.Random, pool: list[str], target_chars: int, index: int) -> str:
    title = rng.choice(pool).rstrip("。！？；")[:30]
    lines = [title, "", f"第{index + 1}期 {2019 + index % 7}年{1 + index % 12}月{1 + index % 28}日", ""]
    size = sum(len(line) for line in lines)
    while size < target_chars:
        paragraph = "".join(rng.sample(pool, k=min(len(pool), rng.randint(2, 6))))
        lines.append(paragraph)
        size += len(paragraph)
    return "\n".join(lines) + "\n"


def build_corpus(docs: int, root: Path = CORPUS_DIR) -> tuple[list[Path], dict]:
    """Write (once) `docs` documents; returns the part folders and the manifest (doc count, characters)."""
    pool = sentence_pool()
    fingerprint = hashlib.sha256("\n".join(pool).encode()).hexdigest()[:10]
    target = root / f"v1-{fingerprint}-{docs}"
    manifest_path = target / "manifest.json"
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        return [target / part for part in manifest["parts"]], manifest
    chars, parts = 0, []
    for start in range(0, docs, DOCS_PER_PART):
        part = f"part{start // DOCS_PER_PART:02d}"
        (target / part).mkdir(parents=True, exist_ok=True)
        parts.append(part)
        for index in range(start, min(docs, start + DOCS_PER_PART)):
            rng = random.Random(SEED * 1_000_003 + index)
            text = compose(rng, pool, int(rng.uniform(0.5, 1.5) * MEAN_CHARS), index)
            (target / part / f"doc_{index:05d}.txt").write_text(text, encoding="utf-8")
            chars += len(text)
    manifest = {"docs": docs, "characters": chars, "sentences_in_pool": len(pool), "parts": parts}
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return [target / part for part in parts], manifest


def iter_texts(parts: list[Path], limit: int) -> list[str]:
    texts = []
    for part in parts:
        for path in sorted(part.glob("*.txt")):
            if len(texts) >= limit:
                return texts
            texts.append(path.read_text(encoding="utf-8"))
    return texts
