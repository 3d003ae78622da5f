"""`zhaoyin browse`: a local, read-only web view of the warehouse (server-rendered pages, no JavaScript,
nothing loaded from outside 127.0.0.1)."""
