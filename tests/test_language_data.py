"""The Chinese language data lives in extractors/lang, one file per concept, read through one API."""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

import pytest

from zhaoyin.extractors import lang

ROOT = Path(__file__).resolve().parent.parent
EXTRACTORS = ROOT / "extractors"
WAREHOUSE = ROOT / "warehouse"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")

# warehouse files that may hold Chinese string literals, each with its reason
WAREHOUSE_ALLOWED = {
    "report.py": "the HTML report's bilingual labels (签约 signed, 亿元)",
    "resolution.py": "company-core and project-key rules, moving to extractors/keys.py",
}

# Chinese string literals still in extractors/ code outside lang/: file → (count, reason). Regex grammar
# (dates, amounts, policy clauses) is written in place where pulling single characters out would make it
# unreadable; the word lists it turns on live in lang/.
EXTRACTORS_ALLOWED = {
    "amounts.py": (9, "the number grammar: Chinese digits, 点, range dashes"),
    "backends/augment.py": (16, "templates of invented names: （city）有限公司, 集团/股份/科技/控股"),
    "backends/lexicon.py": (2, "full-width brackets folded to ASCII"),
    "backends/plausibility.py": (7, "brackets and district endings (区/县/市/旗) of the shape test"),
    "backends/spacy_backend.py": (3, "token regexes: 第 opens no name; full-width brackets"),
    "companies.py": (19, "name-shape regexes: counters (第三家), enumerations (…等企业), brackets"),
    "dates.py": (68, "the date grammar: 年/月/日, 季度, 半年, Chinese numerals"),
    "districts.py": (27, "place-shape regexes: 省/市/区/县 endings, 新区 anaphora"),
    "evaluation.py": (7, "gold-file field normalisation: brackets, 元"),
    "gazetteer/__init__.py": (22, "derived short forms of admin divisions and pilot free trade zones"),
    "gazetteer/build_admin_divisions.py": (10, "the generator's header comment and kind rules"),
    "metrics.py": (58, "metric grammar: counters, 同比/增长 rates, 以上/左右 qualifiers"),
    "ocr.py": (9, "OCR confusion repairs of Chinese punctuation"),
    "policies.py": (64, "policy document grammar: 第…条, 〔2024〕…号, 有效期, 自…起施行"),
    "projects.py": (32, "project-name grammar: …期, 项目, amount units"),
    "readers/html.py": (5, "page-chrome words stripped from titles"),
    "readers/metadata.py": (16, "byline and date-label grammar: 记者, 来源, 年/月/日"),
    "readers/pdf.py": (1, "a full-width space"),
    "script.py": (2, "traditional/simplified probe characters"),
    "segment.py": (1, "jieba's own Han block"),
    "text.py": (6, "sentence and clause punctuation, section-heading numerals"),
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def cjk_literals(path: Path) -> list[str]:
    """The string constants of a module holding Chinese, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(node.value)
    ]


def test_cjk_literals_finder_sees_code_but_not_docstrings(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""模块"""\n\ndef f():\n    """函数"""\n    return "公司"\n', encoding="utf-8")
    assert cjk_literals(module) == ["公司"]


def test_no_chinese_literals_in_the_warehouse():
    offenders = {
        str(path.relative_to(WAREHOUSE)): cjk_literals(path)
        for path in WAREHOUSE.rglob("*.py")
        if path.name not in WAREHOUSE_ALLOWED
    }
    assert {name: found for name, found in offenders.items() if found} == {}


def test_chinese_literals_in_extractors_only_where_allowed():
    counts = {}
    for path in EXTRACTORS.rglob("*.py"):
        if lang.HERE in path.parents:
            continue
        found = cjk_literals(path)
        if found:
            counts[path.relative_to(EXTRACTORS).as_posix()] = len(found)
    allowed = {name: count for name, (count, _reason) in EXTRACTORS_ALLOWED.items()}
    assert counts == allowed, "move new Chinese words into extractors/lang (or update the allowance)"
    assert sum(allowed.values()) < 400


@pytest.mark.parametrize("path", lang.files(), ids=lambda p: p.name)
def test_every_language_file_opens_with_a_comment_and_is_read_through_the_api(path):
    assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} must say what it holds"
    assert _read_through_api(path), f"nothing in extractors/ reads {path.name}"


def _read_through_api(path: Path) -> bool:
    names = {path.stem, path.name}
    for module in EXTRACTORS.rglob("*.py"):
        if module.parent == lang.HERE:
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        constants = {
            n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
        }
        if names & constants:
            return True
    return False


def test_no_module_outside_lang_opens_a_data_file_of_its_own():
    data_suffix = re.compile(r"\.(txt|tsv|yaml|yml|json)$")
    offenders = []
    for module in EXTRACTORS.rglob("*.py"):
        if module.parent == lang.HERE:
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and data_suffix.search(node.value)
            ):
                offenders.append((module.name, node.value))
    # the generator writes the divisions table; jieba's dictionary is jieba's
    assert sorted(offenders) == [
        ("build_admin_divisions.py", "admin_divisions.tsv"),
        ("build_admin_divisions.py", "dict.txt"),
    ]


# A list that refines another on purpose (the part of it that means something more), with its reason.
SUBLISTS = {
    ("plain_noun_industry_words", "company_industry_words"): "industry words too common to end a brand",
    ("company_name_endings", "company_generic_names"): "控股/银行 end a name but name no one on their own",
}


def _word_lists() -> dict[str, frozenset[str]]:
    lists: dict[str, frozenset[str]] = {}

    def walk(value, key: str) -> None:
        if isinstance(value, dict):
            for sub, inner in value.items():
                walk(inner, f"{key}.{sub}")
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            lists[key] = frozenset(value)

    for path in lang.files():
        if path.suffix == ".txt":
            lists[path.stem] = lang.word_set(path.stem)
        elif path.suffix == ".yaml":
            walk(lang.data(path.stem), path.stem)
    return lists


def test_no_two_language_files_define_the_same_word_list():
    lists = {name: words for name, words in _word_lists().items() if len(words) >= 3}
    same = [(a, b) for (a, wa), (b, wb) in itertools.combinations(lists.items(), 2) if wa == wb]
    assert same == []
    files = {name: words for name, words in lists.items() if "." not in name}
    contained = {
        (a, b) for a, b in itertools.permutations(files, 2) if files[a] < files[b] and len(files[a]) >= 3
    }
    assert contained == set(SUBLISTS)


def test_api_reads_each_kind_of_file():
    assert "有限公司" in lang.words("company_legal_forms")
    pattern = re.compile(lang.alternation("company_legal_forms"))
    assert pattern.search("青岛啤酒股份有限公司").group() == "股份有限公司"  # longest first
    assert re.fullmatch(lang.chars("street_after"), "路")
    assert "的" in lang.char_set("function")
    assert {"word", "status", "stage"} <= set(lang.table("project_status")[0])
    assert "count_units" in lang.data("metric_keywords")
    with pytest.raises(FileNotFoundError):
        lang.words("no_such_list")
