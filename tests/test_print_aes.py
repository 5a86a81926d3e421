"""A PDF saved with a password is encrypted with AES-256 (PDF 2.0 security handler, revision
6), never RC4: read back with pypdf, the encryption dictionary says so, the right password
opens it, a wrong one does not, and no page text or metadata can be read without it."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from pace_desktop.chronology import (
    PrintOptions,
    chronology_pdf,
    decision_record_pdf,
)
from tests.hearing_papers import full_child
from tests.test_print_fixtures import all_text

PASSWORD = "a long print password 7"
OPTIONS = PrintOptions(printed_by="Eilidh Munro", printed_on=date(2024, 10, 1),
                       password=PASSWORD)


@pytest.mark.parametrize("make", (
    lambda: chronology_pdf(full_child(), "person:mum", OPTIONS),
    lambda: decision_record_pdf(full_child(), "hearing", "panel", OPTIONS),
))
def test_a_password_means_aes_256_never_rc4(make: object) -> None:
    pdf = make()  # type: ignore[operator]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.is_encrypted
    encrypt = reader.trailer["/Encrypt"].get_object()
    assert encrypt["/Filter"] == "/Standard"
    assert (encrypt["/V"], encrypt["/R"], encrypt["/Length"]) == (5, 6, 256)
    filters = encrypt["/CF"]
    assert {f.get_object()["/CFM"] for f in filters.values()} == {"/AESV3"}
    assert encrypt["/StmF"] == encrypt["/StrF"] == "/StdCF"
    # Read from the dictionary, not the raw bytes: AES output is random and holds "/V2" by
    # chance in about one file in two hundred.
    assert not {"/V2", "/RC4"} & {str(v) for v in encrypt.values()}
    assert not pypdf.PdfReader(io.BytesIO(pdf)).decrypt("wrong password")
    opened = pypdf.PdfReader(io.BytesIO(pdf))
    assert opened.decrypt(PASSWORD)
    assert "OFFICIAL-SENSITIVE" in opened.pages[0].extract_text()
    assert opened.metadata is not None and opened.metadata.author == "Eilidh Munro"
    assert b"Eilidh" not in pdf and b"OFFICIAL" not in pdf  # nothing readable without it


def test_without_a_password_the_file_is_plain() -> None:
    plain = chronology_pdf(full_child(), "panel", PrintOptions(printed_by="Eilidh Munro"))
    assert not pypdf.PdfReader(io.BytesIO(plain)).is_encrypted
    assert "Chronology for Skye Brodie" in all_text(plain)
