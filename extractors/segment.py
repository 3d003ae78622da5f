"""Word segmentation: jieba with a user dictionary of our gazetteers, loaded once per process.

`tokens(text)` is the one entry point; swap the engine with `use_segmenter(fn)` (fn(text) → [(word, start, end)]).
jieba's dictionary cache goes to $ZHAOYIN_CACHE_DIR (default ./.zhaoyin-cache), never $HOME or /tmp.

When rjieba (jieba-rs, ~15× faster) is installed it cuts the text, with the same dictionary and user words, and
the few stretches where its rules differ from jieba's are cut by jieba itself, so the tokens are exactly jieba's.
ZHAOYIN_SEGMENTER=jieba turns rjieba off.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path

from zhaoyin.extractors import lang

NAME_FREQ = 200_000  # high enough that jieba keeps a whole name as one word

Token = tuple[str, int, int]
Segmenter = Callable[[str], list[Token]]

_LOCK = threading.RLock()
_TOKENIZER = None
_SEGMENTER: Segmenter | None = None
_FAST = None
_REPLACED_FREQ = 0  # frequencies our user words replaced in jieba's dictionary (see _load_rjieba)

# jieba-rs counts these as Han (jieba 0.42 does not): any of them and jieba cuts the whole text.
_BEYOND_JIEBA_HAN = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
# A stretch both engines cut on its own: jieba's block characters plus "_" (a block character of jieba-rs only).
_BLOCK = re.compile(r"[\u4e00-\u9fd5a-zA-Z0-9+#&._%_-]+")
# Latin/digit runs the two HMMs cut differently: with "-" or "_", or a "." that is not a plain decimal (3.5, 12.5%).
_LATIN_RUN = re.compile(r"[a-zA-Z0-9+#&._%_-]+")
_PLAIN_RUN = re.compile(r"[a-zA-Z0-9+#&%]+|[+#&%]*\d+\.\d+%*")


def cache_dir() -> Path:
    path = Path(os.environ.get("ZHAOYIN_CACHE_DIR") or Path.cwd() / ".zhaoyin-cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_words() -> Iterable[str]:
    """Names that must never be split: places, zones, company suffixes, industry terms."""
    from zhaoyin.extractors.gazetteer import gazetteer

    yield from gazetteer().all_names()
    yield from lang.words("company_legal_forms")
    yield from lang.words("industry_terms")


def jieba_tokenizer():
    global _TOKENIZER, _REPLACED_FREQ
    if _TOKENIZER is None:
        with _LOCK:
            if _TOKENIZER is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                jieba.dt.tmp_dir = str(cache_dir())  # the default tokenizer too, should anything wake it
                tokenizer = jieba.Tokenizer()
                tokenizer.tmp_dir = str(cache_dir())
                tokenizer.initialize()
                for word in user_words():
                    _REPLACED_FREQ += tokenizer.FREQ.get(word, 0)
                    tokenizer.add_word(word, NAME_FREQ)
                _TOKENIZER = tokenizer
    return _TOKENIZER


def _jieba_tokens(text: str) -> list[Token]:
    return list(jieba_tokenizer().tokenize(text, HMM=True))


def rjieba_tokenizer():
    """jieba-rs with jieba's dictionary and our user words, or None when rjieba is missing or turned off."""
    global _FAST
    if _FAST is None:
        with _LOCK:
            if _FAST is None:
                _FAST = _load_rjieba() or False
    return _FAST or None


def _load_rjieba():
    if os.environ.get("ZHAOYIN_SEGMENTER", "").lower() == "jieba":
        return None
    try:
        import rjieba
    except ImportError:
        return None
    jieba_tokenizer()  # for _REPLACED_FREQ
    fast = rjieba.Jieba()
    for word in user_words():
        fast.add_word(word, NAME_FREQ, None)
    # jieba adds a user word's frequency to its total even when the word was already known; jieba-rs replaces
    # the old frequency. A word that can never match (private-use characters) makes up the difference, so
    # both engines score paths against the same total.
    if _REPLACED_FREQ:
        fast.add_word("\ue000\ue001", _REPLACED_FREQ, None)
    return fast


def _needs_jieba(block: str) -> bool:
    return any(not _PLAIN_RUN.fullmatch(run) for run in _LATIN_RUN.findall(block))


def _rjieba_tokens(text: str) -> list[Token]:
    fast = rjieba_tokenizer()
    if fast is None or _BEYOND_JIEBA_HAN.search(text):
        return _jieba_tokens(text)
    toks = fast.tokenize(text, "default", True)
    if not _needs_jieba(text):
        return toks
    out: list[Token] = []
    index = 0
    for block in _BLOCK.finditer(text):
        if not _needs_jieba(block.group()):
            continue
        start, end = block.span()
        while index < len(toks) and toks[index][1] < start:
            out.append(toks[index])
            index += 1
        out += [(w, s + start, e + start) for w, s, e in _jieba_tokens(block.group())]
        while index < len(toks) and toks[index][1] < end:
            index += 1
    out += toks[index:]
    return out


def use_segmenter(segmenter: Segmenter | None) -> None:
    """Replace the segmenter (e.g. an rjieba-based one); None restores jieba."""
    global _SEGMENTER
    _SEGMENTER = segmenter
    for cached in (_document_tokens, _short_tokens, tagged, *_CACHED_ON_WORDS):
        cached.cache_clear()


_CACHED_ON_WORDS: list = []


def cached_on_words(maxsize: int):
    """`lru_cache` for a rule whose answer depends on how its text is cut into words: `use_segmenter`
    empties it with the segmenter's own caches."""

    def wrap(fn):
        cached = lru_cache(maxsize=maxsize)(fn)
        _CACHED_ON_WORDS.append(cached)
        return cached

    return wrap


def tokens(text: str) -> list[Token]:
    """(word, start, end) for every word of `text`; gazetteer names come out whole."""
    if not text:
        return []
    return (_SEGMENTER or _rjieba_tokens)(text)


@lru_cache(maxsize=8)
def _document_tokens(text: str) -> tuple[list[Token], list[int], list[int]]:
    toks = tokens(text)
    return toks, [start for _w, start, _e in toks], [end for _w, _s, end in toks]


@lru_cache(maxsize=16384)
def _short_tokens(text: str) -> tuple[Token, ...]:
    return tuple(tokens(text))


def words(text: str) -> list[str]:
    """The words of a short string (a name, a clause); cached, since names recur."""
    return [word for word, _s, _e in _short_tokens(text)]


def token_at(text: str, position: int) -> Token | None:
    """The word of the segmented document that holds character `position`."""
    toks, _starts, ends = _document_tokens(text)
    index = bisect_right(ends, position)
    return toks[index] if index < len(toks) and toks[index][1] <= position else None


def tokens_before(text: str, end: int, limit: int) -> list[Token]:
    """Tokens of `text` that lie within `limit` characters before `end`, offsets into `text`.

    The document is segmented once; only where `end` falls inside a word is the window cut afresh."""
    toks, starts, ends = _document_tokens(text)
    index = bisect_left(ends, end)
    if index < len(ends) and ends[index] == end:
        return toks[bisect_left(starts, end - limit, 0, index + 1) : index + 1]
    window_start = max(0, end - limit)
    return [(w, s + window_start, e + window_start) for w, s, e in _short_tokens(text[window_start:end])]


@lru_cache(maxsize=16384)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) for the words of a short string: jieba's dictionary tag, "eng" for Latin
    words, "ours" for our own dictionary's words (places, industry terms) and "oov" for a word no
    dictionary knows (often a brand: 鹏辉, 瑞幸). A lookup, not posseg's HMM, which costs as much again
    as segmenting the whole document."""
    table = _word_tags()
    ours = jieba_tokenizer().FREQ
    out = []
    for word in words(text):
        if word.isascii():
            out.append((word, "eng" if word.isalpha() else "x"))
        elif word in table:
            out.append((word, table[word]))
        else:
            out.append((word, "ours" if ours.get(word) == NAME_FREQ else "oov"))
    return tuple(out)


@cache
def _word_tags() -> dict[str, str]:
    from jieba.posseg import dt

    return dt.word_tag_tab


def word_frequency(word: str) -> int:
    """How common a word is in jieba's dictionary (0 when unknown); our user words are not counted."""
    freq = (_TOKENIZER or jieba_tokenizer()).FREQ.get(word, 0)
    return 0 if freq == NAME_FREQ else freq
