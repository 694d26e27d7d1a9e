#!/usr/bin/env python3
"""Exact copies and DCR share of a synthetic CSV against train and holdout CSVs.

- exact copies: share of synthetic rows identical to some training row;
- DCR share: share of synthetic rows whose nearest training row is closer than their nearest
  holdout row, with the training reference subsampled to the holdout's size (0.5 is ideal).
Distances: min-max scaled numericals plus one-hot categoricals (missing as its own value),
Euclidean. Used with scikit-learn / pandas from ~/.cache/synthkit-anchors-venv:
  ~/.cache/synthkit-anchors-venv/bin/python Scripts/privacy_check.py TRAIN.csv HOLDOUT.csv SYNTHETIC.csv
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.neighbors import NearestNeighbors

train, holdout, synthetic = (pd.read_csv(p) for p in sys.argv[1:4])
numeric = [c for c in train.columns if pd.api.types.is_numeric_dtype(train[c])]
categorical = [c for c in train.columns if c not in numeric]
key = lambda frame: frame.astype(str).agg("|".join, axis=1)
copies = key(synthetic).isin(set(key(train))).mean()


def encode(frame):
    parts = []
    for c in numeric:
        low, high = train[c].min(), train[c].max()
        parts.append(((frame[c].fillna(low) - low) / max(high - low, 1e-12)).to_numpy()[:, None])
    for c in categorical:
        levels = sorted(train[c].fillna("<missing>").astype(str).unique())
        values = frame[c].fillna("<missing>").astype(str).to_numpy()
        parts.append((values[:, None] == np.array(levels)[None, :]).astype(float))
    return np.hstack(parts)


reference = train.sample(len(holdout), random_state=0)
to_train = NearestNeighbors(n_neighbors=1).fit(encode(reference)).kneighbors(encode(synthetic))[0][:, 0]
to_holdout = NearestNeighbors(n_neighbors=1).fit(encode(holdout)).kneighbors(encode(synthetic))[0][:, 0]
share = float(np.mean(to_train < to_holdout) + 0.5 * np.mean(to_train == to_holdout))
print(json.dumps({"exactCopies": round(float(copies), 5), "dcrShareTrainCloser": round(share, 4)}))
