# The bash completion written at build time (`sacjc completion bash`) completes commands,
# options of the command being typed, and the values of --format; sourced in a clean bash.
source "$(dirname "$0")/lib.sh"
completion=$BUILD/sacjc.bash-completion
[ -s "$completion" ] || fail "no completion script at $completion"
cmp -s "$completion" <("$SACJC" completion bash) || fail "the installed script differs from sacjc completion bash"

# complete WORD...: what _sacjc offers for the last word of "sacjc WORD..."
complete_words() {
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=(sacjc "$@"); COMP_CWORD=$(($# ))
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
    _sacjc sacjc "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$completion" "$@"
}
expect() {  # EXPECTED WORD...: the completions, one line, sorted
  local want=$1; shift
  local got
  got=$(complete_words "$@" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
  [ "$got" = "$want" ] || fail "sacjc $* <TAB>: got '$got', expected '$want'"
}
expect "verify" ve
expect "audit" au
expect "evaluate" ev
expect "export" probes ex
expect "--format" verify victim.pt --for
expect "--expect" verify --exp
expect "json junit sarif text" verify --format ""
expect "csv json junit markdown sarif text" audit v.pt d/ --format ""
expect "json" evaluate --format j
expect "--jobs --jsonl" audit --j
expect "--out --output" probes export --ou
# Every command is offered after "sacjc " (and the hidden completion command is not).
got=$(complete_words "" | sort | tr '\n' ' ')
for command in audit calibrate evaluate fingerprint merge probes verify; do
  grep -qw "$command" <<<"$got" || fail "'sacjc <TAB>' does not offer $command: $got"
done
if grep -qw completion <<<"$got"; then fail "'sacjc <TAB>' offers the hidden completion command"; fi
