#!/usr/bin/env python3
"""Reference values of anonymeter's privacy attacks for SynthKit's tests.

Writes Tests/SynthKitEvaluationTests/Fixtures/anonymeter/{training,control,synthetic}.csv and
expected.json:
  - risk: anonymeter's EvaluationResults(...).risk() (Wilson rates, residual risk, clipped interval)
    for a grid of success counts;
  - linkability (n_neighbors 1 and 5) and inference (every column as the secret; numeric secrets
    with regression=True) with every row attacked, so anonymeter's random target sample is the
    whole table and the success counts are deterministic (baselines are random and not compared);
  - univariate singling out with n_attacks above the number of candidate queries, so the query
    set is deterministic (main and control counts compared exactly);
  - multivariate singling out (seed 0): random on both sides, compared within the error bars.

Set-up (outside the repository):
  python3 -m venv ~/.cache/synthkit-anonymeter-venv
  ~/.cache/synthkit-anonymeter-venv/bin/pip install anonymeter==1.1.0
Versions used for the committed fixtures: anonymeter 1.1.0, numpy 1.26.4, pandas 3.0.6,
polars 2.1.0, scikit-learn 1.9.1, Python 3.11.7.
Run from the repository root: ~/.cache/synthkit-anonymeter-venv/bin/python Scripts/anonymeter_fixtures.py
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
from anonymeter.evaluators import InferenceEvaluator, LinkabilityEvaluator, SinglingOutEvaluator
from anonymeter.stats.confidence import EvaluationResults

warnings.filterwarnings("ignore")
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Tests", "SynthKitEvaluationTests", "Fixtures", "anonymeter")
ROWS = 300


def population(rng, n):
    latent = rng.normal(size=n)
    return pd.DataFrame({
        "x": 40 + 10 * latent + 3 * rng.normal(size=n),
        "y": 50 + 12 * latent + 5 * rng.normal(size=n),
        "z": rng.exponential(2.0, size=n),
        "city": rng.choice(["A", "B", "C", "D"], size=n, p=[0.4, 0.3, 0.2, 0.1]),
        "flag": rng.choice(["yes", "no"], size=n),
    })


def main():
    rng = np.random.default_rng(20261123)
    training = population(rng, ROWS)
    control = population(rng, ROWS)
    # Half the synthetic rows are noisy copies of training rows (a leaky generator), half fresh.
    copies = training.sample(ROWS // 2, random_state=1).reset_index(drop=True)
    for column in ["x", "y", "z"]:
        copies[column] = copies[column] + rng.normal(scale=0.05, size=len(copies))
    synthetic = pd.concat([copies, population(rng, ROWS - ROWS // 2)], ignore_index=True)
    os.makedirs(OUT, exist_ok=True)
    for name, frame in [("training", training), ("control", control), ("synthetic", synthetic)]:
        frame.to_csv(os.path.join(OUT, f"{name}.csv"), index=False, float_format="%.17g")
    # Read back so both sides see exactly the written numbers.
    training, control, synthetic = (pd.read_csv(os.path.join(OUT, f"{n}.csv")) for n in ["training", "control", "synthetic"])

    expected = {"risk": [], "linkability": [], "inference": [], "singlingOut": {}}
    for attempts, main, controlled, baseline in [(500, 120, 40, 10), (500, 0, 0, 0), (300, 300, 150, 2), (100, 20, 35, 5), (50, 50, 50, 1)]:
        results = EvaluationResults(n_attacks=attempts, n_success=main, n_baseline=baseline, n_control=controlled)
        risk = results.risk()
        expected["risk"].append({
            "attempts": attempts, "main": main, "control": controlled, "baseline": baseline,
            "risk": risk.value, "ciLower": risk.ci[0], "ciUpper": risk.ci[1],
            "mainRate": results.attack_rate.value, "mainError": results.attack_rate.error,
        })
    columns = list(training.columns)
    half = len(columns) // 2
    for neighbours in [1, 5]:
        evaluator = LinkabilityEvaluator(
            ori=training, syn=synthetic, control=control, n_attacks=ROWS, n_neighbors=neighbours,
            aux_cols=(columns[:half], columns[half:]))
        evaluator.evaluate(n_jobs=1)
        results = evaluator.results()
        expected["linkability"].append({"neighbours": neighbours, "main": int(results.n_success), "control": int(results.n_control)})
    for secret in columns:
        regression = secret in ["x", "y", "z"]
        evaluator = InferenceEvaluator(
            ori=training, syn=synthetic, control=control, aux_cols=[c for c in columns if c != secret], secret=secret,
            regression=regression, n_attacks=ROWS)
        evaluator.evaluate(n_jobs=1)
        results = evaluator.results()
        expected["inference"].append({"secret": secret, "main": int(results.n_success), "control": int(results.n_control)})
    evaluator = SinglingOutEvaluator(ori=training, syn=synthetic, control=control, n_attacks=10_000, seed=0)
    evaluator.evaluate(mode="univariate")
    results = evaluator.results()
    expected["singlingOut"]["univariate"] = {
        "attacks": 10_000,
        "main": int(results.n_success), "control": int(round(results.n_control)),
    }
    evaluator = SinglingOutEvaluator(ori=training, syn=synthetic, control=control, n_attacks=200, n_cols=3, seed=0)
    evaluator.evaluate(mode="multivariate")
    risk = evaluator.risk()
    results = evaluator.results()
    expected["singlingOut"]["multivariate"] = {
        "attacks": 200, "main": int(results.n_success), "control": int(round(results.n_control)),
        "risk": risk.value, "ciLower": risk.ci[0], "ciUpper": risk.ci[1],
    }
    with open(os.path.join(OUT, "expected.json"), "w") as handle:
        json.dump(expected, handle, indent=1, sort_keys=True)
    print(json.dumps(expected, indent=1))


if __name__ == "__main__":
    main()
