"""Write the linkage test set: news-style reports of invented projects, several reports per project.

    python -m zhaoyin.scripts.make_linkage_set tests/data/linkage

Every project is reported in 2–5 documents, the way papers report one project over its life: its signing
under the investor's registered name, a reprint by another outlet, a 繁體 twin, its groundbreaking under the
short name in the zone inside the county the signing named, its completion under a shorter project name.
Some companies have two projects (different products, or 一期/二期 of one base that must stay apart). The
companies are invented; the places are real counties and the national development zones inside them, so
the gazetteer knows the hierarchy. `truth.json` says, for every document, which projects it reports and a
string of each project's name as that document writes it (`anchor`); tests/test_linkage_set.py scores the
warehouse's resolution against it.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import opencc

# (city, county, zone inside the county) — zones named after their county, in the national ETDZ list
PLACES = [
    ("青岛市", "胶州市", "胶州经济技术开发区"),
    ("苏州市", "昆山市", "昆山经济技术开发区"),
    ("嘉兴市", "嘉善县", "嘉善经济技术开发区"),
    ("长沙市", "浏阳市", "浏阳经济技术开发区"),
    ("宣城市", "宁国市", "宁国经济技术开发区"),
    ("无锡市", "江阴市", "江阴高新技术产业开发区"),
    ("湖州市", "长兴县", "长兴经济技术开发区"),
    ("苏州市", "常熟市", "常熟经济技术开发区"),
    ("长沙市", "宁乡市", "宁乡经济技术开发区"),
    ("苏州市", "张家港市", "张家港经济技术开发区"),
    ("安庆市", "桐城市", "桐城经济技术开发区"),
]
BRANDS = (
    "澜峰 拓宇 嘉衡 铂川 晟屹 沐辰 曜石 恒舸 锦埔 翰霖 朗晖 睿驰 泓毅 骁腾 岚汐 铠岳 溯源 弘璟 "
    "宸锐 峻熙 璞瑞 瀚泽 煜坤 钧瀚 棠溪 渊澄 卓崧 昊邦 瑞岚 锐澜 启澄 清岳 蔚川 凌霄 竺溪 霁川 砺锋 鸿岱 策衡"
).split()
INDUSTRIES = [
    ("新能源", "新能源科技"),
    ("智能", "智能装备"),
    ("生物", "生物医药"),
    ("新材", "新材料科技"),
    ("微电子", "微电子"),
    ("汽车部件", "汽车部件"),
    ("精密", "精密机械"),
    ("储能", "储能技术"),
]
LEGAL = ["有限公司", "股份有限公司", "集团有限公司"]
THEMES = (
    "动力电池 储能系统 光伏组件 氢燃料电池 工业机器人 数控机床 碳纤维复合材料 功率半导体 医学影像设备 生物制剂 "
    "智能网联汽车零部件 高端轴承 锂电隔膜 特种合金 精密铸件 风电装备 环保装备 冷链物流 数据中心 高端纺织 "
    "智能家居 电子元器件 光通信模块 汽车传感器 工业无人机 船舶配套 轨道交通装备 航空零部件 绿色建材 新型显示 "
    "有机硅材料 钠离子电池 电驱动系统 智能仪表 生物基材料 半导体封测 工业气体 磁性材料 水性涂料 高分子膜材料 "
    "电子特气 医用耗材 智能农机 海洋装备 锂电正极材料 手机结构件 光学镜头 医疗机器人"
).split()
NOUNS = ["生产基地", "产业园", "制造基地", "研发制造中心"]
FILLER = [
    "今年以来，当地坚持把招商引资作为经济工作的“生命线”，围绕主导产业开展精准招商，一批优质项目相继落地。",
    "据介绍，园区将强化要素保障，推行“拿地即开工”审批模式，全力推动项目早建成、早投产、早见效。",
    "下一步，当地将持续优化营商环境，完善产业链上下游配套，加快形成产业集群。",
    "活动现场，相关负责人表示，将为企业提供全生命周期服务，确保项目顺利推进。",
]
OUTLETS = ["本报讯", "新华网讯", "经济日报讯", "澎湃新闻讯", "大众日报讯"]


def _company(rng: random.Random, brand: str, industry: tuple[str, str], city: str) -> dict:
    form = rng.choice(LEGAL)
    bracketed = rng.random() < 0.3
    registered = (
        f"{brand}{industry[1]}（{city[:-1]}）有限公司" if bracketed else f"{brand}{industry[1]}{form}"
    )
    return {"registered": registered, "short": f"{brand}{industry[0]}"}


def _date(rng: random.Random, year: int, month: int) -> tuple[str, str]:
    day = rng.randint(1, 28)
    return f"{year}年{month}月{day}日", f"{year}-{month:02d}-{day:02d}"


def _signing(p: dict, date: str, outlet: str, rng: random.Random) -> str:
    c, name = p["company"], p["name"]
    return (
        f"{p['county_short']}集中签约一批重点项目 总投资超百亿元\n\n"
        f"{outlet}　{date}，{p['city']}{p['county']}举行重点项目集中签约仪式。"
        f"其中，由{c['registered']}投资的{name}总投资{p['amount']}亿元，落户{p['county']}，"
        f"主要建设智能化生产线及配套设施，项目达产后预计年产值{p['amount'] * 2}亿元。\n\n"
        f"{rng.choice(FILLER)}\n\n{rng.choice(FILLER)}\n"
    )


def _start(p: dict, date: str, outlet: str, rng: random.Random) -> str:
    c = p["company"]
    alias = p["alias"]
    return (
        f"{c['short']}{alias}在{p['zone']}开工\n\n"
        f"{outlet}　{date}，{c['short']}{alias}在{p['city']}{p['zone']}正式开工建设。"
        f"该项目总投资{p['amount']}亿元，由{c['short']}投资建设，计划明年建成。\n\n"
        f"{rng.choice(FILLER)}\n"
    )


def _completion(p: dict, date: str, outlet: str, rng: random.Random) -> str:
    c = p["company"]
    return (
        f"{c['short']}{p['theme']}基地{p['phase']}建成投产\n\n"
        f"{outlet}　{date}，位于{p['city']}{p['zone']}的{c['short']}{p['theme']}基地{p['phase']}项目正式建成投产，"
        f"项目总投资{p['amount']}亿元。\n\n{rng.choice(FILLER)}\n"
    )


def _pair_report(a: dict, b: dict, date: str, outlet: str, rng: random.Random) -> str:
    """One report listing two projects of different companies in one county."""
    return (
        f"{a['county_short']}一批重点项目集中开工\n\n"
        f"{outlet}　{date}，{a['city']}{a['county']}一批重点项目集中开工。"
        f"由{a['company']['registered']}投资的{a['name']}，总投资{a['amount']}亿元；"
        f"{b['company']['registered']}投资的{b['name']}，总投资{b['amount']}亿元。\n\n{rng.choice(FILLER)}\n"
    )


def build(seed: int = 17) -> tuple[dict[str, str], dict]:
    rng = random.Random(seed)
    to_traditional = opencc.OpenCC("s2t")
    projects: list[dict] = []
    themes = iter(THEMES)
    for number, brand in enumerate(BRANDS):
        city, county, zone = PLACES[number % len(PLACES)]
        industry = INDUSTRIES[number % len(INDUSTRIES)]
        company = _company(rng, brand, industry, city)
        shape = number % 5  # 0, 1, 4: one project; 2: two products; 3: 一期/二期 of one base
        count = 2 if shape in (2, 3) else 1
        theme = next(themes, None)
        if theme is None:
            break
        for phase_index in range(count):
            if shape == 2 and phase_index == 1:
                theme = next(themes, None)
                if theme is None:
                    break
            noun = rng.choice(NOUNS)
            phase = ("一期", "二期")[phase_index] if shape == 3 else ""
            name = f"{brand}{theme}{noun}{phase}项目" if rng.random() < 0.5 else f"{theme}{noun}{phase}项目"
            projects.append(
                {
                    "id": f"P{len(projects) + 1:02d}",
                    "company": company,
                    "city": city,
                    "county": county,
                    "county_short": county[:-1],
                    "zone": zone,
                    "theme": theme,
                    "phase": phase,
                    "name": name,
                    "alias": f"{theme}{noun}{phase}项目",
                    "amount": rng.choice([6, 8, 12, 15, 18, 20, 25, 30, 35, 40, 50, 60, 80])
                    + 2 * phase_index,
                }
            )

    docs: dict[str, str] = {}
    truth: dict[str, list[dict]] = {}

    def add(text: str, entries: list[tuple[dict, str]]) -> str:
        doc = f"d{len(docs) + 1:03d}.txt"
        docs[doc] = text
        truth[doc] = [{"project": p["id"], "anchor": anchor} for p, anchor in entries]
        return doc

    for i, p in enumerate(projects):
        year = 2023 + (i % 3)
        month = 1 + (i % 6)
        sign_date, _ = _date(rng, year, month)
        outlet = OUTLETS[i % len(OUTLETS)]
        signing = _signing(p, sign_date, outlet, rng)
        add(signing, [(p, p["theme"])])
        variants = rng.sample(["reprint", "traditional", "start", "completion"], k=rng.randint(1, 3))
        if p["phase"] == "二期" and "completion" in variants:
            variants.remove("completion")  # only the first phase is finished
        if "start" not in variants:
            variants.append("start")
        for variant in variants:
            if variant == "reprint":
                head, _, body = signing.partition("\n\n")
                trimmed = body.rsplit("\n\n", 1)[0]
                add(
                    f"{head}\n\n{trimmed.replace(outlet, OUTLETS[(i + 1) % len(OUTLETS)], 1)}\n",
                    [(p, p["theme"])],
                )
            elif variant == "traditional":
                add(to_traditional.convert(signing), [(p, p["theme"])])
            elif variant == "start":
                date, _ = _date(rng, year, min(12, month + 4))
                add(_start(p, date, OUTLETS[(i + 2) % len(OUTLETS)], rng), [(p, p["theme"])])
            else:
                date, _ = _date(rng, year + 1, month)
                add(_completion(p, date, OUTLETS[(i + 3) % len(OUTLETS)], rng), [(p, p["theme"])])
    # reports listing two projects of two companies in one county
    reports = {p["id"]: sum(p["id"] == e["project"] for d in truth.values() for e in d) for p in projects}
    for a in projects[0::6]:
        b = next(
            (
                q
                for q in projects
                if q["county"] == a["county"] and q["company"] != a["company"] and reports[q["id"]] < 5
            ),
            None,
        )
        if b is None or reports[a["id"]] >= 5:
            continue
        reports[a["id"]] += 1
        reports[b["id"]] += 1
        date, _ = _date(rng, 2025, 9)
        add(_pair_report(a, b, date, "本报讯", rng), [(a, a["theme"]), (b, b["theme"])])
    meta = {
        "projects": {
            p["id"]: {k: p[k] for k in ("name", "theme", "phase", "county", "zone", "amount")}
            | {"company": p["company"]["registered"], "short": p["company"]["short"]}
            for p in projects
        },
        "documents": truth,
    }
    return docs, meta


def main(out: str) -> None:
    folder = Path(out)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    docs, meta = build()
    for name, text in docs.items():
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    (folder / "truth.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(meta['projects'])} projects in {len(docs)} documents → {folder}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/data/linkage")
