#!/usr/bin/env python3
"""Generates tables.h: every constant, table and polynomial coefficient of NeuralKit's
elementary functions, computed here in high precision (mpmath) and rounded to double once.

    python3 -m venv .venv-elementary && .venv-elementary/bin/pip install mpmath==1.3.0
    .venv-elementary/bin/python Sources/NeuralKitKernels/Elementary/coefficients.py \
        > Sources/NeuralKitKernels/Elementary/tables.h

Polynomials are near-minimax fits (mpmath.chebyfit: interpolation at Chebyshev nodes) of the
part of each function that is left once its leading Taylor terms are written exactly in the C
code; the script checks each fit after rounding its coefficients to double and prints the
error it measured next to the coefficients (as a comment), so a reader sees the margin.
"""
import sys

import mpmath as mp
from mpmath import mpf

mp.mp.prec = 400


def d(x):
    """The double nearest to x (Python floats are IEEE doubles)."""
    return float(mp.mpf(x))


def hex_double(x):
    return float.hex(float(x))


def split_hi_lo(x, bits=53):
    """x ≈ hi + lo, hi rounded to `bits` significant bits (trailing zeros make k·hi exact)."""
    x = mpf(x)
    if x == 0:
        return 0.0, 0.0
    e = int(mp.floor(mp.log(abs(x), 2)))
    scale = mpf(2) ** (bits - 1 - e)
    hi = float(mp.nint(x * scale) / scale)
    lo = d(x - mpf(hi))
    return hi, lo


def emit_array(name, values, comment=""):
    if comment:
        print(f"// {comment}")
    print(f"static const double {name}[{len(values)}] = {{")
    for v in values:
        print(f"    {hex_double(v)},")
    print("};")


def fit(f, a, b, degree, samples=2000):
    """Near-minimax polynomial of `degree` for f on [a, b], coefficients rounded to double
    (lowest degree first), and its maximum absolute error measured after rounding."""
    poly, _ = mp.chebyfit(f, [a, b], degree + 1, error=True)
    coefficients = [d(c) for c in reversed(poly)]
    worst = mpf(0)
    for i in range(samples + 1):
        x = mpf(a) + (mpf(b) - mpf(a)) * i / samples
        p = mpf(0)
        for c in reversed(coefficients):
            p = p * x + mpf(c)
        worst = max(worst, abs(p - f(x)))
    return coefficients, worst


def log2_of(x):
    return float(mp.log(x, 2)) if x > 0 else float("-inf")


def exp_part():
    # 2^(j/64) as hi + lo: exp(x) = 2^(k/64) · e^r with |r| ≤ ln2/128.
    table = [split_hi_lo(mpf(2) ** (mpf(j) / 64)) for j in range(64)]
    emit_array("nk_exp_table", [v for pair in table for v in pair], "2^(j/64): hi, lo (j = 0…63)")
    ln2_64 = mp.log(2) / 64
    # k ≤ 2^17 (|x| < 1100 for double exp of a double-double), so hi keeps 35 bits.
    hi, lo = split_hi_lo(ln2_64, 35)
    print(f"static const double nk_ln2_64_hi = {hex_double(hi)};")
    print(f"static const double nk_ln2_64_lo = {hex_double(lo)};")
    print(f"static const double nk_inv_ln2_64 = {hex_double(d(64 / mp.log(2)))};")
    r = float(ln2_64 / 2) * 1.0001
    g = lambda x: (mp.expm1(x) - x) / x**2 if x != 0 else mpf(1) / 2
    c, err = fit(g, -r, r, 4)
    emit_array("nk_exp_poly", c, f"(e^r − 1 − r)/r² on |r| ≤ ln2/128, error·r² ≤ 2^{log2_of(err * r * r):.1f}")
    c, err = fit(g, -r, r, 2)
    emit_array("nk_exp_poly_fast", c, f"the same in degree 2 (Float), error·r² ≤ 2^{log2_of(err * r * r):.1f}")


LOG_BASE = mpf(0.68359375)  # z ∈ [B, 2B): interval 40 is centred on 1 exactly
LOG_ENTRIES = 88


def log_part():
    invc, logc_hi, logc_lo, worst_r = [], [], [], mpf(0)
    for j in range(LOG_ENTRIES):
        lo_edge, hi_edge = LOG_BASE + mpf(j) / 128, min(LOG_BASE + mpf(j + 1) / 128, 2 * LOG_BASE)
        centre = (lo_edge + hi_edge) / 2
        inv = split_hi_lo(1 / centre, 26)[0]  # 26 bits: z_hi·invc and z_lo·invc are exact
        invc.append(inv)
        hi, lo = split_hi_lo(-mp.log(mpf(inv)))
        logc_hi.append(hi)
        logc_lo.append(lo)
        worst_r = max(worst_r, abs(lo_edge * inv - 1), abs(hi_edge * inv - 1))
    emit_array("nk_log_invc", invc, "1/c_j rounded to 26 bits, c_j the centre of [B + j/128, B + (j+1)/128)")
    emit_array("nk_log_logc", [v for pair in zip(logc_hi, logc_lo) for v in pair], "−log(invc_j): hi, lo")
    ln2_hi, ln2_lo = split_hi_lo(mp.log(2), 42)  # k ≤ 1075: k·ln2_hi exact
    print(f"static const double nk_ln2_hi = {hex_double(ln2_hi)};")
    print(f"static const double nk_ln2_lo = {hex_double(ln2_lo)};")
    r = float(worst_r) * 1.0001
    print(f"// |r| ≤ {r:.6f} = 2^{log2_of(r):.2f}")
    g = lambda x: (mp.log1p(x) - x + x**2 / 2) / x**3 if x != 0 else mpf(1) / 3
    c, err = fit(g, -r, r, 6)
    emit_array("nk_log_poly", c, f"(log(1+r) − r + r²/2)/r³, error·r³/r ≤ 2^{log2_of(err * r * r):.1f}")
    g = lambda x: (mp.log1p(x) - x) / x**2 if x != 0 else mpf(-1) / 2
    c, err = fit(g, -r, r, 3)
    emit_array("nk_log_poly_fast", c, f"(log(1+r) − r)/r² (Float), error·r²/r ≤ 2^{log2_of(err * r):.1f}")
    for name, value in (("nk_inv_ln2", 1 / mp.log(2)), ("nk_inv_ln10", 1 / mp.log(10))):
        hi, lo = split_hi_lo(value)
        print(f"static const double {name}_hi = {hex_double(hi)};")
        print(f"static const double {name}_lo = {hex_double(lo)};")


def trig_part():
    quarter = mp.pi / 4 * mpf(1.0001)
    z = float(quarter**2)
    sin_g = lambda t: (mp.sin(mp.sqrt(t)) - mp.sqrt(t)) / mp.sqrt(t) ** 3 if t != 0 else mpf(-1) / 6
    c, err = fit(sin_g, 0, z, 6)
    emit_array("nk_sin_poly", c, f"(sin r − r)/r³ in z = r² ≤ (π/4)², error·r² ≤ 2^{log2_of(err * z):.1f}")
    cos_g = lambda t: (mp.cos(mp.sqrt(t)) - 1 + t / 2) / t**2 if t != 0 else mpf(1) / 24
    c, err = fit(cos_g, 0, z, 5)
    emit_array("nk_cos_poly", c, f"(cos r − 1 + r²/2)/r⁴ in z = r², error·r⁴ ≤ 2^{log2_of(err * z * z):.1f}")
    # π/2 in four parts of 33 bits (the last rounded): k·part is exact for k < 2^20.
    rest, parts = mp.pi / 2, []
    for i in range(3):
        hi, _ = split_hi_lo(rest, 33)
        parts.append(hi)
        rest -= mpf(hi)
    parts.append(d(rest))
    emit_array("nk_pio2_parts", parts, "π/2 = p0 + p1 + p2 + p3, p0…p2 of 33 bits")
    print(f"static const double nk_two_over_pi = {hex_double(d(2 / mp.pi))};")
    hi, lo = split_hi_lo(mp.pi / 2)
    print(f"static const double nk_pio2_hi = {hex_double(hi)};")
    print(f"static const double nk_pio2_lo = {hex_double(lo)};")
    # Bits of 2/π for Payne–Hanek, 64 per word, after 64 zero bits (so windows that start
    # before the binary point read zeros): enough for exponents up to 1024 plus a 192-bit window.
    words = 1 + (1024 + 192 + 64) // 64
    mp.mp.prec = 64 * (words + 4)
    bits = int(mp.floor(2 / mp.pi * mpf(2) ** (64 * (words - 1))))
    mp.mp.prec = 400
    values = [0] + [(bits >> (64 * (words - 2 - i))) & (2**64 - 1) for i in range(words - 1)]
    print("// 2/π = Σ words[i]·2^(64 − 64(i+1)), words[0] = 0 (padding)")
    print(f"static const unsigned long long nk_two_over_pi_bits[{words}] = {{")
    for v in values:
        print(f"    0x{v:016x}ULL,")
    print("};")


def atan_part():
    z = (7 / 16) ** 2
    g = lambda t: (mp.atan(mp.sqrt(t)) - mp.sqrt(t)) / mp.sqrt(t) ** 3 if t != 0 else mpf(-1) / 3
    c, err = fit(g, 0, z, 11)
    emit_array("nk_atan_poly", c, f"(atan x − x)/x³ in z = x² ≤ (7/16)², error·x² ≤ 2^{log2_of(err * z):.1f}")
    values = [v for centre in (mpf(1) / 2, mpf(1), mpf(3) / 2) for v in split_hi_lo(mp.atan(centre))]
    emit_array("nk_atan_centres", values, "atan(1/2), atan(1), atan(3/2): hi, lo")


ERF_SMALL = 0.75
ERF_STEP = 0.5
ERF_INTERVALS = 11  # [0.75, 6.25): erf rounds to 1 beyond 5.93


def erf_part():
    z = ERF_SMALL**2
    g = lambda t: mp.erf(mp.sqrt(t)) / mp.sqrt(t) - 1 if t != 0 else 2 / mp.sqrt(mp.pi) - 1
    c, err = fit(g, 0, z, 12)
    emit_array("nk_erf_small", c, f"erf(x)/x − 1 in z = x² ≤ 0.75², error ≤ 2^{log2_of(err):.1f}")
    degree, rows, worst = 15, [], mpf(0)
    for i in range(ERF_INTERVALS):
        a = ERF_SMALL + i * ERF_STEP
        centre = a + ERF_STEP / 2
        f = lambda t, centre=centre: mp.erfc(mpf(centre) + t)
        c, err = fit(f, -ERF_STEP / 2, ERF_STEP / 2, degree)
        rows.extend(c)
        worst = max(worst, err)
    emit_array(
        "nk_erfc_pieces", rows,
        f"erfc(c_i + t), |t| ≤ 1/4, c_i = 1 + i/2, degree {degree}, {degree + 1} per row; error ≤ 2^{log2_of(worst):.1f}")
    print(f"#define NK_ERFC_DEGREE {degree}")


def main():
    print("// Generated by coefficients.py (same folder); do not edit. See that script for the command.")
    print("#ifndef NK_ELEMENTARY_TABLES_H")
    print("#define NK_ELEMENTARY_TABLES_H")
    exp_part()
    log_part()
    trig_part()
    atan_part()
    erf_part()
    print("#endif")


if __name__ == "__main__":
    sys.exit(main())
