"""Fixture for SynthKitDeep's mode choice: scikit-learn's BayesianGaussianMixture.predict_proba.

Uses scikit-learn 1.9.1 and numpy 2.4.6 (~/.cache/synthkit-anchors-venv). Fits a mixture with
the settings of RDT's ClusterBasedNormalizer as CTGAN uses it (n_components=10,
dirichlet_process prior with weight_concentration_prior=0.001, max_iter=100, tol=1e-3,
n_init=1) to a 3-mode sample plus 10 outliers near 60 (a component too light to keep), and
writes its whole variational posterior (weight_concentration_, mean_precision_, means_,
degrees_of_freedom_, covariances_) with predict_proba at probe points, so that the test can
rebuild the responsibilities from the same parameters.
Writes Tests/SynthKitDeepTests/Fixtures/bayesian_gmm_responsibilities.json.
"""
import json
import numpy as np
import sklearn
from rdt_mixture import rdt_mixture, three_mode_sample

rng, sample = three_mode_sample(23)
values = np.concatenate([sample, rng.normal(60.0, 0.5, size=10)])
model = rdt_mixture()
model.fit(values.reshape(-1, 1))
probes = np.array([-12.0, -10.0, -3.0, 0.0, 4.5, 5.0, 12.5, 20.0, 26.0, 40.0, 59.5, 60.0, 61.0])
out = {
    "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
    "stickA": model.weight_concentration_[0].tolist(),
    "stickB": model.weight_concentration_[1].tolist(),
    "meanPrecision": model.mean_precision_.tolist(),
    "means": model.means_[:, 0].tolist(),
    "degreesOfFreedom": model.degrees_of_freedom_.tolist(),
    "covariances": model.covariances_[:, 0, 0].tolist(),
    "weights": model.weights_.tolist(),
    "probes": probes.tolist(),
    "responsibilities": model.predict_proba(probes.reshape(-1, 1)).tolist(),
}
with open("Tests/SynthKitDeepTests/Fixtures/bayesian_gmm_responsibilities.json", "w") as handle:
    json.dump(out, handle)
print(np.round(model.weights_, 4))
print(np.round(model.predict_proba(probes.reshape(-1, 1)), 3))
