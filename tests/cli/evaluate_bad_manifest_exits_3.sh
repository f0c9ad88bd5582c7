# A manifest that cannot be read is bad input naming the file and line.
source "$(dirname "$0")/lib.sh"
printf 'file\trole\tfamily\nx.pt\tthief\tx\n' >"$WORK/bad.tsv"
expect_exit 3 "$SACJC" evaluate "$DEMO/victim.pt" --manifest "$WORK/bad.tsv" -n 10
expect_error_line "bad.tsv:2: role must be victim, stolen or independent"
expect_exit 3 "$SACJC" evaluate "$DEMO/victim.pt" --manifest "$WORK/none.tsv" -n 10
expect_error_line "none.tsv: cannot open manifest"
