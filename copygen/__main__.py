import sys

from copygen.cli import main

sys.exit(main())
