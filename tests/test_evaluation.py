"""Scoring rules of gold/README.md on small hand-made gold/prediction pairs, and `zhaoyin eval`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zhaoyin.extractors.evaluation import evaluate, normalize_name


def write_gold(folder, name: str, **kinds) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    record = {
        "doc": name,
        "published": None,
        "projects": [],
        "companies": [],
        "districts": [],
        "amounts": [],
        "metrics": [],
    }
    record.update(kinds)
    (folder / name.replace(".txt", ".json")).write_text(
        json.dumps(record, ensure_ascii=False), encoding="utf-8"
    )


def amount(value, currency="CNY", qualifier=None, text="x"):
    return {"text": text, "value": value, "currency": currency, "qualifier": qualifier}


def test_amounts_are_a_multiset_on_value_and_currency(tmp_path):
    write_gold(tmp_path, "a.txt", amounts=[amount(1e8, qualifier="over"), amount(1e8), amount(5e8, "USD")])
    predictions = {
        "a.txt": {"amounts": [amount(1e8), amount(1e8, qualifier="about"), amount(1e8), amount(5e8, "CNY")]}
    }
    score = evaluate(tmp_path, predictions).kinds["amounts"]
    # two of the three 1e8 CNY predictions match (wrong qualifier still counts); 5e8 has the wrong currency
    assert (score.tp, score.fp, score.fn) == (2, 2, 1)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(2 / 3)


def test_districts_are_a_set_on_canonical(tmp_path):
    write_gold(
        tmp_path,
        "a.txt",
        districts=[{"canonical": "武侯区", "mentions": ["武侯区"]}, {"canonical": "简阳市", "mentions": []}],
    )
    predictions = {
        "a.txt": {"districts": [{"canonical": "武侯区"}, {"canonical": "武侯区"}, {"canonical": "锦江区"}]}
    }
    score = evaluate(tmp_path, predictions).kinds["districts"]
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)


def test_company_names_ignore_bracket_width_and_spaces_and_match_one_to_one(tmp_path):
    write_gold(
        tmp_path,
        "a.txt",
        companies=[
            {
                "canonical": "时代电服（青岛）科技有限公司",
                "mentions": ["时代电服（青岛）科技有限公司", "时代电服"],
            },
            {"canonical": "宁德时代新能源科技股份有限公司", "mentions": ["宁德时代"]},
        ],
    )
    predictions = {
        "a.txt": {
            "companies": [
                {"canonical": "时代电服(青岛)科技 有限公司"},
                {"canonical": "时代电服"},  # a second prediction for the same gold company: a false positive
                {"canonical": "宁德时代"},
            ]
        }
    }
    report = evaluate(tmp_path, predictions)
    score = report.kinds["companies"]
    assert (score.tp, score.fp, score.fn) == (2, 1, 0)
    assert normalize_name("A（B） C") == "A(B)C"


def test_company_matching_finds_the_assignment_that_matches_most(tmp_path):
    # the first prediction could take either gold company; a greedy match would leave the second unmatched
    write_gold(
        tmp_path,
        "a.txt",
        companies=[
            {"canonical": "甲集团有限公司", "mentions": ["甲集团", "甲"]},
            {"canonical": "甲科技有限公司", "mentions": ["甲"]},
        ],
    )
    predictions = {"a.txt": {"companies": [{"canonical": "甲"}, {"canonical": "甲集团"}]}}
    score = evaluate(tmp_path, predictions).kinds["companies"]
    assert (score.tp, score.fp, score.fn) == (2, 0, 0)


def test_projects_match_one_to_one_then_fields_are_scored(tmp_path):
    gold = [
        {
            "name": "储能电池生产基地项目",
            "company": "鹏辉能源",
            "district": "城阳区",
            "amount_text": "130亿元",
            "amount_yuan": 13000000000,
            "status": "started",
            "evidence": "总投资130亿元的储能电池生产基地项目开工。",
        },
        {
            "name": None,
            "company": "瑞幸咖啡",
            "district": "即墨区",
            "amount_text": None,
            "amount_yuan": None,
            "status": "landed",
            "evidence": "瑞幸咖啡落户即墨区。",
        },
    ]
    write_gold(tmp_path, "a.txt", projects=gold)
    predictions = {
        "a.txt": {
            "projects": [
                {
                    "name": "储能电池生产基地项目",
                    "company": "鹏辉能源",
                    "district": "城阳区",
                    "amount_yuan": 13000000000.0,
                    "status": "signed",
                    "evidence": "总投资130亿元的储能电池生产基地项目开工",
                },
                {  # same name again: only one prediction can take the gold project
                    "name": "储能电池生产基地项目",
                    "company": None,
                    "district": None,
                    "amount_yuan": None,
                    "status": None,
                    "evidence": "储能电池生产基地项目开工",
                },
                {
                    "name": None,
                    "company": "瑞幸咖啡",
                    "district": "即墨区",
                    "amount_yuan": None,
                    "status": "landed",
                    "evidence": "瑞幸咖啡落户即墨区",
                },
                {"name": "无关项目", "company": None, "evidence": "完全不同的一句话。"},
            ]
        }
    }
    report = evaluate(tmp_path, predictions)
    score = report.kinds["projects"]
    assert (score.tp, score.fp, score.fn) == (2, 2, 0)
    fields = report.project_fields
    assert (fields["company"].correct, fields["company"].total) == (2, 2)
    assert (fields["district"].correct, fields["district"].total) == (2, 2)
    assert (fields["amount_yuan"].correct, fields["amount_yuan"].total) == (2, 2)
    assert (fields["status"].correct, fields["status"].total) == (1, 2)


def test_metrics_multiset_then_subject_accuracy(tmp_path):
    def metric(value, unit, subject):
        return {
            "text": "x",
            "subject": subject,
            "indicator": "x",
            "value": value,
            "unit": unit,
            "period": None,
        }

    write_gold(
        tmp_path,
        "a.txt",
        metrics=[
            metric(31, "个", "市北区"),
            metric(31, "个", "城阳区"),
            metric(12.8, "亿美元", "青岛市"),
            metric(5, "%", "青岛市"),
        ],
    )
    predictions = {
        "a.txt": {
            "metrics": [
                metric(31.0, "个", "城阳区"),
                metric(31, "个", "城阳区"),
                metric(12.8, "亿美元", "市南区"),
                metric(5, "％", "青岛市"),
                metric(5, "个", "青岛市"),
            ]
        }
    }
    report = evaluate(tmp_path, predictions)
    score = report.kinds["metrics"]
    assert (score.tp, score.fp, score.fn) == (4, 1, 0)
    # of the 4 matches, subjects agree for one 31个 (城阳区) and for 5%
    assert (report.metric_subject.correct, report.metric_subject.total) == (2, 4)
    assert sorted(report.docs[0].field_errors) == [
        "metric.subject · (12.8, 亿美元): gold '青岛市', predicted '市南区'",
        "metric.subject · (31, 个): gold '市北区', predicted '城阳区'",
    ]


def test_micro_average_over_documents_and_missing_predictions(tmp_path):
    write_gold(tmp_path, "a.txt", amounts=[amount(1.0)])
    write_gold(tmp_path, "b.txt", amounts=[amount(2.0), amount(3.0), amount(4.0)])
    report = evaluate(tmp_path, {"a": {"amounts": [amount(1.0)]}})  # keyed by stem: still found
    score = report.kinds["amounts"]
    assert (score.tp, score.fp, score.fn) == (1, 0, 3)
    assert score.recall == pytest.approx(0.25)  # micro: 1 of 4, not the mean of 1.0 and 0.0
    docs = {d.doc: d for d in report.docs}
    assert docs["b.txt"].missing_prediction
    assert (docs["a.txt"].scores["amounts"].tp, docs["b.txt"].scores["amounts"].fn) == (1, 3)
    assert docs["b.txt"].false_negatives["amounts"]
    data = report.to_dict()
    assert data["kinds"]["amounts"]["recall"] == 0.25


def test_published_is_checked_at_the_gold_granularity(tmp_path):
    write_gold(tmp_path, "a.txt", published="2025-04")
    write_gold(tmp_path, "b.txt", published="2024-02")
    write_gold(tmp_path, "c.txt")  # published unknown: not counted
    predictions = {"a.txt": {"published": "2025-04-03"}, "b.txt": {"published": "2024"}, "c.txt": {}}
    report = evaluate(tmp_path, predictions)
    assert (report.published.correct, report.published.total) == (1, 2)


def _write_corpus(root):
    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    text = "今年一季度，武侯区新签约亿元以上项目26个，协议总投资312.5亿元，实际使用外资1.6亿美元。"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    write_gold(
        root / "gold",
        "a.txt",
        amounts=[amount(1e8, qualifier="over"), amount(312.5e8), amount(1.6e8, "USD")],
        metrics=[
            {
                "text": "26个",
                "subject": "武侯区",
                "indicator": "x",
                "value": 26,
                "unit": "个",
                "period": "2025Q1",
            },
            {
                "text": "x",
                "subject": "武侯区",
                "indicator": "x",
                "value": 312.5,
                "unit": "亿元",
                "period": "2025Q1",
            },
            {
                "text": "x",
                "subject": "武侯区",
                "indicator": "x",
                "value": 1.6,
                "unit": "亿美元",
                "period": "2025Q1",
            },
        ],
    )
    return root


def test_eval_command_prints_scores_as_json(tmp_path):
    from zhaoyin.flows.cli import app

    root = _write_corpus(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(root / "gold"), "--json", "--show-errors"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{") :])
    assert data["kinds"]["amounts"]["f1"] == 1.0
    assert data["kinds"]["metrics"]["tp"] == 3
    assert data["docs"][0]["doc"] == "a.txt"


def test_eval_command_compares_backends_in_one_table(tmp_path):
    from zhaoyin.flows.cli import app

    root = _write_corpus(tmp_path)
    result = CliRunner().invoke(
        app,
        [
            "eval",
            str(root / "gold"),
            "--corpus",
            str(root / "corpus"),
            "--backend",
            "rules",
            "--backend",
            "rules",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "amounts" in result.stdout and "metrics" in result.stdout


def test_eval_command_without_corpus_says_so(tmp_path):
    from zhaoyin.flows.cli import app

    write_gold(tmp_path / "gold", "a.txt")
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "gold")])
    assert result.exit_code == 2


def test_gold_corpus_reaches_the_targets(shared_dir):
    from zhaoyin.flows.cli.commands_eval import predictions_for

    predictions, _ = predictions_for(shared_dir / "gold", shared_dir / "corpus", "rules")
    report = evaluate(shared_dir / "gold", predictions)
    assert_targets(report)
    assert report.metric_subject.accuracy >= 0.8


# issue 4's targets; reports written apart from the extractors must reach them within 0.05
TARGETS = {"amounts": 0.97, "districts": 0.95, "companies": 0.90, "projects": 0.80, "metrics": 0.85}
FIELD_TARGET = 0.85


def assert_targets(report, slack: float = 0.0):
    for kind, target in TARGETS.items():
        assert report.kinds[kind].f1 >= target - slack, (kind, report.kinds[kind].f1)
    for name, accuracy in report.project_fields.items():
        assert accuracy.accuracy >= FIELD_TARGET - slack, (name, accuracy.accuracy)


@pytest.mark.parametrize("name", ["heldout", "heldout2"])
def test_reports_written_apart_reach_the_targets_within_005(name):
    from zhaoyin.flows.cli.commands_eval import predictions_for

    root = Path(__file__).parent / "data" / name
    predictions, notes = predictions_for(root / "gold", root / "corpus", "rules")
    assert not notes
    assert_targets(evaluate(root / "gold", predictions), slack=0.05)


def test_heldout2_annotations_are_consistent_with_their_texts():
    validate = Path(__file__).parent / "data" / "heldout2" / "validate.py"
    result = subprocess.run([sys.executable, str(validate)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_project_named_after_its_company_matches_either_way(tmp_path):
    evidence = "全力推动炼化一体化、路易达孚、海上风电等重点工程"
    gold = [
        {
            "name": "炼化一体化",
            "company": None,
            "district": None,
            "amount_yuan": None,
            "status": None,
            "evidence": evidence,
        },
        {
            "name": None,
            "company": "路易达孚",
            "district": None,
            "amount_yuan": None,
            "status": None,
            "evidence": evidence,
        },
    ]
    write_gold(tmp_path, "a.txt", projects=gold)
    predictions = {"a.txt": {"projects": [{"name": "路易达孚", "company": None, "evidence": evidence}]}}
    report = evaluate(tmp_path, predictions)
    score = report.kinds["projects"]
    assert (score.tp, score.fp, score.fn) == (1, 0, 1)
    assert report.docs[0].false_negatives["projects"] == ["炼化一体化"]
    assert (report.project_fields["company"].correct, report.project_fields["company"].total) == (0, 1)


def test_eval_command_refuses_an_unknown_backend(tmp_path):
    from zhaoyin.flows.cli import app

    root = _write_corpus(tmp_path)
    result = CliRunner().invoke(app, ["eval", str(root / "gold"), "--backend", "bert"])
    assert result.exit_code == 2


def test_names_and_units_are_compared_across_scripts(tmp_path):
    gold = {
        "doc": "t.txt",
        "districts": [{"canonical": "泌陽縣", "mentions": ["泌陽縣"]}],
        "companies": [{"canonical": "福建恒豐實業有限公司", "mentions": ["福建恒豐實業有限公司"]}],
        "metrics": [{"text": "6個", "subject": "泌陽縣", "value": 6, "unit": "個"}],
    }
    (tmp_path / "t.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    predictions = {
        "t.txt": {
            "districts": [{"canonical": "泌阳县"}],
            "companies": [{"canonical": "福建恒丰实业有限公司"}],
            "metrics": [{"subject": "泌阳县", "value": 6, "unit": "个"}],
        }
    }
    report = evaluate(tmp_path, predictions)
    assert [report.kinds[k].f1 for k in ("districts", "companies", "metrics")] == [1.0, 1.0, 1.0]
    assert report.metric_subject.accuracy == 1.0


def test_a_set_with_a_manifest_reads_each_text_with_the_address_it_was_published_at(tmp_path):
    from zhaoyin.flows.cli.commands_eval import predictions_for

    (tmp_path / "corpus").mkdir()
    (tmp_path / "gold" / "dev").mkdir(parents=True)
    text = "12月11日，江州市举行项目集中签约大会，签约项目18个，总投资96亿元。\n"
    (tmp_path / "corpus" / "a1.txt").write_text(text, encoding="utf-8")
    (tmp_path / "gold" / "dev" / "a1.json").write_text(json.dumps({"doc": "a1.txt"}), encoding="utf-8")
    manifest = [{"doc": "a1.txt", "url": "http://news.example.cn/jz/2022-12-12/1203.html"}]
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    predictions, _ = predictions_for(tmp_path / "gold" / "dev", tmp_path / "corpus", "rules")
    assert predictions["a1.txt"]["published"].startswith("2022-12")


def test_names_compare_without_pinyin_glosses_of_a_garbled_page():
    assert normalize_name("內(nèi)蒙古康達化學(xué)有限公司") == normalize_name("内蒙古康达化学有限公司")


def test_field_errors_name_the_project_and_both_values(tmp_path):
    gold = [
        {
            "name": "钼产业园项目",
            "company": "甲乙矿业",
            "district": "平阳县",
            "amount_yuan": None,
            "status": "signed",
            "evidence": "x",
        }
    ]
    write_gold(tmp_path, "a.txt", projects=gold)
    pred = {"a.txt": {"projects": [dict(gold[0], district="丙丁县")]}}
    report = evaluate(tmp_path, pred)
    assert report.docs[0].field_errors == [
        "project.district · 钼产业园项目: gold '平阳县', predicted '丙丁县'"
    ]
