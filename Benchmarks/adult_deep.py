#!/usr/bin/env python3
"""SynthKit CTGAN/TVAE vs ctgan 0.12 (SDV 2.0's engine, PyTorch on CPU) on Adult, one run.

Split: 80/20 stratified on `income`, random_state 0 (26,048 train rows), as adult_gaussian_copula.py.
Threads: one each (torch.set_num_threads(1); synthkit --threads 1 with SYNTHKIT_THREADS=1).
Figures:
- per-epoch training time. SynthKit: from its own per-epoch progress lines on stderr
  ("epoch k/N: ..., E s elapsed"), E(N) / N. ctgan: (fit time - time inside the
  DataTransformer.fit/transform calls of that fit) / N, in-process.
- preprocessing. SynthKit: the whole `synthkit fit --epochs 0` command (CSV read, schema
  inference, mixtures, encoding, model write). ctgan: DataTransformer.fit + transform in its fit.
- with --quality: SDMetrics QualityReport (computed by sdmetrics 0.32.0 itself) of len(train)
  synthetic rows from each fitted model against the train split, one seed (0).
- with --compare-quality: the issue's quality comparison, seeds 0..--seeds-1: for each seed,
  SynthKit (`fit --seed s`, `sample --seed s`) and SDV 2.0's CTGANSynthesizer/TVAESynthesizer
  (../shared/bench/anchors.py `run_sdv`, torch seeded with s) at --epochs, len(train) synthetic
  rows each; SDMetrics QualityReport overall against the train split and TSTR AUC (anchors.py
  `ml_efficacy`: scikit-learn HistGradientBoosting trained on the synthetic rows, target
  `income`, scored on the real holdout). Prints per-seed figures, means with standard errors,
  and whether SynthKit's mean is at least SDV's mean minus one standard error. --skip-sdv gives
  SynthKit's figures only; --seed-list 0,1 runs chosen seeds (e.g. two processes in parallel); --keep-dir DIR
  keeps the synthetic tables for Benchmarks/quality_breakdown.py.

Run from the repository root after `swift build -c release`:
  ~/.cache/synthkit-anchors-venv/bin/python Benchmarks/adult_deep.py --epochs 2
Versions: ctgan 0.12.1, torch 2.15.0 (CPU), sdv 2.0.0, scikit-learn 1.9.1.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

import pandas as pd

warnings.filterwarnings("ignore")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DISCRETE = ["workclass", "education", "marital_status", "occupation", "relationship", "race", "sex",
            "native_country", "income"]


def split_adult(csv_path, seed=0):
    from sklearn.model_selection import train_test_split
    df = pd.read_csv(csv_path)
    train, holdout = train_test_split(df, test_size=0.2, random_state=seed, stratify=df["income"])
    return train.reset_index(drop=True), holdout.reset_index(drop=True)


def quality(real, synthetic):
    sys.path.insert(0, os.path.join(ROOT, "..", "shared", "bench"))
    import anchors
    from sdmetrics.reports.single_table import QualityReport
    report = QualityReport()
    report.generate(real, synthetic[real.columns], {"columns": anchors.column_meta(real)}, verbose=False)
    return float(report.get_score())


def anchors_module():
    sys.path.insert(0, os.path.join(ROOT, "..", "shared", "bench"))
    import anchors
    return anchors


def synthkit_sample(binary, synthesizer, train_csv, workdir, epochs, seed, rows):
    """Fits with `--seed seed` and samples `rows` rows with `--seed seed`, one thread."""
    env = dict(os.environ, SYNTHKIT_THREADS="1")
    model = os.path.join(workdir, f"{synthesizer}-{seed}.synth")
    out = os.path.join(workdir, f"{synthesizer}-{seed}.csv")
    for command in ([binary, "fit", train_csv, "--synthesizer", synthesizer, "--epochs", str(epochs), "--threads", "1",
                     "--seed", str(seed), "-q", "-o", model],
                    [binary, "sample", model, "--rows", str(rows), "--seed", str(seed), "-q", "-o", out]):
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        if done.returncode != 0:
            raise SystemExit(done.stderr)
    return pd.read_csv(out)


def mean_and_error(values):
    import statistics
    mean = statistics.fmean(values)
    error = statistics.stdev(values) / len(values) ** 0.5 if len(values) > 1 else float("nan")
    return mean, error


def compare_quality(binary, synthesizers, train, holdout, train_csv, workdir, epochs, seeds, seed_list=None, skip_sdv=False,
                    keep_dir=None, skip_synthkit=False):
    import torch
    torch.set_num_threads(1)
    anchors = anchors_module()
    cols = anchors.column_meta(train)
    for synthesizer in synthesizers:
        figures = {"synthkit": {"quality": [], "auc": []}, "sdv": {"quality": [], "auc": []}}
        for seed in (seed_list if seed_list is not None else range(seeds)):
            runs = [] if skip_synthkit else [("synthkit", synthkit_sample(binary, synthesizer, train_csv, workdir, epochs, seed, len(train)))]
            if not skip_sdv:
                theirs, _, _, _ = anchors.run_sdv(synthesizer, train, cols, epochs, seed)
                runs.append(("sdv", theirs))
            for name, rows in runs:
                if keep_dir:
                    rows.to_csv(os.path.join(keep_dir, f"{synthesizer}-{epochs}-{seed}-{name}.csv"), index=False)
                score = quality(train, rows)
                utility = anchors.ml_efficacy(rows[train.columns], holdout, "income", ">50K", train, seed)
                figures[name]["quality"].append(score)
                figures[name]["auc"].append(utility.get("auc", float("nan")))
                print(f"{synthesizer} seed {seed} {name}: quality {score:.4f}, TSTR AUC {figures[name]['auc'][-1]:.4f}")
                sys.stdout.flush()
        for metric in ("quality", "auc"):
            if skip_synthkit:
                sdv_mean, sdv_error = mean_and_error(figures["sdv"][metric])
                print(f"{synthesizer} {epochs} epochs {metric}: sdv {sdv_mean:.4f} ± {sdv_error:.4f} (SynthKit skipped)")
                continue
            if skip_sdv:
                ours_mean, ours_error = mean_and_error(figures["synthkit"][metric])
                print(f"{synthesizer} {epochs} epochs {metric}: synthkit {ours_mean:.4f} ± {ours_error:.4f} (SDV skipped)")
                continue
            ours_mean, ours_error = mean_and_error(figures["synthkit"][metric])
            sdv_mean, sdv_error = mean_and_error(figures["sdv"][metric])
            verdict = "met" if ours_mean >= sdv_mean - sdv_error else "NOT met"
            print(f"{synthesizer} {epochs} epochs {metric} over {seeds} seeds: synthkit {ours_mean:.4f} ± {ours_error:.4f}, "
                  f"sdv {sdv_mean:.4f} ± {sdv_error:.4f} (mean ± standard error); target (synthkit >= sdv - SE) {verdict}")
        sys.stdout.flush()


def synthkit(binary, synthesizer, train_csv, workdir, epochs):
    env = dict(os.environ, SYNTHKIT_THREADS="1")
    model = os.path.join(workdir, f"{synthesizer}.synth")
    start = time.perf_counter()
    done = subprocess.run([binary, "fit", train_csv, "--synthesizer", synthesizer, "--epochs", "0", "--threads", "1",
                           "-q", "-o", model], capture_output=True, text=True, env=env)
    pre = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    done = subprocess.run([binary, "fit", train_csv, "--synthesizer", synthesizer, "--epochs", str(epochs), "--threads", "1",
                           "-o", model], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    elapsed = [float(m) for m in re.findall(r"epoch \d+/\d+: .*?, ([0-9.]+) s elapsed", done.stderr)]
    out = os.path.join(workdir, f"{synthesizer}.csv")
    rows = sum(1 for _ in open(train_csv)) - 1
    done = subprocess.run([binary, "sample", model, "--rows", str(rows), "--seed", "0", "-q", "-o", out],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return pre, elapsed[-1] / len(elapsed), pd.read_csv(out)


def reference(synthesizer, train, epochs):
    """ctgan's per-epoch time: fit time minus the DataTransformer fit/transform calls made
    inside that same fit (timed by wrapping them), divided by the epochs."""
    import torch
    torch.set_num_threads(1)
    from ctgan import CTGAN, TVAE
    from ctgan.data_transformer import DataTransformer
    spent = {"pre": 0.0}
    original_fit, original_transform = DataTransformer.fit, DataTransformer.transform

    def timed(function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent["pre"] += time.perf_counter() - start
        return wrapper

    DataTransformer.fit, DataTransformer.transform = timed(original_fit), timed(original_transform)
    try:
        model = CTGAN(epochs=epochs) if synthesizer == "ctgan" else TVAE(epochs=epochs)
        start = time.perf_counter()
        model.fit(train, DISCRETE)
        total = time.perf_counter() - start
    finally:
        DataTransformer.fit, DataTransformer.transform = original_fit, original_transform
    return spent["pre"], (total - spent["pre"]) / epochs, model.sample(len(train))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "synthkit"))
    parser.add_argument("--synthesizers", default="tvae,ctgan")
    parser.add_argument("--quality", action="store_true")
    parser.add_argument("--compare-quality", action="store_true")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--seed-list", help="comma-separated seeds instead of 0..--seeds-1 (e.g. to split runs)")
    parser.add_argument("--skip-sdv", action="store_true", help="SynthKit's figures only (reuse SDV's from an earlier run)")
    parser.add_argument("--skip-synthkit", action="store_true", help="SDV's figures only (e.g. more SDV seeds)")
    parser.add_argument("--keep-dir", help="with --compare-quality: also write each synthetic table here as "
                        "<synthesizer>-<epochs>-<seed>-<synthkit|sdv>.csv (for Benchmarks/quality_breakdown.py)")
    args = parser.parse_args()
    train, holdout = split_adult(os.path.join(ROOT, "..", "shared", "datasets", "adult.csv"))
    with tempfile.TemporaryDirectory() as workdir:
        train_csv = os.path.join(workdir, "train.csv")
        train.to_csv(train_csv, index=False)
        print(f"Adult train split: {len(train)} rows; epochs {args.epochs}; one thread each; load {os.getloadavg()}")
        if args.compare_quality:
            seed_list = [int(seed) for seed in args.seed_list.split(",")] if args.seed_list else None
            compare_quality(args.binary, args.synthesizers.split(","), train, holdout, train_csv, workdir, args.epochs,
                            args.seeds, seed_list=seed_list, skip_sdv=args.skip_sdv, keep_dir=args.keep_dir,
                            skip_synthkit=args.skip_synthkit)
            return
        for synthesizer in args.synthesizers.split(","):
            ours_pre, ours_epoch, ours_rows = synthkit(args.binary, synthesizer, train_csv, workdir, args.epochs)
            ref_pre, ref_epoch, ref_rows = reference(synthesizer, train, args.epochs)
            print(f"{synthesizer}: per epoch synthkit {ours_epoch:.3f} s, ctgan {ref_epoch:.3f} s, "
                  f"ratio {ref_epoch / ours_epoch:.2f}x; preprocessing synthkit {ours_pre:.2f} s (whole fit --epochs 0), "
                  f"ctgan DataTransformer {ref_pre:.2f} s, ratio {ref_pre / ours_pre:.2f}x")
            if args.quality:
                print(f"{synthesizer}: SDMetrics quality vs train at {args.epochs} epochs: synthkit "
                      f"{quality(train, ours_rows):.4f}, ctgan {quality(train, ref_rows):.4f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
