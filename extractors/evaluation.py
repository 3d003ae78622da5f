"""Scoring extractions against hand-written gold annotations (../shared/gold/README.md).

- amounts: multiset match on (value, currency); the qualifier is not scored.
- districts: set match on canonical (names, units and subjects compared in simplified script).
- companies: a prediction matches a gold company when its name equals the canonical or any mention
  (full/half-width brackets and spaces ignored); one-to-one.
- projects: one-to-one by overlap of evidence and by name/company; then accuracy of company, district,
  amount_yuan and status over the matched pairs.
- metrics: multiset match on (value, unit), then subject accuracy over the matches.

Precision, recall and F1 per kind are micro-averaged over documents (counts summed, then divided).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from zhaoyin.extractors import lang
from zhaoyin.extractors.script import clean_garbled_pinyin, simplified_view

KINDS = ("amounts", "districts", "companies", "projects", "metrics")
PROJECT_FIELDS = ("company", "district", "amount_yuan", "status")

_BRACKETS = str.maketrans(lang.data("punctuation")["bracket_folding"])
_SPACES = re.compile(r"\s+")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, correct: int, total: int) -> None:
        self.correct += correct
        self.total += total

    def to_dict(self) -> dict[str, float | int]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.accuracy, 4)}


@dataclass
class DocResult:
    doc: str
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    false_positives: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    false_negatives: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in KINDS})
    # matched pairs whose fields disagree: "project.company · 某某项目: gold 'A', predicted 'B'"
    field_errors: list[str] = field(default_factory=list)
    missing_prediction: bool = False


@dataclass
class EvalReport:
    kinds: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    project_fields: dict[str, Accuracy] = field(
        default_factory=lambda: {f: Accuracy() for f in PROJECT_FIELDS}
    )
    metric_subject: Accuracy = field(default_factory=Accuracy)
    published: Accuracy = field(default_factory=Accuracy)  # not a scored kind; a check on dates
    docs: list[DocResult] = field(default_factory=list)

    def to_dict(self, *, errors: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kinds": {k: s.to_dict() for k, s in self.kinds.items()},
            "project_fields": {f: a.to_dict() for f, a in self.project_fields.items()},
            "metric_subject": self.metric_subject.to_dict(),
            "published": self.published.to_dict(),
            "docs": [],
        }
        for doc in self.docs:
            entry: dict[str, Any] = {
                "doc": doc.doc,
                "missing_prediction": doc.missing_prediction,
                "counts": {k: asdict(s) for k, s in doc.scores.items()},
            }
            if errors:
                entry["false_positives"] = doc.false_positives
                entry["false_negatives"] = doc.false_negatives
                entry["field_errors"] = doc.field_errors
            out["docs"].append(entry)
        return out


def normalize_name(name: str | None) -> str:
    """Names compared without spaces, with full/half-width brackets unified, in simplified script (a
    traditional text's 泌陽縣 is the same district as 泌阳县) and without pinyin glosses (項(xiàng)目 is 項目:
    gold quotes a garbled page exactly, the extractors read it cleaned)."""
    if not name:
        return ""
    return simplified_view(clean_garbled_pinyin(_SPACES.sub("", name.translate(_BRACKETS))))


def _number_key(value: Any) -> float | None:
    try:
        return round(float(value), 4)
    except (TypeError, ValueError):
        return None


def _unit_key(unit: Any) -> str:
    return simplified_view(str(unit or "").replace(lang.chars("fullwidth_percent"), "%").strip())


def _get(record: Any, key: str, default=None):
    if isinstance(record, dict):
        return record.get(key, default)
    return getattr(record, key, default)


def _multiset(gold: list, pred: list, key) -> tuple[Score, list[str], list[str]]:
    g, p = Counter(key(x) for x in gold), Counter(key(x) for x in pred)
    tp = sum((g & p).values())
    fps = [str(k) for k in (p - g).elements()]
    fns = [str(k) for k in (g - p).elements()]
    return Score(tp, len(pred) - tp, len(gold) - tp), fps, fns


def _max_matching(n_left: int, n_right: int, compatible) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths); returns {left: right}."""
    match_right: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in range(n_right):
            if j in seen or not compatible(i, j):
                continue
            seen.add(j)
            if j not in match_right or augment(match_right[j], seen):
                match_right[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return {i: j for j, i in match_right.items()}


def score_companies(gold: list, pred: list) -> tuple[Score, list[str], list[str]]:
    gold_names = [
        {normalize_name(_get(g, "canonical"))} | {normalize_name(m) for m in _get(g, "mentions") or []}
        for g in gold
    ]
    pred_names = [normalize_name(_get(p, "canonical") or _get(p, "name")) for p in pred]
    matching = _max_matching(
        len(pred), len(gold), lambda i, j: bool(pred_names[i]) and pred_names[i] in gold_names[j]
    )
    tp = len(matching)
    matched_gold = set(matching.values())
    fps = [_get(p, "canonical") or "" for i, p in enumerate(pred) if i not in matching]
    fns = [_get(g, "canonical") for j, g in enumerate(gold) if j not in matched_gold]
    return Score(tp, len(pred) - tp, len(gold) - tp), fps, fns


def _overlap(a: str | None, b: str | None) -> float:
    """Share of the shorter evidence that the longest common substring covers."""
    if not a or not b:
        return 0.0
    a, b = normalize_name(a), normalize_name(b)
    if a in b or b in a:
        return 1.0
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.size / min(len(a), len(b))


def _names_agree(a: str | None, b: str | None) -> bool:
    a, b = normalize_name(a), normalize_name(b)
    return bool(a and b) and (a in b or b in a)


def _coverage(gold: str | None, pred: str | None) -> float:
    """Share of the gold evidence the prediction's evidence covers (tells apart equally good matches)."""
    if not gold or not pred:
        return 0.0
    gold, pred = normalize_name(gold), normalize_name(pred)
    m = SequenceMatcher(None, gold, pred, autojunk=False).find_longest_match(0, len(gold), 0, len(pred))
    return m.size / len(gold)


def _project_pair_score(g: Any, p: Any) -> float:
    """How well a predicted project matches a gold one; 0 when they cannot be the same."""
    evidence = _overlap(_get(g, "evidence"), _get(p, "evidence"))
    tie_break = _coverage(_get(g, "evidence"), _get(p, "evidence")) / 10
    name = _names_agree(_get(g, "name"), _get(p, "name"))
    # "by name/company": a project named after its company may be written either way
    company = any(
        _names_agree(a, b)
        for a in (_get(g, "company"), _get(g, "name"))
        for b in (_get(p, "company"), _get(p, "name"))
    )
    if normalize_name(_get(g, "name")) and normalize_name(_get(g, "name")) == normalize_name(_get(p, "name")):
        return 2.0 + evidence + tie_break
    if evidence >= 0.5 and (name or company or not (_get(g, "name") or _get(g, "company"))):
        return 1.0 + evidence + tie_break
    return 0.0


def _field_equal(name: str, g: Any, p: Any) -> bool:
    gv, pv = _get(g, name), _get(p, name)
    if name == "amount_yuan":
        if gv is None or pv is None:
            return gv is None and pv is None
        return abs(float(gv) - float(pv)) <= 0.005 * max(abs(float(gv)), 1.0)
    if name in ("company", "district"):
        return normalize_name(gv) == normalize_name(pv)
    return gv == pv


def score_projects(gold: list, pred: list) -> tuple[Score, list[str], list[str], list[tuple[Any, Any]]]:
    """One-to-one matching, best pairs first; returns the matched (gold, pred) pairs too."""
    candidates = sorted(
        (-s, j, i)
        for j, g in enumerate(gold)
        for i, p in enumerate(pred)
        if (s := _project_pair_score(g, p)) > 0
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[Any, Any]] = []
    for _, j, i in candidates:
        if j in used_gold or i in used_pred:
            continue
        used_gold.add(j)
        used_pred.add(i)
        pairs.append((gold[j], pred[i]))
    tp = len(pairs)
    fps = [
        _get(p, "name") or _get(p, "company") or _get(p, "evidence")
        for i, p in enumerate(pred)
        if i not in used_pred
    ]
    fns = [
        _get(g, "name") or _get(g, "company") or _get(g, "evidence")
        for j, g in enumerate(gold)
        if j not in used_gold
    ]
    return Score(tp, len(pred) - tp, len(gold) - tp), fps, fns, pairs


def _project_field_errors(pairs: list[tuple[Any, Any]]) -> list[str]:
    errors = []
    for gold, pred in pairs:
        for name in PROJECT_FIELDS:
            if not _field_equal(name, gold, pred):
                label = _get(gold, "name") or _get(gold, "company") or ""
                errors.append(
                    f"project.{name} · {label}: gold {_get(gold, name)!r}, predicted {_get(pred, name)!r}"
                )
    return errors


def score_metrics(gold: list, pred: list) -> tuple[Score, list[str], list[str], int, int, list[str]]:
    """Multiset on (value, unit); subject accuracy counts, per (value, unit), the matches whose
    subjects can agree. Returns score, errors, (subject correct, matched) and the subjects that differ."""

    def key(m):
        return (_number_key(_get(m, "value")), _unit_key(_get(m, "unit")))

    score, fps, fns = _multiset(gold, pred, key)
    correct = 0
    subject_errors: list[str] = []
    gold_by_key: dict[tuple, Counter] = {}
    pred_by_key: dict[tuple, Counter] = {}
    for m in gold:
        gold_by_key.setdefault(key(m), Counter())[normalize_name(_get(m, "subject"))] += 1
    for m in pred:
        pred_by_key.setdefault(key(m), Counter())[normalize_name(_get(m, "subject"))] += 1
    for k, subjects in gold_by_key.items():
        if k not in pred_by_key:
            continue
        agreeing = subjects & pred_by_key[k]
        correct += sum(agreeing.values())
        # the matched figures whose subjects disagree, paired in order
        wrong = min(sum(subjects.values()), sum(pred_by_key[k].values())) - sum(agreeing.values())
        golds = list((subjects - agreeing).elements())
        preds = list((pred_by_key[k] - agreeing).elements())
        for g, p in list(zip(golds, preds, strict=False))[:wrong]:
            subject_errors.append(
                f"metric.subject · ({k[0]:g}, {k[1]}): gold {g or None!r}, predicted {p or None!r}"
            )
    return score, fps, fns, correct, score.tp, subject_errors


def _amount_key(a) -> tuple:
    return (_number_key(_get(a, "value")), (_get(a, "currency") or "CNY").upper())


def _resolve_offsets(gold: dict, text: str) -> dict:
    """Gold kept without quotes gives evidence as [start, end]: the evidence is that span of the text."""
    projects = []
    for project in gold.get("projects") or []:
        evidence = project.get("evidence")
        if isinstance(evidence, list) and len(evidence) == 2:
            project = {**project, "evidence": text[evidence[0] : evidence[1]]}
        projects.append(project)
    return {**gold, "projects": projects}


def gold_text_problem(gold: dict, corpus_dir: str | Path | None) -> str | None:
    """Why a gold document cannot be scored (its text missing or not the annotated one), else None."""
    if corpus_dir is None or not gold.get("text_sha256"):
        return None
    path = Path(corpus_dir) / gold["doc"]
    if not path.is_file():
        return f"missing text: {gold['doc']}"
    if hashlib.sha256(path.read_bytes()).hexdigest() != gold["text_sha256"]:
        return f"text differs from the annotated one (sha256): {gold['doc']}"
    return None


def load_gold(gold_dir: str | Path, corpus_dir: str | Path | None = None) -> list[dict]:
    """Gold documents of `gold_dir`, as stored. With `corpus_dir`, gold that quotes nothing (`text_sha256`,
    evidence as offsets) is resolved against its text, or left out when the text is missing or differs."""
    docs = []
    for path in sorted(Path(gold_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data.setdefault("doc", path.with_suffix(".txt").name)
        if corpus_dir is not None and data.get("text_sha256"):
            if gold_text_problem(data, corpus_dir):
                continue
            data = _resolve_offsets(data, (Path(corpus_dir) / data["doc"]).read_text(encoding="utf-8"))
        docs.append(data)
    return docs


def _prediction_for(doc: str, predictions: dict[str, dict]) -> dict | None:
    if doc in predictions:
        return predictions[doc]
    stem = Path(doc).stem
    for name, pred in predictions.items():
        if Path(name).stem == stem or Path(name).name == doc:
            return pred
    return None


def evaluate(
    gold_dir: str | Path, predictions: dict[str, dict], corpus_dir: str | Path | None = None
) -> EvalReport:
    """Score `predictions` (document name → extraction JSON) against every gold file in `gold_dir`.

    A gold document without a prediction counts as an empty prediction (all false negatives). Gold that
    quotes nothing (evidence as offsets, `text_sha256`) needs `corpus_dir`; its documents without their
    text are not scored.
    """
    report = EvalReport()
    for gold in load_gold(gold_dir, corpus_dir):
        pred = _prediction_for(gold["doc"], predictions)
        result = DocResult(doc=gold["doc"], missing_prediction=pred is None)
        pred = pred or {}

        def lists(kind: str, _gold=gold, _pred=pred) -> tuple[list, list]:
            return list(_gold.get(kind) or []), list(_get(_pred, kind) or [])

        g, p = lists("amounts")
        result.scores["amounts"], fp, fn = _multiset(g, p, _amount_key)
        result.false_positives["amounts"], result.false_negatives["amounts"] = fp, fn

        g, p = lists("districts")
        gold_set = {normalize_name(_get(d, "canonical")) for d in g}
        pred_set = {normalize_name(_get(d, "canonical")) for d in p}
        result.scores["districts"] = Score(
            len(gold_set & pred_set), len(pred_set - gold_set), len(gold_set - pred_set)
        )
        result.false_positives["districts"] = sorted(pred_set - gold_set)
        result.false_negatives["districts"] = sorted(gold_set - pred_set)

        g, p = lists("companies")
        result.scores["companies"], fp, fn = score_companies(g, p)
        result.false_positives["companies"], result.false_negatives["companies"] = fp, fn

        g, p = lists("projects")
        result.scores["projects"], fp, fn, pairs = score_projects(g, p)
        result.false_positives["projects"], result.false_negatives["projects"] = fp, fn
        for name in PROJECT_FIELDS:
            report.project_fields[name].add(sum(_field_equal(name, gp, pp) for gp, pp in pairs), len(pairs))
        result.field_errors = _project_field_errors(pairs)

        g, p = lists("metrics")
        result.scores["metrics"], fp, fn, correct, matched, subject_errors = score_metrics(g, p)
        result.false_positives["metrics"], result.false_negatives["metrics"] = fp, fn
        result.field_errors += subject_errors
        report.metric_subject.add(correct, matched)

        if gold.get("published"):
            predicted = str(_get(pred, "published") or "")
            report.published.add(int(predicted.startswith(str(gold["published"]))), 1)

        for kind in KINDS:
            report.kinds[kind].add(result.scores[kind])
        report.docs.append(result)
    return report
