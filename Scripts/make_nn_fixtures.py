"""Reference values for SynthKitNN's Linear, BatchNorm1d, losses and Adam, computed by PyTorch.

Run: ~/.cache/synthkit-anchors-venv/bin/python Scripts/make_nn_fixtures.py > Tests/SynthKitNNTests/Fixtures/pytorch_reference.json
Versions used are written into the output ("versions").
Inputs are small fixed tensors written out in full, so the Swift tests feed exactly the same values.
"""
import json

import numpy
import torch

torch.set_default_dtype(torch.float32)
generator = torch.Generator().manual_seed(7)


def values(tensor):
    return [float(x) for x in tensor.detach().reshape(-1).tolist()]


def tensor_json(tensor):
    return {"shape": list(tensor.shape), "scalars": values(tensor)}


def draw(*shape):
    return torch.randn(*shape, generator=generator)


out = {"versions": {"torch": torch.__version__, "numpy": numpy.__version__}}

# Linear: y = x W^T + b, loss = sum(y * r)
x = draw(5, 4).requires_grad_(True)
weight = draw(3, 4).requires_grad_(True)
bias = draw(3).requires_grad_(True)
projection = draw(5, 3)
y = torch.nn.functional.linear(x, weight, bias)
(y * projection).sum().backward()
out["linear"] = {
    "input": tensor_json(x), "weight": tensor_json(weight), "bias": tensor_json(bias),
    "projection": tensor_json(projection), "output": tensor_json(y),
    "inputGradient": tensor_json(x.grad), "weightGradient": tensor_json(weight.grad), "biasGradient": tensor_json(bias.grad),
}

# BatchNorm1d in training mode, then evaluation mode after one update of the running statistics.
batch_norm = torch.nn.BatchNorm1d(4)
with torch.no_grad():
    batch_norm.weight.copy_(draw(4))
    batch_norm.bias.copy_(draw(4))
x = (draw(6, 4) * 2 + 1).requires_grad_(True)
projection = draw(6, 4)
y = batch_norm(x)
(y * projection).sum().backward()
batch_norm.eval()
evaluation_input = draw(3, 4)
out["batchNorm"] = {
    "weight": tensor_json(batch_norm.weight), "bias": tensor_json(batch_norm.bias),
    "input": tensor_json(x), "projection": tensor_json(projection), "output": tensor_json(y),
    "inputGradient": tensor_json(x.grad), "weightGradient": tensor_json(batch_norm.weight.grad),
    "biasGradient": tensor_json(batch_norm.bias.grad),
    "runningMean": tensor_json(batch_norm.running_mean), "runningVariance": tensor_json(batch_norm.running_var),
    "evaluationInput": tensor_json(evaluation_input), "evaluationOutput": tensor_json(batch_norm(evaluation_input)),
}

# Losses: value and gradient with respect to the prediction.
losses = {}
logits = draw(4, 3).requires_grad_(True)
targets = [2, 0, 1, 2]
loss = torch.nn.functional.cross_entropy(logits, torch.tensor(targets))
loss.backward()
losses["crossEntropy"] = {"logits": tensor_json(logits), "targets": targets, "loss": float(loss.detach()), "gradient": tensor_json(logits.grad)}

logits = draw(4, 2).requires_grad_(True)
binary_targets = torch.tensor([[1.0, 0.0], [0.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, binary_targets)
loss.backward()
losses["binaryCrossEntropy"] = {"logits": tensor_json(logits), "targets": tensor_json(binary_targets), "loss": float(loss.detach()), "gradient": tensor_json(logits.grad)}

prediction = draw(4, 2).requires_grad_(True)
target = draw(4, 2)
loss = torch.nn.functional.mse_loss(prediction, target)
loss.backward()
losses["meanSquaredError"] = {"prediction": tensor_json(prediction), "target": tensor_json(target), "loss": float(loss.detach()), "gradient": tensor_json(prediction.grad)}

mean = draw(4, 2).requires_grad_(True)
variance = (draw(4, 2).abs() + 0.1).requires_grad_(True)
target = draw(4, 2)
loss = torch.nn.GaussianNLLLoss()(mean, target, variance)
loss.backward()
losses["gaussianNegativeLogLikelihood"] = {
    "mean": tensor_json(mean), "variance": tensor_json(variance), "target": tensor_json(target), "loss": float(loss.detach()),
    "meanGradient": tensor_json(mean.grad), "varianceGradient": tensor_json(variance.grad)}

mu = draw(4, 3).requires_grad_(True)
log_variance = draw(4, 3).requires_grad_(True)
loss = -0.5 * torch.sum(1 + log_variance - mu.pow(2) - log_variance.exp()) / mu.shape[0]
loss.backward()
losses["gaussianKLDivergence"] = {
    "mean": tensor_json(mu), "logVariance": tensor_json(log_variance), "loss": float(loss.detach()),
    "meanGradient": tensor_json(mu.grad), "logVarianceGradient": tensor_json(log_variance.grad)}
out["losses"] = losses

# Adam with weight decay: three steps on a fixed quadratic-plus-sine loss.
parameter = draw(3, 2).requires_grad_(True)
initial = parameter.detach().clone()
optimizer = torch.optim.Adam([parameter], lr=0.1, betas=(0.5, 0.9), eps=1e-6, weight_decay=0.01)
trajectory = []
for _ in range(3):
    optimizer.zero_grad()
    loss = (parameter.pow(2) * torch.tensor([[1.0, 2.0]]) + torch.sin(parameter)).sum()
    loss.backward()
    optimizer.step()
    trajectory.append(tensor_json(parameter))
state = optimizer.state[parameter]
out["adam"] = {
    "initial": tensor_json(initial), "learningRate": 0.1, "beta1": 0.5, "beta2": 0.9, "epsilon": 1e-6, "weightDecay": 0.01,
    "trajectory": trajectory, "firstMoment": tensor_json(state["exp_avg"]), "secondMoment": tensor_json(state["exp_avg_sq"]),
}

print(json.dumps(out, indent=1, sort_keys=True))
