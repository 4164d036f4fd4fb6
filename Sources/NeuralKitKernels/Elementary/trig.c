#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// sin and cos for Double and Float: reduction to |r| ≤ π/4 (reduce.c), then one of two kernels.
#include "internal.h"
#include "nk_elementary.h"
#include "tables.h"

/// sin(r + c) ≈ r + r³·S(r²) + c·(1 − r²/2), |r| ≤ π/4, c the low part of the reduced
/// argument (|c| ≤ 2^-52·|r|, so first order in c suffices). S is a degree-6 fit of
/// (sin r − r)/r³ in r²; the correction terms are small next to r, so the final addition's
/// rounding dominates the error.
static inline double sin_kernel(double r, double c) {
    double z = r * r;
    return r + (r * z * nk_horner(nk_sin_poly, 7, z) + (c - 0.5 * z * c));
}

/// cos(r + c) ≈ 1 − r²/2 + r⁴·C(r²) − r·c. r² is exact (Dekker) and 1 − r²/2 is formed with
/// its rounding error put back (FastTwoSum), so only the last addition rounds noticeably.
static inline double cos_kernel(double r, double c) {
    nk_dd z = nk_two_prod(r, r);
    double half = 0.5 * z.hi;
    nk_dd w = nk_fast_two_sum(1.0, -half);
    double tail = z.hi * z.hi * nk_horner(nk_cos_poly, 6, z.hi);
    return w.hi + (w.lo + ((tail - 0.5 * z.lo) - r * c));
}

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

/// sin x for Float: the double sin (error < 0.6 double ULP) rounded once to float.
float nk_sinf(float x) { return (float)nk_sin(x); }

/// cos x for Float: the double cos rounded once to float.
float nk_cosf(float x) { return (float)nk_cos(x); }
