"""A ParlaMint corpus folder: one component file per meeting, then the corpus root that ties them together.

Transcripts stream through once: each becomes ``ParlaMint-XX_YYYY-MM-DD[-N].xml``
(the TEI writer's ``parlamint`` profile, streamed into its file) as it comes,
and only what the root needs is kept: its people, parties, counts, dates and file names.
The root ``ParlaMint-XX.xml`` comes last: ``listPerson`` (one person per
full name across the corpus; an anonymous voice such as *Question* is a
person of its meeting only), ``listOrg``, the legislature, speaker-type
and subcorpus taxonomies, ``langUsage``, ``extent`` and the ``xi:include``
of every component. What a transcript does not say (country, language,
legislature, subcorpus, a missing date) comes from the options or a
documented default, and each assumed value is a diagnostic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from lxml import etree

from stenogram.collection import Sink
from stenogram.diagnostics import Diagnostic, Severity
from stenogram.errors import ExportError, OptionError
from stenogram.model import Participant, Transcript, Turn
from stenogram_tei.clean import escape_id, is_ncname
from stenogram_tei.counts import spoken_words
from stenogram_tei.options import TeiOptions
from stenogram_tei.parlamint_options import LANG as _LANG
from stenogram_tei.parlamint_options import ParlaMintOptions
from stenogram_tei.parlamint_vocab import (
    COUNTRIES,
    EDITORIAL,
    LEGISLATURE,
    SPEAKER_TYPE_TERMS,
    SUBCORPORA,
    role_value,
)
from stenogram_tei.vocab import LANGUAGE_NAMES, TEI_NS, XI_NS, XML_NS
from stenogram_tei.writer import VERSION, cc_by_availability, publication_date, write_tei
from stenogram_tei.writer import tei_sub as _sub

__all__ = ["ParlaMintOptions", "export_parlamint"]

_T = f"{{{TEI_NS}}}"
_XML_ID = f"{{{XML_NS}}}id"
_XML_LANG = f"{{{XML_NS}}}lang"
_WS = re.compile(r"\s+")
#: A party as transcripts print it, ``ÖVP``, ``Lib.``, ``NEOS``: ParlaMint's ``orgName[@full="init"]``.
_ABBREVIATION = re.compile(r"[^\s]{1,8}")
#: A meeting named by its file: its date, then anything that tells two meetings of one day apart.
_DATED_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})[-_ .]*(.*)")
LEGISLATURE_ID = "legislature"


def _assumed(code: str, message: str) -> Diagnostic:
    return Diagnostic(code=code, message=message, severity=Severity.INFO)


@attrs.define
class _Person:
    id: str
    name: str
    anonymous: bool
    roles: list[str] = attrs.field(factory=list)
    parties: list[str] = attrs.field(factory=list)


@attrs.define
class _Component:
    id: str
    date: dt.date


class _Corpus:
    """What the root needs, gathered one meeting at a time."""

    def __init__(self, options: ParlaMintOptions) -> None:
        self.o = options
        self.diagnostics: list[Diagnostic] = []
        self.country = options.country or "XX"
        if not options.country:
            self.assume("parlamint-country", "no country given (--set country=RU): XX used in ids and file names")
        known = COUNTRIES.get(self.country.split("-")[0])
        self.country_name = known[0] if known else self.country
        self.adjective = options.name or (known[1] if known else self.country)
        if not options.name:
            self.assume("parlamint-name", f"titles start {self.adjective!r} (--set name=… to change)")
        self.legislature = options.legislature or f"Legislature of {self.country_name}"
        if not options.legislature:
            self.assume("parlamint-legislature", f"legislature named {self.legislature!r} (--set legislature=…)")
        self.subcorpus = options.subcorpus or "reference"
        if not options.subcorpus:
            self.assume("parlamint-subcorpus", "every meeting put in the reference subcorpus (--set subcorpus=covid)")
        self.corpus_id = f"ParlaMint-{self.country}"
        self.components: list[_Component] = []
        self.people: dict[str, _Person] = {}  # by key: full name, or (meeting, id) for anonymous voices
        self.person_ids: set[str] = {
            *(t[0] for t in LEGISLATURE),
            *(t[0] for t in SPEAKER_TYPE_TERMS),
            *(t[0] for t in SUBCORPORA),
            "parla.legislature",
            "speaker_types",
            "subcorpus",
            LEGISLATURE_ID,
        }
        self.parties: dict[str, str] = {}  # name -> org id
        self.languages: dict[str, None] = {"en": None}
        self.speeches = self.words = 0
        self.usage: Counter[str] = Counter()

    def assume(self, code: str, message: str) -> None:
        self.diagnostics.append(_assumed(code, message))

    # -- one meeting -------------------------------------------------------------

    def date_of(self, t: Transcript, n: int) -> dt.date:
        if t.meeting.date is not None:
            return t.meeting.date
        what = t.meeting.id or t.meeting.title or f"meeting {n}"
        named = _DATED_NAME.match(t.meeting.id or "")
        if named:
            try:
                date = dt.date.fromisoformat(named.group(1))
            except ValueError:
                pass
            else:
                self.assume("parlamint-date", f"{what}: undated; dated {date} from its name")
                return date
        if not self.o.date:
            raise ExportError(
                f"{what}: the transcript gives no date and ParlaMint needs one; set it in the transcript's"
                " metadata or with --set date=YYYY-MM-DD"
            )
        self.assume("parlamint-date", f"{what}: undated; dated {self.o.date} (--set date)")
        return dt.date.fromisoformat(self.o.date)

    def component_id(self, t: Transcript, date: dt.date) -> str:
        taken = {c.id for c in self.components}
        kept = t.meeting.id
        if kept and kept.startswith(self.corpus_id + "_") and is_ncname(kept) and kept not in taken:
            return kept  # a ParlaMint file read back keeps the id its root links to
        base = f"{self.corpus_id}_{date.isoformat()}"
        named = _DATED_NAME.match(kept or "")
        if named and named.group(1) == date.isoformat() and named.group(2):  # 1996-10-02-020-XX-NRSITZ-00040
            base += "-" + re.sub(r"[^A-Za-z0-9.\-]+", "-", named.group(2)).strip("-.")
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def person_id(self, p: Participant, component: str) -> str:
        anonymous = p.anonymous or not p.name.strip()
        key = f"{component}\x00{p.id}" if anonymous else _WS.sub(" ", p.name).strip().casefold()
        found = self.people.get(key)
        if found is None:
            wanted = escape_id(f"{p.id}.{component}" if anonymous else p.id)
            pid, n = wanted, 1
            while pid in self.person_ids:
                n += 1
                pid = f"{wanted}-{n}"
            self.person_ids.add(pid)
            found = self.people[key] = _Person(id=pid, name=p.name.strip() or p.id, anonymous=anonymous)
        if p.role and p.role not in found.roles:
            found.roles.append(p.role)
        if p.affiliation and p.affiliation not in found.parties:
            found.parties.append(p.affiliation)
            self.parties.setdefault(p.affiliation, "")
        return found.id

    def renamed(self, t: Transcript, component: str, date: dt.date) -> Transcript:
        """The transcript with corpus-wide person ids, every speaker listed, and its (assumed) date."""
        known = {p.id for p in t.participants}
        unlisted: dict[str, str] = {}  # speakers named in turns only, with their first label
        for turn in t.turns:
            if turn.speaker not in known:
                unlisted.setdefault(turn.speaker, turn.label)
        extra = [
            Participant(id=s, name=label or s, anonymous=True)
            for s, label in unlisted.items()
            if re.fullmatch(r"[A-Za-z_][\w.\-]*", s)
        ]
        mapping: dict[str, str] = {}
        participants: dict[str, Participant] = {}
        for p in (*t.participants, *extra):
            new = self.person_id(p, component)
            mapping[p.id] = new
            participants.setdefault(new, attrs.evolve(p, id=new))
        # a turn is copied only if its speaker's id changes: a copy of every turn would double a long meeting's body
        body = tuple(
            attrs.evolve(item, speaker=mapping[item.speaker])
            if isinstance(item, Turn) and mapping.get(item.speaker, item.speaker) != item.speaker
            else item
            for item in t.body
        )
        meeting = attrs.evolve(t.meeting, date=date, id=component)
        return attrs.evolve(t, meeting=meeting, participants=tuple(participants.values()), body=body)

    def add(self, t: Transcript, sink: Sink) -> None:
        date = self.date_of(t, len(self.components) + 1)
        cid = self.component_id(t, date)
        renamed = self.renamed(t, cid, date)
        lang = self.o.lang or t.meeting.language or ""
        if not _LANG.fullmatch(lang):
            self.assume("parlamint-lang", f"{cid}: language unknown; und (--set lang=…)")
            lang = "und"
        self.languages.setdefault(lang, None)
        heading = t.meeting.title or t.meeting.occasion or "meeting"
        title = f"{self.adjective} parliamentary corpus {self.corpus_id}, {date.isoformat()} {heading}"
        options = TeiOptions(
            profile="parlamint",
            document_id=cid,
            id_prefix=cid + ".",
            publisher=self.o.publisher,
            pretty=self.o.pretty,
            title=f"{title} [ParlaMint]",
            lang=lang,
            subcorpus=self.subcorpus,
        )
        with sink.open(cid + ".xml") as fh:  # streamed: a long meeting is never held whole
            document = write_tei(renamed, fh, options)
        self.diagnostics.extend(attrs.evolve(d, message=f"{cid}: {d.message}") for d in document.diagnostics)
        self.components.append(_Component(id=cid, date=date))
        self.speeches += len(renamed.turns)
        self.words += spoken_words(renamed)
        self.usage.update(dict(document.tag_usage))

    # -- the root ------------------------------------------------------------------

    def root(self) -> bytes:
        if not self.components:
            raise ExportError("a ParlaMint corpus needs at least one meeting; none was given")
        first = min(c.date for c in self.components).isoformat()
        last = max(c.date for c in self.components).isoformat()
        root = etree.Element(_T + "teiCorpus", nsmap={None: TEI_NS, "xi": XI_NS})
        root.set(_XML_ID, self.corpus_id)
        main_lang = next((lang for lang in self.languages if lang != "en"), "en")
        root.set(_XML_LANG, main_lang)
        header = _sub(root, "teiHeader")
        self.file_desc(_sub(header, "fileDesc"), first, last)
        self.encoding_desc(_sub(header, "encodingDesc"))
        self.profile_desc(_sub(header, "profileDesc"), first, last)
        for c in self.components:
            etree.SubElement(root, f"{{{XI_NS}}}include", href=c.id + ".xml")
        if self.o.pretty:
            etree.indent(root, space="  ")
        data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        return data + b"\n"

    def file_desc(self, fd: Any, first: str, last: str) -> None:
        title_stmt = _sub(fd, "titleStmt")
        _sub(
            title_stmt,
            "title",
            f"{self.adjective} parliamentary corpus {self.corpus_id} [ParlaMint]",
            type="main",
            xml_lang="en",
        )
        term = f"Term {self.o.term}" if self.o.term else self.legislature
        _sub(title_stmt, "meeting", term, n=self.o.term or None, corresp="#" + LEGISLATURE_ID, ana="#parla.term")
        resp = _sub(title_stmt, "respStmt")
        _sub(resp, "persName", self.o.publisher)
        _sub(resp, "resp", "Conversion of the transcripts to ParlaMint TEI with stenogram", xml_lang="en")
        _sub(_sub(title_stmt, "funder"), "orgName", "No funder", xml_lang="en")
        _sub(_sub(fd, "editionStmt"), "edition", VERSION)
        extent = _sub(fd, "extent")
        _sub(
            extent, "measure", f"{self.speeches} speeches", unit="speeches", quantity=str(self.speeches), xml_lang="en"
        )
        _sub(extent, "measure", f"{self.words} words", unit="words", quantity=str(self.words), xml_lang="en")
        pub = _sub(fd, "publicationStmt")
        _sub(_sub(pub, "publisher"), "orgName", self.o.publisher, xml_lang="en")
        _sub(pub, "idno", self.corpus_id, type="stenogram")
        cc_by_availability(pub)
        published = publication_date(dt.date.fromisoformat(last))
        when = published.isoformat() if published else last
        _sub(pub, "date", when, when=when)
        bibl = _sub(_sub(fd, "sourceDesc"), "bibl")
        _sub(bibl, "title", f"Transcripts of the {self.legislature}", type="main", xml_lang="en")
        _sub(bibl, "idno", self.corpus_id, type="stenogram")
        _sub(bibl, "date", f"{first} - {last}", **{"from": first, "to": last})

    def encoding_desc(self, ed: Any) -> None:
        _sub(_sub(ed, "projectDesc"), "p", "Converted from meeting transcripts with stenogram.", xml_lang="en")
        editorial = _sub(ed, "editorialDecl")
        for element, text in EDITORIAL:
            _sub(_sub(editorial, element), "p", text, xml_lang="en")
        namespace = _sub(_sub(ed, "tagsDecl"), "namespace", name=TEI_NS)
        for gi, count in sorted(self.usage.items()):
            _sub(namespace, "tagUsage", gi=gi, occurs=str(count))
        classes = _sub(ed, "classDecl")
        for ident, term, categories in (
            ("parla.legislature", "Legislature", LEGISLATURE),
            ("speaker_types", "Types of speakers", SPEAKER_TYPE_TERMS),
            ("subcorpus", "Subcorpora", SUBCORPORA),
        ):
            taxonomy = _sub(classes, "taxonomy", xml_id=ident)
            _sub(_sub(taxonomy, "desc", xml_lang="en"), "term", term)
            for cat_id, cat_term, description in categories:
                cat_desc = _sub(_sub(taxonomy, "category", xml_id=cat_id), "catDesc", xml_lang="en")
                _sub(cat_desc, "term", cat_term).tail = ": " + description

    def profile_desc(self, pd: Any, first: str, last: str) -> None:
        setting = _sub(_sub(pd, "settingDesc"), "setting")
        _sub(setting, "name", self.country_name, type="country", key=self.country.split("-")[0])
        _sub(setting, "date", f"{first} - {last}", **{"from": first, "to": last})
        partic = _sub(pd, "particDesc")
        orgs = _sub(partic, "listOrg")
        body = _sub(orgs, "org", xml_id=LEGISLATURE_ID, role="parliament")
        _sub(body, "orgName", self.legislature, xml_lang="en", full="yes")
        for party in self.parties:
            self.parties[party] = self.org_id(party)
            org = _sub(orgs, "org", xml_id=self.parties[party], role="politicalParty")
            _sub(org, "orgName", party, full="init" if _ABBREVIATION.fullmatch(party) else "yes")
        persons = _sub(partic, "listPerson")
        for person in self.people.values():
            self.person(_sub(persons, "person", xml_id=person.id), person)
        usage = _sub(pd, "langUsage")
        for lang in self.languages:
            name = LANGUAGE_NAMES.get(lang.split("-")[0], "Undetermined" if lang == "und" else lang)
            _sub(usage, "language", name, ident=lang, xml_lang="en")

    def org_id(self, party: str) -> str:
        wanted = escape_id("party." + _WS.sub("", party))
        pid, n = wanted, 1
        while pid in self.person_ids:
            n += 1
            pid = f"{wanted}-{n}"
        self.person_ids.add(pid)
        return pid

    def person(self, el: Any, person: _Person) -> None:
        pers_name = _sub(el, "persName")
        words = person.name.split()
        if person.anonymous or len(words) < 2:
            _sub(pers_name, "term", person.name)
        else:
            _sub(pers_name, "forename", " ".join(words[:-1]))
            _sub(pers_name, "surname", words[-1])
        for role in person.roles:
            value = role_value(role)
            if value is not None:
                _sub(el, "affiliation", role, role=value, ref="#" + LEGISLATURE_ID if value == "MP" else None)
            else:
                _sub(el, "occupation", role)
        for party in person.parties:
            _sub(el, "affiliation", role="member", ref="#" + self.parties[party])


def export_parlamint(transcripts: Iterable[Transcript], sink: Sink, options: ParlaMintOptions) -> Sequence[Diagnostic]:
    """Each transcript as a component file as it comes, then the corpus root ``ParlaMint-XX.xml``."""
    if options.date:
        try:
            dt.date.fromisoformat(options.date)
        except ValueError:
            raise OptionError(f"option 'date' is no calendar date: {options.date!r}") from None
    corpus = _Corpus(options)
    for transcript in transcripts:
        corpus.add(transcript, sink)
    sink.write(corpus.corpus_id + ".xml", corpus.root())
    return tuple(corpus.diagnostics)
