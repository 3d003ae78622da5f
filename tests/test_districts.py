"""Districts, county cities, new areas and zones: short forms, context, other cities."""

from __future__ import annotations

import pytest

from zhaoyin.extractors.districts import document_city, find_districts
from zhaoyin.extractors.pipeline import extraction_view
from zhaoyin.extractors.script import simplified_view
from zhaoyin.extractors.text import halfwidth


def districts_of(text: str):
    found, city = find_districts(halfwidth(text))
    return {d.canonical: d for d in found}, city


def canonicals(text: str) -> set[str]:
    return set(districts_of(text)[0])


def test_full_names_carry_code_kind_city_and_spans():
    text = "今年一季度，市北区新落地项目31个，胶州市、即墨区签约项目增加。"
    found, city = districts_of(text)
    assert city == "青岛市"
    assert found["市北区"].admin_code == "370203" and found["市北区"].kind == "district"
    assert found["胶州市"].kind == "county_city" and found["胶州市"].admin_code == "370281"
    for district in found.values():
        assert all(text[s.start : s.end] in district.mentions for s in district.spans)


def test_short_forms_resolve_only_in_their_city():
    found, _ = districts_of("青岛市城阳区加快招商，一批好项目落户城阳，平度发展势头良好。")
    assert set(found["城阳区"].mentions) == {"城阳区", "城阳"}
    assert found["平度市"].mentions == ["平度"]
    found, city = districts_of("成都市武侯区、锦江区联合招商，城阳一词在此与青岛无关。")
    assert city == "成都市"
    assert "城阳区" not in found and "武侯区" in found


def test_a_street_named_after_a_place_is_not_the_place():
    found, _ = districts_of("青岛市市南区的企业搬到平度路和即墨路。")
    assert "市南区" in found
    assert "平度市" not in found and "即墨区" not in found


def test_city_prefix_glued_to_a_district_name():
    found, _ = districts_of("青岛市南区、青岛市北区的企业代表参会。")
    assert {"市南区", "市北区"} <= set(found)


def test_same_name_in_several_cities_follows_the_document_city():
    found, city = districts_of("南京市鼓楼区今年签约项目20个，南京市玄武区也在发力。")
    assert city == "南京市"
    assert found["鼓楼区"].admin_code == "320106"
    found, city = districts_of("福州市鼓楼区、福州市台江区联合招商。")
    assert found["鼓楼区"].city == "福州市"


def test_new_areas_and_their_bare_forms():
    found, _ = districts_of("青岛西海岸新区干部群众表示，新区将进一步提升开放能级；西海岸新区招引项目。")
    area = found["青岛西海岸新区"]
    assert area.kind == "new_area" and area.admin_code == "370211"
    assert {"青岛西海岸新区", "新区", "西海岸新区"} <= set(area.mentions)
    found, _ = districts_of("南京市江北新区加快建设，新区引进项目12个。")
    assert found["南京江北新区"].mentions == ["江北新区", "新区"]
    found, _ = districts_of("上海市浦东新区招商引资成效明显。")
    assert found["浦东新区"].kind == "new_area"


def test_bare_new_area_needs_a_word_boundary():
    found, _ = districts_of("青岛市崂山区高新区建设加快。")
    assert "青岛西海岸新区" not in found


def test_free_trade_zone_areas_and_aliases():
    found, _ = districts_of("青岛自贸片区以深化改革为契机，上合示范区建设提速。")
    ftz = found["中国（山东）自由贸易试验区青岛片区"]
    assert ftz.kind == "zone" and ftz.admin_code is None and ftz.city == "青岛市"
    assert found["中国—上海合作组织地方经贸合作示范区"].mentions == ["上合示范区"]
    found, _ = districts_of("厦门市思明区企业入驻，福建自贸试验区厦门片区再添新项目。")
    assert "中国（福建）自由贸易试验区厦门片区" in found


def test_development_zones_abbreviated_and_written_out():
    found, _ = districts_of("郑州高新区、郑州经开区和郑州航空港经济综合实验区共签约项目45个。")
    assert {"郑州高新技术产业开发区", "郑州经济技术开发区", "郑州航空港经济综合实验区"} <= set(found)
    assert all(d.kind == "zone" for d in found.values())


def test_zones_the_gazetteer_does_not_list():
    text = (
        "推动申报董家口综合保税区，高标准建设青岛国际招商产业园，高水平建设中日（青岛）地方发展合作示范区。"
    )
    found, _ = districts_of(text)
    assert "董家口综合保税区" in found
    assert "青岛国际招商产业园" in found
    assert "中日(青岛)地方发展合作示范区" in found  # the extraction view is half-width


def test_part_of_a_zone_named_after_a_district():
    found, _ = districts_of("青岛市平度市招商引资。项目在临空经济示范区平度片区落地生根。")
    assert "临空经济示范区平度片区" in found
    assert "平度市" in found


def test_document_city_is_the_most_mentioned():
    assert document_city("杭州市西湖区、杭州市滨江区与宁波市海曙区") == "杭州市"
    assert document_city("没有地名的句子") is None


def test_no_places_no_districts():
    assert find_districts("") == ([], None)
    assert find_districts("和平与发展是时代主题。") == ([], None)


def test_a_city_named_just_before_decides_a_shared_district_name():
    found, city = find_districts("合肥市蜀山区今年招商。深圳市南山区引进项目，南山区发展好。")
    assert city == "合肥市"
    nanshan = next(d for d in found if d.canonical == "南山区")
    assert nanshan.city == "深圳市" and nanshan.admin_code == "440305"
    assert len(nanshan.spans) == 2


def test_national_zone_short_forms_of_other_cities():
    found, _ = districts_of("无锡市近日召开大会，张家港开发区与常熟高新区、萧山经开区的企业代表参加。")
    assert "张家港经济技术开发区" in found and found["张家港经济技术开发区"].city == "苏州市"
    assert found["张家港经济技术开发区"].mentions == ["张家港开发区"]
    assert "常熟高新技术产业开发区" in found and "萧山经济技术开发区" in found


def test_a_county_name_inside_an_everyday_word_is_no_hit():
    found, _ = districts_of("延安市宝塔区持续丰富县域旅游业态，完善县域商业体系。")
    assert "富县" not in found and "宝塔区" in found


def test_unlisted_zone_with_only_generic_words_is_named_after_its_city():
    text = "武汉市持续扩大开放。今年，临空综保区新引进企业12家；在光明国际生物城，生物城新落地项目5个。"
    found, city = districts_of(text)
    assert city == "武汉市"
    assert "武汉临空综合保税区" in found  # 综保区 has one full form
    zone = next(d for name, d in found.items() if name.endswith("生物城"))
    assert "生物城" in zone.mentions  # the bare form later on refers back to it


def test_an_unlisted_zone_written_short_is_named_as_its_abbreviation_allows():
    # every national 经济技术开发区 is listed: a place's unlisted 经开区 is its provincial 经济开发区
    found, _ = districts_of("六安市霍邱县招商引资成效明显，霍邱经开区一季度新签约项目8个。")
    assert "霍邱经济开发区" in found and "霍邱经开区" in found["霍邱经济开发区"].mentions
    assert "霍邱经济技术开发区" not in found
    # 高新区 may be a 高新技术产业开发区 or a 高新技术产业园区: the name as written
    found, _ = districts_of("太原市今年签约的芯片项目落地中北高新区。")
    assert "中北高新区" in found
    found, _ = districts_of("合肥市今年签约的芯片项目落地合肥经开区。")  # listed: the official name
    assert "合肥经济技术开发区" in found


def test_a_name_after_a_word_ending_in_its_first_character_is_still_found():
    found, _ = districts_of("结合成都高新区实际制定本政策，整合和平区资源。")
    assert "成都高新技术产业开发区" in found


def test_a_bare_park_refers_back_to_the_park_named_just_before():
    text = (
        "南京市江宁区与某集团共建的江宁智能制造产业园今年新入驻企业20家。园区二期厂房正在建设。"
        "会议要求大力开展产业链招商、园区招商。"
    )
    found, _ = districts_of(text)
    park = found["江宁智能制造产业园"]
    assert park.mentions == ["江宁智能制造产业园", "园区"]
    assert len(park.spans) == 2  # 园区招商 in a list of kinds of promotion is no mention


def test_a_city_name_before_an_everyday_word_is_not_a_district_of_that_name():
    # 西安区 is a district of 辽源市 and 牡丹江市; 西安区域总部 is a regional headquarters in Xi'an
    found = canonicals("陕西省西安市雁塔区签约万科西安区域总部项目。")
    assert "西安区" not in found and "雁塔区" in found
    assert "城阳区" in canonicals("青岛市城阳区域内新签约项目5个。")  # a district's own area stays


def test_a_park_that_is_the_project_is_not_where_the_project_lands():
    found = canonicals("天津市西青区开工天津海川生物医药产业园项目，湖州智慧物流园二期项目同日开工。")
    assert found == {"西青区"}
    assert "天津海川生物医药产业园" in canonicals("天津海川生物医药产业园开园，首批企业入驻。")


def test_a_city_new_area_with_a_name_of_its_own():
    assert "宁波翠湖新区" in canonicals("吉利汽车在宁波翠湖新区投资建设智能工厂。")
    assert canonicals("青岛市城阳区新区建设加快，青岛新区规划获批。") == {"城阳区"}
    assert "西安国际港务区" in canonicals("西安市丰树物流项目在西安国际港务区开工。")


def test_a_city_without_counties_is_still_a_city():
    found, city = districts_of("项目落户东莞滨海湾新区，东莞市今年签约项目18个。")
    assert city == "东莞市" and "东莞滨海湾新区" in found


def test_henan_industrial_cluster_zone_after_a_county():
    found, _city = districts_of("郑州市中牟汽车产业集聚区新引进零部件项目5个。")
    assert "中牟汽车产业集聚区" in found


def test_a_verb_before_an_unlisted_zone_is_not_part_of_its_name():
    found, _ = districts_of("太原市今年签约的芯片项目总投资50亿元，落地中北高新区。")
    assert "中北高新区" in found and not any(name.startswith("落地") for name in found)


def test_a_two_character_county_far_from_the_report_is_a_phrase():
    found, _ = districts_of("湖北省襄阳市保康县实施生态立县、旅游兴县、工业强县战略，保康县新签约项目5个。")
    assert "保康县" in found and "兴县" not in found


def test_a_zone_name_may_open_with_its_province():
    found, _ = districts_of("楚雄州牟定县招商成效明显，云南牟定产业园区管委会挂牌成立。")
    assert "云南牟定产业园区" in found and "牟定产业园区" not in found


def test_a_zone_in_the_slot_of_where_something_lands_is_a_place():
    text = "配套项目可入驻竹制品产业园标准厂房；华禾公司计划在兴德开发区建设饲料项目，另一项目落地云盂产业新城核心区。"
    found = canonicals(text)
    assert {"竹制品产业园", "兴德开发区", "云盂产业新城核心区"} <= found


def test_a_verb_or_a_project_in_the_slot_is_no_zone():
    assert canonicals("各地在推动产业园建设上下功夫，企业在云谷产业园项目中投入资金。") == set()


def test_a_zone_in_the_slot_needs_a_name_of_its_own():
    text = "株洲市招商。企业在全市产业园区、在重点产业园区、在生物医药产业园和在县经济开发区建设厂房。"
    assert canonicals(text) == set()


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("今年以来，沧州市实际利用外资增长13.2%，其中，渤海新区利用外资额位居全市第一。", "沧州渤海新区"),
        ("邯郸市招商引资成效明显，冀南新区新签约项目12个。", "邯郸冀南新区"),
    ],
)
def test_a_zone_registered_under_its_citys_name_is_found_without_it_in_the_citys_report(text, zone):
    assert zone in canonicals(text)


def test_a_stem_listed_between_divisions_of_one_city_is_a_division():
    found = canonicals("重庆市分别与两江新区、南岸、渝北、永川等区县建立联合招商团队。")
    assert {"南岸区", "渝北区", "永川区"} <= found
    assert "南岸区" not in canonicals("重庆市在长江南岸建设滨江公园。")


def test_a_zones_name_starts_after_a_date():
    assert canonicals("28日，2023年度洋浦经济开发区重点项目集中投产和开工仪式举行。") == {"洋浦经济开发区"}


def test_a_former_county_name_is_a_place_with_its_successors_code():
    found, _ = districts_of("2010年，望城县招商引资再创佳绩，县委、县政府出台扶持政策。")
    assert found["望城县"].kind == "county" and found["望城县"].city == "长沙市"
    assert found["望城县"].admin_code == found_code("望城区")


def found_code(name: str) -> str | None:
    return next(iter(districts_of(f"{name}招商。")[0].values())).admin_code


def test_every_former_division_has_its_successor_in_the_gazetteer():
    from zhaoyin.extractors import lang
    from zhaoyin.extractors.gazetteer import gazetteer

    for row in lang.table("former_admin_divisions"):
        assert gazetteer().places_named(row["name"]), row  # 胶南市 is the new area that took 黄岛区 over


def test_a_county_named_only_inside_its_zones_name_is_not_a_place_of_the_report():
    zone_only = "潍坊市签约。潍坊昌乐经济开发区与华禾智造有限公司签署了装备项目。"
    assert canonicals(zone_only) == {"潍坊昌乐经济开发区"}
    also_alone = zone_only + "昌乐县另有3个项目开工。"
    assert "昌乐县" in canonicals(also_alone)


def test_an_unknown_item_of_a_list_of_places_ending_like_a_zone_is_a_zone():
    listed = "株洲市。3月5日，醴陵市、攸县、云岭会展区举行集中开工仪式，项目落地株洲云岭会展区。"
    found, _ = districts_of(listed)
    assert {"醴陵市", "攸县", "株洲云岭会展区"} <= set(found)
    assert found["株洲云岭会展区"].mentions == ["云岭会展区", "株洲云岭会展区"]
    parallel = (
        "株洲市签约。醴陵市签约项目6个，总投资8亿元；攸县签约项目4个；湘鹭产业园签约项目5个，总投资3亿元。"
    )
    assert "湘鹭产业园" in canonicals(parallel)


def test_a_list_of_functional_areas_is_no_list_of_places():
    assert canonicals("株洲市某项目将建设研发区、生活区、仓储区三大功能区。") == set()


def test_a_park_before_its_projects_signed_together_is_where_they_are():
    assert "醴陵云岭工业园区" in canonicals("株洲市醴陵云岭工业园区项目集中签约仪式举行。")
    assert "醴陵云岭工业园区" not in canonicals("株洲市醴陵云岭工业园区项目开工。")  # the park is the project


def test_the_reports_province_may_open_an_unlisted_zones_name():
    text = "鞍山市海城市发展电商。辽宁云柳电子商务产业园内，主播介绍特产。"
    assert "辽宁云柳电子商务产业园" in canonicals(text)


def test_a_city_written_whole_before_a_zone_in_the_slot_is_context_not_name():
    found = canonicals("华禾电池生产基地项目在苏州市昆山经济技术开发区正式开工建设。")
    assert "昆山经济技术开发区" in found and "苏州市昆山经济技术开发区" not in found


def test_bare_jingkaiqu_in_a_county_list_is_the_citys_only_economic_development_zone():
    text = (
        "邢台市在本次推介会上共签约项目18个。分县（区）看，信都区3个，宁晋县4个，"
        "威县2个，经开区6个，投资总额9.5亿元。"
    )
    assert "邢台经济开发区" in canonicals(text)  # (registered as 河北邢台经济开发区)


def test_where_an_event_is_held_does_not_make_the_document_city():
    held = "5月10日，兰州（深圳）投资推介会在深圳市福田区举行。会上，兰州市共签约项目18个，总投资96亿元。"
    assert document_city(held) == "兰州市"
    visiting = "兰州市赴香港招商。5月10日，兰州—香港经贸合作交流会在香港举行，本次活动共签约项目18个。"
    assert document_city(visiting) == "兰州市"


def test_a_zone_written_after_its_city_in_full_is_the_same_zone():
    assert "兰州高新技术产业开发区" in canonicals("兰州市高新区、永登县分别签约项目5个、4个。")


def test_a_zone_after_a_place_and_de_in_the_located_slot():
    assert {"永登县", "青岚产业园"} <= canonicals("项目落户于永登县的青岚产业园，总投资5亿元。")
    assert "汉江之滨青岚工业园区" not in canonicals("今天在美丽的汉江之滨青岚工业园区举行项目集中签约仪式。")


def test_an_industrial_concentration_zone_is_a_zone():
    found = canonicals("项目选址位于永登县青岚工业集中区，总投资5亿元。")
    assert any(name.endswith("青岚工业集中区") for name in found)


def test_zones_ending_in_a_park_area_an_export_zone_or_an_airport_economy_are_whole():
    """物流园区 is not 物流园 with a stray 区; 出口加工区, 临空经济区, 工业集聚区 are zones like the others."""
    cases = {
        "近日，项目签约落户岳阳城陵矶现代物流园区，总投资5亿元。": "岳阳城陵矶现代物流园区",
        "该项目位于宜宾市叙州区农业科技园区。": "叙州区农业科技园区",
        "一批企业入驻梁园化工园区。": "梁园化工园区",
        "项目落户岳阳城陵矶出口加工区。": "岳阳城陵矶出口加工区",
        "鄂州临空经济区签约项目3个。": "鄂州临空经济区",
        "项目选址在叙州区工业集聚区。": "叙州区工业集聚区",
        "项目落户岳阳城陵矶临港产业区。": "岳阳城陵矶临港产业区",
    }
    for text, zone in cases.items():
        found, _ = districts_of(text)
        assert zone in found, (text, set(found))
        assert found[zone].kind == "zone"
    # a slogan of what a region should become is no zone
    assert not any(d.endswith("先行区") for d in canonicals("打造西部改革开放先行区。"))


def test_short_names_in_a_list_its_head_types_as_places_resolve_away_from_their_city():
    """于都、瑞金、会昌等地: 等地 says the items are places, so a short name is its county even in a report
    about another city of the province; the same name alone, away from its city, stays unread."""
    found = canonicals("今年以来，南昌县签约项目20个，于都、瑞金、会昌等地也相继举行签约活动。")
    assert {"南昌县", "于都县", "瑞金市", "会昌县"} <= found
    assert {"宁乡市", "浏阳市"} <= canonicals("宁乡、浏阳两地今年共引进项目45个。")
    assert {"浏阳市", "宁乡市"} <= canonicals("湖南省长沙县与浏阳、宁乡等县市签约项目共计96个。")
    assert "进贤县" in canonicals("在进贤等县区，一批项目加快建设。")
    assert "于都县" not in canonicals("今年以来，南昌县代表团先后赴于都考察学习。")


def test_an_autonomous_prefecture_is_known_by_its_place_name_and_zhou():
    assert document_city("黔东南州招商引资推进会召开，台江县签约项目5个。") == "黔东南苗族侗族自治州"
    assert document_city("本报讯 阿坝州今年前5个月新签约项目30个。") == "阿坝藏族羌族自治州"
    assert document_city("今年以来，恩施州新签约项目120个。") == "恩施土家族苗族自治州"
    assert document_city("西双版纳招商推介会在昆明举行。") == "西双版纳傣族自治州"
    # its bare place name is the prefecture too, not its seat; 海南 stays the province, 海西 the Strait's west
    assert document_city("楚雄招商推介会在昆明举行，签约项目12个。") == "楚雄彝族自治州"
    assert document_city("2023年新疆·昌吉产业招商恳谈会在昌吉召开。") == "昌吉回族自治州"
    assert document_city("海南自由贸易港建设提速，签约项目12个。") != "海南藏族自治州"
    assert document_city("福州市海西高新技术产业园签约项目3个。") == "福州市"
    assert document_city("岚钧公司年产100万平方米大理石板材项目签约。") is None  # 大理石 is marble
    # 海南州 is not the province, 巴州 stays 巴州区's short form
    assert document_city("海南州共和县签约项目3个。") == "海南藏族自治州"
    _, city = districts_of("巴中市巴州区签约项目3个。")
    assert city == "巴中市"


def test_a_park_a_company_owns_or_builds_is_its_project_not_a_zone():
    assert not any(c.endswith("产业园") for c in canonicals("宁德时代宜宾动力电池产业园位于宜宾市叙州区。"))
    assert not any(c.endswith("产业园") for c in canonicals("中国建材集团蚌埠玻璃工业设计研究院产业园揭牌。"))
    text = "由四川某某集团投资建设的宜宾某某智能制造产业园正式投产。"
    assert not any(c.endswith("产业园") for c in canonicals(text))
    # a park after a place, with no company before it, stays a zone
    assert "兰山区某某电商产业园" in canonicals("临沂市兰山区某某电商产业园入驻企业50家。")
    assert "叙州区" in canonicals("宁德时代宜宾动力电池产业园位于宜宾市叙州区。")


def test_a_bare_zone_name_opening_the_items_of_a_breakdown():
    found = canonicals("今年以来，南昌市新签约项目60个，其中高新区7个、进贤县4个、安义县2个。")
    assert {"南昌高新技术产业开发区", "进贤县", "安义县"} <= found
    found = canonicals("今年以来，南昌市新签约项目60个，包括高新区7个。")
    assert "南昌高新技术产业开发区" in found


def test_a_short_county_name_right_after_its_own_province():
    assert {"沭阳县", "邹平市"} <= canonicals("近日，来自江苏沭阳、山东邹平的企业家到南昌市考察。")
    assert "于都县" in canonicals("近日，江西于都举办招商推介会。")
    assert "浏阳市" in canonicals("湖南浏阳烟花产业园项目签约落户。")
    # after another province the short name is not read so
    assert "于都县" not in canonicals("近日，湖南于都路上新开一家店。")


def test_a_county_opening_a_listed_zones_name_is_the_zones_not_a_place_of_its_own():
    listed = "临汾市集中签约仪式上，洪洞经济技术开发区光伏项目，古县经济技术开发区新材料项目，翼城产业集聚区钢材项目签约。"
    assert canonicals(listed) == {"洪洞经济技术开发区", "古县经济技术开发区", "翼城产业集聚区"}
    traditional = "臨汾市簽約儀式上，洪洞經濟技術開發區光伏項目，古縣經濟技術開發區新材料項目簽約。"
    assert not {"洪洞县", "古县"} & canonicals(traditional)
    also_alone = listed + "洪洞县另有3个项目开工。"
    assert "洪洞县" in canonicals(also_alone)


def test_a_known_companys_park_after_a_place_is_its_project_not_a_zone():
    for text in (
        "南宁市签约活动中，兴宁区京东电商产业园二期项目签约。",
        "合肥市蜀山区腾讯云计算产业园及配套项目开工。",
    ):
        found = canonicals(text)
        assert not any(name.endswith("产业园") for name in found), found
    assert "青岛西海岸电商产业园" in canonicals("青岛西海岸电商产业园新引进项目12个。")


def test_a_name_whose_first_character_ends_an_everyday_word_is_read_from_the_next_one():
    # 位于都江堰: 于都 (a county of Ganzhou) overlaps 都江堰; the report's verb 位于 takes the 于
    assert canonicals("成都市签约，该项目位于都江堰经济开发区，总投资5亿元。") == {"都江堰经济开发区"}
    assert "于都县" not in canonicals("成都市簽約，該項目位於都江堰經濟開發區。")
    # 位于洪湖: no zone named after 于洪 (a district of Shenyang)
    found = canonicals("荆州市签约，项目分别位于洪湖经济开发区和监利经济开发区。")
    assert not any(name.startswith("于洪") for name in found)


def test_a_national_zone_is_called_after_its_own_name_as_an_area_of_its_city():
    found, _ = districts_of("威海临港区8个项目集中开工。威海临港区管委会负责人出席。")
    assert set(found) == {"威海临港经济技术开发区"}
    assert "威海临港经济技术开发区" in canonicals(extraction_view("威海臨港區8個項目集中開工。"))
    # a district of the city keeps its own name (天津西青区 is 西青区, not the zone named after it)
    assert canonicals("天津西青区新签约项目5个。") == {"西青区"}


def test_a_report_that_opens_with_a_countys_short_name_holding_the_event_is_about_that_county():
    found, city = districts_of(
        "本报5月8日讯 12日上午，沂水举行16个重点项目集中开工仪式，总投资86亿元。沂水将加快建设。"
    )
    assert city == "临沂市" and set(found) == {"沂水县"}
    assert set(found["沂水县"].mentions) == {"沂水"}
    found, city = districts_of(extraction_view("本報訊 沂水舉行16個重點項目集中開工儀式。"))
    assert set(found) == {"沂水县"}
    # the short name alone, not holding anything, stays no place
    assert canonicals("专家说，沂水的风光很好。") == set()


def test_a_provinces_whole_free_trade_zone_is_a_place_of_its_own():
    found, _ = districts_of("香港客商踊跃。1月至3月，陕西自贸试验区新设外商投资企业22家。")
    assert set(found) == {"中国（陕西）自由贸易试验区"}
    assert found["中国（陕西）自由贸易试验区"].province == "陕西省"
    assert "中国（湖南）自由贸易试验区" in canonicals(extraction_view("湖南自貿區新設企業120家。"))
    # an area of it stays the area
    assert canonicals("西安市签约，陕西自贸试验区中心片区新落户项目8个。") == {
        "中国（陕西）自由贸易试验区中心片区"
    }


def test_a_company_naming_its_park_after_a_region_and_a_place_owns_the_park():
    for text in (
        "天津市签约，腾讯京津冀武清云计算产业园、百度长三角嘉定智能科技园落地。",
        "天津市簽約，騰訊京津冀武清雲計算產業園落地。",
    ):
        found = canonicals(extraction_view(text))
        assert not any(name.endswith("园") for name in found), found
    assert "武清云计算产业园" in "".join(canonicals("天津市签约，项目落户武清云计算产业园。"))


def test_the_places_a_route_joins_are_no_places_of_the_report():
    text = "通辽市集中开工，开鲁县新材料项目开工；集宁至阿荣旗联络线、通辽至鲁北高速公路同时开工。"
    found = canonicals(text)
    assert "开鲁县" in found and "阿荣旗" not in found, found
    assert "阿荣旗" not in canonicals(extraction_view("通遼市開工，集寧至阿榮旗聯絡線開工。"))
    assert "阿荣旗" in canonicals("呼伦贝尔市签约，阿荣旗新签项目5个。")


def test_who_publishes_and_where_investment_comes_from_do_not_make_the_reports_city():
    text = (
        "原标题：陕西利用外资增长。来源国中排在前三位的分别是香港、韩国、日本。香港在陕新设外商投资企业20家。"
    )
    assert document_city(text) is None
    assert document_city(extraction_view("香港文匯報訊（記者 王某）青島市城陽區新簽約項目12個。")) == "青岛市"
    assert document_city("香港文汇报讯 近日，香港特区政府举办投资推介会，香港新增初创企业300家。") == "香港"


def test_an_industrial_area_after_a_known_place_is_a_zone():
    found = canonicals("上海市签约。开年以来，金山工业区已经有5个项目成功签约，总投资34亿元。")
    assert "金山工业区" in found, found
    assert "金山工业区" in canonicals(
        extraction_view("上海市簽約。開年以來，金山工業區已經有5個項目成功簽約。")
    )


def test_a_county_with_its_zone_in_brackets_gives_both_and_no_zone_running_through_the_bracket():
    for text in (
        "即墨区(青岛某某经开区)本次集中开工项目共30个。",
        "山东省即墨区（蓝湾经开区）今年签约项目18个，即墨区（蓝湾经开区）将继续发力。",
        "即墨區（藍灣經開區）今年簽約項目18個。",
    ):
        from zhaoyin.extractors.script import simplified_view

        names = canonicals(simplified_view(text))
        assert "即墨区" in names, names
        assert not any("(" in n or "（" in n for n in names), names


def test_a_park_followed_by_the_work_done_on_it_then_project_is_a_project():
    for text in (
        "胶州市举行集中开工。投资5000万元的山东星澜物流园建设项目开工。",
        "胶州市领导来到青岛禾川科技有限公司电子产业园研发生产建设项目现场。",
        "膠州市領導來到青島禾川科技有限公司電子產業園研發生產建設項目現場。",
    ):
        from zhaoyin.extractors.script import simplified_view

        names = canonicals(simplified_view(text))
        assert names == {"胶州市"}, names


def test_a_chemical_park_ends_its_name_before_what_is_said_of_it():
    for text in (
        "稳步推进即墨化工园成功获批省级化工园区。",
        "即墨化工园顺利通过省级认定，即墨化工园区继续扩容。",
    ):
        names = canonicals(text)
        assert "即墨化工园" in names and not any(n.startswith("即墨化工园") and len(n) > 6 for n in names), (
            names
        )


def test_a_one_character_county_is_no_place_where_its_suffix_opens_a_word():
    for text in (
        "在市委市政府和县委的坚强领导下，胶州市全年签约项目40个。",
        "在市委市政府和县委的领导下，胶州市签约项目40个。",
    ):
        assert canonicals(text) == {"胶州市"}, canonicals(text)
    assert "和县" in canonicals("马鞍山市和县今年签约项目8个。")


def test_a_short_place_name_in_a_list_of_people_after_their_title_is_a_given_name():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "项目开工仪式举行，县领导龚云林、康文化参加。",
        "项目开工仪式举行，市领导张和平、李云林出席。",
        "項目開工儀式舉行，縣領導龔雲林、康文化參加。",
    ):
        assert canonicals(simplified_view(text)) == set(), canonicals(simplified_view(text))
    assert canonicals("项目开工仪式举行，市领导到云林调研。") == {"云林县"}


def test_a_park_that_a_list_types_as_a_project_is_no_zone_wherever_it_is_named():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "胶州市举行签约仪式，现场签约的胶州星澜科技城和胶州禾川临空产业园两大项目投资均超过300亿元。",
        "本次集中开工的重点项目包括胶州国际陆港枢纽产业园(星澜电商物流中心)、胶州禾川冷链物流园(一期)等。",
        "胶州禾川冷链物流园、胶州星澜科技城等6个项目集中开工。位于胶州市的胶州星澜科技城总投资50亿元。",
        "本次集中開工的重點項目包括膠州國際陸港樞紐產業園（星瀾電商物流中心）、膠州禾川冷鏈物流園（一期）等。",
    ):
        names = canonicals(simplified_view(text))
        assert not any(n.endswith(("科技城", "产业园", "物流园")) for n in names), names
    # a list closed by a count it does not give (等一批项目, 等多个项目) types its items so too
    for text in (
        "胶州市上半年招商提速，胶州星澜科技城等一批项目签约落地。",
        "胶州市上半年招商提速，胶州禾川冷链物流园等多个项目开工。",
        "膠州市上半年招商提速，膠州星瀾科技城等一批項目簽約落地。",
    ):
        names = canonicals(simplified_view(text))
        assert not any(n.endswith(("科技城", "物流园")) for n in names), names
    # a zone signing with a firm (甲开发区与某公司签署了某项目) stays a zone
    names = canonicals("胶州市。胶州星澜产业园与禾川科技有限公司签署了现代装备制造项目。")
    assert "胶州星澜产业园" in names, names


def test_a_zone_named_only_in_the_title_of_a_plan_is_no_place_of_the_report():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "海口市商务厅获悉，《海南自由贸易港建设总体方案》公布以来，新设外资企业增长。",
        "海口市商務廳獲悉，《海南自由貿易港建設總體方案》公布以來，新設外資企業增長。",
    ):
        assert canonicals(simplified_view(text)) == set(), canonicals(simplified_view(text))
    # the free trade port is the whole province, no area below a city
    assert "海南自由贸易港" not in canonicals("海口市商务厅获悉，海南自由贸易港建设加快，新设外资企业增长。")


def test_a_short_name_listed_with_cities_named_for_sure_is_a_place():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "海口市商务厅获悉，从市县引进外资来看，海口、三亚、琼海使用外资金额同比增长。",
        "海口市商務廳獲悉，從市縣引進外資來看，海口、三亞、瓊海使用外資金額同比增長。",
        "海口市商务厅获悉，海口、三亚和琼海新设外资企业增长较快。",
    ):
        assert "琼海市" in canonicals(simplified_view(text)), canonicals(simplified_view(text))


def test_a_zone_named_by_the_county_written_as_an_anaphor_is_that_countys_zone():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "胶州市召开项目推进会。领导来到位于该市经济开发区的某某项目现场。莱西市的禾川项目开工。",
        "平度市召开项目推进会。领导来到位于本市经济开发区的星澜科技项目现场。",
    ):
        assert not any(n.endswith("经济开发区") for n in canonicals(text)), canonicals(text)
    for text in (
        "桐柏县召开大会。县领导来到位于该县产业集聚区的禾川电子项目现场。",
        "桐柏縣召開大會。縣領導來到位於該縣產業集聚區的禾川電子項目現場。",
        "桐柏县召开大会。本县产业集聚区新落户项目8个。",
    ):
        assert "桐柏县产业集聚区" in canonicals(simplified_view(text)), canonicals(simplified_view(text))
    # two counties named before: the anaphor is not resolved
    assert not any(
        n.endswith("产业集聚区") for n in canonicals("桐柏县和唐河县召开大会。位于该县产业集聚区的项目开工。")
    )


def test_the_city_alone_before_a_zone_names_the_citys_own_zone():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "滁州市上半年招商。从签约项目总数来看，定远14个，凤阳13个。各平台中，市开发区8个，市星澜示范区1个。",
        "滁州市上半年招商。從簽約項目總數來看，定遠14個，鳳陽13個。各平臺中，市開發區8個，市星瀾示範區1個。",
    ):
        names = canonicals(simplified_view(text))
        assert {"滁州经济技术开发区", "市星澜示范区"} <= names, names
    for text in (
        "滁州市召开会议。推进城市开发区建设。",
        "滁州市召开会议。推进全市开发区建设。",
        "滁州市召开会议。推进市科技示范区建设。",
    ):
        assert canonicals(text) == set(), canonicals(text)


def test_taiwans_municipal_districts_county_cities_and_science_parks_are_places():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "禾川光电宣布加码投资，在台中市西屯区兴建研发大楼，另于中部科学园区扩建产线，员林市厂区同步升级。",
        "禾川光電宣布加碼投資，在臺中市西屯區興建研發大樓，另於中部科學園區擴建產線，員林市廠區同步升級。",
    ):
        found, _ = districts_of(simplified_view(text))
        assert {"西屯区", "中部科学园区", "员林市"} <= set(found), set(found)
        assert found["西屯区"].city == "台中市" and found["西屯区"].kind == "district"
        assert found["员林市"].kind == "county_city"
    names = canonicals(simplified_view("星澜物流规划在新北市板桥区设立营运总部，并于新竹科学工业园区设点。"))
    assert {"板桥区", "新竹科学园区"} <= names, names
    # a Taiwanese district's name that another division of China holds stays that division's
    assert "金山区" in canonicals("上海市金山区新签约项目5个。")
    assert canonicals("上海市金山区新签约项目5个。") == {"金山区"}


def test_a_division_written_whole_before_a_park_of_its_own_name_is_named_apart_from_the_park():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "通辽市召开推进会。扎鲁特旗星澜产业园污水处理工程等项目10个开工。",
        "通遼市召開推進會。扎魯特旗星瀾產業園污水處理工程等項目10個開工。",
        "武汉市汉阳区禾川工业园的12家企业将整体搬迁。",
    ):
        names = canonicals(simplified_view(text))
        assert names & {"扎鲁特旗", "汉阳区"} and names & {"星澜产业园", "禾川工业园"}, names
        assert not any(n.startswith(("扎鲁特旗", "汉阳区")) and n.endswith("园") for n in names), names
    # an official zone, or a park named only with everyday words, keeps the county in its name
    for text, zone in (
        ("临汾市召开大会。隰县现代农业产业示范区新落户项目3个。", "隰县现代农业产业示范区"),
        ("南阳市召开大会。桐柏县产业集聚区新落户项目3个。", "桐柏县产业集聚区"),
    ):
        assert zone in canonicals(text), canonicals(text)


def test_an_autonomous_county_or_banner_written_as_place_and_plain_ending_is_that_division():
    from zhaoyin.extractors.script import simplified_view

    for text, county in (
        ("星澜新材料项目落户长阳县，总投资5亿元。", "长阳土家族自治县"),
        ("禾川食品加工项目在峨边县开工建设。", "峨边彝族自治县"),
        ("禾川食品加工項目在峨邊縣開工建設。", "峨边彝族自治县"),
        ("宽城县新签约项目3个。", "宽城满族自治县"),
        ("鄂温克旗引进星澜乳业项目。", "鄂温克族自治旗"),
        ("察布查尔县与禾川能源签约。", "察布查尔锡伯自治县"),
    ):
        found, _ = districts_of(simplified_view(text))
        assert county in found, (text, set(found))
        assert found[county].kind == "county" and found[county].admin_code


def test_every_item_ending_like_a_zone_of_a_list_in_the_slot_of_where_projects_land_is_a_zone():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "洪湖市召开大会。8个项目分别签约进入星澜经合区、洪湖经济开发区和禾川开发区，总投资12亿元。",
        "洪湖市召開大會。8個項目分別簽約進入星瀾經合區、洪湖經濟開發區和禾川開發區，總投資12億元。",
        "洪湖市召开大会。开工项目分别位于洪湖经济开发区、某镇李家村和星澜经合区。",
    ):
        names = canonicals(simplified_view(text))
        assert "星澜经合区" in names, names
        assert not any("李家村" in n for n in names), names
    assert "禾川开发区" in canonicals(
        "洪湖市召开大会。8个项目分别签约进入星澜经合区、洪湖经济开发区和禾川开发区。"
    )
    # a list item that only names an everyday kind of zone is none
    names = canonicals("洪湖市召开大会。项目分别位于洪湖经济开发区和各产业园区。")
    assert not any(n.endswith("产业园区") for n in names), names


def test_a_national_zone_written_without_its_city_keeps_the_name_the_report_gives_it():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "南昌县召开大会。南昌市小蓝经开区新签约项目8个，小蓝经开区招商局介绍了情况。",
        "南昌縣召開大會。南昌市小藍經開區新簽約項目8個，小藍經開區招商局介紹了情況。",
    ):
        names = canonicals(simplified_view(text))
        assert "小蓝经济技术开发区" in names and "南昌小蓝经济技术开发区" not in names, names
    # written with its city somewhere in the report, it is one zone, named whole
    found, _ = districts_of("南昌小蓝经济技术开发区举行签约仪式。南昌市召开大会，小蓝经开区新签约项目8个。")
    zones = [name for name in found if "小蓝" in name]
    assert zones == ["南昌小蓝经济技术开发区"], zones
    assert "小蓝经开区" in found["南昌小蓝经济技术开发区"].mentions


def test_county_level_cities_set_up_after_the_division_table_are_places():
    for text, name in (
        ("林芝市召开大会。星澜藏药项目落户米林市。", "米林市"),
        ("新疆兵团第九师白杨市新签约项目3个。", "白杨市"),
    ):
        found, _ = districts_of(text)
        assert name in found and found[name].kind == "county_city", (text, set(found))


def test_a_short_name_in_a_report_dated_before_the_rename_is_the_former_division():
    text = "济宁市重点项目推进会召开。任城区瑞丰机械项目、兖州鸿达纸业扩建项目等已投产。"
    for published, expected in (("2009-12-17", "兖州市"), ("2015-03-01", "兖州区"), (None, "兖州区")):
        found, _ = find_districts(halfwidth(text), published)
        assert expected in {d.canonical for d in found}, published
    traditional = "2010年報道：濟寧市兗州新签约瑞丰机械項目。"
    found, _ = find_districts(extraction_view(traditional), "2010-05-02")
    assert "兖州市" in {d.canonical for d in found}


def test_a_county_written_by_the_name_it_had_before_it_became_a_city_keeps_it():
    found, _ = districts_of("黔西南州本月开工项目中，兴义市3个，兴仁县4个，安龙县2个。")
    assert "兴仁县" in found and "兴仁市" not in found
    assert found["兴仁县"].admin_code == found_code("兴仁市")


def test_an_unknown_zone_counted_in_a_per_place_list_is_a_zone():
    for text, zone in (
        ("今年全州开工项目中，兴义市3个，册亨县4个，晴隆县2个，顶效开发区3个。", "顶效开发区"),
        ("今年全州開工項目中，興義市3個，冊亨縣4個，晴隆縣2個，頂效開發區3個。", "顶效开发区"),
        ("全州签约项目中，兴义市5家，安龙县2家，马岭产业园1家。", "马岭产业园"),
    ):
        found, _ = find_districts(extraction_view(text))
        assert zone in {d.canonical for d in found}, text
    not_counted = "今年全州开工项目中，兴义市3个，册亨县4个，园区建设进展顺利，顶效开发区签约。"
    assert "园区建设进展顺利" not in canonicals(not_counted)


def test_a_county_city_no_prefecture_holds_needs_its_own_province():
    sichuan = "宜宾市翠屏区一季度开工项目12个，双河温泉度假开发等项目正开展前期工作。"
    assert "双河市" not in canonicals(sichuan)
    xinjiang = "博尔塔拉蒙古自治州博乐市招商引资提速，双河新建物流园项目开工。"
    assert "双河市" in canonicals(xinjiang)


def test_a_county_of_the_province_opening_a_listed_project_is_its_place():
    text = "杭州市滨江区今年签约项目20个，其中有云翼光电项目、嵊泗远洋渔业母港项目等。"
    assert "嵊泗县" in canonicals(text)
    text = "杭州市滨江区一季度开工项目多，云翼光电、嵊泗海岛风电运维等一批项目开工。"
    assert "嵊泗县" in canonicals(text)
    found, _ = find_districts(
        extraction_view("杭州市濱江區今年簽約項目20個，其中有雲翼光電項目、嵊泗遠洋漁業母港項目等。")
    )
    assert "嵊泗县" in {d.canonical for d in found}
    # a county of another province, and one that opens no listed project, stay unread
    assert "沭阳县" not in canonicals("杭州市滨江区签约项目有云翼光电项目、沭阳花木电商项目等。")
    assert "嵊泗县" not in canonicals("杭州市滨江区的企业说，嵊泗的海风很大。")


def test_a_division_opening_only_an_associations_or_a_branchs_name_is_not_a_place():
    text = "青岛市市南区人民政府与城阳区家居流通协会签订合作协议，蓝海银行李沧支行提供贷款。"
    assert {"市南区"} <= canonicals(text)
    assert not {"城阳区", "李沧区"} & canonicals(text)
    found, _ = find_districts(extraction_view("青島市市南區人民政府與城陽區家居流通協會簽訂合作協議。"))
    assert {d.canonical for d in found} == {"市南区"}
    # named on its own as well, or with a verb before the body, the division is a place
    assert "城阳区" in canonicals("市南区与城阳区家居流通协会签约，城阳区还签约了两个项目。")
    assert "城阳区" in canonicals("青岛市城阳区成立家居流通协会。")


def test_a_place_opening_a_clause_with_an_event_verb_opens_no_zone_name():
    for text in (
        "青岛市举行开发区2024年第二次项目集中签约活动。",
        "青岛市举行了开发区项目观摩活动，胶州市举办开发区推介会。",
        "青島市舉行了開發區項目觀摩活動。",
    ):
        found = canonicals(extraction_view(text))
        assert not any(name.endswith("开发区") for name in found), found
    assert "青岛海湾开发区" in canonicals("青岛海湾开发区举行项目观摩活动。")


def test_a_zone_signing_with_a_firm_is_a_zone_though_its_name_is_unknown():
    for text in (
        "青岛市。签约仪式上，蓝澜开发区与海川投资有限公司签署了总投资5亿元的研发中心项目。",
        "青岛市。签约仪式上，星湾产业园和云帆科技签订了合作协议。",
        "青島市。簽約儀式上，藍瀾開發區與海川投資有限公司簽署了總投資5億元的研發中心項目。",
    ):
        found = canonicals(extraction_view(text))
        assert found & {"蓝澜开发区", "星湾产业园"}, found
    # a park of everyday words, or one opening with a verb, names no zone there
    assert not any(n.endswith("产业园") for n in canonicals("青岛市。推动产业园与海川科技签约。"))


def test_a_list_closed_by_a_head_noun_of_zones_types_its_items_as_zones():
    text = "青岛市各平台中，市开发区5个。市科创园区、市高铁站区、市崂山旅游区等市直载体未申报新项目。"
    found = canonicals(text)
    assert {"市科创园区", "市高铁站区", "市崂山旅游区"} <= found, found
    found = canonicals(
        extraction_view("青島市。市科創園區、市高鐵站區、市嶗山旅遊區等市直載體未申報新項目。")
    )
    assert {"市科创园区", "市高铁站区", "市崂山旅游区"} <= found, found
    # items that do not end like a zone, and a single name before the head, are none
    found = canonicals("青岛市。投资方涉及智能制造、新一代信息技术等园区。高铁站区等平台也在招商。")
    assert not any(n.endswith(("技术", "站区", "制造")) for n in found), found


def test_a_provincial_report_is_about_the_province_most_of_its_cities_are_in():
    for text in (
        "今年以来，我省招商引资成效明显。香港地区到位资金3亿美元，昆明市签约项目20个，曲靖市签约项目12个，"
        "腾冲康养小镇等一批项目签约实施。",
        "今年以來，我省招商引資成效明顯。香港地區到位資金3億美元，昆明市簽約項目20個，曲靖市簽約項目12個，"
        "騰沖康養小鎮等一批項目簽約實施。",
    ):
        found = canonicals(extraction_view(text))
        assert "腾冲市" in found, found


def test_a_national_economic_and_technological_zone_written_as_an_economic_zone_is_that_zone():
    for text in (
        "德州经济开发区引进了蓝岸新材料有限公司，项目总投资12亿元。",
        "今年，襄阳经济开发区与华迅科技签约，建设智能装备基地。",
        "德州經濟開發區引進了藍岸新材料有限公司，項目總投資12億元。",
    ):
        found = canonicals(extraction_view(text))
        assert found & {"德州经济技术开发区", "襄阳经济技术开发区"}, text
        assert not found & {"德州经济开发区", "襄阳经济开发区"}, text


def test_a_bare_zone_abbreviation_in_the_slot_where_a_project_lands_is_the_report_citys_zone():
    for text, zone in (
        ("洛阳市商务局介绍，宁和集团计划投资6亿元的智能装备项目将落户高新区。", "洛阳高新技术产业开发区"),
        ("株洲市今年签约项目20个，其中拓维智造储能项目入驻高新区。", "株洲高新技术产业开发区"),
        ("绵阳市招商引资成效明显，蓝岸医疗器械项目落地高新区。", "绵阳高新技术产业开发区"),
        ("綿陽市招商引資成效明顯，藍岸醫療器械項目落地高新區。", "绵阳高新技术产业开发区"),
    ):
        assert zone in canonicals(extraction_view(text)), text


def test_a_zones_park_named_after_a_division_of_its_city_is_that_zones_part():
    for text, part in (
        ("11月5日，德州经济技术开发区禹城园区举行签约仪式，共签约4个项目。", "德州经济技术开发区禹城园区"),
        ("襄阳经济技术开发区宜城园区引进蓝岸新材料项目，总投资8亿元。", "襄阳经济技术开发区宜城园区"),
        ("德州經濟技術開發區禹城園區舉行簽約儀式，共簽約4個項目。", "德州经济技术开发区禹城园区"),
    ):
        assert part in canonicals(extraction_view(text)), text


def test_a_municipalitys_new_area_is_named_without_the_municipality_as_its_peers_are():
    """浦东新区 and 滨海新区 are named without their municipality, the Chongqing new area too, unless the
    report writes the municipality into the name (see test_a_new_area_written_with_its_city_keeps_that_name)."""
    for text in (
        "两江新区与某某智造签约，项目落户新区。",
        "兩江新區今年簽約項目增加。",
    ):
        found = canonicals(extraction_view(text))
        assert "两江新区" in found and "重庆两江新区" not in found


def test_a_new_town_after_a_known_place_is_a_zone():
    for text, zone in (
        ("嘉定新城、松江新城今年共引进项目12个。", "松江新城"),
        ("苏州太湖新城新签约项目8个，总投资60亿元。", "太湖新城"),
        ("青浦新城落地一批重大產業項目。", "青浦新城"),
    ):
        found, _ = districts_of(extraction_view(text))
        assert zone in found and found[zone].kind == "zone"
    assert "松江区" not in canonicals("嘉定新城、松江新城今年共引进项目12个。")


def test_a_national_zone_written_with_its_city_whole_is_that_zone():
    for text, zone in (
        ("近日，松原市经济技术开发区以项目建设为中心，松原经开区新签约项目8个。", "松原经济技术开发区"),
        ("遵义市经济技术开发区新签约项目3个。", "遵义经济技术开发区"),
        ("昆明市經濟技術開發區舉行集中簽約。", "昆明经济技术开发区"),
    ):
        found = canonicals(extraction_view(text))
        assert zone in found
        assert not any(name.startswith(zone[:2] + "市") for name in found)


def test_a_short_county_name_opening_a_parallel_clause_among_cities_is_that_county():
    for text in (
        "今年以来，全省重大项目加快建设。在温州，总投资8亿元的某某智造项目开工；在德清，总投资20亿元的星澜文旅项目动工；在台州，新开工项目达到9个。",
        "今年以來，全省重大項目加快建設。在溫州，總投資8億元的某某智造項目開工；在德清，總投資20億元的星瀾文旅項目動工；在台州，新開工項目達到9個。",
        "全省招商成效明显：在温州,禾川光电项目投产;在德清,星澜文旅项目动工;在台州,一批项目签约。",
    ):
        assert "德清县" in canonicals(extraction_view(text)), text
    assert "德清县" not in canonicals("在温州，某某项目开工。德清是个好地方，在台州，项目签约。")


def test_a_zone_named_in_full_then_by_abbreviation_or_county_and_bare_ending_is_one_zone():
    for text in (
        "锦州市各开发区签约项目11个。其中，凌海县开发区签约项目2个。为凌海经济开发区某某新材料有限公司项目奠基，随后观摩了凌海经开区低碳产业园。",
        "錦州市各開發區簽約項目11個。其中，凌海縣開發區簽約項目2個。為凌海經濟開發區某某新材料有限公司項目奠基，隨後觀摩了凌海經開區低碳產業園。",
        "近日，平度经济开发区签约项目3个，平度市开发区负责人介绍了情况。",
    ):
        found, _ = districts_of(extraction_view(text))
        zones = [name for name, d in found.items() if d.kind == "zone"]
        assert len(zones) == 1 and zones[0].endswith("经济开发区"), zones
    # a county with two zones: its bare 开发区 could be either, and stays as written
    found = canonicals("胶州经济技术开发区和胶州高新区各签约2个项目，胶州市开发区负责人介绍。")
    assert {"胶州经济技术开发区", "胶州高新区"} <= found


def test_a_bare_development_zone_after_a_province_or_a_city_of_several_is_their_zones_together():
    for text in (
        "辽宁省开发区2024年第二次项目集中开工活动举行，锦州在凌海经济开发区设分会场。",
        "遼寧省開發區2024年第二次項目集中開工活動舉行，錦州在凌海經濟開發區設分會場。",
        "锦州市各开发区签约项目11个，凌海经济开发区签约2个。锦州市开发区第三次开工一批项目集中开工。",
    ):
        found = canonicals(extraction_view(text))
        assert "凌海经济开发区" in found
        assert not any(name.endswith(("省开发区", "市开发区")) for name in found), found


def test_a_citys_only_port_or_airport_zone_written_bare_where_a_project_goes_is_the_citys():
    for text, zone in (
        (
            "天津市今年引进多家企业。某某公司在东丽区投资5亿元；星澜物流公司在临港经济区投资6.9亿元建设物流项目。",
            "天津临港经济区",
        ),
        ("郑州市招商成效明显，禾川航空公司落户臨空經濟區，金水区也签约项目3个。", "郑州临空经济区"),
        ("鄭州市招商成效明顯，禾川航空公司入駐臨空經濟區。", "郑州临空经济区"),
    ):
        assert zone in canonicals(extraction_view(text)), text
    assert not any(n.endswith("临港经济区") for n in canonicals("临港经济区建设座谈会召开，东丽区参加。"))


def test_a_zones_area_named_alone_after_it_is_that_area_not_the_county():
    for text in (
        "潍坊滨海经济技术开发区寿光园区今年签约项目6个。企业负责人表示，最终落户寿光园区，看中的是园区的区位优势。",
        "濰坊濱海經濟技術開發區壽光園區今年簽約項目6個。企業負責人表示，最終落戶壽光園區，看中的是園區的區位優勢。",
    ):
        found, _ = districts_of(extraction_view(text))
        area = found["潍坊滨海经济技术开发区寿光园区"]
        assert "寿光园区" in area.mentions
        assert not any(d.kind != "zone" for d in found.values()), found


def test_a_taiwan_district_written_without_its_ending_right_after_its_city():
    for text, district in (
        ("某某精機將投資逾5億元，在新北市鶯歌新建廠房。", "莺歌区"),
        ("禾川電子在台中大雅擴建產線。", "大雅区"),
    ):
        assert district in canonicals(extraction_view(text)), text


def test_a_zone_opening_with_a_division_of_its_city_is_named_without_the_city():
    for text, zone in (
        ("星瀾半導體將在高雄市楠梓加工出口區擴建廠房。", "楠梓加工出口区"),
        ("项目分别在连云港市灌云经济开发区和灌云高新区签约。", "灌云经济开发区"),
        ("徐州市沛縣經濟開發區新簽約項目5個。", "沛县经济开发区"),
    ):
        found = canonicals(extraction_view(text))
        assert zone in found and not any(n.endswith(zone) and n != zone for n in found), found
    assert "青岛市人工智能产业园" in canonicals("青岛市人工智能产业园揭牌。")


def test_the_ends_of_a_paved_road_are_no_places_of_the_report():
    text = "山南市开复工一批项目：桑日县水厂开工，曲松至隆子油路、江北灌区同时开工。"
    found = canonicals(text)
    assert "桑日县" in found and not {"曲松县", "隆子县"} & found, found


def test_a_base_park_or_platform_in_the_slot_of_where_something_is_built_is_a_zone():
    """基地, 园区 and 平台 close projects' names as often as zones': in the slot of where something lands
    or is built, with what happens there after it, the name is a zone (繁體 too)."""
    from zhaoyin.extractors.script import simplified_view

    for text, zone in [
        ("徐州市某公司拟在岚溪汽车产业基地建设整车项目。", "岚溪汽车产业基地"),
        ("某氢能试验项目计划入驻高端电气装备智能制造基地，预计年内开工。", "高端电气装备智能制造基地"),
        ("某食品项目拟投资2亿元，在翠屿园区建设生产线。", "翠屿园区"),
        ("某某公司擬在嵐溪汽車產業基地建設整車項目。", "岚溪汽车产业基地"),
        ("某某項目在翠嶼新材料產業平台內拉開建設序幕。", "翠屿新材料产业平台"),
    ]:
        names = canonicals(simplified_view(text))
        assert zone in names, (text, names)


def test_an_area_an_industrial_or_an_aerospace_city_in_the_slot_of_where_something_lands_is_a_zone():
    """片区, 工业城 and 航天城 name a zone in the slot of where a project lands or an event is held, and a
    town written whole before the name says where the zone lies, apart from its name (繁體 too)."""
    for text, zone in [
        ("某项目选址岚溪数字经济片区，总投资5亿元。", "岚溪数字经济片区"),
        ("某企業選址翠嶼金融中心嵐溪片區，計劃投資10億元。", "翠屿金融中心岚溪片区"),
        ("开工活动在岚溪国际航天城起步区举行。", "岚溪国际航天城"),
        ("某项目选址在横沥镇岚溪工业城，计划用地40亩。", "岚溪工业城"),
        ("某項目選址在橫瀝鎮嵐溪工業城，計劃用地40畝。", "岚溪工业城"),
    ]:
        names = canonicals(simplified_view(text))
        assert zone in names, (text, names)
        assert not any(name.startswith("横沥镇") for name in names), (text, names)


def test_a_food_court_or_an_exhibition_city_in_the_slot_is_no_zone():
    for text in ["市民在万达广场美食城内用餐。", "本届展会在国际博览城举行。", "居民在新城片区买房。"]:
        zones = {n for n, d in districts_of(text)[0].items() if d.kind == "zone"}
        assert zones == set(), (text, zones)


def test_a_base_that_is_built_or_owned_is_no_zone():
    """What is built (在某市建设某某产业基地), a firm's own base and a plain word (在生产基地内) name no zone."""
    for text in [
        "某公司将在徐州建设新能源产业基地，",
        "某公司在生产基地内新建两条产线。",
        "该公司在研发基地建设实验室。",
        "企业在招商平台上发布需求。",
        "某某集团将在此建设900兆瓦光伏新能源基地，",
    ]:
        zones = {n for n, d in districts_of(text)[0].items() if d.kind == "zone"}
        assert zones == set(), (text, zones)


def test_a_part_of_a_zone_named_again_in_the_slot_keeps_the_zones_name():
    text = "临汾市岚溪经济开发区翠屿园区举行签约仪式。企业最终落户翠屿园区，看中区位优势。"
    names = canonicals(text)
    assert "翠屿园区" not in names and "临汾市岚溪经济开发区" in names, names


def test_a_zone_named_after_a_river_lake_or_mountain():
    """长江工业园, 太湖新城: a river, lake or mountain is a place the county gazetteer lacks; a zone with an
    industrial or new-town ending after one is a zone, wherever it stands (opening a sentence, before the
    projects it holds: 某某新城项目之一)."""
    from zhaoyin.extractors.script import simplified_view

    for text, zone in [
        ("12月3日，长江工业园标准厂房开园仪式举行，签约项目5个。", "长江工业园"),
        ("其中，太湖新城项目之一某某金融中心建成后将辐射全区。", "太湖新城"),
        ("今年骆马湖工业区新签约项目8个，总投资12亿元。", "骆马湖工业区"),
        ("大别山工业园區內新落戶企業6家。", "大别山工业园区"),
        ("鄱陽湖新城項目之一某某會展中心正式開工。", "鄱阳湖新城"),
    ]:
        names = canonicals(simplified_view(text))
        assert zone in names, (text, names)


def test_a_park_named_after_a_river_that_is_built_or_owned_is_no_zone():
    """长江工业园项目 is what is being built, 某某集团长江工业园 a firm's park, 长江产业园 an ending that as
    often names one firm's project, 长江经济带 no zone at all."""
    for text in [
        "某公司投资3亿元建设长江工业园项目，",
        "某某新材料有限公司长江工业园正式投产。",
        "某某集团在长江产业园投资建设新产线。",
        "推动长江经济带高质量发展。",
    ]:
        zones = {n for n, d in districts_of(text)[0].items() if d.kind == "zone" and "长江" in n}
        assert zones == set(), (text, zones)


def test_an_airport_economic_zone_after_its_city():
    """某市空港经济区 is a zone as 某市临空经济区 is: a weak ending, after a known place only."""
    from zhaoyin.extractors.script import simplified_view

    for text, zone in [
        ("3月8日，徐州空港经济区产业项目集中签约活动举行。", "徐州空港经济区"),
        ("某某公司計劃在徐州空港經濟區建設物流中心。", "徐州空港经济区"),
    ]:
        names = canonicals(simplified_view(text))
        assert zone in names, (text, names)
    assert canonicals("机场所在的空港经济区建设加快。") == set()


def test_a_word_glued_onto_a_known_zone_does_not_open_its_name():
    """同德州经济技术开发区: the gazetteer reads 同德 (a county's short name) first, but 同 is a preposition
    and the zone after it is one the gazetteer lists whole."""
    from zhaoyin.extractors.script import simplified_view

    for text in [
        "某某新材料公司同德州经济技术开发区签署投资协议。",
        "該項目同德州經濟技術開發區簽訂合同，總投資5億元。",
    ]:
        names = canonicals(simplified_view(text))
        assert "德州经济技术开发区" in names and not any(n.startswith("同") for n in names), (text, names)
    # a bare form after the glued characters is no zone's full name
    assert "衡阳综合保税区" not in canonicals("银川综保区签约项目4个。")


def test_a_division_written_with_another_ending_keeps_the_name_the_report_gives():
    # the gazetteer has 桐乡市, 义乌市, 城阳区; a report written before (or after) a rename its tables lack
    found, _ = districts_of("嘉兴桐乡县新签约项目8个，桐乡县委书记出席签约会。桐乡将加快发展。")
    assert set(found) == {"桐乡县"}
    assert (found["桐乡县"].kind, found["桐乡县"].admin_code) == ("county", "330483")
    found, _ = districts_of("青岛市城阳市今年签约项目5个，城阳市市场主体增长12%。")
    assert set(found) == {"城阳市"} and found["城阳市"].admin_code == "370214"
    assert canonicals(extraction_view("浙江省金華市義烏縣舉行項目簽約儀式，總投資10億元。")) == {"义乌县"}
    # the ending opening an everyday word (市场, 区域) is no name; the gazetteer's name written keeps it
    assert canonicals("嘉兴市桐乡市场繁荣，桐乡区域经济发展良好。") == {"桐乡市"}
    assert canonicals("嘉兴市桐乡县今年更名为桐乡市。") == {"桐乡市"}


def test_a_report_naming_no_city_is_about_the_one_county_it_speaks_of_as_its_own():
    found, city = districts_of(
        "前三季度，全区新签约项目12个，总投资56亿元。下一步，我们将奋力建设现代化的萧山。"
    )
    assert city == "杭州市" and set(found) == {"萧山区"}
    found, city = districts_of(
        extraction_view("1至10月，全縣新引進項目8個，到位資金12億元。我們將建設美麗的桐廬。")
    )
    assert city == "杭州市" and set(found) == {"桐庐县"}
    # two divisions of the report's own ending, or one of another ending, tell nothing
    assert canonicals("前三季度，全区新签约项目12个。萧山和余杭都在发力。") == set()
    assert canonicals("前三季度，全区新签约项目12个。建设美丽的桐庐。") == set()


def test_a_report_naming_no_city_is_about_the_one_county_it_names_again_and_again():
    found, city = districts_of(
        "今年落户昆山的台资企业超过百家。从第一家到第一百家，昆山用了十年。企业投资昆山的热情不减。"
    )
    assert city == "苏州市" and set(found) == {"昆山市"}
    assert canonicals("今年落户昆山的企业超过百家，江阴也有80家。") == set()


def test_a_zone_named_after_a_town_is_a_zone_of_its_own():
    """蓝村工业园区, 李哥庄開發區: a town's name, whole or short, before an ending that names an area for
    industry is a zone, named as written; the town's county stays a district of its own."""
    found = canonicals("即墨区今年招商成效明显，新落户蓝村工业园区的项目有12个，泊里镇也在推进。")
    assert "蓝村工业园区" in found and "即墨区" in found
    found = canonicals(halfwidth(simplified_view("胶州市簽約5個項目，其中3個位於李哥莊開發區。")))
    assert "李哥庄开发区" in found
    found = canonicals("青岛市胶州市新开工的项目中，还有崂山水库引水至李哥庄镇工业园区供水工程。")
    assert "李哥庄镇工业园区" in found
    assert not any(name.startswith("崂山水库") for name in found)


def test_a_town_named_alone_is_no_zone():
    assert not any(name.endswith("园区") for name in canonicals("即墨区蓝村镇新签约项目8个，总投资20亿元。"))


def test_a_park_two_places_build_together_opens_with_both():
    """莱阳平度现代产业园, 山东海南合作产业园: a place of another city or province right before the place a
    park's name opens with is its partner and opens the name; a place holding it (青岛胶州) is its address."""
    found = canonicals("平度市今年推进园区共建，莱阳平度现代产业园新开工项目6个。")
    assert "莱阳平度现代产业园" in found and "平度现代产业园" not in found
    found = canonicals(
        halfwidth(simplified_view("海南省海口市消息，山東海南先進製造業合作產業園已落地項目12個。"))
    )
    assert "山东海南先进制造业合作产业园" in found
    found = canonicals("青岛市胶州现代产业园新开工项目6个。")
    assert "胶州现代产业园" in found


def test_a_place_written_short_before_a_thing_named_after_it_is_no_place_of_the_report():
    from zhaoyin.extractors.script import simplified_view

    for text in (
        "青岛市重点项目集中开工，胶州机场改扩建、轨道交通平度线、即墨火车站周边道路等项目开工。",
        "青岛市安排市郊铁路即墨-平度线、胶州高铁站综合枢纽等重大项目。",
        "青岛市安排莱西地震灾后重建、即墨客运站改造等民生项目。",
        "青島市重點項目集中開工，膠州機場改擴建、軌道交通平度線、即墨火車站周邊道路等項目開工。",
    ):
        names = canonicals(simplified_view(text))
        assert not names & {"胶州市", "平度市", "即墨区", "莱西市"}, names


def test_a_place_written_short_before_other_words_stays_a_place():
    assert "胶州市" in canonicals("青岛市上半年招商提速，胶州签约项目12个，平度开工项目8个。")
    assert "平度市" in canonicals("青岛市上半年招商提速，胶州签约项目12个，平度开工项目8个。")


def test_a_zone_name_read_back_over_a_verb_or_a_count_is_a_clause():
    """某市举办合作产业园推介会, 某某城打造北区物流园区, 某省某市首个某某工业园: read back from its ending, the
    name runs over a verb after a place (or opening it) or over a counted quantity: a clause, not a name."""
    for text in (
        "6月10日，海阳市政府在潍坊举办合作产业园专场推介会，签约项目8个。",
        "会上介绍，平度航空城打造东区智慧物流园区，总投资30亿元。",
        "山东烟台首个中欧工业园日前开园，首批入驻企业12家。",
        "山东烟台首个中欧工业园日前开园，园区首批入驻企业12家，总投资10亿元。",
        "契合海盐高新区的产业定位，项目总投资10亿元。",
        halfwidth(
            simplified_view("會上介紹，平度航空城打造東區智慧物流園區，山東煙台首個中歐工業園日前開園。")
        ),
    ):
        names = canonicals(text)
        assert not any(word in name for name in names for word in ("举办", "打造", "首个", "契合")), names


def test_a_verb_phrase_of_a_policy_zone_name_stays_in_it():
    """国家服务贸易促进创新示范区, 某市智能制造产业园: a verb with no place before it, or right before the
    ending, belongs to the name."""
    assert "国家服务贸易促进创新示范区" in canonicals("日照市获批国家服务贸易促进创新示范区，新签约项目6个。")
    assert "莱阳智能制造产业园" in canonicals("烟台市莱阳智能制造产业园新开工项目6个。")


def test_a_conjunction_before_the_counties_and_districts_names_no_county():
    found, city = districts_of(
        "全年共举办现场会4次，累计集中开工和县区自行开工重点项目1031个，总投资1220亿元。"
    )
    assert "和县" not in found
    assert city is None
    assert "和县" in canonicals("马鞍山市和县新签约项目12个。")


def test_the_n_big_parks_name_no_district_that_starts_with_da():
    assert "大园区" not in canonicals("1-6月，全区新签项目179个。四大园区新签项目18个，协议资金58.7亿元。")
    assert "大园区" in canonicals("桃园市大园区新设企业5家。")


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("项目落户雄安新区，总投资30亿元。", "雄安新区", "河北雄安新区"),
        ("河北雄安新区今年签约项目12个。", "河北雄安新区", None),  # as the report writes it
        ("赣江新区新签约项目8个。", "赣江新区", "江西赣江新区"),
        ("项目落户北京经开区。", "北京经济技术开发区", None),  # the province's name is the city's
        ("项目落户广西-东盟经开区。", "广西-东盟经济技术开发区", None),
    ],
)
def test_a_zone_is_named_without_the_province_its_registered_name_opens_with(text, expected, not_expected):
    found = canonicals(text)
    assert expected in found and not_expected not in found


def test_hengqin_new_area_is_a_zone_of_zhuhai():
    found = find_districts(
        simplified_view("【本報消息】橫琴新區至今已引入澳門企業39家，投資額超過4億美元。")
    )[0]
    assert [(d.canonical, d.city) for d in found] == [("横琴新区", "珠海市")]


@pytest.mark.parametrize(
    ("text", "zone", "city"),
    [
        ("项目落户宁东能源化工基地。", "宁东能源化工基地", "银川市"),
        ("柴达木循环经济试验区新签约项目5个。", "柴达木循环经济试验区", "海西蒙古族藏族自治州"),
        ("沈抚改革创新示范区引进项目12个。", "沈抚改革创新示范区", "沈阳市"),
        ("西部(重庆)科学城签约项目8个。", "西部（重庆）科学城", "重庆市"),
    ],
)
def test_national_zones_of_energy_bases_and_pilot_areas(text, zone, city):
    assert [(d.canonical, d.city) for d in find_districts(text)[0]] == [(zone, city)]


def test_a_zones_level_written_inside_its_name_is_no_part_of_it():
    assert [d.canonical for d in find_districts("西宁(国家级)经济技术开发区新签约项目12个。")[0]] == [
        "西宁经济技术开发区"
    ]
    assert [d.canonical for d in find_districts("位于石嘴山经开区的新材料项目开工。")[0]] == [
        "石嘴山经济技术开发区"
    ]


def test_a_county_written_with_the_ending_it_had_before_it_became_a_city():
    found, city = districts_of(
        "新年伊始，禄丰县把招商引资作为一把手工程。其中与佛山某机械公司签约。全县共实施项目57项。"
    )
    assert found["禄丰县"].kind == "county" and found["禄丰县"].city == "楚雄彝族自治州"
    assert city == "楚雄彝族自治州"
    assert "禄丰县" not in canonicals("禄丰市场监管局发布通知。")


def test_a_provinces_free_trade_zone_with_no_areas_is_named_whole():
    assert canonicals("海南省18日举行海南自由贸易试验区建设项目集中开工。") == {"中国（海南）自由贸易试验区"}


def test_a_zone_written_with_its_city_once_and_without_it_after_is_one_zone():
    found, _city = districts_of(
        "包头稀土高新区举行项目集中签约仪式。稀土高新区与多家企业签约，契合稀土高新区发展实际。"
    )
    assert list(found) == ["包头稀土高新技术产业开发区"]
    assert "稀土高新区" in found["包头稀土高新技术产业开发区"].mentions


def test_a_park_amid_a_long_list_of_projects_is_a_project_not_a_district():
    text = (
        "对岚水集团产业园、岚润电力装备基地、桃山综合物流园、岚瑞源枸杞深加工、岚发科技年产60万吨石英砂提纯"
        "等82个招商引资重点项目进行调研。"
    )
    assert "桃山综合物流园" not in canonicals(text)


def test_an_autonomous_countys_written_form_that_is_also_its_short_form_is_sure_alone():
    districts, _city = find_districts("黄土高原上的东乡县寒风凛冽，但县内产业园区热潮涌动。")
    assert [d.canonical for d in districts] == ["东乡族自治县"]


def test_a_zone_found_with_its_citys_name_is_the_same_zone_written_without_it():
    text = "海口江岚新区紧扣打造现代服务业示范区的定位。\n\n江岚新区持续推进路网基础设施，2020年以来累计238个项目投入建设。"
    districts, _city = find_districts(text)
    (zone,) = [d for d in districts if d.canonical == "海口江岚新区"]
    assert "江岚新区" in zone.mentions
    assert len(zone.spans) == 2


def test_a_zone_whose_only_name_is_its_province_keeps_it():
    districts, _city = find_districts("青海高新区新签约项目5个，较上年增加2个。")
    assert [d.canonical for d in districts] == ["青海高新技术产业开发区"]
    districts, _city = find_districts("雄安新区新签约项目5个，较上年增加2个。")
    assert [d.canonical for d in districts] == ["雄安新区"]


def test_a_provinces_zones_of_a_kind_are_no_zone_of_their_own():
    text = (
        "台湾凭借高阶制造实力成为焦点。高雄楠梓园区新增投资。显示台湾产业园区已成为企业技术创新的重要基地。"
    )
    assert not [d for d in find_districts(text)[0] if d.kind == "zone"]
    named = "沈阳市辽宁岚德电子商务产业园新签约项目5个。"
    assert "辽宁岚德电子商务产业园" in {d.canonical for d in find_districts(named)[0]}


def test_all_zones_of_a_kind_are_no_zone_and_a_municipalitys_bare_ftz_is_its_own():
    assert canonicals("上半年，北京全市实际利用外资99亿美元。今年，全国自贸试验区建设迎来十周年。") == set()
    assert canonicals("今年全省开发区新签约项目120个，岚湖县签约项目3个。") <= {"岚湖县"}
    found = canonicals("上半年，北京全市实际利用外资99亿美元，其中自贸试验区实际利用外资占全市比重达14.9%。")
    assert found == {"中国（北京）自由贸易试验区"}
    # a province's own bare 自贸试验区 has areas in several cities: no one zone
    assert not any("自由贸易试验区" in c for c in canonicals("成都市高新区签约项目5个，自贸试验区建设推进。"))


@pytest.mark.parametrize(
    ("text", "division"),
    [
        ("岚钧集团计划在铁西区建设岚钧电气产业园、岚湖输配电项目。", "铁西区"),
        ("近年来，孝义市以经济开发区为经济高质量发展主战场。", "孝义市"),
        ("宜城市建设绿色循环产业园，签约项目5个。", "宜城市"),
    ],
)
def test_a_clause_verb_or_preposition_after_a_division_opens_no_zone_name(text, division):
    found = canonicals(text)
    assert division in found
    assert not any(c.startswith(division) and c != division for c in found)


def test_a_count_right_after_one_park_counts_the_parks_own_projects():
    # 两大项目 after two parks types them as projects; after one park it counts the projects it holds
    found = canonicals("日前，胶州岚禾工业园区两大重点项目竣工投产，岚钧精密项目投产。")
    assert "胶州岚禾工业园区" in found, found


def test_a_zones_area_named_after_a_division_may_carry_a_kind_before_its_ending():
    found = canonicals("7月17日，哈尔滨新区平房经济技术片区招商引资项目集中签约仪式举行。")
    assert "哈尔滨新区平房经济技术片区" in found, found


def test_a_new_area_written_with_its_city_keeps_that_name():
    assert "天津滨海新区" in canonicals("今年以来，天津滨海新区招商引资保持良好势头，滨海新区签约项目30个。")
    assert "滨海新区" in canonicals("今年以来，天津市滨海新区签约项目30个。")
    assert "重庆两江新区" in canonicals("重庆两江新区今年新签约项目36个。")


def test_a_science_park_is_a_zone_after_a_name_the_gazetteer_does_not_know():
    from zhaoyin.extractors.script import simplified_view

    found = canonicals(
        simplified_view("苗栗縣招商成績亮麗，岚晶與台積電已分別宣布落腳銅鑼科學園區與竹南科學園區。")
    )
    assert "竹南科学园区" in found, found


def test_hong_kong_parks_and_common_zone_abbreviations_are_zones():
    from zhaoyin.extractors.script import simplified_view

    text = "香港特區政府表示，北部都會區將發展創科產業，數碼港和科學園亦會擴建。"
    assert {"北部都会区", "数码港", "香港科学园"} <= canonicals(simplified_view(text))
    assert "横琴粤澳深度合作区" in canonicals("澳门企业计划联同深合区相关部门赴内地城市拜访企业。")


def test_another_citys_name_before_a_listed_new_areas_name_names_its_own_zone():
    assert canonicals("会上，绍兴滨海新区管委会主任表示，新区签约项目55个。") == {"绍兴滨海新区"}
    assert canonicals("天津滨海新区签约项目30个。") == {"天津滨海新区"}
    assert "兰州新区" in canonicals("重庆岚鑫集团兰州新区东南片区土地开发整理项目开工。")


def test_a_counted_head_of_parks_types_the_list_before_it_and_holds_no_division():
    text = "平阴县成立产发置业平台，玫瑰高端产业园、锦水高端装备制造产业园、绿色建材产业园5大园区同步推进。"
    found = canonicals(text)
    assert {"玫瑰高端产业园", "锦水高端装备制造产业园", "绿色建材产业园"} <= found, found
    assert "大园区" not in found
    # four areas of a project (四大功能区域) are no zones
    assert canonicals("将建成核心展示区、规模种植区、养殖区四大功能区域。") == set()


def test_a_taiwan_countys_park_is_a_zone_though_the_county_has_no_city():
    text = "园管局规划释出新据点，包括彰滨、北高雄以及屏东科技产业园区扩区地段。"
    found = canonicals(text)
    assert "屏东科技产业园区" in found and "屏东县" not in found, found


def test_a_county_spelled_by_the_tail_of_an_everyday_word_is_no_county():
    text = "岚州县是全国电子商务进农村综合示范县，落户在于都县的项目已开工。"
    names = [d.canonical for d in find_districts(text)[0]]
    assert "范县" not in names and "于都县" in names, names


def test_two_everyday_words_spelling_a_county_city_are_no_city():
    names = [d.canonical for d in find_districts("各东部沿海城市围绕对口支援和岚州开展产业合作。")[0]]
    assert "海城市" not in names, names
    assert "海城市" in [d.canonical for d in find_districts("辽宁海城市与岚州签约。")[0]]


def test_an_industrial_estate_of_hong_kong_and_macao_is_a_zone():
    found = find_districts(simplified_view("修改聯生工業邨地段劃分規章，鼓勵邨內企業加大投資。"))[0]
    assert [(d.canonical, d.kind) for d in found] == [("联生工业邨", "zone")]


def test_a_park_with_a_name_of_its_own_right_after_its_zone_is_a_zone_too():
    found = canonicals("某某饲料项目位于岚溪经济开发区禾雁产业园内，总投资1亿元。")
    assert {"岚溪经济开发区", "禾雁产业园"} <= found, found
    # a park listed among projects, or a name running on after it, is no zone of its own
    assert "禾雁产业园" not in canonicals("位于岚溪经济开发区禾雁产业园、某某纺纱等8个项目集中签约。")
    assert "禾雁产业园" not in canonicals("位于岚溪经济开发区禾雁产业园保障性住房项目开工。")


def test_a_word_the_segmenter_knows_as_a_place_names_a_zone_in_the_slot_of_where_a_project_lands():
    assert "金海湾经济开发区" in canonicals("某某项目落户金海湾经济开发区。")


def test_a_national_high_tech_zone_written_with_its_level_is_one_zone_named_so():
    found, _ = find_districts("今年以来，玉溪国家高新区集中开工13个项目。高新区立足新起点。")
    assert [(d.canonical, d.mentions) for d in found] == [
        ("玉溪国家高新技术产业开发区", ["玉溪国家高新区", "高新区"])
    ]
    assert canonicals("玉溪高新区集中开工13个项目。") == {"玉溪高新技术产业开发区"}


def test_a_petrochemical_zone_is_a_zone_after_a_known_place():
    assert "岚州大亚湾石化区" not in canonicals("岚州大亚湾石化区内企业。")  # no known place opens it
    assert canonicals("2月15日，惠州大亚湾石化区，某某乙烯项目传来捷报。") == {"惠州大亚湾石化区"}


def test_a_zone_regions_set_up_together_is_named_after_them_and_their_cooperation():
    assert canonicals("推荐50个项目入驻横琴“粤澳合作产业园”。") >= {"粤澳合作产业园"}
    assert canonicals("川桂国际产能合作产业园开工。") == {"川桂国际产能合作产业园"}
    assert canonicals("深化粤澳合作，抓住机遇。") == set()
    # a park that is what is being built is a project, no zone
    assert "粤澳合作产业园" not in canonicals("还有八十六个粤澳合作产业园项目正在评审。")


@pytest.mark.parametrize(
    ("name", "province"), [("儋州", "海南省"), ("嘉峪关市", "甘肃省"), ("东莞", "广东省")]
)
def test_a_prefecture_level_city_without_counties_is_a_city(name, province):
    from zhaoyin.extractors.gazetteer import gazetteer

    cities = [e.place for e in gazetteer().places_named(name) if e.place.kind == "city"]
    assert [c.province for c in cities] == [province]


@pytest.mark.parametrize(
    "text",
    [
        "近年来，喀什地区聚焦核心区建设，充分发挥喀什经济开发区和喀什综合保税区区位优势。",
        "桃园市规划大园智慧科技园区。",
    ],
)
def test_a_verb_between_a_place_and_a_zones_ending_opens_no_zone_name(text):
    assert not any(name.startswith(("充分", "桃园市规划")) for name in canonicals(text))


def test_places_listed_with_countries_as_sources_do_not_make_the_report_theirs():
    text = (
        "5月份以来，扬州重点开展了台湾、日韩、香港和新加坡、央企四大专题招商活动。\n"
        "今年7月，扬州市政府组团赴香港、新加坡举办现代服务业招商活动，共签约项目48个，其中香港30个、新加坡18个。\n"
        "推动香港禾川(中国)投资公司在江都投资的东方国际大酒店增资1亿美元。"
    )
    assert document_city(text) == "扬州市"
