"""Fixture for SynthKitDeep's BayesianGaussianMixture: a 3-mode sample and scikit-learn's fit.

Uses scikit-learn 1.9.1 and numpy 2.4.6 (~/.cache/synthkit-anchors-venv), with the settings of
RDT's ClusterBasedNormalizer as CTGAN uses it (n_components=10, dirichlet_process prior with
weight_concentration_prior=0.001, max_iter=100, tol=1e-3, n_init=1).
Writes Tests/SynthKitDeepTests/Fixtures/bayesian_gmm.json.
"""
import json
import numpy as np
import sklearn
from rdt_mixture import rdt_mixture, three_mode_sample

_, values = three_mode_sample(17)
model = rdt_mixture()
model.fit(values.reshape(-1, 1))
kept = model.weights_ > 0.005
out = {
    "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
    "values": values.tolist(),
    "weights": model.weights_[kept].tolist(),
    "means": model.means_[kept, 0].tolist(),
    "standardDeviations": np.sqrt(model.covariances_[kept, 0, 0]).tolist(),
    "meanLogLikelihood": float(model.score(values.reshape(-1, 1))),
    "iterations": int(model.n_iter_),
}
with open("Tests/SynthKitDeepTests/Fixtures/bayesian_gmm.json", "w") as handle:
    json.dump(out, handle)
print({k: v for k, v in out.items() if k != "values"})
