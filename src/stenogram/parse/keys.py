"""Speakers by their initials, defined in a key at the top: ``TAG Dr Tedros Adhanom Ghebreyesus``.

Some press-conference transcripts list their speakers once, a code in
capitals and the person's name a line, and then print only the code before
each speech, with no separator: ``TAG Thank you, Christian.`` A word in
capitals at a line start is far more often the speech's own (``WHO published
…``, ``UN agencies …``), so the codes are labels only where the document
defines them: a run of at least :data:`MIN_ENTRIES` key lines near the top,
each a code whose letters are, in order, initials of the name after it.

>>> key = speaker_key("Speaker key:\\nCL Christian Lindmeier\\nMK Dr Maria Van Kerkhove\\n\\nCL Hello.\\n", 0)
>>> key
{'CL': 'Christian Lindmeier', 'MK': 'Dr Maria Van Kerkhove'}
>>> speaker_key("UN Security Council\\nEU Foreign Affairs Council\\n", 0)
{}
"""

from __future__ import annotations

import re

from stenogram.lexicon import is_title

__all__ = ["MIN_ENTRIES", "key_pattern", "speaker_key"]

MIN_ENTRIES = 2  # key lines in a run, at least: one such line is a heading
_SPAN = 4000  # characters from the body's start in which a key is looked for
_KEY_LINE = re.compile(r"^[ \t]{0,4}([A-Z]{2,4})[ \t]+([^\W\d_][^\n:]{2,80}?)[ \t]*\r?$", re.MULTILINE)
_CONNECTORS = frozenset("of the de da van von der den del di du bin al el la le y".split())


def _defines(code: str, name: str) -> bool:
    """Is ``name`` a person's name (capitalised words, connectors) whose initials hold ``code``, in order?

    Offices alone (``PM Prime Minister``, a glossary's line) name nobody.
    """
    words = name.split()
    if not 2 <= len(words) <= 7 or not all(w[:1].isupper() or w in _CONNECTORS for w in words):
        return False
    if all(is_title(w) or w in _CONNECTORS for w in words):
        return False
    initials = iter(w[0] for w in words if w[:1].isupper())
    return all(letter in initials for letter in code)


def speaker_key(text: str, start: int) -> dict[str, str]:
    """The codes a key near the body's start defines, to the names they stand for (empty without a key)."""
    key: dict[str, str] = {}
    line_before = -2
    for m in _KEY_LINE.finditer(text, start, start + _SPAN):
        code, name = m.group(1), m.group(2).strip()
        line = text.count("\n", start, m.start())
        if code in key or not _defines(code, name):
            continue
        if key and line != line_before + 1:
            if len(key) >= MIN_ENTRIES:
                break  # the key ended; later lines are the speech
            key.clear()  # a lone line like a key was a heading: start again
        key[code] = name
        line_before = line
    return key if len(key) >= MIN_ENTRIES else {}


def key_pattern(key: dict[str, str]) -> re.Pattern[str]:
    """The line starts that print one of the key's codes before a speech: ``\\nTAG Thank you …``."""
    codes = "|".join(re.escape(code) for code in sorted(key, key=len, reverse=True))
    # A speech opens as a sentence does: "TAG Thank you", not "EU leaders agreed".
    return re.compile(rf"\n[ \t]{{0,4}}(?P<code>{codes})[ \t]+(?=[^\W\d_]|[\d\"“‘'(¿¡])(?![a-z])")
