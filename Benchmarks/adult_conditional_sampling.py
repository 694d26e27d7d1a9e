#!/usr/bin/env python3
"""Conditional sampling: SynthKit Gaussian copula vs SDV 2.0 `sample_from_conditions`, one run.

Data: the whole Adult table (/work/shared/datasets/adult.csv, 32,561 rows). Both synthesizers
are fitted once (not timed); then 10,000 rows are drawn under each condition:
  A. native_country=Mexico           (~2% of rows)
  B. income=>50K and sex=Female      (~4% of rows)
Three figures per condition, medians over `--repeats` runs:
  1. in-process vs in-process (the primary figure): SynthKit's `sampleConditioned` timed inside
     `ConditionalBench` (model loaded once, one thread, no CSV output) against SDV's
     `sample_from_conditions` (model in memory, no CSV output); ratio = SDV / SynthKit.
  2. SynthKit's whole CLI command (`synthkit sample --condition ...`: process start, model
     loading, CSV writing, ledger and manifest) against SDV in-process, which favours SDV.
  3. with `--end-to-end`, SDV also as a whole command (a fresh Python process that loads the
     pickled synthesizer, samples and writes the CSV), command against command.
The script checks that every SynthKit row carries the condition (ConditionalBench checks too).

Run from the repository root:
  swift build -c release --product synthkit
  (cd Benchmarks && swift build -c release --product ConditionalBench)
  ~/.cache/synthkit-anchors-venv/bin/python Benchmarks/adult_conditional_sampling.py --repeats 5
Versions: sdv 2.0.0, sdmetrics 0.32.0, pandas/numpy as resolved by pip on 2026-11-23.
"""
import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import pandas as pd

warnings.filterwarnings("ignore")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONDITIONS = {
    "native_country=Mexico": {"native_country": "Mexico"},
    "income=>50K+sex=Female": {"income": ">50K", "sex": "Female"},
}


def run(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"command failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/work/shared/datasets/adult.csv")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/synthkit"))
    parser.add_argument("--bench", default=os.path.join(ROOT, "Benchmarks/.build/release/ConditionalBench"))
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--end-to-end", action="store_true", help="also time SDV as a whole command")
    args = parser.parse_args()

    from sdv.metadata import Metadata
    from sdv.sampling import Condition
    from sdv.single_table import GaussianCopulaSynthesizer

    df = pd.read_csv(args.data)
    # Metadata by the anchors' rule: numeric dtype -> numerical, else categorical.
    columns = {name: {"sdtype": "numerical" if pd.api.types.is_numeric_dtype(df[name]) else "categorical"}
               for name in df.columns}
    metadata = Metadata.load_from_dict({"tables": {"t": {"columns": columns}}})
    sdv = GaussianCopulaSynthesizer(metadata)
    sdv.fit({"t": df})
    work = tempfile.mkdtemp(prefix="synthkit-cond-")
    model = os.path.join(work, "adult.synth")
    run([args.binary, "fit", args.data, "--synthesizer", "gaussian-copula", "--seed", "1", "-q", "-o", model])
    pickled = os.path.join(work, "sdv.pkl")
    if args.end_to_end:
        with open(pickled, "wb") as handle:
            pickle.dump(sdv, handle)

    for label, values in CONDITIONS.items():
        assignments = [f"{k}={v}" for k, v in values.items()]
        done = subprocess.run([args.bench, model, str(args.rows), str(args.repeats), "1"] + assignments,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"ConditionalBench failed: {done.stderr}")
        in_process = json.loads(done.stdout)
        ours, theirs, end_to_end = [], [], []
        for repeat in range(args.repeats):
            out = os.path.join(work, "cond.csv")
            flags = sum((["--condition", f"{k}={v}"] for k, v in values.items()), [])
            ours.append(run([args.binary, "sample", model, "--rows", str(args.rows), "--seed", str(repeat), "-q", "-o", out] + flags))
            result = pd.read_csv(out, keep_default_na=False)
            assert len(result) == args.rows, len(result)
            for k, v in values.items():
                assert (result[k].astype(str) == v).all(), f"{k} not fixed"
            start = time.perf_counter()
            sampled = sdv.sample_from_conditions([Condition(num_rows=args.rows, column_values=values)])
            theirs.append(time.perf_counter() - start)
            if isinstance(sampled, dict):
                sampled = sampled["t"]
            assert len(sampled) == args.rows
            if args.end_to_end:
                script = ("import pickle, warnings; warnings.filterwarnings('ignore')\n"
                          "from sdv.sampling import Condition\n"
                          f"s = pickle.load(open({pickled!r}, 'rb'))\n"
                          f"d = s.sample_from_conditions([Condition(num_rows={args.rows}, column_values={values!r})])\n"
                          "d = d['t'] if isinstance(d, dict) else d\n"
                          f"d.to_csv({os.path.join(work, 'sdv.csv')!r}, index=False)\n")
                end_to_end.append(run([sys.executable, "-c", script]))
        ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
        print(f"{label}: in-process synthkit {in_process['median']:.4f}s (runs {', '.join(f'{t:.4f}' for t in in_process['runs'])}), "
              f"sdv {theirs_median:.3f}s, ratio sdv/synthkit {theirs_median / in_process['median']:.1f}x")
        print(f"{label}: synthkit CLI command {ours_median:.3f}s (runs {', '.join(f'{t:.3f}' for t in ours)}), "
              f"sdv {theirs_median:.3f}s (runs {', '.join(f'{t:.3f}' for t in theirs)}), "
              f"ratio sdv/synthkit {theirs_median / ours_median:.1f}x")
        if end_to_end:
            whole = statistics.median(end_to_end)
            print(f"{label}: sdv whole command {whole:.3f}s (runs {', '.join(f'{t:.3f}' for t in end_to_end)}), "
                  f"ratio sdv/synthkit (command vs command) {whole / ours_median:.1f}x")


if __name__ == "__main__":
    main()
