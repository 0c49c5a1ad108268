"""Properties of the grammar over generated input: no word lost, no crash, spans inside the text."""

from __future__ import annotations

import random
import re
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st
from repo_shared import skip_unless_shared

import stenogram
from stenogram.errors import StenogramError
from stenogram.model import Note, NoteKind, Paragraph, Transcript, Turn
from stenogram.parse import labels, reflow
from stenogram.parse import lines as line_table
from stenogram.parse.build import build_transcript
from stenogram.parse.options import ParseOptions
from stenogram.parse.reflow import WEIGHTS, break_score, features, join_lines
from stenogram.text import words

OPTIONS = ParseOptions()

# Lines built from the pieces transcripts are made of, so that labels, notes,
# wraps and blank lines meet each other in every order.
_PIECES = st.sampled_from(
    [
        "Vladimir Putin:",
        "President of Russia Vladimir Putin: Good afternoon,",
        "Prime Minister Mikhail",
        "Mishustin: Mr",
        "Question (retranslated):",
        "Q",
        "Q    Thank you.",
        "PRESIDENT LÓPEZ OBRADOR:  (As interpreted.)  We are happy.",
        "PRIME MINISTER MODI: (Speaks Hindi.) (Applause.)",
        "(The Minister went on",
        "to talk about repairs.)",
        "The meeting was attended by",
        "THE PRESIDENT. Yes.",
        "主席：",
        "Михаил Мишустин: Добрый день.",
        "(Applause.)",
        "* * *",
        "<…>",
        "Part 1. The Kremlin, Moscow, March 1, 2018",
        "Excerpts from the transcript:",
        "[crosstalk 00:07:53]",
        "\\[senior official\\]",
        "Mr Smailov, there is one thing: the timing.",
        "January 21, 2020",
        "17:40",
        "3452",
        "Mr BARTON - I move-",
        "Senator SMITH.-I move.",
        "Ms WORTH—I move:",
        "The CHAIRMAN (Mr Scholes -The question is:",
        "Mr GREGORY asked the Minister, upon notice -",
        "Senator Sir WILLIAM GLASGOW [10.19]. - I move.",
        "Ms SMITH (Northtown—Minister for Transport) (14:03): I rise.",
        "The Chair (Hon. Ann Roe (Riverside—Hills, Lib.)): Order.",
        "Abgeordnete Dr. Eva Muster(ÖVP): Danke.",
        "Some hon. members: Agreed.",
        "Opposition members interjecting—",
        "Einlauf und Zuweisungen",
        "HANSARD STAFF: TYPISTS",
        "(1) This section applies.",
        "1. Ruth Jones (Newport West) (Lab): What steps",
        "Q1. [905432] Sir Keir Starmer (Holborn) (Lab): If he will",
        "  Mr. SMITH of Texas. Mr. Speaker, I yield.",
        "  The SPEAKER pro tempore. Without objection.",
        "    Senator Cruz. Thank you.",
        "    The Chairwoman. Senator Moran.",
        "President. – The next item.",
        "Manfred Weber, on behalf of the PPE Group. – (DE) Madam President,",
        "Mme la présidente. La parole est à M. Éric Ciotti.",
        "La señora PRESIDENTA: Se abre la sesión.",
        "Speaker: The Honourable Anthony Rota",
        "MEMBERS PRESENT:",
        "The President (spoke in French): Thank you.",
        "○議長（細田博之君）\u3000これより会議を開きます。",
        "◯의장 김진표  개의하겠습니다.",
        ">> ANNA PETROVA: Good evening.",
        "[00:01:23] Anna Petrova: Hi.",
        "Jane Wu  00:09",
        "Operator",
        "Jane Wu -- Head of Investor Relations",
        "La Présidente. – La séance est ouverte.",
        "Жуков А. Д. Уважаемые коллеги!",
        "",
        " ",
        "\u00a0",
    ]
)
_LINE = st.one_of(_PIECES, st.text(max_size=90), st.text(alphabet="abc ABC.,:;()[]<>*-\u00a0\u4e00\t", max_size=90))


def _model_text(t: Transcript, skip: NoteKind | None = None, source: str | None = None) -> list[str]:
    """Every piece of text of the model, in document order (notes of kind ``skip`` left out)."""
    out: list[str] = []

    def block(b: Paragraph | Note) -> None:
        if not (isinstance(b, Note) and b.kind is skip):
            out.append(b.text)

    for b in t.preamble:
        block(b)
    for item in t.body:
        if isinstance(item, Turn):
            out.append(item.label)
            if item.annotation and item.annotation not in item.label:
                out.append(item.annotation)  # "(As interpreted.)" after the colon
            if item.time and item.time not in item.label:
                # "[00:01:23] Name:": the time code before the label; "Jane Wu  00:09": after it.
                first = source is None or item.span is None
                if not first:
                    assert source is not None and item.span is not None
                    label_at = source.find(item.label, item.span.start)
                    line_at = source.rfind("\n", 0, label_at) + 1
                    first = source.find(item.time, line_at, label_at) >= 0  # on the label's line, before it
                out.insert(len(out) - 1 if first else len(out), item.time)
            for c in item.content:
                block(c)
        else:
            block(item)
    return out


def _letters(text: str) -> str:
    """The words' characters run together: tolerant of re-segmentation ("a\\-b" -> "a-b"), not of loss."""
    return "".join("".join(words(text)).split("-"))


def _check_no_word_lost(text: str, start: int = 0) -> Transcript:
    """Every word in order; page furniture inside a paragraph is taken out of it and kept as PAGE notes after it.

    So the comparison takes each PAGE note's source stretch out of the text and
    checks that the note holds those words.
    """
    t = build_transcript(text, start=start, options=OPTIONS)
    pages = [b for b in _blocks(t) if isinstance(b, Note) and b.kind is NoteKind.PAGE]
    source, pos = [], start
    for note in sorted(pages, key=lambda n: n.span.start if n.span else 0):
        assert note.span is not None
        assert _letters(note.text) == _letters(text[note.span.start : note.span.end])
        source.append(text[pos : note.span.start])
        pos = note.span.end
    source.append(text[pos:])
    got = "".join(_letters(piece) for piece in _model_text(t, skip=NoteKind.PAGE, source=text))
    assert got == _letters("".join(source))
    return t


def _blocks(t: Transcript) -> list[Paragraph | Note]:
    return [*t.preamble, *(b for item in t.body for b in (item.content if isinstance(item, Turn) else (item,)))]


@settings(max_examples=100, deadline=None)
@given(st.lists(_LINE, max_size=30))
# A note after a section heading (which closes the turn) went to the preamble, ahead of the heading.
@example(["Vladimir Putin:", "A000", "(Applause.)", "Vladimir Putin:"])
def test_no_word_is_lost_and_order_is_kept(lines: list[str]) -> None:
    _check_no_word_lost("\n".join(lines))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_any_string_parses_or_raises_only_stenogram_errors(text: str) -> None:
    try:
        t = build_transcript(text, start=0, options=OPTIONS)
    except StenogramError:
        return
    for item in (*t.preamble, *t.body, *(b for turn in t.turns for b in turn.content)):
        span = item.span
        assert span is not None
        assert 0 <= span.start <= span.end <= len(text)
        assert 1 <= span.line <= span.end_line


@settings(max_examples=50, deadline=None)
@given(st.lists(_LINE, max_size=20), st.lists(_LINE, max_size=5))
def test_spans_index_the_whole_text_after_start(head: list[str], body: list[str]) -> None:
    prefix = "\n".join(head) + "\n"
    text = prefix + "\n".join(body)
    t = _check_no_word_lost(text, start=len(prefix))
    first_line = prefix.count("\n") + 1
    for item in t.body:
        assert item.span is not None and item.span.line >= first_line


def test_real_corpus_loses_no_word() -> None:
    """Every corpus file that exists here: the property on real text, where it matters most."""
    files = sorted(skip_unless_shared("corpus").rglob("*.txt"))
    rng = random.Random(4)
    printed = [path for path in files if path.parent.name == "legco_zh"]  # page furniture inside paragraphs
    for path in sorted({*rng.sample(files, min(25, len(files))), *printed}):
        _check_no_word_lost(path.read_text(encoding="utf-8"))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(_LINE, min_size=3, max_size=3),
    st.sampled_from([0, 60, 72, 80]),
    st.booleans(),
    st.integers(min_value=1, max_value=4),
    st.booleans(),
)
def test_inline_break_score_equals_the_weighted_features(
    lines: list[str], width: int, wrapped: bool, para_lines: int, label_line: bool
) -> None:
    prev, line, after = lines
    if not width:
        return
    cues = features(prev, line, after, width, wrapped, para_lines=para_lines, label_line=label_line)
    expected = sum(w * f for w, f in zip(WEIGHTS, cues, strict=True))
    score = break_score(prev, line, after, width, wrapped, para_lines=para_lines, label_line=label_line)
    assert abs(score - expected) < 1e-9


_CJK_CHAR = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _join_by_words(parts: list[str]) -> str:
    """join_lines as first written: every line split into words, CJK neighbours glued."""
    out = ""
    for part in parts:
        nxt = " ".join(part.split())
        if nxt and out and not (_CJK_CHAR.match(out[-1]) and _CJK_CHAR.match(nxt[0])):
            out += " "
        out += nxt
    return out


_JOIN_CHARS = st.sampled_from([*"ab.中文。\uff01 ", "\t", "\u00a0", "\u3000", "\u2028", "\x85", "\xad"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(_JOIN_CHARS, max_size=8), min_size=1, max_size=4))
def test_join_lines_folds_whitespace_like_splitting_into_words(parts: list[str]) -> None:
    assert join_lines(parts, cjk=True) == _join_by_words(parts)
    if all(part.strip() for part in parts):  # a paragraph's lines are never blank
        assert join_lines(parts, cjk=False) == " ".join(" ".join(parts).split())


_COLON_LINE_CHARS = st.sampled_from([*" \t\u00a0\u3000\u2009:：Aab1_²“中(é", "\n", "\u2028"])


@settings(max_examples=100, deadline=None)
@given(st.text(_COLON_LINE_CHARS, max_size=12), st.integers(min_value=0, max_value=230))
def test_colon_label_by_find_equals_the_colon_regex(head: str, padding: int) -> None:
    colon_form = next(pattern for form, pattern in labels._FORMS if form == "colon")
    for line in (head, "A" + "b" * padding + head, " " * (padding % 15) + head):
        m = colon_form.match(line)
        expected = None if m is None else (m.group("label"), m.start("label"), m.end())
        if m is not None and m.group("label").count("(") > m.group("label").count(")"):
            continue  # a colon inside brackets ("(14:03):") is not the label's: the regex does not know that
        assert labels._colon_label(line) == expected


def _wrap_width_by_every_width(lengths: list[int]) -> tuple[int, bool]:
    """wrap_width as first written: a window slid over every width from 20 to the longest line.

    Then the later rule: a narrow band whose text is mostly in far longer lines is no wrap width.
    """
    counts = Counter(n for n in lengths if n >= 20)
    total = sum(counts.values())
    if total < reflow._MIN_LINES:
        return 0, False
    best = width = running = 0
    for w in range(20, max(counts) + 1):
        running += counts.get(w, 0) - counts.get(w - reflow._BAND, 0)
        if running > best:
            best, width = running, w
    if width < reflow._NARROW:
        beyond = sum(n * c for n, c in counts.items() if n > 2 * width + reflow._BAND)
        if beyond > 0.5 * sum(n * c for n, c in counts.items()):
            return width, False
    return width, best >= reflow._MIN_SHARE * total and width <= 200


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 400), st.integers(55, 85)), max_size=80))
def test_wrap_width_over_distinct_lengths_equals_every_width(lengths: list[int]) -> None:
    assert reflow.wrap_width(lengths) == _wrap_width_by_every_width(lengths)


_HEADINGS = st.one_of(
    st.lists(st.from_regex(r"[A-Z]{2,10}", fullmatch=True), min_size=2, max_size=4).map(" ".join),
    st.tuples(
        st.from_regex(r"[A-Z][a-z]{3,10}", fullmatch=True),
        st.sampled_from(["und", "der", "des", "zur"]),
        st.from_regex(r"[A-Z][a-z]{3,10}", fullmatch=True),
    ).map(" ".join),
)
_SPEECHES = st.sampled_from(
    [
        "Präsident Dr. Heinz Fischer: Die Sitzung ist eröffnet.",
        "Mr BARTON - I move the motion.",
        "Senator FRASER - I have a petition.",
        "Abgeordnete Dr. Eva Muster (ÖVP): Danke.",
        "The PRESIDENT - Order.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.none() | _HEADINGS, _SPEECHES), min_size=2, max_size=6))
def test_labels_never_take_in_heading_text(sections: list[tuple[str | None, str]]) -> None:
    lines = [line for heading, speech in sections for line in (heading, speech) if line is not None]
    text = "Mr REID - First.\nMr REID - Second.\n" + "\n".join(lines) + "\n"
    t = build_transcript(text, options=OPTIONS)
    headings = {heading for heading, _ in sections if heading}
    for turn in t.turns:
        assert not any(heading in turn.label for heading in headings), turn.label


@settings(deadline=None)
@given(st.lists(_LINE, max_size=40), st.integers(min_value=1, max_value=64), st.booleans())
def test_lines_read_in_any_chunks_and_either_way_give_the_same_model(
    lines: list[str], chunk: int, listed: bool
) -> None:
    """Chunk edges, line starts read in place, and lines listed or sliced: one model, whatever the sizes."""
    text = "\n".join(lines)
    try:
        expected = stenogram.to_json(stenogram.parse(text))
    except StenogramError as exc:
        expected = repr(exc)
    module = line_table
    saved = module._CHUNK, module._LIST_MIN
    module._CHUNK, module._LIST_MIN = chunk, (0 if listed else 10**9)
    try:
        try:
            got = stenogram.to_json(stenogram.parse(text))
        except StenogramError as exc:
            got = repr(exc)
    finally:
        module._CHUNK, module._LIST_MIN = saved
    assert got == expected
