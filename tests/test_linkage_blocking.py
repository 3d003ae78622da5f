"""Blocking of project linkage: what can reach the threshold within a place shares a block, and a place full of
unrelated projects is not compared with a new row."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from zhaoyin.extractors.keys import generic_chars
from zhaoyin.warehouse.linkage import (
    Report,
    amount_buckets,
    name_grams,
    name_weight,
    probe_grams,
)
from zhaoyin.warehouse.resolution import NAME_GRAM_CANDIDATES, _blocks, _candidate_positions

# a small alphabet, so that drawn keys often resemble each other
_CHARS = "宁远新能源青岛澜湾冷链物流枢纽产业园基地一期研发中心"
keys = st.text(alphabet=_CHARS, min_size=1, max_size=12)


def _looks_up(a: Report, b: Report) -> bool:
    return not _blocks(a)[1].isdisjoint(_blocks(b)[0]) or not _blocks(b)[1].isdisjoint(_blocks(a)[0])


def _report(key: str | None, seq: int, **fields) -> Report:
    return Report(
        doc_id=f"doc{seq}",
        seq=seq,
        key=key,
        company_id=None,
        district="黄岛区",
        generic=generic_chars(key) or "",
        **fields,
    )


@given(keys, keys)
def test_keys_alike_enough_to_link_in_one_place_share_a_gram(a, b):
    if name_weight(a, b) < 4:
        return
    assert not name_grams(a).isdisjoint(name_grams(b))
    generic_a, generic_b = generic_chars(a), generic_chars(b)
    agree_on_specific = not (name_grams(a) & name_grams(b)) <= {
        g for g in name_grams(a) if set(g) <= set(generic_a)
    }
    if (
        agree_on_specific
        or probe_grams(a, generic_a) == name_grams(a)
        or probe_grams(b, generic_b) == name_grams(b)
    ):
        assert _looks_up(_report(a, 1), _report(b, 2))


@given(st.floats(min_value=1.0, max_value=1e12), st.floats(min_value=0.0, max_value=0.01))
def test_amounts_within_one_percent_share_a_bucket(amount, off):
    other = amount * (1 - off)
    assert set(amount_buckets(amount)) & set(amount_buckets(other))
    assert math.isclose(amount, other, rel_tol=0.0101)


def test_a_place_alone_is_no_block_but_a_name_or_an_amount_within_it_is():
    new = _report("澜湾冷链物流枢纽", 1, amount=1.0e8, currency="CNY")
    unrelated = _report("远洋渔业加工", 2, amount=5.2e8, currency="CNY")
    renamed = _report("澜湾冷链物流基地", 3, amount=3.0e9, currency="CNY")
    same_amount = _report("海洋装备", 4, amount=1.005e8, currency="CNY")
    elsewhere = Report(doc_id="doc5", seq=5, key="渔业加工", company_id=None, district="即墨区")
    assert not _looks_up(new, unrelated)
    assert _looks_up(new, renamed)
    assert _looks_up(new, same_amount)
    assert not _looks_up(unrelated, elsewhere)  # a name inside the other, but in another county
    assert _looks_up(unrelated, _report("渔业加工", 6))


def test_a_generic_name_is_looked_up_by_all_its_grams():
    generic = _report("产业园基地", 1)
    specific = _report("澜湾产业园基地", 2)
    assert probe_grams("产业园基地", generic_chars("产业园基地")) == name_grams("产业园基地")
    assert probe_grams("澜湾产业园基地", generic_chars("澜湾产业园基地")) < name_grams("澜湾产业园基地")
    assert _looks_up(generic, specific)


def test_keys_sharing_only_their_facility_word_are_not_alike():
    assert name_weight("电驱动系统产业园", "智能仪表产业园") < 0
    assert name_weight("宁远储能电池产业园", "宁远储能电池生产基地") > 0


def test_a_crowded_name_gram_is_compared_through_the_reports_sharing_most_grams():
    new = _report("澜湾冷链物流枢纽", 0)
    # 100 stored reports of the place sharing one gram of the new name, then one sharing most of them
    crowd = [_report(f"冷链{chr(0x4E00 + i)}{chr(0x4F00 + i)}", i) for i in range(100)]
    close = _report("澜湾冷链物流中心", 100)
    same_company = _report("其他工程", 101)
    new.company_id = same_company.company_id = "c1"
    members = [*crowd, close, same_company]
    by_block: dict[tuple, set[int]] = {}
    for position, member in enumerate(members):
        for block in _blocks(member)[0]:
            by_block.setdefault(block, set()).add(position)
    recency = [(date(2024, 1, 1), m.doc_id, m.seq) for m in members]

    compared = _candidate_positions(_blocks(new)[1], by_block, recency)

    assert members.index(close) in compared
    assert members.index(same_company) in compared  # its company: always compared
    assert len(compared) == NAME_GRAM_CANDIDATES + 1
