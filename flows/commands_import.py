"""Commands: commands_import (to be filled)."""

from flows.cli_app import app  # noqa: F401
