"""Independent reference for NeuralKit's tests, in numpy (float32, like the engine).

Regenerate on purpose with `python3 Tests/NeuralKitTests/Fixtures/reference.py`; it rewrites
`reference.json` beside it. The inputs are written into the fixture too, so the Swift tests
use exactly these numbers and never depend on numpy's random generator.
"""
import json
import pathlib

import numpy as np

rng = np.random.default_rng(7)
f32 = np.float32
X = rng.uniform(-1, 1, size=(8, 3)).astype(f32)
y = rng.uniform(-1, 1, size=(8, 1)).astype(f32)
W0 = rng.uniform(-0.5, 0.5, size=(3, 1)).astype(f32)
b0 = np.zeros((1,), f32)


def mse_and_grads(W, b):
    """MSE = (1/n) Σ (y − ŷ)², ŷ = XW + b, with its gradients."""
    diff = X @ W + b - y
    n = f32(diff.size)
    loss = f32(np.mean(diff * diff))
    d = f32(2) / n * diff
    return loss, X.T @ d, d.sum(axis=0)


def adam_steps(lr, beta1=f32(0.9), beta2=f32(0.999), eps=f32(1e-7), steps=10):
    """The article's Adam: bias-corrected m̂, v̂; ε outside the square root."""
    W, b = W0.copy(), b0.copy()
    m = [np.zeros_like(W), np.zeros_like(b)]
    v = [np.zeros_like(W), np.zeros_like(b)]
    trace = []
    for t in range(1, steps + 1):
        loss, gW, gb = mse_and_grads(W, b)
        for i, (p, g) in enumerate(((W, gW), (b, gb))):
            m[i] = beta1 * m[i] + (1 - beta1) * g
            v[i] = beta2 * v[i] + (1 - beta2) * g * g
            m_hat = m[i] / (1 - beta1 ** t)
            v_hat = v[i] / (1 - beta2 ** t)
            p -= lr * m_hat / (np.sqrt(v_hat) + eps)
        trace.append({"loss": float(loss), "W": W.ravel().tolist(), "b": b.tolist()})
    return trace


def gd_steps(lr, steps=10):
    """Gradient descent: θ ← θ − α ∇J(θ)."""
    W, b = W0.copy(), b0.copy()
    trace = []
    for _ in range(steps):
        loss, gW, gb = mse_and_grads(W, b)
        W -= lr * gW
        b -= lr * gb
        trace.append({"loss": float(loss), "W": W.ravel().tolist(), "b": b.tolist()})
    return trace


fixture = {
    "X": X.ravel().tolist(),
    "y": y.ravel().tolist(),
    "W0": W0.ravel().tolist(),
    "adam": adam_steps(f32(0.05)),
    "gradientDescent": gd_steps(f32(0.1)),
}
path = pathlib.Path(__file__).with_name("reference.json")
path.write_text(json.dumps(fixture, indent=1) + "\n")
print(f"wrote {path.name}")
