"""Prints: time to lay out a chronology of 1,000 and 10,000 entries, and peak memory.

Targets (issue 6): 1,000 entries < 1 s; 10,000 entries < 10 s with peak memory < 200 MB.
Each size runs in a fresh process so that peak memory (the process's maximum resident set,
from getrusage) belongs to that print alone. Since issue 15 a copy for someone outside the
service also draws entries from the record and reviews every identifier in the free text;
the panel's copy and a parent's copy (the most left out) are both timed.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {1_000: (1.0, None), 10_000: (10.0, 200.0)}


def measure(entries: int, recipient: str) -> dict[str, float]:
    """Runs inside the child process: make the record, then time the print alone."""
    from pace_desktop.chronology import EntryFilter, PrintOptions, chronology_pdf
    from pace_desktop.demo import generate_caseload

    child = next(iter(generate_caseload(1, 1, entries)))
    if recipient == "parent":
        recipient = "person:" + next(p.id for p in child.people
                                     if p.role in ("parent", "relevant_person"))
    every = EntryFilter(significant_only=False)  # print every entry: the worst case
    options = PrintOptions("Benchmark")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chronology_pdf(child, "internal", options, EntryFilter())  # warm: fonts, imports
    t = time.perf_counter()
    pdf = chronology_pdf(child, recipient, options, every)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"entries": len(child.events), "seconds": seconds, "peak_mb": peak,
            "before_mb": before, "pdf_kb": len(pdf) / 1024,
            "pages": pages(pdf)}


def pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(json.dumps(measure(int(sys.argv[2]), sys.argv[3])))
        return
    for (entries, (max_s, max_mb)), recipient in [(t, r) for t in TARGETS.items()
                                                  for r in ("panel", "parent")]:
        out = subprocess.run([sys.executable, __file__, "--one", str(entries), recipient],
                             cwd=ROOT, capture_output=True, text=True, check=True)
        got = json.loads(out.stdout.strip().splitlines()[-1])
        verdict = "met" if got["seconds"] < max_s else "NOT MET"
        print(f"chronology for the {recipient}, {got['entries']:>6} entries:"
              f" {got['seconds']:6.2f} s"
              f" (target < {max_s:g} s: {verdict}); {got['pages']} pages,"
              f" {got['pdf_kb']:,.0f} KB", flush=True)
        if max_mb is not None:
            verdict = "met" if got["peak_mb"] < max_mb else "NOT MET"
            print(f"  peak memory of the process {got['peak_mb']:6.1f} MB (before printing"
                  f" {got['before_mb']:.1f} MB; target < {max_mb:g} MB: {verdict})", flush=True)


if __name__ == "__main__":
    main()
