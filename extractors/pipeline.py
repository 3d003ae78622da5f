"""Document → Extraction: the default rules engine (jieba + gazetteers + rules).

Each stage is a small pure function in its own module; this module only wires them. Extraction runs on a
simplified, half-width view of the text (same length, so offsets hold) and every surface form it reports
is cut back out of the original text.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from zhaoyin.extractors import lang
from zhaoyin.extractors.amounts import find_amounts, local_yuan
from zhaoyin.extractors.backends import BackendUnavailable
from zhaoyin.extractors.companies import find_companies
from zhaoyin.extractors.dates import dated_publication
from zhaoyin.extractors.districts import find_districts, outlet_city
from zhaoyin.extractors.fingerprint import fingerprint
from zhaoyin.extractors.gazetteer import gazetteer
from zhaoyin.extractors.keys import attach_keys, locate_evidence, set_fields
from zhaoyin.extractors.kinds import classify_projects
from zhaoyin.extractors.metrics import find_metrics
from zhaoyin.extractors.policies import find_policies
from zhaoyin.extractors.projects import find_projects
from zhaoyin.extractors.script import simplified_view
from zhaoyin.extractors.text import halfwidth
from zhaoyin.schemas import Company, District, Document, Extraction, Mention, Span

# 0.5.0: records carry their evidence offsets and resolution keys, extractions their reprint fingerprint
# (the warehouse no longer computes them: `reextract` gives rows of older versions theirs)
# 0.6.0: keys and fingerprints in the simplified script, projects with a kind (fund) and district path
# 0.7.0: rules measured on real third-party reports: enumerations, per-item status and district, province
#        subjects, metric targets, name boundaries, simplified canonicals, datelines and policy news
# 0.8.0: second round on real reports: list grammar and investors of unnamed projects, former counties and
#        zones in landing slots, metric conditions vs figures, Chinese-numeral counts and rates
# 0.9.0: variant characters, trade words after GB/T 4754, per-place metric lists, subjects of added places
# 0.10.0: place names of the report's date, Taiwan divisions and currency, lists of full project names,
#         status per item (投运, readiness), firms typed by their list, work-report and 兵团 subjects
# 0.11.0: zones typed by the list that closes them, county short names in project lists, the report's
#         province by majority, slogans and share-weighed kinds not projects, status of 意向/引进/洽谈,
#         the firm whose stated investment introduces a project, list heads without a count (项目包括/项目有),
#         breakdowns after 其中, national zones' short forms, 新城, one zone under several names
# 0.12.0: 计划投资 with a sum states an investment, not a plan; trial runs are completed; firms in headed lists
#         and firms whose representatives take a step are projects; a province or other city before a brand
#         stays in its name; eminent-firm lists; task sums as metrics; zones ending in 基地/园区/平台 in a
#         landing slot; a town of the report's city gives a project its county (towns.tsv)
# 0.13.0: the place a clause or paragraph opens with (zone or county) places its figures and projects; a
#         figure spread over listed places goes to the division holding them; 加快推进 is started, 并网发电
#         completed; a name holds no predicate; a word and its trade heading a project are its investor; the
#         report's city stays before a coined brand; zones named after rivers and mountains, 空港经济区;
#         其中 parts with equal figures, 已有 counts, 签约 sums, slogans (三个一批) no counts
# 0.14.0: a county named by its stem alone (the title's, 我区/全县) is the report's place; a division keeps the
#         name the report gives it (renamed since); counts in 家 count firms; 投资+sum after a count of
#         projects is their total; a number or a head counting projects types every item of its list, and a
#         list typed as firms makes firms of its items; a brand keeps its province; a yearly investment plan is
#         a project being built (started), 拟投资+sum an agreed size; names never end inside a bracket; a list
#         item that is only a firm's name is that firm's project; zones named after a town, parks named by two
#         places (甲乙合作产业园); a list over several cities counts for the province
# 0.15.0: a change against a baseline (比去年同期增加…) and a sum before 投资 are figures; a place's short name
#         naming a station, line or quake is no district; 片区/工业城 zones in a landing slot; 投产运营 is
#         completed, 开竣工 started; a firm bearing its own sum is a project; a counted list ends at its count;
#         the longest nested firm is a project's investor (the branch); time words, 有 after a list head and a
#         foreign firm's origin (美商) end names on the left; fairs are no firms; a brand keeps its trade before
#         a plant's capacity; a Taiwanese place's figures are Taiwan's; digits one by one (二兆五六九〇亿元)
#         (round 24) a registered name cut at a boundary word with no core left takes the word in; zones
#         never hold a clause (举办…产业园) or a counted quantity (首个); 只/支 count funds and projects; a
#         ranking's leaders' sums are figures; 新政 names a policy in news
# 0.16.0: (rounds 25–26, from the errors of fresh batches) a list of the projects an earlier sentence counted
#         takes that count's step; 启动建设, 封顶, 顺利推进 are started; list items ending in a phase are whole and
#         a name found alone gives way to its item; an ASCII dot inside a list item joins a name; counts among a
#         set a sentence opens with (…项目中，甲区15个) and a city's short name before its count (福州115个); 间
#         counts firms, 项目数为 counts projects; a report speaking as its province gives it its figures, and
#         one naming no city is its paper's city's; 和县区 and 四大园区 name no division; HK/Macao 元 is
#         HKD/MOP; countries are no firms
# 0.17.0: (round 27, from batch Q's errors) a currency declared for the figures below it (下同) or named
#         before or after 元, a 新台币 report's bare 元, 亿…万…千 figures; hard-wrapped text files joined into
#         paragraphs; items a sum opens (总投资80亿元的A、…) are projects whole; 430 more known brands; a name
#         glossed in Latin after 美商/品牌; zones without the province opening their registered name;
#         provincial openings and officials' titles in subjects; Taiwan's approval statistics; 各县（市、区）
#         lists; 安排/谋划/储备 are planned; a count and a colon open a list; localizers and 供应商 as boundaries
# 0.18.0: (round 28, from batches R and S) counties written with their former ending (禄丰县); 自治区层面,
#         省域外, bracketed venues and the place a city's event is held in as no subjects; breakdowns past ；
#         and from 从…看; rankings' leaders;
#         成 in digits, 成长, 投(增); bare 兆 and 斥资; the clause's closing verb and 分别 pairing for projects;
#         counts after firms (A、B两个项目); fields after 涉及 and counted lists of fields; sub-projects; trades
#         and classes of firms (五百强, 强企) in firm lists; datelines in 繁體 and dates the body speaks of
# 0.19.0: (round 29, from batches T and U) steps given as alternatives (开工或投产) and works put out to tender
#         are plans, 主体完工 is still building, 项目达产 operating; a list head ends at a second count, a part
#         counted in a paragraph takes the count it opens with; public works named after a county (墨脱公路) and
#         one of a list of places lead no project; zones registered under their city's name (沧州渤海新区), stems
#         listed between divisions (南岸); counts of nouns joined by 及/与 or after longer listed modifiers, a
#         sum said of a counted list, 合同额; 哈市;
#         three-character 字号, firm classes (独角兽), government bodies, origins (台商) and 核准 before names
# 0.20.0: (round 30, from batch V) a capacity inside a project's name (某某30万吨…) and two activities joined by
#         与 stay in it, a conjunction after 项目 joins two; a project's works site (建设现场, 工地) names it and
#         says it is being built, 加快 before a step is no step taken; 东乡县 alone, zones written later without
#         their city, a province's zones of a kind, 青海高新区 keeping its province; 间 counts firms, a
#         respectively clause takes the places listed before it, cities listed by their short names before a
#         count; bare 公司 of a kind (跨国公司), and pronouns, prepositions or verbs before registered names
# 0.21.0: (round 31, from batch X) classes of projects measured (某类项目比重), counted (两个百亿级项目), led by
#         及其 or said as what counted projects mainly are; a place taking a step opens no listed name; a
#         subject's effort verb is a clause; a counted list of firms ends at its clause and merges with the
#         project a later sentence names; facilities named between full names; officials' offices place no
#         project; 准备 is a plan; autonomous prefectures' bare names (楚雄, 昌吉); 全国 zones are none, a
#         municipality's bare 自贸试验区 is its own; clause verbs after a division open no zone; a place owning a
#         count by 的; 到位额, 已经 before a count, Taiwan's 投资案件; 城市 and words of position name no one
# 0.22.0: (round 32, from batch Y) a count after one park counts its projects; a counted head of parks types
#         its list (5大园区); zones' areas with their kind (平房经济技术片区), a new area written with its city
#         (天津滨海新区, 绍兴滨海新区), Hong Kong's parks and 科学园区; Taiwan's bare 億/兆 sums, yearly change
#         (年增), digits one by one (一七〇一家), 专案 read as 项目; lists typed by a ranking (世界500强), places
#         firms come from, clauses opening a list, Latin names in brackets, 中国 before a firm's name, zones
#         before registered names, counts before 公司; 投资额, a whole's sum before 其中, comma lists after a
#         colon; 扎实推进 is started; day-first time stamps and dates in page addresses
# 0.23.0: (round 33, from batch Z) Macao's 外来直接投资, changes 按年/同比, sums restated 折合 another currency,
#         progress rates (进度), firms in 户, a list's total after a colon; quoted names and one project's rates
#         no figures; Macao's and Hong Kong's bare 億; counts of firms before their noun, 透过, renamed firms in
#         brackets, people after titles, lists typed by two trades, brands before a facility, verbs opening
#         short names; a county in a listed name, two facilities in one item, a firm a sum opens, a partner's
#         project, a firm landed, a brand's ceremony, works of a project; 谋划实施, 开工(投产), 新续建, 设立了,
#         即将完工, a batch's step said before or after it; tails of everyday words (示范县, 沿海城市), 工业邨;
#         provinces inside registered names; event years in quotes, years compared against
# 0.24.0: (round 34, from batches AA–AD) a park named after its zone, zones that regions set up together
#         (粤澳合作产业园), a national high-tech zone written with its level, 石化区/化工区, place-tagged words
#         in a zone's name; a listed item's phase, 母公司/代表/从 before a name, a registered firm whatever its
#         core, a brand's 集团, a brand after its country, firms said to land, a registered name again without
#         its place, 进出口 a trade; a step closing a listed item, a sum built with, a firm moving in, a project
#         brought in at a signing with its funds, 建成，将 a condition, the mention placing a project, slogans
#         and classes in quotes, foreign sums alone, 合同项目 signed; one project's funds no figure; 廿/卅,
#         三元 before a battery material; 乾 and 昇 kept in the simplified view
# 0.25.0: (round 35, from batches AE–AF) a coined brand cut into pieces before its trade, more large groups by
#         their short names, 在内 closing a list, no name from a number's magnitude, industry words the
#         dictionary lacks (低碳, 数智); a place's unlisted 经开区 is its 经济开发区, 海南自由贸易港 no zone;
#         parts of a breakdown with their figures in brackets, shares in brackets after a figure, 外来投资,
#         a list's sum past its qualifier, bare 金额 after a count, Taiwan's 年增/年减; 三千五亿; pinyin
#         glosses without tone marks (億(yi) 元); 另 a function character
# 0.26.0: (round 36, from batches AG–AH) a currency declared by its amount (…澳门元(下同)), bare 亿 beside
#         内资/外资, before 投资 or passed by a count (50亿以上15个); headline figures rounded with another verb;
#         subjects: a provincial fair's capital as dateline and venue, each place opening an item of a list
#         of figures, a ranking said by its size (前5名是), regions named after a city (…都市圈), the province
#         an anaphor ranks in (全省第二), a headline's province with the capital only its dateline, a work
#         report's sentence alone; the prefecture-level cities without counties; Taiwan's 美商/荷商 firms,
#         city banks, more groups by short names, 国内/境外 before a name; public lines name no investor;
#         sectors, a fair's deals and industry clusters are no projects; a division only inside a work's
#         name is not the report's own; 全速推进
# 0.27.0: (round 37, from batches AJ and AK) 提速实施/加快实施 say a work is under way; 此次/本次/这次 and 落实
#         open no name; a project has a name or an investor (a signing counted by its firms is none); banks a
#         list types as such are firms that came, a bank's branch is named whole, a bank only signing brings no
#         project; 10(含)亿元 is the sum said; an autonomous region speaks of itself as 全区/我区; lookups by
#         position indexed (same output, a long document no longer costs the square of its length)
EXTRACTOR_VERSION = "0.27.0"
OCR_CONFIDENCE = 0.7  # factor applied to every record's confidence when the text came from OCR
LAC_BACKEND = "rules+lac"
NER_BACKEND = "rules+ner"
RULES_COMPANIES = (LAC_BACKEND, NER_BACKEND, "rules")  # backends whose companies start from find_companies
log = logging.getLogger(__name__)
T = TypeVar("T")


def _stage(name: str, fallback: T, strict: bool, fn: Callable[..., T], *args, **kwargs) -> T:
    """Run one stage; a failure is logged and yields `fallback` unless `strict` (tests) re-raises."""
    try:
        return fn(*args, **kwargs)
    except BackendUnavailable:
        raise  # the user asked for a backend that cannot run here: say so, don't extract less
    except Exception:
        if strict:
            raise
        log.exception("extraction stage %s failed; continuing without it", name)
        return fallback


_ASCII_FULL_STOP = re.compile(lang.pattern("punctuation", "ascii_full_stop"))
_DOT_IN_A_LIST_ITEM = re.compile(lang.pattern("punctuation", "dot_in_a_list_item"))


def extraction_view(text: str) -> str:
    """The text the extractors read: simplified, half-width, and an ASCII full stop ending a sentence
    read as 。, but not one joining a list item's name (same length: offsets unchanged)."""
    view = simplified_view(text)
    view = halfwidth(view if len(view) == len(text) else text)
    if "." not in view:
        return view
    in_names = {m.start("dot") for m in _DOT_IN_A_LIST_ITEM.finditer(view)}
    full_stop = lang.chars("full_stop")
    return _ASCII_FULL_STOP.sub(lambda m: m.group() if m.start() in in_names else full_stop, view)


def _backend_companies(backend: str, text: str) -> list[Company]:
    from zhaoyin.extractors.backends import get_backend

    companies: dict[str, Company] = {}
    for mention in get_backend(backend).entities(text):
        if mention.label != "company":
            continue
        name = mention.canonical or mention.text
        company = companies.setdefault(
            name, Company(canonical=name, mentions=[], confidence=mention.confidence)
        )
        if mention.text not in company.mentions:
            company.mentions.append(mention.text)
        company.spans.append(Span(start=mention.start, end=mention.end))
    return list(companies.values())


def _with_added_companies(
    backend: str, text: str, companies: list[Company], projects, projects_for
) -> tuple[list, list]:
    """The rules' companies plus those typed LAC spans or the trained `ner` add; the projects read again to
    see their investors."""
    if backend == LAC_BACKEND:
        from zhaoyin.extractors.backends.lac_backend import lac_companies as more_companies
    else:
        from zhaoyin.extractors.backends.ner_backend import ner_companies as more_companies

    added = more_companies(text, companies, projects)
    if not added:
        return companies, projects
    companies = companies + added
    return companies, projects_for(companies=companies)


def _places_province(districts: list[District], city: str | None) -> str | None:
    """The province most of a report's places (and its city) lie in, or None."""
    votes = Counter(d.province for d in districts if d.province)
    votes.update(e.place.province for e in gazetteer().places_named(city or "") if e.place.province)
    return votes.most_common(1)[0][0] if votes else None


def _investors_only_projects_name(text: str, companies: list[Company], projects) -> list[Company]:
    """路易达孚 in 董家口炼化一体化、路易达孚…等重点工程 is an investor the company finder had no slot for."""
    known = {m for c in companies for m in c.mentions}
    added: dict[str, Company] = {}
    for project in projects:
        name = project.company
        if name and name not in known and name not in added:
            spans = [Span(start=m.start(), end=m.end()) for m in re.finditer(re.escape(name), text)]
            added[name] = Company(canonical=name, mentions=[name], spans=spans, confidence=0.6)
    return list(added.values())


def _restore_surfaces(original: str, view: str, extraction: Extraction) -> None:
    """Mentions and evidence as the document writes them (full-width, traditional script); the canonical
    names of companies, districts and projects in simplified script."""

    def cut(start: int | None, end: int | None, fallback: str) -> str:
        return original[start:end] if start is not None and end is not None and 0 <= start < end else fallback

    def as_written(value: str | None, *, width_only: bool = False) -> str | None:
        """`value` as the document writes it; `width_only` keeps official (simplified) names as they are."""
        at = view.find(value) if value else -1
        if not value or at < 0:
            return value
        written = original[at : at + len(value)]
        return written if not width_only or halfwidth(written) == value else value

    def canonical(value: str | None, *, width_only: bool = False) -> str | None:
        """A name's one canonical form is simplified (a 繁體 report's 寧德時代 is 宁德时代), in the document's
        width; the written forms stay in the mentions."""
        written = as_written(value, width_only=width_only)
        return simplified_view(written) if written else written

    renamed: dict[str, str] = {}
    for records, width_only in ((extraction.companies, False), (extraction.districts, True)):
        for record in records:
            surfaces = [cut(s.start, s.end, "") for s in record.spans]
            written = canonical(record.canonical, width_only=width_only)
            renamed[record.canonical] = written
            set_fields(
                record,
                mentions=list(dict.fromkeys(s for s in surfaces if s)) or record.mentions,
                canonical=written,
            )
    for record in (*extraction.amounts, *extraction.metrics):  # only where the offsets frame the text
        if view[record.start or 0 : record.end or 0] == record.text:
            set_fields(record, text=cut(record.start, record.end, record.text))
    for project in extraction.projects:
        set_fields(
            project,
            evidence=cut(project.start, project.end, project.evidence),
            name=canonical(project.name),
            amount_text=as_written(project.amount_text),
            company=renamed.get(project.company or "", project.company),
            district=renamed.get(project.district or "", project.district),
        )
    for metric in extraction.metrics:
        set_fields(metric, subject=renamed.get(metric.subject or "", metric.subject))
        found = locate_evidence(view, metric.evidence or "", metric.start, metric.end)
        if found:
            set_fields(
                metric, evidence_start=found[0], evidence_end=found[1], evidence=original[found[0] : found[1]]
            )
    for mention in extraction.mentions:
        set_fields(
            mention,
            text=cut(mention.start, mention.end, mention.text),
            canonical=renamed.get(mention.canonical or "", mention.canonical),
        )


def _mentions(extraction: Extraction, company_source: str) -> list[Mention]:
    """Districts and amounts always come from the rules; companies from the chosen backend."""
    out = []
    for label, records, source in (
        ("company", extraction.companies, company_source),
        ("district", extraction.districts, "rules"),
    ):
        for record in records:
            out += [
                Mention(
                    text="", label=label, start=s.start, end=s.end, canonical=record.canonical, source=source
                )
                for s in record.spans
            ]
    out += [
        Mention(text=a.text, label="amount", start=a.start, end=a.end, source="rules")
        for a in extraction.amounts
        if a.start is not None and a.end is not None
    ]
    return sorted(out, key=lambda m: (m.start, m.end))


def extract(document: Document, backend: str = "rules", *, strict: bool = False) -> Extraction:
    """Run every extractor on one document. Never raises on any text unless `strict`."""
    original = document.text or ""
    text = _stage("view", None, strict, extraction_view, original)
    if text is None:
        text = halfwidth(original)

    # a document read back from the warehouse carries the date_source of its last extraction
    meta_source = document.meta.get("date_source") or document.meta.get("published_from")
    published, date_source = _stage(
        "dates",
        (document.published, meta_source),
        strict,
        dated_publication,
        text,
        document.published,
        meta_source=meta_source,
        imported=document.fetched_at,
    )
    districts, city = _stage("districts", ([], None), strict, find_districts, text, published)
    city = city or outlet_city(document.meta.get("source_name"))  # a report naming no city: its paper's
    if backend in RULES_COMPANIES:
        companies = _stage("companies", [], strict, find_companies, text)
    else:
        companies = _stage("companies", [], strict, _backend_companies, backend, text)
    yuan = _stage("currency", None, strict, local_yuan, original, text, _places_province(districts, city))
    amounts = _stage("amounts", [], strict, find_amounts, text, yuan=yuan)
    metrics = _stage(
        "metrics",
        [],
        strict,
        find_metrics,
        text,
        amounts=amounts,
        districts=districts,
        city=city,
        published=published,
        local_currency=yuan,
    )
    projects = _stage(
        "projects",
        [],
        strict,
        find_projects,
        text,
        amounts=amounts,
        companies=companies,
        districts=districts,
        metrics=metrics,
        published=published,
    )
    if backend in (LAC_BACKEND, NER_BACKEND):
        projects_for = partial(
            find_projects, text, amounts=amounts, districts=districts, metrics=metrics, published=published
        )
        companies, projects = _stage(
            "added companies",
            (companies, projects),
            strict,
            _with_added_companies,
            backend,
            text,
            companies,
            projects,
            projects_for,
        )
    companies += _investors_only_projects_name(text, companies, projects)
    projects = _stage("kinds", projects, strict, classify_projects, text, projects, amounts)
    policies = _stage("policies", [], strict, find_policies, text)

    extraction = Extraction(
        doc=document.source.rsplit("/", 1)[-1] if document.source else None,
        doc_id=document.doc_id,
        published=published,
        date_source=date_source,
        city=city,
        projects=projects,
        companies=companies,
        districts=districts,
        amounts=amounts,
        metrics=metrics,
        policies=policies,
        extractor_version=EXTRACTOR_VERSION,
        backend=backend,
    )
    extraction.mentions = _mentions(extraction, backend)
    _restore_surfaces(original, text, extraction)
    _stage("keys", None, strict, add_evidence_keys_and_fingerprint, document, extraction)
    if document.meta.get("ocr"):
        _discount_confidence(extraction, OCR_CONFIDENCE)
    return extraction


def add_evidence_keys_and_fingerprint(document: Document, extraction: Extraction) -> Extraction:
    """What the warehouse needs beside the records: evidence sentences with their offsets, resolution keys
    (extractors.keys) and the document's reprint fingerprint. In place; also for records made by hand."""
    attach_keys(document.text or "", extraction)
    extraction.fingerprint = fingerprint(document.text or "")
    return extraction


def _discount_confidence(extraction: Extraction, factor: float) -> None:
    """Records read from OCR text are less certain than those from a text layer."""
    for records in (
        extraction.projects,
        extraction.companies,
        extraction.districts,
        extraction.amounts,
        extraction.metrics,
        extraction.mentions,
    ):
        for record in records:
            record.confidence = round(record.confidence * factor, 3)
