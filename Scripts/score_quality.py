#!/usr/bin/env python3
"""Scores a synthetic CSV against a real CSV with SDMetrics' QualityReport.

Metadata follows /work/shared/bench/anchors.py: a column with a numeric pandas dtype (not bool)
is numerical, everything else categorical. Prints overall, Column Shapes, Column Pair Trends
and the ten weakest pairs.

Used with sdmetrics 0.32.0 (pandas 2.x), e.g.
  ~/.cache/synthkit-sdm-venv/bin/python Scripts/score_quality.py REAL.csv SYNTHETIC.csv
"""
import json
import sys

import pandas as pd
from sdmetrics.reports.single_table import QualityReport


def is_num(series):
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def main():
    real = pd.read_csv(sys.argv[1])
    synthetic = pd.read_csv(sys.argv[2])
    columns = {c: ({"sdtype": "numerical"} if is_num(real[c]) else {"sdtype": "categorical"}) for c in real.columns}
    report = QualityReport()
    report.generate(real, synthetic, {"columns": columns}, verbose=False)
    properties = report.get_properties().set_index("Property")["Score"].to_dict()
    pairs = report.get_details("Column Pair Trends").sort_values("Score").head(10)
    shapes = report.get_details("Column Shapes")
    print(json.dumps({
        "overall": round(float(report.get_score()), 4),
        "columnShapes": round(float(properties["Column Shapes"]), 4),
        "columnPairTrends": round(float(properties["Column Pair Trends"]), 4),
    }))
    print(shapes.to_string(index=False))
    print(pairs.to_string(index=False))


if __name__ == "__main__":
    main()
