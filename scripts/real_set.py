"""The real-report evaluation set: third-party texts kept out of git, gold kept in it without quotes.

tests/data/real/ holds what is committed:
  manifest.json   one entry per report: doc, url, publisher, province, date, style, script, cut, sha256, split
  SOURCES.md      the same as a table (written by `sources`)
  gold/dev/, gold/test/   gold in the ../shared/gold format, evidence as [start, end] offsets, text_sha256
  gold2/          a second, independent annotation of some reports (agreement = the ceiling)

The texts live in a gitignored cache (ZHAOYIN_REAL_DIR, default .zhaoyin-cache/real/), one `<doc>` file each.

  python -m scripts.real_set fill [--from DIR]   refill the cache: copy from DIR (default ZHAOYIN_REAL_SOURCE or
                                                 ~/.cache/zhaoyin/real/texts), else fetch each address; every
                                                 text is checked against its sha256
  python -m scripts.real_set recover PAGES_DIR   refill from stored copies of the pages (JSON {"url", "excerpt"}),
                                                 where the addresses are out of reach; checked by sha256
  python -m scripts.real_set status              which texts are present, which are missing
  python -m scripts.real_set sources             rewrite SOURCES.md from manifest.json
  python -m scripts.real_set agreement           F1 of the second annotation (gold2) against the first
  python -m scripts.real_set quote-free DRAFT_DIR OUT_DIR TEXT_DIR
                                                 turn drafts (evidence as sentences) into committed gold
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"
MANIFEST = REAL / "manifest.json"


def cache_dir() -> Path:
    default = Path(os.environ.get("ZHAOYIN_CACHE_DIR", ROOT / ".zhaoyin-cache")) / "real"
    return Path(os.environ.get("ZHAOYIN_REAL_DIR", default))


def default_source() -> Path:
    return Path(os.environ.get("ZHAOYIN_REAL_SOURCE", Path.home() / ".cache" / "zhaoyin" / "real" / "texts"))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest() -> list[dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def text_status(entry: dict, directory: Path | None = None) -> str:
    """'present', 'missing' or 'differs' for one report's text in the cache."""
    path = (directory or cache_dir()) / entry["doc"]
    if not path.is_file():
        return "missing"
    return "present" if sha256(path.read_bytes()) == entry["sha256"] else "differs"


def _body_in(text: str, entry: dict) -> bytes | None:
    """The report's body inside a page's text: the window of the recorded length whose sha256 matches,
    first as it stands, then with one run of lines (site chrome, a repeated headline) taken out."""
    length = entry.get("chars")
    if not length:
        return None
    text = text.replace("\r\n", "\n")

    def window(body: str) -> bytes | None:
        # the stored body ends in one newline, whether or not the page had one there
        for size in (length, length - 1):
            for start in range(0, max(1, len(body) - size + 1)):
                candidate = (body[start : start + size].rstrip("\n") + "\n").encode()
                if sha256(candidate) == entry["sha256"]:
                    return candidate
        return None

    found = window(text)
    if found is not None:
        return found
    lines = text.split("\n")
    for first in range(len(lines)):
        for last in range(first + 1, len(lines) + 1):
            rest = "\n".join(lines[:first] + lines[last:])
            if len(rest) < length - 1:
                break
            found = window(rest)
            if found is not None:
                return found
    return None


def _fetch_body(entry: dict) -> bytes | None:
    """The report's body from its live address."""
    import httpx

    from zhaoyin.extractors.readers import read_document
    from zhaoyin.schemas import RawDocument

    try:
        response = httpx.get(entry["url"], timeout=20, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPError:
        return None
    return _body_in(read_document(RawDocument(data=response.content, source=entry["url"])).text, entry)


def recover(pages: Path, entries: list[dict] | None = None, target: Path | None = None) -> int:
    """Texts from stored copies of the pages (JSON files of {"url", "excerpt"} or lists of them, as a
    search of stored web pages returns them), where the live addresses are out of reach."""
    target = target or cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    by_url: dict[str, list[dict]] = {}
    for entry in manifest() if entries is None else entries:
        by_url.setdefault(entry["url"], []).append(entry)
    recovered, unmatched = 0, []
    for path in sorted(pages.glob("*.json")):
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            print(f"  skipped {path.name}: not JSON ({error})")
            continue
        for page in loaded if isinstance(loaded, list) else [loaded]:
            entries = by_url.get(page.get("url", ""), [])
            for entry in entries:
                if text_status(entry, target) == "present":
                    continue
                body = _body_in(page.get("excerpt", ""), entry)
                if body is None:
                    unmatched.append(f"{entry['doc']} ({path.name}: no window matches its sha256)")
                    continue
                (target / entry["doc"]).write_bytes(body)
                recovered += 1
    print(f"recovered {recovered} texts into {target}")
    for line in unmatched:
        print(f"  unmatched: {line}")
    return 0


def fill(source: Path | None) -> int:
    target = cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    source = source or default_source()
    missing = []
    for entry in manifest():
        if text_status(entry, target) == "present":
            continue
        local = source / entry["doc"]
        if local.is_file() and sha256(local.read_bytes()) == entry["sha256"]:
            shutil.copyfile(local, target / entry["doc"])
            continue
        body = _fetch_body(entry)
        if body is None:
            missing.append(entry["doc"])
            continue
        (target / entry["doc"]).write_bytes(body)
    total = len(manifest())
    print(f"{total - len(missing)} of {total} texts in {target}")
    for doc in missing:
        print(f"  missing: {doc} (not in {source}, and its address gave no matching text)")
    if missing:
        print(
            "  where the addresses are out of reach, save stored copies of the pages as JSON files of"
            ' {"url", "excerpt"} and run: python -m scripts.real_set recover DIR'
        )
    return 1 if missing else 0


def status() -> int:
    entries = manifest()
    states = {entry["doc"]: text_status(entry) for entry in entries}
    present = sum(state == "present" for state in states.values())
    print(f"{present} of {len(entries)} real-report texts present in {cache_dir()}")
    for doc, state in states.items():
        if state != "present":
            print(f"  {state}: {doc}")
    return 0


def write_sources() -> None:
    rows = [
        "# Real reports for evaluation",
        "",
        "Third-party texts: only their address, how the body was cut and its sha256 are committed; the texts",
        "are kept in a gitignored cache (`make real-cache`, see scripts/real_set.py). Gold in `gold/dev`,",
        "`gold/test` (scored only at the end) and `gold2` (a second, independent annotation) quotes nothing:",
        "evidence is given as `[start, end]` character offsets into the text.",
        "",
        "| doc | split | publisher | province | date | style | script | chars | address | body cut | sha256 |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for e in manifest():
        cells = [
            e["doc"],
            e["split"],
            e.get("publisher") or "",
            e.get("province") or "",
            e.get("date") or "",
            e.get("style") or "",
            e.get("script") or "",
            str(e.get("chars") or ""),
            e["url"],
            (e.get("cut") or "").replace("|", "/"),
            e["sha256"],
        ]
        rows.append("| " + " | ".join(cells) + " |")
    (REAL / "SOURCES.md").write_text("\n".join(rows) + "\n", encoding="utf-8")


def quote_free(draft: dict, text: str) -> dict:
    """A draft annotation with evidence as sentences → evidence as [start, end] offsets, plus text_sha256."""
    out = dict(draft)
    out["text_sha256"] = sha256(text.encode("utf-8"))
    projects = []
    cursor = 0
    for project in draft.get("projects") or []:
        project = dict(project)
        evidence = project.get("evidence")
        if isinstance(evidence, str) and evidence:
            start = text.find(evidence, cursor)
            if start < 0:
                start = text.find(evidence)
            if start < 0:
                raise ValueError(f"{draft.get('doc')}: evidence not in text: {evidence[:30]}…")
            project["evidence"] = [start, start + len(evidence)]
            cursor = start
        projects.append(project)
    out["projects"] = projects
    return out


def quote_free_dir(drafts: Path, out: Path, texts: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(drafts.glob("*.json")):
        draft = json.loads(path.read_text(encoding="utf-8"))
        text = (texts / draft["doc"]).read_text(encoding="utf-8")
        gold = quote_free(draft, text)
        (out / path.name).write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def agreement() -> int:
    """Score the second annotation (gold2) against the first: the F1 two careful people reach, the ceiling."""
    import tempfile

    from zhaoyin.extractors.evaluation import KINDS, evaluate, load_gold

    texts = cache_dir()
    second = {g["doc"]: g for g in load_gold(REAL / "gold2", texts)}
    if not second:
        print(f"agreement: no second annotation with its text present ({REAL / 'gold2'}, texts in {texts})")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for split in ("dev", "test"):
            for gold in load_gold(REAL / "gold" / split, texts):
                if gold["doc"] in second:
                    (Path(tmp) / Path(gold["doc"]).with_suffix(".json").name).write_text(
                        json.dumps(gold, ensure_ascii=False), encoding="utf-8"
                    )
        report = evaluate(tmp, second)
    print(f"agreement of two independent annotations on {len(report.docs)} real reports (first = gold):")
    for kind in KINDS:
        score = report.kinds[kind]
        print(f"  {kind:<10} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}")
    for name, field in report.project_fields.items():
        print(f"  project.{name:<12} {field.accuracy:.3f} ({field.correct}/{field.total})")
    print(f"  metric.subject       {report.metric_subject.accuracy:.3f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.real_set", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    fill_cmd = sub.add_parser("fill", help="refill the text cache")
    fill_cmd.add_argument("--from", dest="source", type=Path, default=None)
    recover_cmd = sub.add_parser("recover", help="refill from stored copies of the pages")
    recover_cmd.add_argument("pages", type=Path)
    sub.add_parser("status", help="which texts are present")
    sub.add_parser("sources", help="rewrite SOURCES.md")
    sub.add_parser("agreement", help="F1 of the second annotation against the first")
    qf = sub.add_parser("quote-free", help="drafts → committed gold")
    qf.add_argument("drafts", type=Path)
    qf.add_argument("out", type=Path)
    qf.add_argument("texts", type=Path)
    args = parser.parse_args(argv)
    if args.command == "fill":
        return fill(args.source)
    if args.command == "recover":
        return recover(args.pages)
    if args.command == "status":
        return status()
    if args.command == "agreement":
        return agreement()
    if args.command == "sources":
        write_sources()
        return 0
    quote_free_dir(args.drafts, args.out, args.texts)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # a reader that took what it wanted (status | head -1)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
