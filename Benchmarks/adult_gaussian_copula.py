#!/usr/bin/env python3
"""SynthKit Gaussian copula vs SDV 2.0 GaussianCopulaSynthesizer on Adult, measured in one run.

Split: 80/20 stratified on `income`, random_state 0, exactly as ../shared/bench/anchors.py makes it.
Timing: SynthKit is timed as whole CLI commands (`synthkit fit` + `synthkit sample`, including
CSV reading and writing and process start); SDV is timed in-process (fit + sample, no CSV I/O),
which favours SDV. The two are run alternately `--repeats` times and medians are compared.
Quality: SDMetrics QualityReport computed by sdmetrics itself on both outputs, against the train
split and against the holdout; privacy: the anchors' DCR and exact-copy figures (same code).
Agreement: SynthKit's own `evaluate --json` sdmetricsCompatible.overall vs sdmetrics' number.

Set-up (outside the repository):
  python3 -m venv ~/.cache/synthkit-anchors-venv
  ~/.cache/synthkit-anchors-venv/bin/pip install sdv==2.0.0 scikit-learn==1.9.1 threadpoolctl
Run from the repository root after `swift build -c release`:
  ~/.cache/synthkit-anchors-venv/bin/python Benchmarks/adult_gaussian_copula.py --repeats 3
Versions used for the figures in the notes: sdv 2.0.0, sdmetrics 0.32.0 (pulled by sdv),
scikit-learn 1.9.1, pandas and numpy as resolved by pip on 2026-11-23.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_BENCH = os.path.join(ROOT, "..", "shared", "bench")
sys.path.insert(0, SHARED_BENCH)
import anchors  # noqa: E402  (the shared anchor definitions: privacy(), column_meta())


def split_adult(csv_path, seed=0):
    from sklearn.model_selection import train_test_split
    df = pd.read_csv(csv_path)
    train, holdout = train_test_split(df, test_size=0.2, random_state=seed, stratify=df["income"])
    return train.reset_index(drop=True), holdout.reset_index(drop=True)


def run(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"command failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    return elapsed


def synthkit_once(binary, train_csv, workdir, rows, seed):
    model = os.path.join(workdir, "adult.synth")
    out = os.path.join(workdir, "synthkit.csv")
    fit_s = run([binary, "fit", train_csv, "--synthesizer", "gaussian-copula", "--seed", str(seed), "-q", "-o", model])
    sample_s = run([binary, "sample", model, "--rows", str(rows), "--seed", str(seed), "-q", "-o", out])
    return fit_s, sample_s, out


def sdv_once(train, cols, seed):
    from sdv.metadata import Metadata
    from sdv.single_table import GaussianCopulaSynthesizer
    metadata = Metadata.load_from_dict({"tables": {"t": {"columns": cols}}})
    np.random.seed(seed)
    synth = GaussianCopulaSynthesizer(metadata)
    start = time.perf_counter()
    synth.fit({"t": train})
    fit_s = time.perf_counter() - start
    start = time.perf_counter()
    synthetic = synth.sample(len(train))["t"]
    return fit_s, time.perf_counter() - start, synthetic


def quality(real, synthetic, cols):
    from sdmetrics.reports.single_table import QualityReport
    report = QualityReport()
    start = time.perf_counter()
    report.generate(real, synthetic[real.columns], {"columns": cols}, verbose=False)
    seconds = time.perf_counter() - start
    props = report.get_properties().set_index("Property")["Score"].to_dict()
    return {"overall": float(report.get_score()), "columnShapes": float(props["Column Shapes"]),
            "columnPairTrends": float(props["Column Pair Trends"]), "seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthkit", default=os.path.join(ROOT, ".build", "release", "synthkit"))
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "datasets", "adult.csv"))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="adult-gaussian-copula-bench.json")
    args = parser.parse_args()

    train, holdout = split_adult(args.data, args.seed)
    cols = anchors.column_meta(train)
    workdir = tempfile.mkdtemp(prefix="synthkit-bench-")
    train_csv = os.path.join(workdir, "train.csv")
    holdout_csv = os.path.join(workdir, "holdout.csv")
    train.to_csv(train_csv, index=False)
    holdout.to_csv(holdout_csv, index=False)
    print(f"train {len(train)} rows, holdout {len(holdout)} rows, workdir {workdir}", flush=True)

    ours, theirs = [], []
    for repeat in range(args.repeats):
        fit_s, sample_s, ours_csv = synthkit_once(args.synthkit, train_csv, workdir, len(train), args.seed)
        ours.append((fit_s, sample_s))
        sdv_fit, sdv_sample, sdv_synthetic = sdv_once(train, cols, args.seed)
        theirs.append((sdv_fit, sdv_sample))
        print(f"repeat {repeat + 1}: synthkit fit {fit_s:.3f}s sample {sample_s:.3f}s | "
              f"sdv fit {sdv_fit:.3f}s sample {sdv_sample:.3f}s", flush=True)

    ours_total = statistics.median(f + s for f, s in ours)
    sdv_total = statistics.median(f + s for f, s in theirs)
    ours_synthetic = pd.read_csv(ours_csv)
    result = {
        "rows": len(train), "repeats": args.repeats, "loadavg": os.getloadavg(),
        "synthkit": {"fit_sample_s_median": ours_total, "runs": ours},
        "sdv": {"fit_sample_s_median": sdv_total, "runs": theirs},
        "speedup_vs_sdv": sdv_total / ours_total,
        "quality_vs_train": {"synthkit": quality(train, ours_synthetic, cols), "sdv": quality(train, sdv_synthetic, cols)},
        "quality_vs_holdout": {"synthkit": quality(holdout, ours_synthetic, cols), "sdv": quality(holdout, sdv_synthetic, cols)},
        "real_holdout_vs_train": quality(train, holdout, cols),
        "privacy": {"synthkit": anchors.privacy(ours_synthetic, train, holdout, cols, args.seed),
                    "sdv": anchors.privacy(sdv_synthetic, train, holdout, cols, args.seed)},
    }
    report_json = os.path.join(workdir, "report.json")
    start = time.perf_counter()
    run([args.synthkit, "evaluate", "--real", train_csv, "--synthetic", ours_csv, "-q", "--json", report_json])
    result["synthkit_evaluate_s"] = time.perf_counter() - start
    with open(report_json) as handle:
        compat = json.load(handle)["sdmetricsCompatible"]
    result["agreement"] = {key: compat[key] - result["quality_vs_train"]["synthkit"][key]
                           for key in ("overall", "columnShapes", "columnPairTrends")}
    with open(args.out, "w") as handle:
        json.dump(result, handle, indent=2)
    q = result["quality_vs_train"]
    p = result["privacy"]
    print(json.dumps({
        "speedup_vs_sdv (fit+sample, median)": round(result["speedup_vs_sdv"], 1),
        "synthkit quality (overall/shapes/pairs)": [round(q["synthkit"][k], 4) for k in ("overall", "columnShapes", "columnPairTrends")],
        "sdv quality (overall/shapes/pairs)": [round(q["sdv"][k], 4) for k in ("overall", "columnShapes", "columnPairTrends")],
        "quality vs holdout synthkit/sdv": [round(result["quality_vs_holdout"][k]["overall"], 4) for k in ("synthkit", "sdv")],
        "real holdout ceiling": round(result["real_holdout_vs_train"]["overall"], 4),
        "exact copies synthkit/sdv": [p["synthkit"]["exact_duplicate_rate_vs_train"], p["sdv"]["exact_duplicate_rate_vs_train"]],
        "DCR share closer to train synthkit/sdv": [round(p["synthkit"]["share_closer_to_train"], 4), round(p["sdv"]["share_closer_to_train"], 4)],
        "evaluate agreement (ours - sdmetrics)": result["agreement"],
        "synthkit evaluate s vs sdmetrics s": [round(result["synthkit_evaluate_s"], 3), round(q["synthkit"]["seconds"], 3)],
    }, indent=2))


if __name__ == "__main__":
    main()
