"""The rules+ner backend: a spaCy `ner` trained on gold company spans, used beside the rules.

A tiny model is trained here on invented sentences (names and places made up), then the backend uses it.
Skips when spaCy is not installed.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from zhaoyin.extractors.backends import BACKEND_NAMES, BackendUnavailable, clear_backend_cache

HAS_SPACY = importlib.util.find_spec("spacy") is not None and importlib.util.find_spec("jieba") is not None
needs_spacy = pytest.mark.skipif(not HAS_SPACY, reason="spaCy (and jieba) are not installed")

BRAND = "澜翔大地新能源"
SHORT = "澜翔"
# the rules read the project but have no investor for it: an unknown brand opening the project's name
UNSEEN = f"总投资7亿元的{BRAND}储能电站项目在胶州市开工。"
# the model tags the brand here too, but nothing in the clause makes it an investor
UNTYPED = f"今年以来，{BRAND}和沐川先后来到城阳区考察。"
# the model tags a short name opening a project, but without an enterprise or trade ending it is no name
SHAPELESS = f"总投资8亿元的{SHORT}精密轴承项目在胶州市开工。"
TRAINING_SENTENCES = [
    "胶州市与{0}签约新材料项目，总投资5亿元。",
    "总投资6亿元的{0}光伏组件项目在平度市开工。",
    "总投资10亿元的{0}电池项目落户即墨区。",
    "会上，{0}、{1}等企业与莱西市签约。",
    "总投资3亿元的{1}医疗器械项目在黄岛区签约。",
    "今年以来，{0}和{1}先后来到莱西市考察。",
    "总投资9亿元的{2}精密铸件项目在平度市开工。",
    "{2}和{1}先后在即墨区投资。",
]


def invented_items():
    """Labelled paragraphs: the brand and a second invented firm at every place they stand."""
    from zhaoyin.extractors.backends.training import COMPANY, find_all, longest_first

    items = []
    for template in TRAINING_SENTENCES:
        text = template.format(BRAND, "沐川", SHORT)
        spans = [(s, e, COMPANY) for name in (BRAND, "沐川", SHORT) for s, e in find_all(text, name)]
        items.append((text, longest_first(spans)))
    return items


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    from zhaoyin.extractors.backends.training import save_model, train_ner

    nlp, report = train_ner(invented_items(), iterations=30, seed=1)
    assert report.labels == {"COMPANY": 11}
    return save_model(nlp, tmp_path_factory.mktemp("ner-real"), report)


@pytest.fixture
def with_model(tiny_model, monkeypatch):
    monkeypatch.setenv("ZHAOYIN_NER_MODEL", str(tiny_model))
    clear_backend_cache()
    yield tiny_model
    clear_backend_cache()


def test_rules_plus_ner_is_a_backend_name():
    assert "rules+ner" in BACKEND_NAMES


@needs_spacy
def test_a_missing_model_says_how_to_train_it(tmp_path, monkeypatch):
    from zhaoyin.extractors.backends import get_backend

    monkeypatch.setenv("ZHAOYIN_NER_MODEL", str(tmp_path / "nothing-here"))
    clear_backend_cache()
    with pytest.raises(BackendUnavailable, match="train-ner --real"):
        get_backend("rules+ner")
    clear_backend_cache()


@needs_spacy
def test_the_trained_model_adds_the_company_the_rules_miss_and_its_project_gets_it(with_model):
    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.schemas import Document

    rules = extract(Document(source="a.txt", text=UNSEEN), backend="rules", strict=True)
    assert BRAND not in {c.canonical for c in rules.companies}
    assert [p.company for p in rules.projects] == [None]

    with_ner = extract(Document(source="a.txt", text=UNSEEN), backend="rules+ner", strict=True)
    assert BRAND in {c.canonical for c in with_ner.companies}
    assert [p.company for p in with_ner.projects] == [BRAND]


@needs_spacy
@pytest.mark.parametrize(("text", "name"), [(UNTYPED, BRAND), (SHAPELESS, SHORT)])
def test_a_model_span_without_context_or_name_shape_stays_out(with_model, text, name):
    from zhaoyin.extractors.backends.ner_backend import model_spans
    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.schemas import Document

    start = text.index(name)
    assert (start, start + len(name), "COMPANY") in model_spans(text)
    with_ner = extract(Document(source="a.txt", text=text), backend="rules+ner", strict=True)
    assert name not in {c.canonical for c in with_ner.companies}


def test_a_span_cut_inside_a_word_is_no_name():
    from zhaoyin.extractors.backends.ner_backend import on_word_bounds

    text = "胶州市成为投资热土。"
    assert not on_word_bounds(text, 0, 4)  # 胶州市成|为
    assert on_word_bounds(text, 0, 3)


@needs_spacy
def test_the_backend_gives_the_rules_mentions_and_the_models_companies(with_model):
    from zhaoyin.extractors.backends import get_backend

    mentions = get_backend("rules+ner").entities(UNSEEN)
    added = [m for m in mentions if m.source == "rules+ner"]
    assert [(m.text, m.label, m.start) for m in added] == [(BRAND, "company", UNSEEN.index(BRAND))]
    assert any(m.label == "district" and m.text == "胶州市" for m in mentions)


def test_places_bodies_and_projects_are_no_firm_names():
    from zhaoyin.extractors.backends.ner_backend import firm_name

    assert firm_name("胶州市") is None
    assert firm_name("胶州市商务局") is None
    assert firm_name("智能装备项目") is None
    assert firm_name(f"胶州市{SHORT}") == SHORT
    assert firm_name(BRAND) == BRAND


def test_the_model_learns_the_view_the_extractors_read():
    """A traditional-script text is labelled on its simplified view, where the gold canonical stands."""
    from zhaoyin.extractors.backends.training import COMPANY, labelled_view

    text = "會上，瀾翔集團與膠州市簽約。"
    gold = {"companies": [{"canonical": "澜翔集团", "mentions": ["瀾翔集團"]}]}
    view, spans = labelled_view(text, gold)
    assert view.startswith("会上,澜翔集团与胶州市")
    assert spans == [(3, 7, COMPANY)]


@needs_spacy
def test_train_ner_real_without_texts_exits_with_a_hint(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from zhaoyin.flows.cli import app

    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps({"doc": "a.txt", "companies": []}), "utf-8")
    monkeypatch.setenv("ZHAOYIN_REAL_DIR", str(tmp_path / "no-texts"))
    result = CliRunner().invoke(
        app, ["train-ner", "--real", "--gold", str(gold), "--out", str(tmp_path / "m")]
    )
    assert result.exit_code == 1
    assert "real-cache" in result.output
