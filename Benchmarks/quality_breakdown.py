#!/usr/bin/env python3
"""Where two synthetic Adult tables differ in SDMetrics quality: a side-by-side breakdown.

For the Adult train split (80/20 stratified on `income`, random_state 0, as adult_deep.py) and
each synthetic CSV given (e.g. the tables `adult_deep.py --compare-quality --keep-dir DIR`
writes), prints SDMetrics' QualityReport (computed by sdmetrics itself) as: the two property
scores (Column Shapes, Column Pair Trends), each column's shape score (KSComplement or
TVComplement), each column's mean pair-trend score over the pairs that involve it, and the
pairs whose scores differ most between the first two tables.

Run from the repository root:
  ~/.cache/synthkit-anchors-venv/bin/python Benchmarks/quality_breakdown.py DIR/ctgan-100-0-synthkit.csv DIR/ctgan-100-0-sdv.csv
Versions: sdmetrics 0.32.0 (the anchors venv), scikit-learn 1.9.1.
"""
import argparse
import os
import sys
import warnings

import pandas as pd

warnings.filterwarnings("ignore")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def report_for(train, synthetic):
    sys.path.insert(0, os.path.join(ROOT, "..", "shared", "bench"))
    import anchors
    from sdmetrics.reports.single_table import QualityReport
    report = QualityReport()
    report.generate(train, synthetic[train.columns], {"columns": anchors.column_meta(train)}, verbose=False)
    return report


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("synthetic", nargs="+", help="synthetic CSVs with Adult's columns")
    parser.add_argument("--pairs", type=int, default=12, help="how many most-different pairs to list")
    args = parser.parse_args()
    from adult_deep import split_adult
    train, _ = split_adult(os.path.join(ROOT, "..", "shared", "datasets", "adult.csv"))
    names = [os.path.basename(path) for path in args.synthetic]
    reports = [report_for(train, pd.read_csv(path)) for path in args.synthetic]
    width = max(len(name) for name in names) + 2
    print("overall / properties")
    print(f"{'':28}" + "".join(f"{name:>{width}}" for name in names))
    print(f"{'Overall':28}" + "".join(f"{report.get_score():>{width}.4f}" for report in reports))
    for prop in ("Column Shapes", "Column Pair Trends"):
        scores = [float(report.get_properties().set_index("Property").loc[prop, "Score"]) for report in reports]
        print(f"{prop:28}" + "".join(f"{score:>{width}.4f}" for score in scores))
    shapes = [report.get_details("Column Shapes").set_index("Column") for report in reports]
    trends = [report.get_details("Column Pair Trends") for report in reports]
    print("\nper column: shape score (metric) | mean pair-trend score over pairs involving the column")
    for column in train.columns:
        cells = []
        for shape, trend in zip(shapes, trends):
            involved = trend[(trend["Column 1"] == column) | (trend["Column 2"] == column)]["Score"].mean()
            cells.append(f"{shape.loc[column, 'Score']:.4f} | {involved:.4f}")
        metric = shapes[0].loc[column, "Metric"]
        print(f"{column:16}{metric:14}" + "".join(f"{cell:>{width + 6}}" for cell in cells))
    if len(trends) >= 2:
        keyed = [trend.set_index(["Column 1", "Column 2"]) for trend in trends[:2]]
        joined = keyed[0][["Metric", "Score"]].join(keyed[1][["Score"]], rsuffix=" second")
        joined["difference"] = joined["Score"] - joined["Score second"]
        joined = joined.reindex(joined["difference"].abs().sort_values(ascending=False).index)
        print(f"\npairs differing most (first - second), of {len(joined)}:")
        print(joined.head(args.pairs).to_string(float_format=lambda value: f"{value:.4f}"))


if __name__ == "__main__":
    main()
