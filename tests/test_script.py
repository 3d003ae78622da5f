"""Script helpers: same-length simplified view, script detection, pinyin clean-up."""

from __future__ import annotations

from hostile import TRADITIONAL
from hypothesis import given, settings
from hypothesis import strategies as st

from zhaoyin.extractors.readers import read_document
from zhaoyin.extractors.script import clean_garbled_pinyin, is_traditional, simplified_view
from zhaoyin.schemas import RawDocument


def test_big5_text_gets_same_length_simplified_view():
    doc = read_document(RawDocument(data=TRADITIONAL.encode("big5"), source="big5.txt"))
    view = simplified_view(doc.text)
    assert len(view) == len(doc.text)
    assert view.startswith("青岛市崂山区签约重点项目十二个，总投资约一百亿元")
    start = view.index("崂山区")
    assert doc.text[start : start + 3] == "嶗山區"  # offsets found in the view index the original


def test_simplified_text_is_returned_unchanged():
    text = "青岛西海岸新区签约项目32个，总投资420亿元。"
    assert simplified_view(text) is text
    assert simplified_view("") == ""


def test_is_traditional():
    assert is_traditional(TRADITIONAL)
    assert not is_traditional(simplified_view(TRADITIONAL))
    assert not is_traditional("Qingdao 2024")
    assert not is_traditional("青岛市发展和改革委员会发布通知。")


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("乾隆皇帝頭髮發展臺灣著名後來鬱悶裡面麵條a1，。 \n瞭解") + ["\U00020000"]
        ),
        max_size=60,
    )
)
def test_simplified_view_never_changes_length(text):
    assert len(simplified_view(text)) == len(text)


def test_clean_garbled_pinyin():
    assert clean_garbled_pinyin("項(xiàng)目簽約") == "項目簽約"
    assert clean_garbled_pinyin("总投资（zǒng tóu zī）45亿元") == "总投资45亿元"
    assert clean_garbled_pinyin("青岛(Qingdao)和 GDP(国内生产总值)") == "青岛(Qingdao)和 GDP(国内生产总值)"
    assert clean_garbled_pinyin("项目(2024年)") == "项目(2024年)"
    # a gloss without tone marks, set off by the space after it
    assert (
        clean_garbled_pinyin("實際到位資金29.7億(yi) 元，記者從(cong) 某地")
        == "實際到位資金29.7億元，記者從某地"
    )
    assert clean_garbled_pinyin("岚华(lanhua)公司和(abc) 2020") == "岚华(lanhua)公司和(abc) 2020"


def test_variant_characters_t2s_keeps_are_read_as_their_standard_form():
    text = "平陽縣與陜西鑫遠鑛業有限公司簽訂合同"
    view = simplified_view(text)
    assert len(view) == len(text)
    assert view == "平阳县与陕西鑫远矿业有限公司签订合同"


def test_a_company_after_county_and_conjunction_starts_at_its_province_in_a_variant_spelling():
    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.schemas import Document

    text = "其中，平陽縣與陜西鑫遠礦業有限公司簽訂的鉬產業園項目合同書，總投資9.8億元。"
    extraction = extract(Document(doc_id="t", text=text, source="t.txt"))
    assert [c.mentions[0] for c in extraction.companies] == ["陜西鑫遠礦業有限公司"]


def test_a_traditional_report_in_taiwans_usage_reads_with_the_mainlands_words():
    text = "雲南集中開工重大專案共15個，施工面積超1平方公里的核心區。"
    view = simplified_view(text)
    assert len(view) == len(text)
    assert "重大项目共15个" in view and "核心区" in view
    assert simplified_view("专案组") == "专案组"  # a simplified text is left as it is


def test_taiwan_words_and_their_mainland_words_are_as_long():
    from zhaoyin.extractors import lang

    assert all(len(row["taiwan"]) == len(row["mainland"]) for row in lang.table("taiwan_words"))


def test_characters_simplified_text_writes_in_names_stay_in_the_view():
    assert simplified_view("岚州乾鼎航空项目签约，昇岚科技投产。") == "岚州乾鼎航空项目签约，昇岚科技投产。"
    assert simplified_view("岚州乾鼎航空項目簽約") == "岚州乾鼎航空项目签约"
