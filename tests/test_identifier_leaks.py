"""Identifiers do not leak: in a relevant person's copy, once the worker accepts the
identifiers shown highlighted, no surname alone, title and surname, phone number in any
spacing, school or road of the carers remains; a PERSON withheld is withheld in every form,
from the app's print path and the command line alike; the decisions are kept with the print."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pace_desktop.chronology import PrintOptions, chronology_pdf, prepare
from pace_desktop.chronology.styles import WITHHELD_NOTICE
from pace_desktop.print_jobs import PrintRequest, make_pdf
from pace_desktop.store import CaseStore
from tests.conftest import PASSPHRASE
from tests.hearing_papers import (
    CARER_LEAKS,
    GRAN_FORMS,
    GRAN_PHONES,
    REF,
    full_child,
    store_holding,
)
from tests.test_print_fixtures import all_text, metadata_text, page_texts, raw_bytes

OPTIONS = PrintOptions(printed_by="Eilidh Munro", printed_on=date(2024, 10, 1))


def _leaks(pdf: bytes, words: tuple[str, ...]) -> list[str]:
    text = all_text(pdf)
    raw = raw_bytes(pdf)
    meta = metadata_text(pdf)
    found = []
    for w in words:
        pattern = re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)", re.I)
        if pattern.search(text) or w.encode() in raw or w in meta:
            found.append(w)
        digits = re.sub(r"\D", "", w)
        if len(digits) >= 9 and digits in re.sub(r"\D", "", text):
            found.append(f"{w} (its digits)")
    return found


def test_the_record_really_holds_the_leaks_the_test_looks_for() -> None:
    # Without this the leak test could pass on a record that never said them.
    internal = chronology_pdf(full_child(), "internal", OPTIONS)
    assert len(_leaks(internal, CARER_LEAKS)) == len(CARER_LEAKS) + 2  # two phones as digits
    assert _leaks(internal, GRAN_FORMS)


@pytest.mark.parametrize("who", ("person:mum", "person:dad", "court"))
def test_accepting_the_highlighted_identifiers_leaves_no_carer_identifier(who: str) -> None:
    prepared = prepare(full_child(), who)
    shown = {f.text for f in prepared.seen.findings if f.leave_out}
    assert {"Mitchell", "Morag Mitchell", "01862 871234", "Pinewood Nursery",
            "Harbour Road", "Portmahomack"} <= shown
    pdf = chronology_pdf(full_child(), who, OPTIONS, prepared=prepared)
    assert _leaks(pdf, CARER_LEAKS) == []
    assert "The foster carer says" in all_text(pdf)  # the carer's name said plainly instead
    assert "The foster carer took Skye to [school or service withheld]" in all_text(pdf)


def test_a_person_withheld_is_withheld_in_every_form() -> None:
    pdf = chronology_pdf(full_child(), "person:dad", OPTIONS)
    assert _leaks(pdf, (*GRAN_FORMS, *GRAN_PHONES)) == []
    assert WITHHELD_NOTICE in " ".join(page_texts(pdf)[0].split())
    # Even if the worker tried to keep them: a request is not the worker's to undo.
    findings = prepare(full_child(), "person:dad").seen.findings
    forced = [f for f in findings if f.forced]
    assert {f.text for f in forced} >= {"Jean Sutherland", "Jean", "Sutherland", "Tain",
                                         "Shore Lane", "07700 900789"}
    kept_anyway = {f.key: False for f in findings}
    pdf = chronology_pdf(full_child(), "person:dad", OPTIONS, decisions=kept_anyway)
    assert _leaks(pdf, (*GRAN_FORMS, *GRAN_PHONES)) == []
    assert "Mitchell" in all_text(pdf)  # the worker's own choice to keep is honoured


def test_a_withheld_person_who_shares_the_child_s_surname_keeps_the_child_s_name() -> None:
    kid = full_child()
    kid = replace(kid, people=tuple(replace(p, name="Jean Brodie") if p.id == "gran" else p
                                    for p in kid.people),
                  events=(*kid.events, replace(kid.events[0], id="e-brodie",
                                               title="Mrs Brodie and Jean came to the review",
                                               detail=None)))
    text = all_text(chronology_pdf(kid, "person:dad", OPTIONS))
    assert "Mrs Brodie" not in text and not re.search(r"\bJean\b", text)
    assert "Skye Brodie" in text  # the child's own name stays


def test_the_app_path_keeps_the_decisions_with_the_print(tmp_path: Path) -> None:
    from pace_desktop.print_jobs import print_record

    with store_holding(tmp_path / "s.pacestore", full_child()) as store:
        request = PrintRequest("chronology", REF, OPTIONS, recipient="person:mum")
        made = make_pdf(store, request)
        mitchell = next(f for f in made.findings if f.text == "Mitchell")
        # The worker decides to keep the surname alone (say it is common on the island).
        made = make_pdf(store, request.deciding({mitchell.key: False}))
        assert "Mitchell" in all_text(made.pdf)
        store.record_print(REF, print_record(request, made, "saved", "Eilidh Munro"))
        kept = store.print_records(REF)[-1]
        assert kept.recipient == "person:mum" and kept.how == "saved" and kept.withheld
        assert any(c.text == "Mitchell" and not c.leave_out for c in kept.identifiers)
        assert any(c.text == "Pinewood Nursery" and c.leave_out for c in kept.identifiers)
        # The next print for Mum starts from what was decided last time.
        again = make_pdf(store, request)
        assert not next(f for f in again.findings if f.text == "Mitchell").leave_out
        # Another recipient starts from the proposals.
        dad = make_pdf(store, replace(request, recipient="person:dad"))
        assert next(f for f in dad.findings if f.text == "Mitchell").leave_out


def _cli(store: Path, *words: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PACE_PASSPHRASE": PASSPHRASE,
           "XDG_CONFIG_HOME": str(store.parent / "config")}
    return subprocess.run([sys.executable, "-m", "pace_desktop", *words, "--store", str(store)],
                          capture_output=True, text=True, env=env, timeout=120)


def test_the_command_line_withholds_the_same_and_says_what_it_did(tmp_path: Path) -> None:
    path = tmp_path / "s.pacestore"
    store_holding(path, full_child()).close()
    out = tmp_path / "dad.pdf"
    done = _cli(path, "chronology", "--child", REF, "--recipient", "person:dad",
                "--out", str(out), "--accept-checks")
    assert done.returncode == 0, done.stderr
    pdf = out.read_bytes()
    assert _leaks(pdf, (*GRAN_FORMS, *GRAN_PHONES, *CARER_LEAKS)) == []
    assert "withheld by a non-disclosure request" in done.stdout
    assert "left out  School or service named in the text: Pinewood Nursery" in done.stdout
    assert "Some information is withheld from this copy" in done.stdout
    # Keeping one on purpose, at the command line.
    kept = tmp_path / "mum.pdf"
    done = _cli(path, "chronology", "--child", REF, "--recipient", "person:mum",
                "--out", str(kept), "--keep-identifier", "pinewood nursery", "--accept-checks")
    assert done.returncode == 0, done.stderr
    assert "Pinewood Nursery" in all_text(kept.read_bytes())
    refused = _cli(path, "chronology", "--child", REF, "--recipient", "person:dad",
                   "--out", str(tmp_path / "x.pdf"), "--keep-identifier", "Jean",
                   "--accept-checks")
    assert refused.returncode == 1 and "cannot be kept" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()
    with CaseStore.open(path, PASSPHRASE) as store:
        made = [(r.recipient, r.how) for r in store.print_records(REF)]
    assert made == [("person:dad", "command_line"), ("person:mum", "command_line")]
