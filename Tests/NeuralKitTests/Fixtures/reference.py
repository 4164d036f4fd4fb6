"""Independent reference for NeuralKit's tests, in numpy (float32, like the engine).

Regenerate on purpose with `python3 Tests/NeuralKitTests/Fixtures/reference.py`; it rewrites
`reference.json` beside it. The inputs are written into the fixture too, so the Swift tests
use exactly these numbers and never depend on numpy's random generator. Every formula here
is written out from its definition (the article's, or Keras's where the article has none);
nothing calls the Swift code, and gradients are derived by hand, not by autodiff.
"""
import json
import math
import pathlib

import numpy as np

rng = np.random.default_rng(7)
f32 = np.float32
X = rng.uniform(-1, 1, size=(8, 3)).astype(f32)
y = rng.uniform(-1, 1, size=(8, 1)).astype(f32)
W0 = rng.uniform(-0.5, 0.5, size=(3, 1)).astype(f32)
b0 = np.zeros((1,), f32)
EPS = f32(1e-7)  # Keras's backend.epsilon()


def floats(a):
    return np.asarray(a, f32).ravel().tolist()


# ---------------------------------------------------------------- optimizers on regression


def mse_and_grads(W, b):
    """MSE = (1/n) Σ (y − ŷ)², ŷ = XW + b, with its gradients."""
    diff = X @ W + b - y
    n = f32(diff.size)
    loss = f32(np.mean(diff * diff))
    d = f32(2) / n * diff
    return loss, X.T @ d, d.sum(axis=0)


def clip_global(grads, max_norm):
    """g ← g · c / max(‖g‖, c), ‖g‖ over all tensors together."""
    norm = f32(np.sqrt(sum(np.sum(g * g) for g in grads)))
    if norm > max_norm:
        grads = [g * (max_norm / norm) for g in grads]
    return norm, grads


def run(update, steps=10, clip=None):
    """Full-batch steps of `update(index, param, grad, t)`, which edits param in place."""
    W, b = W0.copy(), b0.copy()
    trace = []
    for t in range(1, steps + 1):
        loss, gW, gb = mse_and_grads(W, b)
        grads = [gW, gb]
        if clip is not None:
            _, grads = clip_global(grads, clip)
        for i, (p, g) in enumerate(zip((W, b), grads)):
            update(i, p, g, t)
        trace.append({"loss": float(loss), "W": floats(W), "b": floats(b)})
    return trace


def gradient_descent(lr):
    """θ ← θ − α ∇J(θ) (the article's 3.2.1)."""
    def update(i, p, g, t):
        p -= lr * g
    return update


def adam(lr, beta1=f32(0.9), beta2=f32(0.999), eps=EPS):
    """The article's Adam (3.2.3): bias-corrected m̂, v̂; ε outside the square root."""
    m, v = {}, {}

    def update(i, p, g, t):
        m[i] = beta1 * m.get(i, np.zeros_like(p)) + (1 - beta1) * g
        v[i] = beta2 * v.get(i, np.zeros_like(p)) + (1 - beta2) * g * g
        m_hat = m[i] / (1 - beta1 ** t)
        v_hat = v[i] / (1 - beta2 ** t)
        p -= lr * m_hat / (np.sqrt(v_hat) + eps)
    return update


def sgd(lr, momentum=f32(0), nesterov=False):
    """Keras SGD: v ← μv − αg; θ ← θ + v, or θ ← θ + μv − αg for Nesterov."""
    velocity = {}

    def update(i, p, g, t):
        if momentum == 0:
            p -= lr * g
            return
        velocity[i] = momentum * velocity.get(i, np.zeros_like(p)) - lr * g
        p += momentum * velocity[i] - lr * g if nesterov else velocity[i]
    return update


def adagrad(lr, initial=f32(0.1), eps=EPS):
    """Keras Adagrad: G ← G + g²; θ ← θ − α g / √(G + ε), G starting at 0.1."""
    acc = {}

    def update(i, p, g, t):
        acc[i] = acc.get(i, np.full_like(p, initial)) + g * g
        p -= lr * g / np.sqrt(acc[i] + eps)
    return update


def rmsprop(lr, rho=f32(0.9), eps=EPS):
    """Keras RMSprop: s ← ρ s + (1 − ρ) g²; θ ← θ − α g / √(s + ε)."""
    avg = {}

    def update(i, p, g, t):
        avg[i] = rho * avg.get(i, np.zeros_like(p)) + (1 - rho) * g * g
        p -= lr * g / np.sqrt(avg[i] + eps)
    return update


def adamw(lr, weight_decay):
    """Decoupled decay first, θ ← θ − α λ θ, then the article's Adam step."""
    step = adam(lr)

    def update(i, p, g, t):
        p -= lr * weight_decay * p
        step(i, p, g, t)
    return update


optimizers = {
    "gradientDescent": run(gradient_descent(f32(0.1))),
    "adam": run(adam(f32(0.05))),
    "sgd": run(sgd(f32(0.1))),
    "sgdMomentum": run(sgd(f32(0.1), f32(0.9))),
    "sgdNesterov": run(sgd(f32(0.1), f32(0.9), nesterov=True)),
    "adagrad": run(adagrad(f32(0.1))),
    "rmsprop": run(rmsprop(f32(0.01))),
    "adamw": run(adamw(f32(0.05), f32(0.1))),
    "sgdMomentumClipped": run(sgd(f32(0.1), f32(0.9)), clip=f32(0.15)),
}

# ---------------------------------------------------------------- losses


def sigmoid(z):
    return f32(1) / (f32(1) + np.exp(-z))


def reduce(elementwise, reduction):
    """Loss and the factor ∂(reduced)/∂(element): 1/n for the mean, 1 for the sum."""
    if reduction == "mean":
        return f32(np.mean(elementwise)), f32(1) / f32(elementwise.size)
    return f32(np.sum(elementwise)), f32(1)


def loss_case(predicted, target, loss, gradient):
    return {"predicted": floats(predicted), "target": floats(target), "shape": list(predicted.shape),
            "targetShape": list(target.shape), "loss": float(loss), "gradient": floats(gradient)}


def mse(p, t, reduction):
    value, k = reduce((t - p) ** 2, reduction)
    return loss_case(p, t, value, k * f32(2) * (p - t))


def mae(p, t, reduction):
    value, k = reduce(np.abs(t - p), reduction)
    return loss_case(p, t, value, k * np.sign(p - t))


def bce(p, t, reduction):
    """The article's −[y log ŷ + (1 − y) log(1 − ŷ)], ŷ clipped to [ε, 1 − ε] (Keras)."""
    pc = np.clip(p, EPS, f32(1) - EPS)
    value, k = reduce(-(t * np.log(pc) + (1 - t) * np.log(1 - pc)), reduction)
    inside = ((p >= EPS) & (p <= f32(1) - EPS)).astype(f32)
    return loss_case(p, t, value, k * inside * (-t / pc + (1 - t) / (1 - pc)))


def bce_logits(z, t, reduction):
    """max(z, 0) − z y + log(1 + e^{−|z|}); gradient σ(z) − y."""
    value, k = reduce(np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z))), reduction)
    return loss_case(z, t, value, k * (sigmoid(z) - t))


def log_softmax(z):
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))


def cce(p, t):
    """Keras on probabilities: q = p / Σp, clipped; CE = −Σ_c y_c log q_c; mean over rows."""
    s = p.sum(axis=-1, keepdims=True)
    q = p / s
    qc = np.clip(q, EPS, f32(1) - EPS)
    n = f32(p.shape[0])
    value = f32(np.mean(-(t * np.log(qc)).sum(axis=-1)))
    inside = ((q >= EPS) & (q <= f32(1) - EPS)).astype(f32)
    dq = -t / qc * inside / n
    # q = p/s: ∂L/∂p_j = (∂L/∂q_j − Σ_c ∂L/∂q_c q_c) / s
    return value, (dq - (dq * q).sum(axis=-1, keepdims=True)) / s


def cce_logits(z, t):
    """CE = −Σ_c y_c log softmax(z)_c; gradient (softmax(z) Σ_c y_c − y) / n."""
    n = f32(z.shape[0])
    value = f32(np.mean(-(t * log_softmax(z)).sum(axis=-1)))
    soft = np.exp(log_softmax(z))
    return value, (soft * t.sum(axis=-1, keepdims=True) - t) / n


def one_hot(labels, classes):
    return np.eye(classes, dtype=f32)[labels]


regression_p = rng.uniform(-1, 1, size=(4, 3)).astype(f32)
regression_t = rng.uniform(-1, 1, size=(4, 3)).astype(f32)
probabilities = rng.uniform(0.02, 0.98, size=(4, 3)).astype(f32)
binary = rng.integers(0, 2, size=(4, 3)).astype(f32)
soft_binary = rng.uniform(0, 1, size=(4, 3)).astype(f32)
saturated = np.array([[0, 1, 0.5], [1, 0, 1e-9]], f32)
saturated_t = np.array([[1, 0, 1], [1, 0, 1]], f32)
logits_b = np.concatenate([rng.uniform(-4, 4, size=(3, 3)), [[50, -50, 0]]]).astype(f32)
labels = np.array([2, 0, 4, 1])
class_p = rng.uniform(0.05, 1, size=(4, 5)).astype(f32)
class_z = (rng.uniform(-3, 3, size=(4, 5)) + np.array([[0], [0], [100], [-100]])).astype(f32)
soft_classes = rng.uniform(0, 1, size=(4, 5)).astype(f32)
soft_classes /= soft_classes.sum(axis=-1, keepdims=True)

losses = {
    "mse": mse(regression_p, regression_t, "mean"),
    "mseSum": mse(regression_p, regression_t, "sum"),
    "mae": mae(regression_p, regression_t, "mean"),
    "maeSum": mae(regression_p, regression_t, "sum"),
    "bce": bce(probabilities, binary, "mean"),
    "bceSum": bce(probabilities, binary, "sum"),
    "bceSoftTargets": bce(probabilities, soft_binary, "mean"),
    "bceSaturated": bce(saturated, saturated_t, "mean"),
    "bceLogits": bce_logits(logits_b, binary, "mean"),
    "bceLogitsSum": bce_logits(logits_b, binary, "sum"),
}
for name, (p, t, fn) in {
    "cce": (class_p, one_hot(labels, 5), cce),
    "cceSoftTargets": (class_p, soft_classes, cce),
    "cceLogits": (class_z, one_hot(labels, 5), cce_logits),
}.items():
    value, gradient = fn(p, t)
    losses[name] = loss_case(p, t, value, gradient)
for name, (p, fn, shape) in {
    "sparse": (class_p, cce, (4,)),
    "sparseLogits": (class_z, cce_logits, (4, 1)),
}.items():
    value, gradient = fn(p, one_hot(labels, 5))
    losses[name] = loss_case(p, labels.astype(f32).reshape(shape), value, gradient)

# ---------------------------------------------------------------- clipping and regularizers

clip_grads = [rng.uniform(-1, 1, size=(3, 1)).astype(f32), rng.uniform(-1, 1, size=(1,)).astype(f32)]
clipping = []
for max_norm in (f32(0.3), f32(5)):
    norm, clipped = clip_global(clip_grads, max_norm)
    clipping.append({"maxNorm": float(max_norm), "gradients": [floats(g) for g in clip_grads],
                     "norm": float(norm), "clipped": [floats(g) for g in clipped]})

weights = rng.uniform(-1, 1, size=(3, 4)).astype(f32)
weights[1, 2] = 0  # |w| has the subgradient 0 there
regularizers = {"weights": floats(weights), "shape": list(weights.shape)}
for name, l1, l2 in (("l1", f32(0.01), f32(0)), ("l2", f32(0), f32(0.01)), ("l1l2", f32(0.01), f32(0.02))):
    regularizers[name] = {
        "l1": float(l1), "l2": float(l2),
        "penalty": float(l1 * np.sum(np.abs(weights)) + l2 * np.sum(weights * weights)),
        "gradient": floats(l1 * np.sign(weights) + 2 * l2 * weights),
    }

# ---------------------------------------------------------------- schedules (float64, then rounded)

STEPS = 26


def cosine(step, a0, decay_steps, alpha=0.0):
    progress = min(step, decay_steps) / decay_steps
    return a0 * ((1 - alpha) * 0.5 * (1 + math.cos(math.pi * progress)) + alpha)


def warmup(step, inner, warmup_steps, start=0.0):
    if step >= warmup_steps:
        return inner(step - warmup_steps)
    return start + (inner(0) - start) * step / warmup_steps


a0 = float(f32(0.1))
schedules = {name: [float(f32(fn(t))) for t in range(STEPS)] for name, fn in {
    "stepDecay": lambda t: a0 * float(f32(0.5)) ** (t // 5),
    "exponentialDecay": lambda t: a0 * float(f32(0.5)) ** (t / 10),
    "exponentialDecayStaircase": lambda t: a0 * float(f32(0.5)) ** (t // 10),
    "cosineDecay": lambda t: cosine(t, a0, 20),
    "cosineDecayAlpha": lambda t: cosine(t, a0, 20, float(f32(0.1))),
    "warmupCosine": lambda t: warmup(t, lambda s: cosine(s, a0, 15), 5),
    "warmupFromStart": lambda t: warmup(t, lambda s: a0 * float(f32(0.5)) ** (s / 10), 4, float(f32(0.01))),
}.items()}


def reduce_on_plateau(losses_seen, lr, factor, patience, min_delta, cooldown, min_lr):
    """Keras's ReduceLROnPlateau.on_epoch_end, mode "min", replayed on a loss sequence."""
    best, wait, cooldown_counter, rates = math.inf, 0, 0, []
    for loss in losses_seen:
        if cooldown_counter > 0:
            cooldown_counter -= 1
            wait = 0
        if loss < best - min_delta:
            best, wait = loss, 0
        elif cooldown_counter == 0:
            wait += 1
            if wait >= patience and lr > min_lr:
                lr = max(float(f32(lr) * f32(factor)), min_lr)
                cooldown_counter, wait = cooldown, 0
        rates.append(float(f32(lr)))
    return rates


plateau_losses = [1.0, 0.8, 0.795, 0.793, 0.792, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6,
                  0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55]
plateau_losses = [float(f32(v)) for v in plateau_losses]
plateau = {"losses": plateau_losses, "initialLearningRate": 0.1, "factor": 0.5, "patience": 2,
           "minDelta": 0.01, "cooldown": 2, "minLearningRate": 0.02}
plateau["learningRates"] = reduce_on_plateau(
    plateau_losses, float(f32(0.1)), 0.5, 2, float(f32(0.01)), 2, float(f32(0.02)))

# ---------------------------------------------------------------- fit, end to end


def fit_trace(update, epochs=10, l1=f32(0), l2=f32(0), schedule=None, clip=None):
    """Full-batch fit: reported loss = MSE + λ₁Σ|W| + λ₂ΣW² (kernel only), before the step."""
    W, b = W0.copy(), b0.copy()
    losses_seen, rates = [], []
    for epoch in range(epochs):
        loss, gW, gb = mse_and_grads(W, b)
        loss = loss + l1 * np.sum(np.abs(W)) + l2 * np.sum(W * W)
        grads = [gW + l1 * np.sign(W) + 2 * l2 * W, gb]
        if clip is not None:
            _, grads = clip_global(grads, clip)
        lr = schedule(epoch)
        for i, (p, g) in enumerate(zip((W, b), grads)):
            update(lr)(i, p, g, epoch + 1)
        losses_seen.append(float(loss))
        rates.append(float(lr))
    return {"loss": losses_seen, "learningRates": rates, "W": floats(W), "b": floats(b)}


def momentum_sgd(momentum=f32(0.9)):
    """Keras SGD with momentum whose rate may change every step: v ← μv − α_t g; θ ← θ + v."""
    velocity = {}

    def with_rate(lr):
        def update(i, p, g, t):
            velocity[i] = momentum * velocity.get(i, np.zeros_like(p)) - lr * g
            p += velocity[i]
        return update
    return with_rate


fit = {
    "l1l2GradientDescent": fit_trace(gradient_descent, l1=f32(0.01), l2=f32(0.05), schedule=lambda e: f32(0.1)),
    "scheduledClippedMomentum": fit_trace(
        momentum_sgd(), schedule=lambda e: f32(float(f32(0.2)) * float(f32(0.5)) ** (e / 3)), clip=f32(0.2)),
}

# ---------------------------------------------------------------- layers (forward values)
# A generator of its own, so the draws above, and every existing key, stay as they were.
# Each case records the input, the parameters in the layer's `parameters` order and the
# output, computed in float64 from the float32 inputs by loops written from the definitions
# (no im2col, no batched products), then rounded to float32.

lrng = np.random.default_rng(2024)


def draw(*shape, scale=1.0):
    return (lrng.uniform(-1, 1, size=shape) * scale).astype(f32)


def array(a):
    return {"shape": list(np.shape(a)), "scalars": floats(a)}


def layer_case(inputs, parameters, outputs):
    return {"inputs": [array(a) for a in inputs], "parameters": [array(p) for p in parameters],
            "outputs": [array(o) for o in outputs]}


def window(n, k, s, padding):
    """TensorFlow's windows along one axis: (count, padding before)."""
    if padding == "valid":
        return (n - k) // s + 1, 0
    out = -(-n // s)
    return out, max((out - 1) * s + k - n, 0) // 2


def conv2d(x, K, b, s, padding):
    """y[n,i,j,f] = b_f + Σ_{u,v,c} x[n, i·s+u−p_t, j·s+v−p_l, c] K[u,v,c,f], zero outside."""
    x, K = x.astype(np.float64), K.astype(np.float64)
    N, H, W, _ = x.shape
    kh, kw, _, F = K.shape
    (oh, top), (ow, left) = window(H, kh, s, padding), window(W, kw, s, padding)
    y = np.zeros((N, oh, ow, F))
    for n in range(N):
        for i in range(oh):
            for j in range(ow):
                acc = b.astype(np.float64).copy()
                for u in range(kh):
                    for v in range(kw):
                        r, c = i * s - top + u, j * s - left + v
                        if 0 <= r < H and 0 <= c < W:
                            acc += x[n, r, c, :] @ K[u, v]
                y[n, i, j] = acc
    return y


def max_pool(x, k, s, padding):
    """y[n,i,j,c] = max over the window's positions inside the image."""
    N, H, W, C = x.shape
    (oh, top), (ow, left) = window(H, k, s, padding), window(W, k, s, padding)
    y = np.full((N, oh, ow, C), -np.inf, f32)
    for i in range(oh):
        for j in range(ow):
            for u in range(k):
                for v in range(k):
                    r, c = i * s - top + u, j * s - left + v
                    if 0 <= r < H and 0 <= c < W:
                        y[:, i, j, :] = np.maximum(y[:, i, j, :], x[:, r, c, :])
    return y


def layer_norm(x, gamma, beta, eps=1e-3):
    """γ (x − μ)/√(σ² + ε) + β over the last axis, biased variance (Keras)."""
    x = x.astype(np.float64)
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def sigmoid64(z):
    return 1 / (1 + np.exp(-z))


def simple_rnn(x, W, U, b):
    """hₜ = tanh(xₜW + hₜ₋₁U + b), h₀ = 0; every hₜ."""
    h = np.zeros((x.shape[0], U.shape[0]))
    states = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t].astype(np.float64) @ W + h @ U + b)
        states.append(h)
    return np.stack(states, axis=1)


def lstm(x, W, U, b):
    """Keras's LSTM, gates in the order i, f, c, o; every hₜ."""
    u = U.shape[0]
    h = np.zeros((x.shape[0], u))
    c = np.zeros_like(h)
    states = []
    for t in range(x.shape[1]):
        z = x[:, t].astype(np.float64) @ W + h @ U + b
        i, f, g, o = sigmoid64(z[:, :u]), sigmoid64(z[:, u:2 * u]), np.tanh(z[:, 2 * u:3 * u]), sigmoid64(z[:, 3 * u:])
        c = f * c + i * g
        h = o * np.tanh(c)
        states.append(h)
    return np.stack(states, axis=1)


def self_attention(x, weights, heads, dk, causal):
    """Per sample and head: A = softmax(QKᵀ/√d_k + M), head = AV; y = concat(heads)W_O + b_O."""
    Wq, bq, Wk, bk, Wv, bv, Wo, bo = (w.astype(np.float64) for w in weights)
    B, T, _ = x.shape
    q, k, v = (x.astype(np.float64) @ W + c for W, c in ((Wq, bq), (Wk, bk), (Wv, bv)))
    A = np.zeros((B, heads, T, T))
    concat = np.zeros((B, T, heads * dk))
    for n in range(B):
        for h in range(heads):
            cols = slice(h * dk, (h + 1) * dk)
            s = q[n, :, cols] @ k[n, :, cols].T / math.sqrt(dk)
            if causal:
                s[np.triu_indices(T, 1)] = -1e9
            e = np.exp(s - s.max(axis=-1, keepdims=True))
            A[n, h] = e / e.sum(axis=-1, keepdims=True)
            concat[n, :, cols] = A[n, h] @ v[n, :, cols]
    return concat @ Wo + bo, A


def gcn(A, H, W, b):
    """Â = D^{−1/2}(A + I)D^{−1/2}; H' = Â H W + b (Kipf & Welling)."""
    A_hat = A.astype(np.float64) + np.eye(A.shape[0])
    d = A_hat.sum(axis=1)
    A_hat = A_hat / np.sqrt(np.outer(d, d))
    return A_hat, A_hat @ H.astype(np.float64) @ W + b


def gelu(x, approximate):
    x = x.astype(np.float64)
    if approximate:
        return 0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)))
    return np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x])


layers = {}
x = draw(2, 5, 5, 2)
K, b = draw(3, 3, 2, 3, scale=0.5), draw(3)
layers["conv2dValid"] = layer_case([x], [K, b], [conv2d(x, K, b, 1, "valid")])
x = draw(1, 5, 6, 2)
K, b = draw(3, 3, 2, 2, scale=0.5), draw(2)
layers["conv2dSameStrides2"] = layer_case([x], [K, b], [conv2d(x, K, b, 2, "same")])
x = draw(2, 4, 4, 3)
K, b = draw(2, 2, 3, 2, scale=0.5), draw(2)
layers["conv2dSameEvenKernel"] = layer_case([x], [K, b], [conv2d(x, K, b, 1, "same")])
x = draw(2, 4, 5, 3)
layers["maxPoolValid"] = layer_case([x], [], [max_pool(x, 2, 2, "valid")])
x = draw(1, 5, 5, 2)
layers["maxPoolSameStrides2"] = layer_case([x], [], [max_pool(x, 3, 2, "same")])
x = draw(2, 3, 4, scale=2)
gamma, beta = (1 + draw(4, scale=0.5)).astype(f32), draw(4, scale=0.5)
layers["layerNormalization"] = layer_case([x], [gamma, beta], [layer_norm(x, gamma, beta)])
x = draw(2, 4, 3)
W, U, b = draw(3, 3), draw(3, 3), draw(3, scale=0.3)
layers["simpleRNN"] = layer_case([x], [W, U, b], [simple_rnn(x, W, U, b)])
x = draw(2, 3, 3)
W, U, b = draw(3, 8), draw(2, 8), draw(8, scale=0.3)
layers["lstm"] = layer_case([x], [W, U, b], [lstm(x, W, U, b)])
x = draw(2, 4, 6)
attention_weights = [draw(6, 6), draw(6, scale=0.2), draw(6, 6), draw(6, scale=0.2), draw(6, 6), draw(6, scale=0.2),
                     draw(6, 6), draw(6, scale=0.2)]
for name, causal in (("attention", False), ("attentionCausal", True)):
    y_att, A_att = self_attention(x, attention_weights, heads=2, dk=3, causal=causal)
    layers[name] = layer_case([x], attention_weights, [y_att, A_att])
adjacency = np.zeros((5, 5), f32)
for i, j in ((0, 1), (1, 2), (2, 0), (2, 3), (3, 4)):
    adjacency[i, j] = adjacency[j, i] = 1
H, W, b = draw(5, 3), draw(3, 2), draw(2, scale=0.3)
A_hat, H_next = gcn(adjacency, H, W, b)
layers["graphConvolution"] = layer_case([adjacency, H], [W, b], [A_hat, H_next])
x = np.array([-3, -1, -0.5, 0, 0.5, 1, 3], f32)
layers["gelu"] = layer_case([x], [], [gelu(x, False)])
layers["geluApproximate"] = layer_case([x], [], [gelu(x, True)])

fixture = {
    "X": floats(X),
    "y": floats(y),
    "W0": floats(W0),
    "optimizers": optimizers,
    "losses": losses,
    "clipping": clipping,
    "regularizers": regularizers,
    "schedules": schedules,
    "plateau": plateau,
    "fit": fit,
    "layers": layers,
}
path = pathlib.Path(__file__).with_name("reference.json")
path.write_text(json.dumps(fixture, indent=1) + "\n")
print(f"wrote {path.name}")
