# --format junit (verify, audit, merge) writes JUnit XML that python's xml.etree reads: one
# test case per suspect, a failure when stolen (with --expect: when the verdict is not the
# expected one), an error element for an error row; the counts on the suite agree.
source "$(dirname "$0")/lib.sh"
junit() {  # FILE TESTS FAILURES ERRORS: checks the counts and that each case has its element
  "$PYTHON" - "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
tests, failures, errors = map(int, sys.argv[2:5])
assert root.tag == "testsuites", root.tag
suite = root.find("testsuite")
cases = suite.findall("testcase")
got = (len(cases), sum(c.find("failure") is not None for c in cases), sum(c.find("error") is not None for c in cases))
assert got == (tests, failures, errors), got
for element in (root, suite):
    assert (int(element.get("tests")), int(element.get("failures")), int(element.get("errors"))) == got
props = {p.get("name"): p.get("value") for p in suite.find("properties")}
assert float(props["threshold"]) > 0 and len(props["probe_sha256"]) == 64, props
for c in cases:
    assert c.get("classname").startswith("sacjc.") and c.get("name")
    f = c.find("failure")
    if f is not None:
        assert f.get("message") and f.get("type") in ("stolen", "independent"), f.attrib
PY
}

expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --format junit
junit "$WORK/out" 1 1 0 || fail "verify stolen"
grep -q '<failure type="stolen" message="stolen: a copy of ' "$WORK/out" || fail "verify stolen: no failure message"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" --format junit
junit "$WORK/out" 1 0 0 || fail "verify independent"
expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --format junit --expect stolen
junit "$WORK/out" 1 0 0 || fail "verify --expect stolen on a stolen model"
expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" --format junit --expect stolen
junit "$WORK/out" 1 1 0 || fail "verify --expect stolen on an independent model"

# audit: 2 stolen, 3 independent, 1 corrupt; a file name XML must escape.
suspect_dir "$WORK/suspects"
cp "$DEMO/stolen.pt" "$WORK/suspects/g<&\"'>.pt"
expect_exit 1 "$SACJC" audit "$DEMO/victim.pt" "$WORK/suspects" --format junit --jsonl "$WORK/audit.jsonl"
junit "$WORK/out" 7 3 1 || { cat "$WORK/out"; fail "audit"; }
"$PYTHON" - "$WORK/out" <<'PY' || fail "audit: names or the error element"
import sys, xml.etree.ElementTree as ET
cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
by_name = {c.get("name").rsplit("/", 1)[1]: c for c in cases}
assert "g<&\"'>.pt" in by_name and by_name["g<&\"'>.pt"].find("failure") is not None
error = by_name["e_corrupt.pt"].find("error")
assert error is not None and "not a TorchScript model" in error.get("message"), error
PY
expect_exit 1 "$SACJC" merge "$WORK/audit.jsonl" --format junit
junit "$WORK/out" 7 3 1 || fail "merge"
