#!/usr/bin/python3
"""Measures sacjc on a model zoo (scripts/make_zoo.py) and writes the README's results tables.

Usage: zoo_results.py ZOO_DIR [--sacjc build/sacjc] [--out FILE.md]

Runs `sacjc evaluate` (JSON) over the zoo's manifest:
  1. per family: AUC, Welch p-value, F1 at the default threshold and best F1, for both
     comparisons (rsa, mad), with the built-in probes and with the zoo's Fashion-MNIST test
     probes (ZOO_DIR/probes, images no model trained on), and per architecture;
  2. AUC against the probe count (50 to 800 test-set probes);
  3. AUC against the JPEG quality (100, 25, 10).
Writes Markdown to --out (default: stdout). Every number comes from a sacjc run made here.
"""
import argparse
import json
import os
import subprocess
import sys
import time


def evaluate(args, extra):
    command = [args.sacjc, "evaluate", os.path.join(args.zoo, "victim.pt"),
               "--manifest", os.path.join(args.zoo, "manifest.tsv"), "--format", "json"] + extra
    started = time.time()
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 3) or not run.stdout:
        sys.exit(f"sacjc failed ({run.returncode}): {' '.join(command)}\n{run.stderr}")
    report = json.loads(run.stdout)
    print(f"{time.time() - started:6.1f} s  {' '.join(extra)}", file=sys.stderr)
    return report


def stolen_families(report):
    return [f for f in report["families"] if f["role"] == "stolen"]


def number(value, pattern="{:.3f}"):
    return "-" if value is None else pattern.format(value)


def family_table(report):
    rows = ["| family | models | AUC | p-value (Welch) | F1 at default threshold | best F1 |",
            "| --- | --- | --- | --- | --- | --- |"]
    for f in stolen_families(report):
        rows.append(f"| {f['family']} | {f['models']} | {number(f['auc'])} | {number(f['p_value'], '{:.2g}')} "
                    f"| {number(f['at_threshold']['f1'], '{:.2f}')} | {number(f['best_f1'], '{:.2f}')} |")
    return rows


def sweep_table(reports, label):
    families = [f["family"] for f in stolen_families(reports[0][1]) if "@" not in f["family"]]
    rows = [f"| {label} | " + " | ".join(families) + " |", "| --- " * (len(families) + 1) + "|"]
    for setting, report in reports:
        auc = {f["family"]: f["auc"] for f in stolen_families(report)}
        rows.append(f"| {setting} | " + " | ".join(number(auc.get(name)) for name in families) + " |")
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("zoo")
    parser.add_argument("--sacjc", default="build/sacjc")
    parser.add_argument("--out")
    args = parser.parse_args()
    test_probes = ["--probes", os.path.join(args.zoo, "probes"), "--input-size", "28"]
    out = [f"Zoo: `{args.zoo}`; sacjc: `{args.sacjc}`; {time.strftime('%Y-%m-%d')}.", ""]

    for metric in ("rsa", "mad"):
        for name, probes in (("built-in probes (256)", ["-n", "256"]),
                             ("Fashion-MNIST test probes (256)", test_probes + ["-n", "256"])):
            report = evaluate(args, probes + ["--compare", metric, "--by-arch"])
            out += [f"### `--compare {metric}`, {name}, quality 25, threshold {report['threshold']:.4g}", ""]
            out += family_table(report) + [""]

    for metric in ("rsa", "mad"):
        counts = [(n, evaluate(args, test_probes + ["-n", str(n), "--compare", metric])) for n in (50, 100, 200, 400, 800)]
        out += [f"### AUC against probe count, `--compare {metric}`, test-set probes, quality 25", ""]
        out += sweep_table(counts, "probes") + [""]
        qualities = [(q, evaluate(args, test_probes + ["-n", "256", "-q", str(q), "--compare", metric]))
                     for q in (100, 25, 10)]
        out += [f"### AUC against JPEG quality, `--compare {metric}`, 256 test-set probes", ""]
        out += sweep_table(qualities, "quality") + [""]

    text = "\n".join(out) + "\n"
    if args.out:
        with open(args.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
