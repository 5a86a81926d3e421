#!/bin/bash
# Retake the interface screenshots under Xvfb: caseload, child record, settings.
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
for screen in caseload record settings; do
  name=$screen; [[ $screen == record ]] && name=child_record
  /work/shared/tools/shot "docs/screenshots/$name.png" 5 -- \
    .venv/bin/python benchmarks/gui_screens.py "$screen" "$tmp"
done
rm -rf "$tmp"
