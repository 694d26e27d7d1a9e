#!/usr/bin/env python3
"""AUC of scikit-learn's HistGradientBoostingClassifier (defaults, native categorical splits as in
/work/shared/bench/anchors.py) trained on train.csv and scored on holdout.csv for `income`, the
reference SynthKit's GradientBoostedTrees must match within 0.01.

Used with scikit-learn 1.x / pandas 2.x from ~/.cache/synthkit-anchors-venv (sdv 2.0.0):
  ~/.cache/synthkit-anchors-venv/bin/python Scripts/adult_split.py /work/shared/datasets/adult.csv /tmp/adult-split
  ~/.cache/synthkit-anchors-venv/bin/python Scripts/gbdt_reference.py /tmp/adult-split income '>50K'
"""
import sys
import time

import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

folder, target, positive = sys.argv[1], sys.argv[2], sys.argv[3]
train = pd.read_csv(f"{folder}/train.csv")
holdout = pd.read_csv(f"{folder}/holdout.csv")
features = [c for c in train.columns if c != target]
categorical = [c for c in features if not pd.api.types.is_numeric_dtype(train[c])]
for c in categorical:
    levels = sorted(train[c].dropna().astype(str).unique())
    train[c] = pd.Categorical(train[c], categories=levels)
    holdout[c] = pd.Categorical(holdout[c], categories=levels)
for seed in range(int(sys.argv[4]) if len(sys.argv) > 4 else 1):
    start = time.perf_counter()
    model = HistGradientBoostingClassifier(random_state=seed, categorical_features="from_dtype")
    model.fit(train[features], train[target])
    auc = roc_auc_score(holdout[target] == positive, model.predict_proba(holdout[features])[:, list(model.classes_).index(positive)])
    print(f"sklearn {sklearn.__version__} HistGradientBoostingClassifier seed {seed}: AUC {auc:.4f}, "
          f"{model.n_iter_} iterations, fit+predict {time.perf_counter() - start:.2f} s")
encoded = pd.get_dummies(pd.concat([train[features], holdout[features]]), columns=categorical, dummy_na=True).astype(float)
numeric = [c for c in features if c not in categorical]
mean, std = encoded.iloc[:len(train)][numeric].mean(), encoded.iloc[:len(train)][numeric].std()
encoded[numeric] = ((encoded[numeric] - mean) / std).fillna(0)
logistic = LogisticRegression(C=1.0, max_iter=2000).fit(encoded.iloc[:len(train)], train[target] == positive)
print(f"sklearn LogisticRegression(C=1): AUC {roc_auc_score(holdout[target] == positive, logistic.predict_proba(encoded.iloc[len(train):])[:, 1]):.4f}")
