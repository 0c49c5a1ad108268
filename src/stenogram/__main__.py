"""``python -m stenogram`` runs the command line, like the ``stenogram`` console script."""

import sys

from stenogram.cli import main

sys.exit(main())
