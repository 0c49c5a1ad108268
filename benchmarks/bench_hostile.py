"""Time per MB and peak memory on hostile inputs, each case in a child process.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_hostile.py [--only NAME] [--check]

Every case builds its input in a fresh child (not timed), then runs one call:
a parse, a TEI or JSON read, a template check or an export. The child reports
the call's wall time and its peak resident memory less the memory before the
call. The peak is ``VmHWM`` from ``/proc/self/status``, reset through
``/proc/self/clear_refs`` just before the call: ``tracemalloc`` does not see
libxml2's memory, and ``ru_maxrss`` would start from the parent's peak.
Where the call builds a model, ``x model`` compares the peak with what the
model holds (every object reached once, by ``sys.getsizeof``) and ``x kept``
with the resident memory still held after the call (allocator overhead
included). Children run under ``RLIMIT_AS`` (4 GB) and a timeout, so a
runaway case shows as such. A TEI case reads (or an export case exports) a
tiny document first: the modules and patterns a first call loads (about 0.5
MB to read, 7 MB to export, once per process) are not the input's cost.

The limits of issue 15, checked with ``--check`` (exit status 1 if any is
passed): at most 5 s per MB of input past a fixed 0.1 s; a model-building
call peaks at no more than 1.5 times the model it builds (``x model``) past
a fixed 2 MB of working set (a text of blank lines builds no model); a
real transcript or corpus file peaks under 10 times its size (``x input``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

_PRELUDE = f"""
import gc, json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
sys.path.insert(0, {str(ROOT / "tests")!r})
from memprobe import deep_mb, peak_mb, reset_peak, rss_mb
"""
_PRELUDE += """
# a first TEI read loads modules and compiles patterns (about 0.5 MB, once per process): done before measuring
WARM_TEI = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><u who="#a">x</u></body></text></TEI>'

def run(data, call, model=True, size=None):
    if size is None:
        size = len(data) if isinstance(data, (bytes, str)) else 0
    gc.collect()
    before = reset_peak()  # building the input does not count
    t0 = time.perf_counter()
    error = None
    try:
        result = call(data)
    except Exception as exc:
        result, error = None, f"{type(exc).__name__}: {str(exc)[:60]}"
    seconds = time.perf_counter() - t0
    peak = peak_mb() - before
    kept = rss_mb() - before
    held = deep_mb(result) if model and result is not None else None
    print(json.dumps({"mb": size / 2**20, "seconds": seconds, "peak_mb": peak, "model_mb": held, "kept_mb": kept,
                      "error": error}))
"""

_TEI_HEAD = (
    'b\'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>x</title>'
    "</titleStmt></fileDesc></teiHeader><text><body>'"
)
_TEI_TAIL = "b'</body></text></TEI>'"
#: 100,000 turns the parser accepts as such (labels of two words, lines long enough to be speech).
_TURNS = "'Anna Petrova: Good morning, everyone.\\nBoris Ivanov: Thank you, Anna.\\n' * 50_000"

#: Loads the TEI exporter's modules (about 7 MB, once per process) before an export is measured.
_WARM_TEI = "stenogram.export(stenogram.parse('Anna Petrova: Hello.'), 'tei')\n"

#: name -> (kind, code that calls run(data, call)); kind "real" is held to 10x its input.
CASES: dict[str, tuple[str, str]] = {
    "parse: 'A:\\n' x 1,000,000": ("model", "import stenogram\nrun('A:\\n' * 1_000_000, stenogram.parse)"),
    "parse: 1,000,000 one-word lines": ("model", "import stenogram\nrun('word\\n' * 1_000_000, stenogram.parse)"),
    "parse: 'a\\n' x 1,000,000": ("model", "import stenogram\nrun('a\\n' * 1_000_000, stenogram.parse)"),
    "parse: 'ab c\\n' x 1,000,000": ("model", "import stenogram\nrun('ab c\\n' * 1_000_000, stenogram.parse)"),
    "parse: 'a\\n\\n' x 1,000,000": ("model", "import stenogram\nrun('a\\n\\n' * 1_000_000, stenogram.parse)"),
    "parse: title, '\\n' x 1,000,000": (
        "model",
        "import stenogram\nrun('Title\\n' + '\\n' * 1_000_000, stenogram.parse)",
    ),
    "parse: one 5 MB line": ("model", "import stenogram\nrun('word ' * 1_000_000, stenogram.parse)"),
    "parse: 100,000 table rows": (
        "model",
        "import stenogram\nrun('Anna: start\\n' + '| a | b | c |\\n|---|---|---|\\n' * 50_000, stenogram.parse)",
    ),
    "parse: lone surrogates throughout": (
        "model",
        "import stenogram\nrun('Anna Petrova: caf\\ud800 ok.\\n' * 100_000, stenogram.parse)",
    ),
    "parse: the same without surrogates": (
        "model",
        "import stenogram\nrun('Anna Petrova: caf\u00e9 ok.\\n' * 100_000, stenogram.parse)",
    ),
    "parse: TOML array 1000 deep": (
        "error",
        "import stenogram\nrun('+++\\na = ' + '[' * 1000 + ']' * 1000 + '\\n+++\\nA: x\\n', stenogram.parse)",
    ),
    "parse: TOML dotted key 100,000 parts": (
        "error",
        "import stenogram\nrun('+++\\n' + '.'.join(['a'] * 100_000) + ' = 1\\n+++\\nA: x\\n', stenogram.parse)",
    ),
    "parse: YAML flow 1000 deep": (
        "error",
        "import stenogram\nrun('---\\na: ' + '[' * 1000 + ']' * 1000 + '\\n---\\nA: x\\n', stenogram.parse)",
    ),
    "parse: YAML block mapping 1000 deep": (
        "error",
        "import stenogram\nrun('---\\n' + ''.join(' ' * i + 'a:\\n' for i in range(1000)) + '---\\nA: x\\n',"
        " stenogram.parse)",
    ),
    "parse: YAML alias bomb": (
        "error",
        "import stenogram\n"
        "run('---\\na: &a [' + ', '.join(['x'] * 10) + ']\\n'"
        " + ''.join(f'{c}: &{c} [' + ', '.join([f'*{p}'] * 10) + ']\\n' for p, c in zip('abcdefgh', 'bcdefghi'))"
        " + '---\\nA: x\\n', stenogram.parse)",
    ),
    "read TEI: 300,000 small u": (
        "model",
        "from stenogram_tei import read_tei\nread_tei(WARM_TEI)\n"
        f"run({_TEI_HEAD} + b'<u who=\"#a\">hello there</u>\\n' * 300_000"
        f" + {_TEI_TAIL}, read_tei)",
    ),
    "read TEI: one u of 300,000 w tokens": (
        "model",
        "from stenogram_tei import read_tei\nread_tei(WARM_TEI)\n"
        f"run({_TEI_HEAD} + b'<u who=\"#a\"><seg>' + b'<w>hello</w>\\n' * 300_000 + b'</seg></u>'"
        f" + {_TEI_TAIL}, read_tei)",
    ),
    "read TEI: 100,000 nested div": (
        "error",
        "from stenogram_tei import read_tei\nread_tei(WARM_TEI)\n"
        f"run({_TEI_HEAD} + b'<div>' * 100_000 + b'</div>' * 100_000"
        f" + {_TEI_TAIL}, read_tei)",
    ),
    "read TEI: 1,000,000 attributes": (
        "error",
        "from stenogram_tei import read_tei\nread_tei(WARM_TEI)\n"
        f"run({_TEI_HEAD} + b'<u '"
        " + b' '.join(b'a%d=\"x\"' % i for i in range(1_000_000)) + b'>x</u>'"
        f" + {_TEI_TAIL}, read_tei)",
    ),
    "read JSON: 100,000 nested lists": (
        "error",
        "import stenogram\nrun('[' * 100_000 + ']' * 100_000, stenogram.from_json)",
    ),
    "DOCX template: 200 MB member of zeros": (
        "error",
        "import io, zipfile\nfrom stenogram_docx import default_template_bytes\n"
        "from stenogram_docx.cleanpackage import clean_package\n"
        "buf = io.BytesIO()\n"
        "with zipfile.ZipFile(io.BytesIO(default_template_bytes())) as s, zipfile.ZipFile(buf, 'w') as d:\n"
        "    [d.writestr(i.filename, s.read(i), zipfile.ZIP_DEFLATED) for i in s.infolist()]\n"
        "    d.writestr('word/media/image1.png', bytes(200 << 20), zipfile.ZIP_DEFLATED)\n"
        "run(buf.getvalue(), lambda b: clean_package(b, 'bomb.docx'), model=False)",
    ),
    "export markdown: 100,000 turns": (
        "export",
        f"import stenogram\ntext = {_TURNS}\nt = stenogram.parse(text)\n"
        "run(text, lambda _: stenogram.export(t, 'markdown'), model=False)",
    ),
    "export TEI: 100,000 turns": (
        "export",
        f"import stenogram\ntext = {_TURNS}\nt = stenogram.parse(text)\n{_WARM_TEI}"
        "run(text, lambda _: stenogram.export(t, 'tei'), model=False)",
    ),
    "export TEI to a file: 100,000 turns": (
        "export",
        f"import stenogram, tempfile\ntext = {_TURNS}\nt = stenogram.parse(text)\nout = tempfile.mkdtemp() + '/t.xml'\n"
        f"{_WARM_TEI}run(text, lambda _: stenogram.export_file(t, 'tei', out), model=False)",
    ),
    "stream TEI to a file (write_tei): 100,000 turns": (
        "export",
        f"import stenogram, tempfile\nfrom stenogram_tei import write_tei\ntext = {_TURNS}\nt = stenogram.parse(text)\n"
        f"out = tempfile.mkdtemp() + '/t.xml'\n{_WARM_TEI}run(text, lambda _: write_tei(t, out), model=False)",
    ),
    "export ParlaMint corpus: 100,000 turns": (
        "export",
        f"import stenogram, tempfile\nfrom stenogram.collection import export_collection\ntext = {_TURNS}\n"
        "t = stenogram.parse(text)\nout = tempfile.mkdtemp()\n"
        "export_collection([stenogram.parse('A: x')], 'parlamint', out + '/warm', {'date': '2020-01-01'})\n"
        "run(text, lambda _: export_collection([t], 'parlamint', out + '/pm', {'date': '2020-01-01'}), model=False)",
    ),
    "read TEI corpus: 8 x 25,000 u, includes": (
        "model",
        "import tempfile\nfrom stenogram_tei import TeiReadOptions, read_tei\nread_tei(WARM_TEI)\n"
        "d = tempfile.mkdtemp()\n"
        f"part = {_TEI_HEAD} + b'<u who=\"#a\">hello there</u>\\n' * 25_000 + {_TEI_TAIL}\n"
        "[open(f'{d}/p{n}.xml', 'wb').write(part) for n in range(8)]\n"
        "xi = 'xmlns:xi=\"http://www.w3.org/2001/XInclude\"'\n"
        "root = ('<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader/>'"
        " + ''.join(f'<xi:include {xi} href=\"p{n}.xml\"/>' for n in range(8)) + '</teiCorpus>').encode()\n"
        "opts = TeiReadOptions(follow_xinclude=True)\n"
        "run(root, lambda r: read_tei(r, d + '/root.xml', options=opts), size=8 * len(part))",
    ),
    "export CSV table: 100,000 turns": (
        "export",
        f"import stenogram, tempfile\nfrom stenogram.collection import export_collection\ntext = {_TURNS}\n"
        "t = stenogram.parse(text)\nout = tempfile.mkdtemp() + '/turns.csv'\n"
        "export_collection([stenogram.parse('Anna: Hi.')], 'csv', out + '.warm')\n"
        "run(text, lambda _: export_collection([t], 'csv', out), model=False)",
    ),
    "export CSV table: one turn of 400,000 lines": (
        "export",
        "import stenogram, tempfile\nfrom stenogram.collection import export_collection\n"
        "text = 'Anna: one two.\\nBoris: three.\\n' * 200_000\nt = stenogram.parse(text)\n"
        "out = tempfile.mkdtemp() + '/turns.csv'\n"
        "export_collection([stenogram.parse('Anna: Hi.')], 'csv', out + '.warm')\n"
        "run(text, lambda _: export_collection([t], 'csv', out), model=False)",
    ),
}


def _real_cases() -> dict[str, tuple[str, str]]:
    """The same measures on real files, when ``../shared`` is beside the repository."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        return {}
    kremlin = sorted(str(p) for p in (corpus / "kremlin_en").glob("*.txt"))
    sample = corpus / "parlamint-samples" / "ParlaMint-ES-CT_2015-10-26.xml"
    cases = {
        "parse: kremlin_en concatenated (real)": (
            "real",
            f"import stenogram\nfiles = {kremlin!r}\n"
            "text = '\\n\\n'.join(open(f, encoding='utf-8').read() for f in files)\nrun(text, stenogram.parse)",
        )
    }
    if sample.exists():
        cases["read TEI: ParlaMint sample (real)"] = (
            "real",
            "from stenogram_tei import read_tei\nread_tei(WARM_TEI)\n"
            f"run(open({str(sample)!r}, 'rb').read(), read_tei)",
        )
    # kremlin_en as one TEI file, written by a separate process so that its memory is not counted here
    write = (
        "import sys, stenogram\ntext = '\\n\\n'.join(open(f, encoding='utf-8').read() for f in sys.argv[1:])\n"
        "sys.stdout.buffer.write(stenogram.export_bytes(stenogram.parse(text), 'tei'))"
    )
    cases["export TEI: kremlin_en concatenated (real)"] = (
        "real",
        f"import stenogram\nfiles = {kremlin!r}\n"
        "text = '\\n\\n'.join(open(f, encoding='utf-8').read() for f in files)\nt = stenogram.parse(text)\n"
        f"{_WARM_TEI}run(text, lambda _: stenogram.export(t, 'tei'), model=False)",
    )
    # kremlin_dev as a ParlaMint corpus folder, written by a separate process, read back through its root
    dev = sorted(str(p) for p in (corpus / "kremlin_dev").glob("*.txt"))
    make = (
        "import sys, stenogram\nfrom stenogram.collection import export_collection\n"
        "export_collection([stenogram.read(f) for f in sys.argv[2:]], 'parlamint', sys.argv[1], {'date': '2020-01-01'})"
    )
    cases["read TEI: kremlin_dev as a ParlaMint corpus, includes (real)"] = (
        "real",
        "import glob, os, subprocess, tempfile\n"
        "from stenogram_tei import TeiReadOptions, read_tei\nread_tei(WARM_TEI)\n"
        f"d = tempfile.mkdtemp()\nsubprocess.run([sys.executable, '-c', {make!r}, d, *{dev!r}], check=True)\n"
        "root = d + '/ParlaMint-XX.xml'\nsize = sum(os.path.getsize(f) for f in glob.glob(d + '/*.xml'))\n"
        "opts = TeiReadOptions(follow_xinclude=True)\n"
        "run(open(root, 'rb').read(), lambda r: read_tei(r, root, options=opts), size=size)",
    )
    cases["read TEI: kremlin_en as one TEI file (real)"] = (
        "real",
        "import subprocess\nfrom stenogram_tei import read_tei\nread_tei(WARM_TEI)\n"
        f"data = subprocess.run([sys.executable, '-c', {write!r}, *{kremlin!r}], capture_output=True, check=True)"
        ".stdout\nrun(data, read_tei)",
    )
    return cases


def measure(code: str) -> dict[str, Any]:
    script = _PRELUDE + textwrap.dedent(code)
    try:
        proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        return {"error": "ran longer than 600 s", "mb": 0.0, "seconds": 600.0, "peak_mb": 0.0, "model_mb": None}
    if proc.returncode != 0:
        return {"error": f"child died: {proc.stderr.strip().splitlines()[-1:]}", "mb": 0.0, "seconds": 0.0,
                "peak_mb": 0.0, "model_mb": None}  # fmt: skip
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


#: What a call may hold whatever its input, beside 1.5x its model: a chunk of lines while they are read.
WORKING_SET_MB = 2.0


def verdict(kind: str, r: dict[str, Any]) -> list[str]:
    """The limits a result passes, as problems (empty when within all)."""
    problems = []
    mb, seconds, peak = float(r["mb"]), float(r["seconds"]), float(r["peak_mb"])
    if seconds > 0.1 + 5 * mb:
        problems.append(f"{seconds:.2f} s > 0.1 + 5 s/MB")
    model = r.get("model_mb")
    # docs/parser.md: at most 1.5x the model, past a fixed working set (a chunk of lines, a block of the text).
    if kind == "model" and isinstance(model, float) and peak > 1.5 * model + WORKING_SET_MB:
        problems.append(f"peak {peak:.1f} MB > 1.5x the model ({model:.1f} MB) + {WORKING_SET_MB:g} MB")
    if kind == "real" and mb > 0 and peak > 10 * mb:
        problems.append(f"peak {peak / mb:.1f}x the input > 10x")
    if kind == "error" and not r.get("error"):
        problems.append("accepted: expected a refusal")
    if kind != "error" and r.get("error"):
        problems.append(f"failed: {r['error']}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--only", help="run the cases whose name contains this text")
    parser.add_argument("--check", action="store_true", help="exit 1 if any case passes a limit")
    args = parser.parse_args(argv)
    cases = {**CASES, **_real_cases()}
    failed = 0
    head = ("in MB", "s", "s/MB", "peak MB", "x in", "x model", "x kept")
    print(
        f"{'case':42} " + " ".join(f"{h:>{w}}" for h, w in zip(head, (7, 7, 6, 8, 6, 7, 6), strict=True)) + "  verdict"
    )
    for name, (kind, code) in cases.items():
        if args.only and args.only not in name:
            continue
        r = measure(code)
        mb, seconds, peak = float(r["mb"]), float(r["seconds"]), float(r["peak_mb"])
        model = r.get("model_mb")
        per_mb = f"{seconds / mb:6.2f}" if mb else "     -"
        x_in = f"{peak / mb:6.1f}" if mb else "     -"
        x_model = f"{peak / model:7.2f}" if isinstance(model, float) and model > 0 else "      -"
        kept = r.get("kept_mb")
        x_kept = (
            f"{peak / kept:6.2f}" if isinstance(model, float) and isinstance(kept, float) and kept > 1 else "     -"
        )
        problems = verdict(kind, r)
        failed += bool(problems)
        shown = "; ".join(problems) or ("refused: " + str(r["error"]) if r.get("error") else "ok")
        print(f"{name:42} {mb:7.2f} {seconds:7.2f} {per_mb} {peak:8.1f} {x_in} {x_model} {x_kept}  {shown}")
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
