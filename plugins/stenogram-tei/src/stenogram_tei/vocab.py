"""The encoding as data: which TEI element each note and mark kind becomes, and back.

Every element and attribute value here is valid in both TEI P5 (``tei_all``)
and the ParlaMint schema, so the two profiles share one table.
"""

from __future__ import annotations

import re

from stenogram.model import MarkKind, NoteKind

__all__ = [
    "APP_IDENT",
    "INLINE_NOTE_TYPES",
    "LANGUAGE_NAMES",
    "MARK_KINDS_BY_NOTE_TYPE",
    "NOTE_KINDS_BY_TYPE",
    "NOTE_TYPES",
    "PARLAMINT_TIME",
    "SPEAKER_TYPES",
    "STAGE_ELEMENTS",
    "TEI_NS",
    "XI_NS",
    "XML_NS",
    "gap_reason",
    "is_chair",
    "stage_element",
]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XI_NS = "http://www.w3.org/2001/XInclude"
#: ``encodingDesc/appInfo/application/@ident`` of files we wrote: the reader then trusts every convention.
APP_IDENT = "stenogram"

#: Stage directions, by what their text says (English, and Chinese for the LegCo records):
#: (pattern, element, @type). First match wins.
_STAGE_RULES: tuple[tuple[re.Pattern[str], str, str | None], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), element, type_)
    for pattern, element, type_ in (
        (r"applau|ovation|鼓掌|掌聲|掌声", "kinesic", "applause"),
        (r"laugh|chuckl|giggl|笑", "vocal", "laughter"),
        (r"shout|heckl|booing|\bboos?\b|叫喊|叫囂|叫嚣|喝倒采", "vocal", "shouting"),
        (r"murmur|whisper", "vocal", "murmuring"),
        (r"interrupt|cross-?talk|speaking at once", "vocal", "interruption"),
        (r"noise|commotion|uproar|喧嘩|喧哗|鼓譟|鼓噪", "vocal", "noise"),
        (r"smil", "kinesic", "smiling"),
        (r"\bnods?\b|gestur|\bpoints?\b|shak\w* hands|handshake|\bwaves?\b", "kinesic", "gesture"),
        (r"\bbell|gavel|\bring|鐘響|钟响|鐘聲|钟声", "kinesic", "ringing"),
        (r"video|playback|recording|\bclip\b|播放|錄音|录音", "kinesic", "playback"),
        (r"\bleav|\bleft\b|\bexits?\b|walks? out|離席|离席|離開|离开", "incident", "leaving"),
        (r"\benter|arriv|\bjoins?\b|進入|进入", "incident", "entering"),
        (r"\bbreak\b|recess|adjourn|\bpause|休會|休会|暫停|暂停", "incident", "break"),
    )
)
#: The elements a stage direction may become; the reader maps all of them back to a stage note.
STAGE_ELEMENTS = frozenset({"kinesic", "vocal", "incident"})


def stage_element(text: str) -> tuple[str, str | None]:
    """The element and ``@type`` for a stage direction such as ``(Applause.)``."""
    for pattern, element, type_ in _STAGE_RULES:
        if pattern.search(text):
            return element, type_
    return "incident", None


#: Roles and labels that make a participant the chair of the meeting (when the ``chairs`` option names
#: none). A chairman *of* something, or a *bank* chairman, heads an organisation and is no chair here.
_CHAIR_RULES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\A(?:(?:the|mr|mrs|ms|madam|madame|acting)\.?\s+)?(?:co-?)?chair(?:man|woman|person)?\b(?!\s+of\b)",
        r"\b(?:moderator|presiding|presides)\b",
        r"主席",  # Chinese: chair; LegCo's President
    )
)


def is_chair(role: str | None, labels: tuple[str, ...]) -> bool:
    """Whether the role or a printed label says the participant chairs the meeting."""
    return any(rule.search(text.strip()) for text in (role, *labels) if text for rule in _CHAIR_RULES)


_INAUDIBLE = re.compile(r"inaudib|unintelligib|indistinct|unclear|no audio|off.?mic", re.IGNORECASE)


def gap_reason(text: str) -> str:
    """``inaudible`` or ``editorial``: the two reasons ParlaMint allows on ``gap``."""
    return "inaudible" if _INAUDIBLE.search(text) else "editorial"


#: ``note/@type`` for the note kinds written as a plain ``note`` (stage -> STAGE_ELEMENTS, omission -> gap).
NOTE_TYPES: dict[NoteKind, str] = {
    NoteKind.SEPARATOR: "separator",
    NoteKind.SECTION: "section",
    NoteKind.TIMESTAMP: "timestamp",
    NoteKind.EDITORIAL: "editorial",
    NoteKind.PAGE: "page",
    NoteKind.OTHER: "other",
}
#: ParlaMint's ``note/@type`` for a time stamp (its corpora write ``<note type="time">``); the
#: ParlaMint profile uses it for timestamp notes and marks instead of ``timestamp``.
PARLAMINT_TIME = "time"
#: ``note/@type`` read back; ``time`` and ``vote`` etc. come from Parla-CLARIN files.
NOTE_KINDS_BY_TYPE: dict[str, NoteKind] = {
    **{v: k for k, v in NOTE_TYPES.items()},
    "stage": NoteKind.STAGE,
    "omission": NoteKind.OMISSION,
    "time": NoteKind.TIMESTAMP,
    "comment": NoteKind.EDITORIAL,
    "head": NoteKind.SECTION,
    "pb": NoteKind.PAGE,
}

#: ``note/@type`` for inline marks written as ``note`` (omission -> gap, stage -> STAGE_ELEMENTS,
#: insertion -> ``add`` in TEI, ``note type="insertion"`` in ParlaMint, whose ``seg`` has no ``add``).
INLINE_NOTE_TYPES: dict[MarkKind, str] = {
    MarkKind.TIMESTAMP: "timestamp",
    MarkKind.OTHER: "other",
    MarkKind.INSERTION: "insertion",
    MarkKind.EDITORIAL: "editorial",
}
MARK_KINDS_BY_NOTE_TYPE: dict[str, MarkKind] = {
    **{v: k for k, v in INLINE_NOTE_TYPES.items()},
    "time": MarkKind.TIMESTAMP,
}

#: ParlaMint speaker types, written as a taxonomy in the TEI profile and as ``u/@ana`` in both.
SPEAKER_TYPES: tuple[tuple[str, str, str], ...] = (
    ("chair", "Chairperson", "chair of the meeting"),
    ("regular", "Regular", "a regular speaker at the meeting"),
    ("guest", "Guest", "a guest speaker, or an anonymous voice such as a question from the floor"),
)

#: Names written in ``langUsage/language`` for the commonest tags; others show the tag itself.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "ru": "Russian",
    "zh": "Chinese",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "ca": "Catalan",
    "sl": "Slovenian",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "pl": "Polish",
    "uk": "Ukrainian",
    "ar": "Arabic",
    "ja": "Japanese",
}
