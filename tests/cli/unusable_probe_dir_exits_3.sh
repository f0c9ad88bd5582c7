# A probe directory that is missing, empty, too small or holds a broken image is bad input.
source "$(dirname "$0")/lib.sh"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/none"
expect_error_line "$WORK/none: no such directory"
mkdir "$WORK/empty"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/empty"
expect_error_line "no JPEG, PNG or BMP images"
mkdir "$WORK/few" && cp "$SOURCE"/data/default_probes/00[0-4]_*.jpg "$WORK/few/"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/few" -n 6
expect_error_line "holds 5 images but 6 probes were requested"
head -c 500 "$SOURCE"/data/default_probes/005_*.jpg >"$WORK/few/zz_broken.jpg"
expect_exit 3 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --probes "$WORK/few"
expect_error_line "zz_broken.jpg"
