#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// e^x, e^x − 1: Float and Double. Only +, −, ×, ÷ and bit manipulation, so every machine
// computes the same bits (see internal.h).
#include "internal.h"
#include "nk_elementary.h"
#include "tables.h"

/// Splits x·64/ln2 = k + f: returns k and r = x − k·ln2/64 (|r| ≤ ln2/128), hi part exact.
///
/// ln2/64 is split in hi (35 bits) + lo, so k·hi is exact for |k| < 2^18 and x − k·hi is
/// exact by Sterbenz's lemma (x and k·hi are within a factor 2 when k ≠ 0).
static inline double exp_reduce(double x, int *k) {
    double kd = nk_round(x * nk_inv_ln2_64);
    *k = (int)kd;
    return (x - kd * nk_ln2_64_hi) - kd * nk_ln2_64_lo;
}

/// e^(hi + lo) = 2^e · (result.hi + result.lo), result ∈ [1, 2), for |hi| ≤ 1100.
///
/// e^x = 2^(k/64) · e^r with k = round(x·64/ln2) and r = x − k·ln2/64, |r| ≤ ln2/128:
/// 2^(k/64) = 2^⌊k/64⌋ · T[k mod 64] with T from a table of double-doubles, and
/// e^r − 1 = r + r²·P(r), P a degree-4 fit of (e^r − 1 − r)/r² (error 2^-69). The small r
/// keeps the polynomial short. r is kept as a double-double (hi exact, lo the rounding of
/// k·ln2_lo plus the argument's own lo, from pow) and T·r is an exact product, so the result
/// is good to ~2^-62 relative even after 1 is subtracted from it (expm1, tanh).
nk_dd nk_exp_core(double hi, double lo, int *e) {
    double kd = nk_round(hi * nk_inv_ln2_64);
    int k = (int)kd;
    nk_dd r = nk_two_sum(hi - kd * nk_ln2_64_hi, -(kd * nk_ln2_64_lo));
    r.lo += lo;
    double x = r.hi + r.lo;
    double q = x * x * nk_horner(nk_exp_poly, 5, x);  // e^r − 1 − r
    int j = k & 63;
    *e = (k - j) / 64;
    double th = nk_exp_table[2 * j], tl = nk_exp_table[2 * j + 1];
    nk_dd tr = nk_two_prod(th, r.hi);
    nk_dd s = nk_fast_two_sum(th, tr.hi);
    double tail = tr.lo + th * (r.lo + q) + (tl + tl * (r.hi + q));
    return nk_fast_two_sum(s.hi, s.lo + tail);
}

/// e^x with a degree-2 polynomial (relative error < 2^-46): enough for a Float result.
/// For |x| ≤ 700 the scale 2^⌊k/64⌋ is a normal double, so one exact product applies it.
double nk_exp_fast(double x) {
    int k;
    double r = exp_reduce(x, &k);
    double t = nk_exp_table[2 * (k & 63)];
    double p = r + r * r * nk_horner(nk_exp_poly_fast, 3, r);
    return (t + t * p) * nk_pow2((k - (k & 63)) / 64);
}

/// e^x − 1 = 2^e·T·(1 + p) − 1 = (2^e·T − 1) + 2^e·T·p; for k = 0, T = 1 and the result is
/// p itself, so small x keep their relative accuracy. Relative error < 2^-40 for |x| ≤ 700.
double nk_expm1_fast(double x) {
    int k;
    double r = exp_reduce(x, &k);
    int j = k & 63;
    double s = nk_exp_table[2 * j] * nk_pow2((k - j) / 64);
    double p = r + r * r * nk_horner(nk_exp_poly_fast, 3, r);
    return (s - 1) + s * p;
}

/// e^x − 1 as a double-double, for −38 ≤ x ≤ 700: 2^e·(T + T·p) − 1 with the subtraction
/// of 1 done exactly (TwoSum), so nothing cancels when x is small.
nk_dd nk_expm1_dd(double x) {
    int e;
    nk_dd d = nk_exp_core(x, 0, &e);
    double s = nk_pow2(e);
    nk_dd t = nk_two_sum(d.hi * s, -1.0);
    return nk_fast_two_sum(t.hi, t.lo + d.lo * s);
}

/// e^x for double, error < 0.52 ULP (result rounded once from a double-double, except in
/// the subnormal range where the scaling rounds a second time).
double nk_exp(double x) {
    if (x != x) return x + x;
    if (x > 0x1.62e42fefa39efp+9) return 0x1p1023 * 2.0;  // e^x > DBL_MAX: +∞
    if (x < -0x1.74910d52d3052p+9) return 0x1p-1022 * 0x1p-60;  // e^x < 2^-1075: +0
    int e;
    nk_dd d = nk_exp_core(x, 0, &e);
    return nk_scale(d.hi + d.lo, e);
}

/// e^x for Float: the double evaluation (relative error < 2^-46) rounded once to float.
float nk_expf(float x) {
    if (x != x) return x + x;
    if (x > 89.0f) return 0x1p127f * 2.0f;  // beyond ln(FLT_MAX) ≈ 88.72: +∞
    if (x < -104.0f) return 0.0f;         // e^x < 2^-150: rounds to +0
    return (float)nk_exp_fast(x);
}

/// e^x − 1 for double: the double-double e^x − 1 rounded once; −1 when e^x < 2^-54.
double nk_expm1(double x) {
    if (x != x) return x + x;
    if (x > 0x1.62e42fefa39efp+9) return 0x1p1023 * 2.0;
    if (x < -38.0) return -1.0;  // e^-38 < 2^-54: −1 + e^x rounds to −1
    if (x > -0x1p-54 && x < 0x1p-54) return x;  // x + x²/2 rounds to x (keeps −0)
    if (x > -0x1p-20 && x < 0x1p-20) return x + x * x * (0.5 + x * (1.0 / 6));  // Taylor: one rounding
    if (x > 700.0) {  // the −1 vanishes; avoid 2^e overflowing before the scaling
        int e;
        nk_dd d = nk_exp_core(x, 0, &e);
        return nk_scale(d.hi + d.lo, e);
    }
    nk_dd d = nk_expm1_dd(x);
    return d.hi;
}

/// e^x − 1 for Float, from the double evaluation.
float nk_expm1f(float x) {
    if (x != x) return x + x;
    if (x > 89.0f) return 0x1p127f * 2.0f;
    if (x < -18.0f) return -1.0f;  // e^-18 < 2^-25
    if (x > -0x1p-30f && x < 0x1p-30f) return x;
    return (float)nk_expm1_fast(x);
}
