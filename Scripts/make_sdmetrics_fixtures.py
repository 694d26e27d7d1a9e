#!/usr/bin/env python3
"""Reference values for SynthKitEvaluation's SDMetrics-compatible metrics.

Used versions (checked at run time): sdmetrics 0.32.0, pandas 2.3.3, numpy 2.4.6, scipy 1.17.1.
Run: ~/.cache/synthkit-sdm-venv/bin/python Scripts/make_sdmetrics_fixtures.py
Writes Tests/SynthKitEvaluationTests/Fixtures/sdmetrics/<case>.{real,synthetic,holdout}.csv,
<case>.metadata.json (when the case has metadata) and expected.json.

Every table is written as plain CSV (no quoting; an empty field is a missing value) and read back
with pandas.read_csv before scoring, so sdmetrics sees exactly what the Swift tests parse. Column
types follow bench/anchors.py (pandas numeric dtype -> numerical, else categorical) unless the case
has an SDV metadata file.
"""
import json, os, sys, warnings
import numpy as np, pandas as pd, scipy, sdmetrics

warnings.filterwarnings("ignore")
EXPECTED = {"sdmetrics": "0.32.0", "pandas": "2.3.3", "numpy": "2.4.6", "scipy": "1.17.1"}
FOUND = {"sdmetrics": sdmetrics.__version__, "pandas": pd.__version__, "numpy": np.__version__, "scipy": scipy.__version__}
if FOUND != EXPECTED:
    sys.exit(f"version mismatch: expected {EXPECTED}, found {FOUND}")

from sdmetrics.reports.single_table import QualityReport
from sdmetrics.single_column import (KSComplement, TVComplement, MissingValueSimilarity, RangeCoverage,
                                     CategoryCoverage, BoundaryAdherence, CategoryAdherence)
from sdmetrics.column_pairs import CorrelationSimilarity, ContingencySimilarity
from sdmetrics.single_table import DCROverfittingProtection
from sdmetrics.single_table.privacy.dcr_utils import calculate_dcr

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "SynthKitEvaluationTests", "Fixtures", "sdmetrics")


def clean(value):
    """JSON-safe: NaN -> None, numpy scalars -> Python."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if np.isnan(value) else float(value)
    return value


def column_meta(df):
    num = lambda s: pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s)
    return {"columns": {c: {"sdtype": "numerical" if num(df[c]) else "categorical"} for c in df.columns}}


def roundtrip(name, role, df):
    path = os.path.join(OUT, f"{name}.{role}.csv")
    df.to_csv(path, index=False, na_rep="")
    return pd.read_csv(path)


def report(real, syn, meta):
    qr = QualityReport()
    qr.generate(real, syn, meta, verbose=False)
    props = qr.get_properties().set_index("Property")["Score"].to_dict()
    shapes = qr.get_details("Column Shapes")
    trends = qr.get_details("Column Pair Trends")
    columns = {r["Column"]: {"metric": r["Metric"], "score": r["Score"]} for _, r in shapes.iterrows()}
    pairs = [{"columns": [r["Column 1"], r["Column 2"]], "metric": r["Metric"], "score": r["Score"],
              "realCorrelation": r["Real Correlation"], "syntheticCorrelation": r["Synthetic Correlation"],
              "realAssociation": r["Real Association"], "meetsThreshold": bool(r["Meets Threshold?"] is True)}
             for _, r in trends.iterrows()]
    return {"overall": qr.get_score(), "columnShapes": props["Column Shapes"],
            "columnPairTrends": props["Column Pair Trends"], "columns": columns, "pairs": pairs}


def safe(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except Exception:
        return np.nan


def standalone(real, syn, meta):
    cols = meta["columns"]
    out = {}
    for c, m in cols.items():
        if m["sdtype"] == "numerical":  # datetime text is not converted by the standalone metrics
            out[c] = {"KSComplement": safe(KSComplement.compute, real[c], syn[c]),
                      "MissingValueSimilarity": safe(MissingValueSimilarity.compute, real[c], syn[c]),
                      "RangeCoverage": safe(RangeCoverage.compute, real[c], syn[c]),
                      "BoundaryAdherence": safe(BoundaryAdherence.compute, real[c], syn[c])}
        elif m["sdtype"] in ("categorical", "boolean"):
            out[c] = {"TVComplement": safe(TVComplement.compute, real[c], syn[c]),
                      "MissingValueSimilarity": safe(MissingValueSimilarity.compute, real[c], syn[c]),
                      "CategoryCoverage": safe(CategoryCoverage.compute, real[c], syn[c]),
                      "CategoryAdherence": safe(CategoryAdherence.compute, real[c], syn[c])}
    pairs = []
    names = [c for c, m in cols.items() if m["sdtype"] in ("numerical", "categorical", "boolean")]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            cont = [c for c in (a, b) if cols[c]["sdtype"] == "numerical"]
            entry = {"columns": [a, b]}
            entry["contingencyRealEdges"] = safe(ContingencySimilarity.compute, real[[a, b]], syn[[a, b]],
                                                 continuous_column_names=cont or None)
            entry["contingencyByValue"] = safe(ContingencySimilarity.compute, real[[a, b]], syn[[a, b]])
            br = safe(ContingencySimilarity.compute_breakdown, real[[a, b]], syn[[a, b]],
                      continuous_column_names=cont or None, real_association_threshold=0.3)
            entry["contingencyRealEdgesThreshold"] = br["score"] if isinstance(br, dict) else np.nan
            entry["realAssociation"] = br["real_association"] if isinstance(br, dict) else np.nan
            if len(cont) == 2:
                cb = safe(CorrelationSimilarity.compute_breakdown, real[[a, b]], syn[[a, b]])
                entry["correlation"] = cb["score"] if isinstance(cb, dict) else np.nan
            pairs.append(entry)
    return {"columns": out, "pairs": pairs}


def case(name, real, syn, meta=None, holdout=None, extras=None):
    real = roundtrip(name, "real", real)
    syn = roundtrip(name, "synthetic", syn)
    entry = {"name": name, "real": f"{name}.real.csv", "synthetic": f"{name}.synthetic.csv", "metadata": None}
    if meta is not None:
        with open(os.path.join(OUT, f"{name}.metadata.json"), "w") as f:
            json.dump(meta, f, indent=1)
        entry["metadata"] = f"{name}.metadata.json"
    else:
        meta = column_meta(real)
    entry["report"] = report(real, syn, meta)
    entry["standalone"] = standalone(real, syn, meta)
    privacy_meta = {"columns": {c: m for c, m in meta["columns"].items()
                                if m["sdtype"] in ("numerical", "categorical", "boolean", "datetime")}}
    entry["dcrSyntheticToReal"] = list(calculate_dcr(syn, real, privacy_meta).values)
    entry["exactCopies"] = int(sum(1 for row in syn.astype(str).itertuples(index=False)
                                   if row in set(real.astype(str).itertuples(index=False))))
    if holdout is not None:
        holdout = roundtrip(name, "holdout", holdout)
        entry["holdout"] = f"{name}.holdout.csv"
        entry["dcrSyntheticToHoldout"] = list(calculate_dcr(syn, holdout, privacy_meta).values)
        entry["dcrOverfittingProtection"] = DCROverfittingProtection.compute_breakdown(
            real, syn, holdout, privacy_meta, None)
    if extras:
        entry.update(extras(real, syn, meta))
    return clean(entry)


def golden():
    real = pd.DataFrame({
        "age": [23, 35, 47, 51, 62, 29, 41, 38, 55, 33],
        "income": [30., 52., 61., 70., 80., 41., 58., 50., 75., 45.],
        "city": list("ABACBACBAC"),
        "member": [True, False, True, True, False, False, True, False, True, True]})
    syn = pd.DataFrame({
        "age": [25, 36, 44, 58, 60, 31, 40, 37, 50, 30],
        "income": [33., 50., 65., 72., 78., 40., 55., 52., 70., 60.],
        "city": list("ABBCBAABAC"),
        "member": [True, False, True, False, False, True, True, False, True, True]})
    meta = {"columns": {"age": {"sdtype": "numerical"}, "income": {"sdtype": "numerical"},
                        "city": {"sdtype": "categorical"}, "member": {"sdtype": "boolean"}}}
    hold = real.sample(frac=1.0, random_state=1).reset_index(drop=True)
    hold["age"] = hold["age"] + 3
    return case("golden", real, syn, meta, holdout=hold)


def shift():
    rng = np.random.default_rng(0)
    n = 2000
    a = rng.uniform(0, 100, n)
    b = np.where(a > 50, "hi", "lo")
    c = a * 2 + rng.normal(0, 5, n)
    real = pd.DataFrame({"A": a, "B": b, "C": c})
    syn = pd.DataFrame({"A": a + 1000, "B": b, "C": c + 2000})
    return case("shift", real, syn)


def mixed(name, n_real, n_syn, seed, with_holdout=False):
    rng = np.random.default_rng(seed)

    def table(n, drift, extra_category):
        x = rng.normal(40 + drift, 12, n)
        income = np.round(x * 1000 + rng.normal(0, 8000, n), 2)
        count = rng.poisson(3 + drift / 10, n).astype(float)
        count[rng.random(n) < 0.1] = np.nan
        levels = ["north", "south", "east", "west"] + (["mars"] if extra_category else [])
        region = rng.choice(levels, n, p=None if not extra_category else [0.3, 0.3, 0.2, 0.15, 0.05])
        region = np.where(rng.random(n) < 0.08, None, region)
        flag = np.where(x + rng.normal(0, 5, n) > 45, "True", "False")
        grade = np.where(x > 50, "high", np.where(x > 30, "mid", "low"))
        grade = np.where(rng.random(n) < 0.15, rng.choice(["high", "mid", "low"], n), grade)
        return pd.DataFrame({"age": np.round(x).astype(int), "income": income, "count": count,
                             "region": region, "flag": flag, "grade": grade,
                             "constant": np.full(n, 7), "note": np.where(rng.random(n) < 0.5, "a", "b")})

    real = table(n_real, 0, False)
    syn = table(n_syn, 3, True)
    holdout = table(n_real // 2, 0, False) if with_holdout else None
    return case(name, real, syn, holdout=holdout)


def edge():
    rng = np.random.default_rng(5)
    n = 60
    real = pd.DataFrame({
        "value": rng.normal(0, 1, n),
        "empty_in_synthetic": rng.normal(5, 1, n),
        "constant_in_synthetic": rng.integers(0, 5, n),
        "code": rng.integers(1, 4, n),
        "key": np.arange(n),
        "label": rng.choice(["x", "y"], n)})
    syn = pd.DataFrame({
        "value": rng.normal(0.2, 1.1, n),
        "empty_in_synthetic": np.full(n, np.nan),
        "constant_in_synthetic": np.full(n, 2),
        "code": rng.integers(1, 5, n),
        "key": np.arange(n) + 1000,
        "label": rng.choice(["x", "y", "z"], n)})
    meta = {"columns": {"value": {"sdtype": "numerical"}, "empty_in_synthetic": {"sdtype": "numerical"},
                        "constant_in_synthetic": {"sdtype": "numerical"}, "code": {"sdtype": "categorical"},
                        "key": {"sdtype": "id"}, "label": {"sdtype": "categorical"}},
            "primary_key": "key"}
    return case("edge", real, syn, meta)


def dates():
    """Datetime text (with and without a format), boolean spellings that differ between tables."""
    rng = np.random.default_rng(9)

    def table(n, shift, spell):
        day = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 60 + shift, n), unit="D")
        stamp = day + pd.to_timedelta(rng.integers(0, 86400, n), unit="s")
        amount = np.round((day - pd.Timestamp("2024-01-01")).days * 3.0 + rng.normal(0, 20, n), 2)
        member = np.where(amount > 90, spell[0], spell[1]).astype(object)
        member[rng.random(n) < 0.1] = None
        return pd.DataFrame({"day": day.strftime("%Y-%m-%d"), "stamp": stamp.strftime("%Y-%m-%d %H:%M:%S"),
                             "amount": amount, "member": member,
                             "label": rng.choice(["p", "q", "r"], n)})

    real = table(300, 0, ("True", "False"))
    syn = table(280, 10, ("true", "FALSE"))
    meta = {"columns": {"day": {"sdtype": "datetime", "datetime_format": "%Y-%m-%d"},
                        "stamp": {"sdtype": "datetime", "datetime_format": "%Y-%m-%d %H:%M:%S"}, "amount": {"sdtype": "numerical"},
                        "member": {"sdtype": "boolean"}, "label": {"sdtype": "categorical"}}}
    return case("dates", real, syn, meta)


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = [golden(), shift(), mixed("mixed200", 200, 240, 1, with_holdout=True),
             mixed("mixed700", 700, 500, 2), mixed("mixed2000", 2000, 2000, 3), edge(), dates()]
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"versions": FOUND, "cases": cases}, f, indent=1, sort_keys=True)
    for c in cases:
        r = c["report"]
        print(f"{c['name']:10s} overall {r['overall']} shapes {r['columnShapes']} trends {r['columnPairTrends']}")


if __name__ == "__main__":
    main()
