#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// The arc tangent for Double.
#include "internal.h"
#include "nk_elementary.h"
#include "tables.h"

/// atan t ≈ t + t³·P(t²) for |t| ≤ 7/16, P a degree-11 fit of (atan t − t)/t³ in t².
static inline double atan_kernel(double t) {
    double z = t * t;
    return t + t * z * nk_horner(nk_atan_poly, 12, z);
}

/// atan x, error < 1 ULP: atan x = atan c + atan t with t = (x − c)/(1 + x·c) for the nearest
/// of c = 1/2, 1, 3/2 (so |t| ≤ 0.19), or atan x = π/2 + atan(−1/x) beyond 39/16; atan c is a
/// double-double from the table and dominates the sum, so t's roundings stay small next to it.
double nk_atan(double x) {
    if (x != x) return x + x;
    double a = x < 0 ? -x : x;
    if (a < 0x1p-27) return x;  // x − x³/3 rounds to x (keeps −0)
    double result;
    if (a <= 0.4375) {
        return atan_kernel(x);
    } else if (a > 0x1p66) {
        result = nk_pio2_hi + nk_pio2_lo;
    } else {
        double t, hi, lo;
        if (a < 0.6875) {
            t = (2.0 * a - 1.0) / (2.0 + a);  // 2a − 1 is exact (Sterbenz)
            hi = nk_atan_centres[0], lo = nk_atan_centres[1];
        } else if (a < 1.1875) {
            t = (a - 1.0) / (a + 1.0);
            hi = nk_atan_centres[2], lo = nk_atan_centres[3];
        } else if (a < 2.4375) {
            t = (2.0 * a - 3.0) / (2.0 + 3.0 * a);
            hi = nk_atan_centres[4], lo = nk_atan_centres[5];
        } else {
            t = -1.0 / a;
            hi = nk_pio2_hi, lo = nk_pio2_lo;
        }
        result = hi + (lo + atan_kernel(t));
    }
    return x < 0 ? -result : result;
}
