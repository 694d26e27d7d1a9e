"""Same-run baselines for Benchmarks/Sources/EngineBench: NumPy and PyTorch matmul GFLOPS and the
CTGAN-shaped training step, at a given thread count.

Run: ~/.cache/synthkit-anchors-venv/bin/python Scripts/engine_bench_pytorch.py [gemm|step|all] --threads N
Measured with torch 2.15.0+cu132 (CPU), numpy 2.4.6 (versions are printed on each run).
The step mirrors CTGANStep in Benchmarks/Sources/EngineBench/TrainingStepBenchmark.swift line by
line: generator 168 -> Residual(256) -> Residual(256) -> 150, critic pac 10 (1900 -> 256 -> 256 -> 1,
LeakyReLU 0.2, dropout 0.5), gradient penalty (lambda 10), conditional loss, Adam(2e-4, (0.5, 0.9),
weight decay 1e-6). Like the Swift side, the critic step runs the generator without a graph and each backward pass is
restricted to the parameters its optimizer updates (Swift `backward(restrictedTo:)`, PyTorch
`backward(inputs=)`); the `--plain-backward` flag measures PyTorch without that restriction (as
CTGAN's own code runs).
"""
import argparse
import os
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("mode", nargs="?", default="all")
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--plain-backward", action="store_true")
arguments = parser.parse_args()
for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[name] = str(arguments.threads)

import numpy  # noqa: E402  (thread variables must be set first)
import torch  # noqa: E402

torch.set_num_threads(arguments.threads)
print(f"python {sys.version.split()[0]} torch {torch.__version__} numpy {numpy.__version__} threads={arguments.threads}")


def measure(body, rounds=7, minimum=0.2):
    body()
    per_call = []
    for _ in range(rounds):
        calls, start = 0, time.perf_counter()
        while True:
            body()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= minimum:
                break
        per_call.append(elapsed / calls)
    per_call.sort()
    return per_call[0], per_call[len(per_call) // 2]


def gemm():
    for name, m, n, k in (("500x256x256", 500, 256, 256), ("1024x1024x1024", 1024, 1024, 1024)):
        flops = 2.0 * m * n * k
        a, b = numpy.random.randn(m, k).astype(numpy.float32), numpy.random.randn(k, n).astype(numpy.float32)
        best, median = measure(lambda: a @ b)
        print(f"numpy gemm {name} threads={arguments.threads}: best {flops / best / 1e9:.1f} GFLOPS, median {flops / median / 1e9:.1f} GFLOPS")
        ta, tb = torch.from_numpy(a), torch.from_numpy(b)
        best, median = measure(lambda: ta @ tb)
        print(f"torch gemm {name} threads={arguments.threads}: best {flops / best / 1e9:.1f} GFLOPS, median {flops / median / 1e9:.1f} GFLOPS")


BATCH, NOISE, PAC = 500, 128, 10
CONTINUOUS, MODES, DISCRETE, CATEGORIES = 10, 10, 4, 10
DATA = CONTINUOUS * (1 + MODES) + DISCRETE * CATEGORIES
CONDITION = DISCRETE * CATEGORIES
SPANS = []
start = 0
for _ in range(CONTINUOUS):
    SPANS += [(start, 1, True), (start + 1, MODES, False)]
    start += 1 + MODES
for _ in range(DISCRETE):
    SPANS.append((start, CATEGORIES, False))
    start += CATEGORIES


class Residual(torch.nn.Module):
    def __init__(self, i, o):
        super().__init__()
        self.fc, self.bn = torch.nn.Linear(i, o), torch.nn.BatchNorm1d(o)

    def forward(self, x):
        return torch.cat([torch.relu(self.bn(self.fc(x))), x], dim=1)


class Generator(torch.nn.Module):
    def __init__(self):
        super().__init__()
        i = NOISE + CONDITION
        self.seq = torch.nn.Sequential(Residual(i, 256), Residual(i + 256, 256), torch.nn.Linear(i + 512, DATA))

    def forward(self, x):
        return self.seq(x)


class Discriminator(torch.nn.Module):
    def __init__(self):
        super().__init__()
        width = (DATA + CONDITION) * PAC
        self.seq = torch.nn.Sequential(
            torch.nn.Linear(width, 256), torch.nn.LeakyReLU(0.2), torch.nn.Dropout(0.5),
            torch.nn.Linear(256, 256), torch.nn.LeakyReLU(0.2), torch.nn.Dropout(0.5), torch.nn.Linear(256, 1))

    def forward(self, x):
        return self.seq(x.view(-1, x.shape[1] * PAC))


def activate(raw):
    parts = []
    for s, w, is_tanh in SPANS:
        piece = raw[:, s:s + w]
        parts.append(torch.tanh(piece) if is_tanh else torch.nn.functional.gumbel_softmax(piece, tau=0.2, hard=False))
    return torch.cat(parts, dim=1)


def step_benchmark():
    torch.manual_seed(7)
    generator, discriminator = Generator(), Discriminator()
    optimizer_g = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.9), weight_decay=1e-6)
    optimizer_d = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.9), weight_decay=1e-6)
    critic_parameters, generator_parameters = list(discriminator.parameters()), list(generator.parameters())
    if arguments.plain_backward:
        critic_parameters = generator_parameters = None
    with torch.no_grad():
        pool = activate(torch.randn(5000, DATA))

    def conditions():
        columns = torch.randint(0, DISCRETE, (BATCH,))
        categories = torch.randint(0, CATEGORIES, (BATCH,))
        vector = torch.zeros(BATCH, CONDITION)
        vector[torch.arange(BATCH), columns * CATEGORIES + categories] = 1
        mask = torch.zeros(BATCH, DISCRETE)
        mask[torch.arange(BATCH), columns] = 1
        return vector, mask, columns, categories

    def step():
        vector, _, _, _ = conditions()
        with torch.no_grad():
            fake = activate(generator(torch.cat([torch.randn(BATCH, NOISE), vector], dim=1)))
        permutation = torch.randperm(BATCH)
        real = pool[torch.randint(0, pool.shape[0], (BATCH,))]
        real_combined = torch.cat([real, vector[permutation]], dim=1)
        fake_combined = torch.cat([fake, vector], dim=1)
        critic_real, critic_fake = discriminator(real_combined), discriminator(fake_combined)
        alpha = torch.rand(BATCH // PAC, 1, 1).repeat(1, PAC, real_combined.size(1)).view(-1, real_combined.size(1))
        interpolated = (alpha * real_combined + (1 - alpha) * fake_combined).requires_grad_(True)
        gradient = torch.autograd.grad(discriminator(interpolated).sum(), interpolated, create_graph=True)[0]
        penalty = ((gradient.view(-1, PAC * gradient.size(1)).norm(2, dim=1) - 1) ** 2).mean() * 10
        loss_d = penalty - (critic_real.mean() - critic_fake.mean())
        optimizer_d.zero_grad(set_to_none=False)
        loss_d.backward(inputs=critic_parameters)
        optimizer_d.step()

        vector, mask, columns, categories = conditions()
        raw = generator(torch.cat([torch.randn(BATCH, NOISE), vector], dim=1))
        score = discriminator(torch.cat([activate(raw), vector], dim=1))
        condition_loss = 0
        for column in range(DISCRETE):
            start = CONTINUOUS * (1 + MODES) + column * CATEGORIES
            targets = torch.where(columns == column, categories, torch.zeros_like(categories))
            per_row = torch.nn.functional.cross_entropy(raw[:, start:start + CATEGORIES], targets, reduction="none")
            condition_loss = condition_loss + (per_row * mask[:, column]).sum()
        loss_g = condition_loss / BATCH - score.mean()
        optimizer_g.zero_grad(set_to_none=False)
        loss_g.backward(inputs=generator_parameters)
        optimizer_g.step()

    for _ in range(5):
        step()
    times, cpu_times = [], []
    for _ in range(7):
        start_time, cpu_start = time.perf_counter(), time.thread_time()
        for _ in range(10):
            step()
        cpu_times.append((time.thread_time() - cpu_start) / 10)
        times.append((time.perf_counter() - start_time) / 10)
    times.sort()
    cpu_times.sort()
    print(f"torch ctgan step{' (plain backward)' if arguments.plain_backward else ''} threads={arguments.threads}: "
          f"best {times[0] * 1000:.2f} ms, median {times[len(times) // 2] * 1000:.2f} ms; "
          f"thread CPU time best {cpu_times[0] * 1000:.2f} ms, median {cpu_times[len(cpu_times) // 2] * 1000:.2f} ms")


if arguments.mode in ("gemm", "all"):
    gemm()
if arguments.mode in ("step", "all"):
    step_benchmark()
