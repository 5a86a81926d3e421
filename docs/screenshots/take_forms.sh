#!/bin/bash
# Retake the screenshots of each decision form, filled in (benchmarks/form_screens.py),
# under Xvfb (needs ../shared/tools/shot and its packages).
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
# The store is made once, outside a screenshot (making it takes longer than a shot waits).
QT_QPA_PLATFORM=offscreen timeout 60 .venv/bin/python benchmarks/form_screens.py other "$tmp" \
  >/dev/null 2>&1 || true
while read -r name kind field; do
  ../shared/tools/shot "docs/screenshots/form_$name.png" 8 -- \
    .venv/bin/python benchmarks/form_screens.py "$kind" $field "$tmp"
done <<'LIST'
lac_review lac_review attendees
lac_review_views lac_review views
lac_review_family lac_review family_time
lac_review_decisions lac_review routes_considered
two_week_planning two_week_planning views
permanence_planning permanence_planning routes_considered
cp_planning cp_planning attendees
panel panel panel
adm adm routes_considered
hearing hearing orders
court court orders
other other attendees
LIST
rm -rf "$tmp"
