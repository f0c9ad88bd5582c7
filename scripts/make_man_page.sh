#!/bin/bash
# Writes sacjc's man page with help2man (Debian package help2man): NAME, SYNOPSIS and the
# options from `sacjc --help`, the version from `sacjc --version`, and a COMMANDS section with
# every command's own --help, kept as printed (no-fill). CMake runs it after each build of the
# binary, so the page never drifts from the program.
#   make_man_page.sh BINARY OUT.1 DOCDIR COMPLETIONSDIR   (the last two: where they are installed)
set -euo pipefail
binary=$1 out=$2 docdir=$3 completions=$4
include=$(mktemp)
trap 'rm -f "$include"' EXIT

# roff: a backslash is \e, and a line starting with '.' or "'" would be a request.
as_roff() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

{
  echo "[COMMANDS]"
  for command in verify fingerprint audit merge "probes export" evaluate calibrate; do
    # shellcheck disable=SC2086  # "probes export" is two words
    echo ".SS \"sacjc $command\""
    echo ".nf"
    (exec -a sacjc "$binary" $command --help) | as_roff
    echo ".fi"
  done
  cat <<EOF
[EXIT STATUS]
.TP
.B 0
verify: independent; audit, merge: no suspect stolen; other commands: done
.TP
.B 1
verify: stolen (the suspect is a copy of the victim); audit, merge: a suspect is stolen; with \-\-expect: a verdict is not the expected one
.TP
.B 2
usage error
.TP
.B 3
bad input: a missing, unreadable or non\-TorchScript model (ONNX, safetensors, a state_dict: the message says how to export TorchScript), a bad probe, calibration or fingerprint file; audit, merge: a suspect failed and none is stolen
.TP
.B 4
internal error
.TP
.B 130
audit: stopped by SIGINT or SIGTERM
[FILES]
.TP
.I $docdir/docs/manual.md
the manual: every command and option, the report formats (JSON, SARIF, JUnit, CSV), CI gates
.TP
.I $completions/sacjc
bash completion (also printed by \\fBsacjc completion bash\\fR)
[SEE ALSO]
The manual (docs/manual.md in the source) and
.BR help2man (1),
which wrote this page from \\fBsacjc \\-\\-help\\fR.
EOF
} >"$include"

help2man --no-info --no-discard-stderr --section 1 \
  --name "is this model a copy of mine? model fingerprinting with SAC-JC" \
  --include "$include" --output "$out.part" "$binary"
mv "$out.part" "$out"
