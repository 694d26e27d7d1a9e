#!/usr/bin/env python3
"""Writes Adult's standard split (80/20 stratified on `income`, seed 0, as
/work/shared/bench/anchors.py makes it) as train.csv and holdout.csv into a folder.

Used with pandas 2.x and scikit-learn from ~/.cache/synthkit-anchors-venv (sdv 2.0.0):
  ~/.cache/synthkit-anchors-venv/bin/python Scripts/adult_split.py /work/shared/datasets/adult.csv /tmp/adult-split
Then: (cd Benchmarks && swift run -c release SynthesisBench /tmp/adult-split/train.csv /tmp/adult-split/synth.csv)
      ~/.cache/synthkit-sdm-venv/bin/python Scripts/score_quality.py /tmp/adult-split/train.csv /tmp/adult-split/synth.csv
"""
import os
import sys

import pandas as pd
from sklearn.model_selection import train_test_split

source, folder = sys.argv[1], sys.argv[2]
frame = pd.read_csv(source)
train, holdout = train_test_split(frame, test_size=0.2, random_state=0, stratify=frame["income"])
os.makedirs(folder, exist_ok=True)
train.reset_index(drop=True).to_csv(os.path.join(folder, "train.csv"), index=False)
holdout.reset_index(drop=True).to_csv(os.path.join(folder, "holdout.csv"), index=False)
print(len(train), "train rows,", len(holdout), "holdout rows")
