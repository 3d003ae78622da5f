"""`python -m zhaoyin.flows.cli …` runs the same app as the `zhaoyin` console script."""

from zhaoyin.flows.cli import app

app()
