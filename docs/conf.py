"""Sphinx configuration: Markdown pages through MyST, built with warnings as errors in CI."""

project = "stenogram"
author = "stenogram developers"
extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "examples"]
myst_heading_anchors = 3
html_theme = "alabaster"
autodoc_typehints = "description"

# Unresolved references are errors in CI (sphinx-build -n -W). The standard library and
# third-party types in signatures have no inventory here (the build runs offline).
nitpicky = True
nitpick_ignore_regex = [
    (
        "py:class",
        r"(collections\.abc|concurrent\.futures|typing|pathlib|os|datetime|decimal|fractions|enum|importlib\.metadata|re|types)\..*",
    ),
    ("py:class", r"(attrs|pluggy|hypothesis|lxml|docx)\..*"),
    ("py:class", r"(Any|Path|SearchStrategy|CategoryName|_Element|NoneType|T|_T|_R)"),
    ("py:class", r"(str|bytes|int|float|bool|object|type|tuple|list|dict|frozenset|set)"),
]


def _public_name(app, env, node, contnode):  # type: ignore[no-untyped-def]
    """``stenogram.model.Transcript`` (as type hints name it) resolves to ``stenogram.Transcript`` when that is
    how the API reference documents it: one page per public name, whatever module defines it."""
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("stenogram."):
        return None
    domain = env.get_domain("py")
    short = target.rsplit(".", 1)[-1]
    for candidate in (f"stenogram.{short}", f"stenogram.analysis.{short}", f"stenogram.plugins.{short}"):
        if candidate != target and candidate in domain.objects:
            return domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], candidate, node, contnode)
    return None


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("missing-reference", _public_name)
