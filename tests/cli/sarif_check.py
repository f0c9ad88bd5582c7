"""Checks a SARIF log against the parts of the SARIF 2.1.0 schema (OASIS,
sarif-schema-2.1.0.json) that sacjc's output uses, written by hand from the schema so the test
needs no network and no JSON-schema package: the required properties, the enums, the types, and
additionalProperties: false (no property the schema does not define) on every object sacjc
writes; plus what code scanning needs of a result (GitHub's ingestion rules): message.text,
ruleId naming a rule of the driver, level, and a location with artifactLocation.uri.

    sarif_check.py FILE [--results N] [--properties NAME,...]
--results: exactly N results; --properties: every result's property bag has these names.
Prints each problem and exits 1 if there is one.
"""
import argparse
import json
import re
import sys

LEVELS = {"none", "note", "warning", "error"}
KINDS = {"notApplicable", "pass", "fail", "review", "open", "informational"}
# The properties the schema defines for each object (its additionalProperties is false).
ALLOWED = {
    "log": {"$schema", "version", "runs", "inlineExternalProperties", "properties"},
    "run": {"tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds",
            "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates",
            "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences",
            "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
            "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"},
    "tool": {"driver", "extensions", "properties"},
    "toolComponent": {"guid", "name", "organization", "product", "productSuite", "shortDescription",
                      "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
                      "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications",
                      "rules", "taxa", "locations", "language", "contents", "isComprehensive",
                      "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
                      "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"},
    "reportingDescriptor": {"id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                            "shortDescription", "fullDescription", "messageStrings", "helpUri", "help",
                            "defaultConfiguration", "relationships", "properties"},
    "multiformatMessageString": {"text", "markdown", "properties"},
    "reportingConfiguration": {"enabled", "level", "rank", "parameters", "properties"},
    "invocation": {"commandLine", "arguments", "responseFiles", "startTimeUtc", "endTimeUtc", "exitCode",
                   "ruleConfigurationOverrides", "notificationConfigurationOverrides",
                   "toolExecutionNotifications", "toolConfigurationNotifications", "exitCodeDescription",
                   "exitSignalName", "exitSignalNumber", "processStartFailureMessage", "executionSuccessful",
                   "machine", "account", "processId", "executableLocation", "workingDirectory",
                   "environmentVariables", "stdin", "stdout", "stderr", "stdoutStderr", "properties"},
    "notification": {"locations", "message", "level", "threadId", "timeUtc", "exception", "descriptor",
                     "associatedRule", "properties"},
    "result": {"guid", "correlationGuid", "ruleId", "ruleIndex", "rule", "taxa", "kind", "level", "message",
               "analysisTarget", "locations", "webRequest", "webResponse", "fingerprints", "partialFingerprints",
               "codeFlows", "graphs", "graphTraversals", "stacks", "relatedLocations", "suppressions",
               "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes",
               "occurrenceCount", "properties"},
    "message": {"text", "markdown", "id", "arguments", "properties"},
    "location": {"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships",
                 "properties"},
    "physicalLocation": {"address", "artifactLocation", "region", "contextRegion", "properties"},
    "artifactLocation": {"uri", "uriBaseId", "index", "description", "properties"},
}
# A URI reference (RFC 3986): no spaces, controls or characters outside its set.
URI_REFERENCE = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


def obj(value, kind, where, required=()):
    """Checks an object of schema type `kind`: a JSON object, no undefined property, the
    required ones present. Returns it (or {} if it is not an object)."""
    if not isinstance(value, dict):
        problem(where, f"is not an object ({kind})")
        return {}
    for key in value:
        if key not in ALLOWED[kind]:
            problem(where, f"{kind} has no property '{key}' (additionalProperties: false)")
    for key in required:
        if key not in value:
            problem(where, f"required property '{key}' is missing")
    return value


def array(value, where):
    if not isinstance(value, list):
        problem(where, "is not an array")
        return []
    return value


def string(value, where):
    if not isinstance(value, str):
        problem(where, "is not a string")
        return ""
    return value


def property_bag(value, where):
    bag = value if isinstance(value, dict) else problem(where, "property bag is not an object") or {}
    tags = bag.get("tags", [])
    if not isinstance(tags, list) or len(set(map(str, tags))) != len(tags):
        problem(where + ".tags", "is not an array of unique strings")
    return bag


def message(value, where, require_text=True):
    m = obj(value, "message", where)
    if require_text or "text" in m:
        string(m.get("text"), where + ".text")
    elif "id" not in m:
        problem(where, "a message needs text or id")


def multiformat(value, where):
    string(obj(value, "multiformatMessageString", where, ["text"]).get("text"), where + ".text")


def location(value, where):
    loc = obj(value, "location", where)
    physical = obj(loc.get("physicalLocation"), "physicalLocation", where + ".physicalLocation", ["artifactLocation"])
    artifact = obj(physical.get("artifactLocation"), "artifactLocation",
                   where + ".physicalLocation.artifactLocation", ["uri"])
    uri = string(artifact.get("uri"), where + ".physicalLocation.artifactLocation.uri")
    if not uri or not URI_REFERENCE.match(uri):
        problem(where + ".physicalLocation.artifactLocation.uri", f"'{uri}' is not a URI reference")


def level(value, where):
    if value not in LEVELS:
        problem(where, f"'{value}' is not a level ({', '.join(sorted(LEVELS))})")


def check(log, expected_results, required_properties):
    top = obj(log, "log", "log", ["version", "runs"])
    if top.get("version") != "2.1.0":
        problem("version", f"is {top.get('version')!r}, not '2.1.0'")
    schema = string(top.get("$schema"), "$schema")
    if not ABSOLUTE_URI.match(schema) or "2.1.0" not in schema:
        problem("$schema", f"'{schema}' is not the URI of a SARIF 2.1.0 schema")
    results = []
    for r, run_value in enumerate(array(top.get("runs"), "runs")):
        where = f"runs[{r}]"
        run = obj(run_value, "run", where, ["tool"])
        tool = obj(run.get("tool"), "tool", where + ".tool", ["driver"])
        driver = obj(tool.get("driver"), "toolComponent", where + ".tool.driver", ["name"])
        string(driver.get("name"), where + ".tool.driver.name")
        for key in ("version", "semanticVersion"):
            if key in driver:
                string(driver[key], f"{where}.tool.driver.{key}")
        rules = array(driver.get("rules", []), where + ".tool.driver.rules")
        rule_ids = []
        for i, rule_value in enumerate(rules):
            rw = f"{where}.tool.driver.rules[{i}]"
            rule = obj(rule_value, "reportingDescriptor", rw, ["id"])
            rule_ids.append(string(rule.get("id"), rw + ".id"))
            for key in ("shortDescription", "fullDescription", "help"):
                if key in rule:
                    multiformat(rule[key], f"{rw}.{key}")
            if "defaultConfiguration" in rule:
                config = obj(rule["defaultConfiguration"], "reportingConfiguration", rw + ".defaultConfiguration")
                if "level" in config:
                    level(config["level"], rw + ".defaultConfiguration.level")
        if len(set(rule_ids)) != len(rule_ids):
            problem(where + ".tool.driver.rules", "rule ids are not unique")
        for i, inv_value in enumerate(array(run.get("invocations", []), where + ".invocations")):
            iw = f"{where}.invocations[{i}]"
            inv = obj(inv_value, "invocation", iw, ["executionSuccessful"])
            if not isinstance(inv.get("executionSuccessful"), bool):
                problem(iw + ".executionSuccessful", "is not a boolean")
            for n, note_value in enumerate(array(inv.get("toolExecutionNotifications", []),
                                                 iw + ".toolExecutionNotifications")):
                nw = f"{iw}.toolExecutionNotifications[{n}]"
                note = obj(note_value, "notification", nw, ["message"])
                message(note.get("message"), nw + ".message")
                if "level" in note:
                    level(note["level"], nw + ".level")
                for k, loc in enumerate(array(note.get("locations", []), nw + ".locations")):
                    location(loc, f"{nw}.locations[{k}]")
        if "properties" in run:
            property_bag(run["properties"], where + ".properties")
        for i, result_value in enumerate(array(run.get("results", []), where + ".results")):
            rw = f"{where}.results[{i}]"
            result = obj(result_value, "result", rw, ["message", "ruleId", "level", "locations"])
            message(result.get("message"), rw + ".message")
            rule_id = string(result.get("ruleId"), rw + ".ruleId")
            if rule_id not in rule_ids:
                problem(rw + ".ruleId", f"'{rule_id}' is not a rule of the driver")
            if "ruleIndex" in result:
                index = result["ruleIndex"]
                if not isinstance(index, int) or isinstance(index, bool) or index < -1:
                    problem(rw + ".ruleIndex", "is not an integer >= -1")
                elif index >= 0 and (index >= len(rule_ids) or rule_ids[index] != rule_id):
                    problem(rw + ".ruleIndex", "does not point at the rule named by ruleId")
            level(result.get("level"), rw + ".level")
            if "kind" in result and result["kind"] not in KINDS:
                problem(rw + ".kind", f"'{result['kind']}' is not a kind")
            if result.get("kind", "fail") != "fail" and result.get("level", "none") != "none":
                problem(rw, "a result whose kind is not 'fail' must have level 'none' (SARIF 3.27.9)")
            locations = array(result.get("locations"), rw + ".locations")
            if not locations:
                problem(rw + ".locations", "is empty (code scanning shows no result without a location)")
            for k, loc in enumerate(locations):
                location(loc, f"{rw}.locations[{k}]")
            for key in ("fingerprints", "partialFingerprints"):
                if key in result and (not isinstance(result[key], dict) or
                                      not all(isinstance(v, str) for v in result[key].values())):
                    problem(f"{rw}.{key}", "is not an object of strings")
            bag = property_bag(result.get("properties", {}), rw + ".properties")
            for name in required_properties:
                if name not in bag or bag[name] is None or bag[name] == "":
                    problem(rw + ".properties", f"has no '{name}'")
            results.append(result)
    if expected_results is not None and len(results) != expected_results:
        problem("runs[].results", f"{len(results)} results, expected {expected_results}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--results", type=int)
    parser.add_argument("--properties", default="")
    args = parser.parse_args()
    try:
        log = json.load(open(args.file, encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"{args.file}: not JSON: {e}")
        return 1
    check(log, args.results, [p for p in args.properties.split(",") if p])
    for p in problems:
        print(f"{args.file}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
