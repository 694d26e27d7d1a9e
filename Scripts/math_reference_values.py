#!/usr/bin/env python3
"""Reference values for Tests/SynthKitMathTests, printed as Swift tuples to paste.

Used with scipy 1.x and numpy from ~/.cache/synthkit-anchors-venv (sdv 2.0.0's environment):
  ~/.cache/synthkit-anchors-venv/bin/python Scripts/math_reference_values.py
"""
import numpy as np
import scipy
from scipy import special, stats

print("// scipy", scipy.__version__, "numpy", np.__version__)
print("// normal cdf")
for x in [-38.0, -10.0, -5.0, -1.5, 0.0, 0.3, 2.0, 8.0]:
    print(f"({x!r}, {stats.norm.cdf(x)!r}),")
print("// normal quantile")
for p in [1e-300, 1e-20, 1e-10, 0.001, 0.02425, 0.1, 0.5, 0.75, 0.975, 0.999999, 1 - 1e-15]:
    print(f"({p!r}, {stats.norm.ppf(p)!r}),")
print("// gammainc P(a, x)")
for a, x in [(0.5, 0.1), (0.5, 2.0), (1.0, 1.0), (2.5, 1.0), (10.0, 12.0), (100.0, 90.0), (0.1, 5.0)]:
    print(f"({a!r}, {x!r}, {special.gammainc(a, x)!r}),")
print("// betainc I_x(a, b)")
for a, b, x in [(0.5, 0.5, 0.2), (2.0, 3.0, 0.4), (10.0, 2.0, 0.9), (0.2, 5.0, 0.01), (50.0, 60.0, 0.45), (1.0, 1.0, 0.3)]:
    print(f"({a!r}, {b!r}, {x!r}, {special.betainc(a, b, x)!r}),")
print("// truncnorm(mean 1, sd 2, [0, 5]) cdf at 2 and ppf at 0.3")
a, b = (0 - 1) / 2, (5 - 1) / 2
print(repr(stats.truncnorm.cdf(2, a, b, loc=1, scale=2)), repr(stats.truncnorm.ppf(0.3, a, b, loc=1, scale=2)))
print("// truncnorm far tail (mean 0, sd 1, [6, 9]) ppf at 0.5")
print(repr(stats.truncnorm.ppf(0.5, 6, 9)))
print("// lgamma")
for x in [0.5, 3.0, 100.5]:
    print(f"({x!r}, {special.gammaln(x)!r}),")
print("// spearman, pearson of fixed vectors")
u = [1.0, 2.0, 2.0, 4.0, 7.0, 3.0]
v = [2.0, 1.0, 4.0, 4.0, 9.0, 0.5]
print(repr(stats.spearmanr(u, v).statistic), repr(stats.pearsonr(u, v).statistic))
