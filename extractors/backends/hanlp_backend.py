"""HanLP backend: a HanLP NER model (multi-task with 'tok/*' + 'ner/*', or a single-task NER) from local weights.

`pip install "zhaoyin[hanlp]"` installs hanlp and torch. The model is `ZHAOYIN_HANLP_MODEL` (a directory,
or a `hanlp.pretrained` identifier already unpacked under `HANLP_HOME`), by default
CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH. `HANLP_HOME` defaults to `<cache dir>/hanlp`.
We never let HanLP download: a missing model raises `BackendUnavailable` saying where to put it.

HanLP returns entities as `(text, label, start_token, end_token)` over its tokens (end exclusive); we map
token indices to character offsets in our text.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from zhaoyin.extractors.backends import BackendUnavailable, cache_dir
from zhaoyin.extractors.backends.lexicon import is_company_name, lexicon
from zhaoyin.extractors.text import Segment, sentences
from zhaoyin.schemas import Mention

MODEL_ENV = "ZHAOYIN_HANLP_MODEL"
DEFAULT_MODEL = "CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH"
INSTALL_HINT = 'pip install "zhaoyin[hanlp]"   (installs hanlp>=2.1 and torch)'
NER_TASK_PREFERENCE = ("ner/msra", "ner/ontonotes", "ner/pku", "ner")
MAX_SENTENCE_CHARS = 400  # HanLP's transformers take ~512 subwords; longer runs are cut into windows
CONFIDENCE = 0.7

_ORG_LABELS = {"ORGANIZATION", "ORG", "NT"}
_LOCATION_LABELS = {"LOCATION", "LOC", "NS", "GPE", "FAC"}
_PERSON_LABELS = {"PERSON", "PER", "NR"}


def hanlp_home() -> Path:
    return Path(os.environ.get("HANLP_HOME") or cache_dir() / "hanlp")


def where_to_put_model() -> str:
    return (
        f"Put the model where HanLP looks for it: unpack it under HANLP_HOME={hanlp_home()} "
        f"(hanlp.load('{DEFAULT_MODEL}') reads <HANLP_HOME>/mtl/<model folder>), or unpack any HanLP "
        f"model directory and set {MODEL_ENV}=/path/to/that/directory. Nothing is downloaded."
    )


def _import_hanlp():
    # HanLP reads HANLP_HOME when it is imported; keep its files in our cache dir, never in $HOME or /tmp
    os.environ.setdefault("HANLP_HOME", str(hanlp_home()))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import hanlp
    except ImportError as exc:
        raise BackendUnavailable(
            f"the HanLP backend needs hanlp, which is not installed: {INSTALL_HINT}. {where_to_put_model()}"
        ) from exc
    return hanlp


def local_model_path(hanlp, asked: str) -> str:
    """A local path for `asked` (a directory or a `hanlp.pretrained` identifier), never a download."""
    if Path(asked).exists():
        return str(asked)
    catalog = getattr(getattr(hanlp, "pretrained", None), "ALL", {}) or {}
    url = catalog.get(asked, asked)
    if not str(url).startswith(("http://", "https://")):
        raise BackendUnavailable(
            f"HanLP model {asked!r} is neither a directory nor a known hanlp.pretrained identifier. "
            f"{where_to_put_model()}"
        )
    from hanlp.utils.io_util import path_from_url, split_if_compressed

    address, _, anchor = str(url).partition("#")
    root, ext = split_if_compressed(path_from_url(address, str(hanlp_home())))
    candidates = [Path(root) / anchor.lstrip("/")] if anchor else []
    candidates += [Path(root), Path(root + (ext or ""))]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    raise BackendUnavailable(
        f"HanLP model {asked!r} is not on this machine (expected {root}). Fetch {address} yourself and "
        f"unpack it there, or set {MODEL_ENV}=/path/to/an/unpacked/model. {where_to_put_model()}"
    )


def mention_label(text: str, hanlp_label: str) -> tuple[str, str | None] | None:
    """Our (label, canonical) for a HanLP entity, or None for kinds we do not keep (DATE, INTEGER …)."""
    label = hanlp_label.upper()
    if label in _ORG_LABELS:
        return ("company", text) if is_company_name(text) else ("org", None)
    if label in _LOCATION_LABELS:
        district = lexicon().districts.get(text)
        return ("district", district) if district else ("location", None)
    if label in _PERSON_LABELS:
        return ("person", None)
    return None


def token_offsets(sentence: str, tokens: Sequence) -> list[tuple[int, int] | None]:
    """Character (start, end) of each token in `sentence`; tokens are strings, or (text, start, end)
    when HanLP's tokenizer was asked for spans. None for a token that cannot be found in the text."""
    out: list[tuple[int, int] | None] = []
    cursor = 0
    for token in tokens:
        if isinstance(token, (list, tuple)) and len(token) == 3:
            out.append((int(token[1]), int(token[2])))
            cursor = int(token[2])
            continue
        word = str(token)
        at = sentence.find(word, cursor)
        if at < 0 or not word:
            out.append(None)
            continue
        out.append((at, at + len(word)))
        cursor = at + len(word)
    return out


def mentions_from_entities(
    text: str, segment: Segment, tokens: Sequence, entities: Sequence, source: str = "hanlp"
) -> list[Mention]:
    """Mentions in `text` from HanLP's entity tuples over `tokens` of the sentence `segment`."""
    offsets = token_offsets(segment.text, tokens)
    mentions = []
    for entity in entities:
        _surface, hanlp_label, first, last = entity[:4]
        if not (0 <= first < last <= len(offsets)):
            continue
        head, tail = offsets[first], offsets[last - 1]
        if head is None or tail is None:
            continue
        start, end = segment.start + head[0], segment.start + tail[1]
        surface = text[start:end]
        kind = mention_label(surface, str(hanlp_label))
        if kind is None:
            continue
        label, canonical = kind
        mentions.append(
            Mention(
                text=surface,
                label=label,
                start=start,
                end=end,
                canonical=canonical,
                confidence=CONFIDENCE,
                source=source,
            )
        )
    return mentions


def pick_task(keys, prefix: str, preference: Sequence[str] = ()) -> str | None:
    keys = list(keys)
    for name in preference:
        if name in keys:
            return name
    return next((k for k in keys if k == prefix or k.startswith(prefix + "/")), None)


def mentions_from_document(
    text: str, segments: Sequence[Segment], document: Mapping, source: str = "hanlp"
) -> list[Mention]:
    """Mentions from the output of a multi-task model run on `[s.text for s in segments]`:
    `{'tok/fine': [[tokens]…], 'ner/msra': [[(text, label, start, end)…]…], …}`."""
    tok_key = pick_task(document.keys(), "tok", ("tok/fine", "tok/coarse", "tok"))
    ner_key = pick_task(document.keys(), "ner", NER_TASK_PREFERENCE)
    if tok_key is None or ner_key is None:
        return []
    mentions = []
    for segment, tokens, entities in zip(segments, document[tok_key], document[ner_key], strict=False):
        mentions.extend(mentions_from_entities(text, segment, tokens, entities, source))
    return mentions


def hanlp_segments(text: str) -> list[Segment]:
    """Sentences of `text`, long ones cut into windows HanLP can take."""
    out = []
    for sentence in sentences(text):
        for at in range(0, len(sentence.text), MAX_SENTENCE_CHARS):
            piece = sentence.text[at : at + MAX_SENTENCE_CHARS]
            out.append(Segment(piece, sentence.start + at, sentence.start + at + len(piece)))
    return out


class HanLPBackend:
    name = "hanlp"

    def __init__(self, model: str | os.PathLike | None = None):
        hanlp = _import_hanlp()
        asked = str(model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL)
        self.model_path = local_model_path(hanlp, asked)
        try:
            self.model = hanlp.load(self.model_path)
        except Exception as exc:  # HanLP raises many kinds (missing transformer files, version skew)
            raise BackendUnavailable(
                f"HanLP could not load {self.model_path}: {exc!r}. {where_to_put_model()}"
            ) from exc
        tasks = getattr(self.model, "tasks", None)
        self.multi_task = isinstance(tasks, Mapping)
        self.ner_task = pick_task(tasks.keys(), "ner", NER_TASK_PREFERENCE) if self.multi_task else None
        if self.multi_task and self.ner_task is None:
            raise BackendUnavailable(f"the HanLP model at {self.model_path} has no NER task ({list(tasks)})")
        self._lock = threading.Lock()

    def entities(self, text: str) -> list[Mention]:
        segments = hanlp_segments(text)
        if not segments:
            return []
        batch = [s.text for s in segments]
        with self._lock:
            if self.multi_task:
                document = self.model(batch, tasks=self.ner_task)
                return mentions_from_document(text, segments, document, self.name)
            from zhaoyin.extractors.backends.spacy_nlp import jieba_segmenter

            tokenized = [list(jieba_segmenter().cut(s, HMM=True)) for s in batch]
            entities = self.model(tokenized)
        mentions = []
        for segment, tokens, found in zip(segments, tokenized, entities, strict=False):
            mentions.extend(mentions_from_entities(text, segment, tokens, found, self.name))
        return mentions
