# A --suspect-outputs file that cannot be read as one row of numbers per probe is bad input
# (exit 3) named in one line, never a distance: malformed CSVs (empty, header only, ragged, NaN,
# Inf, words, empty fields, overflow, too many rows, a blank line inside, other separators,
# binary, a zip) and malformed .npy files (bad magic or header, unsupported dtypes, big-endian,
# 0-d, 3-D or empty arrays, absurd sizes, truncated or trailing data, the wrong row count), a
# missing file and a directory.
# (probes_export_then_outputs_give_same_distance.sh covers too few CSV rows and labels with fri.)
source "$(dirname "$0")/lib.sh"
expect_exit 0 "$SACJC" fingerprint "$DEMO/victim.pt" -o "$WORK/victim.sacfp" -n 16 --input-size 32
mkdir "$WORK/bad"
"$PYTHON" - "$WORK/bad" <<'PY'
import io, sys
import numpy as np
out = sys.argv[1] + "/"
y = np.random.default_rng(1).normal(size=(16, 10)).astype(np.float32)
rows = [[repr(float(v)) for v in r] for r in y]
def csv(name, table, sep=","):
    open(out + name, "w").write("".join(sep.join(r) + "\n" for r in table))
def edited(r, c, value):
    table = [list(row) for row in rows]
    table[r][c] = value
    return table
csv("../good.csv", rows)  # the controls: the same numbers, well formed
np.save(out + "../good.npy", y)
open(out + "empty.csv", "w").close()
open(out + "blank_lines.csv", "w").write("\n\n\n")
open(out + "header_only.csv", "w").write(",".join(f"c{i}" for i in range(10)) + "\n")
csv("ragged.csv", [r if i != 5 else r[:7] for i, r in enumerate(rows)])
csv("nan.csv", edited(3, 2, "nan"))
csv("inf.csv", edited(3, 2, "-inf"))
csv("word.csv", edited(9, 0, "cat"))
csv("empty_field.csv", edited(2, 2, ""))
csv("overflow.csv", edited(2, 2, "1e999"))
csv("seventeen_rows.csv", rows + rows[:1])
open(out + "blank_inside.csv", "w").write("".join(",".join(r) + "\n" + ("\n" if i == 7 else "") for i, r in enumerate(rows)))
csv("semicolons.csv", rows, sep=";")
open(out + "prose.csv", "w").write("The API returned an error.\nPlease try again later.\n")
open(out + "binary.csv", "wb").write(bytes(range(256)) * 4)
np.savez(out + "arrays.npz", y=y)
np.save(out + "three_d.npy", y.reshape(16, 2, 5))
np.save(out + "nan.npy", np.where(np.arange(160).reshape(16, 10) == 33, np.nan, y).astype(np.float32))
np.save(out + "fifteen_rows.npy", y[:15])
np.save(out + "strings.npy", np.array([["a"] * 10] * 16))
np.save(out + "complex.npy", y.astype(np.complex64))
np.save(out + "object.npy", np.array([[1, "a"]] * 16, dtype=object), allow_pickle=True)
np.save(out + "big_endian.npy", y.astype(">f4"))
np.save(out + "no_rows.npy", np.zeros((0, 10), np.float32))
np.save(out + "scalar.npy", np.float32(3))
buffer = io.BytesIO(); np.save(buffer, y); good = buffer.getvalue()
end = good.index(b"\n") + 1
header = good[10:end].decode()
def npy(name, data):
    open(out + name, "wb").write(data)
npy("bad_magic.npy", b"\x93NUMPX" + good[6:])
npy("bad_key.npy", good[:10] + header.replace("'descr'", "'dsecr'").encode() + good[end:])
npy("header_not_dict.npy", good[:10] + ("[1, 2, 3]".ljust(len(header) - 1) + "\n").encode() + good[end:])
npy("header_length_huge.npy", good[:8] + (0xFFFF).to_bytes(2, "little") + good[10:])
npy("shape_huge.npy", good[:10] + header.replace("(16, 10)", "(16, 99999999999)").encode()[:len(header)] + good[end:])
npy("truncated.npy", good[:-40])
npy("trailing.npy", good + bytes(8))
npy("header_only.npy", good[:end])
npy("magic_only.npy", good[:6])
PY
declare -A why=(
  [empty.csv]="no rows" [blank_lines.csv]="no rows" [header_only.csv]="no rows"
  [ragged.csv]="line 6 has 7 columns but line 1 has 10" [nan.csv]="line 4, column 3: 'nan' is NaN"
  [inf.csv]="line 4, column 3: '-inf' is infinite" [word.csv]="line 10, column 1: 'cat' is not a number"
  [empty_field.csv]="line 3, column 3: empty field" [overflow.csv]="line 3, column 3: '1e999' is out of range"
  [seventeen_rows.csv]="has 17 rows but the probes manifest lists 16"
  [blank_inside.csv]="line 9 is empty" [semicolons.csv]="is not a number" [prose.csv]="is not a number"
  [binary.csv]="is binary data, not a CSV or .npy file" [arrays.npz]="is a zip archive (an .npz?)"
  [three_d.npy]=".npy array has shape (16, 2, 5)" [nan.npy]=".npy value at [3, 3] is NaN"
  [fifteen_rows.npy]="has 15 rows but the probes manifest lists 16" [strings.npy]=".npy dtype '<U1' is not supported"
  [complex.npy]=".npy dtype '<c8' is not supported" [object.npy]=".npy dtype '|O' is not supported"
  [big_endian.npy]=".npy data is big-endian" [no_rows.npy]="no rows (.npy shape (0, 10))"
  [scalar.npy]=".npy array has shape ()" [bad_magic.npy]="is binary data"
  [bad_key.npy]="unreadable .npy header: unexpected key 'dsecr'" [header_not_dict.npy]="unreadable .npy header"
  [header_length_huge.npy]="truncated .npy file" [shape_huge.npy]=".npy array is too large"
  [truncated.npy]="truncated .npy file" [trailing.npy]=".npy file has trailing data"
  [header_only.npy]="truncated .npy file" [magic_only.npy]=".npy format version 0.0 is not supported")
for good in good.csv good.npy; do  # random outputs: independent
  expect_exit 0 "$SACJC" verify "$WORK/victim.sacfp" --suspect-outputs "$WORK/$good"
done
[ "${#why[@]}" = "$(ls "$WORK/bad" | wc -l)" ] || fail "fixture: ${#why[@]} expectations for $(ls "$WORK/bad" | wc -l) files"
for name in "${!why[@]}"; do
  expect_exit 3 "$SACJC" verify "$WORK/victim.sacfp" --suspect-outputs "$WORK/bad/$name"
  expect_error_line "$WORK/bad/$name: "
  grep -qF -- "${why[$name]}" "$WORK/err" || { cat "$WORK/err"; fail "$name: the error does not say '${why[$name]}'"; }
done
expect_exit 3 "$SACJC" verify "$WORK/victim.sacfp" --suspect-outputs "$WORK/none.csv"
expect_error_line "$WORK/none.csv: cannot open file"
expect_exit 3 "$SACJC" verify "$WORK/victim.sacfp" --suspect-outputs "$WORK/bad"
expect_error_line "$WORK/bad: is a directory"
