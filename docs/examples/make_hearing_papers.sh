#!/bin/sh
# Remakes the hearing-papers examples in this folder from the made-up record in
# hearing-papers.json (Skye Brodie: legal changes, moves and decisions in the record, typed
# entries full of identifiers, non-disclosure requests that give her mother and father
# different copies): one chronology for each kind of recipient, through the command line
# as a worker would run it, and a picture of each first page (pdftoppm).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
PY=${PY:-$here/../../.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PACE_PASSPHRASE="made up children only" XDG_CONFIG_HOME="$tmp/config"
store="$tmp/papers.pacestore"
pace() { "$PY" -m pace_desktop "$@" --store "$store"; }

pace init --owner "Eilidh Munro" >/dev/null
pace import "$here/hearing-papers.json" >/dev/null
cat > "$tmp/analysis.txt" <<'TEXT'
Each move of home followed a change in Skye's legal status: voluntary care in January 2023
after she was left without care overnight, interim orders through the spring, and a
supervision order away from home from May 2023. The review, the panel, the agency decision
maker and the hearing agreed in turn that a permanence order is in her interests. Since
June 2024 she has lived with her gran and is settled; family time with her mum has been
regular and warm.
TEXT
pace chronology-page --child HP-001 --compiled-by "Eilidh Munro, social worker" \
    --sources "Social work case record; foster carer; GP; nursery; police" \
    --agency multi --analysis-file "$tmp/analysis.txt" >/dev/null

for r in reporter panel child person:mum person:dad safeguarder curator carer:carer court \
         court:full internal; do
    name="hearing-chronology-for-$(echo "$r" | tr ':' '-')"
    pace chronology --child HP-001 --recipient "$r" --out "$here/$name.pdf" >/dev/null
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$here/$name.pdf" "$here/$name-page1"
done
# The Reporter's schedule of requests, on the last page of the Reporter's papers.
last=$("$PY" -c "import pypdf,sys; print(len(pypdf.PdfReader(sys.argv[1]).pages))" \
       "$here/hearing-chronology-for-reporter.pdf")
pdftoppm -png -r 80 -f "$last" -l "$last" -singlefile \
    "$here/hearing-chronology-for-reporter.pdf" "$here/hearing-chronology-for-reporter-schedule"
# Every paper for the Reporter carries the schedule: the hearing's decision record, too.
pace record --child HP-001 --meeting hearing --recipient reporter \
    --out "$here/hearing-record-for-reporter.pdf" >/dev/null
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$here/hearing-record-for-reporter.pdf" \
    "$here/hearing-record-for-reporter-page1"
pace nondisclosure --child HP-001 > "$here/hearing-nondisclosure.txt"
echo "Made the hearing-papers examples in $here"
