"""Performance measurements of the import path (`make bench` = `python -m bench.run`)."""
