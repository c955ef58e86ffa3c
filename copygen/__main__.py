"""`python -m copygen`: the same command line as `copygen` (used by accelerate launch and --workers)."""

import sys

from copygen.cli import main

sys.exit(main())
