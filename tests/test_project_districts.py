"""Which district a project gets: the place its own item names, else its sentence's, else the lead's."""

from __future__ import annotations

import pytest
from project_stages import districts_of_projects


@pytest.mark.parametrize(
    "text",
    [
        "9月8日，洪湖市集中开工。当天开工的云栖饮品项目、丰禾包装项目等6个项目，分别位于洪湖经济开发区、乌林镇和新滩经合区，总投资9亿元。",
        "胶州市签约。星澜光电项目、禾川冷链项目等5个项目，分别签约进入胶州经济技术开发区、上合示范区和李哥庄镇。",
        "膠州市簽約。星瀾光電項目、禾川冷鏈項目等5個項目，分別落戶膠州經濟技術開發區、上合示範區和李哥莊鎮。",
    ],
)
def test_projects_spread_over_a_list_of_places_get_none_of_them(text):
    found = districts_of_projects(text)
    assert found and all(district is None for district in found.values()), found


def test_a_project_placed_alone_still_gets_its_place():
    found = districts_of_projects(
        "胶州市签约。星澜光电项目落户胶州经济技术开发区，禾川冷链项目落户上合示范区。"
    )
    assert set(found.values()) - {None}, found


def test_projects_naming_no_place_take_the_zone_the_report_is_about():
    found = districts_of_projects(
        "威海临港区12个项目集中开工。\n3月4日，威海临港区举行集中开工仪式，项目总投资45亿元，涵盖装备制造、临港物流、现代农业、精细化工等重点领域。\n"
        "此次开工项目，包括星澜精工装备二期、禾川冷链物流中心等。"
    )
    assert found and set(found.values()) == {"威海临港经济技术开发区"}, found


@pytest.mark.parametrize(
    "text",
    [
        "胶州市签约星澜光电（胶州）有限公司显示模组项目和青岛胶州经济技术开发区禾川数据中心项目，总投资分别为12亿元、5亿元。",
        "胶州市签约星澜光电（胶州）有限公司显示模组项目和胶州经济技术开发区禾川数据中心项目。",
        "膠州市簽約星瀾光電（膠州）有限公司顯示模組項目和青島膠州經濟技術開發區禾川數據中心項目。",
    ],
)
def test_the_place_opening_a_projects_name_is_that_projects(text):
    found = districts_of_projects(text)
    zone_led = [name for name in found if "禾川" in name]
    assert zone_led and found[zone_led[0]] == "胶州经济技术开发区", found


@pytest.mark.parametrize(
    "text",
    [
        "金昌市集中开工重点项目12个，总投资38亿元，涵盖新材料、新能源、现代农业、文化旅游、城市建设等重点领域，将进一步助推全市打造高能级产业集群，加快构建现代化产业体系，为全年经济发展打下坚实基础。金昌市集中开工重点项目12个，总投资38亿元，涵盖新材料、新能源、现代农业、文化旅游、城市建设等重点领域，将进一步助推全市打造高能级产业集群，加快构建现代化产业体系，为全年经济发展打下坚实基础。其中，投资1.2亿元的永昌县星澜农田建设项目，是保障粮食安全的重点工程；投资1亿元的禾川食品工业园项目，是延链补链项目。",
        "金昌市集中開工重點項目12個，總投資38億元，涵蓋新材料、新能源、現代農業、文化旅遊、城市建設等重點領域，將進一步助推全市打造高能級產業集群，加快構建現代化產業體系，為全年經濟發展打下堅實基礎。金昌市集中開工重點項目12個，總投資38億元，涵蓋新材料、新能源、現代農業、文化旅遊、城市建設等重點領域，將進一步助推全市打造高能級產業集群，加快構建現代化產業體系，為全年經濟發展打下堅實基礎。其中，投資1.2億元的永昌縣星瀾農田建設項目，是保障糧食安全的重點工程；投資1億元的禾川食品工業園項目，是延鏈補鏈項目。",
    ],
)
def test_a_place_opening_another_projects_name_is_not_passed_on(text):
    found = districts_of_projects(text)
    led = [name for name in found if name.startswith("永昌县")]
    unplaced = [name for name in found if "禾川" in name]
    assert led and found[led[0]] == "永昌县", found
    assert unplaced and found[unplaced[0]] is None, found


@pytest.mark.parametrize(
    "text",
    [
        "肇庆市招商。星澜燃气集团在肇庆市投资的星澜(德庆)区域气站项目已开工，总投资9亿元；"
        "禾川铝业集团在江门市投资的禾川铝型材项目已开工，总投资8亿元。",
        "肇慶市招商。星瀾燃氣集團在肇慶市投資的星瀾(德慶)區域氣站項目已開工，總投資9億元；"
        "禾川鋁業集團在江門市投資的禾川鋁型材項目已開工，總投資8億元。",
    ],
)
def test_a_project_its_own_item_sends_to_a_city_takes_no_district_of_another_item(text):
    found = districts_of_projects(text)
    aluminium = next(name for name in found if "铝型材" in name)
    assert found[aluminium] is None, found


def test_a_project_naming_no_place_in_a_sentence_spread_over_places_takes_none_of_them():
    found = districts_of_projects(
        "孝感市项目建设提速。星澜新材料项目落户汉川市，禾川物流园项目落户云梦县，恒悦新能源物流车项目将于年内投产。"
    )
    vehicle = next(name for name in found if "物流车" in name)
    assert found[vehicle] is None, found
    # a sentence naming one place only still gives it to its other projects
    found = districts_of_projects(
        "汉川市项目建设提速。星澜新材料项目落户汉川市，恒悦新能源物流车项目将于年内投产。"
    )
    vehicle = next(name for name in found if "物流车" in name)
    assert found[vehicle] == "汉川市", found


@pytest.mark.parametrize(
    "text",
    [
        "枣庄市重点项目推进顺利。今年以来，全市20个重点项目完成投资30亿元。恒川重工液压件项目、宏远玻璃纤维滕州有限公司三期项目等5个项目基本具备竣工条件。",
        "今年以来，枣庄市20个重点项目完成投资30亿元。\n薛城区恒川机械项目、峄城区宏达纸业项目等5个项目已投产；山东恒川重工液压件项目、宏远玻璃纤维滕州有限公司三期项目等5个项目基本具备竣工条件。\n目前，瑞丰碳素年产10万吨阳极项目、华瀚年产20万吨纸浆项目等8个项目实现竣工投产。",
        "今年以來，棗莊市20個重點項目完成投資30億元。\n薛城區恒川機械項目、嶧城區宏達紙業項目等5個項目已投產；山東恒川重工液壓件項目、宏遠玻璃纖維滕州有限公司三期項目等5個項目基本具備竣工條件。\n目前，瑞豐碳素年產10萬噸陽極項目、華瀚年產20萬噸紙漿項目等8個項目實現竣工投產。",
    ],
)
def test_a_place_inside_a_company_name_is_not_where_the_other_projects_of_its_list_go(text):
    found = districts_of_projects(text)
    others = {name: d for name, d in found.items() if "玻" not in name}
    assert others and all(d != "滕州市" for d in others.values()), found


@pytest.mark.parametrize(
    "text",
    [
        "青岛市集中签约6个项目，分别为蓝鲸电子元件项目、海川食品加工项目、市南区星海学校项目、"
        "城阳区康宁医院改造项目、云帆数字孪生工厂项目和李沧区浮山镇人居环境建设项目。",
        "青島市集中簽約6個項目，分別為藍鯨電子元件項目、海川食品加工項目、市南區星海學校項目、"
        "城陽區康寧醫院改造項目、雲帆數字孿生工廠項目和李滄區浮山鎮人居環境建設項目。",
    ],
)
def test_a_list_whose_other_items_open_with_their_own_places_gives_an_unplaced_item_none(text):
    found = districts_of_projects(text)
    assert found.get("市南区星海学校项目") == "市南区", found
    unplaced = [name for name in found if name.startswith(("蓝鲸", "海川"))]
    assert unplaced and all(found[name] is None for name in unplaced), found


@pytest.mark.parametrize(
    "text",
    [
        "青岛市今年以来重点项目进展顺利，相继开工海川大桥、市南至城阳区油路等项目。"
        "援建投资完成3亿元，开工建设了蓝湖大道延伸、云帆学校整体搬迁等项目。",
        "青島市今年以來重點項目進展順利，相繼開工海川大橋、市南至城陽區油路等項目。"
        "援建投資完成3億元，開工建設了藍湖大道延伸、雲帆學校整體搬遷等項目。",
    ],
)
def test_a_place_inside_another_projects_name_is_not_passed_on_down_the_paragraph(text):
    found = districts_of_projects(text)
    assert found.get("蓝湖大道延伸", "absent") is None, found
    assert found.get("云帆学校整体搬迁", "absent") is None, found


@pytest.mark.parametrize(
    "text",
    [
        "12月2日，城阳区重大项目签约仪式举行，城阳区人民政府与多家企业就8个项目签约，总投资40亿元。"
        "其中，与蓝鲸集团年产5万吨新材料项目、与海川科技有限公司电子商务产业园项目在青岛市招商推介大会上签约。",
        "12月2日，城陽區重大項目簽約儀式舉行，城陽區人民政府與多家企業就8個項目簽約，總投資40億元。"
        "其中，與藍鯨集團年產5萬噸新材料項目、與海川科技有限公司電子商務產業園項目在青島市招商推介大會上簽約。",
    ],
)
def test_a_city_where_the_signing_is_held_does_not_take_the_project_from_its_division(text):
    assert districts_of_projects(text).get("海川科技有限公司电子商务产业园项目") == "城阳区"


@pytest.mark.parametrize(
    "text",
    [
        "松原经开区全力推进重大项目建设\n\n近日，松原经济技术开发区以项目建设为中心，多措并举推进项目建设。\n\n"
        "与此同时，总投资6.5亿元的松原市禾澜气体有限公司工业气体中心项目已完成设备安装；"
        "总投资1.2亿元、占地2万平方米的星岚食品有限公司生产基地主体工程竣工，投产后年产食醋3万吨。",
        "松原經開區全力推進重大項目建設\n\n近日，松原經濟技術開發區以項目建設為中心，多措並舉推進項目建設。\n\n"
        "與此同時，總投資6.5億元的松原市禾瀾氣體有限公司工業氣體中心項目已完成設備安裝；"
        "總投資1.2億元、占地2萬平方米的星嵐食品有限公司生產基地主體工程竣工，投產後年產食醋3萬噸。",
    ],
)
def test_a_zones_own_news_sends_its_projects_to_the_zone(text):
    found = districts_of_projects(text)
    assert found and all(d == "松原经济技术开发区" for d in found.values()), found


@pytest.mark.parametrize(
    "text, other",
    [
        (
            "全省推进重点项目。岚溪氢能试验基地项目计划入驻翠屿经济开发区，预计年内开工；"
            "星澜新能源船舶示范基地项目预计9月底前开工建设。洪湖市、监利市共签约12个项目。",
            "星澜新能源船舶示范基地项目",
        ),
        (
            "一批项目落地。禾川新材料产业项目总投资90亿元，落地翠屿经济开发区；星澜康养社区项目总投资20亿元，正在建设。"
            "洪湖市、监利市共签约12个项目。",
            "星澜康养社区项目",
        ),
        (
            "一批項目落地。禾川新材料產業項目總投資90億元，落地翠嶼經濟開發區；星瀾康養社區項目總投資20億元，正在建設。"
            "洪湖市、監利市共簽約12個項目。",
            "星澜康养社区项目",
        ),
    ],
)
def test_a_place_where_another_project_of_the_sentence_goes_is_not_this_ones(text, other):
    found = districts_of_projects(text)
    assert other in found and found[other] is None, found
    assert any(district for district in found.values()), found


def test_a_place_the_project_itself_is_sent_to_stays_its_own():
    found = districts_of_projects(
        "洪湖市集中签约。岚溪氢能试验基地项目计划入驻翠屿经济开发区，预计年内开工；星澜船舶项目落户乌林镇。"
        "洪湖市、监利市共签约12个项目。"
    )
    assert found.get("岚溪氢能试验基地项目") == "翠屿经济开发区", found


@pytest.mark.parametrize(
    "text",
    [
        "青岛市举行重大项目集中签约活动。其中，位于李哥庄镇的星澜光电项目总投资5亿元。",
        "青島市舉行重大項目集中簽約活動。其中，位於李哥莊鎮的星瀾光電項目總投資5億元。",
    ],
)
def test_a_project_in_a_town_goes_to_the_towns_county(text):
    assert set(districts_of_projects(text).values()) == {"胶州市"}


def test_a_town_written_short_opening_a_projects_name_sends_it_to_the_towns_county():
    text = (
        "胶州市相关负责人出席城阳区举行的重大项目集中签约仪式。\n\n"
        "本次签约的李哥庄现代物流项目总投资3亿元，禾川冷链项目总投资2亿元。"
    )
    found = districts_of_projects(text)
    assert found["李哥庄现代物流项目"] == "胶州市", found


def test_a_town_written_short_counts_only_where_its_county_is_named():
    text = "城阳区举行重大项目集中签约仪式。\n\n本次签约的李哥庄现代物流项目总投资3亿元。"
    assert districts_of_projects(text)["李哥庄现代物流项目"] == "城阳区"


def test_a_town_of_another_city_is_no_place_of_the_report():
    text = "成都市举行重大项目集中签约活动。其中，位于李哥庄镇的星澜光电项目总投资5亿元。"
    assert set(districts_of_projects(text).values()) == {None}


@pytest.mark.parametrize(
    "text",
    [
        "乌林镇\n5月3日，乌林镇集中签约2个招商引资项目，协议投资额达2亿元，涵盖物流仓储、农产品加工等产业。\n"
        "分别是：建设仓储、运输一体化的星澜冷链物流中心项目；禾川包装材料项目。\n"
        "新滩镇\n5月9日，新滩镇人民政府与洪湖市岚溪农业有限公司年产5万吨饲料项目正式签约，协议投资额达1.2亿元。",
        "烏林鎮\n5月3日，烏林鎮集中簽約2個招商引資項目，協議投資額達2億元，涵蓋物流倉儲、農產品加工等產業。\n"
        "分別是：建設倉儲、運輸一體化的星瀾冷鏈物流中心項目；禾川包裝材料項目。\n"
        "新灘鎮\n5月9日，新灘鎮人民政府與洪湖市嵐溪農業有限公司年產5萬噸飼料項目正式簽約，協議投資額達1.2億元。",
    ],
)
def test_a_county_papers_round_up_of_its_towns_sends_its_projects_to_the_county(text):
    found = districts_of_projects(text)
    assert found["星澜冷链物流中心项目"] == "洪湖市", found
    assert found["禾川包装材料项目"] == "洪湖市", found


@pytest.mark.parametrize(
    "text",
    [
        "12月3日，汉江工业园定制厂房开园暨重大产业项目集中开工仪式举行。汉江工业园定制厂房项目位于汉江工业园樊城区"
        "自建区域，总投资3亿元。\n开园仪式上，集中开工项目4个，包括星澜精密、禾川电子，均为新能源配套企业，总投资24亿元。\n"
        "集中签约项目3个，包括岚溪科技、云帆新材，总投资13亿元。",
        "12月3日，漢江工業園定制廠房開園暨重大產業項目集中開工儀式舉行。漢江工業園定制廠房項目位於漢江工業園樊城區"
        "自建區域，總投資3億元。\n開園儀式上，集中開工項目4個，包括星瀾精密、禾川電子，均為新能源配套企業，總投資24億元。\n"
        "集中簽約項目3個，包括嵐溪科技、雲帆新材，總投資13億元。",
    ],
)
def test_projects_naming_no_place_take_the_zone_the_report_opens_with(text):
    found = districts_of_projects(text)
    assert found and set(found.values()) == {"汉江工业园"}, found


@pytest.mark.parametrize(
    "text",
    [
        "今年以来，全市重点项目建设加快，相继开工青溪电站、临朐县城南公路、海湾大桥等重点项目。",
        "全区项目建设提速，先后开工青溪电站、海湾大桥、临朐县城南公路等重点项目。",
        "今年以來，全市重點項目建設加快，相繼開工青溪電站、臨朐縣城南公路、海灣大橋等重點項目。",
    ],
)
def test_a_division_opening_one_listed_projects_name_is_not_the_division_the_report_is_about(text):
    found = districts_of_projects(text)
    others = {name: d for name, d in found.items() if name and ("电站" in name or "電站" in name)}
    assert others and all(d is None for d in others.values()), found


@pytest.mark.parametrize(
    "text",
    [
        "西藏自治区统计局数据显示，2013年西藏完成固定资产投资918亿元。过去的一年，西藏积极实施重点工程：投资45亿元的"
        "星澜水利枢纽工程投产发电；拉萨到林芝高等级公路开工建设；墨脱公路正式通车；禾川电网联网工程开工建设。",
        "2022年，吉林省将推动陆上风光三峡、沈白高铁、蛟河抽水蓄能等重大基础设施项目建设，加快星澜清洁能源装备基地、"
        "禾川中医药产业园等重大项目开工。落实吉林市签约的142个重大项目。",
    ],
)
def test_a_county_stem_naming_a_public_work_is_no_place_of_the_other_projects(text):
    found = districts_of_projects(text)
    others = {name: district for name, district in found.items() if name.startswith(("星澜", "禾川"))}
    assert len(others) == 2 and set(others.values()) == {None}, found


def test_one_of_a_list_of_places_in_a_paragraph_above_leads_no_project():
    found = districts_of_projects(
        "重庆市经信委聚焦项目引进。分别与两江新区、渝北区、永川区、大足区、垫江县等区县建立联合招商团队。\n"
        "推动长安福特三工厂、星澜金属机壳、禾川电子显示器等268个项目投产。"
    )
    assert found and set(found.values()) == {None}, found


def test_a_division_named_only_inside_a_roads_name_is_not_where_the_reports_projects_go():
    found = districts_of_projects(
        "前5月西宁—海东都市圈重点项目开工率达86%\n"
        "人民网西宁6月26日电 交通项目建设方面，西宁至成都铁路、机场三期、G0612西宁至和田高速湟源至西海等项目全速推进。\n"
        "特色产业项目建设方面，星澜算力运营项目开工建设。"
    )
    assert found["西宁至成都铁路"] is None and found["星澜算力运营项目"] is None, found
