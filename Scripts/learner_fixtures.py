"""Learner fixtures: scikit-learn reference figures for SynthKitEvaluation's learners.

Run with the anchors venv (Python 3, scikit-learn 1.9.1, pandas, numpy):

    ~/.cache/synthkit-anchors-venv/bin/python Scripts/learner_fixtures.py \
        /work/shared/datasets/german_credit.csv Tests/SynthKitEvaluationTests/Fixtures/learners

Input: the German credit table (1,000 rows x 21 columns, no missing values). Every categorical
level is recoded to a short code `<column initial><index>` in sorted order (so level order is
kept) to keep the fixture small. A stratified (on `credit_risk`) 70/30 split with
`random_state=0` is written as `german.train.csv` and `german.test.csv`.

Recorded in `expected.json`, every model fitted on the train rows and scored on the test rows,
features = all other columns:
- binary target `credit_risk` (positive = "bad"):
  - `LogisticRegression(C=1)` (lbfgs, tol 1e-10) on numerics standardised with the train rows'
    mean and sample (ddof=1) standard deviation and one-hot categoricals over the train rows'
    levels -- the encoding of SynthKit's RowEncoder -- : test probabilities, AUC, accuracy;
  - `HistGradientBoostingClassifier()` with native categorical splits
    (`categorical_features="from_dtype"`, `early_stopping="auto"`, as in shared/bench/anchors.py):
    test AUC and accuracy;
- numeric target `credit_amount`: `HistGradientBoostingRegressor()` R2 and MAE, `Ridge(alpha=1)`
  on the encoding above: R2 and MAE;
- three-class target `housing`: `HistGradientBoostingClassifier()` and one-vs-rest
  `LogisticRegression(C=1)` (probabilities normalised to sum to one, `OneVsRestClassifier`):
  macro one-vs-rest AUC and accuracy.

With the Adult table (32,561 rows, empty fields missing) as third argument, `expected.json` also
gets an `adult` block (the rows are not copied): rows whose 0-based index is 7, 8 or 9 modulo 10
are test rows, the rest train; target `income`, positive ">50K"; test AUC and accuracy of
`HistGradientBoostingClassifier()` (early stopping applies: more than 10,000 rows; missing
categories go to the missing bin) and of `LogisticRegression(C=1)` on the encoding above (a
missing category is a level of its own).
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, mean_absolute_error, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.multiclass import OneVsRestClassifier


def encoder(train, features):
    numeric = [c for c in features if pd.api.types.is_numeric_dtype(train[c])]
    categorical = [c for c in features if c not in numeric]
    mean = train[numeric].astype(float).mean()
    deviation = train[numeric].astype(float).std(ddof=1).replace(0, 1.0)
    levels = {c: sorted(train[c].astype(str).unique()) for c in categorical}

    def encode(frame):
        parts = [((frame[numeric].astype(float) - mean) / deviation).fillna(0.0).to_numpy()]
        for c in categorical:
            parts.append(pd.get_dummies(pd.Categorical(frame[c].astype(str), categories=levels[c])).to_numpy(dtype=float))
        return np.hstack(parts)
    return encode


def native(frame, features, reference):
    out = frame[features].copy()
    for c in features:
        if not pd.api.types.is_numeric_dtype(reference[c]):
            levels = sorted(reference[c].dropna().astype(str).unique())
            out[c] = pd.Categorical(out[c].astype(object).where(out[c].isna(), out[c].astype(str)), categories=levels)
    return out


def adult(source):
    data = pd.read_csv(source)
    test_rows = np.arange(len(data)) % 10 >= 7
    train, test = data[~test_rows], data[test_rows]
    target, positive = "income", ">50K"
    features = [c for c in data.columns if c != target]
    y_train, y_test = (train[target] == positive).to_numpy(), (test[target] == positive).to_numpy()
    encode = encoder(train, features)
    logistic = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(encode(train), y_train)
    logistic_probabilities = logistic.predict_proba(encode(test))[:, 1]
    boosted = HistGradientBoostingClassifier(random_state=0, categorical_features="from_dtype")
    boosted.fit(native(train, features, train), y_train)
    boosted_probabilities = boosted.predict_proba(native(test, features, train))[:, 1]
    return {
        "target": target, "positive": positive, "trainRows": int(len(train)), "testRows": int(len(test)),
        "logisticAUC": float(roc_auc_score(y_test, logistic_probabilities)),
        "logisticAccuracy": float(accuracy_score(y_test, logistic_probabilities > 0.5)),
        "gbdtAUC": float(roc_auc_score(y_test, boosted_probabilities)),
        "gbdtAccuracy": float(accuracy_score(y_test, boosted_probabilities > 0.5)),
        "gbdtIterations": int(boosted.n_iter_),
    }


def main(source, folder, adult_source=None):
    data = pd.read_csv(source)
    for c in data.columns:
        if not pd.api.types.is_numeric_dtype(data[c]):
            levels = sorted(data[c].unique())
            data[c] = data[c].map({level: f"{c[0]}{index}" for index, level in enumerate(levels)})
    train, test = train_test_split(data, test_size=0.3, random_state=0, stratify=data["credit_risk"])
    os.makedirs(folder, exist_ok=True)
    train.to_csv(os.path.join(folder, "german.train.csv"), index=False)
    test.to_csv(os.path.join(folder, "german.test.csv"), index=False)
    expected = {"versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__}}

    target = "credit_risk"
    positive = "c0"  # "bad" recoded (levels: bad, good)
    features = [c for c in data.columns if c != target]
    encode = encoder(train, features)
    y_train, y_test = (train[target] == positive).to_numpy(), (test[target] == positive).to_numpy()
    logistic = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(encode(train), y_train)
    probabilities = logistic.predict_proba(encode(test))[:, 1]
    boosted = HistGradientBoostingClassifier(random_state=0, categorical_features="from_dtype")
    boosted.fit(native(train, features, train), y_train)
    boosted_probabilities = boosted.predict_proba(native(test, features, train))[:, 1]
    expected["binary"] = {
        "target": target, "positive": positive,
        "logisticProbabilities": [round(float(p), 10) for p in probabilities],
        "logisticAUC": float(roc_auc_score(y_test, probabilities)),
        "logisticAccuracy": float(accuracy_score(y_test, probabilities > 0.5)),
        "gbdtAUC": float(roc_auc_score(y_test, boosted_probabilities)),
        "gbdtAccuracy": float(accuracy_score(y_test, boosted_probabilities > 0.5)),
        "gbdtIterations": int(boosted.n_iter_),
    }

    target = "credit_amount"
    features = [c for c in data.columns if c != target]
    encode = encoder(train, features)
    ridge = Ridge(alpha=1.0).fit(encode(train), train[target].astype(float))
    ridge_predictions = ridge.predict(encode(test))
    regressor = HistGradientBoostingRegressor(random_state=0, categorical_features="from_dtype")
    regressor.fit(native(train, features, train), train[target].astype(float))
    regressor_predictions = regressor.predict(native(test, features, train))
    expected["regression"] = {
        "target": target,
        "ridgeR2": float(r2_score(test[target], ridge_predictions)),
        "ridgeMAE": float(mean_absolute_error(test[target], ridge_predictions)),
        "gbdtR2": float(r2_score(test[target], regressor_predictions)),
        "gbdtMAE": float(mean_absolute_error(test[target], regressor_predictions)),
    }

    target = "housing"
    features = [c for c in data.columns if c != target]
    classes = sorted(train[target].unique())
    encode = encoder(train, features)
    one_vs_rest = OneVsRestClassifier(LogisticRegression(C=1.0, tol=1e-10, max_iter=10000)).fit(encode(train), train[target])
    logistic_probabilities = one_vs_rest.predict_proba(encode(test))
    classifier = HistGradientBoostingClassifier(random_state=0, categorical_features="from_dtype")
    classifier.fit(native(train, features, train), train[target])
    boosted_probabilities = classifier.predict_proba(native(test, features, train))
    assert list(one_vs_rest.classes_) == classes and list(classifier.classes_) == classes
    expected["multiclass"] = {
        "target": target, "classes": classes,
        "logisticMacroAUC": float(roc_auc_score(test[target], logistic_probabilities, multi_class="ovr", average="macro", labels=classes)),
        "logisticAccuracy": float(accuracy_score(test[target], np.array(classes)[logistic_probabilities.argmax(axis=1)])),
        "gbdtMacroAUC": float(roc_auc_score(test[target], boosted_probabilities, multi_class="ovr", average="macro", labels=classes)),
        "gbdtAccuracy": float(accuracy_score(test[target], np.array(classes)[boosted_probabilities.argmax(axis=1)])),
    }
    if adult_source:
        expected["adult"] = adult(adult_source)
    with open(os.path.join(folder, "expected.json"), "w") as handle:
        json.dump(expected, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
