"""Word tables the parser shares: titles, honorifics, vocatives, translation notes.

One place for the words that tell a speaker label from a sentence, in the
languages the corpora print (English, German, French, Russian, Turkish).
Compared case-folded; German compounds (``Bundesministerin``,
``Staatssekretär``) are matched by their ending through :data:`TITLE_ENDINGS`.
"""

from __future__ import annotations

__all__ = [
    "HONORIFICS",
    "TITLES",
    "TITLE_ENDINGS",
    "TRANSLATION_NOTES",
    "VOCATIVES",
    "is_title",
]


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string: tables stay readable."""
    return frozenset(text.casefold().split())


#: Forms of address printed before a name: a label that holds one names a person.
HONORIFICS = _words(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lady lord madam hon hon. honourable honorable rt rt. right "
    "prof prof. professor rev rev. reverend mag. ing. dipl.-ing. mmag. "  # German academic titles print before names
    "herr frau m. mme mlle monsieur madame "
    "господин госпожа г-н г-жа sayın"
)

#: Offices and roles that open a label: ``Senator``, ``The CHAIRMAN``, ``Präsidentin``, ``BAŞKAN``.
TITLES = HONORIFICS | _words(
    "senator president chair chairman chairwoman chairperson speaker minister premier secretary ambassador "
    "governor mayor member deputy commissioner clerk treasurer attorney-general solicitor-general leader "
    "colonel general captain major admiral "
    "abgeordneter abgeordnete präsident präsidentin vorsitzender vorsitzende berichterstatter berichterstatterin "
    "schriftführer schriftführerin "
    "président présidente ministre député députée rapporteur "
    "председатель президент министр депутат "
    "başkan bakan"
)

#: Endings of German compound titles: ``Bundesminister``, ``Vizekanzlerin``, ``Volksanwältin``.
TITLE_ENDINGS = (
    "minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "sekretär", "sekretärin",
    "anwalt", "anwältin",
)  # fmt: skip

#: Words that open an address, not a label: "Herr Kollege Amon, nur zur Kenntnisnahme:".
VOCATIVES = _words(
    "mr mr. mrs mrs. ms ms. madam dear ladies colleagues your herr frau liebe lieber sehr geehrte geehrter "
    "meine monsieur madame chers chères"
)

#: What a bracket after a name says about how the words were given, not who spoke.
TRANSLATION_NOTES = (
    "retranslated", "re-translated", "translated", "interpreted", "interpretation", "interpreter", "translation",
    "speaking in", "in english", "in french", "language=",
)  # fmt: skip


def is_title(word: str) -> bool:
    """Is ``word`` (any case, trailing comma or period kept) an honorific or an office?"""
    w = word.casefold().rstrip(",")
    return w in TITLES or w.rstrip(".") in TITLES or w.endswith(TITLE_ENDINGS)
