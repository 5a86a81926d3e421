"""The command line for hearing papers, run as a person would (real store, real process, real
PDFs): `chronology --recipient R` for every kind of recipient, `nondisclosure` listing,
adding and deciding requests, and `chronology-entries` leaving an entry out."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest

from pace_desktop.chronology.styles import WITHHELD_NOTICE
from pace_desktop.domain import Nondisclosure
from pace_desktop.store import CaseStore, RuleBroken
from tests.conftest import PASSPHRASE
from tests.hearing_papers import DAD_HEALTH, REF, full_child, store_holding
from tests.test_identifier_leaks import _cli
from tests.test_print_fixtures import all_text, metadata_text

RECIPIENTS = ("reporter", "panel", "child", "person:mum", "person:dad", "safeguarder",
              "curator", "carer:carer", "court", "court:full", "internal")


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("papers") / "papers.pacestore"
    with store_holding(path, full_child()) as store:
        store.accept_checks(REF, ["page:analysis"])
    return path


@pytest.mark.parametrize("recipient", RECIPIENTS)
def test_chronology_for_every_recipient(papers: Path, tmp_path: Path, recipient: str) -> None:
    out = tmp_path / "c.pdf"
    done = _cli(papers, "chronology", "--child", REF, "--recipient", recipient, "--out",
                str(out))
    assert done.returncode == 0, done.stderr
    pdf = out.read_bytes()
    text = all_text(pdf)
    first = " ".join(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Prepared for" in first
    complete = recipient in ("reporter", "court:full", "internal")
    assert (WITHHELD_NOTICE in first) is not complete
    assert (DAD_HEALTH in text) is (recipient not in ("person:mum", "court"))
    assert ("Schedule of non-disclosure requests" in text) is (
        recipient in ("reporter", "court:full"))
    if recipient == "court:full":
        assert "as the court directed" in first and "not for the parties" in first
    assert "prepared for" in metadata_text(pdf)  # who it is for, in the file's own details


def test_no_recipient_is_not_a_default(papers: Path, tmp_path: Path) -> None:
    done = _cli(papers, "chronology", "--child", REF, "--out", str(tmp_path / "x.pdf"))
    assert done.returncode == 2 and "--recipient" in done.stderr


@pytest.mark.parametrize(("code", "says"), (
    ("person:granny", "has no person with the id 'granny'"),
    ("carer:mum", "is not recorded as a carer"),
    ("person", "person:ID needs the id"),
    ("relevant_person", "There is no recipient called 'relevant_person'"),
    ("court:mum", "write 'court' (as each relevant person) or 'court:full'"),
))
def test_a_recipient_not_in_the_record_is_said_plainly(papers: Path, tmp_path: Path,
                                                        code: str, says: str) -> None:
    done = _cli(papers, "chronology", "--child", REF, "--recipient", code, "--out",
                str(tmp_path / "x.pdf"))
    assert done.returncode == 1
    assert says in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_nondisclosure_lists_the_requests(papers: Path) -> None:
    done = _cli(papers, "nondisclosure", "--child", REF)
    assert done.returncode == 0, done.stderr
    for words in ("nd-gran", "Jean Sutherland (Gran), in every form", "From: Gary Innes (Dad)",
                  "Why: Gary has threatened", "Asked: 3 June 2024",
                  "Decision: Waiting for the hearing's decision", "Granted on 20 June 2024",
                  "Refused on 20 June 2024", "From: the child"):
        assert words in done.stdout, words


def test_nondisclosure_add_and_decide(tmp_path: Path) -> None:
    path = tmp_path / "s.pacestore"
    store_holding(path, full_child()).close()
    added = _cli(path, "nondisclosure", "--child", REF, "--add", "address:mum",
                 "--withhold-from", "dad", "--reason", "Mum has moved to get away from him.",
                 "--requested", "2024-09-01")
    assert added.returncode == 0, added.stderr
    assert "The address of Lorna Brodie: 14 Kelvin Street, Dingwall, IV15 9AB" in added.stdout
    with CaseStore.open(path, PASSPHRASE) as store:
        new = next(n for n in store.child(REF).nondisclosure if n.item == "address:mum")
    decided = _cli(path, "nondisclosure", "--child", REF, "--decide", new.id, "--decision",
                   "granted", "--on", "2024-09-10")
    assert decided.returncode == 0, decided.stderr
    assert "Granted on 10 September 2024" in decided.stdout
    out = tmp_path / "dad.pdf"
    assert _cli(path, "chronology", "--child", REF, "--recipient", "person:dad", "--out",
                str(out), "--accept-checks").returncode == 0
    assert "Kelvin Street" not in all_text(out.read_bytes())
    bad = _cli(path, "nondisclosure", "--child", REF, "--add", "nothing", "--withhold-from",
               "dad", "--reason", "x")
    assert bad.returncode == 1 and "Nothing was changed" in bad.stderr


def test_the_store_keeps_only_sound_requests(tmp_path: Path) -> None:
    with store_holding(tmp_path / "s.pacestore", full_child()) as store:
        for wrong, says in (
            (Nondisclosure("gran", (), "why"), "at least one person"),
            (Nondisclosure("gran", ("nobody",), "why"), "no person with the id"),
            (Nondisclosure("gran", ("dad",), "  "), "harm the child"),
            (Nondisclosure("gran", ("gran",), "why"), "from themselves"),
            (Nondisclosure("gran", ("dad",), "why", date(2024, 6, 3), "granted"), "date"),
        ):
            with pytest.raises(RuleBroken, match=says):
                store.save_nondisclosure(REF, wrong)
        assert len(store.child(REF).nondisclosure) == 4
        with pytest.raises(RuleBroken, match="before the request"):
            store.decide_nondisclosure(REF, "nd-gran", "granted", date(2024, 1, 1))
        changes = store.decide_nondisclosure(REF, "nd-gran", "refused", date(2024, 6, 30))
        assert changes.touches(REF, "nondisclosure")
        assert next(n for n in store.child(REF).nondisclosure
                    if n.id == "nd-gran").decision == "refused"


def test_chronology_entries_leave_out_and_put_back(tmp_path: Path) -> None:
    path = tmp_path / "s.pacestore"
    store_holding(path, full_child()).close()
    listed = _cli(path, "chronology-entries", "--child", REF)
    assert listed.returncode == 0 and "meeting:panel" in listed.stdout
    left = _cli(path, "chronology-entries", "--child", REF, "--leave-out", "meeting:panel")
    assert left.returncode == 0
    assert "left out  meeting:panel" in left.stdout
    wrong = _cli(path, "chronology-entries", "--child", REF, "--leave-out", "meeting:nope")
    assert wrong.returncode == 1 and "is not an entry drawn" in wrong.stderr
    analysis = tmp_path / "analysis.txt"
    analysis.write_text("Every move followed an order.\n", encoding="utf-8")
    page = _cli(path, "chronology-page", "--child", REF, "--agency", "multi",
                "--analysis-file", str(analysis), "--compiled-by", "Eilidh Munro")
    assert page.returncode == 0, page.stderr
    assert "Agency: Multi-agency" in page.stdout and "Entries left out: 1" in page.stdout
    out = tmp_path / "c.pdf"
    done = _cli(path, "chronology", "--child", REF, "--recipient", "internal", "--out",
                str(out), "--accept-checks")
    assert done.returncode == 0, done.stderr
    text = all_text(out.read_bytes())
    assert "The panel recommends" not in text and "Every move followed an order." in text
    assert "Multi-agency" in text
