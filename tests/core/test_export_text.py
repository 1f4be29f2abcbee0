"""The exported document shows typed values literally: links, line breaks, titles, blanks."""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from markdown_it import MarkdownIt

from postmortem_tui.export import render
from postmortem_tui.model import Note, Session
from tests.core.test_export import _markdownlint


def _html(document: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(document)


def _text(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_bidi_overrides_and_zero_width_characters_show_as_code_points() -> None:
    typed = "Sam approved \u202eevol-ot-deganam\u202c the deploy, ad\u200bmin"
    html = _html(render(Session(went_well=[Note(text=typed)])))
    assert "Sam approved U+202Eevol-ot-deganamU+202C the deploy, adU+200Bmin" in _text(html)
    assert not re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", html)


def _heading(document: str) -> str:
    match = re.search(r"<h1>(.*?)</h1>", _html(document))
    assert match is not None
    return match.group(1)


def test_a_url_with_a_fragment_in_the_title_links_to_that_fragment() -> None:
    typed = "Docs at https://x.com/runbook#locks down"
    heading = _heading(render(Session(incident={"title": typed})))
    assert '<a href="https://x.com/runbook#locks">https://x.com/runbook#locks</a>' in heading
    assert _text(heading) == "Post-mortem: " + typed
