"""Entity-swap augmentation for `train-ner`: copies of labelled paragraphs whose company and district
spans are replaced by other names — invented companies (place + 字号 + industry + legal form, or a
known brand) and districts from the national gazetteer.

Weak labels from a few documents name the same few firms again and again; a model trained on them
memorizes those names. Swapping them teaches the context (签约, 落户, 投资建设 …) and the shape of a
name instead. Pure: labelled texts in, labelled texts out, deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from zhaoyin.extractors import lang
from zhaoyin.extractors.backends.lexicon import (
    brand_companies,
    company_suffixes,
    lexicon,
)

COMPANY, DISTRICT = "COMPANY", "DISTRICT"
_INVENTED = lang.data("invented_company_names")
LabelledText = tuple[str, Sequence[tuple[int, int, str]]]


@dataclass(frozen=True)
class NameMaker:
    cities: tuple[str, ...]
    legal_forms: tuple[str, ...]
    core_chars: tuple[str, ...]
    industries: tuple[str, ...]
    brands: tuple[str, ...]
    districts: tuple[str, ...]

    def company(self, rng: random.Random) -> str:
        core = "".join(rng.sample(self.core_chars, 2))
        roll = rng.random()
        if roll < 0.35:
            return rng.choice(self.cities) + core + rng.choice(self.industries) + rng.choice(self.legal_forms)
        if roll < 0.55:
            return core + rng.choice(self.industries) + rng.choice(self.legal_forms)
        if roll < 0.65:
            industry, city = rng.choice(self.industries), rng.choice(self.cities)
            return _INVENTED["branch_template"].format(core=core, industry=industry, city=city)
        if roll < 0.8 and self.brands:
            return rng.choice(self.brands)
        return core + rng.choice(tuple(_INVENTED["short_endings"]))

    def district(self, rng: random.Random) -> str:
        return rng.choice(self.districts)


@cache
def name_maker() -> NameMaker:
    lex = lexicon()
    city_ending = lang.data("place_names")["city_ending"]
    cities = sorted(p[:-1] for p in lex.places if p.endswith(city_ending) and 3 <= len(p) <= 4)
    district_endings = tuple(_INVENTED["district_endings"])
    districts = sorted(d for d in lex.districts if d.endswith(district_endings) and 2 < len(d) <= 5)
    chars = tuple(dict.fromkeys(c for line in lang.words("name_core_chars") for c in line.split()))
    industries = tuple(w for w in lang.words("industry_terms") if len(w) <= 4) or (
        _INVENTED["fallback_industry"],
    )
    # registered legal forms (有限公司, 集团有限公司 …), not the endings of short names (银行, 实业)
    registered, left_out = _INVENTED["registered_marker"], _INVENTED["left_out_marker"]
    legal_forms = tuple(s for s in company_suffixes() if registered in s and left_out not in s)
    legal_forms += tuple(_INVENTED["extra_legal_forms"])
    return NameMaker(
        cities=tuple(cities) or (_INVENTED["fallback_city"],),
        legal_forms=legal_forms,
        core_chars=chars,
        industries=industries,
        brands=tuple(sorted(brand_companies())),
        districts=tuple(districts) or (_INVENTED["fallback_district"],),
    )


def swap_entities(item: LabelledText, rng: random.Random, maker: NameMaker | None = None) -> LabelledText:
    """`item` with each labelled span replaced by a new name of its label; the same surface gets the same
    replacement throughout the paragraph, so repeated mentions stay repeated."""
    maker = maker or name_maker()
    text, spans = item
    replacement: dict[tuple[str, str], str] = {}
    pieces, new_spans, at = [], [], 0
    for start, end, label in sorted(spans):
        key = (text[start:end], label)
        if key not in replacement:
            replacement[key] = maker.company(rng) if label == COMPANY else maker.district(rng)
        pieces.append(text[at:start])
        offset = sum(map(len, pieces))
        name = replacement[key]
        pieces.append(name)
        new_spans.append((offset, offset + len(name), label))
        at = end
    pieces.append(text[at:])
    return "".join(pieces), new_spans


def augment(items: Iterable[LabelledText], copies: int, *, seed: int = 0) -> list[LabelledText]:
    """The items followed by `copies` entity-swapped variants of each item that has spans."""
    rng = random.Random(seed)
    items = list(items)
    out = list(items)
    for _ in range(copies):
        out += [swap_entities(item, rng) for item in items if item[1]]
    return out
