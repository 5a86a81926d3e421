#!/bin/bash
# Retake the interface screenshots under Xvfb (needs ../shared/tools/shot and its packages).
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
for screen in caseload record settings timeline runcharts meeting print lapsed lapsed_timeline; do
  name=$screen; [[ $screen == record ]] && name=child_record
  [[ $screen == print ]] && name=print_preview
  [[ $screen == timeline ]] && name=record_timeline
  ../shared/tools/shot "docs/screenshots/$name.png" 7 -- \
    .venv/bin/python benchmarks/gui_screens.py "$screen" "$tmp"
done
rm -rf "$tmp"
