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
}

# extractors/ files outside lang/ that may hold Chinese string literals: file → (count, reason)
EXTRACTORS_ALLOWED = {
    "gazetteer/build_admin_divisions.py": (
        10,
        "the offline generator of admin_divisions.tsv: the file's header and the source table's own labels",
    ),
    "gazetteer/build_towns.py": (
        6,
        "the offline generator of towns.tsv: the file's header and the source table's town endings",
    ),
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
    """The string constants of a module with Chinese written in them, docstrings left out. A code point
    spelled as an escape ("[\\u4e00-\\u9fff]") is a range of characters, not Chinese text."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and CJK.search(node.value)
        and CJK.search(ast.get_source_segment(source, node) or "")
    ]


def test_cjk_literals_finder_sees_code_but_not_docstrings(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        '"""模块"""\n\ndef f():\n    """函数"""\n    return "公司" + "[\\u4e00-\\u9fff]"\n', encoding="utf-8"
    )
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
    assert counts == allowed, "Chinese words belong in extractors/lang data files"


@pytest.mark.parametrize("path", lang.files(), ids=lambda p: p.name)
def test_every_language_file_opens_with_a_comment_and_is_read_through_the_api(path):
    assert path.read_text(encoding="utf-8").startswith("#"), f"{path.name} must say what it holds"
    assert _read_through_api(path), f"nothing in extractors/ reads {path.name}"


def _read_through_api(path: Path) -> bool:
    names = {path.stem, path.name}
    for module in EXTRACTORS.rglob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        constants = {
            n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
        }
        if names & constants:
            return True
    return False


def test_no_module_outside_lang_opens_a_data_file_of_its_own():
    data_suffix = re.compile(r"\w\.(txt|tsv|yaml|yml)$")
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
        ("build_towns.py", "towns.tsv"),
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
    assert re.fullmatch(lang.char_class("street_after"), "路")
    assert lang.chars("sentence_ends").startswith("。")
    assert "的" in lang.char_set("function")
    assert {"word", "status", "stage"} <= set(lang.table("project_status")[0])
    assert "count_units" in lang.data("metric_keywords")
    with pytest.raises(FileNotFoundError):
        lang.words("no_such_list")


def test_patterns_fill_their_slots_and_leave_quantifiers_alone():
    month_range = lang.pattern("time_markers", "month_range")
    assert "{dash}" not in month_range and r"\d{1,2}" in month_range
    assert re.fullmatch(month_range, "1—8月")
    sentence = re.compile(lang.pattern("punctuation", "sentence"))
    assert [m.group() for m in sentence.finditer("签约。“落户。”完") if m.group()] == [
        "签约。",
        "“落户。”",
        "完",
    ]
    enumeration = lang.pattern("company_patterns", "enumeration")
    assert "{enumeration_closer}" not in enumeration and "{firm_measures}" not in enumeration
    assert enumeration.count("等") == 2  # the closer, and the count that may stand without it
    with pytest.raises(KeyError):
        lang.pattern("time_markers", "no_such_pattern")
