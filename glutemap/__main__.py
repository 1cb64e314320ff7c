"""`python -m glutemap` runs the command line."""

from glutemap.cli import main

raise SystemExit(main())
