"""Render ParlaMint / Parla-CLARIN TEI sittings as plain text with truth, the way ``parlamint_at/`` was made.

The parser's held-out sets are most likely other ParlaMint parliaments
rendered like ``../shared/corpus/parlamint_at`` (see its section in
``../shared/corpus/SOURCES.md``). This script applies the same rendering to
any TEI sitting, so the parser can be scored on parliaments it was never
tuned on:

* an utterance opens with its speaker note as printed (a trailing colon of
  the note is the separator, not doubled), then any notes between the note
  and the ``<u>`` in parentheses, then ``: `` and the first ``<seg>``;
* every further ``<seg>`` is a line; notes, ``<kinesic>``, ``<vocal>`` and
  ``<incident>`` (their ``<desc>``) are lines in parentheses, inside the
  utterance or after it (then they belong to the turn before);
* time notes, ``<pb>`` and ``<gap>`` are left out, whitespace is folded;
* what comes before the first utterance (heads, notes) is preamble, and a
  ``<head>`` between utterances is a heading line that no turn holds.

An utterance without a speaker note opens with its speaker's name; with
``--names`` the speaker notes are ignored and each utterance opens so, with
its speaker's name from the ``<person>`` that ``who`` points to (forenames,
then surnames), as a converter would print corpora that have no speaker
notes (ParlaMint-GB, for one). Persons are looked up in the file itself and
in a corpus root (``ParlaMint-XX.xml``) beside it; an id that is not found is
read as ``SurnameForename``.

The truth is the scorer's format (``NAME.truth.json``): each ``<u>`` a turn,
its label the printed speaker note (with the notes before the colon), each
line after the label line a paragraph.

With ``--window N`` each sitting becomes a case per utterance: the window
of N consecutive utterances from it on, without preamble, as
``parlamint_at/`` cuts its sittings.

usage: python benchmarks/parlamint_render.py TEI.xml [TEI.xml ...] --out DIR [--names] [--window N]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_WS = re.compile(r"\s+")
_ID_WORDS = re.compile(r"[A-ZÀ-ÞĀ-Ž][^A-ZÀ-ÞĀ-Ž]*")
SKIPPED_NOTES = frozenset({"time", "speaker"})
EVENTS = frozenset({"kinesic", "vocal", "incident"})

__all__ = ["persons", "render", "render_file"]


def _fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _inline(el: Any) -> str:
    """The text of a ``<seg>``: its own text, inline notes and events in parentheses, gaps and page breaks left out."""
    parts = [el.text or ""]
    for child in el:
        kind = _local(child)
        if kind == "note" or kind in EVENTS:
            inner = _parenthesised(child)
            if inner:
                parts.append(f" {inner} ")
        elif kind not in ("gap", "pb", "lb", "anchor", "ptr"):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _parenthesised(el: Any) -> str:
    """A note or event as the protocol prints it: its text (or ``<desc>``) in parentheses, once."""
    desc = el.find(f"{TEI}desc")
    text = _fold(_inline(desc if desc is not None else el))
    if not text:
        return ""
    return text if text.startswith("(") and text.endswith(")") else f"({text})"


def _name_of(person: Any) -> str:
    pers = person.find(f"{TEI}persName")
    if pers is None:
        return ""
    forenames = [_fold(f.xpath("string()")) for f in pers.findall(f"{TEI}forename")]
    surnames = [_fold(s.xpath("string()")) for s in pers.findall(f"{TEI}surname")]
    if forenames or surnames:
        return " ".join(n for n in (*forenames, *surnames) if n)
    return _fold(pers.xpath("string()"))


def persons(*roots: Any) -> dict[str, str]:
    """Person id to printed name, from every ``<person>`` under the given trees."""
    names: dict[str, str] = {}
    for root in roots:
        for person in root.iter(f"{TEI}person"):
            pid = person.get(XML_ID)
            if pid and pid not in names:
                names[pid] = _name_of(person)
    return names


def _name_from_id(pid: str) -> str:
    words = _ID_WORDS.findall(pid.rstrip("0123456789"))
    if len(words) < 2:
        return pid
    return " ".join((words[-1], *words[:-1]))


class _Render:
    """The lines of the text and the turns of the truth, built in document order."""

    def __init__(self, names: dict[str, str], *, notes: bool) -> None:
        self.names = names
        self.notes = notes
        self.lines: list[str] = []
        self.preamble: list[str] = []
        self.turns: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None  # the turn that takes the lines after an utterance
        self.starts: list[int] = []  # the line each turn opens on
        self.note = ""
        self.fallback = ""
        self.pre_notes: list[str] = []

    def line(self, text: str) -> None:
        if not text:
            return
        self.lines.append(text)
        if self.current is not None:
            self.current["paragraphs"].append(text)
        elif not self.turns:
            self.preamble.append(text)

    def heading(self, text: str) -> None:
        if text:
            self.lines.append(text)
            if not self.turns:
                self.preamble.append(text)
            self.current = None

    def utterance(self, u: Any) -> None:
        segs: list[str] = []
        for child in u:
            kind = _local(child)
            if kind == "seg":
                segs.append(_fold(_inline(child)))
            elif (kind == "note" and child.get("type") not in SKIPPED_NOTES) or kind in EVENTS:
                segs.append(_parenthesised(child))
        segs = [s for s in segs if s]
        label = self._label(u)
        self.starts.append(len(self.lines))
        self.lines.append(label + ":" + (" " + segs[0] if segs else ""))
        self.lines.extend(segs[1:])
        self.current = {"label": label, "paragraphs": segs}
        self.turns.append(self.current)
        self.note, self.pre_notes, self.fallback = "", [], ""

    def _label(self, u: Any) -> str:
        who = (u.get("who") or "").strip().lstrip("#")
        note = self.note.rstrip().rstrip(":").rstrip()
        printed = " ".join(part for part in (note, *self.pre_notes) if part)
        name = self.names.get(who) or (_name_from_id(who) if who else "")
        return (printed or name) if self.notes else (name or self.fallback)

    def walk(self, el: Any) -> None:
        for child in el:
            kind = _local(child)
            if kind == "u":
                self.utterance(child)
            elif kind == "note" and child.get("type") == "speaker":
                if self.notes:
                    self.note, self.pre_notes = _fold(_inline(child)), []
                else:
                    self.fallback = _fold(_inline(child)).rstrip(":").rstrip()  # for a speaker with no name
            elif kind == "note" and child.get("type") in SKIPPED_NOTES:
                continue
            elif kind == "note" or kind in EVENTS:
                text = _parenthesised(child)
                if self.note:
                    self.pre_notes.append(text)
                else:
                    self.line(text)
            elif kind == "head":
                self.heading(_fold(_inline(child)))
            elif kind in ("div", "body", "front", "back"):
                self.walk(child)

    def truth(self, source: str, first: int = 0, stop: int | None = None) -> dict[str, Any]:
        return {
            "source": source,
            "header": [],
            "header_lines": 0,
            "preamble": self.preamble if first == 0 else [],
            "turns": [t for t in self.turns[first:stop] if t["paragraphs"]],
        }

    def windows(self, size: int, source: str) -> list[tuple[str, dict[str, Any]]]:
        """Every run of ``size`` consecutive turns, from each turn on, as its own text and truth."""
        out = []
        for k in range(len(self.turns)):
            stop = k + size if k + size < len(self.turns) else None
            end = self.starts[stop] if stop is not None else len(self.lines)
            text = "\n".join(self.lines[self.starts[k] : end]) + "\n"
            out.append((text, self.truth(f"{source}, turns {k + 1}-{k + size}", k, stop)))
        return out


def render(
    root: Any, *, names: dict[str, str] | None = None, notes: bool = True, source: str = ""
) -> tuple[str, dict[str, Any]]:
    """The text and truth of one TEI tree: speaker notes, or with ``notes=False`` the names of ``names`` (id to name).

    An utterance without a speaker note is printed with its speaker's name either way.
    """
    r = _walked(root, names, notes)
    return "\n".join(r.lines) + "\n", r.truth(source)


def render_windows(
    root: Any, size: int, *, names: dict[str, str] | None = None, notes: bool = True, source: str = ""
) -> list[tuple[str, dict[str, Any]]]:
    """Windows of ``size`` consecutive utterances, one from each utterance on, as ``parlamint_at/`` cuts sittings."""
    return _walked(root, names, notes).windows(size, source)


def _walked(root: Any, names: dict[str, str] | None, notes: bool) -> _Render:
    r = _Render(names or {}, notes=notes)
    for text in root.iter(f"{TEI}text"):
        r.walk(text)
    return r


def _corpus_roots(path: Path) -> list[Any]:
    """Corpus roots beside a sitting file (``ParlaMint-ES-CT.xml`` for ``ParlaMint-ES-CT_2015-10-26.xml``)."""
    prefix = path.stem.split("_", 1)[0]
    found = [p for p in sorted(path.parent.glob(f"{prefix}*.xml")) if p != path and "_" not in p.stem]
    return [etree.parse(str(p)).getroot() for p in found]


def render_file(path: Path, out: Path, *, names: bool = False, window: int = 0) -> list[Path]:
    """Write ``STEM.txt`` and ``STEM.truth.json`` (``STEM_NNN`` for each window) into ``out``; the texts' paths."""
    root = etree.parse(str(path)).getroot()
    table = persons(root, *_corpus_roots(path))
    source = f"{path.name} rendered by benchmarks/parlamint_render.py"
    if window:
        windows = render_windows(root, window, names=table, notes=not names, source=source)
        cases = [(f"{path.stem}_{k:03d}", case) for k, case in enumerate(windows)]
    else:
        cases = [(path.stem, render(root, names=table, notes=not names, source=source))]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, (text, truth) in cases:
        target = out / (stem + ".txt")
        target.write_text(text, encoding="utf-8")
        (out / (stem + ".truth.json")).write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(target)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--names", action="store_true", help="print the speaker's name instead of the speaker note")
    ap.add_argument("--window", type=int, default=0, help="cut windows of N utterances, one from each utterance on")
    a = ap.parse_args()
    for path in a.files:
        for written in render_file(path, a.out, names=a.names, window=a.window):
            print(written)


if __name__ == "__main__":
    main()
