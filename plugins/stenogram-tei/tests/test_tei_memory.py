"""Memory of the TEI writer and reader, measured in a child process with a memory cap.

``tracemalloc`` does not see libxml2, so each case runs in a fresh child
under ``RLIMIT_AS`` and reports its peak resident memory (``VmHWM``, started
again just before the call: ``tests/memprobe.py``). The inputs are
synthesized, so nothing here needs ``../shared``. A regression that builds
the whole tree again (about 3.4 KB per turn) fails the growth checks; one
that runs away fails on the cap instead of taking the machine down.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parents[3] / "tests"

_PRELUDE = f"""
import gc, json, resource, sys, tempfile
resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))
sys.path.insert(0, {str(TESTS)!r})
from memprobe import deep_mb, peak_mb, reset_peak
from stenogram.model import Paragraph, Participant, Transcript, Turn

PEOPLE = (Participant(id="anna", name="Anna Petrova"), Participant(id="boris", name="Boris Ivanov"))
PAIR = (
    Turn(speaker="anna", label="Anna Petrova", content=(Paragraph(text="Good morning, everyone."),)),
    Turn(speaker="boris", label="Boris Ivanov", content=(Paragraph(text="Thank you, Anna."),)),
)
#: What the same meeting is as plain text, for "times the input".
TEXT_MB = len("Anna Petrova: Good morning, everyone.\\nBoris Ivanov: Thank you, Anna.\\n") / 2 / 2**20

def meeting(turns):
    # the same two turns over and over: the model is small, so the peak is the writer's own
    return Transcript(participants=PEOPLE, body=PAIR * (turns // 2))

def measure(call):
    gc.collect()
    before = reset_peak()
    result = call()
    return peak_mb() - before, result
"""


def child(code: str, timeout: float = 240) -> dict[str, Any]:
    """Run ``code`` (which prints one JSON line last) in a capped child; a crash or a timeout fails."""
    script = _PRELUDE + textwrap.dedent(code)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"ran longer than {timeout} s") from None
    assert proc.returncode == 0, proc.stderr[-2000:]
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


#: Bytes of peak memory a turn may add when writing (none is measured): the whole tree took about 3,400.
PER_TURN = 50


@pytest.mark.slow
@pytest.mark.parametrize("target", ["file", "parlamint"])
def test_writing_grows_with_one_turn_not_with_the_document(target: str) -> None:
    result = child(
        f"""
        from stenogram.collection import export_collection
        from stenogram_tei import write_tei
        peaks = {{}}
        for turns in (20_000, 100_000):
            t = meeting(turns)
            folder = tempfile.mkdtemp()
            if {target!r} == "file":
                call = lambda: write_tei(t, folder + "/out.tei.xml")
            else:
                call = lambda: export_collection([t], "parlamint", folder, {{"date": "2020-01-01"}})
            peaks[turns] = measure(call)[0]
        print(json.dumps({{"small": peaks[20_000], "large": peaks[100_000], "text_mb": TEXT_MB * 100_000}}))
        """
    )
    growth = (result["large"] - result["small"]) * 2**20 / 80_000
    assert growth <= PER_TURN, result
    assert result["large"] <= 10 * result["text_mb"], result


@pytest.mark.slow
def test_an_export_in_memory_holds_the_output_and_little_more() -> None:
    result = child(
        """
        from stenogram_tei import to_tei
        t = meeting(100_000)
        peak, document = measure(lambda: to_tei(t))
        print(json.dumps({"peak": peak, "output_mb": len(document.data) / 2**20}))
        """
    )
    assert result["peak"] <= 1.5 * result["output_mb"], result


@pytest.mark.slow
def test_a_corpus_read_with_its_includes_stays_within_1_5_times_the_model() -> None:
    """Eight components of 25,000 small ``u`` each: streamed one after another, never one tree."""
    result = child(
        """
        from stenogram_tei import TeiReadOptions, read_tei
        folder = tempfile.mkdtemp()
        ns = 'xmlns="http://www.tei-c.org/ns/1.0"'
        head = f'<TEI {ns}><teiHeader><fileDesc><titleStmt><title>x</title></titleStmt></fileDesc></teiHeader>'
        size = 0
        for n in range(8):
            utterances = '<u who="#a">hello there</u>\\n' * 25_000
            part = head + '<text><body><div>' + utterances + '</div></body></text></TEI>'
            open(f"{folder}/part{n}.xml", "w").write(part)
            size += len(part)
        xi = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
        includes = "".join(f'<xi:include {xi} href="part{n}.xml"/>' for n in range(8))
        root = f'<teiCorpus {ns}><teiHeader/>{includes}</teiCorpus>'.encode()
        options = TeiReadOptions(follow_xinclude=True)
        peak, model = measure(lambda: read_tei(root, folder + "/root.xml", options=options))
        held = deep_mb(model)
        print(json.dumps({"peak": peak, "model_mb": held, "turns": len(model.turns), "input_mb": size / 2**20}))
        """
    )
    assert result["turns"] == 200_000
    assert result["peak"] <= 1.5 * result["model_mb"], result


@pytest.mark.slow
def test_reading_back_a_long_meeting_stays_under_10_times_its_file() -> None:
    """Real-sized paragraphs (about 600 characters), as the writer writes them."""
    result = child(
        """
        from stenogram_tei import read_tei, to_tei
        words = "Our heads of state held four meetings this year, and trade grew by a third. " * 8
        turn = Turn(speaker="anna", label="Anna Petrova", content=(Paragraph(text=words),) * 3)
        data = to_tei(Transcript(participants=PEOPLE, body=(turn,) * 3_000)).data
        peak, model = measure(lambda: read_tei(data))
        print(json.dumps({"peak": peak, "model_mb": deep_mb(model), "input_mb": len(data) / 2**20}))
        """
    )
    assert result["peak"] <= 10 * result["input_mb"], result
    assert result["peak"] <= 1.5 * result["model_mb"] or result["peak"] <= 2 * result["input_mb"], result


@pytest.mark.slow
@pytest.mark.parametrize("inner", ["<w>hello</w>\\n", "<seg>hello there</seg>\\n"], ids=["words", "segments"])
def test_one_long_utterance_is_read_as_it_is_parsed(inner: str) -> None:
    """One ``u`` of 200,000 words or segments: held whole until its end tag, it took 35 times its size."""
    result = child(
        f"""
        from stenogram_tei import read_tei
        ns = 'xmlns="http://www.tei-c.org/ns/1.0"'
        inner = {inner!r}
        body = '<seg>' + inner * 200_000 + '</seg>' if inner.startswith('<w>') else inner * 200_000
        data = f'<TEI {{ns}}><text><body><u who="#a">{{body}}</u></body></text></TEI>'.encode()
        peak, model = measure(lambda: read_tei(data))
        held = deep_mb(model)
        print(json.dumps({{"peak": peak, "model_mb": held, "input_mb": len(data) / 2**20, "turns": len(model.turns)}}))
        """
    )
    assert result["turns"] == 1
    assert result["peak"] <= max(1.5 * result["model_mb"], 2 * result["input_mb"]), result
