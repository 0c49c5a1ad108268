"""``python -m stenogram`` runs the command line, like the ``stenogram`` console script."""

from stenogram.cli import run

run()
