"""Fixture for SynthKitDeep's BayesianGaussianMixture: a 3-mode sample and scikit-learn's fit.

Uses scikit-learn 1.9.1 and numpy 2.4.6 (~/.cache/synthkit-anchors-venv), with the settings of
RDT's ClusterBasedNormalizer as CTGAN uses it (n_components=10, dirichlet_process prior with
weight_concentration_prior=0.001, max_iter=100, tol=1e-3, n_init=1).
Writes Tests/SynthKitDeepTests/Fixtures/bayesian_gmm.json.
"""
import json
import numpy as np
import sklearn
from sklearn.mixture import BayesianGaussianMixture

rng = np.random.default_rng(17)
n = 3000
component = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
means = np.array([-10.0, 5.0, 20.0])
sds = np.array([1.0, 0.5, 2.0])
values = rng.normal(means[component], sds[component])
model = BayesianGaussianMixture(
    n_components=10, weight_concentration_prior_type="dirichlet_process",
    weight_concentration_prior=0.001, max_iter=100, tol=1e-3, n_init=1, random_state=0)
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
