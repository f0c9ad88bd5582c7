# Every model of the demo zoo (scripts/make_demo_models.py --zoo, built by the zoo.build
# fixture) gets the verdict of its role with the default threshold: fine-tuned, head-tuned and
# pruned copies stolen (exit 1), independently trained models independent (exit 0).
source "$(dirname "$0")/cli/lib.sh"
: "${ZOO:?}"
[ -s "$ZOO/manifest.tsv" ] || fail "no zoo manifest at $ZOO/manifest.tsv"
wrong=0 checked=0
while IFS=$'\t' read -r file role family; do
  [ "$role" = stolen ] || [ "$role" = independent ] || continue
  run "$SACJC" verify "$ZOO/victim.pt" "$ZOO/$file" --format json
  want=$([ "$role" = stolen ] && echo 1 || echo 0)
  echo "$file ($family): distance $(json_field distance 2>/dev/null || echo '?'), exit $code, want $want"
  [ "$code" = "$want" ] || wrong=$((wrong + 1))
  checked=$((checked + 1))
done < <(tail -n +2 "$ZOO/manifest.tsv")
[ "$checked" -ge 10 ] || fail "only $checked zoo models checked"
[ "$wrong" = 0 ] || fail "$wrong of $checked zoo models got the wrong verdict"
