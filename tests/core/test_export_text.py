"""The exported document shows typed values literally: links, line breaks, titles, blanks."""

from __future__ import annotations

import re
import subprocess
from html import escape, unescape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt

from postmortem_tui.export import render
from postmortem_tui.model import (
    ActionItem,
    Improvement,
    Note,
    Session,
    TimelineEntry,
    WhyChain,
)
from tests.core.test_export import _markdownlint
from tests.strategies import sessions


def _html(document: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(document)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_bidi_overrides_and_zero_width_characters_show_as_code_points() -> None:
    typed = "Sam approved \u202eevol-ot-deganam\u202c the deploy, ad\u200bmin"
    html = _html(render(Session(went_well=[Note(text=typed)])))
    assert "Sam approved U+202Eevol-ot-deganamU+202C the deploy, adU+200Bmin" in _text(html)
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", html)


def _lint_problems(document: str, tmp_path: Path) -> str:
    """markdownlint's complaints (line length aside), or "" when it is not installed."""
    tool = _markdownlint()
    if tool is None:
        return ""
    out = tmp_path / "doc.md"
    out.write_text(document)
    result = subprocess.run(
        [tool, "--disable", "MD013", "--", str(out)], check=False, capture_output=True, text=True
    )
    return result.stdout + result.stderr


def _heading(document: str) -> str:
    match = re.search(r"<h1>(.*?)</h1>", _html(document))
    assert match is not None
    return match.group(1)


def test_a_url_with_a_fragment_in_the_title_links_to_that_fragment() -> None:
    typed = "Docs at https://x.com/runbook#locks down"
    heading = _heading(render(Session(incident={"title": typed})))
    assert '<a href="https://x.com/runbook#locks">https://x.com/runbook#locks</a>' in heading
    assert _text(heading) == "Post-mortem: " + typed


@pytest.mark.parametrize(
    "typed",
    ["Is it DNS?", "Tom &amp; Jerry &amp;", "Went well :smile:", "Done.", "Wait...", "Lost #",
     "C# and F#", "Down!", "全角。", "Ends in a colon:", "a\\", "Trailing ;",
     "Go to www.", "a\\.", "a\\\\!"],
)
def test_the_title_is_published_exactly_as_typed(typed: str, tmp_path: Path) -> None:
    document = render(Session(incident={"title": typed}))
    assert _text(_heading(document)) == "Post-mortem: " + typed
    assert document.count("\n#") == render(Session()).count("\n#")
    assert _lint_problems(document, tmp_path) == ""


def _cells(document: str) -> list[str]:
    return re.findall(r"<td>(.*?)</td>", _html(document))


@pytest.mark.parametrize(
    "typed",
    [
        "https://x.com/a\\",  # was https://x.com/a%5C)
        "https://x.com/a\\_b",  # was https://x.com/a_b
        "https://en.wikipedia.org/wiki/Lock_(computer_science)",
        "https://x.com/a)b(",
        "https://x.com/?q=a&amp;b&#41;",
        "https://x.com/a b",
        "https://x.com/<a>|\"`",
        "https://x.com/*a*_b_[c]",
        "HTTPS://X.COM/A",
    ],
)
def test_an_evidence_link_goes_exactly_where_it_was_typed(typed: str) -> None:
    session = Session(
        timeline=[TimelineEntry(time="14:12", text="deploy", link=typed)],
        action_items=[ActionItem(what="fix it", owner="Sam", link=typed)],
    )
    cells = _cells(render(session))
    target = escape(MarkdownIt().normalizeLink(typed))  # the typed address, URL-encoded
    for text, label in (("deploy", "evidence"), ("fix it", "tracker")):  # an action's link: its ticket
        shown = next(c for c in cells if c.startswith(text))
        assert _text(shown) == f"{text} ({label})"
        assert re.findall(r'href="([^"]*)"', shown) == [target]


def _items(document: str, section: str = "What went well") -> list[str]:
    html = _html(document)
    start = html.index(section)
    return re.findall(r"<li>(.*?)</li>", html[start : html.index("<h2>", start)], re.DOTALL)


@pytest.mark.parametrize(
    ("typed", "links"),
    [
        ("see https://en.wikipedia.org/wiki/Lock_(computer_science).",
         ["https://en.wikipedia.org/wiki/Lock_(computer_science)"]),
        ("(see https://x.com/a_(b)c)", ["https://x.com/a_(b)c"]),
        ("(https://x.com/a)", ["https://x.com/a"]),
        ("clone git@github.com:org/repo.git", []),
        ("clone ssh://git@github.com/org/repo.git", []),
        ("HTTPS://EXAMPLE.COM/X is up", ["HTTPS://EXAMPLE.COM/X"]),
        ("mail sam@example.com: now", ["mailto:sam@example.com"]),
        ("ask sam@example.com.", ["mailto:sam@example.com"]),
        ("see www.example.com/a_b.", ["http://www.example.com/a_b"]),
        ("odd: www.! coma@.x _http://a.b", ["http://a.b"]),
    ],
)
def test_addresses_in_typed_text_are_linked_as_github_would(
    typed: str, links: list[str], tmp_path: Path
) -> None:
    document = render(Session(went_well=[Note(text=typed)]))
    [item] = _items(document)
    assert _text(item) == typed
    assert [unescape(href) for href in re.findall(r'href="([^"]*)"', item)] == links
    assert _lint_problems(document, tmp_path) == ""


def _section(html: str, heading: str) -> str:
    start = html.index(heading)
    end = html.find("<h", start + len(heading))
    return html[start + len(heading) : end if end != -1 else len(html)]


MULTI_LINE = "1. Paused the pipeline\n2. Let the migration finish\n# not a heading\n- not an item"
SHOWN_LINES = ["1. Paused the pipeline", "2. Let the migration finish", "# not a heading", "- not an item"]


@pytest.mark.parametrize(
    ("field", "heading"),
    [
        ({"incident": {"summary": MULTI_LINE}}, "Summary</h2>"),
        ({"incident": {"impact": {"description": MULTI_LINE}}}, "Impact</h2>"),
        ({"incident": {"trigger": MULTI_LINE}}, "Trigger</h3>"),
        ({"incident": {"detection": MULTI_LINE}}, "Detection</h3>"),
        ({"incident": {"resolution": MULTI_LINE}}, "Resolution</h3>"),
        ({"root_cause": {"statement": MULTI_LINE}}, "Root cause</h3>"),
        ({"root_cause": {"chains": [WhyChain(title=MULTI_LINE)]}}, "Chain 1</h4>"),
        ({"went_well": [Note(text=MULTI_LINE)]}, "What went well</h2>"),
        ({"could_improve": [Improvement(text=MULTI_LINE, tag="alerting")]},
         "What could be improved</h2>"),
        ({"got_lucky": [Note(text=MULTI_LINE)]}, "Where we got lucky</h2>"),
    ],
)
def test_lines_typed_on_separate_lines_show_on_separate_lines(
    field: dict, heading: str, tmp_path: Path
) -> None:
    document = render(Session(**field))
    html = _section(_html(document), heading)
    assert not re.search(r"<(ol|h1|ul><li><ul)", html), html  # still literal text
    block = re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", html, re.DOTALL)[0]
    lines = [_text(line).strip() for line in block.split("<br />")]
    assert lines[0].endswith(SHOWN_LINES[0])  # after "alerting:" for a tagged note
    assert lines[1:] == SHOWN_LINES[1:]
    assert _lint_problems(document, tmp_path) == ""


def test_a_blank_line_still_starts_a_new_paragraph() -> None:
    html = _section(_html(render(Session(incident={"summary": "one\ntwo\n\nthree"}))), "Summary</h2>")
    assert re.findall(r"<p>(.*?)</p>", html, re.DOTALL) == ["one<br />\ntwo", "three"]


def test_blank_values_in_lists_are_left_out() -> None:
    document = render(
        Session(incident={"services": ["", "api", "  "]}, meeting={"reviewers": ["", " "]})
    )
    assert "- **Services affected:** api\n" in document
    assert "- **Reviewers:** none named yet\n" in document
    assert "- **Services affected:** not recorded\n" in render(Session(incident={"services": [" "]}))


def test_a_tag_with_no_words_shows_the_tag_alone() -> None:
    document = render(Session(could_improve=[Improvement(tag="monitoring", text=" ")]))
    assert "## What could be improved\n\n- **monitoring**\n" in document


def test_an_entry_with_only_a_link_shows_the_link_alone() -> None:
    link = "https://tracker.example.com/PM-12"
    session = Session(
        timeline=[
            TimelineEntry(time="14:12", text=" ", link=link),
            TimelineEntry(time="14:13", text=" ", link=" "),
        ],
        action_items=[ActionItem(what="", owner="Sam", link=link)],
    )
    cells = [_text(c) for c in _cells(render(session))]
    assert cells.count("evidence") == 1 and cells.count("tracker") == 1
    assert "—" in cells[cells.index("14:13") + 1]
    assert "| [evidence](https://tracker.example.com/PM-12) |" in render(session)
    assert "| [tracker](https://tracker.example.com/PM-12) |" in render(session)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions)
def test_no_line_ends_in_white_space(session: Session) -> None:
    document = render(session)
    assert not re.search(r"[ \t]$", document, re.MULTILINE)
    # (Blank values joined into a list are checked with chosen values above: generated text
    # may itself be ";" or ", ", which a pattern cannot tell from a blank one.)


def test_key_durations_without_marked_events_say_so_in_the_readers_words() -> None:
    session = Session(timeline=[TimelineEntry(time="14:12", text="deploy")])
    document = render(session)
    section = document[document.index("### Key durations") : document.index("## Root cause")]
    assert section == "### Key durations\n\nNothing recorded.\n\n"


@pytest.mark.parametrize("link", ["https://github.com/perrygeo/simanneal", "https://x.com/a_(b)\\"])
def test_an_entry_that_is_only_its_link_shows_it_once(link: str, tmp_path: Path) -> None:
    session = Session(
        timeline=[TimelineEntry(time="14:12", text=link + " ", link=link)],
        action_items=[ActionItem(what=link, owner="Sam", link=link)],
    )
    document = render(session)
    shown = [c for c in _cells(document) if "href" in c]
    assert len(shown) == 2
    for cell in shown:
        assert _text(cell) == link
        assert re.findall(r'href="([^"]*)"', cell) == [escape(MarkdownIt().normalizeLink(link))]
    assert _lint_problems(document, tmp_path) == ""


def test_an_entry_that_is_only_a_reference_shows_it_once() -> None:
    session = Session(timeline=[TimelineEntry(time="14:12", text="PM-12", link="PM-12")])
    assert "| 14:12 | PM-12 |" in render(session)
