"""Discovery: a folder's .zhaoyinignore keeps guides and specs out of an import."""

from __future__ import annotations

import os

from zhaoyin.flows.importing.discover import iter_file_paths


def test_ignore_file_patterns_apply_below_their_folder(tmp_path):
    (tmp_path / "reports" / "2024").mkdir(parents=True)
    (tmp_path / "sources").mkdir()
    for name in (
        "reports/a.txt",
        "reports/2024/b.html",
        "reports/2024/notes.yaml",
        "README.md",
        "sources/x.yaml",
    ):
        (tmp_path / name).write_text("青岛", encoding="utf-8")
    (tmp_path / ".zhaoyinignore").write_text("README.md\nsources/\n", encoding="utf-8")
    (tmp_path / "reports" / ".zhaoyinignore").write_text("*.yaml\n", encoding="utf-8")

    found = sorted(os.path.relpath(p, tmp_path) for p in iter_file_paths([tmp_path]))
    assert found == ["reports/2024/b.html", "reports/a.txt"]


def test_without_ignore_file_every_visible_file_is_found(tmp_path):
    for name in ("README.md", "a.txt", ".hidden.txt"):
        (tmp_path / name).write_text("青岛", encoding="utf-8")
    assert sorted(p.rsplit("/", 1)[-1] for p in iter_file_paths([tmp_path])) == ["README.md", "a.txt"]


def test_samples_folder_holds_only_reports():
    from conftest import SAMPLES

    found = [p.rsplit("/", 1)[-1] for p in iter_file_paths([SAMPLES])]
    assert "README.md" not in found and not any(name.endswith(".yaml") for name in found)
    assert len(found) >= 10
