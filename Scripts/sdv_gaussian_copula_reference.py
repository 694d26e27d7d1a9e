#!/usr/bin/env python3
"""Fits SDV's GaussianCopulaSynthesizer (defaults) on a CSV and samples, timing fit + sample.

Metadata by the anchors.py rule (numeric dtype -> numerical, else categorical). Used with
sdv 2.0.0 from ~/.cache/synthkit-anchors-venv:
  ~/.cache/synthkit-anchors-venv/bin/python Scripts/sdv_gaussian_copula_reference.py TRAIN.csv OUT.csv
"""
import sys
import time

import numpy as np
import pandas as pd
from sdv.metadata import Metadata
from sdv.single_table import GaussianCopulaSynthesizer

train = pd.read_csv(sys.argv[1])
columns = {c: ({"sdtype": "numerical"} if pd.api.types.is_numeric_dtype(train[c]) else {"sdtype": "categorical"})
           for c in train.columns}
metadata = Metadata.load_from_dict({"tables": {"t": {"columns": columns}}})
np.random.seed(0)
start = time.perf_counter()
synthesizer = GaussianCopulaSynthesizer(metadata)
synthesizer.fit({"t": train})
fitted = time.perf_counter()
synthetic = synthesizer.sample(len(train))["t"]
sampled = time.perf_counter()
synthetic.to_csv(sys.argv[2], index=False)
print(f"sdv fit {fitted - start:.3f}s sample {sampled - fitted:.3f}s total {sampled - start:.3f}s")
