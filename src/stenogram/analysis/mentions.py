"""People, places and organisations named in the speech, without a gazetteer.

Runs of capitalised words are read with a few rules and word tables: an
honorific or a title makes a person, an organisation cue word (``Union``,
``Council``, ``Ministry`` …) or an acronym makes an organisation, a locative
preposition (``in Sochi``) makes a place, and what was learnt about a word in
one sentence is applied to its other occurrences (``Russia`` at the start of a
sentence is a place once ``in Russia`` was seen). Surnames are linked to the
participants and to the fullest name the transcript gives.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from stenogram.analysis.records import Mention, MentionKind
from stenogram.analysis.sentences import Sentence, Unit
from stenogram.analysis.words import STOPWORDS, lower_case_vocabulary, table
from stenogram.lexicon import MONTH_NAMES
from stenogram.model import Participant

__all__ = [
    "DEMONYMS",
    "INSTITUTIONS",
    "LEADING_PLACE_CUES",
    "NOT_PERSON_CUES",
    "ORGANISATION_CUES",
    "PLACE_CUES",
    "PORTFOLIOS",
    "SENTENCE_OPENERS",
    "find_mentions",
]

ORGANISATION_CUES = table(
    """Union Council Ministry Commission Forum Bank Committee Organisation Organization Agency Fund Parliament Duma
    Assembly Company Corporation Group University Institute Party Government Court Office Service Administration
    Department Association Alliance Community Centre Center Club Board Authority Cabinet Senate Congress Inc Ltd
    Foundation Academy Summit Conference Exhibition Fair Secretariat Bureau Chamber Partnership Council's Nations
    Treaty Cooperation Corps Police Army Navy Guard Railways Airlines Holding Exchange Society Church Movement
    Front League School College Games Olympics Expo Festival Commonwealth House Houses Campus Clinic Hospital"""
)
PLACE_CUES = table(
    """Republic Kingdom States Emirates Federation Region Territory Oblast Krai Province Island Islands Sea Ocean
    River Lake Mountains Square Street Avenue City District Valley Peninsula Arctic Gulf Strait Canal Coast Bay
    Asia Europe Africa America"""
)
HONORIFICS = table("Mr Mrs Ms Dr Mister Madam Madame Miss Sir Lord Lady Mr. Mrs. Ms. Dr. MR MRS MS DR MR. MRS. MS. DR.")
# Peoples, and the party words said of one person ("an American", "every Republican"): never a name or a place.
DEMONYMS = table(
    """American Americans Mexican Mexicans African Africans Rican Ricans Dominican Dominicans Cuban Cubans European
    Europeans Asian Asians Arab Arabs Israeli Israelis Iraqi Iraqis Pakistani Pakistanis Saudi Saudis Afghan Afghans
    Greek Greeks Turk Turks Kazakh Kazakhs Uzbek Uzbeks Czech Czechs Swiss Dutch French British English Irish Scottish
    Welsh Muslim Muslims Christian Christians Catholic Catholics Jew Jews Republican Republicans Democrat Democrats"""
)
TITLES = table(
    """President Minister Prime Chancellor King Queen Prince Princess Secretary Secretary-General Governor Ambassador
    Senator Chairman Chairwoman Chair Mayor Premier Pope Patriarch Speaker Director Deputy Vice Foreign Defence
    Defense Finance Economic Economy Head General Emir Sheikh Sultan Crown Commissioner Envoy Representative
    Spokesperson Spokesman Leader Co-Chair Acting Admiral Colonel Captain Lieutenant Sergeant Commander Marshal
    Justice Judge Senator-elect President-elect Vice-President Vice-Premier Prime-Minister"""
)
# Capitalised words that are not names wherever they stand.
NOT_NAMES = table(
    """I I'm I've I'd I'll OK Okay God Internet Mondays Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    Applause Laughter Question Answer Excerpts Transcript Colleagues Friends COVID GDP CEO CFO VAT TV PhD AIDS HIV
    AM PM CCTV DNA IT Christmas Easter Merry Happy"""
)
# Words that make a capitalised run a thing, not a person: laws, documents, events, diseases.
NOT_PERSON_CUES = table(
    """Act Law Bill Code Order Decree Treaty Agreement Convention Accord Protocol Doctrine Plan Programme Program
    Strategy Initiative Project Report Declaration Charter Constitution Day Week Year Flu Virus Syndrome Prize Award
    Cup Championship Games Olympics Tuesday Street Avenue War Corridor Bridge Pipeline Route"""
)
# Words that open a place's name ("Lake Baikal", "Mount Elbrus").
LEADING_PLACE_CUES = table("Lake Mount Cape Gulf Port Fort Saint St San Santa Sea Bay Isle")
# Capitalised only because they open a sentence: "Regarding the Eurasian Economic Union".
SENTENCE_OPENERS = table(
    """Regarding Concerning Speaking According Despite Unlike Like Dear Although Following Given Including
    Considering Unfortunately Fortunately Indeed Naturally Obviously Clearly Certainly Frankly Finally Firstly
    Secondly Thirdly Meanwhile Moreover Furthermore However Nevertheless Therefore Yes No Well Now Today Yesterday
    Tomorrow Please Thank Thanks Let"""
)
# Organisations that a single word names ("the Senate", "the Commission").
INSTITUTIONS = table("Senate Congress Parliament Duma Navy Army Cabinet Commission Council Government Kremlin Pentagon")
# What a ministry or department is "of", when it is not a country.
PORTFOLIOS = table(
    """Defense Defence State Justice Energy Treasury Commerce Agriculture Labor Labour Education Health Interior
    Transportation Transport Homeland Foreign Internal Economy Economic Finance Culture Industry Trade Sport Science
    Digital Development Emergencies Construction"""
)
_LOCATIVE = table("in at near across throughout into inside outside to from visit visited visiting via")
_PLACE_STRONG = table("in at near across throughout into inside")
_COORD_LEAD = table("both between among")
_CONNECTORS = table("of for the de von van der on")
_TRAILING = _CONNECTORS | {"and"}  # what never ends a name
_MONTH_NAMES = table(" ".join(MONTH_NAMES))
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "ani", "ans", "ats", "ists")

# The rest of a word: letters and digits but not Chinese, Japanese or Korean ones, which \w also takes
# ("I期至" is not a word "I..."), and the apostrophes, hyphens and full stops a name may hold.
_WORD_TAIL = r"(?:[^\W\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]|[’'\-.])*+"
_TOKEN = re.compile(rf"[A-Za-zÀ-ÖØ-öø-ÿ]{_WORD_TAIL}")
_CAPITAL = "[A-ZÀ-ÖØ-Þ]"
_CAPITAL_WORD = rf"{_CAPITAL}{_WORD_TAIL}"
# Capitalised words, with the connectors a name may hold between them; _runs splits these further. The
# quantifiers are possessive: nothing follows them to give characters back to, and the engine then keeps no
# backtracking state per word (a line of 150,000 capitalised words took 100 MiB). The pattern opens with the
# capital, and the look-behind (no letter before it) reads the two characters that end there: an opening class
# lets the engine skip to the next capital, where a look-behind first would be tried at every character.
_RUN = re.compile(
    rf"{_CAPITAL}(?<![A-Za-zÀ-ÖØ-öø-ÿ’'\-.]{_CAPITAL}){_WORD_TAIL}"
    rf"(?:[ \u00a0](?:(?:of|for|the|de|von|van|der|on|and)[ \u00a0])?{_CAPITAL_WORD})*+"
)
# The last word of a stretch of text, when white space ends it. A match can start only where no letter of its
# class stands before, and neither quantifier gives back what it took (the classes are disjoint), so each
# position fails at once instead of backtracking through the word: the same match as without, found faster.
_PREVIOUS_WORD = re.compile(r"(?<![A-Za-zÀ-ÖØ-öø-ÿ])([A-Za-zÀ-ÖØ-öø-ÿ][\w’'\-]*+)\s++$")
# The same word read backwards from the end, so the pattern is tried once, at the end, not at every character:
# the white space, then the word's characters back to its first letter (the one no letter stands before).
_PREVIOUS_WORD_BACKWARDS = re.compile(r"\s++([\w’'\-]*[A-Za-zÀ-ÖØ-öø-ÿ])(?![A-Za-zÀ-ÖØ-öø-ÿ])")
_NEXT_WORD = re.compile(r" ([A-Za-zÀ-ÖØ-öø-ÿ][\w’'\-]*)")
_INITIAL = re.compile(r"[A-Z]\.")
_ROMAN = re.compile(r"[IVXLC]+")
_ACRONYM = re.compile(r"[A-Z][A-Z&\-]{1,11}s?")


class _Tok:
    """A word and its span in the stretch of capitalised words that holds it (a plain slotted class: there are
    tens of thousands of them; a stretch's are shared by each place it stands, so none is ever changed)."""

    __slots__ = ("bare", "cap", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.cap = text[:1].isupper()
        self.bare = text.rstrip(".'’").replace("’", "'") if self.cap else text


class _Run(NamedTuple):
    """A run of capitalised tokens (connectors allowed inside) in one unit (a NamedTuple: there are thousands)."""

    unit: Unit
    tokens: tuple[_Tok, ...]  # their spans count from ``offset``
    offset: int  # where the stretch that holds the tokens stands in the unit's text
    sentence_start: bool
    before: str  # the word before the run, lower-case ("" if none)
    gap: str  # the text between the previous run and this one
    after: str  # the word after the run, as printed


def _token_spans(stretch: str) -> Iterator[tuple[int, int, str]]:
    """The words of ``stretch`` (a run of capitalised words), each with its span in it."""
    for m in _TOKEN.finditer(stretch):
        s, e = m.span()
        word = m.group()
        # A full stop belongs to the token only in honorifics and initials ("Mr.", "J.").
        while word.endswith(".") and word not in HONORIFICS and not _INITIAL.fullmatch(word):
            word, e = word[:-1], e - 1
        while word and word[-1] in "-'’":
            word, e = word[:-1], e - 1
        if word[-2:] in ("'s", "’s") and len(word) > 2:  # "Lourenço’s" is Lourenço
            word, e = word[:-2], e - 2
        if word:
            yield s, e, word


NAME_CHARS = 80  # the longest stretch (and, in words, a tenth of it the longest run) whose reading is remembered


class _Layout(NamedTuple):
    """How a stretch of capitalised words divides into runs, read from the stretch alone."""

    tokens: tuple[_Tok, ...]  # its words, with their spans in the stretch
    # Each run: its words spans[i:j], whether it names anything (a run that does not is skipped, but the gap to
    # the next run is measured from its end), the word before and the word after it when the stretch holds
    # them (``None``: read from the text around the stretch).
    runs: tuple[tuple[int, int, bool, str | None, str | None], ...]


def _layout(stretch: str) -> _Layout:
    """The runs of ``stretch``, a match of ``_RUN``: the pattern reads no character outside what it matches, so
    a stretch has the same words and runs wherever it stands."""
    toks = tuple([_Tok(s, e, word) for s, e, word in _token_spans(stretch)])
    runs: list[tuple[int, int, bool, str | None, str | None]] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if not t.cap:
            i += 1
            continue
        j = i + 1
        has_cue = t.bare in ORGANISATION_CUES
        while j < len(toks):
            if stretch[toks[j - 1].end : toks[j].start] not in (" ", "\u00a0"):
                break
            nxt = toks[j]
            if nxt.cap:
                has_cue = has_cue or nxt.bare in ORGANISATION_CUES
                j += 1
                continue
            # "Ministry of Foreign Affairs", "Bank for International Settlements", "Trade and Industry".
            lowered = nxt.text.lower()
            # "and" only inside an institution's complement: "Ministry of Trade and Industry".
            joins = lowered in _CONNECTORS or (
                lowered == "and" and has_cue and any(x.text in ("of", "for") for x in toks[i:j])
            )
            if joins and j + 1 < len(toks) and toks[j + 1].cap and stretch[nxt.end : toks[j + 1].start] == " ":
                j += 2
                continue
            break
        spelt = tuple([x.text for x in toks[i:j]]) if j - i <= NAME_CHARS // 10 else None
        if _spelt_names_nothing(spelt) if spelt else _names_nothing(toks[i:j]):  # what _classify drops
            runs.append((i, j, False, None, None))
            i = j
            continue
        before = after = None
        if i > 0:
            prev = toks[i - 1]
            before = prev.text.lower() if not stretch[prev.end : t.start].strip() else ""
        if j < len(toks):
            after = toks[j].text if stretch[toks[j - 1].end : toks[j].start] == " " else ""
        runs.append((i, j, True, before, after))
        i = j
    return _Layout(toks, tuple(runs))


# A name said fifty times is read once; only a stretch as long as a name is remembered (not one a hostile text
# makes 600 KB long).
_remembered_layout = functools.lru_cache(maxsize=1 << 14)(_layout)


def _runs(unit: Unit, sentence_starts: set[int]) -> list[_Run]:
    """The runs of capitalised words; only the stretches a regular expression finds are tokenised."""
    text = unit.text
    lead = len(text) - len(text.lstrip("\"'“‘( "))
    runs: list[_Run] = []
    prev_end = 0
    started = False  # whether a run came before in this unit (the gap is measured from its end)
    for m in _RUN.finditer(text):
        word = m.group()
        at = m.start()
        tokens, layout = _remembered_layout(word) if len(word) <= NAME_CHARS else _layout(word)
        for i, j, names, word_before, word_after in layout:
            if names:
                toks = tokens[i:j]
                start, end = at + toks[0].start, at + toks[-1].end
                before = word_before
                if before is None:
                    before = _previous_word(text[max(0, start - 40) : start]).lower()
                after = word_after
                if after is None:
                    found = _NEXT_WORD.match(text, end)
                    after = found.group(1) if found else ""
                runs.append(
                    _Run(  # in field order: a NamedTuple is built faster from positions than from names
                        unit,
                        toks,
                        at,  # offset
                        start in sentence_starts or start == lead,  # sentence_start
                        before,
                        text[prev_end:start] if started else "",  # gap
                        after,
                    )
                )
            prev_end, started = at + tokens[j - 1].end, True
    return runs


def _previous_word(stretch: str) -> str:
    """``_PREVIOUS_WORD``'s word in ``stretch`` (``""`` if none), matched on the reversed stretch from its start.

    On a copy of the 40 characters before a run: the look-behind must not see past them.
    """
    found = _PREVIOUS_WORD_BACKWARDS.match(stretch[::-1])
    return found.group(1)[::-1] if found else ""


def _not_a_name(word: str, vocabulary: set[str]) -> bool:
    """A title, a weekday or month, a document or event word: not part of a person's name."""
    return _is_title(word) or word in NOT_NAMES or word in _MONTH_NAMES or word in NOT_PERSON_CUES


def _is_title(word: str) -> bool:
    return word in TITLES or (word.endswith("s") and word[:-1] in TITLES)


def _in_vocabulary(word: str, vocabulary: set[str]) -> bool:
    """Whether the transcript also uses ``word`` (or its singular) in lower case: then it is a common noun."""
    w = word.lower()
    return w in vocabulary or (w.endswith("s") and w[:-1] in vocabulary)


def _is_demonym(word: str) -> bool:
    return word in DEMONYMS or (word.endswith(_DEMONYM_ENDINGS) and not word.endswith("stan"))


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(word)) and word not in NOT_NAMES and not _ROMAN.fullmatch(word)


class _Guess(NamedTuple):
    """What a run names, as far as its own context tells (a NamedTuple: there are thousands)."""

    kind: MentionKind
    unit: Unit
    start: int
    end: int
    name: str  # as printed, honorific removed
    strength: int  # 2: certain from its own context, 1: a guess a later rule may overrule
    role: bool = False  # "Mr Vice President": a participant addressed by their role


def _strip_leading(tokens: Sequence[_Tok]) -> list[_Tok]:
    out = list(tokens)
    while (
        out
        and out[0].bare not in HONORIFICS
        and (
            out[0].text.lower() in STOPWORDS
            or out[0].bare in NOT_NAMES
            or out[0].bare in _MONTH_NAMES
            or out[0].bare in SENTENCE_OPENERS
        )
    ):
        out = out[1:]
    # "the Federation Council on January 19": a month and its connector do not belong to the name.
    while out and (out[-1].text.lower() in _TRAILING or out[-1].bare in _MONTH_NAMES):
        out = out[:-1]
    return out


def _names_nothing(tokens: Sequence[_Tok]) -> bool:
    """Whether nothing is left of a run once stop words, sentence openers and months are stripped."""
    toks = _strip_leading(tokens)
    return not toks or all(t.bare in _MONTH_NAMES or t.bare in NOT_NAMES for t in toks)


@functools.lru_cache(maxsize=1 << 14)
def _spelt_names_nothing(words: tuple[str, ...]) -> bool:
    """:func:`_names_nothing` of a run of tokens spelt ``words``, which depends on the words alone."""
    return _names_nothing([_Tok(0, len(w), w) for w in words])


def _classify(run: _Run, previous: _Guess | None, vocabulary: set[str]) -> list[_Guess]:
    toks = _strip_leading(run.tokens)  # never empty: _runs leaves out the runs that name nothing
    if not toks:
        return []
    unit = run.unit

    def guess(
        kind: MentionKind, ts: Sequence[_Tok], strength: int, name: str | None = None, role: bool = False
    ) -> _Guess:
        start, end = run.offset + ts[0].start, run.offset + ts[-1].end
        return _Guess(kind, unit, start, end, name or unit.text[start:end], strength, role)  # in field order

    words = [t.bare for t in toks]
    if words[0] in HONORIFICS or words[0].rstrip(".") in HONORIFICS:
        name = [t for t in toks[1:4] if t.bare not in HONORIFICS]
        if not name:
            return []
        if all(t.bare in TITLES for t in name):  # "Mr Vice President"
            return [guess(MentionKind.PERSON, toks[: 1 + len(name)], 2, " ".join(t.bare for t in name), role=True)]
        spelt = " ".join(t.bare for t in name)
        # "MR. NIXON" in a transcript printed in capitals is Nixon.
        return [guess(MentionKind.PERSON, toks[: 1 + len(name)], 2, spelt.title() if spelt.isupper() else spelt)]
    if words[0] in TITLES and not (
        not ORGANISATION_CUES.isdisjoint(words) and "of" not in {t.text for t in toks}
    ):  # "Foreign Ministry" and "Economic Development Ministry" are organisations, not titles
        k = 0
        while k < len(toks) and words[k] in TITLES:
            k += 1
        out: list[_Guess] = []
        rest = toks[k:]
        if rest and rest[0].text.lower() == "of":
            rest = [t for t in rest[1:] if t.text.lower() != "the"] if len(rest) > 1 else []
            place = rest[:-2] if len(rest) >= 3 else rest
            person = rest[len(place) :]
            if place and (len(place) == 1 or any(t.bare in PLACE_CUES for t in place)):
                # "Secretary of Defense", "Minister of Energy": a portfolio, not a place.
                if not (len(place) == 1 and (_in_vocabulary(place[0].bare, vocabulary) or place[0].bare in PORTFOLIOS)):
                    out.append(guess(MentionKind.PLACE, place, 2))
            elif place and any(t.bare in ORGANISATION_CUES for t in place):
                out.append(guess(MentionKind.ORGANISATION, place, 2))
            rest = person
        if (
            rest
            and len(rest) <= 3
            # "the President's Law"
            and unit.text[run.offset + toks[k - 1].end : run.offset + toks[k - 1].end + 2] not in ("'s", "’s")
            and all(t.text.lower() not in _CONNECTORS and not _not_a_name(t.bare, vocabulary) for t in rest)
        ):
            out.append(guess(MentionKind.PERSON, rest, 2))
        return out
    if len(toks) > 1 and any(w in ORGANISATION_CUES or _is_acronym(w) for w in words):  # "RIA Novosti"
        return [guess(MentionKind.ORGANISATION, toks, 2)]
    if len(toks) > 1 and (words[0] in LEADING_PLACE_CUES or words[-1].endswith("stan")):  # "Lake Baikal"
        return [guess(MentionKind.PLACE, toks, 2)]
    if len(toks) == 1 and (_is_acronym(words[0]) or words[0] in INSTITUTIONS):  # "INNOPROM", "the Senate"
        return [guess(MentionKind.ORGANISATION, toks, 2)]
    if len(toks) > 1 and not PLACE_CUES.isdisjoint(words[1:]):
        if (_in_vocabulary(words[-1], vocabulary) or _is_title(words[-1])) and words[-1] not in PLACE_CUES:
            return []  # "United States Senators": a common noun after the place
        return [guess(MentionKind.PLACE, toks, 2)]
    lowercase_next = run.after[:1].islower() and run.after.lower() not in STOPWORDS
    at_start = run.sentence_start and toks[0] is run.tokens[0]
    after_place = (
        previous is not None
        and previous.kind is MentionKind.PLACE
        # "Nadia, Nadia" does not confirm itself
        and previous.name != unit.text[run.offset + toks[0].start : run.offset + toks[-1].end]
        and run.gap.strip() in ("and", ",", ", and", "or")
        and len(toks) == 1
    )
    if len(toks) == 1:
        w = words[0]
        # (A word of letters holds no digit: only another is read character by character.)
        if len(w) < 2 or _is_demonym(w) or lowercase_next or (not w.isalpha() and any(c.isdigit() for c in w)):
            return []  # "Q and A": a lone letter names nothing
        if _in_vocabulary(w, vocabulary):
            return []
        if (run.before in _LOCATIVE or run.before in _COORD_LEAD or after_place) and not at_start:
            return [guess(MentionKind.PLACE, toks, 2 if run.before in _PLACE_STRONG or after_place else 1)]
        return [guess(MentionKind.PLACE, toks, 0)]  # decided by what the rest of the transcript says
    if any(t.text.lower() in _CONNECTORS for t in toks):
        return []
    if run.before in _PLACE_STRONG and not at_start and NOT_PERSON_CUES.isdisjoint(words):
        return [guess(MentionKind.PLACE, toks, 1)]
    # Two or three capitalised words are a name only if none is a word the transcript also uses in lower
    # case ("White House", "Executive Order"), a title, a weekday or a month.
    if (
        len(toks) <= 3
        and run.before != "the"  # "the Grand Coulee", "the Tennessee Valley": things, not people
        and words[-1] not in DEMONYMS  # "South American nations", "Puerto Ricans"
        and not any(_is_demonym(w) for w in words[:-1])
        and not any(_in_vocabulary(w, vocabulary) or _not_a_name(w, vocabulary) for w in words)
    ):
        return [guess(MentionKind.PERSON, toks, 1)]
    return []


def _surname(name: str) -> str:
    parts = name.rsplit(maxsplit=1)
    return parts[-1] if parts else name


def _by_role(participants: Sequence[Participant], role: str) -> Participant | None:
    """The participant whose role is ``role`` ("Vice President"), or begins with it ("President of Russia")."""
    wanted = role.lower()
    roles = [(p, (p.role or "").lower()) for p in participants if p.role and not p.anonymous]
    exact = [p for p, r in roles if r == wanted]
    if exact:
        return exact[0]
    starting = [p for p, r in roles if r.startswith(wanted + " ")]
    return starting[0] if len(starting) == 1 else None


def find_mentions(
    units: Sequence[Unit],
    sentences: Sequence[Sentence],
    participants: Sequence[Participant],
    vocabulary: set[str] | None = None,
) -> list[Mention]:
    """Every mention in document order; undecided single words are kept only if another sentence decided them."""
    starts: dict[tuple[int, int], set[int]] = {}
    last: Unit | None = None
    for s in sentences:
        if s.unit is not last:  # a unit's sentences follow each other: its set is looked up once
            last = s.unit
            group = starts.setdefault((last.turn, last.paragraph), set())
        group.add(s.start)
    if vocabulary is None:
        vocabulary = lower_case_vocabulary(unit.text for unit in units)
    guesses: list[_Guess] = []
    for unit in units:
        previous: _Guess | None = None
        for run in _runs(unit, starts.get((unit.turn, unit.paragraph), set())):
            for g in _classify(run, previous, vocabulary):
                guesses.append(g)
                previous = g
    # What the transcript established about a word applies to all its occurrences.
    decided: dict[str, MentionKind] = {}
    for g in guesses:
        if g.strength >= 2 and g.kind is not MentionKind.PERSON:
            decided.setdefault(g.name, g.kind)
    full_names: dict[str, str] = {}
    for g in guesses:
        if g.kind is MentionKind.PERSON and g.strength >= 1 and len(g.name.split()) > 1:
            full_names.setdefault(_surname(g.name), g.name)
    by_surname: dict[str, Participant] = {}
    by_name: dict[str, Participant] = {}
    for p in participants:
        if p.anonymous or not p.name:
            continue
        by_name[p.name] = p
        by_surname.setdefault(_surname(p.name), p)  # a one-word name ("Kirby") is a surname too
    out: list[Mention] = []
    for g in guesses:
        kind: MentionKind | None = g.kind
        if g.strength == 0 or (g.strength == 1 and g.kind is MentionKind.PLACE and len(g.name.split()) == 1):
            if g.name in by_surname or g.name in full_names:
                kind = MentionKind.PERSON
            elif g.strength == 0:
                kind = decided.get(g.name)
        if kind is None:
            continue
        participant: Participant | None = None
        name = g.name
        if g.role:
            participant = _by_role(participants, g.name)
            if participant is None:
                continue  # "Mr Chairman" with no chairman among the participants names nobody
            name = participant.name
        elif kind is MentionKind.PERSON:
            participant = by_name.get(name) or by_surname.get(_surname(name) if len(name.split()) > 1 else name)
            if participant is not None and len(name.split()) > 1 and len(participant.name.split()) > 1:
                participant = by_name.get(name)  # two full names that share a surname are two people
            if participant is None and len(name.split()) == 1:
                name = full_names.get(name, name)
            if participant is not None:
                name = participant.name
        out.append(
            Mention(
                kind=kind,
                text=g.unit.text[g.start : g.end],
                name=name,
                participant=participant.id if participant is not None else None,
                location=g.unit.location(g.start, g.end),
            )
        )
    return out
