#!/usr/bin/env python3
"""SynthKit's SDMetrics-compatible QualityReport + DiagnosticReport vs sdmetrics 0.32.0 on Adult,
and the full 26k x 26k Euclidean DCR/NNDR, measured in one run.

Split: 80/20 stratified on `income`, random_state 0, exactly as ../shared/bench/anchors.py makes it.
Synthetic rows: SDV 2.0 GaussianCopulaSynthesizer (defaults, numpy/torch seeded 0) fitted on the
train split, as many rows as the train split (26,048), unless --synthetic gives a CSV.
Both tables are typed as anchors.py types them (numbers -> numerical, else categorical).

Timing (computation only, data already loaded on both sides):
  sdmetrics: QualityReport().generate(train, synthetic, metadata) + DiagnosticReport().generate(...)
             in this process on pandas frames read beforehand (imports and read_csv excluded);
  SynthKit:  Benchmarks' EvaluationBench (release build) times SDMetricsQualityReport.evaluate +
             SDMetricsDiagnosticReport.evaluate on tables it read beforehand (CSV parsing excluded).
The two are run alternately --repeats times; medians are compared (ratio = sdmetrics / SynthKit).
Also reported: one whole SynthKit-mode evaluation (every family with the holdout, target income).
DCR/NNDR: EvaluationBench's whole-table Euclidean kernel (standardised numerics + one-hot, as
anchors.py encodes) over every synthetic x train pair, beside scikit-learn NearestNeighbors(2)
on the same encoded matrices (anchors.py's tool, here on all rows instead of 5,000).

Set-up (outside the repository): ~/.cache/synthkit-anchors-venv with sdv==2.0.0 (pulls sdmetrics
0.32.0) and scikit-learn==1.9.1. Build, then run from the repository root:
  (cd Benchmarks && swift build -c release --product EvaluationBench)
  ~/.cache/synthkit-anchors-venv/bin/python Benchmarks/adult_evaluation.py --repeats 3
Versions used for the figures in the notes: sdv 2.0.0, sdmetrics 0.32.0, scikit-learn 1.9.1.
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
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "bench"))
import anchors  # noqa: E402  (column_meta(), _encoder(): the shared anchor definitions)


def split_adult(csv_path, seed=0):
    from sklearn.model_selection import train_test_split
    df = pd.read_csv(csv_path)
    train, holdout = train_test_split(df, test_size=0.2, random_state=seed, stratify=df["income"])
    return train.reset_index(drop=True), holdout.reset_index(drop=True)


def sdv_synthetic(train, seed):
    anchors.seed_everything(seed)
    from sdv.metadata import Metadata
    from sdv.single_table import GaussianCopulaSynthesizer
    metadata = Metadata.load_from_dict({"tables": {"t": {"columns": anchors.column_meta(train)}}})
    model = GaussianCopulaSynthesizer(metadata)
    model.fit({"t": train})
    return model.sample(len(train))["t"]


def time_sdmetrics(train, synthetic, metadata):
    from sdmetrics.reports.single_table import DiagnosticReport, QualityReport
    start = time.perf_counter()
    quality = QualityReport()
    quality.generate(train, synthetic, metadata, verbose=False)
    quality_s = time.perf_counter() - start
    start = time.perf_counter()
    diagnostic = DiagnosticReport()
    diagnostic.generate(train, synthetic, metadata, verbose=False)
    diagnostic_s = time.perf_counter() - start
    properties = quality.get_properties().set_index("Property")["Score"]
    return quality_s, diagnostic_s, {
        "overall": quality.get_score(), "columnShapes": properties["Column Shapes"],
        "columnPairTrends": properties["Column Pair Trends"], "diagnostic": diagnostic.get_score(),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "datasets", "adult.csv"))
    parser.add_argument("--synthetic", help="a synthetic CSV (default: SDV GaussianCopula rows)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, help="SynthKit threads (default: every core)")
    parser.add_argument("--binary", default=os.path.join(ROOT, "Benchmarks", ".build", "release", "EvaluationBench"))
    args = parser.parse_args()
    train, holdout = split_adult(args.data)
    synthetic = pd.read_csv(args.synthetic) if args.synthetic else sdv_synthetic(train, 0)
    work = tempfile.mkdtemp(prefix="synthkit-evaluation-bench-")
    train_csv, synthetic_csv = os.path.join(work, "train.csv"), os.path.join(work, "synthetic.csv")
    holdout_csv = os.path.join(work, "holdout.csv")
    train.to_csv(train_csv, index=False)
    holdout.to_csv(holdout_csv, index=False)
    synthetic.to_csv(synthetic_csv, index=False)
    # Both sides read the same files; pandas frames are read before timing.
    train, synthetic = pd.read_csv(train_csv), pd.read_csv(synthetic_csv)
    metadata = {"columns": anchors.column_meta(train)}
    extra = [str(args.threads)] if args.threads else []
    rows = {"sdmetrics": [], "synthkit": []}
    for _ in range(args.repeats):
        quality_s, diagnostic_s, sdm_scores = time_sdmetrics(train, synthetic, metadata)
        rows["sdmetrics"].append(quality_s + diagnostic_s)
        done = subprocess.run([args.binary, train_csv, synthetic_csv, "1"] + extra, capture_output=True, text=True, check=True)
        swift = json.loads(done.stdout)
        rows["synthkit"].append(swift["bothMedianSeconds"])
        print(f"  sdmetrics {quality_s:.2f}+{diagnostic_s:.2f} s, SynthKit {swift['qualitySeconds']['median']:.3f}+"
              f"{swift['diagnosticSeconds']['median']:.3f} s", flush=True)
    sdm_median, sk_median = statistics.median(rows["sdmetrics"]), statistics.median(rows["synthkit"])
    threads = [str(args.threads)] if args.threads else ["all"]
    done = subprocess.run([args.binary, train_csv, synthetic_csv, "1"] + threads + ["dcr", f"full={holdout_csv}"],
                          capture_output=True, text=True, check=True)
    distances = json.loads(done.stdout)
    from sklearn.neighbors import NearestNeighbors
    encode = anchors._encoder(train, anchors.column_meta(train))
    start = time.perf_counter()
    neighbours = NearestNeighbors(n_neighbors=2).fit(encode(train)).kneighbors(encode(synthetic))[0]
    sklearn_s = time.perf_counter() - start
    result = {
        "rows": {"train": len(train), "synthetic": len(synthetic)},
        "qualityPlusDiagnostic": {
            "sdmetricsMedianSeconds": sdm_median, "synthkitMedianSeconds": sk_median, "ratio": sdm_median / sk_median,
            "sdmetricsAll": rows["sdmetrics"], "synthkitAll": rows["synthkit"],
        },
        "agreement": {
            "sdmetrics": sdm_scores,
            "synthkit": {**swift["quality"], "diagnostic": swift["diagnostic"]["overall"]},
        },
        "dcrNndr": {
            "synthkit": distances["dcrNndr"],
            "sklearnNearestNeighbors2Seconds": sklearn_s,
            "sklearnDcrMedian": float(np.median(neighbours[:, 0])),
        },
        "fullSynthKitEvaluation": distances.get("fullEvaluation"),
        "loadavg": os.getloadavg(),
    }
    print(json.dumps(result, indent=1, default=float))


if __name__ == "__main__":
    main()
