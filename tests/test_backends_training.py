"""Training the spaCy backend's `ner` (train-ner's logic and command) and loading it back."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spacy")

from zhaoyin.extractors.backends import clear_backend_cache, get_backend  # noqa: E402
from zhaoyin.extractors.backends.spacy_backend import SpacyBackend  # noqa: E402
from zhaoyin.extractors.backends.spacy_nlp import blank_zh, char_spans  # noqa: E402
from zhaoyin.extractors.backends.training import (  # noqa: E402
    TRAINING_INFO,
    find_all,
    longest_first,
    save_model,
    spans_from_gold,
    train_ner,
)

COMPANIES = [
    "青岛华海新能源科技有限公司",
    "上海云帆智能装备股份有限公司",
    "北京星河数据集团",
    "山东鲁强化工有限公司",
    "深圳海蓝生物技术有限公司",
    "杭州远景光电科技有限公司",
]
DISTRICTS = ["城阳区", "李沧区", "黄岛区", "胶州市", "平度市", "莱西市"]
TEXTS = [
    "青岛华海新能源科技有限公司落户城阳区，总投资20亿元，建设储能电池基地。",
    "李沧区与上海云帆智能装备股份有限公司签约，共建智能装备产业园。\n项目达产后年产值可达30亿元。",
    "黄岛区引进北京星河数据集团，打造区域数据中心。",
    "胶州市新签约山东鲁强化工有限公司年产5万吨新材料项目。",
    "平度市招引深圳海蓝生物技术有限公司，投资10亿元建设生物医药产业园。",
    "莱西市与杭州远景光电科技有限公司签署合作协议。\n当天还举行了重点项目集中开工仪式。",
]


def labelled(text):
    spans = [(s, e, "COMPANY") for name in COMPANIES for s, e in find_all(text, name)]
    spans += [(s, e, "DISTRICT") for name in DISTRICTS for s, e in find_all(text, name)]
    return text, longest_first(spans)


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory):
    nlp, report = train_ner([labelled(t) for t in TEXTS], iterations=30, seed=1)
    path = save_model(nlp, tmp_path_factory.mktemp("ner") / "model", report)
    return path, report


def test_training_report_counts_what_it_learned(trained_model):
    path, report = trained_model
    assert report.texts == len(TEXTS)
    assert report.labels == {"COMPANY": len(COMPANIES), "DISTRICT": len(DISTRICTS)}
    assert report.skipped_spans == 0
    assert len(report.losses) == 30 and report.losses[-1] < report.losses[0]
    info = json.loads((path / TRAINING_INFO).read_text(encoding="utf-8"))
    assert info["labels"] == report.labels
    assert (path / "config.cfg").is_file() and (path / "ner").is_dir()


def test_trained_model_loads_through_the_spacy_backend_and_returns_valid_spans(trained_model):
    path, _ = trained_model
    backend = SpacyBackend(path, ruler=False)  # the statistical ner alone
    assert backend.nlp.pipe_names == ["ner"]
    text = "莱西市与杭州远景光电科技有限公司签署合作协议。平度市引进苏州禾丰精密机械有限公司。"
    mentions = backend.entities(text)
    assert mentions, "a model trained on these sentences finds something in a sentence it saw"
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.label in {"company", "district"}
        assert m.source == "spacy"
    seen = TEXTS[0]
    found = {m.text for m in backend.entities(seen)}
    assert found & {"青岛华海新能源科技有限公司", "城阳区"}


def test_the_backend_loads_the_model_named_by_the_environment(trained_model, monkeypatch):
    path, _ = trained_model
    monkeypatch.setenv("ZHAOYIN_SPACY_MODEL", str(path))
    clear_backend_cache()
    backend = get_backend("spacy")
    assert backend.model_path == path
    assert backend.nlp.pipe_names == ["entity_ruler", "ner"]
    text = "城阳区签约青岛华海新能源科技有限公司。"
    labels = {(m.text, m.label) for m in backend.entities(text)}
    assert ("城阳区", "district") in labels and ("青岛华海新能源科技有限公司", "company") in labels
    clear_backend_cache()


def test_spans_off_token_boundaries_are_skipped():
    nlp = blank_zh()
    text = "青岛华海新能源科技有限公司落户城阳区"
    doc = nlp.make_doc(text)
    inside_a_word = (text.index("城阳区") + 1, text.index("城阳区") + 2, "DISTRICT")  # "阳" alone
    whole = (text.index("城阳区"), text.index("城阳区") + 3, "DISTRICT")
    spans, skipped = char_spans(doc, [whole, (0, 3, "COMPANY"), inside_a_word])
    texts = [s.text for s in spans]
    assert "城阳区" in texts
    assert skipped >= 1 and len(spans) + skipped == 3


def test_gold_mentions_become_every_occurrence_longest_first():
    text = "城阳区引进宁德时代。城阳新落地项目3个，宁德时代再投资。"
    gold = {
        "companies": [{"canonical": "宁德时代", "mentions": ["宁德时代"]}],
        "districts": [{"canonical": "城阳区", "mentions": ["城阳区", "城阳"]}],
    }
    spans = spans_from_gold(text, gold)
    assert [(text[s:e], label) for s, e, label in spans] == [
        ("城阳区", "DISTRICT"),
        ("宁德时代", "COMPANY"),
        ("城阳", "DISTRICT"),
        ("宁德时代", "COMPANY"),
    ]


def test_training_without_any_span_is_refused():
    with pytest.raises(ValueError, match="no entity spans"):
        train_ner([("今天天气很好。", [])], iterations=1)


# --- the command --------------------------------------------------------------------------------------


def test_train_ner_command_on_gold(tmp_path, cli):
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    for i, text in enumerate(TEXTS[:4]):
        (corpus / f"{i}.txt").write_text(text, encoding="utf-8")
        companies = [{"canonical": c, "mentions": [c]} for c in COMPANIES if c in text]
        districts = [{"canonical": d, "mentions": [d]} for d in DISTRICTS if d in text]
        record = {"doc": f"{i}.txt", "companies": companies, "districts": districts}
        (gold / f"{i}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "model"
    result = cli(
        "train-ner", "--gold", str(gold), "--corpus", str(corpus), "--out", str(out), "--iterations", "3"
    )
    assert result.exit_code == 0, result.output
    info = json.loads((out / TRAINING_INFO).read_text(encoding="utf-8"))
    assert info["texts"] == 4 and info["labels"]["COMPANY"] == 4
    assert SpacyBackend(out, ruler=False).has_statistical_ner


def test_train_ner_command_on_rules_labelled_documents(tmp_path, cli):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i, text in enumerate(TEXTS):
        (docs / f"{i}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "model"
    result = cli("train-ner", "--docs", str(docs), "--out", str(out), "--iterations", "2")
    assert result.exit_code == 0, result.output
    info = json.loads((out / TRAINING_INFO).read_text(encoding="utf-8"))
    assert info["texts"] == len(TEXTS) and info["spans"] > 0


def test_train_ner_command_needs_something_to_learn_from(cli):
    result = cli("train-ner")
    assert result.exit_code == 2
    assert "--docs" in result.output
