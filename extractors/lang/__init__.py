"""The Chinese language data of the extractors: one file per concept beside this module, read only through
this API (modelled on spaCy's ``spacy/lang/zh``).

Every file opens with ``#`` comment lines saying what it holds, with examples. Names are given without the
extension:

- ``words("company_legal_forms")`` / ``word_set(…)`` — a ``.txt`` word list: one entry a line, ``#`` starts a
  comment; a tuple in file order, or a set.
- ``alternation("company_legal_forms")`` — the same (or any iterable of words) as a regex alternation,
  escaped, longest first.
- ``chars("function")`` / ``char_set("function")`` / ``char_class("function")`` — a class of single characters
  (char_classes.yaml, punctuation.yaml, numerals.yaml) as a string, a set or a regex character class.
- ``table("project_status")`` — rows of a ``.tsv`` (header line after the comments) as dicts.
- ``data("metric_keywords")`` — a parsed ``.yaml`` file.
- ``pattern("time_markers", "period")`` — a regex of a yaml file's ``patterns:`` mapping. Its ``{slot}``s are
  filled, in this order, by the keyword arguments, the file's own entries (a string as it is, a word list or
  a mapping's keys as their alternation), the other patterns of the mapping, and the character classes.
  Regex quantifiers (``{1,2}``) are no slots.

Each file is read once per process.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
EXTENSIONS = (".txt", ".tsv", ".yaml")


def path(name: str) -> Path:
    """The data file called `name` (with or without its extension)."""
    if Path(name).suffix in EXTENSIONS:
        return HERE / name
    for extension in EXTENSIONS:
        candidate = HERE / f"{name}{extension}"
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no language data file {name!r} in {HERE}")


def _text(name: str) -> str:
    return path(name).read_text(encoding="utf-8")


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of a word list, in file order; a line's text after ``#`` is a comment."""
    out = []
    for line in _text(name).splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out.append(word)
    return tuple(out)


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of a word list as a set, for membership tests."""
    return frozenset(words(name))


def longest_first(entries: Iterable[str]) -> list[str]:
    return sorted(entries, key=len, reverse=True)


def alternation(source: str | Iterable[str]) -> str:
    """A regex alternation of the words of list `source` (or of the words given), escaped, longest first."""
    entries = words(source) if isinstance(source, str) else source
    return _alternation(tuple(entries))


@cache
def _alternation(entries: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in longest_first(entries))


@cache
def chars(key: str) -> str:
    """The characters of class `key` (char_classes.yaml, punctuation.yaml or numerals.yaml), in file order."""
    return _char_classes()[key]


@cache
def char_set(key: str) -> frozenset[str]:
    return frozenset(chars(key))


@cache
def char_class(key: str) -> str:
    """The characters of class `key` as a regex character class: ``[…]``."""
    return "[" + "".join(re.escape(ch) for ch in dict.fromkeys(chars(key))) + "]"


@cache
def _char_classes() -> dict[str, str]:
    classes = {}
    for name in ("char_classes", "punctuation", "numerals"):
        for key, value in data(name).items():
            if not isinstance(value, str | int):
                continue  # patterns and mappings are no character classes
            if key in classes:
                raise ValueError(f"character class {key!r} defined twice")
            classes[key] = str(value)
    return classes


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a tab-separated file as dicts keyed by its header (the first line after the comments)."""
    rows = (line for line in _text(name).splitlines() if line and not line.startswith("#"))
    return tuple(csv.DictReader(rows, delimiter="\t"))


@cache
def data(name: str) -> Any:
    """A parsed yaml file. Shared by every caller: treat it as read-only."""
    return yaml.safe_load(_text(name))


_SLOT = re.compile(r"\{([a-z_]+)\}")


def pattern(name: str, key: str, **slots: str) -> str:
    """The regex `key` of the ``patterns:`` mapping of yaml file `name`, its slots filled."""
    source = data(name)
    patterns = source["patterns"]

    def expand(text: str, seen: frozenset[str]) -> str:
        def fill(match: re.Match[str]) -> str:
            slot = match.group(1)
            if slot in slots:
                return str(slots[slot])
            value = source.get(slot) if slot != "patterns" else None
            if isinstance(value, str):
                return value
            if isinstance(value, list | dict):
                return alternation(value)
            if slot in patterns:
                if slot in seen:
                    raise ValueError(f"{name}: pattern {slot!r} refers to itself")
                return expand(patterns[slot], seen | {slot})
            if slot in _char_classes():
                return _char_classes()[slot]
            raise KeyError(f"{name}: pattern {key!r} has no value for {{{slot}}}")

        return _SLOT.sub(fill, text)

    return expand(patterns[key], frozenset({key}))


def files() -> list[Path]:
    """Every language data file."""
    return sorted(p for p in HERE.iterdir() if p.suffix in EXTENSIONS)
