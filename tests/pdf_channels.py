"""Every place text can hide in a PDF, read back independently of one another, for the leak
tests: the text a reader extracts, the strings the content streams draw (every stream
decompressed and decoded with its font's ToUnicode map, forms included) plus every
decompressed stream's raw bytes, and the metadata (the /Info dictionary and any XMP stream).

The text pypdf extracts follows the layout; the decoded streams do not (text drawn outside the
page or in white would show here), so a leak must be absent from both.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pypdf
from pypdf.generic import ArrayObject, ContentStream, StreamObject, TextStringObject

_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


@dataclass(frozen=True, slots=True)
class Channels:
    text: str  # extracted page text, whitespace made single spaces
    streams: str  # strings the content streams draw, decoded, whitespace made single spaces
    raw: bytes  # the file and every stream decompressed
    metadata: str  # /Info values and the XMP packet, if any

    def holds(self, secret: str) -> list[str]:
        """The channels in which `secret` appears (any letter case in text and streams)."""
        found = []
        flat = " ".join(secret.split()).casefold()
        if flat in self.text.casefold():
            found.append("text")
        if flat in self.streams.casefold():
            found.append("streams")
        if any(secret.encode(enc) in self.raw for enc in ("utf-8", "utf-16-be")):
            found.append("raw streams")
        if flat in " ".join(self.metadata.split()).casefold():
            found.append("metadata")
        return found


def channels(pdf: bytes) -> Channels:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((p.extract_text() or "") for p in reader.pages).split())
    drawn: list[str] = []
    for page in reader.pages:
        resources = page.get("/Resources")
        contents = page.get_contents()
        if contents is not None:
            _walk(contents, resources.get_object() if resources else {}, reader, drawn)
    raw = [pdf]
    for num in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(num)
        if isinstance(obj, StreamObject):
            raw.append(obj.get_data())
    meta = [str(v) for v in (reader.metadata or {}).values()]
    root = reader.trailer["/Root"].get_object()
    if "/Metadata" in root:
        meta.append(root["/Metadata"].get_object().get_data().decode("utf-8", "replace"))
    return Channels(text, " ".join(" ".join(drawn).split()), b"\n".join(raw), " ".join(meta))


def _walk(contents: object, resources: dict, reader: pypdf.PdfReader, out: list[str]) -> None:
    fonts = resources.get("/Font", {})
    fonts = fonts.get_object() if hasattr(fonts, "get_object") else fonts
    xobjects = resources.get("/XObject", {})
    xobjects = xobjects.get_object() if hasattr(xobjects, "get_object") else xobjects
    stream = contents if isinstance(contents, ContentStream) else ContentStream(contents, reader)
    cmap: dict[int, str] = {}
    for operands, op in stream.operations:
        if op == b"Tf":
            cmap = _to_unicode(fonts[operands[0]].get_object())
        elif op in (b"Tj", b"'", b'"'):
            out.append(_decode(operands[-1], cmap))
        elif op == b"TJ":
            out.append("".join(_decode(x, cmap) for x in operands[0]
                               if not isinstance(x, (int, float))
                               and not hasattr(x, "as_numeric")))
        elif op == b"Do":
            form = xobjects[operands[0]].get_object()
            if form.get("/Subtype") == "/Form":
                inner = form.get("/Resources")
                _walk(form, inner.get_object() if inner else resources, reader, out)


def _decode(s: object, cmap: dict[int, str]) -> str:
    if isinstance(s, ArrayObject):
        return "".join(_decode(x, cmap) for x in s)
    data = s.original_bytes if isinstance(s, TextStringObject) else bytes(s)  # type: ignore[arg-type]
    if not cmap:
        return data.decode("latin-1")
    return "".join(cmap.get(b, chr(b)) for b in data)


def _to_unicode(font: dict) -> dict[int, str]:
    """The font's ToUnicode map (bfchar and bfrange), one-byte codes as reportlab writes."""
    if "/ToUnicode" not in font:
        return {}
    data = font["/ToUnicode"].get_object().get_data()
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        codes = _HEX.findall(block)
        for src, dst in zip(codes[::2], codes[1::2], strict=False):
            text = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
            if text != "\x00":
                out[int(src, 16)] = text
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        codes = _HEX.findall(block)
        for lo, hi, dst in zip(codes[::3], codes[1::3], codes[2::3], strict=False):
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(start + i)
    return out
