"""``postmortem import``: what it prints, what it saves, and what it refuses."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from postmortem_tui.cli import main
from postmortem_tui.persistence import load

from .importing import FIXTURES


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_adds_entries_and_says_which(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    before = len(load(sample_path).timeline)
    code, out, err = _run(
        capsys, "import", str(sample_path), str(FIXTURES / "pagerduty" / "log_entries.json")
    )
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert (
        lines[0].startswith("Read ")
        and "as pagerduty: PagerDuty REST log entries (auto: JSON" in lines[0]
    )
    assert lines[1] == f"Added 4 entries to {sample_path} (times in America/New_York):"
    assert lines[2].split() == [
        "14:17:05",
        "alert",
        "alert",
        "[#4821]",
        "checkout",
        "5xx",
        "rate",
        "above",
        "5%",
        "\u2014",
        "Triggered",
        "through",
        "the",
        "API",
    ]
    assert "Skipped 1 item that could not be read:" in lines
    assert "  item 5: no readable time ('yesterday-ish'): 'Notified Sam Chen by SMS'" in lines
    session = load(sample_path)
    assert len(session.timeline) == before + 4
    assert [
        e.kind
        for e in session.timeline
        if e.source == "alert" and e.link.endswith("Q1CHK0UT") and "#4821" in e.text
    ] == ["alert", "other", "acknowledged", "resolved"]


def test_importing_the_same_file_twice_adds_nothing(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    source = FIXTURES / "slack-export" / "inc-checkout"
    _run(capsys, "import", str(sample_path), str(source))
    saved = sample_path.read_bytes()
    code, out, _ = _run(capsys, "import", str(sample_path), str(source))
    assert code == 0
    assert f"Nothing to add to {sample_path}." in out
    assert "Left out 6 entries already on the timeline." in out
    assert "Left out 1 entry outside the window 2026-11-24 13:12 \u2013 2026-11-24 19:16" in out
    assert sample_path.read_bytes() == saved  # not even re-saved


def test_dry_run_changes_nothing(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    saved = sample_path.read_bytes()
    code, out, _ = _run(
        capsys, "import", str(sample_path), str(FIXTURES / "db-syslog.log"), "--dry-run"
    )
    assert code == 0
    assert f"Would add 4 entries to {sample_path}" in out
    assert "(zone assumed, date inferred)" in out
    assert "  line 6: no timestamp at the start: 'kernel buffer overflow garbage'" in out
    assert sample_path.read_bytes() == saved


def test_tz_since_until_all_and_shift(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    log = FIXTURES / "db-syslog.log"
    _, out, _ = _run(capsys, "import", str(sample_path), str(log), "--dry-run", "--tz", "UTC")
    assert "Nothing to add" in out and "Left out 4 entries outside the window" in out
    _, out, _ = _run(
        capsys, "import", str(sample_path), str(log), "--dry-run", "--tz", "UTC", "--all"
    )
    assert "Would add 4 entries" in out
    assert "  09:12:01" in out and "(date inferred)" in out and "zone assumed" not in out
    _, out, _ = _run(
        capsys,
        "import",
        str(sample_path),
        str(log),
        "--dry-run",
        "--since",
        "14:15",
        "--until",
        "18:00",
    )
    assert (
        "Would add 1 entry" in out
        and "Left out 3 entries outside the window 2026-11-24 14:15" in out
    )
    _, out, _ = _run(capsys, "import", str(sample_path), str(log), "--dry-run", "--shift=-1h")
    assert "  13:12:01" in out and "  17:09:44" in out
    # As people type it: argparse would take -1h for an option and want an argument.
    code, spaced, _ = _run(capsys, "import", str(sample_path), str(log), "--dry-run", "--shift", "-1h")
    assert code == 0 and spaced == out


def test_format_override(capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    code, out, _ = _run(
        capsys,
        "import",
        str(sample_path),
        str(FIXTURES / "chat-paste.txt"),
        "--format",
        "log",
        "--dry-run",
    )
    assert code == 0 and "as log" in out and "Skipped 2 lines" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tz", "Mars"], "argument --tz: 'Mars' is not a time zone"),
        (["--since", "lunch"], "--since/--until: 'lunch' is not a time"),
        (["--shift", "5"], "argument --shift: '5' is not a time offset"),
        (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
    ],
)
def test_bad_options_are_one_line(
    capsys: pytest.CaptureFixture[str], sample_path: Path, args: list[str], message: str
) -> None:
    code, out, err = _run(
        capsys, "import", str(sample_path), str(FIXTURES / "chat-paste.txt"), *args
    )
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_bad_session_file_is_refused_and_left_alone(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    sample_path.write_text(
        sample_path.read_text().replace("schema_version = 1", "schema_version = 99")
    )
    before = sample_path.read_bytes()
    code, out, err = _run(capsys, "import", str(sample_path), str(FIXTURES / "chat-paste.txt"))
    assert code == 1 and out == ""
    assert err.startswith(f"postmortem: {sample_path}") and len(err.strip().splitlines()) == 1
    assert sample_path.read_bytes() == before


def test_a_file_that_cannot_be_imported_is_one_line(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    code, out, err = _run(capsys, "import", str(sample_path), str(tmp_path / "missing.log"))
    assert code == 1 and out == ""
    assert err == f"postmortem: {tmp_path / 'missing.log'}: no such file\n"
    code, _, err = _run(capsys, "import", str(sample_path), str(FIXTURES / "slack-export"))
    assert code == 1 and "is a whole Slack export; import one channel's folder" in err


def test_control_characters_in_imported_text_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    log = tmp_path / "x.log"
    log.write_bytes(b"2026-11-24T19:20:00Z \x1b]0;pwned\x07 title\nnope \x1b[2J\n")
    _, out, _ = _run(capsys, "import", str(sample_path), str(log), "--dry-run")
    assert "\x1b" not in out and "\x07" not in out


def test_help_lists_import(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "    import" in capsys.readouterr().out


def test_the_installed_command_imports(sample_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "postmortem_tui",
            "import",
            str(sample_path),
            str(FIXTURES / "timeline.csv"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "Added 5 entries" in result.stdout


def test_a_failed_save_is_one_line_and_claims_nothing(
    capsys: pytest.CaptureFixture[str], sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("postmortem_tui.persistence.session_file.atomic_write", disk_full)
    before = sample_path.read_bytes()
    code, out, err = _run(capsys, "import", str(sample_path), str(FIXTURES / "timeline.csv"))
    assert code == 1
    assert "Added" not in out
    assert err == f"postmortem: {sample_path}: cannot be saved: the disk is full\n"
    assert sample_path.read_bytes() == before


def test_a_corrupt_slack_day_file_is_skipped_and_the_other_days_imported(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    export = tmp_path / "slack-export"
    shutil.copytree(FIXTURES / "slack-export", export)
    (export / "inc-checkout" / "2026-11-23.json").write_text('[{"ts": "1", "text": "cut sh')
    code, out, _ = _run(capsys, "import", str(sample_path), str(export / "inc-checkout"))
    assert code == 0
    assert "Added 6 entries" in out
    assert (
        "  2026-11-23.json: line 1: the whole day file was skipped: column 22: not valid JSON: "
        "Unterminated string starting at"
    ) in out


def test_a_utf16_log_is_read_and_one_without_a_mark_is_named(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path
) -> None:
    """Windows tools write UTF-16: it was refused as 'not a text file (it has NUL bytes)'."""
    text = "2026-11-24 14:40:00 rollback of migration 0142 started\n"
    marked = tmp_path / "events.log"
    marked.write_bytes(text.encode("utf-16"))  # with a byte-order mark, as Notepad writes
    code, out, err = _run(capsys, "import", str(sample_path), str(marked))
    assert code == 0 and err == ""
    assert "rollback of migration 0142 started" in [e.text for e in load(sample_path).timeline]
    bare = tmp_path / "bare.log"
    bare.write_bytes(text.encode("utf-16-le"))
    code, out, err = _run(capsys, "import", str(sample_path), str(bare))
    assert code == 1
    assert err == f"postmortem: {bare}: looks like UTF-16 text without a byte-order mark; save it as UTF-8\n"


def test_a_source_that_never_ends_is_refused_not_read_forever(
    capsys: pytest.CaptureFixture[str], sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``import SESSION /dev/zero`` read until memory ran out; past the cap it is one line."""
    from postmortem_tui.importers import files

    monkeypatch.setattr(files, "MAX_IMPORT_BYTES", 2**20)
    before = sample_path.read_bytes()
    code, out, err = _run(capsys, "import", str(sample_path), "/dev/zero")
    assert code == 1 and out == ""
    assert err == "postmortem: /dev/zero: is larger than 1 MiB; import it in parts\n"
    big = tmp_path / "huge.log"
    big.write_text("2026-11-24 14:40:00 a line of a big log\n" * 30_000)  # about 1.2 MiB
    code, out, err = _run(capsys, "import", str(sample_path), str(big))
    assert code == 1 and err == f"postmortem: {big}: is larger than 1 MiB; import it in parts\n"
    assert sample_path.read_bytes() == before  # the session is untouched


def test_a_session_and_a_file_given_the_wrong_way_round_are_named_so(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    """Not "not valid TOML ... fix it by hand", which invites editing the log."""
    log = sample_path.parent / "app.log"
    shutil.copyfile(FIXTURES / "chat-paste.txt", log)
    before = sample_path.read_bytes(), log.read_bytes()
    code, out, err = _run(capsys, "import", str(log), str(sample_path))
    assert code == 2 and out == ""
    assert err == (
        f"postmortem import: {log} is not a session file (.toml) and {sample_path}"
        " is: the session comes first, postmortem import SESSION.toml FILE\n"
    )
    assert (sample_path.read_bytes(), log.read_bytes()) == before


def test_kinds_are_named_as_the_document_names_them(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    """'change / trigger' rather than the file's key 'change'; a row of no kind shows '—'."""
    _, out, _ = _run(
        capsys, "import", str(sample_path), str(FIXTURES / "timeline.csv"), "--dry-run"
    )
    assert "deploy change / trigger  Migration 0142 deployed" in out
    assert " other " not in out
