"""spaCy backend: jieba-segmented blank zh + EntityRuler (gazetteers, company/zone patterns) + optional `ner`.

The statistical `ner` is loaded from `model_path`, else `ZHAOYIN_SPACY_MODEL`, else
`<cache dir>/models/spacy-ner` when `zhaoyin train-ner` has put one there. Nothing is downloaded.
Entity labels: COMPANY, ORG, DISTRICT, LOC/GPE/LOCATION (and whatever a foreign model uses).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from zhaoyin.extractors import lang
from zhaoyin.extractors.backends import BackendUnavailable, cache_dir
from zhaoyin.extractors.backends.lexicon import (
    company_suffixes,
    generic_company_nouns,
    is_company_name,
    lexicon,
    name_boundary_tokens,
    name_inner_stop_tokens,
    zone_suffixes,
)
from zhaoyin.extractors.backends.plausibility import brand_endings, plausible_company, plausible_district
from zhaoyin.extractors.backends.spacy_nlp import (
    blank_zh,
    quiet_global_jieba,
    require_spacy,
    use_domain_segmenter,
)
from zhaoyin.schemas import Mention

MODEL_ENV = "ZHAOYIN_SPACY_MODEL"
PATTERN_ID = "pattern"
SHORT_ID = "short:"  # + surface: a short district name (城阳) that counts only in a text about its city

# confidence of a mention by where it came from
GAZETTEER_CONFIDENCE = 0.95
PATTERN_CONFIDENCE = 0.8
STATISTICAL_CONFIDENCE = 0.6

_NAME_TOKEN = r"^[\u3400-\u9fffA-Za-z0-9·&\-]+$"
# a name does not start with an ordinal or a number (第五届, 60余), and not with a lone character
_FIRST_NAME_TOKEN = lang.pattern("company_patterns", "first_name_token")


def default_model_dir() -> Path:
    return cache_dir() / "models" / "spacy-ner"


def resolve_model_path(model_path: str | os.PathLike | None = None) -> Path | None:
    """The `ner` model to load, or None for ruler only. A path that was asked for must exist."""
    asked = model_path or os.environ.get(MODEL_ENV)
    if asked:
        path = Path(asked)
        if not (path / "config.cfg").is_file():
            raise BackendUnavailable(
                f"no spaCy pipeline at {path} (looked for {path / 'config.cfg'}). Train one with "
                f"`zhaoyin train-ner --out {path}`, or point {MODEL_ENV} at a spaCy pipeline directory."
            )
        return path
    default = default_model_dir()
    return default if (default / "config.cfg").is_file() else None


def company_patterns() -> list[dict]:
    """Token patterns for enterprise names: a name that starts after a boundary word and ends in a suffix."""
    boundary = sorted(name_boundary_tokens())
    inner_stop = sorted(name_inner_stop_tokens())
    suffix_alt = lang.alternation(company_suffixes())
    first = {"TEXT": {"REGEX": _FIRST_NAME_TOKEN, "NOT_IN": boundary}}
    inner = {"TEXT": {"REGEX": _NAME_TOKEN, "NOT_IN": inner_stop}}
    # a generic noun (跨国公司) as the last token is no name's ending
    last = {"TEXT": {"REGEX": f"(?:{suffix_alt})$", "NOT_IN": sorted(generic_company_nouns())}}
    whole = {
        "TEXT": {
            "REGEX": rf"^[\u3400-\u9fff]{{2,}}(?:{suffix_alt})$",
            "NOT_IN": boundary + sorted(generic_company_nouns()),
        }
    }
    open_ = {"ORTH": {"IN": sorted(lang.chars("opening_brackets"), reverse=True)}}
    close = {"ORTH": {"IN": sorted(lang.chars("closing_brackets"), reverse=True)}}
    shapes = [
        [first, dict(inner, OP="{0,5}"), last],
        [whole],
        [
            first,
            dict(inner, OP="{0,3}"),
            open_,
            dict(inner, OP="{1,2}"),
            close,
            dict(inner, OP="{0,4}"),
            last,
        ],
    ]
    return [{"label": "COMPANY", "pattern": shape, "id": PATTERN_ID} for shape in shapes]


RARE = "zhaoyin_rare"


def _register_rare_flag() -> None:
    """`token._.zhaoyin_rare`: a word jieba hardly knows and no verb, the mark of a brand (鹏辉, 瑞幸).
    The rules engine's tests (extractors.companies.rare_word, is_verb)."""
    from spacy.tokens import Token

    from zhaoyin.extractors.companies import is_verb, rare_word

    if Token.has_extension(RARE):
        return

    def brand_like(token) -> bool:
        return rare_word(token.text) and not is_verb(token.text)

    Token.set_extension(RARE, getter=brand_like)


def brand_patterns() -> list[dict]:
    """Short brand names: a rare word + a brand ending (鹏辉能源, 瑞幸咖啡); places are no brands."""
    _register_rare_flag()
    stop = sorted(name_boundary_tokens() | lexicon().places)
    head = {"_": {RARE: True}, "TEXT": {"REGEX": _FIRST_NAME_TOKEN, "NOT_IN": stop}}
    ending = {"TEXT": {"IN": list(brand_endings())}}
    return [{"label": "COMPANY", "pattern": [head, ending], "id": PATTERN_ID}]


def zone_patterns() -> list[dict]:
    """Functional zones: a strong ending after any name (董家口综合保税区), a weak one only after a place
    name (青岛市人工智能产业园)."""
    boundary = sorted(name_boundary_tokens())
    any_zone = lang.alternation(zone_suffixes())
    inner = {"TEXT": {"REGEX": _NAME_TOKEN, "NOT_IN": boundary}}
    first = {"TEXT": {"REGEX": rf"^(?!.*(?:{any_zone})$)" + _FIRST_NAME_TOKEN[1:], "NOT_IN": boundary}}
    place = {"TEXT": {"IN": sorted(lexicon().places)}}
    weak = {"TEXT": {"REGEX": f"(?:{any_zone})$"}}
    strong = {"TEXT": {"REGEX": f"(?:{lang.alternation(zone_suffixes('strong'))})$"}}
    shapes = [[place, dict(inner, OP="{0,3}"), weak], [first, dict(inner, OP="{0,2}"), strong]]
    return [{"label": "DISTRICT", "pattern": shape, "id": PATTERN_ID} for shape in shapes]


def gazetteer_patterns() -> list[dict]:
    lex = lexicon()
    patterns = [{"label": "COMPANY", "pattern": s, "id": c} for s, c in sorted(lex.companies.items())]
    patterns += [{"label": "DISTRICT", "pattern": s, "id": c} for s, c in sorted(lex.districts.items())]
    patterns += [{"label": "DISTRICT", "pattern": s, "id": SHORT_ID + s} for s in sorted(lex.short_districts)]
    return patterns


def _licensed_short_forms(doc) -> set[str]:
    """Short district names whose city the text names, or one of whose sister districts it names."""
    lex = lexicon()
    shorts = {span.text for span in doc.ents if span.ent_id_.startswith(SHORT_ID)}
    if not shorts:
        return set()
    text = doc.text
    named_canonicals = {span.ent_id_ for span in doc.ents if span.ent_id_ in lex.districts.values()}
    cities_of_named = {
        city for s, (c, cities) in lex.short_districts.items() if c in named_canonicals for city in cities
    }
    keep = set()
    for short in shorts:
        _canonical, cities = lex.short_districts[short]
        if any(city in text or city in cities_of_named for city in cities):
            keep.add(short)
    return keep


def add_entity_ruler(nlp, *, before: str | None = None):
    ruler = nlp.add_pipe("entity_ruler", before=before, config={"overwrite_ents": False})
    ruler.add_patterns(gazetteer_patterns() + company_patterns() + brand_patterns() + zone_patterns())
    return ruler


def build_pipeline(model_path: Path | None, *, ruler: bool = True):
    """The spaCy Language: a trained pipeline from `model_path` (or a blank one), ruler before its `ner`."""
    spacy = require_spacy()
    if model_path is None:
        nlp = blank_zh()
    else:
        quiet_global_jieba()
        try:
            nlp = spacy.load(model_path)
        except (OSError, ValueError, ImportError) as exc:
            raise BackendUnavailable(f"cannot load the spaCy pipeline at {model_path}: {exc}") from exc
        use_domain_segmenter(nlp)
        for name in list(nlp.pipe_names):
            if name != "ner" and not name.startswith("tok2vec") and name != "transformer":
                nlp.remove_pipe(name)
    if ruler:
        add_entity_ruler(nlp, before="ner" if "ner" in nlp.pipe_names else None)
    return nlp


def _mention_for(span, source: str) -> Mention | None:
    label = span.label_.upper()
    text = span.text
    if span.ent_id_.startswith(SHORT_ID):
        canonical = lexicon().short_districts[text][0]
    else:
        canonical = span.ent_id_ if span.ent_id_ and span.ent_id_ != PATTERN_ID else None
    if span.ent_id_ == PATTERN_ID:
        confidence = PATTERN_CONFIDENCE
    elif canonical:
        confidence = GAZETTEER_CONFIDENCE
    else:
        confidence = STATISTICAL_CONFIDENCE
    if label == "COMPANY":
        kind = "company"
    elif label in ("ORG", "ORGANIZATION", "NT"):
        kind = "company" if is_company_name(text) else "org"
    elif label == "DISTRICT":
        kind = "district"
    elif label in ("GPE", "LOC", "LOCATION", "NS", "FAC"):
        district = lexicon().districts.get(text)
        kind, canonical = ("district", district) if district else ("location", canonical)
    elif label in ("PERSON", "PER", "NR"):
        kind = "person"
    else:
        return None
    return Mention(
        text=text,
        label=kind,
        start=span.start_char,
        end=span.end_char,
        canonical=canonical or (text if kind in ("company", "district") else None),
        confidence=confidence,
        source=source,
    )


def _keep(span, licensed_short_forms: set[str]) -> bool:
    """Drop unlicensed short district names, generic nouns, and statistical guesses that are no name."""
    if span.ent_id_.startswith(SHORT_ID):
        return span.text in licensed_short_forms
    label = span.label_.upper()
    if label == "COMPANY" and span.text in generic_company_nouns():
        return False
    if span.ent_id_ == PATTERN_ID and label == "COMPANY":
        return plausible_company(span.text)
    if span.ent_id_:  # from the gazetteer
        return True
    if label == "COMPANY":
        return plausible_company(span.text, guessed=True)
    if label == "DISTRICT":
        return plausible_district(span.text, guessed=True)
    return True


class SpacyBackend:
    name = "spacy"

    def __init__(
        self, model_path: str | os.PathLike | None = None, *, ruler: bool = True, statistical: bool = True
    ):
        """`statistical=False`: the EntityRuler alone, whatever model is configured."""
        self.model_path = resolve_model_path(model_path) if statistical else None
        self.nlp = build_pipeline(self.model_path, ruler=ruler)
        self._lock = threading.Lock()  # a Language is not safe to call from several threads at once

    @property
    def has_statistical_ner(self) -> bool:
        return "ner" in self.nlp.pipe_names

    def entities(self, text: str) -> list[Mention]:
        if not text or not text.strip():
            return []
        with self._lock:
            doc = self.nlp(text)
        licensed = _licensed_short_forms(doc)
        spans = [s for s in doc.ents if _keep(s, licensed)]
        mentions = [m for span in spans if (m := _mention_for(span, self.name)) is not None]
        return sorted(mentions, key=lambda m: (m.start, m.end))
