"""convert_many: the same bytes on any executor, failures named, nothing overwritten, nothing half-written."""

from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
import os
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from repo_shared import ROOT, skip_unless_shared

import stenogram
from stenogram import hookimpl
from stenogram.batch import Outcome, plan_targets
from stenogram.cli import main
from stenogram.hookspecs import Registrar
from stenogram.model import Transcript
from stenogram.plugins import DEFAULT_PLUGINS, PluginHost, using_host

SEED = ROOT / "seeds" / "000_cc7df8760118afc5.txt"
EPOCH = "1700000000"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def epoch(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return EPOCH


def _some_inputs(tmp_path: Path) -> list[Path]:
    a, b = tmp_path / "in" / "a", tmp_path / "in" / "b"
    a.mkdir(parents=True)
    b.mkdir(parents=True)
    seed = SEED.read_bytes()
    (a / "meeting.txt").write_bytes(seed)
    (b / "meeting.txt").write_bytes(b"Anna Petrova: Good morning.\nIvan Sidorov: Good morning to you.\n")
    (a / "other.txt").write_bytes(seed)
    return [a / "meeting.txt", b / "meeting.txt", a / "other.txt"]


def test_a_failing_file_is_named_and_the_rest_are_written(tmp_path: Path) -> None:
    inputs = _some_inputs(tmp_path)
    empty = tmp_path / "in" / "empty.txt"
    empty.write_bytes(b"")
    seen: list[Outcome] = []
    summary = stenogram.convert_many(
        [inputs[0], empty, tmp_path / "nope.txt", inputs[2]], "json", output_dir=tmp_path / "out", progress=seen.append
    )
    assert (summary.converted, summary.failed) == (2, 2)
    assert [f.source for f in summary.failures] == [str(empty), str(tmp_path / "nope.txt")]
    assert str(empty) in summary.failures[0].error
    assert "No such file" in summary.failures[1].error
    assert sorted(_files(tmp_path / "out")) == ["meeting.json", "other.json"]
    assert sorted(o.status for o in seen) == ["converted", "converted", "failed", "failed"]


def test_same_file_name_in_two_folders_gets_two_outputs(tmp_path: Path) -> None:
    inputs = _some_inputs(tmp_path)
    summary = stenogram.convert_many(inputs, "json", output_dir=tmp_path / "out")
    assert summary.failed == 0
    out = _files(tmp_path / "out")
    assert sorted(out) == ["a_meeting.json", "b_meeting.json", "other.json"]
    assert out["a_meeting.json"] != out["b_meeting.json"]
    # the names do not depend on the order of the inputs
    stenogram.convert_many(inputs[::-1], "json", output_dir=tmp_path / "again")
    assert _files(tmp_path / "again") == out


def test_a_file_given_twice_or_an_output_onto_an_input_is_refused() -> None:
    plan = plan_targets(["x/a.txt", "x/b.txt", "x/a.txt", "y/b.json"], ".json", "y")
    assert plan[0] == ("x/a.txt", "y/a.json", None)
    assert plan[1][1] is None and "refusing to overwrite y/b.json, which is an input" in (plan[1][2] or "")
    assert plan[2][1] is None and "given more than once" in (plan[2][2] or "")
    assert plan[3][1] is None  # converted onto itself
    same_folder = plan_targets(["y/b.txt", "y/b.md"], ".json", "y")  # one folder: the whole names tell them apart
    assert [t for _, t, _ in same_folder] == ["y/b.txt.json", "y/b.md.json"]
    earlier_output = plan_targets(["y/b.txt", "y/b.json"], ".json", "y")  # b.json is an output of an earlier run
    assert [t for _, t, _ in earlier_output] == [None, None]
    assert "refusing to overwrite y/b.json, which is an input" in (earlier_output[0][2] or "")
    onto_itself = plan_targets(["y/b.json"], ".json", "y")
    assert onto_itself[0][1] is None and "refusing to overwrite y/b.json, which is an input" in (
        onto_itself[0][2] or ""
    )


def test_skip_existing_resumes(tmp_path: Path) -> None:
    inputs = _some_inputs(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "other.json").write_bytes(b"left alone")
    summary = stenogram.convert_many(inputs, "json", output_dir=out, skip_existing=True)
    assert (summary.converted, summary.skipped, summary.failed) == (2, 1, 0)
    assert (out / "other.json").read_bytes() == b"left alone"


def test_options_and_parse_options_are_checked_before_anything_runs(tmp_path: Path) -> None:
    with pytest.raises(stenogram.OptionError):
        stenogram.convert_many(_some_inputs(tmp_path), "json", output_dir=tmp_path / "out", indent="two")
    with pytest.raises(stenogram.OptionError):
        stenogram.convert_many(
            [SEED], "json", output_dir=tmp_path / "out", read_options={"parse_options": {"no_such": 1}}
        )
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def _differing_epoch() -> None:  # a worker whose own clock setting differs from the client's
    os.environ["SOURCE_DATE_EPOCH"] = "86400"


def test_a_process_pool_gives_the_bytes_of_a_serial_run(tmp_path: Path, epoch: str) -> None:
    inputs = _some_inputs(tmp_path)
    serial = stenogram.convert_many(inputs, "docx", output_dir=tmp_path / "serial")
    context = multiprocessing.get_context("spawn")  # nothing inherited: what the task carries decides
    with cf.ProcessPoolExecutor(2, mp_context=context, initializer=_differing_epoch) as pool:
        pooled = stenogram.convert_many(inputs, "docx", output_dir=tmp_path / "pool", executor=pool, max_in_flight=2)
        direct = stenogram.convert_many(
            inputs, "docx", output_dir=tmp_path / "direct", executor=pool, write_in_workers=True
        )
    assert serial.converted == pooled.converted == direct.converted == 3
    assert _files(tmp_path / "serial") == _files(tmp_path / "pool") == _files(tmp_path / "direct")


class _Dies:
    """An exporter that takes its worker process down with it, as an out-of-memory kill would."""

    @hookimpl
    def stenogram_register_formats(self, registrar: Registrar) -> None:
        def die(transcript: Transcript, options: object) -> str:
            if os.getpid() != int(os.environ["I13_CLIENT_PID"]):
                os._exit(3)
            return "fine"

        registrar.add_exporter("dies", die, media_type="text/plain", suffix=".dies", description="kills its worker")


def test_a_dying_executor_leaves_no_partial_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("I13_CLIENT_PID", str(os.getpid()))
    host = PluginHost()
    for module in DEFAULT_PLUGINS:
        host.register_module(module, builtin=True)
    host.register(_Dies(), name="dies")
    with using_host(host):
        pool = cf.ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
        try:
            summary = stenogram.convert_many(_some_inputs(tmp_path), "dies", output_dir=tmp_path / "out", executor=pool)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    assert summary.converted == 0 and summary.failed == 3
    assert all("worker" in f.error for f in summary.failures)
    assert list((tmp_path / "out").iterdir()) == []


def test_ctrl_c_stops_the_batch_and_leaves_no_partial_file(tmp_path: Path) -> None:
    inputs = _some_inputs(tmp_path)

    def interrupt(outcome: Outcome) -> None:
        raise KeyboardInterrupt

    with cf.ProcessPoolExecutor(1) as pool, pytest.raises(KeyboardInterrupt):
        stenogram.convert_many(inputs, "json", output_dir=tmp_path / "out", executor=pool, progress=interrupt)
    left = [p.name for p in (tmp_path / "out").iterdir()]
    assert all(name.endswith(".json") and not name.startswith(".") for name in left)
    assert len(left) <= 1


def test_cli_jobs_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str], epoch: str) -> None:
    inputs = [str(p) for p in _some_inputs(tmp_path)]
    assert main(["convert", *inputs, "--to", "json", "--output-dir", str(tmp_path / "serial"), "-q"]) == 0
    report = tmp_path / "report.json"
    missing = str(tmp_path / "missing.txt")
    code = main(
        [
            "convert",
            *inputs,
            missing,
            "--to",
            "json",
            "--output-dir",
            str(tmp_path / "jobs"),
            "--jobs",
            "2",
            "--report",
            str(report),
        ]
    )
    assert code == 1
    assert json.loads(report.read_text(encoding="utf-8")) == [
        {"file": missing, "error": f"{missing}: cannot read: No such file or directory"}
    ]
    assert "3 converted, 1 failed" in capsys.readouterr().err
    jobs = _files(tmp_path / "jobs")
    assert sorted(jobs) == ["a_meeting.json", "b_meeting.json", "other.json"]  # two meetings named apart
    assert jobs == _files(tmp_path / "serial")


def test_cli_batch_flags_refuse_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(SEED), "--to", "json", "-o", "-", "--jobs", "2"]) == 2
    assert "leave out '-' and -o" in capsys.readouterr().err


@pytest.fixture(scope="module")
def kremlin_dev() -> Iterator[list[Path]]:
    folder = skip_unless_shared("corpus", "kremlin_dev")
    yield sorted(folder.glob("*.txt"))


def test_a_dask_local_cluster_gives_the_bytes_of_a_serial_run(
    tmp_path: Path, kremlin_dev: list[Path], epoch: str
) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask is the optional extra stenogram[dask]")
    for fmt in ("tei", "docx"):
        serial = stenogram.convert_many(kremlin_dev, fmt, output_dir=tmp_path / f"serial-{fmt}")
        assert serial.failed == 0 and serial.converted == len(kremlin_dev)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        executor = client.get_executor()
        for fmt in ("tei", "docx"):
            summary = stenogram.convert_many(kremlin_dev, fmt, output_dir=tmp_path / f"dask-{fmt}", executor=executor)
            assert summary.failed == 0
            assert _files(tmp_path / f"dask-{fmt}") == _files(tmp_path / f"serial-{fmt}")


_FOLDERS = st.sampled_from(["a", "b", "a/b", "c/a", "x y"])
_NAMES = st.sampled_from(["m.txt", "m.md", "n.txt", "m.json", "a_m.txt"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_FOLDERS, _NAMES), min_size=1, max_size=8), st.randoms())
def test_a_plan_never_writes_two_inputs_to_one_file_whatever_their_order(
    picks: list[tuple[str, str]], rnd: random.Random
) -> None:
    inputs = [f"{folder}/{name}" for folder, name in picks]
    plan = plan_targets(inputs, ".json", "out")
    targets = [t for _, t, _ in plan if t is not None]
    assert len(targets) == len(set(targets))
    assert all(t not in {os.path.normpath(i) for i in inputs} for t in targets)
    given_once = {s for s, t, _ in plan if t is not None}
    assert given_once == set(inputs) - {s for s, t, p in plan if t is None and "given more than once" not in (p or "")}
    shuffled = inputs[:]
    rnd.shuffle(shuffled)
    assert {(s, t) for s, t, _ in plan_targets(shuffled, ".json", "out") if t} == {(s, t) for s, t, _ in plan if t}


def test_dask_missing_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if Dask were not installed
    code = main(["convert", str(SEED), "--to", "json", "--output-dir", str(tmp_path), "--dask", "local"])
    assert code == 1
    assert "--dask needs Dask's distributed scheduler: pip install 'stenogram[dask]'" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())
