"""Commands: commands_ner (to be filled)."""

from flows.cli_app import app  # noqa: F401
