"""What a ParlaMint corpus root says that no transcript does: countries, taxonomies, role values.

Data only; ``parlamint.py`` writes it. The taxonomy terms (``Legislature``,
``Types of speakers``, ``Subcorpora``) are the ones ``validate-parlamint.xsl``
looks for.
"""

from __future__ import annotations

import re

__all__ = [
    "COUNTRIES",
    "EDITORIAL",
    "LEGISLATURE",
    "ROLE_RULES",
    "SPEAKER_TYPE_TERMS",
    "SUBCORPORA",
    "role_value",
]

#: ISO 3166 code -> (English name, the adjective ParlaMint's titles start with).
COUNTRIES: dict[str, tuple[str, str]] = {
    "AT": ("Austria", "Austrian"),
    "AU": ("Australia", "Australian"),
    "BE": ("Belgium", "Belgian"),
    "BG": ("Bulgaria", "Bulgarian"),
    "CN": ("China", "Chinese"),
    "CZ": ("Czechia", "Czech"),
    "DE": ("Germany", "German"),
    "DK": ("Denmark", "Danish"),
    "ES": ("Spain", "Spanish"),
    "EU": ("European Union", "European"),
    "FR": ("France", "French"),
    "GB": ("United Kingdom", "British"),
    "HK": ("Hong Kong", "Hong Kong"),
    "HR": ("Croatia", "Croatian"),
    "HU": ("Hungary", "Hungarian"),
    "IS": ("Iceland", "Icelandic"),
    "IT": ("Italy", "Italian"),
    "LT": ("Lithuania", "Lithuanian"),
    "LV": ("Latvia", "Latvian"),
    "NL": ("Netherlands", "Dutch"),
    "PL": ("Poland", "Polish"),
    "RO": ("Romania", "Romanian"),
    "RU": ("Russia", "Russian"),
    "SI": ("Slovenia", "Slovenian"),
    "TR": ("Turkey", "Turkish"),
    "UA": ("Ukraine", "Ukrainian"),
    "UN": ("United Nations", "United Nations"),
    "US": ("United States", "American"),
}

#: The ``parla.legislature`` taxonomy: (id, English term, description); components point at these.
LEGISLATURE: tuple[tuple[str, str, str], ...] = (
    ("parla.term", "Legislative period", "term of the parliament between general elections"),
    ("parla.meeting", "Meeting", "meeting of the body, as its record is titled"),
    ("parla.sitting", "Sitting", "sitting day of a meeting"),
)
#: ``speaker_types``: the values the TEI writer puts in ``u/@ana``.
SPEAKER_TYPE_TERMS: tuple[tuple[str, str, str], ...] = (
    ("chair", "Chairperson", "chair of a meeting"),
    ("regular", "Regular", "a regular speaker at a meeting"),
    ("guest", "Guest", "a guest speaker, or an anonymous voice such as a question from the floor"),
)
SUBCORPORA: tuple[tuple[str, str, str], ...] = (
    ("reference", "Reference", "reference subcorpus, until 2019-10-31"),
    ("covid", "COVID", "COVID subcorpus, from 2019-11-01 onwards"),
)
#: ``editorialDecl`` of the root: what stenogram did to the text.
EDITORIAL: tuple[tuple[str, str], ...] = (
    ("correction", "No correction of source texts was performed."),
    ("normalization", "Line breaks inside paragraphs were reflowed; the words are as printed."),
    ("hyphenation", "Hyphens at line ends were kept as printed."),
    ("quotation", "Quotation marks have been left in the text and are not marked up."),
    ("segmentation", "Utterances are turns of one speaker; segments are the paragraphs of the transcript."),
)

#: Printed role -> ParlaMint's ``affiliation/@role`` value. First match wins; no match: no affiliation.
ROLE_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), value)
    for pattern, value in (
        (r"deputy prime minister|vice.?premier", "deputyPrimeMinister"),
        (r"prime minister|premier|chancellor|bundeskanzler", "primeMinister"),
        (r"deputy minister|vice.?minister|staatssekretär", "deputyMinister"),
        (r"minister", "minister"),
        (r"vice.?president|vizepräsident", "vicePresident"),
        (r"president|präsident", "president"),
        (r"deputy chair|vice.?chair", "viceChairman"),
        (r"chair|vorsitz", "chairman"),
        (r"speaker", "speaker"),
        (r"secretary.general|generalsekretär", "secretaryGeneral"),
        (r"secretary", "secretary"),
        (r"director|head of", "director"),
        (r"\bmp\b|member of (?:the )?(?:parliament|state duma)|abgeordnete|\bdeputy\b|senator", "MP"),
    )
)


def role_value(role: str) -> str | None:
    """ParlaMint's role value for a printed role, or ``None`` when none fits."""
    return next((value for pattern, value in ROLE_RULES if pattern.search(role)), None)
