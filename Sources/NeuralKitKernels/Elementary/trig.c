#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// sin, cos and tan for Double, sin and cos for Float: reduction to |r| ≤ π/4 (reduce.c), then
// the sine and cosine kernels.
#include "internal.h"
#include "nk_elementary.h"
#include "tables.h"

/// sin(r + c) ≈ r + r³·S(r²) + c·(1 − r²/2), |r| ≤ π/4, c the low part of the reduced
/// argument (|c| ≤ 2^-52·|r|, so first order in c suffices). S is a degree-6 fit of
/// (sin r − r)/r³ in r²; the correction terms are small next to r, so the final addition's
/// rounding dominates the error.
static inline nk_dd sin_dd(double r, double c) {
    double z = r * r;
    return nk_fast_two_sum(r, r * z * nk_horner(nk_sin_poly, 7, z) + (c - 0.5 * z * c));
}

static inline double sin_kernel(double r, double c) { return sin_dd(r, c).hi; }

/// cos(r + c) ≈ 1 − r²/2 + r⁴·C(r²) − r·c. r² is exact (Dekker) and 1 − r²/2 is formed with
/// its rounding error put back (FastTwoSum), so only the last addition rounds noticeably.
static inline nk_dd cos_dd(double r, double c) {
    nk_dd z = nk_two_prod(r, r);
    double half = 0.5 * z.hi;
    nk_dd w = nk_fast_two_sum(1.0, -half);
    double tail = z.hi * z.hi * nk_horner(nk_cos_poly, 6, z.hi);
    return nk_fast_two_sum(w.hi, w.lo + ((tail - 0.5 * z.lo) - r * c));
}

static inline double cos_kernel(double r, double c) { return cos_dd(r, c).hi; }

/// sin x: x = k·π/2 + r, sin x = ±sin r or ±cos r by k mod 4. Error < 0.6 ULP.
double nk_sin(double x) {
    if (x > -0x1p-26 && x < 0x1p-26) return x;  // x − x³/6 rounds to x (keeps −0)
    nk_dd r;
    switch (nk_reduce_pio2(x, &r)) {
    case 0: return sin_kernel(r.hi, r.lo);
    case 1: return cos_kernel(r.hi, r.lo);
    case 2: return -sin_kernel(r.hi, r.lo);
    default: return -cos_kernel(r.hi, r.lo);
    }
}

/// cos x: x = k·π/2 + r, cos x = ±cos r or ±sin r by k mod 4. Error < 0.6 ULP.
double nk_cos(double x) {
    if (x > -0x1p-27 && x < 0x1p-27) return 1.0;  // 1 − x²/2 rounds to 1
    nk_dd r;
    switch (nk_reduce_pio2(x, &r)) {
    case 0: return cos_kernel(r.hi, r.lo);
    case 1: return -sin_kernel(r.hi, r.lo);
    case 2: return -cos_kernel(r.hi, r.lo);
    default: return sin_kernel(r.hi, r.lo);
    }
}

/// a/b for double-doubles: the quotient of the high parts corrected once with the exact
/// residual a − q·b (Dekker's product), so the result rounds once.
static inline double divide(nk_dd a, nk_dd b) {
    double q = a.hi / b.hi;
    nk_dd p = nk_two_prod(q, b.hi);
    double residual = (((a.hi - p.hi) - p.lo) + a.lo) - q * b.lo;
    return q + residual / b.hi;
}

/// tan x: x = k·π/2 + r, tan x = sin r/cos r for even k and −cos r/sin r for odd k, with
/// both kernels kept as double-doubles so the quotient rounds once. Error < 0.6 ULP.
double nk_tan(double x) {
    if (x > -0x1p-27 && x < 0x1p-27) return x;  // x + x³/3 rounds to x (keeps −0)
    nk_dd r;
    int k = nk_reduce_pio2(x, &r);
    nk_dd s = sin_dd(r.hi, r.lo), c = cos_dd(r.hi, r.lo);
    if (k & 1) return -divide(c, s);
    return divide(s, c);
}

/// sin x for Float: the double sin (error < 0.6 double ULP) rounded once to float.
float nk_sinf(float x) { return (float)nk_sin(x); }

/// cos x for Float: the double cos rounded once to float.
float nk_cosf(float x) { return (float)nk_cos(x); }
