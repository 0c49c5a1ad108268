"""Sphinx configuration: Markdown pages through MyST, built with warnings as errors in CI."""

project = "stenogram"
author = "stenogram developers"
extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "examples"]
myst_heading_anchors = 3
html_theme = "alabaster"
autodoc_typehints = "description"
