"""Word tables the parser, the analysis and the exporters share: months, weekdays, titles, speakers.

One place for the words that tell a speaker label from a sentence, in the
languages the corpora print (English, German, French, Russian, Turkish).
Compared case-folded; German compounds (``Bundesministerin``,
``Staatssekretär``) are matched by their ending through :data:`TITLE_ENDINGS`.
"""

from __future__ import annotations

__all__ = [
    "ATTRIBUTIONS",
    "CHAIRS",
    "COLLECTIVE_SPEAKERS",
    "CONTRIBUTION_NOTES",
    "HONORIFICS",
    "LANGUAGE_MARKERS",
    "LEADING_WORDS",
    "LIST_HEADINGS",
    "LOWER_CASE_PARTIES",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "NEWS_OUTLETS",
    "PARTY_WORDS",
    "PERIOD_TITLES",
    "POST_NOMINALS",
    "QUESTION_VERBS",
    "SECTION_HEADINGS",
    "TITLES",
    "TITLE_ENDINGS",
    "TRANSLATION_NOTES",
    "VOCATIVES",
    "WEEKDAYS",
    "is_title",
]


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string: tables stay readable."""
    return frozenset(text.casefold().split())


#: The English month names, in order, as printed.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
)  # fmt: skip
#: Month names in the languages of the corpora, case-folded, to their number.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january januar janvier января январь",
            "february februar février февраля февраль",
            "march märz mars марта март",
            "april avril апреля апрель",
            "may mai мая май",
            "june juni juin июня июнь",
            "july juli juillet июля июль",
            "august août августа август",
            "september septembre сентября сентябрь",
            "october oktober octobre октября октябрь",
            "november novembre ноября ноябрь",
            "december dezember décembre декабря декабрь",
        ),
        1,
    )
    for name in names.split()
}
#: English abbreviations, case-folded ("Sept." is read without its period).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
#: A regular-expression alternation of the English month names, for patterns that print them capitalised.
MONTH_PATTERN = "(?:" + "|".join(MONTH_NAMES) + ")"
#: Weekday names, case-folded, Monday first.
WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip


#: Forms of address printed before a name: a label that holds one names a person.
HONORIFICS = _words(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lady lord baroness viscount countess madam hon hon. "
    "honourable honorable rt rt. right "
    "prof prof. professor rev rev. reverend mag. ing. dipl.-ing. mmag. ddr. dkfm. "  # German degrees print before names
    "herr frau m. mme mlle monsieur madame "
    "господин госпожа г-н г-жа sayın "
    "señor señora sr. sra. heer mevrouw signor signora"  # printed in lower case in Madrid, The Hague, Rome
    " tuan puan dato' datuk datin yb"  # Malaysia's forms of address ("Dato' Sri Shahidan bin Kassim [Arau]")
    " domnul doamna"  # Romanian ("Domnul Ion Popescu – secretar de stat:")
    " shri shrimati kumari श्री श्रीमती सुश्री कुमारी"  # India, in Latin and Devanagari ("श्री राम नाथ ठाकुर:")
)

#: Offices and roles that open a label: ``Senator``, ``The CHAIRMAN``, ``Präsidentin``, ``BAŞKAN``.
TITLES = HONORIFICS | _words(
    "prime vice acting shadow senator president chair chairman chairwoman chairperson speaker minister premier "
    "secretary ambassador governor mayor member deputy commissioner clerk treasurer attorney-general "
    "solicitor-general leader "
    "colonel general captain major admiral "
    "abgeordneter abgeordnete präsident präsidentin vorsitzender vorsitzende berichterstatter berichterstatterin "
    "schriftführer schriftführerin "
    "président présidente ministre député députée rapporteur "
    "presidente presidenta ministro ministra diputado diputada senatore senatrice onorevole voorzitter "
    "staatssecretaris "
    "председатель президент министр депутат "
    "başkan başkanı başkani bakan bakanı bakani milletvekili"  # capitals fold "I" to "i", not to "ı"
    # The chairs, members and ministers of other parliaments, as their records print them (ParlaMint countries):
    " předseda předsedkyně místopředseda místopředsedkyně předsedající poslanec poslankyně ministr ministryně"  # Czech
    " marszałek wicemarszałek poseł posłanka sekretarz podsekretarz wiceminister"  # Polish
    " formand formanden næstformand ministeren talman talmannen"  # Danish, Swedish
    " puhemies varapuhemies pääministeri ministeri"  # Finnish
    " elnök elnöke alelnök államtitkár miniszter"  # Hungarian
    " председател председателят заместник-председател министър докладчик"  # Bulgarian
    " головуючий головуюча голова міністр міністерка заступник"  # Ukrainian
    " pirmininkas pirmininkė"  # Lithuanian
    " vadītājs vadītāja priekšsēdētājs priekšsēdētāja ministrs ministre"  # Latvian
    " presidenten stortingspresident statsminister statsråd ordförande forseti"  # Nordic
    " predsedavajući predsedavajuća predsjedavajući predsjedavajuća zastupnik zastupnica"  # Serbian, Bosnian
    " esimees aseesimees"  # Estonian
    " προεδρεύων προεδρεύουσα πρόεδρος υπουργός"  # Greek, and as capitals fold, without accents:
    " προεδρευων προεδρευουσα προεδρος υπουργος"
    " predsednik predsednica podpredsednik podpredsednica poslanka ministrica"  # Slovenian
    " predsjednik predsjednica potpredsjednik"  # Croatian
    " conseller consellera secretari secretària lletrat vicepresident vicepresidenta"  # Catalan
    " llywydd gweinidog dirprwy prif trefnydd"  # Welsh ("Y Llywydd", "Gweinidog yr Economi")
    " bundesrat bundesrätin nationalrat nationalrätin ständerat ständerätin"  # Swiss and Austrian members
    " menteri timbalan"  # Malay ("Menteri Kewangan II", "Timbalan Yang di-Pertua")
    " председательствующий"  # Russian: the Duma's chair of the sitting
    " secretar ministru ministrul senator deputat președintele"  # Romanian
    " सभापति उपसभापति अध्यक्ष उपाध्यक्ष मंत्री"  # Hindi: chairman, deputy chairman, speaker, minister
)

#: The chair of a sitting, as parliaments print it alone as a label: ``ELNÖK:``, ``Marszałek:``, ``ГОЛОВУЮЧИЙ.``.
CHAIRS = _words(
    "president presidente presidenta président présidente präsident präsidentin presidentti voorzitter "
    "marszałek předsedající elnök puhemies formanden talmannen pirmininkas pirmininkė predsednik predsednica "
    "predsjednik predsjednica председатель председател председателят головуючий головуюча başkan "
    "presidenten predsedavajući predsedavajuća predsjedavajući predsjedavajuća προεδρεύων προεδρεύουσα "
    "esimees forseti ordförande προεδρευων προεδρευουσα"  # Greek capitals drop the accent
    " председательствующий llywydd"
)

#: Titles that open a name in mixed case closed by a full stop, as hearings and French records print labels
#: ("Senator Cruz.", "The Chairwoman.", "M. Éric Ciotti.", "Mme la présidente."). Kept short: each is tried at
#: every line start.
PERIOD_TITLES = _words(
    "mr mr. mrs mrs. ms ms. dr dr. m. mme mlle madam senator representative delegate chairman chairwoman chair "
    "president speaker minister secretary commissioner ambassador governor mayor judge justice general admiral clerk "
    "председательствующий"  # the Duma's "Председательствующий. …" is its chair
)

#: Endings of German compound titles: ``Bundesminister``, ``Vizekanzlerin``, ``Volksanwältin``.
TITLE_ENDINGS = (
    "minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin", "sekretär", "sekretärin",
    "anwalt", "anwältin", "ministeri", "puhemies",  # Finnish: "Valtiovarainministeri", "Varapuhemies"
)  # fmt: skip

#: Letters after a name that say what someone is, as printed (case kept): "Lynne Neagle AM".
POST_NOMINALS = frozenset("AM MP MS MLA MSP MEP TD QC KC MBA MA MSc BSc PhD MdB MdL".split())

#: Words that open an address, not a label: "Herr Kollege Amon, nur zur Kenntnisnahme:".
VOCATIVES = _words(
    "mr mr. mrs mrs. ms ms. madam dear ladies colleagues your herr frau liebe lieber sehr geehrte geehrter "
    "meine monsieur madame chers chères"
)

#: What a bracket after a name says about how the words were given, not who spoke.
TRANSLATION_NOTES = (
    "retranslated", "re-translated", "translated", "interpreted", "interpretation", "interpreter", "translation",
    "speaking in", "spoke in", "speaks in", "in english", "in french", "language=",
)  # fmt: skip


#: Words of a stage direction or an editor's bracket ("[Applause]", "(LAUGHTER)", "[inaudible]"): never a speaker.
STAGE_WORDS = (
    "laugh", "applause", "crosstalk", "inaudible", "sighs", "smiles", "chuckles", "speaks", "speaking", "interpret",
    "off-mic", "off mic", "noise", "pause", "music", "video", "cheers", "booing", "silence", "translation",
    "in english", "in russian", "in german", "in french",
)  # fmt: skip

_COLLECTIVE = frozenset(
    {
        "some hon. members", "hon. members", "an hon. member", "several hon. members", "all hon. members",
        "some honourable members", "honourable members", "an honourable member", "some honorable members",
        "honorable members", "an honorable member", "some members", "members", "opposition members",
        "government members", "some senators", "senators", "honourable senators", "honorable senators",
        "some hon. senators", "hon. senators", "an hon. senator", "several hon. senators",
        "abgeordnete", "rufe", "des députés", "plusieurs députés", "des voix", "une voix", "plusieurs voix",
        "голоса", "голос из зала", "из зала", "голоса из зала", "реплика из зала",
        "noble lords", "several noble lords", "some noble lords",
        "seorang ahli", "beberapa ahli", "ahli-ahli",  # Malay: "a member", "some members"
    }
)  # fmt: skip
#: Speakers who are many people at once: each is an anonymous participant, never glued to a speech.
#: Each also without the abbreviation's full stop, as Accra and Kuala Lumpur print it ("Some Hon Members").
COLLECTIVE_SPEAKERS = _COLLECTIVE | {name.replace(".", "") for name in _COLLECTIVE}

#: News organisations that ministries' briefings print as the asker's label ("AFP:", "Reuters:", "CCTV:"):
#: a questioner named by outlet, who may ask once only.
NEWS_OUTLETS = frozenset(
    {
        "afp", "ap", "reuters", "bloomberg", "cctv", "cgtn", "cnn", "bbc", "nhk", "kyodo", "kyodo news", "xinhua",
        "tass", "ria novosti", "interfax", "efe", "ansa", "dpa", "yonhap", "al jazeera", "france 24", "rfi",
        "dw", "deutsche welle", "nbc", "abc", "cbs", "fox news", "sky news", "phoenix tv", "china daily",
        "global times", "the paper", "bernama", "antara", "pti", "ani", "anadolu", "wion", "rt", "sputnik",
        "prensa latina", "lusa", "ukrinform", "euronews", "the new york times", "the washington post",
        "the wall street journal", "financial times", "the guardian", "le monde", "asahi", "asahi shimbun",
        "yomiuri", "nikkei", "mainichi", "south china morning post", "scmp", "straits times",
    }
)  # fmt: skip

#: Notes a record prints after a speaker's name on how the speech was given, not who gave it: the European
#: Parliament's blue cards and written statements ("Pascal Canfin (Renew), question «carton bleu». – …").
CONTRIBUTION_NOTES = (
    "blue-card", "blue card", "carton bleu", "blauen karte", "tarjeta azul", "cartellino blu", "blauwe kaart",
    "schriftlich", "par écrit", "in writing", "por escrito", "per iscritto", "schriftelijk",
)  # fmt: skip

#: Headings printed alone with a colon that open a part of a call or meeting, not a speech ("Prepared Remarks:",
#: "Questions & Answers:", as earnings-call transcripts print them).
SECTION_HEADINGS = frozenset(
    {
        "prepared remarks", "questions and answers", "questions & answers", "question-and-answer session",
        "question and answer session", "q&a", "q & a", "presentation", "call participants",
        "corporate participants", "conference call participants", "analysts", "transcript", "contents",
    }
)  # fmt: skip


#: Words that name a party when printed alone in brackets after a name ("(Labour)"); another single word in
#: mixed case longer than five letters is read as a seat ("(Ipswich)").
PARTY_WORDS = _words(
    "labour labor liberal liberals conservative conservatives green greens independent national nationals "
    "democrat democrats republican republicans unionist socialist socialists communist libdem crossbench "
    "grüne grünen linke sozialdemokraten unabhängig parteilos fraktionslos"
)

#: Parties printed in lower case after a member's name, without brackets (the Eduskunta: ``Antti Lindtman sd:``).
LOWER_CASE_PARTIES = frozenset("kesk kok ps sd vihr vas r kd liik".split())

#: Words a record prints before a member's name, alone on a line above the question or motion in that member's
#: name (the House of Lords: ``Asked by Baroness Smith of Basildon`` / ``To ask His Majesty's Government …``).
ATTRIBUTIONS = ("Asked by ", "Moved by ", "Tabled by ")

#: The verb after the member's name in a written or numbered question, the member's label without a separator
#: ("1. Mr Leong Mun Wai asked the Minister …", "1. Tuan Lim Guan Eng [Bagan] minta Menteri …").
QUESTION_VERBS = ("asked", "minta")

#: A masthead's field that lists the topics of the meeting: ``SUBJECTS: March labour force figures; …``.
MASTHEAD_FIELDS = frozenset(
    {"subject", "subjects", "topic", "topics", "themen", "thema", "sujets", "temas", "argomenti", "onderwerpen"}
)

#: Header lines that end with a colon and head a list of names, not a speech: "MEMBERS PRESENT:".
LIST_HEADINGS = frozenset(
    {
        "present", "members present", "also present", "absent", "members absent", "in attendance",
        "clerk in attendance", "clerks in attendance", "public officers attending", "attending", "attendees",
        "participants", "panelists", "panellists", "witnesses", "anwesend", "entschuldigt", "présents", "absents",
        "присутствовали", "участники",
    }
)  # fmt: skip


def _lower(text: str) -> frozenset[str]:
    """Words in lower case as printed, compared with ``str.lower()`` (which keeps ``ß``; case-folding would not)."""
    return frozenset(text.split())


#: Frequent short words that tell the languages of the speech apart (``stenogram.analysis`` counts them).
LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    "en": _lower("the and of to is that we in it this for are with be have not"),
    "de": _lower("der die das und ist nicht wir ich sie es zu den mit auf für von dass ein eine"),
    "fr": _lower("le la les et est nous je il que des une pour pas dans sur qui"),
    "ru": _lower("и в не на что мы это я с как по но для"),
}
#: First words that point back to the sentence before, by language: such a sentence cannot stand alone as a key
#: point (connectives, pronouns, answers).
LEADING_WORDS: dict[str, frozenset[str]] = {
    "en": _lower(
        """so and but or then also that this these those it they he she its their his her him them there's that's
        it's because which however therefore thus hence yes no well now okay ok again anyway plus nor yet otherwise
        secondly thirdly finally lastly besides moreover furthermore indeed still instead meanwhile likewise
        similarly accordingly consequently here"""
    ),
    "de": _lower(
        """also und aber oder dann auch das dies diese dieser dieses es sie er deshalb daher jedoch ja nein nun
        denn sondern trotzdem außerdem dazu damit darum dabei hier"""
    ),
    "fr": _lower("donc et mais ou puis aussi cela ceci ces il elle ils elles alors oui non ensuite cependant"),
}


def is_title(word: str) -> bool:
    """Is ``word`` (any case, trailing comma or period kept) an honorific or an office?"""
    w = word.casefold().rstrip(",")
    if w in TITLES or w.rstrip(".") in TITLES or w.endswith(TITLE_ENDINGS):
        return True
    # "Secretary-General", "President-in-Office", "Vice-Chair": a compound holding an office.
    return "-" in w and any(part in TITLES for part in w.rstrip(".").split("-"))
