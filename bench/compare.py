"""Runs NeuralKit's benchmark workloads and the peers' (numpy, JAX, Keras where installed)
side by side, in interleaved rounds on this machine, and prints medians and ratios.

usage: python3 bench/compare.py [--rounds 3] [--python .venv-peers/bin/python] [--only w1,w2,gemm]

Ratios are taken within one run because the machine is shared and noisy: compare them,
not the absolute times, across runs. Workloads: bench/WORKLOADS.md.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"
ENGINE = ROOT / ".build" / "release" / "neuralkit-bench"

ap = argparse.ArgumentParser()
ap.add_argument("--rounds", type=int, default=3)
default_python = ROOT / ".venv-peers" / "bin" / "python"
ap.add_argument("--python", default=str(default_python if default_python.exists() else sys.executable))
ap.add_argument("--only", default="w1,w2,gemm")
args = ap.parse_args()
only = set(args.only.split(","))


def has(module):
    return subprocess.run([args.python, "-c", f"import {module}"], capture_output=True).returncode == 0


def run(command):
    """Runs one benchmark command; returns its RESULT lines as dicts."""
    done = subprocess.run(command, capture_output=True, text=True, cwd=PEERS, env={**os.environ})
    if done.returncode != 0:
        print(f"  ! {' '.join(map(str, command))} failed: {done.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return []
    return [json.loads(line[7:]) for line in done.stdout.splitlines() if line.startswith("RESULT ")]


commands = {}
if "w1" in only:
    commands["w1 NeuralKit"] = [ENGINE, "w1", "--repeats", "5"]
    commands["w1 numpy"] = [args.python, "w1_numpy.py", "--repeats", "5"]
    if has("jax"):
        commands["w1 JAX jit step"] = [args.python, "w1_jax.py", "--mode", "step", "--repeats", "3"]
        commands["w1 JAX fused"] = [args.python, "w1_jax.py", "--mode", "fused", "--repeats", "3"]
    if has("keras"):
        commands["w1 Keras"] = [args.python, "w1_keras.py"]
if "w2" in only:
    commands["w2 NeuralKit"] = [ENGINE, "w2"]
    commands["w2 numpy 1 thread"] = [args.python, "w2_numpy.py", "--threads", "1"]
    commands["w2 numpy 2 threads"] = [args.python, "w2_numpy.py", "--threads", "2"]
    if has("jax"):
        commands["w2 JAX jit step"] = [args.python, "w2_jax.py", "--mode", "step"]
        commands["w2 JAX scan"] = [args.python, "w2_jax.py", "--mode", "scan"]
    if has("keras"):
        commands["w2 Keras"] = [args.python, "w2_keras.py"]
if "gemm" in only:
    commands["gemm NeuralKit (Debian OpenBLAS)"] = [ENGINE, "gemm"]

samples = {name: [] for name in commands}
extra = {}
for round_ in range(args.rounds):
    print(f"round {round_ + 1}/{args.rounds}", file=sys.stderr)
    for name, command in commands.items():
        for result in run(command):
            if "fit_s" in result:
                if result.get("repeat", 0) > 0 or "NeuralKit" in name or "numpy" in name:
                    samples[name].append(result["fit_s"])
            elif "epoch_s" in result:
                samples[name].extend(result["epoch_s"])
                extra[name] = result
            elif "gflops" in result:
                samples.setdefault(f"gemm {result['shape']} GFLOP/s", []).append(result["gflops"])


def median(name):
    values = samples.get(name) or []
    return statistics.median(values) if values else None


def table(prefix, unit, scale, reference):
    base = median(reference)
    print(f"\n{prefix.upper()}  (median {unit}; ratio = peer time / NeuralKit time, > 1 means NeuralKit is faster)")
    for name in samples:
        if not name.startswith(prefix + " ") or "GFLOP" in name:
            continue
        value = median(name)
        if value is None:
            print(f"  {name:28} —")
            continue
        ratio = f"{value / base:8.2f}×" if base else ""
        gflops = ""
        if name in extra and "flops_per_epoch" in extra[name]:
            gflops = f"   {extra[name]['flops_per_epoch'] / value / 1e9:6.1f} GFLOP/s"
        print(f"  {name:28} {value * scale:10.2f} {unit}  {ratio}{gflops}")


if "w1" in only:
    table("w1", "ms", 1e3, "w1 NeuralKit")
if "w2" in only:
    table("w2", "ms/epoch", 1e3, "w2 NeuralKit")
if "gemm" in only:
    print("\nGEMM peak through the engine's OpenBLAS (float32, 1 call, best of 3)")
    for name, values in samples.items():
        if "GFLOP" in name:
            print(f"  {name:34} {statistics.median(values):8.1f}")


def verdict(met):
    return "met" if met else "NOT met"


# The goals of the NeuralKit issue, judged on this run's medians.
print("\nGoals")
if "w1" in only and median("w1 NeuralKit"):
    w1 = median("w1 NeuralKit")
    print(f"  W1 fit ≤ 10 ms: {w1 * 1e3:.2f} ms — {verdict(w1 <= 0.010)}")
if "w2" in only and median("w2 NeuralKit"):
    w2 = median("w2 NeuralKit")
    jax = [median(name) for name in ("w2 JAX jit step", "w2 JAX scan") if median(name)]
    if jax:
        ratio = min(jax) / w2
        print(f"  W2 ≥ 1.0× the faster JAX: {ratio:.2f}× — {verdict(ratio >= 1)}")
    else:
        print("  W2 ≥ 1.0× JAX: JAX is not installed in this Python, no verdict")
    memory = extra.get("w2 NeuralKit", {}).get("peak_rss_mb")
    if memory:
        print(f"  W2 peak memory < 100 MB: {memory:.0f} MB — {verdict(memory < 100)}")
