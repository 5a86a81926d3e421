#!/bin/bash
# Retake the interface screenshots under Xvfb (needs ../shared/tools/shot and its packages).
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
for screen in caseload record settings timeline runcharts meeting print lapsed lapsed_timeline move; do
  name=$screen; [[ $screen == record ]] && name=child_record
  [[ $screen == print ]] && name=print_preview
  [[ $screen == timeline ]] && name=record_timeline
  ../shared/tools/shot "docs/screenshots/$name.png" 7 -- \
    .venv/bin/python benchmarks/gui_screens.py "$screen" "$tmp"
done
# The same screens at a display scale of 1.5 (issue 11: windows fit, no sideways scrolling).
for screen in caseload record meeting print settings; do
  name=$screen; [[ $screen == record ]] && name=child_record
  [[ $screen == print ]] && name=print_preview
  ../shared/tools/shot "docs/screenshots/$name-1.5x.png" 7 -- \
    env QT_SCALE_FACTOR=1.5 .venv/bin/python benchmarks/gui_screens.py "$screen" "$tmp"
done
# Syncing with a team hub (starts a throwaway PostgreSQL server of its own).
../shared/tools/shot docs/screenshots/hub_sync.png 25 -- \
  .venv/bin/python benchmarks/gui_screens.py hub_sync "$tmp"
# File ▸ Check against the team hub…: the store's check and the hub's witness, one answer.
../shared/tools/shot docs/screenshots/hub_check.png 25 -- \
  .venv/bin/python benchmarks/gui_screens.py hub_check "$tmp/hub_check"
# The sync's progress window (with its Stop button) and the password asked for one sync, at
# a display scale of 1.5; each starts its own server, in a folder of its own.
for screen in hub_progress hub_password; do
  ../shared/tools/shot "docs/screenshots/$screen-1.5x.png" 100 -- \
    env QT_SCALE_FACTOR=1.5 .venv/bin/python benchmarks/gui_screens.py "$screen" "$tmp/$screen"
done
rm -rf "$tmp"
