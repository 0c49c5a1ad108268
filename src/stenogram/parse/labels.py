"""The speaker-label grammar: is the start of this line someone's name?

A label is a run of name-like words (capitalised words, a few connectors
such as *of* and *the*, initials, CJK titles) closed by a colon, a full-width
colon, a period after an ALL-CAPS name (``THE PRESIDENT.``), or the bare
reporter mark ``Q``. A sentence that merely contains a colon fails because
its words are not name-like. Every candidate gets a *strength*, so that the
caller can take strong labels at once, weak ones (a lone capitalised word
such as ``Putin:``) only when the document supports them, and report the
rejected look-alikes as diagnostics.

>>> m = match_label("President of Russia Vladimir Putin: Good afternoon.")
>>> m.label, m.strength, m.rest
('President of Russia Vladimir Putin', 2, 36)
>>> match_label("The main issues are: first, prices.").strength
0
>>> m = match_label("Question (retranslated): Thank you.")
>>> m.name, m.annotation
('Question', 'retranslated')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

from stenogram.lexicon import (
    ATTRIBUTIONS,
    CHAIRS,
    COLLECTIVE_SPEAKERS,
    CONTRIBUTION_NOTES,
    HONORIFICS,
    LOWER_CASE_PARTIES,
    NEWS_OUTLETS,
    PERIOD_TITLES,
    QUESTION_VERBS,
    SECTION_HEADINGS,
    STAGE_WORDS,
    VOCATIVES,
    is_title,
)
from stenogram.parse.slots import read_slots, split_slots
from stenogram.text import WidePattern

__all__ = [
    "ANONYMOUS_ROLES",
    "MARK_LINE",
    "PERIOD_LINE",
    "REJECTED",
    "SOLO_ROLES",
    "STRONG",
    "WEAK",
    "LabelMatch",
    "in_mixed_case",
    "is_label_prefix",
    "is_person_name",
    "is_vocative",
    "match_attribution",
    "match_dash_label",
    "match_label",
    "strength_of",
]


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one string: tables stay readable."""
    return frozenset(words.split())


STRONG = 2  # take it
WEAK = 1  # take it only if the document supports it (a known surname, a repeated label)
REJECTED = 0  # looks like a label but is not; worth a diagnostic

_SP = "[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u3000]"
# A label's indent, at most: a court reporter's margin of times and line numbers, blanked, is 14 wide.
_INDENT = 16


# The capitals of the alphabets parliaments print labels in, as a class body: ``ГОЛОВУЮЧИЙ.``,
# ``PIRMININKĖ (V. ČMILYTĖ-NIELSEN).``. Latin Extended-A and the Cyrillic supplement alternate capital and
# small letters, so their whole ranges are named: short classes compile fast, and no word of a speech is
# made of those small letters alone.
_UC = "A-ZÀ-ÖØ-ÞĀ-žΑ-ΩЀ-ЯҐ-ӿ"
# A word in capitals, with a Mc/De/La prefix in lower case ("McCARTHY", "DeLAURO").
_CAPS = rf"(?:[A-Z][a-z]{{1,2}})?[{_UC}][{_UC}'’\-]+"
# A surname in capitals and initials, the last initial's full stop closing the label ("ЖЕЛЄЗНЯК Я.І.").
_INITIALS_TAIL = rf"(?:{_SP}+(?:[{_UC}]\.{_SP}?){{0,2}}[{_UC}](?:(?=\.)|\.(?=,)))"
# A surname in mixed case and initials, as the Duma prints its members ("Жуков А. Д., фракция ЛДПР.").
# Possessive: a line's first word is not given back letter by letter when no initials follow it.
_SURNAME_INITIALS = rf"[{_UC}][a-zà-öø-ÿа-яёіїєґ'’]++(?:-[{_UC}][a-zà-öø-ÿа-яёіїєґ'’]++)?{_INITIALS_TAIL}"
_ENDS_WITH_INITIAL = re.compile(rf"[\s.][{_UC}]$")
# What may follow a name in capitals in a period label: a state ("of Texas", "of New York"), "pro tempore".
_PERIOD_TAIL = rf"(?:of{_SP}+[A-Z][a-z]+(?:(?:{_SP}+|-)[A-Z][a-z]+)?|pro{_SP}+tempore)"


# A titled name in mixed case: "Senator Cruz", "Mr. Nolen", "The Chairwoman", "Chairman Smith".
# Only an abbreviation takes a full stop ("Mr. Nolen"): "The Chairwoman. Senator Moran." is a label and its text.
# The titles as one alternation grouped by first letter: the scan of every line start tries a branch or two.
def _title_alternation() -> str:
    words = {w.capitalize() for w in PERIOD_TITLES if w.isalpha()}
    words |= {re.escape(w.capitalize()) for w in PERIOD_TITLES if w.endswith(".") and w[:-1].isalpha()}
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))


_TITLE_WORDS = _title_alternation()
# After the title: a name ("Senator Cruz", "M. Éric Ciotti"), or an office with its French article ("Mme la
# présidente", "M. le ministre"); then perhaps a role after a comma ("Mme Élisabeth Borne, Première ministre").
_UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_TITLED = (
    rf"(?:The{_SP}+)?(?:{_TITLE_WORDS})"
    rf"(?:(?:{_SP}+[{_UPPER}][\w'’\-]*[a-zà-ÿ][\w'’\-]*){{1,3}}|{_SP}+(?:le|la|les)(?:{_SP}+[\w'’\-]+){{1,4}})?"
    # An office may run over commas: "M. Olivier Dussopt, ministre du travail, du plein emploi et de l'insertion".
    rf"(?:,{_SP}+[^.,:;!?()\n]{{1,80}}){{0,3}}"
)

# Speakers from the floor in a record of period labels: "Из зала.", "Голос из зала." (as the lexicon spells them).
_PERIOD_ROLES = "|".join(
    sorted((re.escape(w.capitalize()) for w in COLLECTIVE_SPEAKERS if not w.isascii() and "." not in w), key=len)[::-1]
)

# Label forms, tried in order; each names the groups "indent", "label" and "rest".
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Q    text (a bare reporter mark, no colon).
    ("bare", re.compile(rf"(?P<indent>{_SP}{{0,{_INDENT}}})(?P<label>Q)(?:{_SP}{{2,}}|{_SP}*$)")),
    # Name: text / Name：text (full width needs no space after it).
    (
        "colon",
        re.compile(
            rf"(?P<indent>{_SP}{{0,{_INDENT}}})(?P<label>[^\W\d_][^:：\n]{{0,200}}?){_SP}*(?::(?={_SP}|$|[A-Z“])|：){_SP}*"
        ),
    ),
    # THE PRESIDENT. text / MR. RATHER. text / Q. text (period labels of printed US records), also
    # "Mr. McCARTHY.", "Mrs. RODGERS of Washington.", "The SPEAKER pro tempore.", and titled names in
    # mixed case as hearings print them, "Senator Cruz.", "The Chairwoman." (accepted when they recur).
    (
        "period",
        re.compile(
            rf"(?P<indent>{_SP}{{0,{_INDENT}}})(?P<label>(?:(?:(?:[{_UC}][A-Za-z]{{0,3}}\.|{_CAPS}|The){_SP}+){{0,5}}"
            rf"{_CAPS}(?:{_INITIALS_TAIL}|{_SP}+{_PERIOD_TAIL})?(?:,{_SP}+[^.,:;!?()\n]{{1,80}})?|{_TITLED}|Q|A"
            rf"|{_SURNAME_INITIALS}(?:,{_SP}+[^.,:;!?()\n]{{1,80}})?|{_PERIOD_ROLES})"
            rf"(?:{_SP}+\([^()\n]{{1,60}}\))?)\.(?:{_SP}+|$)"
        ),
    ),
    # Q text: a bare reporter mark and one space (older White House records).
    ("bare", re.compile(rf"(?P<indent>{_SP}{{0,{_INDENT}}})(?P<label>Q)(?:{_SP}+)(?=\S)")),
)

_DASH_CHARS = frozenset("-–—")
_COLON_FORMS = tuple(row for row in _FORMS if row[0] == "colon")

# Roles that stand for whoever spoke, not for a person.
ANONYMOUS_ROLES = frozenset(
    {
        "question", "remark", "reply", "response", "comment", "answer", "q", "a", "voice", "voices",
        "audience", "audience member", "participant", "journalist", "reporter", "correspondent",
        "speaker", "unidentified speaker", "interpreter", "translator", "student", "from the audience",
        "off-mic", "crowd", "member", "members", "audience members", "question from the audience",
        "unknown", "man", "woman", "male", "female", "child", "children", "all", "follow-up", "follow up",
        "operator", "caller", "listener", "listener question", "audience question", "aide",
        "追问", "追問",
    }
) | COLLECTIVE_SPEAKERS | NEWS_OUTLETS  # fmt: skip
# Lone words that are labels in their own right even without support.
SOLO_ROLES = ANONYMOUS_ROLES | CHAIRS | {"moderator", "host", "chairman", "chair", "interviewer", "narrator"}
_SOLO_ROLES = SOLO_ROLES

# Lower-case words allowed inside a name or a role.
_CONNECTORS = _wordset(
    "of the and for on in at to de da das do dos del della der den van von bin ibn al el la le du des y e "
    # "i": Catalan and Polish "and" ("Jordi Turull i Negre"); "yr": the Welsh article ("Gweinidog yr Economi")
    "und zu ten ter bint ben ap af av pro tempore i yr"
)
# Connectors that join the parts of a surname, never the words of a sentence or a committee's name.
_NAME_PARTICLES = _wordset("i y e de del della da das dos van von der den ter ten du bin ibn al el")
_VOCATIVE = VOCATIVES
_ARTICLES = _wordset("le la les")
_ARTICLES_ANY = _wordset("the a an le la les l' el los las il lo gli de het een der die das den")
# Words that open or fill sentences, never names: a label holding one is a sentence with a colon.
_SENTENCE_OPENERS = _wordset(
    "about regarding as in on at for with from to by if when while because although and but so or then now here "
    "there this that these those it we you he she they my our your their his her its what which who why how where "
    "let please thank yes no well also besides finally firstly secondly look listen see note example one another "
    "all some many most such every each after before during today tomorrow yesterday"
    " mein meine meinen unser unsere apropos"  # "Mein Schlusssatz:", "Apropos zwei Jahre Pandemie:"
    " zu zum zur"  # "Zu den Terminen der Bundeskanzlerin: Am Freitag …" opens a topic, not a speaker
)
_SENTENCE_WORDS = _wordset(
    "i we you he she they it is are was were be been will would shall should can could may might must have has had "
    "do does did not this that these those my our your their me us them what which who how why if than very just "
    "only said says say let as other well more some any there here about into over been being because such also "
    "even still yet no yes need"
    # German and French pronouns, auxiliaries and adverbs, never part of an office printed in lower case:
    # "Verzeihen Sie, wenn ich das ganz offen sage:", "Kurz noch zu Tagesordnungspunkt 13:".
    " ich wir ihr ist sind war hat haben wird werden kann muss nicht noch schon nur wenn dass daß"
    " je nous vous est sont pas ne"
)
_PERIOD_STOP = frozenset({"OK", "NO", "YES", "AND", "BUT", "SO", "WELL", "US", "I", "II", "III", "IV", "V", "A"})
# A slash only between letters ("Verts/ALE", "Kommission/Hoher"), never in "63/3".
_FORBIDDEN = re.compile(
    r"[?!;\"“”«»„…\[\]<>{}=+*\\|@#$%^~]|(?<![^\W\d_])/|/(?![^\W\d_])|\.\s*$|\s\.|(?<![A-Za-z])[a-z]+\.(?!\w)|\d{3,}"
    # A full stop and a dash before a space closes a dash label ("Sr. Ritondo.- Señora presidenta: …"); the
    # colon after it is the speech's. "J.-P. Martin" keeps its initials.
    r"|\.[-–—]\s"
)
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
_ENDS_SENTENCE = re.compile(r"\w{5,}\.")  # a word of five letters or more and a full stop: not an abbreviation
_CJK = WidePattern(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_TITLE = re.compile(
    r"(?:議員|议员|主席|長官|长官|局長|局长|司長|司长|秘書長|秘书长|先生|女士|代表|部長|部长|總理|总理|主任|委員|委员|記者|记者)$"
)
# Hansard headings that end with a colon but head a list or a note, not a speech.
_CJK_HEADINGS = re.compile(r"(?:出席|缺席|列席)\S{0,6}$|註$|注$|資料來源$|资料来源$|附錄|附录")
_GLUE = re.compile(r"[-'’]")
_WS_RUN = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u3000]+")
_TRIM = ",.'’\"()"


class LabelMatch(NamedTuple):
    """A label candidate at the start of a line; columns index that line."""

    label: str  # as printed, whitespace folded, without the closing colon or period
    name: str  # the label without its annotation
    annotation: str | None  # "retranslated", "As interpreted" …
    start: int  # column where the label starts
    rest: int  # column where the spoken text after the label starts
    strength: int  # STRONG, WEAK or REJECTED
    form: str  # "colon", "period", "bare", "dash", "mark" (after "○" or a time) or "line" (a name line)
    slots: tuple[str, ...] = ()  # the brackets after the name: "(Northtown, Lib.)", "(14:03)"
    sep: str = ""  # a dash label's separator without its spaces: ".–", "-", ".-", "—"
    time: str | None = None  # a time code printed before the label: "[00:01:23] Name:", "Name  01:23"


def fold(label: str) -> str:
    """Whitespace runs (no-break spaces and line breaks included) folded to one space."""
    if "\xa0" in label:
        label = label.replace("\xa0", " ")
    if "  " not in label and label.isprintable():
        return label.strip()  # no whitespace but single spaces (the rest is unprintable): nothing to fold
    return _WS_RUN.sub(" ", label).strip()


def _word_ok(word: str) -> bool | None:
    """True for a name-like word, None for a connector, False for an ordinary lower-case word."""
    w = word.strip(_TRIM)
    if not w:
        return None
    if w in _CONNECTORS:
        return None
    first = w[0]
    if first.isupper():
        return w != "I"
    if not first.islower():
        return True  # digits, CJK and other uncased scripts
    # al-Assad, d'Estaing, bin-Salman: a lower-case particle glued to a capitalised name
    if "-" not in w and "'" not in w and "’" not in w:
        return False
    tail = _GLUE.split(w, maxsplit=1)
    return len(tail) == 2 and tail[1][:1].isupper()


# A section's number in Roman numerals, up to 39 ("X" alone may be an anonymised witness).
_ROMAN = re.compile(r"(?=[IVX]{2}|[IV])X{0,3}(?:IX|IV|V?I{0,3})\.?")


@functools.lru_cache(maxsize=4096)
def _strength(name: str, form: str) -> int:
    """How sure the word grammar is that ``name`` (annotation removed) names a speaker."""
    if (
        not name
        or len(name) > 160
        or name.count(" ") > 24
        or (name[0].islower() and name.split(" ", 1)[0] not in _CONNECTORS)
    ):
        return REJECTED  # cheap tests first: this runs for every line with a colon
    key = name.casefold()
    if key in ANONYMOUS_ROLES:
        return STRONG  # "Some hon. members: Agreed.", "Listener question: …"
    if key in SECTION_HEADINGS:
        return REJECTED  # "Questions & Answers:" heads a part of the call
    if ";" in name and _offices_joined(name):
        return STRONG  # "THE MINISTER OF RAILWAYS; THE MINISTER OF COMMUNICATIONS; AND THE MINISTER OF …"
    if name.count("(") != name.count(")") or _FORBIDDEN.search(name.replace("Mr.", "Mr").replace("Ms.", "Ms")):
        return REJECTED
    if ". " in name and any(_ENDS_SENTENCE.fullmatch(w) and not is_title(w) for w in name.split()[:-1]):
        return REJECTED  # "Die Debatte eröffnet Herr Abgeordneter Maier. Wunschredezeit": two sentences
    if _CJK.search(name):
        if " " in name.strip() or len(name) > 12 or _CJK_HEADINGS.match(unicodedata.normalize("NFKC", name)):
            return REJECTED
        return STRONG if (_CJK_TITLE.search(name) or len(name) <= 4) else WEAK
    words = name.split()
    if len(words) > 24:
        return REJECTED
    verdicts = [_word_ok(w) for w in words]
    lower = verdicts.count(False)
    named = verdicts.count(True)
    if named == 0 or verdicts[0] is False:
        return REJECTED
    folded = [w.strip(_TRIM).casefold() for w in words]
    if folded[0] in _VOCATIVE and "," in name:
        return REJECTED  # "Mr President, colleagues:" opens a speech, it does not name a speaker
    # Lower-case words only (and "I"): a capitalised "May", "Long" or "Bill" in a label is a name.
    plain = [f for f, w in zip(folded, words, strict=True) if (w[:1].islower() and w != "i") or w == "I"]
    opener = folded[0] in _SENTENCE_OPENERS and not words[0].isupper()
    if opener or not _SENTENCE_WORDS.isdisjoint(plain):
        return REJECTED  # "About President Trump:", "What we said:" are sentences
    if lower:
        return _strength_with_role_words(words, verdicts, folded, lower)
    if len(words) == 1 and _ROMAN.fullmatch(name):
        return REJECTED  # "II - LEITURA DA ATA", "IV. Ordre du jour": a section's number heads it
    if folded[0] not in ANONYMOUS_ROLES and any(w.isdigit() for w in words):
        return WEAK  # "Recommendation 2", "Clause 5": a numbered item, unless the document repeats it ("Speaker 1")
    if len(words) == 1:
        if folded[0] in _SOLO_ROLES or _CAMEL.match(name):
            return STRONG
        return WEAK  # a lone word (a surname, an ALL-CAPS role) needs the document's support
    return STRONG


def _strength_with_role_words(words: list[str], verdicts: list[bool | None], folded: list[str], lower: int) -> int:
    """Lower-case words belong to a role: "History teacher Anton Molev", "Konstantin Fokin, ship cutter"."""
    if len(words) <= 8 and all(
        v is not False or is_title(w.strip(_TRIM)) for v, w in zip(verdicts, words, strict=True)
    ):
        # Forms of address and offices printed in lower case: "La señora PRESIDENTA", "De heer Wilders".
        # Without a name ("De voorzitter") the label must recur, as a chair's does.
        named = any(v and f not in _ARTICLES_ANY for v, f in zip(verdicts, folded, strict=True))
        # The chair by its office and article: "Le président", "O Presidente", "Der Präsident".
        chair = any(f in CHAIRS for f in folded) and all(
            f in CHAIRS or f in _ARTICLES_ANY or f in HONORIFICS for f in folded
        )
        return STRONG if named or chair else WEAK
    if len(words) <= 7 and folded[0] in HONORIFICS and folded[1] in _ARTICLES:
        return STRONG  # "Mme la présidente", "M. le ministre de l'intérieur": an office addressed by its article
    if folded[0] in ANONYMOUS_ROLES and lower <= 4:
        # "Question from the audience", "Question from Perm Territory"; not "Question put", "Question resolved".
        return STRONG if len(folded) > 1 and (folded[1] in _CONNECTORS or folded[1] in ("from", "by")) else REJECTED
    unnamed = verdicts.count(False) + verdicts.count(None)
    if is_title(words[0]) and lower <= 6 and len(words) <= 12 and verdicts[-1] is True and verdicts[-2] is True:
        # An office of several words opens the label and a name closes it:
        # "Místopředseda vlády a ministr pro místní rozvoj ČR Ivan Bartoš".
        return STRONG
    caps = 0
    while caps < len(words) and words[caps].isupper() and len(words[caps]) > 1:
        caps += 1
    if 2 <= caps < len(words) and lower == len(words) - caps <= 5 and is_title(words[-1].strip(_TRIM)):
        return STRONG  # a name in capitals, then the office: "RÉTVÁRI BENCE igazságügyi minisztériumi államtitkár"
    # A particle may join the surname's parts: "… Gerard Gómez del Moral i Fuster".
    particle = verdicts[-2] is None and folded[-2] in _NAME_PARTICLES and len(words) >= 4 and verdicts[-3] is True
    if lower <= 4 and unnamed <= 8 and verdicts[-1] is True and (verdicts[-2] is True or particle) and len(words) >= 3:
        return STRONG  # a role, then a given name and a surname
    joined = " ".join(words)
    role = _ROLE_AFTER.search(joined)
    if role is not None:
        # A comma or a spaced dash between the name and the role: "Domnul Ion Popescu – secretar de stat, …".
        head, tail = joined[: role.start()], joined[role.end() :]
        head_words = head.split()
        one_caps = (
            len(head_words) == 1 and head_words[0].isupper() and len(head_words[0]) > 2
        )  # "GIORGETTI, ministro …"
        tail_words = tail.split()
        # An office may be long: "Josep Borrell Fontelles, Vizepräsident der Kommission/Hoher Vertreter der …".
        most = 16 if tail_words and is_title(tail_words[0]) else 7
        if (one_caps or 2 <= len(head_words) <= 4) and all(_word_ok(w) for w in head_words) and len(tail_words) <= most:
            return STRONG  # a name, then the role after a comma
    return REJECTED


# What parts a name from the role printed after it: a comma, or a dash between spaces.
_ROLE_AFTER = re.compile(r",|\s[–—]\s")
_CAPS_WORD = re.compile(_CAPS)


def in_mixed_case(name: str) -> bool:
    """Is this period label a titled name in mixed case ("Senator Cruz"), not one in capitals ("Mr. SMITH")?"""
    return not name.isupper() and not any(_CAPS_WORD.fullmatch(w.strip(_TRIM)) for w in name.split())


def is_vocative(name: str) -> bool:
    """Titles only, no article and no name: "Mr. President", "Madam Chair" address someone, they do not label."""
    words = name.split()
    if len(words) == 1 and words[0].casefold() in CHAIRS:
        return False  # "Председательствующий.": the chair of the sitting alone is a label, not an address
    return words[0] != "The" and all(is_title(w) for w in words)


def strength_of(name: str) -> int:
    """The strength of a colon label with this name (used for labels broken by a wrap)."""
    return _strength(name, "colon")


# Marks some records print before every speaker's label: the Diet's "○", the Korean Assembly's "◯", the
# ">>" of closed captions. The mark form is "○" and a label run to a wide space or two spaces, or alone.
_MARKS = "○◯〇"
# Roles a call transcript prints alone on a line over the speech: "Operator".
_LINE_ROLES = frozenset({"operator", "moderator", "host", "interviewer", "announcer", "narrator"})
# The lines of running text asked for a mark label or "Operator" alone on its line (the other roles alone
# are read in blank-line records; a branch per role would cost at every line start).
# A numbered question asked by a verb other than "asked" ("1. Tuan Lim Guan Eng [Bagan] minta Menteri …") is
# found in the same scan: the dash labels' scan asks only lines with a dash or " asked "; so is a bracketed label.
MARK_LINE = re.compile(
    rf"\n(?:[{_MARKS}]|\[[^\W\d_][^\[\]\n]{{0,60}}\][ \t]+\S|Operator[ \t]*(?=\r?\n|$)"
    rf"|\d{{1,3}}\.[^\n]{{1,160}}? minta )"
)
# A dash against the label's first letter is a mark too: "-El Presidente Senador …: (12:15 horas) Solicito…".
_LEAD_MARK = re.compile(rf"(?:[{_MARKS}](?=[^\s{_MARKS}])|>>{_SP}*(?=[^\W\d_])|[-–—](?=[^\W\d_]))")
_MARK_SEP = re.compile(r"\u3000|[ \t\u00a0]{2,}")
_MARK_FORBIDDEN = re.compile(r"[。、，,.!?！？:：;「」『』\"“”]")
# A time code before a label, as podcasts and meeting recorders print it: "[00:01:23] Name:", "(01:23) Name:".
_LEAD_TIME = re.compile(
    rf"(?:\[(?P<t1>\d{{1,2}}(?::\d{{2}}){{1,2}})\]|\((?P<t2>\d{{1,2}}(?::\d{{2}}){{1,2}})\)"
    rf"|(?P<t3>\d{{1,2}}:\d{{2}}:\d{{2}}))(?:{_SP}+|{_SP}*[-–—]{_SP}+)(?=[^\W\d_])"
)
# A name and a time code alone on a line, the speech below, as meeting recorders export: "Maria Lopez  00:09".
_TIMED_LINE = re.compile(
    rf"(?P<label>[^\W\d_][^:\n]{{0,60}}?){_SP}{{2,}}(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?){_SP}*"
)
_LEAD_FIRST = frozenset(_MARKS + ">[(0123456789-–—")
# A label whose square brackets are its separator, the speech after it: "[Prime Minister Takeda] It is …",
# as Tokyo's press announcements print it. "[Applause] …" and "[inaudible] …" are the editor's, not a speaker.
_BRACKET_LABEL = re.compile(rf"\[(?P<label>[^\W\d_][^\[\]\n:;.!?]{{0,60}})\]{_SP}+(?=\S)")
_STAGE = re.compile("(?i:" + "|".join(map(re.escape, STAGE_WORDS)) + ")")


def _marked(line: str) -> LabelMatch | None:
    """A label after a speaker mark or a time code or inside square brackets, or a name and a time alone on the line."""
    if line[0] == "[" and (bracket := _bracket_label(line)) is not None:
        return bracket
    lead = _LEAD_MARK.match(line)
    if lead is not None:
        off = lead.end()
        m = match_label(line[off:], colon_only=True) if ":" in line or "：" in line else None
        if m is not None and m.start == 0 and m.strength != REJECTED:
            if line[0] != ">":  # a dash says less than ">>": the label must stand on its own
                return m._replace(start=off, rest=m.rest + off)
            # ">> Resident: …": the mark says the speaker changes, so a lone word after it is a label too.
            return m._replace(start=off, rest=m.rest + off, strength=STRONG, sep=">>")
        return _after_mark(line, off) if line[0] in _MARKS else None
    clock = _LEAD_TIME.match(line)
    if clock is not None:
        off = clock.end()
        m = match_label(line[off:], colon_only=True)
        if m is not None and m.start == 0 and m.form == "colon":
            time = clock.group("t1") or clock.group("t2") or clock.group("t3")
            return m._replace(start=off, rest=m.rest + off, time=time)
    return None


def _bracket_label(line: str) -> LabelMatch | None:
    """ "[Moderator] We will now begin …": the label inside the brackets, the speech after them."""
    m = _BRACKET_LABEL.match(line)
    if m is None or _STAGE.search(m.group("label")):
        return None
    return _mark_label(m.group("label"), 1, m.end(), sep="[")


def _mark_label(raw: str, start: int, rest: int, *, sep: str = "", time: str | None = None) -> LabelMatch | None:
    """A label set off by a mark rather than a colon (brackets, a time after it), its name judged as a colon
    label's would be; ``None`` when the name is rejected."""
    label = fold(raw)
    name, slots, annotation = _name_and_slots(label)
    strength = _strength(name, "colon")
    if strength == REJECTED:
        return None
    return LabelMatch(label, name, annotation, start, rest, strength, "mark", slots, sep, time)


def _after_mark(line: str, off: int) -> LabelMatch | None:
    """ "○議長（細田博之君）　これより…", "◯의장 김진표  성원이…": the label runs to a wide space or two spaces."""
    sep = _MARK_SEP.search(line, off)
    raw = line[off : sep.start()] if sep is not None else line[off:].rstrip()
    if not raw or len(raw) > 40 or _MARK_FORBIDDEN.search(raw):
        return None
    label = fold(raw)
    name, slots, annotation = _name_and_slots(label)
    # Alone on its line ("○本日の会議に付した案件" heads a list) it needs the document's support.
    strength = STRONG if sep is not None and line[sep.end() :].strip() else WEAK
    rest = sep.end() if sep is not None else len(line)
    return LabelMatch(label, name, annotation, off, rest, strength, "mark", slots, line[0])


def _timed_line(line: str) -> LabelMatch | None:
    """ "Maria Lopez  00:09" alone on its line: a speaker and the time the speech below starts."""
    m = _TIMED_LINE.fullmatch(line)
    if m is None:
        return None
    return _mark_label(m.group("label"), 0, len(line), time=m.group("time"))


# A speaker's name alone on its line, with what the person is after double hyphens or a dash, the speech in
# the blocks below, as earnings-call transcripts print them: "Jane Wu -- Head of Investor Relations".
_NAME_LINE = re.compile(
    rf"(?P<name>[^\W\d_][^:\n]{{0,60}}?)(?P<roles>(?:{_SP}+(?:--|—|–){_SP}+[^\W\d_][^:\n]{{0,60}}?){{1,3}}){_SP}*"
)
_ROLE_SPLIT = re.compile(rf"{_SP}+(?:--|—|–){_SP}+")


def _name_line(line: str) -> LabelMatch | None:
    """ "Operator" or "Mark Ellis -- Chief Executive Officer" alone on its line: the speaker of the block below."""
    text = fold(line)
    if text.casefold() in _LINE_ROLES:
        return LabelMatch(text, text, None, 0, len(line), STRONG, "line")
    m = _NAME_LINE.fullmatch(text)
    if m is None or not is_person_name(m.group("name")):
        return None
    roles = [r for r in _ROLE_SPLIT.split(m.group("roles")) if r]
    for role in roles:
        words = role.split()
        if len(words) > 8 or _FORBIDDEN.search(role) or not all(w[:1].isupper() or w in _CONNECTORS for w in words):
            return None
    start = len(line) - len(line.lstrip(_SP_CHARS))
    # The roles read as a role after a comma is: "Jane Wu, Head of Investor Relations".
    name = ", ".join((m.group("name"), *roles))
    return LabelMatch(text, name, None, start, len(line), STRONG, "line")


def match_label(line: str, *, colon_only: bool = False) -> LabelMatch | None:
    """The label at the start of ``line``, or None when the line does not even look like one.

    ``colon_only`` skips the period and bare-``Q`` forms, which only blank-line records use.
    """
    if line[:1] in _LEAD_FIRST:
        marked = _marked(line)
        if marked is not None:
            return marked
    if line[-1:].isdigit() and "  " in line and (timed := _timed_line(line)) is not None:
        return timed
    has_colon = line.find(":", 0, 240) >= 0 or line.find("：", 0, 60) >= 0
    if colon_only and not has_colon:
        return None
    if has_colon and (line[:1] in _NUMBER_FIRST or line.find(". ", 2, 5) > 0):  # "Anf. 3 …" too
        numbered = _numbered_label(line)
        if numbered is not None:
            return numbered
    if (
        line.find(";", 0, 60) >= 0
        and (semi := _SEMICOLON_LABEL.match(line)) is not None
        and not (has_colon and _offices_before_colon(line))
    ):
        # "MR. NIXON; I would say this": a label in capitals whose colon a transcriber typed as a semicolon;
        # weak, so only a name the document prints as a label elsewhere opens a turn.
        name = fold(semi.group("label"))
        return LabelMatch(name, name, None, semi.start("label"), semi.end(), WEAK, "colon")
    rejected: LabelMatch | None = None
    for form, pattern in _COLON_FORMS if colon_only else _FORMS:
        if form == "colon":
            found = _colon_label(line) if has_colon else None
            if found is None:
                continue
            raw, start, rest = found
        else:
            m = pattern.match(line)
            if m is None:
                continue
            raw, start, rest = m.group("label"), m.start("label"), m.end()
        label = fold(raw)
        if form == "period" and (
            (label.split()[-1].rstrip(".") in _PERIOD_STOP and label not in ("Q", "A"))
            or line[rest : rest + 1] in _DASH_CHARS
        ):
            return None  # "OK. …" is a sentence; "President. – …" is a dash label
        name, slots, annotation = _name_and_slots(label)
        strength = STRONG if form == "bare" else _strength(name, form)
        if strength == REJECTED and form == "colon" and name.endswith(".") and name[-2:-1].isalpha():
            # "ГОЛОВУЮЧИЙ.:", "ЖЕЛЄЗНЯК Я.І.:": a record's period label, then a converter's colon.
            strength = _strength(name[:-1], form)
        if strength == WEAK and slots and name.isupper() and len(name) > 2 and read_slots(slots, name).affiliation:
            strength = STRONG  # "MALAN (FdI):": a surname in capitals with a party's bracket, as Rome prints it
        if strength != STRONG and slots and _role_with_holder(name, slots[0]):
            strength = STRONG  # "Ministeren for ligestilling (Marie Bjerre):", "El lletrat major (Antoni Bayona):"
        if form == "period" and _ENDS_WITH_INITIAL.search(label):
            label += "."  # "ЖЕЛЄЗНЯК Я.І.": the initial keeps its full stop, which also closed the label
        if form == "period" and strength == WEAK and name not in ("Q", "A"):
            strength = STRONG if name.isupper() and len(name) > 2 else WEAK
        elif form == "period" and name == "A":
            strength = WEAK  # "A. Yes." answers a "Q." where the record prints several; "A. Lincoln" does not
        found_label = LabelMatch(label, name, annotation, start, rest, strength, form, slots)
        if strength == REJECTED and form == "colon":
            # "THE PRESIDENT. I told you the reasons why: because …": the colon is the speech's, the
            # period the label's; the rejected colon candidate stays for the diagnostic.
            rejected = found_label
            continue
        return found_label
    if rejected is not None:
        return rejected
    if not colon_only and not has_colon and len(line) <= 120:
        return _name_line(line)
    return None


def _offices_joined(name: str) -> bool:
    """Offices one person holds, joined by semicolons: every part a strong label that names an office."""
    parts = [p.strip() for p in name.split(";")]
    if not 2 <= len(parts) <= 6:
        return False
    for part in parts:
        words = part.split()
        if words and words[0].casefold() in ("and", "et", "und", "y"):
            words = words[1:]  # "…; AND THE MINISTER OF …"
        if not words or not any(is_title(w) for w in words) or _strength(" ".join(words), "colon") != STRONG:
            return False
    return True


def _offices_before_colon(line: str) -> bool:
    """Does the line open with offices joined by semicolons and closed by the label's colon?"""
    found = _colon_label(line)
    return found is not None and ";" in found[0] and _offices_joined(_name_and_slots(fold(found[0]))[0])


_SEMICOLON_LABEL = re.compile(
    rf"{_SP}{{0,{_INDENT}}}(?P<label>(?:[{_UC}][A-Za-z]{{0,3}}\.{_SP}+)?{_CAPS}(?:{_SP}+{_CAPS}){{0,3}});{_SP}+(?=[A-Z])"
)


# The number of a question on the order paper before its asker's label: "1. Ruth Jones (Newport West)
# (Lab): …", "Q1. [905432] Sir Keir Starmer (…):", "2. Dr SHANE RETI (National—Whangārei) to the Minister".
_NUMBERED = re.compile(
    rf"{_SP}{{0,{_INDENT}}}(?:[QT]?\d{{1,3}}[.)]|\[\d{{1,7}}\]|[A-Z][a-z]{{1,3}}\.{_SP}+\d{{1,4}})(?:{_SP}+\[\d{{1,7}}\])?{_SP}+(?=[^\W\d_])"
)
_NUMBER_FIRST = frozenset("0123456789QT[ \t")  # the first character of a numbered line, indent included


def _numbered_label(line: str) -> LabelMatch | None:
    """A colon label after a question number; the number stays in the label as printed, not in the name.

    A numbered line is a list item far more often than a speaker, so the name
    must be marked as a person's: brackets (constituency, party), a title or
    capitals; otherwise it is weak and needs the document's support.
    """
    number = _NUMBERED.match(line)
    if number is None:
        return None
    cut = number.end()
    found = _colon_label(line[cut:])
    if found is None:
        return None
    raw, start, rest = found
    if _title_case_heading(line[cut + rest :]):
        return None  # "3. Datganiad gan y Gweinidog Economi: Cynllun Swyddi": an agenda item and its title
    name, slots, annotation = _name_and_slots(fold(raw))
    strength = _strength(name, "colon")
    marked = slots or any(is_title(w) for w in name.split()) or any(w.isupper() and len(w) > 2 for w in name.split())
    if strength == STRONG and not marked:
        strength = WEAK
    label = fold(line[number.start() : cut + start] + raw)
    indent = len(line) - len(line.lstrip(_SP_CHARS))
    return LabelMatch(label, name, annotation, indent, cut + rest, strength, "colon", slots)


def _title_case_heading(rest: str) -> bool:
    """Is the text after a numbered item's colon a title ("Cynllun Swyddi", "Energy Security"), not a speech?"""
    words = rest.split()
    return (
        0 < len(words) <= 8
        and rest.rstrip()[-1:] not in _CLOSES
        and all(w[:1].isupper() or w in _CONNECTORS for w in words)
        and words[0][:1].isupper()
    )


_CLOSES = frozenset('.!?…,;:-—–"”»)')


def is_person_name(text: str) -> bool:
    """Two to six capitalised words with the connectors names hold: "Søren Gade", "Julià de Jòdar Muñoz"."""
    words = text.split()
    verdicts = [_word_ok(w) for w in words]
    return (
        2 <= len(words) <= 6
        and verdicts.count(True) >= 2
        and False not in verdicts
        and not any(ch.isdigit() for ch in text)
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
    )


def _role_with_holder(name: str, slot: str) -> bool:
    """A role in words of any case, then its holder's name in brackets, as many parliaments print a chair or minister.

    The role must read as one: a capitalised first word, a few words, none of
    a sentence's (``Vi har spurgt (Mette Frederiksen):`` is not a role).
    """
    words = name.split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper() or _FORBIDDEN.search(name) or ":" in name:
        return False
    folded = [w.casefold() for w in words]
    if folded[0] in _SENTENCE_OPENERS or not _SENTENCE_WORDS.isdisjoint(folded[1:]):
        return False
    return is_person_name(slot)


def match_attribution(line: str) -> LabelMatch | None:
    """ "Asked by Baroness Smith of Basildon" alone on its line: the question below is asked in her name.

    The label is the line as printed; the name is the person's, a strong name
    with its title, so that ``Baroness Smith of Basildon (Lab):`` later is the
    same participant.
    """
    text = fold(line)
    lead = next((a for a in ATTRIBUTIONS if text.startswith(a)), None)
    if lead is None:
        return None
    name = text[len(lead) :]
    if not name or name[-1] in ".,;:!?" or not any(is_title(w) for w in name.split()):
        return None
    if _strength(name, "colon") != STRONG:
        return None
    start = len(line) - len(line.lstrip(_SP_CHARS))
    return LabelMatch(text, name, None, start, len(line), STRONG, "colon")


_SQUARE_CLOCK = re.compile(r"\s*\[(\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)\]$")
_PARTY_ENDINGS = tuple(" " + party for party in sorted(LOWER_CASE_PARTIES))
# A name, a party's bracket and a word after it: "MAGDALENA ANDERSSON (S) replik" (not "Motion (by Mr X) put").
_AFTER_BRACKETS = re.compile(r"(\S+\s+\S.*\(\s*[^\W\d_a-z][^()\s]{0,11}\s*\))\s+([a-zà-ÿ]{3,20})")


_SLOT_ENDS = frozenset("]）")
_TAIL_AFTER_BRACKETS = re.compile(r"(.*\))\s*,\s*([^()\[\],]{1,60})")
_DIGIT = re.compile(r"\d")


def _contribution(label: str) -> int:
    """Where a note on how the speech was given starts after a comma, or -1: ``…, question «carton bleu»``."""
    comma = label.rfind(", ")
    if comma < 0 or len(label) - comma > 48:
        return -1  # no comma, or a long clause after it: a sentence's, not a note's
    tail = label[comma + 2 :].casefold()
    return comma if any(note in tail for note in CONTRIBUTION_NOTES) else -1


def _name_and_slots(label: str) -> tuple[str, tuple[str, ...], str | None]:
    """The name a label is keyed by, its brackets, and the annotation among them ("retranslated")."""
    if "(" not in label and label[-1:] not in _SLOT_ENDS and "," not in label and not label.endswith(_PARTY_ENDINGS):
        return label, (), None  # most labels: no bracket, no comma, no party after the name
    note = _contribution(label) if "," in label else -1
    if note > 0:  # "Pascal Canfin (Renew), question «carton bleu»", "Christian Ehler (PPE), schriftlich"
        name, slots, _ = _name_and_slots(label[:note])
        return name, (*slots, label[note + 2 :]) if slots else (label[note + 2 :],), label[note + 2 :]
    square = _SQUARE_CLOCK.search(label) if label.endswith("]") else None
    if square is not None:  # "Jonas Gahr Støre (A) [10:03:12]": the sitting time, as Oslo prints it
        name, slots, _ = _name_and_slots(label[: square.start()])
        return name or label, (*slots, square.group(1)), None
    after = _AFTER_BRACKETS.fullmatch(label) if label[-1:].islower() and ")" in label else None
    if after is not None:  # "ANDERSSON (S) replik": a word after the brackets says how, as a bracket would
        name, slots = split_slots(after.group(1))
        slots = (*slots, after.group(2))
    elif "), " in label and (tail := _TAIL_AFTER_BRACKETS.fullmatch(label)) is not None and not _DIGIT.search(label):
        # "de Montmollin Simone (RL, GE), pour la commission": the role after the brackets, as Bern prints it.
        name, slots = split_slots(tail.group(1))
        slots = (*slots, tail.group(2))
    else:
        name, slots = split_slots(label) if "(" in label or label.endswith(("]", "）")) else (label, ())
    if name.endswith(_PARTY_ENDINGS):
        head, _, last = name.rpartition(" ")
        if head[-1:].isalpha():
            name, slots = head, (last, *slots)  # "Antti Lindtman sd": the party after the name, as a slot
    if not slots or not name:
        return label, (), None
    return name, slots, read_slots(slots, name).annotation


# The lines that may hold a period label, "Mr. SMITH. Mr. Speaker, I rise …" or "The PRESIDING OFFICER.
# Without objection …", found in one scan of "\n" + text: a name in capitals closed by a full stop; and an
# examination's "Q.   Good morning" / "A.   Yes.".
PERIOD_LINE = re.compile(
    rf"\n{_SP}{{0,{_INDENT}}}(?:(?:(?:The|[{_UC}][a-z]{{0,3}}\.){_SP}+){{0,2}}{_CAPS}(?:{_SP}+{_CAPS}){{0,4}}"
    rf"(?:{_INITIALS_TAIL}|{_SP}+{_PERIOD_TAIL})?(?:,{_SP}+[^.,:;!?()\n]{{1,80}})?|{_TITLED}"
    rf"|{_SURNAME_INITIALS}(?:,{_SP}+[^.,:;!?()\n]{{1,80}})?|{_PERIOD_ROLES}|[QA])"
    rf"(?:{_SP}+\([^()\n]{{1,60}}\))?\.(?=[ \t]|\n|$)"
)

# A dash label's first word: an honorific or office, or a word in capitals ("Mr BARTON", "BAŞKAN").
_DASH_HEAD = re.compile(rf"{_SP}{{0,{_INDENT}}}(?P<first>[^\W\d_][\w.'’]*)")
# The dash that closes the label: "Mr FULLER - Can", "Mr BARTON. - Before", "Senator SMITH.-I", "Ms WORTH—I".
# Also the reported question of Hansard's questions on notice, "Mr GREGORY asked the Minister …": the
# label ends before the verb, which is the first word of the text; so does "Mr POLLARD by leave - I desire …".
# Dashes a scan doubled after the separator ("Mr KING O'MALLEY - - - I wish", "Senator RUSSELL. - -This",
# "Senator GRANT. - .Some") belong to it, not to the speech.
_DASH_SEP = re.compile(
    rf"(?:[.,]?{_SP}*[—–]{_SP}*|[.,]?{_SP}+-+{_SP}*|[.,]-+{_SP}*|(?<=\))-+{_SP}*|-+{_SP}+|{_SP}+(?=asked{_SP}+the\b|minta{_SP}+[A-Z]|by{_SP}+leave{_SP}*-))"
    rf"(?:[-–—]+{_SP}*)*(?:\.(?=[^\W\d_]))?"
)
# A sitting time in square brackets before the dash: "Senator Sir WILLIAM GLASGOW [10.19]. -".
_SQUARE_TIME = re.compile(r"\s*\[(\d{1,2}[.:]\d{1,2})\]$")


def match_dash_label(line: str, *, any_head: bool = False) -> LabelMatch | None:
    """A label closed by a dash, as parliaments from Canberra to Ankara print them, or None.

    Only a line that opens with an honorific, an office or a word in capitals
    is asked: in running prose a dash after a few capitalised words is common.
    ``any_head`` asks any line, for a document whose own dash labels already
    recur (``Manfred Weber, on behalf of the PPE Group. – …`` after ``President. – …``).
    """
    if line[-1:].isalpha() and len(line) <= 120 and ("--" in line or " — " in line or " – " in line):
        named = _name_line(line)  # "Mark Ellis -- Chief Executive Officer" alone on its line
        if named is not None:
            return named
    head = _DASH_HEAD.match(line)
    if head is None:
        return _numbered_question(line, any_head=any_head) if line[:1] in _NUMBER_FIRST else None
    first = head.group("first")
    if first in _DASH_ARTICLES:  # "The PRESIDENT -", "The CHAIRMAN (Mr Scholes -", "La Présidente. –"
        second = line[head.end() :].split(None, 1)[:1]
        first = second[0] if second else ""
    if not (any_head or is_title(first) or (first.isupper() and len(first) > 1) or _CAMEL_TITLE.match(first)):
        return None
    start = head.start("first")
    for sep in _DASH_SEP.finditer(line, start, start + 160):
        raw = line[start : sep.start()]
        if ":" in raw or not raw.strip():
            return None
        if raw.count("(") > raw.count(")") and line.find(")", sep.end()) >= 0:
            continue  # "(Queensland - Minister for Defence)": a dash inside the brackets
        if raw[-1:].isalpha() and _TRUNCATION.match(line, sep.end()):
            continue  # "Außen- und Sicherheitspolitik": a word's first half, not a separator
        rest = sep.end()
        square = _SQUARE_TIME.search(raw.rstrip(".,").rstrip())
        if square is not None:
            # "Senator Sir GEORGE PEARCE [11.2]. - In view …": the record keeps the time with the speech.
            raw = raw[: square.start()].rstrip()
            rest = start + len(raw) + 1
        label = fold(raw).rstrip(".,").rstrip()
        name, slots, annotation = _name_and_slots(label)
        if len(name) > 120:
            return None
        sep_text = "".join(sep.group().split())
        return LabelMatch(label, name, annotation, start, rest, _dash_strength(name), "dash", slots, sep_text)
    return None


def _numbered_question(line: str, *, any_head: bool) -> LabelMatch | None:
    """ "1. Mr Leong Mun Wai asked the Minister for …": a numbered question asked in the asker's name."""
    number = _NUMBERED.match(line)
    if number is None:
        return None
    cut = number.end()
    found = match_dash_label(line[cut:], any_head=any_head)
    if found is None or not line[cut + found.rest :].startswith(QUESTION_VERBS):
        return None
    label = fold(line[number.start() : cut] + found.label)
    return found._replace(label=label, start=number.start(), rest=cut + found.rest)


# The word after a compound's truncated first half ("Außen- und Sicherheitspolitik", "Vor- oder Nachteil").
_TRUNCATION = re.compile(r"(?:und|oder|bzw\.|sowie|and|or|et|ou|en|of)\s")
# Articles before an office that opens a dash label: "The PRESIDENT -", "La Présidente. –", "Die Präsidentin. –".
_DASH_ARTICLES = frozenset("The Le La Der Die El Il De Het O".split())
# "SenatorFRASER", "SenatorSir": an office run into the capitalised name by a lost space.
_CAMEL_TITLE = re.compile(r"(?:Senator|Mr|Dr|Sir)[A-Z]")


def _dash_strength(name: str) -> int:
    """A dash label is strong when its words are a name and it holds a title or a name in capitals."""
    strength = _strength(name, "dash")
    if strength == REJECTED:
        return REJECTED
    words = name.split()
    marked = any(is_title(w) for w in words) or any(w.isupper() and len(w.strip(".,'’")) > 1 for w in words)
    return STRONG if marked or _CAMEL_TITLE.match(name) else WEAK


_SP_CHARS = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u3000"  # _SP


def _colon_label(line: str) -> tuple[str, int, int] | None:
    """The colon form of :data:`_FORMS`, matched by string methods: (label as printed, its column, rest column).

    The label cannot hold a colon, so only the first colon of either width can close
    it; finding that with ``str.find`` spares the regex's character-by-character
    lazy search, the costliest step of reading a transcript with many colons.
    A test checks that the two agree.
    """
    half, full = line.find(":"), line.find("：")
    colon = half if full < 0 or 0 <= half < full else full
    if colon < 0:
        return None
    if (line.find("(", 0, colon) >= 0 and line.count("(", 0, colon) > line.count(")", 0, colon)) or (
        line.find("[", 0, colon) >= 0
        and line.count("[", 0, colon) > line.count("]", 0, colon)
        and line.find("]", colon, 240) >= 0  # a bracket that closes: "[10:03:12]", not "\x1b[5m"
    ):
        # "Ms SMITH (Northtown) (14:03): …", "Jonas Gahr Støre (A) [10:03:12]: …": a colon inside brackets
        # is not the label's.
        half = colon = _colon_after_brackets(line)
        if colon < 0:
            return None
    start = len(line) - len(line.lstrip(_SP_CHARS))
    if start > _INDENT or start >= colon:
        return None
    first = line[start]
    if not first.isalnum() or first.isdecimal():  # [^\W\d_]
        return None
    end = len(line[:colon].rstrip(_SP_CHARS))
    if end - start > 201 or "\n" in line[start:colon]:
        return None
    if colon == half:
        after = line[colon + 1 : colon + 2]
        if not (
            after in ("", "“")
            or after in _SP_CHARS
            or "A" <= after <= "Z"
            or (after == "\n" and colon + 2 == len(line))
        ):
            return None
    tail = line[colon + 1 :]
    return line[start:end], start, colon + 1 + len(tail) - len(tail.lstrip(_SP_CHARS))


def _colon_after_brackets(line: str) -> int:
    """The first colon outside brackets within a label's length, or -1."""
    depth = 0
    for pos, ch in enumerate(line[:240]):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == ":" and depth <= 0:
            return pos
    return -1


def is_label_prefix(line: str, *, role_words: bool = False) -> bool:
    """Can this whole line be the first half of a label broken by a wrap (``Prime Minister Mikhail``)?

    Only name-like words: a heading such as ``Remarks at the unveiling of …``
    right above a label must not be taken into it.
    """
    text = fold(line)
    if not text or len(text) > 100 or ":" in text or _FORBIDDEN.search(text) or not text[0].isalpha():
        return False
    words = text.split()
    if len(words) > 14 or text.endswith(","):
        return False
    verdicts = [_word_ok(w) for w in words]
    # Name-like words only; with ``role_words`` (the label's own line goes on in lower case, "host
    # Megyn Kelly:") also a short role with a lower-case word or two, "Panel moderator, NBC".
    lower = verdicts.count(False)
    return (
        verdicts[0] is True
        and (lower == 0 or (role_words and lower <= 2 and len(words) <= 6))
        and not any(ch.isdigit() for ch in text)
    )
