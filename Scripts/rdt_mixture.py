"""Shared by the BayesianGaussianMixture fixture scripts: the 3-mode sample and the mixture
settings of RDT's ClusterBasedNormalizer as CTGAN uses it (n_components=10, dirichlet_process
prior with weight_concentration_prior=0.001, max_iter=100, tol=1e-3, n_init=1)."""
import numpy as np
from sklearn.mixture import BayesianGaussianMixture


def three_mode_sample(seed, n=3000):
    """n values from modes -10 (sd 1), 5 (sd 0.5) and 20 (sd 2) with weights 0.5 / 0.3 / 0.2."""
    rng = np.random.default_rng(seed)
    component = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
    means = np.array([-10.0, 5.0, 20.0])
    sds = np.array([1.0, 0.5, 2.0])
    return rng, rng.normal(means[component], sds[component])


def rdt_mixture():
    """An unfitted mixture with RDT's settings (random_state 0)."""
    return BayesianGaussianMixture(
        n_components=10, weight_concentration_prior_type="dirichlet_process",
        weight_concentration_prior=0.001, max_iter=100, tol=1e-3, n_init=1, random_state=0)
