"""Entity-swap augmentation for train-ner: invented names in place of the labelled ones."""

from __future__ import annotations

import random

import pytest

from zhaoyin.extractors.backends.augment import augment, name_maker, swap_entities
from zhaoyin.extractors.backends.lexicon import brand_companies, is_company_name, lexicon

TEXT = "青岛恒达新材料有限公司落户城阳区，恒达新材料有限公司计划在城阳区再建二期。"
SPANS = [(0, 11, "COMPANY"), (13, 16, "DISTRICT"), (17, 26, "COMPANY"), (29, 32, "DISTRICT")]


def test_spans_label_the_replacement_names_and_the_rest_of_the_text_stays():
    assert [TEXT[s:e] for s, e, _ in SPANS] == [
        "青岛恒达新材料有限公司",
        "城阳区",
        "恒达新材料有限公司",
        "城阳区",
    ]
    text, spans = swap_entities((TEXT, SPANS), random.Random(3))
    assert [label for _, _, label in spans] == ["COMPANY", "DISTRICT", "COMPANY", "DISTRICT"]
    names = [text[s:e] for s, e, _ in spans]
    assert "恒达" not in text and "城阳区" not in names
    assert names[1] == names[3]  # the same surface gets the same replacement
    # what lies between the entities is untouched
    between = [text[spans[i][1] : spans[i + 1][0]] for i in range(3)]
    assert between == ["落户", "，", "计划在"]
    assert text.endswith("再建二期。")


def test_replacements_are_company_names_and_gazetteer_districts():
    rng, maker = random.Random(0), name_maker()
    companies = [maker.company(rng) for _ in range(200)]
    brands = set(brand_companies())
    shaped = [c for c in companies if c not in brands]
    assert len(set(companies)) > 150
    assert all(is_company_name(c) or c.endswith(("股份", "科技")) for c in shaped)
    assert sum(is_company_name(c) for c in shaped) > 0.6 * len(shaped)
    districts = [maker.district(rng) for _ in range(50)]
    assert all(d in lexicon().districts for d in districts)


def test_augment_adds_copies_of_labelled_items_only_and_is_deterministic():
    items = [(TEXT, SPANS), ("今天是晴天。", [])]
    out = augment(items, 3, seed=7)
    assert out[:2] == items and len(out) == 2 + 3
    assert out == augment(items, 3, seed=7)
    assert out != augment(items, 3, seed=8)
    assert len({text for text, _ in out[2:]}) == 3


@pytest.mark.parametrize("copies", [0, 2])
def test_train_ner_reports_its_swapped_copies(copies):
    pytest.importorskip("spacy")
    from zhaoyin.extractors.backends.training import train_ner

    _, report = train_ner([(TEXT, SPANS), ("今天是晴天。", [])], iterations=1, augment=copies)
    assert report.texts == 2
    assert report.swapped_copies == copies
    assert report.labels["COMPANY"] == 2  # counts the given texts; the copies are on top
    assert report.examples == 2 + copies
