"""Whether a span looks like a company or district name: a filter for weak labels (the rules engine is not
always right) and for the statistical NER's guesses (a model trained on little data guesses wildly).

The tests are about the shape of the name only, from the same language data as the EntityRuler.
"""

from __future__ import annotations

from functools import cache

from zhaoyin.extractors import lang
from zhaoyin.extractors.backends.lexicon import (
    company_core,
    generic_company_cores,
    generic_company_nouns,
    is_company_name,
    lexicon,
    name_boundary_tokens,
    name_inner_stop_tokens,
    zone_suffixes,
)

_OPENING, _CLOSING = lang.chars("opening_brackets"), lang.chars("closing_brackets")
_DISTRICT_ENDINGS = tuple(lang.data("place_names")["district_endings"])


@cache
def brand_endings() -> tuple[str, ...]:
    """Words a brand-style short name ends in (鹏辉能源, 瑞幸咖啡)."""
    plain_nouns = lang.word_set("plain_noun_industry_words")
    return tuple(lang.longest_first(lang.word_set("company_industry_words") - plain_nouns))


def balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


@cache
def _never_first_chars() -> frozenset[str]:
    return lang.word_set("name_never_first_chars")


@cache
def _never_inside_words() -> tuple[str, ...]:
    return tuple(w for w in name_inner_stop_tokens() if len(w) >= 2)


def _starts_with_boundary_word(text: str) -> bool:
    """由康泽生物, 引进XX集团: the span begins with a word that stands before names, not in them."""
    if text[0] in _never_first_chars():
        return True
    return any(text.startswith(w) and len(text) > len(w) + 1 for w in name_boundary_tokens() if len(w) >= 2)


def _holds_clause_words(text: str) -> bool:
    """工厂已经成为集团: verbs and adverbs of a clause inside the span."""
    return any(word in text for word in _never_inside_words())


def plausible_company(text: str, *, guessed: bool = False) -> bool:
    """A company name's shape. `guessed` (a statistical guess) also needs an enterprise or brand ending."""
    text = text.strip()
    if len(text) < 2 or not balanced(text) or text[0] in _OPENING + _CLOSING:
        return False
    lex = lexicon()
    if (
        text in generic_company_nouns()
        or text in lex.places
        or text in lex.districts
        or text.endswith(lang.data("project_words")["project_word"])
    ):
        return False
    if text.endswith(zone_suffixes() + _DISTRICT_ENDINGS):
        return False
    if _starts_with_boundary_word(text) or _holds_clause_words(text):
        return False
    if is_company_name(text) and company_core(text) in generic_company_cores():
        return False
    if guessed:
        return is_company_name(text) or (len(text) >= 4 and text.endswith(brand_endings()))
    return True


def plausible_district(text: str, *, guessed: bool = False) -> bool:
    text = text.strip()
    if len(text) < 2 or not balanced(text):
        return False
    lex = lexicon()
    if text in lex.districts or text in lex.short_districts:
        return True
    if text in lex.places or _starts_with_boundary_word(text):  # a city or province is no district
        return False
    if guessed:
        return len(text) >= 3 and text.endswith(zone_suffixes() + _DISTRICT_ENDINGS)
    return True
