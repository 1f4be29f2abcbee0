"""The command line: what it prints, its exit codes, and files it leaves alone."""

from __future__ import annotations

import gc
import json
import os
import stat
import subprocess
import sys
import time
import types
from datetime import timedelta
from pathlib import Path

import pytest

from postmortem_tui.cli import main
from postmortem_tui.paths import sessions_dir
from postmortem_tui.persistence import load, save


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in ("open", "new", "export", "validate", "list"):
        assert f"    {command}" in out


def test_export_prints_the_document(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, out, _ = _run(capsys, "export", str(sample_path))
    assert code == 0
    assert out.startswith("# Post-mortem: Checkout outage")


def test_export_to_a_file(capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "doc.md"
    code, out, err = _run(capsys, "export", str(sample_path), "-o", str(target))
    assert code == 0 and out == ""
    assert f"Wrote {target}" in err
    assert target.read_text().startswith("# Post-mortem")


@pytest.mark.parametrize("command", ["export", "invite"])
def test_a_document_is_never_written_over_a_session(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path, command: str
) -> None:
    other = tmp_path / "other.toml"
    other.write_bytes(sample_path.read_bytes())
    broken = tmp_path / "broken.toml"  # a session cut short: still a session file
    broken.write_bytes(sample_path.read_bytes()[:900])
    before = sample_path.read_bytes()
    for target, why in (
        (sample_path, "is the session file itself"),
        (other, "is a session file"),
        (broken, "is a session file"),
    ):
        code, _, err = _run(capsys, command, str(sample_path), "-o", str(target))
        assert code != 0
        assert err.strip().endswith(f"{target}: {why}; write the document to another file")
        assert len(err.strip().splitlines()) == 1
    assert sample_path.read_bytes() == before
    assert other.read_bytes() == before


@pytest.mark.parametrize("command", ["export", "invite"])
def test_a_document_is_never_written_over_any_existing_toml_file(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path, command: str
) -> None:
    contents = {
        "utf16.toml": sample_path.read_text().encode("utf-16"),  # a session validate rejects
        "empty.toml": b"",
        "pyproject.toml": b'[project]\nname = "x"\n',
        "config.toml": b"[settings]\nholidays = []\n",
    }
    for name, data in contents.items():
        target = tmp_path / name
        target.write_bytes(data)
        code, out, err = _run(capsys, command, str(sample_path), "-o", str(target))
        assert code == 1
        assert err.strip() == (
            f"postmortem: {target}: is an existing .toml file; write the document to another file"
        )
        assert target.read_bytes() == data


def test_an_empty_file_or_a_byte_order_mark_is_named_plainly(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    code, _, err = _run(capsys, "validate", str(empty))
    assert code != 0 and "is empty" in err
    marked = tmp_path / "bom.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + sample_path.read_bytes())
    code, out, _ = _run(capsys, "validate", str(marked))
    assert code == 0 and "valid" in out


def _corrupt(path: Path, how: str) -> None:
    text = path.read_text()
    if how == "truncated":
        path.write_text(text[: len(text) // 2])
    elif how == "wrong type":
        path.write_text(text.replace("deadline = 2026-12-11", 'deadline = "soon"', 1))
    elif how == "newer schema":
        path.write_text(text.replace("schema_version = 1", "schema_version = 99"))


@pytest.mark.parametrize("how", ["truncated", "wrong type", "newer schema"])
def test_validate_refuses_bad_files_in_one_line(
    capsys: pytest.CaptureFixture[str], sample_path: Path, how: str
) -> None:
    _corrupt(sample_path, how)
    before = sample_path.read_bytes()
    code, out, err = _run(capsys, "validate", str(sample_path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"postmortem: {sample_path}:")
    assert "Traceback" not in err
    assert sample_path.read_bytes() == before


def test_validate_accepts_the_sample(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, out, _ = _run(capsys, "validate", str(sample_path))
    assert code == 0
    assert "valid (11 timeline entries, 6 action items)" in out


def test_opening_a_bad_file_refuses_and_leaves_it(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    _corrupt(sample_path, "truncated")
    before = sample_path.read_bytes()
    code, _, err = _run(capsys, str(sample_path))
    assert code == 1 and "not valid TOML" in err
    assert sample_path.read_bytes() == before
    assert gc.isenabled()  # paused for the launch that did not happen, and on again


def test_new_creates_in_the_sessions_folder_and_list_shows_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(
        capsys, "new", "--title", "Search latency spike", "--start", "2026-11-20 09:30",
        "--timezone", "Europe/Berlin", "--severity", "SEV2",
    )
    assert code == 0
    path = Path(out.strip())
    assert path.parent == sessions_dir()
    assert path.name == "2026-11-20-search-latency-spike.toml"
    session = load(path)
    assert session.incident.start is not None and session.incident.start.utcoffset() is not None
    _run(capsys, "new", "--title", "Older one", "--start", "2026-10-01 10:00")
    code, out, _ = _run(capsys, "list")
    lines = out.strip().splitlines()
    assert "Search latency spike" in lines[0] and lines[0].startswith("2026-11-20")
    assert "Older one" in lines[1]  # the newest incident first


@pytest.mark.parametrize("minutes", [7, 30, 45, 90, 600])
def test_new_with_minutes_shares_them_among_the_steps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, minutes: int
) -> None:
    """The booked length and the agenda agree: the header's planned minutes and the
    projected end come from the same plan, and so does the document's agenda."""
    path = tmp_path / "short.toml"
    code, _, _ = _run(capsys, "new", str(path), "--title", "x", "--minutes", str(minutes))
    assert code == 0
    session = load(path)
    steps = [step.planned_minutes for step in session.agenda.steps]
    assert session.planned_minutes == sum(steps) == minutes
    assert min(steps) >= 1
    assert steps[2] == max(steps)  # root cause analysis keeps the largest share
    assert steps[0] <= steps[1]  # setting the tone stays shorter than the timeline


def test_new_refuses_bad_options_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "new", "--title", "x", "--timezone", "Mars/Olympus")
    assert code == 2 and err.count("\n") == 1 and "Mars/Olympus" in err
    code, _, err = _run(capsys, "new", "--title", "x", "--start", "yesterday")
    assert code == 2 and "--start" in err and "2026-11-24 14:12" in err
    code, _, err = _run(
        capsys, "new", "--title", "x", "--start", "2026-11-24 14:00", "--end", "2026-11-24 13:00"
    )
    assert code == 2 and "end is before its start" in err


def test_list_when_empty(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "list")
    assert code == 0 and "No sessions yet" in out


def test_list_of_a_file_or_a_missing_folder_says_so(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    code, _, err = _run(capsys, "list", str(sample_path))
    assert code == 1 and err.strip().endswith("is a file, not a folder of sessions")
    code, _, err = _run(capsys, "list", str(tmp_path / "nope"))
    assert code == 1 and err.strip().endswith("nope: no such folder")


def test_the_installed_command_and_module_run(sample_path: Path) -> None:
    for command in (["postmortem"], [sys.executable, "-m", "postmortem_tui"]):
        result = subprocess.run(
            [*command, "validate", str(sample_path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr


def test_a_missing_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "export", str(tmp_path / "nope.toml"))
    assert code == 1 and err.strip() == f"postmortem: {tmp_path / 'nope.toml'}: no such file"


@pytest.mark.parametrize("mode", [0o600, 0o644])
def test_an_exported_document_is_as_private_as_its_session(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path, mode: int
) -> None:
    os.chmod(sample_path, mode)
    out = tmp_path / f"doc-{mode:o}.md"
    assert _run(capsys, "export", str(sample_path), "-o", str(out))[0] == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_the_meeting_screen_without_a_terminal_says_so_and_stops(sample_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "postmortem_tui", str(sample_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().startswith("postmortem: the meeting screen needs a terminal")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--minutes", "0"], "postmortem new: --minutes: at least 7, a minute for each step"),
        (["--minutes", "601"], "postmortem new: --minutes: Input should be less than or equal to 600"),
        (
            ["--start", "2026-11-20 10:00", "--end", "2026-11-20 09:00"],
            "postmortem new: --start/--end: incident end is before its start",
        ),
        (["--title", " "], "postmortem new: --title: give the incident a title"),
    ],
)
def test_new_names_the_option_that_is_wrong(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: list[str], says: str
) -> None:
    path = tmp_path / "s.toml"
    code, _, err = _run(capsys, "new", str(path), "--title", "x", *options)
    assert code == 2 and err.startswith(says)
    assert not path.exists()


def test_new_wants_a_toml_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = _run(capsys, "new", str(tmp_path / "notes.md"), "--title", "x")
    assert code == 1 and err.strip().endswith("a new session file should end in .toml")
    assert not (tmp_path / "notes.md").exists()


def test_a_mistyped_command_is_named_with_the_likely_one(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, _, err = _run(capsys, "exprot", str(sample_path))
    assert code == 2 and err == "postmortem: unknown command 'exprot'; did you mean 'export'?\n"


def test_list_invite_and_csv_show_control_characters_as_symbols(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    """A title with an ANSI escape never reaches the terminal or a calendar as raw bytes."""
    session = load(sample_path)
    session.incident.title = "a\x1b[31mb\x9b"
    session.participants[0].name = "Ana\x07"
    session.action_items[0].what = "fix\x1b[2J it"
    session.action_items[0].owner = "Kim\x1b]0;x\x07"
    save(session, sample_path)
    raw = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\n\r"]

    def controls(text: str) -> list[str]:
        return [c for c in text if c in raw]

    _, out, _ = _run(capsys, "list", str(sample_path.parent))
    assert controls(out) == [] and "a␛[31mbU+009B" in out

    code, out, _ = _run(capsys, "invite", str(sample_path))
    assert code == 0 and "SUMMARY:Post-mortem: a␛[31mbU+009B" in out
    assert controls(out) == []

    _, out, _ = _run(capsys, "actions", str(sample_path.parent), "--format", "csv")
    assert controls(out) == [] and "fix␛[2J it" in out and "Kim␛]0;x␇" in out
    _, table, _ = _run(capsys, "actions", str(sample_path.parent))
    assert "fix␛[2J it" in table

    session.action_items[0].what = "fix\x9b2J it\x7f"  # C1 and DEL, which JSON leaves raw
    save(session, sample_path)
    _, out, _ = _run(capsys, "actions", str(sample_path.parent), "--format", "json")
    assert controls(out) == [] and "fix\\u009b2J it\\u007f" in out
    assert any(item["what"] == "fix\x9b2J it\x7f" for item in json.loads(out))  # data unchanged


@pytest.mark.parametrize("command", [["new", "--title", "X"], ["open"], []])
def test_a_session_in_a_folder_that_is_not_there_is_refused_and_nothing_made(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: list[str],
) -> None:
    """With a terminal, as a person types it: the meeting screen (stubbed) is never reached."""
    screen = types.ModuleType("postmortem_tui.ui.app")
    screen.run = lambda *args, **kwargs: pytest.fail(  # type: ignore[attr-defined]
        "the meeting screen was opened"
    )
    monkeypatch.setitem(sys.modules, "postmortem_tui.ui.app", screen)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys, "__stderr__", types.SimpleNamespace(isatty=lambda: True))
    target = tmp_path / "nonexistent" / "dir" / "x.toml"
    args = [command[0], str(target), *command[1:]] if command else [str(target)]
    code, out, err = _run(capsys, *args)
    assert code == 1 and out == ""
    assert err.strip() == (
        f"postmortem: {target}: folder {target.parent} does not exist; "
        "create it first or choose another place"
    )
    assert not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize("command", ["export", "invite"])
def test_an_output_that_is_a_folder_is_named_as_one(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    sample_path: Path,
    tmp_path: Path,
    command: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in (".", str(tmp_path)):
        code, _, err = _run(capsys, command, str(sample_path), "-o", folder)
        assert code == 1
        assert err == f"postmortem: {folder}: is a folder; write the document to a file in it\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "command",
    [["export", "{s}"], ["invite", "{s}"], ["list", "{d}"], ["lint", "{s}"],
     ["actions", "{d}", "--format", "csv"]],
)
def test_a_full_standard_output_is_one_line_and_exit_1(
    sample_path: Path, command: list[str]
) -> None:
    """``postmortem export S > /dev/full``: a real process, as the shell runs it."""
    args = [a.format(s=sample_path, d=sample_path.parent) for a in command]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "postmortem_tui", *args],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr == "postmortem: cannot write to standard output: No space left on device\n"


@pytest.mark.parametrize(("setting", "looked_up"), [(None, False), ("", True), ("1", False)])
def test_the_command_skips_pydantic_s_plugin_lookup_unless_told_not_to(
    sample_path: Path, setting: str | None, looked_up: bool
) -> None:
    """The lookup reads every installed package's entry points at each launch; with it off,
    ``importlib.metadata`` (its means) is not even imported."""
    code = (
        "import sys\n"
        "from postmortem_tui import launch\n"
        f"sys.argv = ['postmortem', 'validate', {str(sample_path)!r}]\n"
        "code = launch.main()\n"
        "metadata = 'importlib.metadata' in sys.modules\n"
        "from pydantic.plugin import _loader\n"
        "print('looked up:', _loader._plugins is not None, metadata, 'exit:', code)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if setting is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = setting
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert f"looked up: {looked_up} {looked_up} exit: 0" in done.stdout, done.stderr


def test_with_the_lookup_off_pydantic_s_loader_still_answers_everything_it_has() -> None:
    """The stand-in says "no plugins" as pydantic's loader does, hands every other name to
    the real loader, and looks plugins up after all once the setting is taken back."""
    code = (
        "import os, sys\n"
        "from postmortem_tui import launch\n"
        "launch.process_settings()\n"
        "from pydantic import BaseModel\n"
        "class M(BaseModel):\n"
        "    x: int\n"
        "print('model:', M(x='3').x, 'importlib.metadata' in sys.modules)\n"
        "from pydantic.plugin._loader import get_plugins, PYDANTIC_ENTRY_POINT_GROUP\n"
        "print('plugins:', tuple(get_plugins()), 'group:', PYDANTIC_ENTRY_POINT_GROUP)\n"
        "os.environ['PYDANTIC_DISABLE_PLUGINS'] = ''\n"
        "from pydantic.plugin import _loader\n"
        "get_plugins()\n"
        "print('looked up:', sys.modules['pydantic.plugin._loader']._plugins is not None)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == [
        "model: 3 False",
        "plugins: () group: pydantic",
        "looked up: True",
    ], done.stderr


def test_a_meeting_time_without_a_zone_is_on_this_computer_s_clock(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --timezone, a typed meeting time got no offset, and `invite` then refused the
    session it had just made."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    try:
        path = tmp_path / "m.toml"
        code, _, _ = _run(capsys, "new", str(path), "--title", "x", "--meeting", "2026-12-01 10:00")
        assert code == 0
        scheduled = load(path).meeting.scheduled
        assert scheduled is not None and scheduled.utcoffset() == timedelta(hours=5, minutes=30)
        assert scheduled.hour == 10
        code, out, err = _run(capsys, "invite", str(path))
        assert code == 0, err
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_list_names_an_unreadable_file_on_stderr_apart_from_the_list(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    (sample_path.parent / "b-broken.toml").write_text("schema_version = 1\n[incident\n")
    (sample_path.parent / "a-broken.toml").write_text("")
    code, out, err = _run(capsys, "list", str(sample_path.parent))
    assert code == 0
    assert out.count("\n") == 1 and "Checkout outage" in out
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("postmortem: skipped ") for line in lines)
    assert "a-broken.toml" in lines[0] and "b-broken.toml" in lines[1]
