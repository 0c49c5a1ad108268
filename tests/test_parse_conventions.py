"""One short synthetic example for each publisher convention the parser reads (docs/parser.md's table)."""

from __future__ import annotations

import pytest

from stenogram import parse
from stenogram.model import Note, NoteKind, Transcript


def labels(t: Transcript) -> list[str]:
    return [turn.label for turn in t.turns]


def texts(t: Transcript) -> list[str]:
    return [p.text for turn in t.turns for p in turn.paragraphs]


@pytest.mark.parametrize(
    ("line", "label", "first"),
    [
        ("Mr FULLER - Can the Minister say when?", "Mr FULLER", "Can the Minister say when?"),
        ("Mr BARTON. - Before we adjourn, one word.", "Mr BARTON", "Before we adjourn, one word."),
        ("Senator SMITH.-I move the motion.", "Senator SMITH", "I move the motion."),
        ("Ms WORTH—I move:", "Ms WORTH", "I move:"),
        ("Mr SPEAKER—Order!", "Mr SPEAKER", "Order!"),
        ("BAŞKAN – Sayın milletvekilleri, oturumu açıyorum.", "BAŞKAN", "Sayın milletvekilleri, oturumu açıyorum."),
        # Dashes a scan doubled after the separator belong to it.
        ("Mr KING O'MALLEY - - - I wish to ask.", "Mr KING O'MALLEY", "I wish to ask."),
        ("Senator RUSSELL. - -This is another.", "Senator RUSSELL", "This is another."),
        ("Senator GRANT. - .Some time ago I asked.", "Senator GRANT", "Some time ago I asked."),
    ],
)
def test_dash_separators_part_label_and_speech_without_losing_a_word(line: str, label: str, first: str) -> None:
    text = f"{line}\nMr REID - I should like an answer.\nThe PRESIDENT - Order.\n"
    t = parse(text)
    assert labels(t) == [label, "Mr REID", "The PRESIDENT"]
    assert texts(t)[0] == first


def test_one_dash_in_prose_is_not_a_label() -> None:
    t = parse("Anna Petrova: Good morning.\nMr Smith - a friend of mine - said so.\n")
    assert labels(t) == ["Anna Petrova"]
    assert "Mr Smith - a friend of mine - said so." in " ".join(texts(t))


def test_parenthetical_slots_give_affiliation_constituency_role_and_time() -> None:
    t = parse(
        "Ms SMITH (Northtown—Minister for Transport) (14:03): I rise today.\n"
        "Mr. Jean Roy (Lac-Bleu, Lib.): Thank you.\n"
        "Abgeordnete Dr. Eva Muster (ÖVP): Danke.\n"
    )
    smith, roy, muster = t.participants
    assert (smith.name, smith.role, smith.constituency) == ("Smith", "Minister for Transport", "Northtown")
    assert t.turns[0].time == "14:03"
    assert texts(t)[0] == "I rise today."
    assert (roy.name, roy.constituency, roy.affiliation) == ("Jean Roy", "Lac-Bleu", "Lib.")
    assert muster.affiliation == "ÖVP"
    assert not any("(" in p.name for p in t.participants)


def test_a_chair_named_in_brackets_is_one_participant_with_the_bare_role_later() -> None:
    t = parse(
        "The Chair (Hon. Ann Roe (Riverside—Hills, Lib.)): I call the meeting to order.\n"
        "Mr. Bryan May (Cambridge, Lib.): Thank you, Madam Chair.\n"
        "The Chair: Thank you.\n"
        "The Acting Chair (Mr. Tom Bay (Eastside, CPC)): I take the chair.\n"
    )
    chair = t.participant(t.turns[0].speaker)
    assert (chair.name, chair.role, chair.affiliation, chair.constituency) == (
        "Ann Roe",
        "The Chair",
        "Lib.",
        "Riverside—Hills",
    )
    assert t.turns[2].speaker == chair.id
    assert t.participant(t.turns[3].speaker).name == "Tom Bay"
    assert t.participant(t.turns[1].speaker).name == "Bryan May"  # a surname that is a month


def test_long_role_labels_with_nested_brackets() -> None:
    role = (
        "Parliamentary Secretary to the Minister of Environment and Climate Change"
        " and to the Minister of Natural Resources"
    )
    t = parse(f"Ms. Jane Doe ({role}, Lib.): Thank you.\nThe Chair: Go ahead.\n")
    jane = t.participants[0]
    assert (jane.name, jane.role, jane.affiliation) == ("Jane Doe", role, "Lib.")


def test_a_heading_above_a_label_stays_out_of_it() -> None:
    t = parse(
        "Präsident Dr. Heinz Fischer: Die Sitzung ist eröffnet.\n"
        "Einlauf und Zuweisungen\n"
        "Präsident Dr. Heinz Fischer: Hinsichtlich der Zuweisungen verweise ich auf die Mitteilung.\n"
    )
    assert labels(t) == ["Präsident Dr. Heinz Fischer", "Präsident Dr. Heinz Fischer"]
    assert "Einlauf und Zuweisungen" in texts(t)[0] or "Einlauf und Zuweisungen" in texts(t)


def test_colon_lead_ins_in_a_parliament_of_titled_labels_are_text() -> None:
    t = parse(
        "Präsident Ing. Norbert Hofer: Als Nächster zu Wort gemeldet ist Herr Abgeordneter Hagen.\n"
        "Abgeordneter Christoph Hagen (STRONACH): Herr Präsident! Meine Damen und Herren!\n"
        "Zweiter Punkt: Die Grenzen sind offen.\n"
        "Herr Kollege Amon, nur zur Kenntnisnahme: Sie haben richtig vorgelesen.\n"
        "Der Antrag hat folgenden Gesamtwortlaut:\n"
        "Präsident Ing. Norbert Hofer: Nächster Redner: Herr Abgeordneter Kai Jan Krainer.\n"
        "Abgeordneter Kai Jan Krainer (SPÖ): Danke.\n"
        "Präsident Ing. Norbert Hofer: Zu Wort gelangt Frau Abgeordnete Muster.\n"
        "Abgeordnete Dr. Eva Muster (ÖVP): Danke.\n"
    )
    assert labels(t) == [
        "Präsident Ing. Norbert Hofer",
        "Abgeordneter Christoph Hagen (STRONACH)",
        "Präsident Ing. Norbert Hofer",
        "Abgeordneter Kai Jan Krainer (SPÖ)",
        "Präsident Ing. Norbert Hofer",
        "Abgeordnete Dr. Eva Muster (ÖVP)",
    ]
    assert "Zweiter Punkt: Die Grenzen sind offen." in " ".join(texts(t))


def test_a_heading_in_capitals_with_a_colon_is_not_a_label() -> None:
    t = parse("Senator GIVENS - I ask a question.\nHANSARD STAFF: TYPISTS\nSenator PEARCE - I answer it.\n")
    assert labels(t) == ["Senator GIVENS", "Senator PEARCE"]


def test_procedure_after_an_anonymous_role_word_is_text() -> None:
    t = parse("Mr SPEAKER - I put the question.\nQuestion put:\nThat the motion be agreed to.\nMr REID - No.\n")
    assert labels(t) == ["Mr SPEAKER", "Mr REID"]
    assert "Question put:" in " ".join(texts(t))


def test_a_line_no_wrap_could_make_ends_its_paragraph() -> None:
    long = "word " * 80
    wrapped = "\n".join(["a line of wrapped text that goes on and on to the width"] * 6)
    t = parse(f"Anna Petrova: {wrapped}\n{long.strip()}\nNext paragraph here.\n")
    assert texts(t)[-1] == "Next paragraph here."


def test_users_steer_the_grammar_with_separators_speakers_and_line_numbers() -> None:
    text = "Chair - Welcome.\nAnna Petrova: Thanks.\nnote: a word.\nZweiter Punkt: mine.\n"
    assert labels(parse(text)) == ["Anna Petrova"]
    assert labels(parse(text, separators=("dash",))) == ["Chair"]
    assert labels(parse(text, separators="colon,dash")) == ["Chair", "Anna Petrova"]
    steered = parse(text, speakers=("note",), text_lines=(2,))
    assert labels(steered) == ["note"]
    assert "Anna Petrova: Thanks." in " ".join(p.text for p in steered.preamble if hasattr(p, "marks"))
    forced = parse(text, label_lines=(4, 9))
    assert "Zweiter Punkt" in labels(forced)
    unmatched = [d.message for d in forced.diagnostics if d.code == "label-line-unmatched"]
    assert unmatched == ["line 9 was declared a label but holds no label followed by a separator"]


def test_collective_speakers_are_their_own_turns_and_interjections_asides() -> None:
    t = parse(
        "Mr SMITH: I move the motion.\nSome hon. members: Agreed.\nThe SPEAKER: The motion is carried.\n"
        "Opposition members interjecting—\nHonourable members: Hear, hear!\n"
    )
    assert labels(t) == ["Mr SMITH", "Some hon. members", "The SPEAKER", "Honourable members"]
    assert t.participant(t.turns[1].speaker).anonymous
    aside = t.turns[2].paragraphs[-1]
    assert (aside.text, aside.is_aside) == ("Opposition members interjecting—", True)


def test_lead_ins_and_numbered_items_stay_in_the_speech() -> None:
    t = parse(
        "Anna Petrova: Let me quote what the committee wrote:\nThe budget is balanced.\n"
        "Recommendation 2: That the bill pass.\nIvan Sidorov: Thank you.\n"
    )
    assert labels(t) == ["Anna Petrova", "Ivan Sidorov"]
    assert texts(t)[:2] == ["Let me quote what the committee wrote:", "The budget is balanced."]
    numbered = parse("Speaker 1: Hello.\nSpeaker 2: Hi.\nSpeaker 1: How are you?\nSpeaker 2: Fine.\n")
    assert labels(numbered) == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2"]


def test_capitals_after_a_label_are_speech_when_they_end_like_it() -> None:
    t = parse("Q    Thank you.\n\nMR. KIRBY:  Yes.\n\nQ    Thanks.\n\nMR. KIRBY:  I —\n\nTHE PRESIDNET:  A typo.\n")
    assert labels(t) == ["Q", "MR. KIRBY", "Q", "MR. KIRBY", "THE PRESIDNET"]


@pytest.mark.parametrize(
    ("label", "name", "role"),
    [
        ("Abgeordneter Kai Jan Krainer (SPÖ)", "Kai Jan Krainer", "Abgeordneter"),
        ("Präsident Ing. Norbert Hofer", "Norbert Hofer", "Präsident"),
        ("Bundesminister für Finanzen Mag. Gernot Blümel, MBA", "Gernot Blümel", "Bundesminister für Finanzen MBA"),
        ("Lynne Neagle AM", "Lynne Neagle", "AM"),
        ("President of Russia Vladimir Putin", "Vladimir Putin", "President of Russia"),
    ],
)
def test_names_and_roles_in_several_languages(label: str, name: str, role: str) -> None:
    t = parse(f"{label}: Guten Tag.\nAnna Petrova: Good morning.\n")
    person = t.participant(t.turns[0].speaker)
    assert (person.name, person.role) == (name, role)


def test_two_sentences_are_not_a_label() -> None:
    t = parse(
        "Präsident Fritz Neugebauer: Danke.\n"
        "Die Debatte eröffnet Herr Abgeordneter Maier. Wunschredezeit: 5 Minuten.\n"
        "Abgeordneter Ferdinand Maier (ÖVP): Danke.\n"
    )
    assert labels(t) == ["Präsident Fritz Neugebauer", "Abgeordneter Ferdinand Maier (ÖVP)"]


def test_period_labels_in_running_text_when_the_record_prints_them_again() -> None:
    t = parse(
        "The PRESIDING OFFICER. The Senator from Ohio.\n"
        "Mr. BROWN. Mr. President, I rise today to speak\nabout the bill.\n"
        "The PRESIDING OFFICER. Without objection, it is so ordered.\n"
    )
    assert labels(t) == ["The PRESIDING OFFICER", "Mr. BROWN", "The PRESIDING OFFICER"]
    assert texts(t)[1] == "Mr. President, I rise today to speak about the bill."
    once = parse("Anna Petrova: Good morning.\nNATO. It was discussed.\n")
    assert labels(once) == ["Anna Petrova"]


def test_turkish_dash_labels_with_province_and_office() -> None:
    t = parse(
        "BAŞKAN – Sayın milletvekilleri, birleşimi açıyorum.\n"
        "ÖZGÜR ÖZEL (Manisa) – Teşekkür ederim Sayın Başkan.\n"
        "MALİYE BAKANI NACİ AĞBAL (Bayburt) – Sayın Başkan, değerli milletvekilleri.\n"
    )
    assert labels(t) == ["BAŞKAN", "ÖZGÜR ÖZEL (Manisa)", "MALİYE BAKANI NACİ AĞBAL (Bayburt)"]
    assert [p.name for p in t.participants] == ["Başkan", "Özgür Özel", "Naci Ağbal"]
    assert t.participants[2].role == "MALİYE BAKANI"


def test_an_office_with_the_name_in_brackets_and_a_constituency_with_a_party() -> None:
    t = parse(
        "The Prime Minister (Boris Johnson): I beg to move.\n"
        "Sir Keir Starmer (Holborn and St Pancras) (Lab): Will he answer?\n"
        "The Prime Minister: No.\n"
    )
    pm, starmer = t.participants
    assert (pm.name, pm.role) == ("Boris Johnson", "The Prime Minister")
    assert t.turns[2].speaker == pm.id
    assert (starmer.name, starmer.constituency, starmer.affiliation) == (
        "Keir Starmer",
        "Holborn and St Pancras",
        "Lab",
    )


def test_a_time_stamp_in_brackets_is_the_turn_time() -> None:
    t = parse("Joe Biden (00:01:23): Hello there.\nKamala Harris (00:01:30): Hi.\n")
    assert [(turn.time, turn.paragraphs[0].text) for turn in t.turns] == [
        ("00:01:23", "Hello there."),
        ("00:01:30", "Hi."),
    ]
    assert [(p.name, p.constituency) for p in t.participants] == [("Joe Biden", None), ("Kamala Harris", None)]


def test_hansard_sitting_times_and_dashes_inside_brackets() -> None:
    t = parse(
        "Senator Sir GEORGE PEARCE [11.2]. - (By leave.) - In view of the slow progress.\n"
        "Senator NEEDHAM - Is it not possible?\n"
        "Senator Sir WILLIAM GLASGOW ( Queensland - Minister for Defence) [10.29].- I move-\n"
    )
    assert labels(t) == [
        "Senator Sir GEORGE PEARCE",
        "Senator NEEDHAM",
        "Senator Sir WILLIAM GLASGOW ( Queensland - Minister for Defence)",
    ]
    assert texts(t)[0].startswith("[11.2]. - (By leave.) - In view")
    glasgow = t.participant(t.turns[2].speaker)
    assert (glasgow.role, glasgow.constituency) == ("Minister for Defence", "Queensland")


# -- conventions of publishers outside the dev sets (tests/publishers/ has a whole document for each) --------


def test_a_question_number_before_a_label_stays_in_the_label_not_the_name() -> None:
    t = parse(
        "Oral Answers to Questions\n"
        "1. Ruth Jones (Newport West) (Lab): What steps has he taken?\n"
        "Jo Stevens (Cardiff Central) (Lab): None at all.\n"
        "Ruth Jones: I thank him.\n"
    )
    assert labels(t) == ["1. Ruth Jones (Newport West) (Lab)", "Jo Stevens (Cardiff Central) (Lab)", "Ruth Jones"]
    assert texts(t)[0] == "What steps has he taken?"
    assert t.turns[0].speaker == t.turns[2].speaker


def test_a_numbered_line_without_a_person_is_a_list_item() -> None:
    t = parse("Anna Petrova: We agreed on two things.\n1. Transport: The new line opens in May.\n")
    assert labels(t) == ["Anna Petrova"]


def test_congressional_period_labels_with_a_state_and_pro_tempore() -> None:
    t = parse(
        "  Mr. SMITH of Texas. Mr. Speaker, I yield myself such time.\n\n"
        "  The SPEAKER pro tempore. The gentleman is recognized.\n\n"
        "  Mr. McCARTHY. Will the gentleman yield?\n"
    )
    assert labels(t) == ["Mr. SMITH of Texas", "The SPEAKER pro tempore", "Mr. McCARTHY"]
    assert [p.name for p in t.participants] == ["SMITH of Texas", "The SPEAKER pro tempore", "McCARTHY"]


def test_hearing_period_labels_in_mixed_case_when_the_document_repeats_them() -> None:
    text = (
        "    The Chairwoman. The Committee will come to order.\n"
        "    Senator Cruz. Thank you, Madam Chair.\n"
        "    Mr. Nolen. Thank you, Senator.\n"
        "    The Chairwoman. Senator Moran.\n"
    )
    assert labels(parse(text)) == ["The Chairwoman", "Senator Cruz", "Mr. Nolen", "The Chairwoman"]
    assert labels(parse("Anna Petrova: I spoke to\nPresident Putin. And then we left.\n")) == ["Anna Petrova"]


def test_europarl_dash_labels_follow_the_documents_own_separator() -> None:
    t = parse(
        "President. – The next item is the debate.\n\n"
        "Manfred Weber, on behalf of the PPE Group. – (DE) Madam President, we agree.\n\n"
        "President. – Thank you.\n"
    )
    assert labels(t) == ["President", "Manfred Weber, on behalf of the PPE Group", "President"]
    weber = t.participants[1]
    assert (weber.name, weber.role) == ("Manfred Weber", "on behalf of the PPE Group")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mme la présidente. La parole est à M. Éric Ciotti.\n\nM. Éric Ciotti. Madame la présidente, non.\n\n"
            "Mme Élisabeth Borne, Première ministre. Monsieur le député, si.\n",
            ["Mme la présidente", "M. Éric Ciotti", "Mme Élisabeth Borne, Première ministre"],
        ),
        (
            "La señora PRESIDENTA: Se abre la sesión.\nEl señor NÚÑEZ FEIJÓO: Gracias.\n",
            ["La señora PRESIDENTA", "El señor NÚÑEZ FEIJÓO"],
        ),
        (
            "De voorzitter: Aan de orde.\nDe heer Wilders (PVV): Voorzitter.\nDe voorzitter: Dank u.\n"
            "Minister Adema: Ik begrijp het.\nDe voorzitter: Kort graag.\n",
            ["De voorzitter", "De heer Wilders (PVV)", "De voorzitter", "Minister Adema", "De voorzitter"],
        ),
        (
            "PRESIDENTE. La seduta è aperta.\n\nROSSI (PD). Signor Presidente, no.\n\n"
            "GIORGETTI, ministro dell'economia. Signor Presidente, sì.\n",
            ["PRESIDENTE", "ROSSI (PD)", "GIORGETTI, ministro dell'economia"],
        ),
    ],
)
def test_forms_of_address_of_other_languages(text: str, expected: list[str]) -> None:
    assert labels(parse(text)) == expected


def test_masthead_fields_and_list_headings_before_the_first_turn_are_preamble() -> None:
    t = parse(
        "House of Commons Debates\nSpeaker: The Honourable Anthony Rota\nThe House met at 10 a.m.\n"
        "MEMBERS PRESENT:\nTHE PRESIDENT\n"
        "The Speaker: Order.\nMr. Jean Roy (Lac-Bleu, Lib.): Thank you.\n"
    )
    assert labels(t) == ["The Speaker", "Mr. Jean Roy (Lac-Bleu, Lib.)"]
    assert any("Speaker: The Honourable Anthony Rota" in b.text for b in t.preamble)


def test_an_office_with_its_holder_and_a_language_note() -> None:
    t = parse(
        "The Secretary of State for Wales (David T. C. Davies): I will.\n"
        "Sir Edward Leigh (Gainsborough) (Con): Will he?\n"
        "David T. C. Davies: Yes.\n"
        "The President (spoke in French): Thank you.\n"
    )
    davies, leigh, president = t.participants
    assert (davies.name, davies.role, len(t.turns_of(davies.id))) == (
        "David T. C. Davies",
        "The Secretary of State for Wales",
        2,
    )
    assert (leigh.constituency, leigh.affiliation) == ("Gainsborough", "Con")
    assert (president.constituency, t.turns[3].annotation) == (None, "spoke in French")


def test_a_heading_above_a_label_the_document_opens_others_with_is_not_part_of_it() -> None:
    t = parse(
        "Präsidentin Anna Roy: Die Sitzung ist eröffnet.\nAbgeordneter Jan Weber (SPÖ): Danke.\n"
        "Präsidentin Anna Roy: Bitte.\nEinlauf\nPräsidentin Anna Roy: Eingelangt ist ein Antrag.\n"
    )
    assert labels(t)[-1] == "Präsidentin Anna Roy"


def test_a_one_off_caller_in_a_document_of_single_word_labels() -> None:
    t = parse(
        "HOST: Welcome.\n\nGUEST: Thanks.\n\nHOST: Why?\n\nGUEST: Because.\n\nCALLER: Hello, a question.\n\n"
        "GUEST: Yes.\n\nHOST: Goodbye.\n"
    )
    assert labels(t) == ["HOST", "GUEST", "HOST", "GUEST", "CALLER", "GUEST", "HOST"]


def test_a_numbered_question_asked_in_the_askers_name_and_a_moderator_in_running_text() -> None:
    t = parse(
        "ORAL ANSWERS TO QUESTIONS\n"
        "1. Mr Leong Mun Wai asked the Minister for Trade what measures are being taken.\n"
        "The Minister for Trade (Mr Gan Kim Yong): Several, Sir.\n"
        "MODERATOR: Two questions from each side.\n"
        "JOURNALIST: A question on trade.\n"
        "MODERATOR: Thank you.\n"
    )
    assert labels(t) == [
        "1. Mr Leong Mun Wai",
        "The Minister for Trade (Mr Gan Kim Yong)",
        "MODERATOR",
        "JOURNALIST",
        "MODERATOR",
    ]
    assert texts(t)[0].startswith("asked the Minister for Trade")


@pytest.mark.parametrize("marker", ["[[Page H2452]]", "23-11234 3/30", "- 12 -", "Page 12"])
def test_page_markers_inside_a_sentence_are_page_notes_and_the_sentence_goes_on(marker: str) -> None:
    """Printed records cut speeches with page furniture: Congressional Record, UN verbatim records, Hansards."""
    t = parse(
        "Mr. SMITH. Mr. Speaker, I rise today to speak about the\n"
        f"{marker}\n"
        "budget of the department.\n"
        "Mr. JONES. I thank the gentleman.\n"
    )
    first = t.turns[0]
    assert [b.text for b in first.content] == [
        "Mr. Speaker, I rise today to speak about the budget of the department.",
        marker,
    ]
    assert isinstance(first.content[1], Note) and first.content[1].kind is NoteKind.PAGE
    assert [turn.label for turn in t.turns] == ["Mr. SMITH", "Mr. JONES"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Period labels in the capitals of other alphabets, as Kyiv and Vilnius print them.
        (
            "ГОЛОВУЮЧИЙ. Доброго ранку, колеги.\nЖЕЛЄЗНЯК Я.І. Дякую, пане Голово.\nГОЛОВУЮЧИЙ. Дякую.\n",
            ["ГОЛОВУЮЧИЙ", "ЖЕЛЄЗНЯК Я.І.", "ГОЛОВУЮЧИЙ"],
        ),
        (
            "PIRMININKĖ. Pradedame posėdį.\nG. SKAISTĖ. Gerbiami Seimo nariai.\nS. SKVERNELIS (DFVF). Ačiū.\n",
            ["PIRMININKĖ", "G. SKAISTĖ", "S. SKVERNELIS (DFVF)"],
        ),
    ],
)
def test_period_labels_in_other_alphabets_and_a_surname_with_initials(text: str, expected: list[str]) -> None:
    t = parse(text)
    assert labels(t) == expected
    assert texts(t)[1].split()[0] in ("Дякую,", "Gerbiami")


def test_a_role_in_lower_case_words_with_its_holder_in_brackets() -> None:
    t = parse(
        "Formanden (Søren Gade): Mødet er åbnet.\n"
        "Ministeren for ligestilling (Marie Bjerre): Tak for spørgsmålet.\n"
        "El lletrat major (Antoni Bayona Rocamora): Autoritats, bon dia.\n"
        "Formanden: Spørgeren.\n"
    )
    assert labels(t) == [
        "Formanden (Søren Gade)",
        "Ministeren for ligestilling (Marie Bjerre)",
        "El lletrat major (Antoni Bayona Rocamora)",
        "Formanden",
    ]
    # A sentence with a name in brackets is not a role: "We told them (John Smith): …" stays text.
    t = parse("Anna Petrova: Good morning.\nWe told them (John Smith): no.\n")
    assert labels(t) == ["Anna Petrova"]


def test_names_joined_by_the_catalan_and_polish_i() -> None:
    t = parse(
        "Marszałek:\nOtwieram posiedzenie.\n"
        "Minister Rolnictwa i Rozwoju Wsi Robert Telus:\nPani Marszałek! Wysoka Izbo!\n"
        "Jordi Turull i Negre: Sí, moltes gràcies, president.\n"
    )
    assert labels(t) == ["Marszałek", "Minister Rolnictwa i Rozwoju Wsi Robert Telus", "Jordi Turull i Negre"]


def test_the_chairs_of_other_parliaments_stand_alone_as_labels() -> None:
    t = parse("Anna Petrova: Good morning.\nELNÖK: Köszönöm.\nAnna Petrova: Thank you.\nPUHEMIES: Kiitos.\n")
    assert labels(t) == ["Anna Petrova", "ELNÖK", "Anna Petrova", "PUHEMIES"]


def test_a_text_of_one_paragraph_per_line_keeps_short_lines_apart() -> None:
    # Converted from markup: every long line ends a sentence, so a name read out on a short line of its own
    # is a paragraph, not a wrapped line.
    speech = "Aquesta presidència fa constar que tots els diputats han estat proclamats electes per les juntes. "
    roll = ["»Junts pel Sí:", "»Oriol Amat i Salas", "Oriol Amorós i March", "Dolors Bassa i Coll"]
    long_lines = [speech + "Moltes gràcies. " * k for k in range(9)]  # lengths no wrap width explains
    text = "La presidenta (Carme Forcadell): " + "\n".join(long_lines + roll + [speech]) + "\n"
    paragraphs = texts(parse(text))
    assert paragraphs[9:13] == roll
    assert len(paragraphs) == 14


def test_a_members_name_above_the_question_or_motion_in_it() -> None:
    t = parse(
        "House of Lords\nQuestion\nAsked by Baroness Smith of Basildon\n"
        "To ask His Majesty’s Government what plans they have.\n"
        "Baroness Barran (Con): My Lords, headteachers can act.\n"
        "Moved by Lord Teverson\n61: After Clause 139, insert the following new Clause.\n"
        "Lord Teverson (LD): My Lords, I beg to move.\n"
    )
    assert labels(t) == [
        "Asked by Baroness Smith of Basildon",
        "Baroness Barran (Con)",
        "Moved by Lord Teverson",
        "Lord Teverson (LD)",
    ]
    assert texts(t)[0] == "To ask His Majesty’s Government what plans they have."
    assert t.turns[2].speaker == t.turns[3].speaker  # the mover is the member who speaks next


def test_a_party_in_lower_case_after_the_name() -> None:
    t = parse(
        "Puhemies Jussi Halla-aho: Edustaja Lindtman.\n"
        "Antti Lindtman sd: Arvoisa puhemies!\n"
        "Krista Kiuru sd (vastauspuheenvuoro): Arvoisa puhemies!\n"
    )
    assert labels(t) == ["Puhemies Jussi Halla-aho", "Antti Lindtman sd", "Krista Kiuru sd (vastauspuheenvuoro)"]
    lindtman = next(p for p in t.participants if p.name == "Antti Lindtman")
    assert lindtman.affiliation == "sd"


def test_long_offices_before_the_name_and_offices_after_a_name_in_capitals() -> None:
    t = parse(
        "Předseda PSP Markéta Pekarová Adamová: Prosím, pane ministře.\n"
        "Místopředseda vlády a ministr pro místní rozvoj ČR Ivan Bartoš: Děkuji za slovo.\n"
        "ELNÖK: Köszönöm.\n"
        "RÉTVÁRI BENCE igazságügyi minisztériumi államtitkár: Köszönöm a szót.\n"
        "МАРЧЕНКО С.М., міністр фінансів України. Шановний пане Голово!\n"
    )
    assert labels(t)[1] == "Místopředseda vlády a ministr pro místní rozvoj ČR Ivan Bartoš"
    assert labels(t)[3] == "RÉTVÁRI BENCE igazságügyi minisztériumi államtitkár"


def test_a_heading_in_capitals_between_turns_is_a_section_note() -> None:
    t = parse(
        "MILAN KUČAN: We begin.\nHow many are present?\nTHIRD AMENDMENT\nMILAN KUČAN: We vote.\n"
        "John Doe: I quote the pamphlet:\nLABOR'S PLAN FOR NEW GUINEA\nIt says much.\n"
    )
    assert [type(item).__name__ for item in t.body] == ["Turn", "Note", "Turn", "Turn"]
    assert t.body[1].text == "THIRD AMENDMENT" and t.body[1].kind is NoteKind.SECTION
    assert any("LABOR'S PLAN FOR NEW GUINEA" in p for p in texts(t))  # capitals inside a speech stay its text


def test_by_leave_after_the_name_is_the_speech_and_a_one_word_seat() -> None:
    t = parse("The SPEAKER - Order.\nMr POLLARD by leave - I wish to make a statement.\nMr MENZIES - I thank him.\n")
    assert labels(t) == ["The SPEAKER", "Mr POLLARD", "Mr MENZIES"]
    assert texts(t)[1] == "by leave - I wish to make a statement."
    t = parse("Mr Smith (Ipswich): I rise.\nMs Jones (Labour): Thank you.\nMr Brown (Con): Yes.\n")
    assert [(p.constituency, p.affiliation) for p in t.participants] == [
        ("Ipswich", None),
        (None, "Labour"),
        (None, "Con"),
    ]


def test_a_period_label_that_a_converter_closed_with_a_colon_too() -> None:
    t = parse("ГОЛОВУЮЧИЙ.: Доброго ранку.\nЖЕЛЄЗНЯК Я.І.: Дякую, пане Голово.\nГОЛОВУЮЧИЙ.: Дякую.\n")
    assert labels(t) == ["ГОЛОВУЮЧИЙ.", "ЖЕЛЄЗНЯК Я.І.", "ГОЛОВУЮЧИЙ."]
    assert texts(t) == ["Доброго ранку.", "Дякую, пане Голово.", "Дякую."]


def test_sitting_times_printed_with_a_full_stop_are_time_notes() -> None:
    t = parse("Puhemies Jussi Halla-aho: Edustaja Lindtman.\n14.02\nAntti Lindtman sd: Arvoisa puhemies!\n")
    assert labels(t) == ["Puhemies Jussi Halla-aho", "Antti Lindtman sd"]
    assert texts(t) == ["Edustaja Lindtman.", "Arvoisa puhemies!"]
    assert [n.kind for n in t.turns[0].notes] == [NoteKind.TIMESTAMP]


def test_speech_numbers_a_word_after_the_party_and_a_chair_by_article_and_office() -> None:
    t = parse(
        "Talmannen: Vi börjar.\n"
        "Anf. 1 MAGDALENA ANDERSSON (S): Herr talman!\n"
        "Anf. 2 Statsminister ULF KRISTERSSON (M) replik: Herr talman!\n"
        "De voorzitter: Het woord is aan de heer De Roover.\n"
        "Le président: La parole est à Mme Rohonyi.\n"
    )
    assert labels(t) == [
        "Talmannen",
        "Anf. 1 MAGDALENA ANDERSSON (S)",
        "Anf. 2 Statsminister ULF KRISTERSSON (M) replik",
        "De voorzitter",
        "Le président",
    ]
    andersson = next(p for p in t.participants if "Anf. 1 MAGDALENA ANDERSSON (S)" in p.labels)
    assert (andersson.name, andersson.affiliation) == ("Magdalena Andersson", "S")
    # A motion's procedure is not a name with a word after its bracket.
    t = parse("Mr SMITH: I move.\nMotion (by Mr Nicholls) put: That the question be now put.\nMr JONES: No.\n")
    assert labels(t) == ["Mr SMITH", "Mr JONES"]


def test_a_german_parliaments_running_head_inside_a_sentence_is_a_page_note() -> None:
    t = parse(
        "Präsidentin Bärbel Bas: Das Wort hat Friedrich Merz.\n"
        "Friedrich Merz (CDU/CSU): Frau Präsidentin! Meine Damen und\n"
        "Deutscher Bundestag – 20. Wahlperiode – 110. Sitzung. Berlin, Mittwoch, 21. Juni 2023\n"
        "Herren! Wir sprechen heute über den Haushalt.\n"
        "Präsidentin Bärbel Bas: Danke.\n"
    )
    assert texts(t)[1] == "Frau Präsidentin! Meine Damen und Herren! Wir sprechen heute über den Haushalt."
    assert [n.kind for n in t.turns[1].notes] == [NoteKind.PAGE]


def test_a_members_name_with_a_particle_among_labels_that_print_an_office() -> None:
    offices = "".join(f"El president de la Mesa (Julià de Jòdar): Moltes gràcies, número {k}.\n" for k in range(5))
    t = parse(
        offices + "Jordi Turull i Negre: Sí, moltes gràcies, president.\nLa presidenta (Carme Forcadell): Gràcies.\n"
    )
    assert "Jordi Turull i Negre" in labels(t)


@pytest.mark.parametrize("sep", [":", "."])
def test_a_surname_in_capitals_with_a_partys_bracket_is_a_member(sep: str) -> None:
    lines = (
        ("PRESIDENTE", "La seduta è aperta."),
        ("MALAN (FdI)", "Domando di parlare."),
        ("PRESIDENTE", "Ne ha facoltà."),
    )
    t = parse("".join(f"{label}{sep} {text}\n" for label, text in lines))
    assert labels(t) == ["PRESIDENTE", "MALAN (FdI)", "PRESIDENTE"]
    assert labels(parse("Anna Petrova: We met OPEC (Vienna): they agreed.\n")) == ["Anna Petrova"]


def test_a_sitting_time_in_square_brackets_and_chairs_of_more_parliaments() -> None:
    t = parse(
        "Presidenten: Møtet er satt.\nJonas Gahr Støre (A) [10:03:12]: President! Takk.\n"
        "Presidenten: Takk.\nErna Solberg (H) [10:05:40]: President!\n"
    )
    assert labels(t) == ["Presidenten", "Jonas Gahr Støre (A) [10:03:12]", "Presidenten", "Erna Solberg (H) [10:05:40]"]
    assert t.turns[1].time == "10:03:12"
    store = next(p for p in t.participants if p.name == "Jonas Gahr Støre")
    assert store.affiliation == "A"
    assert labels(parse("ΠΡΟΕΔΡΕΥΩΝ: Τον λόγο έχει ο κ. Τσίπρας.\nΑΛΕΞΗΣ ΤΣΙΠΡΑΣ: Κύριε Πρόεδρε.\n"))[0] == "ΠΡΟΕΔΡΕΥΩΝ"
    assert labels(parse("PREDSEDAVAJUĆI: Zahvaljujem.\nMARIJAN RISTIČEVIĆ: Hvala.\n"))[0] == "PREDSEDAVAJUĆI"


def test_a_speaker_mark_before_the_label_and_no_separator_after_it() -> None:
    t = parse(
        "第211回国会　衆議院\n○本日の会議に付した案件\n　国務大臣の演説に対する質疑\n"
        "○議長（細田博之君）　これより会議を開きます。\n○泉健太君　立憲民主党の泉健太です。\n"
        "○内閣総理大臣（岸田文雄君）　お答えいたします。\n"
    )
    assert labels(t) == ["議長（細田博之君）", "泉健太君", "内閣総理大臣（岸田文雄君）"]
    assert texts(t)[0] == "これより会議を開きます。"
    assert any("本日の会議に付した案件" in b.text for b in t.preamble)  # a marked heading alone on its line
    korean = parse("◯의장 김진표  개의하겠습니다.\n◯박성중 의원  국민의힘 박성중 의원입니다.\n")
    assert labels(korean) == ["의장 김진표", "박성중 의원"]


def test_caption_speaker_changes_and_time_codes_before_a_label() -> None:
    t = parse(">> Anchor: GOOD EVENING.\n>> Resident: IT WENT UP SO FAST.\n>> Anchor: THANK YOU.\n")
    assert labels(t) == ["Anchor", "Resident", "Anchor"]
    t = parse("[00:00:00] Sarah Kim: Welcome back.\n[00:00:09] David Okafor: Thanks for having me.\n")
    assert labels(t) == ["Sarah Kim", "David Okafor"]
    assert [turn.time for turn in t.turns] == ["00:00:00", "00:00:09"]
    t = parse("Team sync\n\nMaria Lopez  00:00\nLet's start.\n\nTom Becker  00:09\nSure.\n")
    assert labels(t) == ["Maria Lopez", "Tom Becker"] and t.turns[1].time == "00:09"
    assert texts(t) == ["Let's start.", "Sure."]


def test_a_name_alone_on_its_line_with_its_roles_after_double_hyphens() -> None:
    t = parse(
        "Acme Q3 2023 Earnings Call\nPrepared Remarks:\nOperator\nGood day, and welcome.\n"
        "Jane Wu -- Head of Investor Relations\nThank you, operator.\nQuestions & Answers:\n"
        "Brian Park -- Morgan Stanley -- Analyst\nCan you talk about the backlog?\n"
    )
    assert labels(t) == ["Operator", "Jane Wu -- Head of Investor Relations", "Brian Park -- Morgan Stanley -- Analyst"]
    assert next(p for p in t.participants if p.name == "Jane Wu").role == "Head of Investor Relations"


def test_square_brackets_are_slots_and_a_role_after_the_brackets() -> None:
    t = parse(
        "Tuan Yang di-Pertua: Soalan tambahan, Bagan.\nTuan Lim Guan Eng [Bagan]: Terima kasih.\n"
        "Menteri Kewangan II [Dato' Seri Amir Hamzah Azizan]: Tiada cadangan.\nQuestion [Reuters]: Are Allies ready?\n"
        "de Montmollin Simone (RL, GE), pour la commission: La commission vous propose d'adopter l'article.\n"
    )
    assert len(t.turns) == 5
    lim = next(p for p in t.participants if "Tuan Lim Guan Eng [Bagan]" in p.labels)
    assert (lim.name, lim.role) == ("Lim Guan Eng", None)
    assert "Bagan" in (lim.constituency, lim.affiliation)  # a short word: a seat or a party, kept either way
    assert t.turns[3].annotation == "Reuters"


def test_europarl_dash_labels_opened_by_an_article_with_blue_cards() -> None:
    t = parse(
        "La Présidente. – L'ordre du jour appelle le débat.\n"
        "Manfred Weber, au nom du groupe PPE. – Madame la Présidente.\n"
        "Pascal Canfin (Renew), question «carton bleu». – Monsieur Bardella, combien de fois?\n"
        "Die Präsidentin. – Vielen Dank.\n"
        "Josep Borrell Fontelles, Vizepräsident der Kommission/Hoher Vertreter der Union für Außen- und "
        "Sicherheitspolitik. – (EN) Thank you.\n"
    )
    assert labels(t)[:3] == [
        "La Présidente",
        "Manfred Weber, au nom du groupe PPE",
        "Pascal Canfin (Renew), question «carton bleu»",
    ]
    assert t.turns[2].annotation == "question «carton bleu»"
    assert labels(t)[-1].endswith("Außen- und Sicherheitspolitik")


def test_duma_period_labels_a_surname_with_initials_and_the_floor() -> None:
    t = parse(
        "Председательствует Председатель Государственной Думы В. В. Володин\n"
        "Председательствующий. Доброе утро, уважаемые коллеги!\n"
        "Жуков А. Д., первый заместитель Председателя Государственной Думы. Порядок работы у вас.\n"
        "Результат: кворум есть\nПредседательствующий. Пожалуйста, Антон Германович.\n"
        "Силуанов А. Г. Этот вопрос мы обсуждаем.\n"
        "Из зала. Когда?\nПредседательствующий. Коллеги, не мешайте.\n"
    )
    assert t.preamble[0].text.startswith("Председательствует")  # a heading above the chair, not part of its label
    assert labels(t) == [
        "Председательствующий",
        "Жуков А. Д., первый заместитель Председателя Государственной Думы",
        "Председательствующий",
        "Силуанов А. Г.",
        "Из зала",
        "Председательствующий",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr Speaker: Order!\nSome Hon Members: Hear! Hear!\nMr Speaker: Order.\n",
            ["Mr Speaker", "Some Hon Members", "Mr Speaker"],
        ),
        (
            "Le Président: M. le premier ministre.\nM. Legault: Oui.\nDes voix: Bravo!\n",
            ["Le Président", "M. Legault", "Des voix"],
        ),
        (
            "Wang Wenbin: Good afternoon.\nAFP: Can China confirm this?\nWang Wenbin: In due course.\n",
            ["Wang Wenbin", "AFP", "Wang Wenbin"],
        ),
        ("汪文斌：下午好。\n总台央视记者：能否介绍？\n汪文斌：好的。\n", ["汪文斌", "总台央视记者", "汪文斌"]),
        ("Y Llywydd: Diolch.\nGweinidog yr Economi: Diolch, Llywydd.\n", ["Y Llywydd", "Gweinidog yr Economi"]),
    ],
)
def test_collective_speakers_news_outlets_and_offices_of_more_parliaments(text: str, expected: list[str]) -> None:
    assert labels(parse(text)) == expected


def test_answers_after_questions_a_semicolon_typed_for_a_colon_and_a_period_label_before_a_colon() -> None:
    t = parse("Q. Where were you?\n\nA. At home.\n\nQ. Alone?\n\nA. Yes.\n\nQ. Why?\n\nA. I was ill.\n")
    assert labels(t) == ["Q", "A"] * 3
    t = parse(
        "MR. SMITH: Mr. Nixon, your answer.\n\nMR. NIXON: I agree.\n\nMR. SMITH: Senator.\n\n"
        "MR. NIXON; I would say this: that we expect to win.\n\nMR. SMITH. Thank you.\n\n"
        "THE PRESIDENT. I told you the reasons why: because violence is unlawful.\n"
    )
    assert labels(t) == ["MR. SMITH", "MR. NIXON", "MR. SMITH", "MR. NIXON", "MR. SMITH", "THE PRESIDENT"]


def test_a_numbered_agenda_item_with_a_title_is_a_heading_and_no_heading_joins_a_numbered_label() -> None:
    t = parse(
        "Y Llywydd: Y cwestiwn cyntaf gan Sioned Williams.\nTlodi Plant\n"
        "1. Sioned Williams: Pa asesiad y mae'r Prif Weinidog wedi'i wneud? OQ60215\n"
        "Y Prif Weinidog (Mark Drakeford): Diolch yn fawr, Llywydd.\nSioned Williams: Diolch, Prif Weinidog.\n"
        "3. Datganiad gan y Gweinidog Economi: Cynllun Swyddi\nY Dirprwy Lywydd: Eitem 3.\n"
    )
    assert labels(t) == [
        "Y Llywydd",
        "1. Sioned Williams",
        "Y Prif Weinidog (Mark Drakeford)",
        "Sioned Williams",
        "Y Dirprwy Lywydd",
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("―――――――――――――", NoteKind.SEPARATOR),
        ("■1010", NoteKind.TIMESTAMP),
        ("10.55 a.m.", NoteKind.TIMESTAMP),
        ("**Questions and Answers", NoteKind.SECTION),
    ],
)
def test_more_note_lines(line: str, kind: NoteKind) -> None:
    t = parse(f"Mr Speaker: Order.\n{line}\nMr Speaker: Item 4.\n")
    assert labels(t) == ["Mr Speaker", "Mr Speaker"]
    assert any(isinstance(n, Note) and n.kind is kind and n.text == line for n in (*t.body, *t.turns[0].notes))


def test_an_ideographic_space_indents_a_paragraph() -> None:
    t = parse(
        "○泉健太君　立憲民主党の泉健太です。（拍手）\n　まず、物価高騰について伺います。\n"
        "○議長（細田博之君）　馬場伸幸君。\n"
    )
    assert texts(t) == ["立憲民主党の泉健太です。（拍手）", "まず、物価高騰について伺います。", "馬場伸幸君。"]


def test_a_speakers_line_over_the_speech_without_a_separator() -> None:
    """The head lines of blocks, the form printed again and again: a line printed once reads by its shape."""
    t = parse(
        "Národná rada\n3. schôdza\n\n"
        "Raši, Richard, predseda NR SR\nOtváram rokovanie.\nProsím, prezentujme sa.\n\n"
        "Kamenický, Ladislav, minister financií SR\nĎakujem pekne za slovo.\n\n"
        "Raši, Richard, predseda NR SR\nĎakujem, pán minister.\n\n"
        "Hlinka, Jozef, poslanec NR SR\nĎakujem za slovo.\n\n"
        "Raši, Richard, predseda NR SR\nOtváram rozpravu.\n"
    )
    assert labels(t) == [
        "Raši, Richard, predseda NR SR",
        "Kamenický, Ladislav, minister financií SR",
        "Raši, Richard, predseda NR SR",
        "Hlinka, Jozef, poslanec NR SR",
        "Raši, Richard, predseda NR SR",
    ]
    assert " ".join(texts(t)).startswith("Otváram rokovanie. Prosím, prezentujme sa. Ďakujem pekne za slovo.")
    briefing = parse(
        "Midday briefing\n\nEric Mamer, Chief Spokesperson\nGood afternoon.\n\n"
        "Question – Jorge Valero, Bloomberg\nWill there be an agreement?\n\n"
        "Eric Mamer\nI will not pre-empt it.\n\nQuestion – Lili Bayer, Politico\nAnd on steel?\n\n"
        "Eric Mamer\nTalks continue.\n"
    )
    assert labels(briefing)[:3] == [
        "Eric Mamer, Chief Spokesperson",
        "Question – Jorge Valero, Bloomberg",
        "Eric Mamer",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Twice is a heading the document repeats, not a convention.
        "Budget\nThe debate opens.\n\nBudget\nThe debate goes on.\n",
        # A document whose labels have colons: a recurring head line is a heading among them.
        "Anna Petrova: Hello.\nBoris Ivanov: Hi.\nAnna Petrova: Next.\nBoris Ivanov: Yes.\n\n"
        "Agenda item\nWe move on.\n\nAgenda item\nWe move on again.\n\nAgenda item\nAnd again.\n",
    ],
)
def test_head_lines_need_a_document_that_prints_them_as_its_labels(text: str) -> None:
    heads = {"Budget", "Agenda item"}
    assert not heads & set(labels(parse(text)))


def test_a_dash_against_the_label_is_a_mark_and_a_roman_numeral_is_no_speaker() -> None:
    t = parse(
        "I - ABERTURA DA SESSÃO\n-El Presidente Senador Alejandro Armenta Mier: Se abre la sesión.\n"
        "II - LEITURA DA ATA\n-La Secretaria Senadora Verónica Camino: Hay quórum.\n"
        "-El Presidente Senador Alejandro Armenta Mier: Gracias.\n"
    )
    assert labels(t) == [
        "El Presidente Senador Alejandro Armenta Mier",
        "La Secretaria Senadora Verónica Camino",
        "El Presidente Senador Alejandro Armenta Mier",
    ]


def test_a_full_stop_and_a_dash_close_the_label_before_a_colon_in_the_speech() -> None:
    t = parse(
        "Sra. Presidenta (Moreau).- Tiene la palabra el señor diputado.\n"
        "Sr. Ritondo.- Señora presidenta: planteo una cuestión de privilegio.\n"
        "Mme Yuriko Backes, Ministre des Finances.- Merci. Une chose: la dette baisse.\n"
        "Sra. Presidenta (Moreau).- Pasa a la comisión.\n"
    )
    assert labels(t) == [
        "Sra. Presidenta (Moreau)",
        "Sr. Ritondo",
        "Mme Yuriko Backes, Ministre des Finances",
        "Sra. Presidenta (Moreau)",
    ]
    assert texts(t)[1] == "Señora presidenta: planteo una cuestión de privilegio."
    # Initials joined by a hyphen are no separator; one dash in prose opens no turn.
    t = parse("M. J.-P. Martin: Merci.\nAnna Petrova: Le plan.- Il a dit: non.\n")
    assert labels(t) == ["M. J.-P. Martin", "Anna Petrova"]


def test_a_long_office_after_a_comma_closed_by_a_full_stop() -> None:
    t = parse(
        "M. le président. La parole est à M. le ministre.\n"
        "M. Olivier Dussopt, ministre du travail, du plein emploi et de l'insertion. Monsieur le président, non.\n"
        "M. Patrick Kanner. C'est faux !\n"
        "M. le président. La parole est à M. Kanner.\n"
    )
    assert labels(t)[1] == "M. Olivier Dussopt, ministre du travail, du plein emploi et de l'insertion"
    assert texts(t)[1] == "Monsieur le président, non."
    # Clauses after a name are a sentence, not an office.
    t = parse("Anna Petrova: Hello.\nMr. Smith, you know, we said that. And then we left.\nAnna Petrova: Yes.\n")
    assert labels(t) == ["Anna Petrova", "Anna Petrova"]


def test_a_role_after_a_spaced_dash_in_a_label_alone_on_its_line() -> None:
    t = parse(
        "Domnul Nicolae Ciucă: Bună ziua.\n"
        "Domnul Ion Popescu – secretar de stat, Ministerul Dezvoltării, Lucrărilor Publice și Administrației:\n"
        "Mulțumesc, domnule președinte.\n"
        "Domnul Nicolae Ciucă: Mulțumesc.\n"
    )
    assert labels(t) == [
        "Domnul Nicolae Ciucă",
        "Domnul Ion Popescu – secretar de stat, Ministerul Dezvoltării, Lucrărilor Publice și Administrației",
        "Domnul Nicolae Ciucă",
    ]
    assert texts(t)[1] == "Mulțumesc, domnule președinte."
    # A sentence with a dash before its colon is no label.
    t = parse("Anna Petrova: Hello.\nOur plan – as we said, prices first:\nAnna Petrova: Yes.\n")
    assert labels(t) == ["Anna Petrova", "Anna Petrova"]


def test_offices_joined_by_semicolons_and_labels_in_devanagari() -> None:
    t = parse(
        "MR. CHAIRMAN: Question No. 91.\n"
        "श्री राम नाथ ठाकुर: उपसभापति महोदय, मेरा प्रश्न है।\n"
        "THE MINISTER OF RAILWAYS; AND THE MINISTER OF COMMUNICATIONS (SHRI ASHWINI VAISHNAW): Sir, a statement.\n"
        "श्री उपसभापति: धन्यवाद।\n"
        "MR. CHAIRMAN: Thank you.\n"
    )
    assert labels(t) == [
        "MR. CHAIRMAN",
        "श्री राम नाथ ठाकुर",
        "THE MINISTER OF RAILWAYS; AND THE MINISTER OF COMMUNICATIONS (SHRI ASHWINI VAISHNAW)",
        "श्री उपसभापति",
        "MR. CHAIRMAN",
    ]
    # A semicolon typed for a colon still closes a known name; a sentence after it is no office.
    t = parse("MR. NIXON: Yes.\nMR. NIXON; I would say this: no.\nMR. FROST: Why?\nTHE PLAN; we did this: fine.\n")
    assert labels(t) == ["MR. NIXON", "MR. NIXON", "MR. FROST"]


def test_speakers_by_initials_defined_in_a_key() -> None:
    t = parse(
        "Press conference\n"
        "Speaker key:\n"
        "CL Christian Lindmeier\n"
        "TAG Dr Tedros Adhanom Ghebreyesus\n"
        "\n"
        "CL Welcome. Dr Tedros, the floor is yours.\n"
        "TAG Thank you, Christian.\n"
        "WHO published new guidance this week.\n"
        "CL Thank you.\n"
    )
    assert labels(t) == ["CL", "TAG", "CL"]
    assert texts(t)[:2] == ["Welcome. Dr Tedros, the floor is yours.", "Thank you, Christian."]
    assert {p.labels[0]: p.name for p in t.participants}["TAG"] == "Tedros Adhanom Ghebreyesus"
    # A code before words in lower case opens no speech: "CL members agreed" is a sentence.
    t = parse(
        "Speaker key:\nCL Christian Lindmeier\nTAG Dr Tedros Adhanom Ghebreyesus\n\nCL Welcome.\nCL members agreed.\n"
    )
    assert labels(t) == ["CL"] and texts(t) == ["Welcome.", "CL members agreed."]
    # Without a key, a word in capitals at a line start is the speech's; nor is one line like a key a key.
    # Nor is a glossary of offices a key (they name nobody).
    t = parse(
        "PM Prime Minister\nFM Foreign Minister\n\nAnna Petrova: Hello.\nPM Modi spoke today.\nAnna Petrova: Yes.\n"
    )
    assert labels(t) == ["Anna Petrova", "Anna Petrova"]
    for head in ("", "UN Security Council\n\n", "CL Christian Lindmeier\n\n"):
        t = parse(head + "Anna Petrova: Hello.\nCL Welcome to the UN.\nTAG Thank you.\nAnna Petrova: Yes.\n")
        assert labels(t) == ["Anna Petrova", "Anna Petrova"], head


def test_a_bilingual_head_line_printed_once_reads_by_its_shape_its_bracketed_words_as_slots() -> None:
    once = "ගරු සජිත් ප්‍රේමදාස මහතා (විපක්ෂ නායකතුමා) (The Hon. Sajith Premadasa - Leader of the Opposition in Parliament)"
    t = parse(
        "PARLIAMENT\n\n"
        "ගරු කථානායකතුමා (The Hon. Speaker)\nHon. Members, we begin.\n\n"
        "ගරු දිනේෂ් මහතා (අග්‍රාමාත්‍යතුමා) (The Hon. Dinesh Gunawardena - Prime Minister)\nI present the report.\n\n"
        "ගරු කථානායකතුමා (The Hon. Speaker)\nNext.\n\n"
        "ගරු දිනේෂ් මහතා (අග්‍රාමාත්‍යතුමා) (The Hon. Dinesh Gunawardena - Prime Minister)\nI move.\n\n"
        f"{once}\nI rise to a point of Order.\n\n"
        "ගරු කථානායකතුමා (The Hon. Speaker)\nThat is not a point of Order.\n"
    )
    assert labels(t)[4] == once
    assert texts(t)[4] == "I rise to a point of Order."
    # A long line of prose over a block stays text, brackets or not.
    prose = (
        "The House then resumed the debate on the motion (moved by the Leader) after a short adjournment of the sitting"
    )
    t = parse(
        "PARLIAMENT\n\nගරු කථානායකතුමා (The Hon. Speaker)\nWe begin.\n\nගරු කථානායකතුමා (The Hon. Speaker)\nNext.\n\n"
        f"{prose}\nAnd so it went.\n\nගරු කථානායකතුමා (The Hon. Speaker)\nDone.\n"
    )
    assert prose not in labels(t)


def _numbered_page(lines: list[str]) -> str:
    return "".join(f"{n:>2}     {line}\n" for n, line in enumerate(lines, 1))


def test_pages_of_numbered_lines_and_an_examinations_questions_and_answers() -> None:
    page = [
        "     MR. HALE:  Thomas Hale for the plaintiff.",
        "     Q.   Good morning, Mr. Ortiz. Could you state",
        "your full name for the record?",
        "     A.   Daniel James Ortiz.",
        "     Q.   And where are you employed?",
        "     A.   Northgate Freight Systems, in the Chelsea",
        "yard.",
        "     Q.   What is your position there?",
        "     A.   Yard supervisor.",
        "     MS. PRICE:  Objection. Form.",
    ]
    text = "Page 1\n" + _numbered_page(page * 2 + [""] * 5)
    t = parse(text)
    assert labels(t)[:5] == ["MR. HALE", "Q", "A", "Q", "A"]
    assert texts(t)[1] == "Good morning, Mr. Ortiz. Could you state your full name for the record?"
    assert not any(word.isdigit() for p in texts(t) for word in p.split())
    assert t.diagnostics[0].code == "line-numbers" and t.diagnostics[0].line == 2
    # A numbered list is no page of numbered lines, and a lone "A." opens no answer.
    t = parse("Anna Petrova: Two points.\n" + "".join(f"{n}. Point {n} of the plan.\n" for n in range(1, 30)))
    assert labels(t) == ["Anna Petrova"] and texts(t)[1] == "1. Point 1 of the plan."
    t = parse("Anna Petrova: Hello.\nQ. Is that so?\nA. Lincoln said it first.\nAnna Petrova: Yes.\n")
    assert labels(t) == ["Anna Petrova", "Anna Petrova"]


def _icc_page(number: int, rows: list[tuple[str, str]]) -> str:
    """A page as the ICC prints it: two lines of head, then numbered lines with a time now and then."""
    head = f"ICC-01/14-02/22-T-061-ENG ET WT 14-03-2024 {number}/40 T\nTrial Hearing (Open Session)      WITNESS: P-1\n"
    return head + "".join(f"{time:<8}  {n:>2}  {line}\n" for n, (time, line) in enumerate(rows, 1))


def test_a_margin_of_times_and_line_numbers_and_page_heads_are_the_pages_layout() -> None:
    rows = [
        ("09:31:12", "THE COURT USHER: All rise. The International Criminal Court"),
        ("", "    is now in session. Please be seated."),
        ("09:31:20", "PRESIDING JUDGE SOLHEIM: Good morning, everyone. Court"),
        ("", "    officer, please call the case."),
        ("09:32:10", "Q. Good morning, Mr Witness. Can you describe the vehicles?"),
        ("", "A. (Interpretation) One was a white pick-up, a Toyota."),
        ("", "Q. Did you see any markings on either vehicle?"),
        ("09:33:40", "A. (Interpretation) On the green one, yes. On the door there"),
        ("", "    was a drawing, like a bird."),
        ("", "Q. Where were you exactly?"),
        ("", "A. (Interpretation) Behind the stall of my cousin."),
    ]
    last = [("09:35:11", "MS VARGA: Thank you. I remind you that you"), ("", "    are still bound by the")]
    t = parse(_icc_page(1, rows + [("", "")] * 12 + last) + _icc_page(2, [("", "    solemn undertaking you gave.")]))
    assert labels(t)[:4] == ["THE COURT USHER", "PRESIDING JUDGE SOLHEIM", "Q", "A"]
    assert labels(t)[-1] == "MS VARGA"
    # The page head is a page note, not words of the sentence that runs over the page.
    assert texts(t)[-1] == "Thank you. I remind you that you are still bound by the solemn undertaking you gave."
    assert not any(":" in word or word.isdigit() for p in texts(t) for word in p.split())
    # A time at the start of a line that is no margin (a podcast's clock before a name) stays a turn's time.
    t = parse("".join(f"00:0{n}:1{n} Speaker {n % 2 + 1}: Line {n} of the talk.\n" for n in range(1, 10)))
    assert labels(t)[:2] == ["Speaker 2", "Speaker 1"] and t.turns[0].time == "00:01:11"


_ANSWERS_A_LINE = (
    "Spokesperson: The Forum produced a list of 458 outcomes.\n"
    "This fully shows that the cooperation is in keeping with the times.\n"
    "AFP: What is your response to the tensions at sea this week? Can you confirm the report?\n"
    "Spokesperson: Our position on the matter is consistent and clear.\n"
    "We urge all the parties to stop their provocations at once.\n"
    "Reuters: A follow-up question. Will the two sides hold bilateral consultations soon?\n"
    "Spokesperson: We are always committed to handling differences through dialogue and consultation.\n"
    "CCTV: The expo opened in the city yesterday. What message does it send to the world?\n"
    "Spokesperson: The expo shows that our door will only open wider.\n"
    "We welcome companies from all countries to take part.\n"
)


def test_lines_of_a_wrap_bands_length_that_end_sentences_are_whole_paragraphs() -> None:
    t = parse(_ANSWERS_A_LINE)
    assert [len(turn.paragraphs) for turn in t.turns] == [2, 1, 2, 1, 1, 1, 2]
    # A text wrapped at the band's width breaks inside sentences: its lines are joined.
    words = [word for word in _ANSWERS_A_LINE.split() if not word.endswith(":")]
    wrapped, line = [], "Anna Petrova:"
    for word in words:
        if len(line) + 1 + len(word) > 60:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    t = parse("\n".join([*wrapped, line]) + "\n")
    assert labels(t) == ["Anna Petrova"] and len(t.turns[0].paragraphs) == 1


def test_a_record_of_blank_line_blocks_with_no_wrap_prints_a_paragraph_a_line() -> None:
    block = (
        "Spokesperson Seheli Sabrin:\n"
        "Good morning. Welcome to today's weekly briefing.\n"
        "I will begin with the visit of the Foreign Minister to New York, where he will lead the delegation.\n"
        "Now I will take your questions.\n\n"
        "Question (Mohammad Rahman, Channel 24):\n"
        "Will the Prime Minister meet the US President on the sidelines of the General Assembly?\n\n"
    )
    t = parse("Weekly briefing\n\n" + block * 3)
    assert [len(turn.paragraphs) for turn in t.turns] == [3, 1] * 3
    # Blocks wrapped at a width join their lines: a break inside a sentence is the wrap's.
    wrapped = (
        "Spokesperson Seheli Sabrin:\n"
        "Good morning and welcome to the weekly briefing. I will begin\n"
        "with the visit of the Foreign Minister to New York, where he\n"
        "will lead the delegation to the General Assembly this week.\n\n"
        "Question (Mohammad Rahman, Channel 24):\n"
        "Will the Prime Minister meet the US President on the sidelines\n"
        "of the General Assembly, and will trade be on the agenda there?\n\n"
    )
    t = parse("Weekly briefing\n\n" + wrapped * 3)
    assert [len(turn.paragraphs) for turn in t.turns] == [1, 1] * 3


def test_a_quotation_opened_low_closes_its_sentence_with_a_high_quote() -> None:
    lines = [
        "Präsident Dr. Andreas Khol: Ich lege dem Hohen Haus nun folgenden Antrag zur Beschlussfassung vor:",
        "„Der Herr Bundespräsident wird ersucht, die Tagung mit Ablauf des 12. Juli für beendet zu erklären.“",
        "Ich bitte jene Damen und Herren, die diesem Antrag ihre Zustimmung geben, um ein Zeichen. – Angenommen.",
        "„Der Präsident legt im Einvernehmen mit den Fraktionen folgenden Antrag vor, den wir gefasst haben.“",
        "Werden gegen dieses Protokoll Einwendungen erhoben? – Das ist nicht der Fall. Danke vielmals dafür.",
    ]
    t = parse("\n".join(lines * 2) + "\n")
    assert [len(turn.paragraphs) for turn in t.turns] == [5, 5]
    # An English line ending with an opening quote goes on: “ opens a quotation where none opened low.
    from stenogram.parse.reflow import ends_sentence

    assert ends_sentence("erklären.“") is False and ends_sentence("„Der Antrag ist angenommen.“")
    assert not ends_sentence("He said it plainly. Then he added, “")


def test_in_a_text_with_no_hard_wrap_a_break_before_a_capital_ends_a_paragraph() -> None:
    lines = [
        (
            "Präsidentin Doris Bures: Wir kommen zur Abstimmung über die Anträge der Abgeordneten"
            " Muchitsch, Wöginger, Kolleginnen und Kollegen auf Fristsetzung."
        ),
        (
            "Weiters weise ich den Antrag 907/A dem Ausschuss für Bauten zu, den Antrag 908/A dem"
            " Außenpolitischen Ausschuss und den Antrag 909/A dem Ausschuss für Land- und Forstwirtschaft"
        ),
        "Den Antrag 910/A weise ich dem Justizausschuss zu.",
        (
            "Wer sich dafür ausspricht, den bitte ich um ein Zeichen. – Das ist mit Mehrheit angenommen,"
            " und ich danke allen Fraktionen für die konstruktive Zusammenarbeit in dieser Frage"
        ),
        "Abstimmung über Fristsetzungsanträge",
        (
            "Wir gelangen zur Abstimmung über den Fristsetzungsantrag der Abgeordneten Keck, Auer, Eßl und"
            " Mag. Loacker, dem Ausschuss für Arbeit und Soziales zur Berichterstattung eine Frist bis zum"
            " 25. September"
        ),
        "zu setzen, wie er soeben verlesen wurde.",
        "Wer spricht sich hierfür aus? – Das ist einstimmig angenommen.",
        (
            "Ich unterbreche nunmehr die Sitzung bis zum Aufruf der Dringlichen Anfrage um 15 Uhr und"
            " ersuche die Damen und Herren, pünktlich wieder im Saal zu sein"
        ),
        "Die Sitzung ist unterbrochen.",
    ]
    t = parse("\n".join(lines) + "\n")
    firsts = [p.text.split()[0] for p in t.turns[0].paragraphs]
    assert firsts == ["Wir", "Weiters", "Den", "Wer", "Abstimmung", "Wir", "Wer", "Ich", "Die"]
    # The line that goes on in lower case ("zu setzen, …") is the same paragraph's.
    assert t.turns[0].paragraphs[5].text.endswith("bis zum 25. September zu setzen, wie er soeben verlesen wurde.")


def test_a_label_right_under_an_agenda_items_heading_in_a_record_of_blank_line_blocks() -> None:
    t = parse(
        "Compte rendu in extenso des débats\n\n"
        "2. Débat sur l'état de l'Union (débat)\n"
        "La Présidente. – L'ordre du jour appelle le débat sur l'état de l'Union.\n"
        "Je donne la parole à la présidente de la Commission.\n\n"
        "Ursula von der Leyen, présidente de la Commission. – Madame la Présidente, merci.\n\n"
        "La Présidente. – Merci.\n\n"
        "Manfred Weber, au nom du groupe PPE. – Madame la Présidente, chère Ursula.\n"
    )
    assert labels(t)[0] == "La Présidente"
    assert any("2. Débat" in block.text for block in t.preamble)
    # A numbered line that is a sentence heads no block: the line under it goes on.
    t = parse(
        "Sitting\n\nThe PRESIDENT. We turn to the list.\n"
        "2. We will ask the committee to report.\nMr. SMITH. said it first.\n\n"
        "The PRESIDENT. Order.\n\nMr. JONES. Yes.\n"
    )
    assert labels(t) == ["The PRESIDENT", "The PRESIDENT", "Mr. JONES"]


def test_german_and_french_lead_ins_with_a_colon_are_sentences_not_labels() -> None:
    t = parse(
        "Präsident Karlheinz Kopf: Zu Wort gelangt Herr Abgeordneter Rauch. – Bitte.\n"
        "Abgeordneter Walter Rauch (FPÖ): Herr Präsident! Hohes Haus!\n"
        "Verzeihen Sie, wenn ich das ganz offen sage: Das ist zu wenig.\n"
        "Kurz noch zu Tagesordnungspunkt 13: Wir stimmen nicht zu.\n"
        "Mein Schlusssatz: Danke.\n"
        "Präsident Karlheinz Kopf: Nächster Redner ist Herr Abgeordneter Plessl.\n"
        "M. le ministre, ce que je vous dis: non.\n"
    )
    assert labels(t) == ["Präsident Karlheinz Kopf", "Abgeordneter Walter Rauch (FPÖ)", "Präsident Karlheinz Kopf"]
    assert texts(t)[2].startswith("Verzeihen Sie, wenn ich das ganz offen sage: Das ist zu wenig.")
    # Offices in lower case stay labels.
    t = parse("Ministeren for ligestilling (Marie Bjerre): Tak.\nFormanden: Tak.\nMme la présidente: Merci.\n")
    assert labels(t) == ["Ministeren for ligestilling (Marie Bjerre)", "Formanden", "Mme la présidente"]


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_a_label_in_square_brackets_opens_a_turn_and_a_bracketed_stage_direction_does_not(sep: str) -> None:
    # Tokyo's press announcements: the brackets are the separator. Blank-line blocks and running lines alike.
    text = sep.join(
        [
            "Joint Press Announcement",
            "[Provisional translation]",
            "[Moderator] We will now begin the joint press announcement.",
            "[Prime Minister Takeda] It is a great pleasure to welcome the President.",
            "[Applause] Thank you. Next year we meet in Manila.",
            "[inaudible] and the railway, which is being built.",
            "[President Reyes] Thank you, Prime Minister.",
        ]
    )
    t = parse(text + "\n")
    assert labels(t) == ["Moderator", "Prime Minister Takeda", "President Reyes"]
    assert texts(t)[0] == "We will now begin the joint press announcement."
    takeda = " ".join(p.text for p in t.turns[1].paragraphs)
    assert "[Applause] Thank you." in takeda and "[inaudible] and the railway" in takeda
    assert "[Provisional translation]" not in " ".join(texts(t))


def test_speakers_lines_with_no_blank_line_between_turns_and_a_heading_alone_on_its_line() -> None:
    # Barcelona's Diari de Sessions: the speaker alone on a line, the speech on the lines below, no blank line
    # between turns. A name printed once is read when the document's head lines are plain ones like it.
    t = parse(
        "DIARI DE SESSIONS\n\nEl president\nBon dia. Es reprèn la sessió.\n\n"
        "Pregunta al Govern sobre el servei de Rodalies\n310-00182/15\n\n"
        "El president\nFormula la pregunta la diputada.\nNúria Puigdollers i Serra\nGràcies, president.\n"
        "Vostès ens van dir que tot canviaria.\n(Aplaudiments.)\nEl president\nConsellera.\n"
        "La consellera de Territori, Habitatge i Transició Ecològica\nGràcies, president.\n"
        "El president\nConsellera.\nLa consellera de Territori, Habitatge i Transició Ecològica\nDiputada, gràcies.\n"
        "El president\nTé la paraula el diputat.\nAlbert Ribas Montoliu\nGràcies, president.\n"
        "Propostes concretes per al país\nMoltes gràcies.\nEl president\nGràcies.\n"
    )
    assert labels(t) == [
        "El president",
        "El president",
        "Núria Puigdollers i Serra",
        "El president",
        "La consellera de Territori, Habitatge i Transició Ecològica",
        "El president",
        "La consellera de Territori, Habitatge i Transició Ecològica",
        "El president",
        "Albert Ribas Montoliu",
        "El president",
    ]
    assert "Vostès ens van dir que tot canviaria." in texts(t)
    # A heading alone on its line, printed once (a title's lower-case words), is no speaker's line.
    assert "Propostes concretes per al país" in texts(t)


def test_short_lines_after_sentences_are_no_speakers_lines_in_a_document_of_colon_labels() -> None:
    t = parse(
        "Anna Petrova: Hello.\nBudget Committee\nWe open.\nBoris Ivanov: Hi.\nBudget Committee\nWe go on.\n"
        "Anna Petrova: Next.\nBudget Committee\nAnd again.\nBoris Ivanov: Yes.\n"
    )
    assert labels(t) == ["Anna Petrova", "Boris Ivanov", "Anna Petrova", "Boris Ivanov"]


def test_a_hard_wrapped_sentence_and_a_wrapped_label_are_no_head_lines() -> None:
    # A wrap after a full stop leaves a short line that goes on in lower case below, or a label's first name
    # above its surname and colon; printed again and again, neither is a speaker's line.
    turn = (
        "Lionel\nBarber: A question on oil, Mr President.\nVladimir\nPutin: We discussed it at length today.\n"
        "Therefore, we will not\nhurry with the decision.\n"
    )
    t = parse(turn * 3)
    assert labels(t) == ["Lionel Barber", "Vladimir Putin"] * 3
    assert texts(t)[1] == "We discussed it at length today. Therefore, we will not hurry with the decision."


def test_a_question_asked_in_the_askers_name_with_the_seat_in_brackets() -> None:
    # Zambia's Hansard: no number, no separator, the seat in brackets, printed once. Without the seat, a
    # sentence that opens with a name and "asked the" is no label where the document prints no other such line.
    answer = "The Minister of Health (Ms Mwansa): Mr Speaker, in the third quarter.\n\nMr Sitali: When exactly?\n"
    t = parse(
        "QUESTIONS FOR ORAL ANSWER\n\nMr Sitali (Mitete) asked the Minister of Health when the works will resume."
        "\n\n" + answer
    )
    assert labels(t) == ["Mr Sitali (Mitete)", "The Minister of Health (Ms Mwansa)", "Mr Sitali"]
    assert texts(t)[0] == "asked the Minister of Health when the works will resume."
    t = parse("Mr Sitali: A point.\n\nThe Prime Minister asked the Minister of Health to report on it.\n\n" + answer)
    assert labels(t) == ["Mr Sitali", "The Minister of Health (Ms Mwansa)", "Mr Sitali"]


def test_a_masthead_of_topics_and_a_speaker_with_an_office_is_preamble() -> None:
    t = parse(
        "TRANSCRIPT\nRADIO INTERVIEW\n\nSUBJECTS: Labour force figures; Reserve Bank; housing\n\n"
        "Speaker: Folasade Adeyemi, Director, Communications Department\n\n"
        "SALLY NGUYEN, HOST: Welcome back.\n\nDANIEL WHITCOMBE, TREASURER: Thanks, Sally.\n\n"
        "SALLY NGUYEN, HOST: Housing?\n"
    )
    assert labels(t) == ["SALLY NGUYEN, HOST", "DANIEL WHITCOMBE, TREASURER", "SALLY NGUYEN, HOST"]
    assert "SUBJECTS: Labour force figures; Reserve Bank; housing" in [p.text for p in t.preamble]
    # A first label followed by a name and a sentence is the first turn, not a field.
    t = parse("Anna Petrova: Boris Ivanov, welcome to the show\nBoris Ivanov: Thanks.\nAnna Petrova: So?\n")
    assert labels(t) == ["Anna Petrova", "Boris Ivanov", "Anna Petrova"]


def test_a_surname_in_capitals_printed_once_is_a_label_where_the_chair_calls_it_just_above() -> None:
    # Nebraska's Unicameral: "PRIEBE:" once, right after "Senator Priebe, you're recognized".
    chair = "PRESIDENT HALVORSEN: Thank you. Senator Priebe, you're recognized.\n\n"
    t = parse(chair + "PRIEBE: Thank you, Mr. President.\n\nPRESIDENT HALVORSEN: Thank you.\n")
    assert labels(t) == ["PRESIDENT HALVORSEN", "PRIEBE", "PRESIDENT HALVORSEN"]
    # Named without a title, or not right above, a lone word in capitals stays text.
    t = parse(
        "PRESIDENT HALVORSEN: Thank you. Priebe will speak later.\n\nPRIEBE: Thank you.\n\n"
        "PRESIDENT HALVORSEN: Thank you.\n"
    )
    assert labels(t) == ["PRESIDENT HALVORSEN", "PRESIDENT HALVORSEN"]


def test_a_german_topic_lead_in_is_no_label() -> None:
    t = parse(
        "Vorsitzende Hübner: Ich eröffne die Pressekonferenz.\n\nSRS'in Brandt: Guten Tag.\n\n"
        "Zu den Terminen der Bundeskanzlerin: Am Freitag reist sie nach München.\n\n"
        "Frage: Frau Brandt, wann?\n\nSRS'in Brandt: Am Freitag.\n\nFrage: Und wo?\n\nSRS'in Brandt: In München.\n\n"
        "Frage: Mit wem?\n"
    )
    assert labels(t) == ["Vorsitzende Hübner", "SRS'in Brandt"] + ["Frage", "SRS'in Brandt"] * 2 + ["Frage"]


def test_a_contact_line_after_the_records_end_mark_is_no_turn() -> None:
    body = "MS. ADEYEMI: Good morning.\n\nQUESTION: A question on Ghana.\n\nMS. ADEYEMI: An answer.\n\n* * * * *\n\n"
    t = parse(body + "PRESS OFFICER: Kwame Osei\nPhone: +1 202 623-7100\n")
    assert labels(t) == ["MS. ADEYEMI", "QUESTION", "MS. ADEYEMI"]
    # After the mark, a label with a sentence is a speech.
    t = parse(body + "QUESTION: One more, please.\n")
    assert labels(t) == ["MS. ADEYEMI", "QUESTION", "MS. ADEYEMI", "QUESTION"]
