# --format sarif (verify, audit, merge) writes SARIF 2.1.0 that meets the schema's required
# fields (tests/cli/sarif_check.py): one result per stolen suspect, with its distance, the
# threshold and the suspect's SHA-256; errors are notifications; the exit codes stay those of
# the verdicts. The checker itself rejects broken logs.
source "$(dirname "$0")/lib.sh"
CHECK="$PYTHON $(dirname "$0")/sarif_check.py"
props=distance,threshold,suspect_sha256,victim_sha256,probe_sha256,comparison

expect_exit 1 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/stolen.pt" --format sarif
cp "$WORK/out" "$WORK/stolen.sarif"
$CHECK "$WORK/stolen.sarif" --results 1 --properties $props || fail "verify stolen: SARIF does not meet the schema"
"$PYTHON" - "$WORK/stolen.sarif" "$DEMO" <<'PY' || fail "verify stolen: wrong content"
import hashlib, json, sys
log = json.load(open(sys.argv[1]))
run = log["runs"][0]
result = run["results"][0]
assert run["tool"]["driver"]["name"] == "sacjc" and run["tool"]["driver"]["rules"][0]["id"] == result["ruleId"]
assert result["level"] == "error" and result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("data/demo/stolen.pt")
p = result["properties"]
assert 0 <= p["distance"] < p["threshold"], p
assert p["suspect_sha256"] == hashlib.sha256(open(sys.argv[2] + "/stolen.pt", "rb").read()).hexdigest()
assert run["invocations"][0]["executionSuccessful"] is True
PY

expect_exit 0 "$SACJC" verify "$DEMO/victim.pt" "$DEMO/independent.pt" --format sarif
$CHECK "$WORK/out" --results 0 || fail "verify independent: SARIF does not meet the schema"

# audit: two stolen copies, an independent model, two small CNNs, a corrupt file.
suspect_dir "$WORK/suspects"
mkdir -p "$WORK/suspects/with space"
cp "$DEMO/stolen.pt" "$WORK/suspects/with space/g stolen.pt"
expect_exit 1 "$SACJC" audit "$DEMO/victim.pt" "$WORK/suspects" --format sarif --jsonl "$WORK/audit.jsonl"
cp "$WORK/out" "$WORK/audit.sarif"
$CHECK "$WORK/audit.sarif" --results 3 --properties $props || fail "audit: SARIF does not meet the schema"
"$PYTHON" - "$WORK/audit.sarif" <<'PY' || fail "audit: wrong content"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
uris = sorted(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/suspects/", 1)[1] for r in run["results"])
assert uris == ["a_stolen.pt", "more/f_stolen_copy.pt", "with%20space/g%20stolen.pt"], uris
notes = run["invocations"][0]["toolExecutionNotifications"]
assert run["invocations"][0]["executionSuccessful"] is False
assert [n["level"] for n in notes] == ["error"] and "e_corrupt.pt" in notes[0]["message"]["text"], notes
PY

# merge gives the same results from the log.
expect_exit 1 "$SACJC" merge "$WORK/audit.jsonl" --format sarif
$CHECK "$WORK/out" --results 3 --properties $props || fail "merge: SARIF does not meet the schema"

# The checker fails on logs that break the schema.
"$PYTHON" - "$WORK/stolen.sarif" "$WORK" <<'PY'
import copy, json, sys
log = json.load(open(sys.argv[1]))
def broken(name, change):
    bad = copy.deepcopy(log)
    change(bad)
    json.dump(bad, open(f"{sys.argv[2]}/broken-{name}.sarif", "w"))
result = lambda l: l["runs"][0]["results"][0]
broken("version", lambda l: l.update(version="2.0.0"))
broken("no-runs", lambda l: l.pop("runs"))
broken("no-driver-name", lambda l: l["runs"][0]["tool"]["driver"].pop("name"))
broken("no-message-text", lambda l: result(l)["message"].pop("text"))
broken("level", lambda l: result(l).update(level="fatal"))
broken("rule-id", lambda l: result(l).update(ruleId="no-such-rule"))
broken("no-uri", lambda l: result(l)["locations"][0]["physicalLocation"]["artifactLocation"].pop("uri"))
broken("uri-with-space", lambda l: result(l)["locations"][0]["physicalLocation"]["artifactLocation"].update(uri="a b.pt"))
broken("extra-property", lambda l: result(l).update(distance=0.1))
broken("no-distance", lambda l: result(l)["properties"].pop("distance"))
PY
for bad in "$WORK"/broken-*.sarif; do
  if $CHECK "$bad" --properties $props >/dev/null; then fail "the checker accepts $(basename "$bad")"; fi
done
