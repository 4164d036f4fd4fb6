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
    commands["gemm NeuralKit"] = [ENGINE, "gemm"]
    commands["gemm numpy"] = [args.python, "gemm.py", "--engine-shapes"]

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
            elif result.get("script") == "fma_peak":
                samples.setdefault("peak GFLOP/s", []).append(result["gflops"])
                extra["isa"] = result["isa"]
            elif "gflops" in result:
                who = "numpy" if "numpy" in name else "NeuralKit"
                samples.setdefault(f"gemm {result['shape']} {who} GFLOP/s", []).append(result["gflops"])
                if who == "numpy":
                    extra["numpy blas"] = result.get("blas")


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
GEMM_SHAPES = ["1024x1024x1024", "128x64x256", "128x256x256", "128x256x10"]
gemm_ratios = {}
if "gemm" in only:
    peak = median("peak GFLOP/s")
    print(f"\nGEMM, float32, one thread, GFLOP/s (NeuralKit at level {extra.get('isa', '?')}, "
          f"peak FMA rate {peak or 0:.1f} GFLOP/s; numpy's BLAS: {extra.get('numpy blas')})")
    print(f"  {'M x K x N':16} {'NeuralKit':>10} {'of peak':>8} {'numpy':>8} {'ratio':>7}")
    for shape in GEMM_SHAPES:
        ours, theirs = median(f"gemm {shape} NeuralKit GFLOP/s"), median(f"gemm {shape} numpy GFLOP/s")
        if ours is None:
            continue
        fraction = f"{ours / peak:7.0%}" if peak else "      —"
        ratio = ours / theirs if theirs else None
        gemm_ratios[shape] = ratio
        print(f"  {shape:16} {ours:10.1f} {fraction:>8} {theirs or 0:8.1f} "
              + (f"{ratio:6.2f}×" if ratio else "      —"))


def verdict(met):
    return "met" if met else "behind"


# The goals of the NeuralKit issues, judged on this run's medians; each line ends in
# "— met" or "— behind".
print("\nGoals")
if "w1" in only and median("w1 NeuralKit"):
    w1 = median("w1 NeuralKit")
    print(f"  W1 fit ≤ 10 ms: {w1 * 1e3:.2f} ms — {verdict(w1 <= 0.010)}")
    fused = median("w1 JAX fused")
    if fused:
        print(f"  W1 faster than JAX's fused loop: {fused / w1:.2f}× — {verdict(w1 < fused)}")
    else:
        print("  W1 faster than JAX's fused loop: JAX is not installed in this Python — behind (no verdict)")
if "w2" in only and median("w2 NeuralKit"):
    w2 = median("w2 NeuralKit")
    scan = median("w2 JAX scan")
    if scan:
        print(f"  W2 ≥ 1.2× JAX scan: {scan / w2:.2f}× — {verdict(scan / w2 >= 1.2)}")
    else:
        print("  W2 ≥ 1.2× JAX scan: JAX is not installed in this Python — behind (no verdict)")
    memory = extra.get("w2 NeuralKit", {}).get("peak_rss_mb")
    if memory:
        print(f"  W2 peak memory < 100 MB: {memory:.0f} MB — {verdict(memory < 100)}")
if "gemm" in only:
    for shape in GEMM_SHAPES:
        ratio = gemm_ratios.get(shape)
        if ratio is None:
            print(f"  GEMM {shape} ≥ 0.8× numpy (one thread): no measurement — behind")
        else:
            print(f"  GEMM {shape} ≥ 0.8× numpy (one thread): {ratio:.2f}× — {verdict(ratio >= 0.8)}")
