#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// Logarithms: log, log2, log10, log1p (Double) and logf, log1pf (Float).
#include "internal.h"
#include "nk_elementary.h"
#include "tables.h"

/// z ∈ [B, 2B) with B = 0.68359375, and the table entry j of the interval z falls in.
#define LOG_B 0.68359375

/// x = 2^k · z with z ∈ [B, 2B), for positive normal x: subtracting B's bit pattern from x's
/// leaves k in the exponent field (z's own exponent is −1 or 0), without a branch that random
/// arguments would mispredict half the time.
static inline double log_normalize(double x, int *k, int *j) {
    uint64_t shifted = nk_bits(x) - 0x3fe5e00000000000ULL;  // the bits of B
    int e = (int)((int64_t)shifted >> 52);
    double z = nk_from_bits(nk_bits(x) - ((uint64_t)(int64_t)e << 52));
    *k = e;
    *j = (int)((z - LOG_B) * 128);  // exact: z − B by Sterbenz, ×128 a power of two
    return z;
}

/// log x as a double-double with relative error < 2^-68 (what pow needs), x > 0 finite.
///
/// log x = k·ln2 + log c_j + log(1 + r), r = z·(1/c_j) − 1, with c_j the centre of z's table
/// interval (width 1/128, so |r| ≤ 0.0057) and −log c_j = log(invc_j) stored as hi + lo.
/// invc_j has 26 bits and z is split in two 26-bit halves (Veltkamp), so both halves' products
/// are exact and r = (z_hi·invc − 1) + z_lo·invc is exact as a double-double. The interval
/// around 1 has invc = 1, so x near 1 gives r = x − 1 exactly and no cancellation.
/// log(1 + r) = r − r²/2 + r³·P(r): r² is exact (Dekker's product), P a degree-6 fit.
nk_dd nk_log_dd(double x) {
    int k, j, adjust = 0;
    if (x < 0x1p-1022) {  // subnormal: scale into the normal range first
        x *= 0x1p54;
        adjust = -54;
    }
    double z = log_normalize(x, &k, &j);
    k += adjust;
    double invc = nk_log_invc[j];
    nk_dd zs = nk_split(z);
    nk_dd r = nk_two_sum(zs.hi * invc - 1.0, zs.lo * invc);
    nk_dd sq = nk_two_prod(r.hi, r.hi);
    double cubic = r.hi * sq.hi * nk_horner(nk_log_poly, 7, r.hi);
    double kd = (double)k;
    nk_dd s = nk_two_sum(kd * nk_ln2_hi, nk_log_logc[2 * j]);
    double lo = s.lo;
    s = nk_two_sum(s.hi, r.hi);
    lo += s.lo;
    s = nk_two_sum(s.hi, -0.5 * sq.hi);
    lo += s.lo;
    lo += ((kd * nk_ln2_lo + nk_log_logc[2 * j + 1]) + (r.lo - r.hi * r.lo)) + (cubic - 0.5 * sq.lo);
    return nk_fast_two_sum(s.hi, lo);
}

/// log x with the same reduction but r rounded and a degree-5 polynomial (relative error
/// < 2^-42 for Float results; z·invc is exact when z has at most 27 bits, as floats do).
/// x positive and normal (floats, and 1 + t for t ≥ 0, always are as doubles).
double nk_log_fast(double x) {
    int k, j;
    double z = log_normalize(x, &k, &j);
    double r = z * nk_log_invc[j] - 1.0;
    double p = r + r * r * nk_horner(nk_log_poly_fast, 4, r);
    double kd = (double)k;
    return (kd * nk_ln2_hi + nk_log_logc[2 * j]) + (p + kd * nk_ln2_lo);
}

/// NaN for x < 0 (including −∞), −∞ for ±0, +∞ for +∞, NaN for NaN; 0 means "regular".
static inline int log_special(double x, double *result) {
    if (x != x) {
        *result = x + x;
    } else if (x < 0) {
        *result = (x - x) / 0.0;  // NaN, raising invalid
    } else if (x == 0) {
        *result = -1.0 / 0.0;
    } else if (x > 0x1.fffffffffffffp1023) {
        *result = x;
    } else {
        return 0;
    }
    return 1;
}

/// Natural logarithm, error < 0.51 ULP: the double-double log rounded once.
double nk_log(double x) {
    double special;
    if (log_special(x, &special)) return special;
    return nk_log_dd(x).hi;
}

/// log_b x = log x · (1/ln b) in double-double, so exact powers of b give exact integers.
static inline double log_scaled(double x, double inv_hi, double inv_lo) {
    double special;
    if (log_special(x, &special)) return special;
    nk_dd l = nk_log_dd(x);
    nk_dd p = nk_two_prod(l.hi, inv_hi);
    return p.hi + (p.lo + (l.hi * inv_lo + l.lo * inv_hi));
}

/// Base-2 logarithm (log x / ln 2 in double-double).
double nk_log2(double x) { return log_scaled(x, nk_inv_ln2_hi, nk_inv_ln2_lo); }

/// Base-10 logarithm (log x / ln 10 in double-double).
double nk_log10(double x) { return log_scaled(x, nk_inv_ln10_hi, nk_inv_ln10_lo); }

/// log(1 + x) = log(u) + u_lo/u with 1 + x = u + u_lo exactly (TwoSum): the rounding of
/// 1 + x is put back to first order (its square is below 2^-106 relative).
double nk_log1p(double x) {
    if (x != x) return x + x;
    if (x > -0x1p-54 && x < 0x1p-54) return x;  // x − x²/2 rounds to x (keeps −0)
    if (x == -1.0) return -1.0 / 0.0;
    if (x < -1.0) return (x - x) / 0.0;
    if (x > 0x1.fffffffffffffp1023) return x;
    nk_dd u = nk_two_sum(1.0, x);
    nk_dd l = nk_log_dd(u.hi);
    return l.hi + (l.lo + u.lo / u.hi);
}

/// Natural logarithm for Float: the double evaluation rounded once to float.
float nk_logf(float x) {
    double special;
    if (log_special(x, &special)) return (float)special;
    return (float)nk_log_fast(x);
}

/// log(1 + x) for Float: 1 + x is exact in double for 2^-29 ≤ |x| < 2^29 (and only rounds
/// relatively by 2^-53 beyond), and below 2^-29 log(1 + x) rounds to x.
float nk_log1pf(float x) {
    if (x != x) return x + x;
    if (x > -0x1p-29f && x < 0x1p-29f) return x;
    if (x == -1.0f) return -1.0f / 0.0f;
    if (x < -1.0f) return (x - x) / 0.0f;
    if (x > 0x1.fffffep127f) return x;
    return (float)nk_log_fast(1.0 + (double)x);
}
