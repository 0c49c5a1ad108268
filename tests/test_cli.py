"""The installed ``stenogram`` command, run in a subprocess on the seed and on broken set-ups."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from repo_shared import needs_shared, shared

import stenogram
from stenogram import hookimpl
from stenogram.cli import main
from stenogram.hookspecs import Registrar
from stenogram.plugins import DEFAULT_PLUGINS, PluginHost, using_host
from stenogram.progress import Progress

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
SCRIPT = Path(sys.executable).with_name("stenogram")


def run(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("STENOGRAM_") or k == "STENOGRAM_CACHE_DIR"}
    environ.update(env or {})
    if stdin is not None:
        done = subprocess.run(
            [str(SCRIPT), *args], cwd=cwd, input=stdin, capture_output=True, env=environ, timeout=120, check=False
        )
        return subprocess.CompletedProcess(
            done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
        )
    return subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, env=environ, timeout=120, check=False
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    copy = tmp_path / "seed.txt"
    shutil.copyfile(SEED, copy)
    return copy


def test_the_console_script_is_installed() -> None:
    assert SCRIPT.exists(), "install the core: pip install -e ."


def test_help_shows_examples() -> None:
    for args in (["--help"], ["convert", "--help"]):
        result = run(*args)
        assert result.returncode == 0
        assert "examples:" in result.stdout and "stenogram convert meeting.txt --to markdown" in result.stdout
    assert run("--version").stdout.strip() == f"stenogram {stenogram.__version__}"


def test_formats_lists_json_and_markdown() -> None:
    result = run("formats")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    exporters = lines[lines.index("export formats (--to):") + 1 : lines.index("input formats (--from):")]
    names = {line.split()[0] for line in exporters if line.startswith("  ") and not line.startswith("      ")}
    assert {"json", "markdown"} <= names
    data = json.loads(run("formats", "--json").stdout)
    assert {("exporter", "json"), ("exporter", "markdown"), ("reader", "text")} <= {
        (f["kind"], f["name"]) for f in data
    }


def test_formats_lists_corpus_formats_apart() -> None:
    """``stenogram corpus`` formats are listed in their own section, marked in JSON, from the plugin cache."""
    result = run("formats")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    title = "corpus formats: many transcripts in one output (stenogram corpus --to):"
    section = lines[lines.index(title) + 1 :]
    rows = {line.split()[0]: line for line in section if line.startswith("  ") and not line.startswith("      ")}
    assert {"parlamint", "docx", "csv"} <= set(rows)
    assert "(folder)" in rows["parlamint"] and "[tei]" in rows["parlamint"] and ".docx" in rows["docx"]
    assert "      --set country=… (text; default: )" in section[section.index(rows["parlamint"]) + 2]
    corpus = {f["name"]: f for f in json.loads(run("formats", "--json").stdout) if f["kind"] == "corpus"}
    assert (corpus["parlamint"]["output"], corpus["parlamint"]["suffixes"]) == ("folder", [])
    assert (corpus["docx"]["output"], corpus["docx"]["suffixes"]) == ("file", [".docx"])


def test_convert_the_seed_to_markdown_next_to_it(seed: Path) -> None:
    result = run("convert", str(seed), "--to", "markdown")
    assert result.returncode == 0, result.stderr
    out = seed.with_suffix(".md")
    md = out.read_text(encoding="utf-8")
    assert "**Mikhail Mishustin:**" in md and "**Alikhan Smailov:**" in md
    assert md.startswith("# ")
    assert md == stenogram.export(stenogram.read(seed), "markdown")
    assert result.stderr.splitlines() == [f"{seed} -> {out}", "1 converted, 0 failed"]


def test_convert_between_standard_streams(seed: Path) -> None:
    result = run("convert", "-", "--to", "markdown", "--set", "heading_level=2", stdin=seed.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## ") and "**Mikhail Mishustin:**" in result.stdout
    assert result.stderr == ""
    to_stdout = run("convert", str(seed), "--to", "json", "-o", "-")
    assert stenogram.from_json(to_stdout.stdout) == stenogram.read(seed)


def test_many_files_carry_on_past_bad_ones(seed: Path, tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Anna Petrova: Good morning.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"schema_version": 1, oops', encoding="utf-8")
    (tmp_path / "folder").mkdir()
    inputs = ["seed.txt", "missing.txt", "short.txt", "empty.txt", "bad.json", "folder"]
    result = run("convert", *inputs, "--to", "json", "--output-dir", "out", cwd=tmp_path)
    assert result.returncode == 1
    no_traceback(result)
    errors = [line for line in result.stderr.splitlines() if line.startswith("stenogram: error:")]
    assert len(errors) == 4
    for name in ("missing.txt", "empty.txt", "bad.json", "folder"):
        assert sum(name in line for line in errors) == 1, (name, errors)
    assert result.stderr.splitlines()[-1] == "2 converted, 4 failed"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["seed.json", "short.json"]
    assert "seed.txt -> out/seed.json" in result.stderr  # plain lines: stderr is not a terminal here


def test_never_overwrites_an_input(tmp_path: Path) -> None:
    source = tmp_path / "t.json"
    source.write_text(stenogram.to_json(stenogram.read(SEED)), encoding="utf-8")
    before = source.read_bytes()
    for extra in ([], ["-o", str(source)], ["--output-dir", str(tmp_path)]):
        result = run("convert", str(source), "--to", "json", *extra)
        assert result.returncode == 1
        assert "refusing to overwrite the input file" in result.stderr
        no_traceback(result)
    assert source.read_bytes() == before


def test_an_output_never_replaces_another_input(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "a.txt")
    (tmp_path / "a.md").write_text("Anna Petrova: my own notes.\n", encoding="utf-8")
    os.symlink(tmp_path / "a.txt", tmp_path / "link.txt")
    result = run("convert", "a.txt", "a.md", "--to", "markdown", cwd=tmp_path)
    assert result.returncode == 1
    assert "a.txt: refusing to overwrite a.md, which is also an input" in result.stderr
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "Anna Petrova: my own notes.\n"
    linked = run("convert", "a.txt", "--to", "json", "-o", "link.txt", cwd=tmp_path)
    assert linked.returncode == 1 and "refusing to overwrite the input file" in linked.stderr
    assert (tmp_path / "a.txt").read_bytes() == SEED.read_bytes()


def test_two_inputs_never_write_one_output(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copyfile(SEED, tmp_path / folder / "x.txt")
    (tmp_path / "b" / "x.txt").write_text("Anna Petrova: Good morning.\n", encoding="utf-8")
    result = run("convert", "a/x.txt", "b/x.txt", "--to", "json", "--output-dir", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "a/x.txt -> out/a_x.json" in result.stderr and "b/x.txt -> out/b_x.json" in result.stderr
    assert (tmp_path / "out" / "a_x.json").read_bytes() != (tmp_path / "out" / "b_x.json").read_bytes()
    again = run("convert", "a/x.txt", "a/x.txt", "--to", "json", "--output-dir", "out", cwd=tmp_path)
    assert again.returncode == 1 and "a/x.txt: given more than once" in again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["convert", "SEED", "--to", "pdf"], "unknown export format 'pdf'; available: "),
        (["convert", "SEED", "--to", "json", "--from", "pdf"], "unknown input format 'pdf'"),
        (["convert", "SEED", "SEED", "--to", "json", "-o", "x.json"], "-o/--output takes a single input"),
        (["convert", "SEED", "--to", "markdown", "--set", "heading_level"], "--set expects KEY=VALUE"),
        (["convert", "SEED", "--to", "markdown", "--set", "heading_level=high"], "option 'heading_level'"),
        (["convert", "SEED", "--to", "markdown", "--set", "colour=red"], "unknown option 'colour'"),
        (["convert", "-", "-", "--to", "json"], "standard input ('-') can be read only once"),
        (["convert", "SEED", "--to", "json", "--encoding", "klingon"], "unknown encoding 'klingon'"),
        (["convert", "SEED", "--to", "json", "--output-dir", "SEED"], "--output-dir: SEED is not a directory"),
        (["inspect", "SEED", "--encoding", "klingon"], "unknown encoding 'klingon'"),
        (["convert", "SEED"], "--to FORMAT is required"),
        (["convert", "SEED", "--to", "json", "-o", "a", "--output-dir", "b"], "not allowed with argument"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str, seed: Path) -> None:
    result = run(*[str(seed) if a == "SEED" else a for a in args])
    assert result.returncode == 2
    assert message.replace("SEED", str(seed)) in result.stderr
    no_traceback(result)
    if args[2:4] == ["--to", "pdf"]:
        assert "json" in result.stderr and "markdown" in result.stderr  # the formats there are


def test_unreadable_single_file_is_one_line_exit_1(tmp_path: Path) -> None:
    result = run("inspect", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "nope.txt" in result.stderr
    no_traceback(result)


def test_inspect(seed: Path) -> None:
    text = run("inspect", str(seed))
    assert text.returncode == 0, text.stderr
    for heading in ("participants:", "turns:", "paragraphs:", "notes:", "diagnostics:"):
        assert heading in text.stdout
    assert "Mikhail Mishustin" in text.stdout
    data = json.loads(run("inspect", str(seed), "--json").stdout)
    t = stenogram.read(seed)
    assert data["turns"] == len(t.turns) and data["paragraphs"] == len(t.paragraphs)
    assert data["words"] == t.word_count and len(data["diagnostics"]) == len(t.diagnostics)
    assert {p["name"] for p in data["participants"]} == {p.name for p in t.participants}
    assert data["format"] == "text"
    from_stdin = json.loads(run("inspect", "-", "--json", stdin=seed.read_bytes()).stdout)
    assert from_stdin["turns"] == data["turns"] and from_stdin["file"] == "<stdin>"


def test_plugins_lists_names_versions_and_hooks() -> None:
    result = run("plugins")
    assert result.returncode == 0, result.stderr
    assert "markdown  (stenogram-markdown " in result.stdout
    assert "stenogram.builtin.json_format  (stenogram " in result.stdout
    assert "hooks: stenogram_register_formats" in result.stdout
    data = json.loads(run("plugins", "--json").stdout)
    markdown = next(p for p in data["plugins"] if p["name"] == "markdown")
    assert markdown["exporters"] == ["markdown"] and markdown["distribution"] == "stenogram-markdown"


def test_allow_list_reaches_the_command() -> None:
    result = run("formats", "--json", env={"STENOGRAM_LOAD_PLUGINS": ""})
    names = {f["name"] for f in json.loads(result.stdout)}
    assert "json" in names and "markdown" not in names


@pytest.fixture
def broken_site(tmp_path: Path) -> Path:
    """An installed-looking distribution whose two plugins are broken, found through PYTHONPATH."""
    site = tmp_path / "site"
    info = site / "stenogram_broken-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: stenogram-broken\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[stenogram]\nmissing = stenogram_broken_no_such_module\nbadsig = stenogram_broken_badsig\n",
        encoding="utf-8",
    )
    (site / "stenogram_broken_badsig.py").write_text(
        textwrap.dedent(
            """
            from stenogram import hookimpl

            @hookimpl
            def stenogram_register_formats(registrar, colour):
                registrar.add_exporter("never", lambda t, o: "", media_type="text/plain", suffix=".x", description="")
            """
        ),
        encoding="utf-8",
    )
    return site


def test_broken_plugins_leave_every_other_format_working(broken_site: Path, seed: Path) -> None:
    # The allow-list keeps other installed plugins (and their own troubles) out of the count.
    env = {"PYTHONPATH": str(broken_site), "STENOGRAM_LOAD_PLUGINS": "markdown,stenogram-broken"}
    plugins = run("plugins", env=env)
    assert plugins.returncode == 0
    assert "load errors: 2" in plugins.stdout
    assert "plugin 'missing' (from stenogram-broken) failed to load: ModuleNotFoundError" in plugins.stdout
    assert "plugin 'badsig' (from stenogram-broken) failed to load: PluginValidationError" in plugins.stdout
    assert "colour" in plugins.stdout
    formats = json.loads(run("formats", "--json", env=env).stdout)
    assert {"json", "markdown"} <= {f["name"] for f in formats if f["kind"] == "exporter"}
    converted = run("convert", str(seed), "--to", "markdown", "-o", "-", env=env)
    assert converted.returncode == 0 and "**Mikhail Mishustin:**" in converted.stdout
    verbose = run("plugins", "--verbose", env=env)
    assert "Traceback" in verbose.stdout  # asked for, on stdout, as part of the report


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_strict_plugins_turns_a_broken_plugin_into_an_error(broken_site: Path, how: str) -> None:
    env = {"PYTHONPATH": str(broken_site)}
    if how == "flag":
        result = run("--strict-plugins", "formats", env=env)
    else:
        result = run("formats", env={**env, "STENOGRAM_STRICT_PLUGINS": "1"})
    assert result.returncode == 1
    assert result.stderr.startswith("stenogram: error: plugin '")
    assert result.stderr.count("\n") == 1
    no_traceback(result)


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stenogram", "formats"], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0 and "markdown" in result.stdout


# -- in-process: what a subprocess cannot fake -----------------------------------------


class BinaryPlugin:
    @hookimpl
    def stenogram_register_formats(self, registrar: Registrar) -> None:
        registrar.add_exporter("blob", lambda t, o: b"\x00BLOB", media_type="application/x-blob", suffix=".blob",
                               description="", binary=True)  # fmt: skip


class FakeTerminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def blob_host() -> Iterator[PluginHost]:
    host = PluginHost()
    for name in DEFAULT_PLUGINS:
        host.register_module(name, builtin=True)
    host.register(BinaryPlugin(), name="blob")
    with using_host(host):
        yield host


def test_binary_output_is_refused_on_a_terminal(
    blob_host: PluginHost, seed: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(terminal))
    assert main(["convert", str(seed), "--to", "blob", "-o", "-"]) == 1
    assert terminal.getvalue() == b""
    assert "refusing to write it to a terminal" in capsys.readouterr().err
    assert main(["convert", str(seed), "--to", "blob", "-q"]) == 0
    assert seed.with_suffix(".blob").read_bytes() == b"\x00BLOB"


def test_binary_output_to_a_pipe(blob_host: PluginHost, seed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(pipe))
    assert main(["convert", str(seed), "--to", "blob", "-o", "-"]) == 0
    assert pipe.getvalue() == b"\x00BLOB"


def test_progress_bar_on_a_terminal_and_plain_lines_elsewhere() -> None:
    tty = io.StringIO()
    bar = Progress(4, tty, bar=True)
    bar.start("a.txt")
    bar.advance("a.txt")
    bar.message("stenogram: error: b.txt: broken")
    bar.advance("b.txt")
    bar.close()
    out = tty.getvalue()
    assert "\r" in out and "[" + "#" * 6 + "." * 18 + "] 1/4 a.txt" in out and "2/4" in out
    assert "stenogram: error: b.txt: broken\n" in out
    plain = io.StringIO()
    lines = Progress(4, plain)  # a StringIO is not a terminal
    lines.start("a.txt")
    lines.advance("a.txt")
    lines.message("a.txt -> a.md")
    lines.close()
    assert plain.getvalue() == "a.txt -> a.md\n"


def test_standard_input_is_named_stdin_in_messages(tmp_path: Path) -> None:
    result = run("convert", "-", "--to", "json", stdin=b"  \n")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "stenogram: error: <stdin>: the input holds no text"
    no_traceback(result)
    saved = run("convert", "-", "--to", "json", "--output-dir", str(tmp_path), stdin=SEED.read_bytes())
    assert saved.stderr.splitlines()[0] == f"<stdin> -> {tmp_path / 'stdin.json'}"


def test_a_validator_refusal_is_one_readable_line(seed: Path) -> None:
    result = run("convert", str(seed), "--to", "markdown", "--set", "heading_level=9", "-o", "-")
    assert result.returncode == 2
    assert result.stderr == (
        "stenogram: error: bad value for option 'heading_level' of MarkdownOptions:"
        " 'heading_level' must be in range(1, 5) (got 9)\n"
    )


def test_a_file_named_twice_is_said_so(seed: Path) -> None:
    result = run("convert", str(seed), str(seed), "--to", "json", "--output-dir", "out", cwd=seed.parent)
    assert result.returncode == 1
    assert f"stenogram: error: {seed}: given more than once" in result.stderr
    assert result.stderr.splitlines()[-1] == "1 converted, 1 failed"


def test_europarl_reader_refuses_text_without_its_markup(seed: Path) -> None:
    result = run("convert", str(seed), "--from", "europarl", "--to", "json", "-o", "-")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        f"stenogram: error: {seed}: no Europarl markup (<CHAPTER ID=..> or <SPEAKER ID=..>) found"
    )


def test_strict_plugins_puts_the_host_in_use_back(capsys: pytest.CaptureFixture[str]) -> None:
    host = PluginHost.discover()
    with using_host(host):
        assert main(["--strict-plugins", "formats"]) == 0
        assert stenogram.plugins.get_host() is host
    assert "json" in capsys.readouterr().out


def test_inspect_sees_what_convert_sees_including_the_sidecar(seed: Path) -> None:
    seed.with_suffix(".meta.json").write_text('{"title": "Talks in Moscow, from the sidecar"}', encoding="utf-8")
    data = json.loads(run("inspect", str(seed), "--json").stdout)
    assert data["meeting"]["title"] == "Talks in Moscow, from the sidecar"
    assert data["format"] == "text"
    converted = json.loads(run("convert", str(seed), "--to", "json", "-o", "-").stdout)
    assert converted["meeting"]["title"] == data["meeting"]["title"]
    folder = run("inspect", str(seed.parent))
    assert folder.returncode == 1 and folder.stderr == f"stenogram: error: {seed.parent}: is a directory\n"


def test_an_unexpected_error_in_any_command_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setitem(stenogram.cli.COMMANDS, "formats", broken)
    monkeypatch.delenv("STENOGRAM_DEBUG", raising=False)
    assert main(["formats"]) == 1
    err = capsys.readouterr().err
    assert err == "stenogram: error: unexpected RuntimeError: a bug (set STENOGRAM_DEBUG=1 for the traceback)\n"
    monkeypatch.setenv("STENOGRAM_DEBUG", "1")
    assert main(["formats"]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_the_progress_bar_fits_the_terminal_with_wide_file_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setenv("LINES", "24")
    tty = io.StringIO()
    bar = Progress(2, tty, bar=True)
    name = "立法會會議過程正式紀錄" * 4 + ".txt"
    bar.start(name)
    drawn = tty.getvalue().rsplit("\x1b[2K", 1)[-1]
    cells = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in drawn)
    assert cells < 60 and drawn.endswith("紀錄.txt") and "…" in drawn


def test_running_a_glob_twice_says_what_to_do(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "a.txt")
    assert run("convert", "a.txt", "--to", "summary", cwd=tmp_path).returncode == 0
    again = run("convert", "a.txt", "a.summary.txt", "--to", "summary", cwd=tmp_path)  # what *.txt expands to now
    assert again.returncode == 1
    assert (
        "stenogram: error: a.txt: refusing to overwrite a.summary.txt, which is also an input"
        " (an output of an earlier run? leave it out, or use --output-dir)"
    ) in again.stderr


# -- parse options ----------------------------------------------------------------

CORPUS = shared("corpus", "kremlin_en")
ERDOGAN = CORPUS / "2017-03-10_joint-news-conference-erdogan.txt"
GOVERNMENT = CORPUS / "2020-08-26_meeting-with-government-members.txt"
needs_corpus = needs_shared("corpus", "kremlin_en", ERDOGAN.name)


@needs_corpus
@pytest.mark.parametrize("value", ["no", "false", "0"])
def test_inspect_and_convert_take_annotated_labels(value: str) -> None:
    how = ["--parse", f"annotated_labels={value}"]
    opened = json.loads(run("inspect", str(ERDOGAN), "--json").stdout)
    asked = run("inspect", str(ERDOGAN), "--json", *how)
    assert asked.returncode == 0, asked.stderr
    inline = json.loads(asked.stdout)
    assert "annotated-label" in {d["code"] for d in inline["diagnostics"]}
    assert "annotated-label" not in {d["code"] for d in opened["diagnostics"]}
    assert opened["turns"] > inline["turns"]
    converted = run("convert", str(ERDOGAN), "--to", "json", "-o", "-", *how)
    assert converted.returncode == 0, converted.stderr
    t = stenogram.from_json(converted.stdout)
    assert not any(turn.annotation == "retranslated" for turn in t.turns)
    assert t == stenogram.parse_file(ERDOGAN, annotated_labels=False)


@needs_corpus
def test_convert_takes_stage_notes_from_a_file_and_from_standard_input(tmp_path: Path) -> None:
    aside = "(Tatyana Golikova also reported"
    plain = stenogram.from_json(run("convert", str(GOVERNMENT), "--to", "json", "-o", "-").stdout)
    assert [p.is_aside for p in plain.paragraphs if p.text.startswith(aside)] == [True]
    result = run("convert", str(GOVERNMENT), "--to", "json", "--output-dir", str(tmp_path), "--stage-notes")
    assert result.returncode == 0, result.stderr
    lifted = stenogram.from_json((tmp_path / f"{GOVERNMENT.stem}.json").read_text(encoding="utf-8"))
    assert any(n.text.startswith(aside) for n in lifted.notes)
    assert not any(p.text.startswith(aside) for p in lifted.paragraphs)
    piped = run("convert", "-", "--to", "json", "--parse", "stage_notes=true", stdin=GOVERNMENT.read_bytes())
    assert any(n.text.startswith(aside) for n in stenogram.from_json(piped.stdout).notes)


@needs_corpus
def test_strict_is_an_input_error_of_one_line(tmp_path: Path) -> None:
    inspected = run("inspect", str(ERDOGAN), "--strict")
    assert inspected.returncode == 1 and inspected.stdout == ""
    assert inspected.stderr.count("\n") == 1
    assert inspected.stderr.startswith(f"stenogram: error: {ERDOGAN}:")
    assert "the parser had to guess" in inspected.stderr and "'stenogram inspect' without --strict" in inspected.stderr
    no_traceback(inspected)
    (tmp_path / "clean.txt").write_text("Anna Petrova: Good morning.\n\nIvan Sidorov: Hello.\n", encoding="utf-8")
    both = run("convert", str(ERDOGAN), "clean.txt", "--to", "json", "--output-dir", "out", "--strict", cwd=tmp_path)
    assert both.returncode == 1
    assert both.stderr.splitlines()[-1] == "1 converted, 1 failed"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["clean.json"]
    converted = run("convert", str(ERDOGAN), "--to", "json", "-o", "-", "--parse", "strict=1")
    assert converted.returncode == 1 and converted.stdout == ""
    assert "the parser had to guess" in converted.stderr
    assert converted.stderr.splitlines()[-1] == "0 converted, 1 failed"
    no_traceback(converted)
    clean = run("inspect", "-", "--strict", stdin=b"Anna Petrova: Good morning.\n\nIvan Sidorov: Hello.\n")
    assert clean.returncode == 0, clean.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--parse", "strict=maybe"], "--parse: option 'strict' expects true or false, not 'maybe'"),
        (["--parse", "nosuch=1"], "--parse: unknown option 'nosuch'; options: annotated_labels, encoding"),
        (["--parse", "strict"], "--parse expects KEY=VALUE, not 'strict'"),
        (["--parse", "strict=no", "--strict"], "--strict and --parse strict=no disagree"),
        (
            ["--from", "json", "--stage-notes"],
            "--from json: parse options (stage_notes=True) apply to europarl, text input",
        ),
    ],
)
@pytest.mark.parametrize("command", [["inspect", "SEED"], ["convert", "SEED", "--to", "json", "-o", "-"]])
def test_bad_parse_options_are_usage_errors(command: list[str], args: list[str], message: str, seed: Path) -> None:
    result = run(*[str(seed) if a == "SEED" else a for a in [*command, *args]])
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"stenogram: error: {message}")
    assert result.stderr.count("\n") == 1
    no_traceback(result)


def test_a_json_input_refuses_parse_options_it_cannot_honour(seed: Path) -> None:
    stored = seed.with_suffix(".json")
    stored.write_text(stenogram.to_json(stenogram.read(seed)), encoding="utf-8")
    result = run("convert", str(stored), "--to", "markdown", "-o", "-", "--parse", "annotated_labels=no")
    assert result.returncode == 1
    assert f"{stored}: parse options (annotated_labels=False) apply to europarl, text input" in result.stderr
    assert "'json' reader" in result.stderr
    no_traceback(result)
    assert run("convert", str(stored), "--to", "markdown", "-o", "-", "--parse", "strict=false").returncode == 0


def test_formats_lists_the_parse_options() -> None:
    lines = run("formats").stdout.splitlines()
    corpus = next(i for i, line in enumerate(lines) if line.startswith("corpus formats"))
    readers = lines[lines.index("input formats (--from):") : corpus]
    text = readers.index(next(line for line in readers if line.startswith("  text ")))
    names = ["strict", "stage_notes", "annotated_labels", "separators", "speakers", "label_lines", "text_lines"]
    names.append("encoding")
    shown = readers[text + 2 : text + 2 + len(names)]
    assert [line.split()[1].split("=")[0] for line in shown] == names
    assert all(line.strip().startswith("--parse ") for line in shown)
    assert not any("--set" in line for line in readers)
    data = json.loads(run("formats", "--json").stdout)
    text_reader = next(f for f in data if (f["kind"], f["name"]) == ("reader", "text"))
    assert [o["name"] for o in text_reader["options"]] == [
        "strict",
        "stage_notes",
        "annotated_labels",
        "separators",
        "speakers",
        "label_lines",
        "text_lines",
        "encoding",
    ]


def test_strict_before_the_command_is_not_taken_for_strict_plugins(seed: Path) -> None:
    result = run("--strict", "inspect", str(seed))
    assert result.returncode == 2 and result.stdout == ""
    assert "unrecognized arguments: --strict" in result.stderr
    no_traceback(result)


# -- ready for users: bare command, version, inferred format, did you mean, fail-on, completion ---------


def test_bare_stenogram_prints_help_and_the_commands() -> None:
    result = run()
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("usage: stenogram")
    for command in ("convert", "inspect", "formats", "plugins", "completion"):
        assert f"    {command} " in result.stdout
    assert run("-V").stdout.strip() == f"stenogram {stenogram.__version__}"


def test_the_format_comes_from_the_suffix_of_o(seed: Path) -> None:
    result = run("convert", str(seed), "-o", str(seed.with_name("x.md")))
    assert result.returncode == 0, result.stderr
    assert seed.with_name("x.md").read_text(encoding="utf-8").startswith("# Meeting of Mikhail Mishustin")
    assert run("convert", str(seed), "-o", str(seed.with_name("x.tei.xml"))).returncode == 0
    unknown = run("convert", str(seed), "-o", str(seed.with_name("x.pdf")))
    assert unknown.returncode == 2 and "no export format has this suffix" in unknown.stderr
    missing = run("convert", str(seed), "--output-dir", str(seed.parent))
    assert missing.returncode == 2 and "--to FORMAT is required" in missing.stderr


def test_a_suffix_two_formats_claim_is_a_clear_error(seed: Path) -> None:
    class Twin:
        @hookimpl
        def stenogram_register_formats(self, registrar: Registrar) -> None:
            registrar.add_exporter("md2", lambda t, o: "", media_type="text/markdown", suffix=".md", description="")

    host = PluginHost.discover()
    host.register(Twin(), name="twin")
    err = io.StringIO()
    with using_host(host), contextlib.redirect_stderr(err):
        assert main(["convert", str(seed), "-o", str(seed.with_name("x.md"))]) == 2
    assert "the suffix fits markdown, md2; choose one with --to" in err.getvalue()


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (["convrt", "x.txt"], "did you mean 'convert'?"),
        (["convert", "x.txt", "--ot", "markdown"], "did you mean '--to'?"),
        (["convert", "x.txt", "--to", "markdwn"], "did you mean 'markdown'?"),
        (["convert", "x.txt", "--to", "markdown", "--set", "heading_levl=2"], "did you mean 'heading_level'?"),
        (["inspect", "x.txt", "--parse", "stage_note=1"], "did you mean 'stage_notes'?"),
    ],
)
def test_did_you_mean(args: list[str], suggestion: str, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("Anna Petrova: Hello.\nIvan Sidorov: Hi.\n", encoding="utf-8")
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert suggestion in result.stderr
    no_traceback(result)


def test_fail_on_counts_severities(seed: Path) -> None:
    severities = {d["severity"] for d in json.loads(run("inspect", str(seed), "--json").stdout)["diagnostics"]}
    assert severities == {"info"}  # the seed has info diagnostics only
    assert run("inspect", str(seed), "--fail-on", "warning").returncode == 0
    failed = run("inspect", str(seed), "--fail-on", "info")
    assert failed.returncode == 1 and "--fail-on info" in failed.stderr
    assert run("inspect", str(seed), "--strict").returncode == 1  # --strict is --fail-on info
    assert run("convert", str(seed), "--to", "json", "-o", "-", "--fail-on", "warning").returncode == 0
    assert run("convert", str(seed), "--to", "json", "-o", "-", "--fail-on", "info").returncode == 1


def test_tei_prints_on_a_terminal(seed: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("STENOGRAM_") or k == "STENOGRAM_CACHE_DIR"}
    done = subprocess.run(
        [str(SCRIPT), "convert", str(seed), "--to", "tei", "-o", "-"],
        stdout=follower, stderr=subprocess.PIPE, env=environ, timeout=120, check=False,
    )  # fmt: skip
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0, done.stderr
    assert b"<TEI xmlns=" in b"".join(chunks)


def test_exporter_diagnostics_are_shown(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(
        stenogram.to_json(stenogram.Transcript(
            participants=(stenogram.Participant(id="a", name="A"),),
            body=(stenogram.Turn(speaker="a", label="A", content=(stenogram.Paragraph(text="x\x0cy"),)),),
        )),
        encoding="utf-8",
    )  # fmt: skip
    result = run("convert", str(tmp_path / "x.json"), "--to", "tei", "-o", str(tmp_path / "x.tei.xml"))
    assert result.returncode == 0, result.stderr
    assert "x.json: tei: " in result.stderr and "xml-illegal-character" in result.stderr
    strict = run("convert", str(tmp_path / "x.json"), "--to", "tei", "-o", "-", "--fail-on", "warning")
    assert strict.returncode == 1


def test_formats_speak_shell_and_every_exporter_option_has_help() -> None:
    out = run("formats").stdout
    assert "--set sections=… (a comma-separated list of: one of: title, purpose," in out
    assert "--set template=… (a path; or none; default: none)" in out
    assert "--set include_notes=… (true/false; default: true)" in out
    assert "Literal[" not in out and "pathlib" not in out
    missing = [(f.name, o.name) for f in stenogram.formats() if f.kind == "exporter" for o in f.options if not o.help]
    assert missing == []


def test_completion_scripts(tmp_path: Path) -> None:
    bash = run("completion", "bash").stdout
    assert "complete -o filenames -F _stenogram stenogram" in bash
    script = tmp_path / "c.bash"
    script.write_text(bash, encoding="utf-8")
    probe = (
        f"source {script}; COMP_WORDS=(stenogram convert x.txt --to ''); COMP_CWORD=4; _stenogram; "
        'echo "${COMPREPLY[*]}"; COMP_WORDS=(stenogram insp); COMP_CWORD=1; _stenogram; echo "${COMPREPLY[*]}"'
    )
    done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
    to_words, commands = done.stdout.splitlines()
    assert {"json", "markdown", "tei", "docx"} <= set(to_words.split())
    assert commands == "inspect"
    assert run("completion", "zsh").stdout.startswith("#compdef stenogram")
    fish = run("completion", "fish").stdout
    assert "-l to -x -a 'docx json markdown summary tei'" in fish
    assert run("completion", "tcsh").returncode == 2


def test_parse_refuses_a_path(seed: Path) -> None:
    with pytest.raises(stenogram.OptionError, match="parse_file"):
        stenogram.parse(str(seed))
    with pytest.raises(stenogram.OptionError, match="parse_file"):
        stenogram.parse(seed)  # type: ignore[arg-type]
    assert stenogram.parse(seed.read_text(encoding="utf-8")) == stenogram.parse_file(seed)


@pytest.mark.parametrize(
    ("setup", "clean"),
    [
        ("", True),
        ("import logging", False),  # an atexit function
        ("import concurrent.futures.process", False),  # an executor's exit hook
        ("import threading, time; threading.Thread(target=time.sleep, args=(1,), daemon=True).start()", False),
    ],
)
def test_the_console_script_skips_the_clean_up_only_when_there_is_none(setup: str, clean: bool) -> None:
    code = f"{setup}\nimport stenogram.cli as cli\nprint(cli.nothing_to_clean_up())"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(clean)


def test_the_console_script_flushes_everything_before_it_exits(seed: Path) -> None:
    """``run()`` leaves without the interpreter's clean-up: output to a pipe must still be whole."""
    result = run("convert", str(seed), "--to", "tei", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout == stenogram.export_text(stenogram.parse_file(seed), "tei")
    for command in (["-m", "stenogram"], ["-c", "from stenogram.cli import run; run()"]):
        args = [sys.executable, *command, "convert", "missing.txt", "--to", "json"]
        done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=120)
        assert done.returncode == 1 and done.stderr.startswith("stenogram: error: ") and done.stdout == ""
