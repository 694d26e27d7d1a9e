#!/usr/bin/env python3
"""SDMetrics QualityReport on Adult-sized data, for SynthKit's agreement check (1e-3) and timing.

Used versions (checked at run time): sdmetrics 0.32.0, pandas 2.3.3, numpy 2.4.6, scikit-learn 1.9.1.
Run: ~/.cache/synthkit-sdm-venv/bin/python Scripts/sdmetrics_adult_agreement.py [--out DIR] [--dcr-rows N]

Split as bench/anchors.py makes it: 80/20 stratified on `income`, random_state 0 (26,048 train rows).
Writes to DIR (default .build-evaluation/adult-agreement, not committed): train.csv, holdout.csv and
perturbed.csv (the train rows with seeded noise, 26,048 rows) and independent.csv (every column
resampled on its own from train, numbers jittered to floats: a marginals-only synthesizer).
Writes the sdmetrics numbers and its own timings to
Tests/SynthKitEvaluationTests/Fixtures/adult/sdmetrics_adult.json (committed). The Swift side is
`SYNTHKIT_SLOW_TESTS=1 swift test -c release --filter AdultAgreementTests`.
"""
import argparse, hashlib, json, os, sys, time, warnings
import numpy as np, pandas as pd, sdmetrics, sklearn

warnings.filterwarnings("ignore")
EXPECTED = {"sdmetrics": "0.32.0", "pandas": "2.3.3", "numpy": "2.4.6", "sklearn": "1.9.1"}
FOUND = {"sdmetrics": sdmetrics.__version__, "pandas": pd.__version__, "numpy": np.__version__, "sklearn": sklearn.__version__}
if FOUND != EXPECTED:
    sys.exit(f"version mismatch: expected {EXPECTED}, found {FOUND}")
from sklearn.model_selection import train_test_split
from sdmetrics.reports.single_table import QualityReport
from sdmetrics.single_table.privacy.dcr_utils import calculate_dcr

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def clean(value):
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if np.isnan(value) else float(value)
    return value


def column_meta(df):
    num = lambda s: pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)
    return {"columns": {c: {"sdtype": "numerical" if num(df[c]) else "categorical"} for c in df.columns}}


def perturb(train):
    rng = np.random.default_rng(0)
    p = train.copy()
    n = len(p)
    p["age"] = (p["age"] + rng.integers(-3, 4, n)).clip(17, 90)
    p["fnlwgt"] = np.round(p["fnlwgt"] * rng.normal(1, 0.1, n)).astype(int)
    hours = p["hours_per_week"].astype(float) + rng.integers(-5, 6, n)
    hours[rng.random(n) < 0.1] = np.nan
    p["hours_per_week"] = hours
    levels = sorted(train["education"].dropna().unique())
    swap = rng.random(n) < 0.15
    p.loc[swap, "education"] = rng.choice(levels, swap.sum())
    p.loc[rng.random(n) < 0.1, "occupation"] = "Other-service"
    p.loc[rng.random(n) < 0.05, "capital_gain"] = 0
    p.loc[rng.random(n) < 0.02, "workclass"] = "Unknown"
    return p


def independent(train):
    """Every column resampled on its own (a marginals-only synthesizer); numbers jittered to floats."""
    rng = np.random.default_rng(1)
    out = {}
    for c in train.columns:
        values = train[c].to_numpy()[rng.integers(0, len(train), len(train))]
        if pd.api.types.is_numeric_dtype(train[c]):
            values = values + rng.normal(0, 0.05 * float(train[c].std()), len(train))
        out[c] = values
    return pd.DataFrame(out)


def roundtrip(df, path):
    df.to_csv(path, index=False, na_rep="")
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return pd.read_csv(path), digest


def quality(real, syn, meta, repeats):
    times = []
    for _ in range(repeats):
        qr = QualityReport()
        t0 = time.perf_counter()
        qr.generate(real, syn, meta, verbose=False)
        times.append(time.perf_counter() - t0)
    props = qr.get_properties().set_index("Property")["Score"].to_dict()
    shapes = qr.get_details("Column Shapes")
    trends = qr.get_details("Column Pair Trends")
    return {"overall": qr.get_score(), "columnShapes": props["Column Shapes"],
            "columnPairTrends": props["Column Pair Trends"],
            "columns": {r["Column"]: {"metric": r["Metric"], "score": r["Score"]} for _, r in shapes.iterrows()},
            "pairs": [{"columns": [r["Column 1"], r["Column 2"]], "metric": r["Metric"], "score": r["Score"],
                       "realCorrelation": r["Real Correlation"], "syntheticCorrelation": r["Synthetic Correlation"],
                       "realAssociation": r["Real Association"], "meetsThreshold": bool(r["Meets Threshold?"] is True)}
                      for _, r in trends.iterrows()],
            "seconds": times, "medianSeconds": float(np.median(times))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(ROOT, ".build-evaluation", "adult-agreement"))
    ap.add_argument("--dcr-rows", type=int, default=300, help="holdout rows whose DCR to train sdmetrics computes")
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    df = pd.read_csv(os.path.join(ROOT, "..", "shared", "datasets", "adult.csv"))
    if not os.path.exists(os.path.join(ROOT, "..", "shared", "datasets", "adult.csv")):
        sys.exit("adult.csv not found")
    train, holdout = train_test_split(df, test_size=0.2, random_state=0, stratify=df["income"])
    train, holdout = train.reset_index(drop=True), holdout.reset_index(drop=True)
    train, train_sha = roundtrip(train, os.path.join(a.out, "train.csv"))
    holdout, holdout_sha = roundtrip(holdout, os.path.join(a.out, "holdout.csv"))
    perturbed, perturbed_sha = roundtrip(perturb(train), os.path.join(a.out, "perturbed.csv"))
    marginal, marginal_sha = roundtrip(independent(train), os.path.join(a.out, "independent.csv"))
    meta = column_meta(train)
    result = {"versions": FOUND, "files": {"train.csv": train_sha, "holdout.csv": holdout_sha, "perturbed.csv": perturbed_sha,
                        "independent.csv": marginal_sha},
              "rows": {"train": len(train), "holdout": len(holdout), "perturbed": len(perturbed), "independent": len(marginal)},
              "holdoutVsTrain": quality(train, holdout, meta, a.repeats),
              "perturbedVsTrain": quality(train, perturbed, meta, a.repeats),
              "independentVsTrain": quality(train, marginal, meta, a.repeats)}
    t0 = time.perf_counter()
    dcr = calculate_dcr(holdout.head(a.dcr_rows), train, meta)
    result["dcrHoldoutHeadToTrain"] = {"rows": a.dcr_rows, "values": list(dcr.values), "seconds": time.perf_counter() - t0}
    t0 = time.perf_counter()
    dcr = calculate_dcr(marginal.head(a.dcr_rows), train, meta)
    result["dcrIndependentHeadToTrain"] = {"rows": a.dcr_rows, "values": list(dcr.values), "seconds": time.perf_counter() - t0}
    out = os.path.join(ROOT, "Tests", "SynthKitEvaluationTests", "Fixtures", "adult")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "sdmetrics_adult.json"), "w") as f:
        json.dump(clean(result), f, indent=1, sort_keys=True)
    for k in ("holdoutVsTrain", "perturbedVsTrain", "independentVsTrain"):
        r = result[k]
        print(f"{k}: overall {r['overall']:.6f} shapes {r['columnShapes']:.6f} trends {r['columnPairTrends']:.6f} "
              f"sdmetrics {r['medianSeconds']:.2f}s (runs {', '.join(f'{s:.2f}' for s in r['seconds'])})")
    print(f"sdmetrics calculate_dcr {a.dcr_rows} x {len(train)}: {result['dcrHoldoutHeadToTrain']['seconds']:.1f}s (holdout), "
          f"{result['dcrIndependentHeadToTrain']['seconds']:.1f}s (independent)")


if __name__ == "__main__":
    main()
