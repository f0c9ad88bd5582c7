# --mode fri describes each probe by its cosines to K reference images: by default the last K
# seeds, which are then not probes; or --references DIR. Too few references, or references that
# are the probes, are refused. (The demo models are classifiers: FRI's default threshold is
# measured on face descriptors, so the classifiers' rsa default is given here.)
source "$(dirname "$0")/lib.sh"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --mode fri --num-references 16 --format json
[ "$(json_field mode)" = fri ] || fail "mode"
[ "$(json_field references)" = 16 ] || fail "reference count"
[ "$(json_field probes.count)" = 240 ] || fail "the references were not left out of the 256 seeds"
mkdir "$WORK/refs" "$WORK/one"
cp "$SOURCE"/data/default_probes/2[45][0-9]_*.jpg "$WORK/refs/"
cp "$SOURCE"/data/default_probes/000_*.jpg "$WORK/one/"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" --mode fri --references "$WORK/refs" -n 100 \
  --threshold 0.032 --format json
[ "$(json_field references)" = 16 ] || fail "--references count"
[ "$(json_field probes.count)" = 100 ] || fail "probe count with --references"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --mode fri --references "$WORK/one" -n 20
expect_error_line "one: FRI needs at least 2 reference images"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --mode fri --probes "$WORK/refs" --references "$WORK/refs"
expect_error_line "--references and --probes are the same directory"
expect_exit 2 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --mode fri --num-references 255
# A reference that is one of the probes (same pixels, other name) is refused.
mkdir "$WORK/probes" "$WORK/dup"
cp "$SOURCE"/data/default_probes/01*.jpg "$WORK/probes/"
cp "$SOURCE"/data/default_probes/00[0-3]_*.jpg "$WORK/dup/"
cp "$SOURCE"/data/default_probes/012_*.jpg "$WORK/dup/zz_copy.jpg"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --mode fri --probes "$WORK/probes" --references "$WORK/dup"
expect_error_line "zz_copy.jpg: this reference image is also one of the probes"
