#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// x^y for Double and Float: e^(y·log|x|) with the special cases of C99 Annex F.
#include "internal.h"
#include "nk_elementary.h"

/// 0 when y is not an integer, 1 when it is an even one, 2 when odd (y finite, nonzero).
static inline int integer_kind(double y) {
    uint64_t u = nk_bits(y);
    int e = (int)((u >> 52) & 0x7ff) - 1023;
    if (e < 0) return 0;
    if (e > 52) return 1;
    if (e == 52) return (u & 1) ? 2 : 1;
    uint64_t fraction = u & ((1ULL << (52 - e)) - 1);
    if (fraction) return 0;
    return ((u >> (52 - e)) & 1) ? 2 : 1;
}

/// The cases that are not e^(y·log|x|): returns 1 and sets *result, or returns 0 with
/// *negate set when x < 0 and y is an odd integer (x^y = −|x|^y).
static int pow_special(double x, double y, double *result, int *negate) {
    double ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
    *negate = 0;
    if (y == 0 || x == 1) {
        *result = 1.0;  // even for a NaN x (y = 0) or a NaN y (x = 1)
    } else if (x != x || y != y) {
        *result = x + y;
    } else if (ay > 0x1.fffffffffffffp1023) {  // y = ±∞
        if (ax == 1) *result = 1.0;
        else *result = ((ax > 1) == (y > 0)) ? 1.0 / 0.0 : 0.0;
    } else if (x == 0 || ax > 0x1.fffffffffffffp1023) {  // x = ±0 or ±∞
        int odd = integer_kind(y) == 2;
        double magnitude = ((x == 0) == (y < 0)) ? 1.0 / 0.0 : 0.0;
        *result = (odd && (nk_bits(x) >> 63)) ? -magnitude : magnitude;  // the sign of −0 too
    } else if (x < 0) {
        int kind = integer_kind(y);
        if (kind == 0) {
            *result = (x - x) / 0.0;  // negative base, non-integer exponent: NaN
            return 1;
        }
        *negate = kind == 2;
        return 0;
    } else {
        return 0;
    }
    return 1;
}

/// x^y = e^(y·log|x|) for double, error < 0.52 ULP.
///
/// log|x| comes as a double-double with relative error < 2^-68 and y·log|x| is formed
/// exactly (Dekker's product) before its low part is added: an absolute error δ in the
/// exponent is a relative error δ in the result, and |y·log|x|| reaches 745, so the exponent
/// needs ~2^-60 absolute accuracy, i.e. about 70 correct bits of log|x|.
double nk_pow(double x, double y) {
    double special;
    int negate;
    if (pow_special(x, y, &special, &negate)) return special;
    nk_dd l = nk_log_dd(x < 0 ? -x : x);
    double estimate = y * l.hi;
    double result;
    if (estimate > 710.0) {
        result = 0x1p1023 * 2.0;
    } else if (estimate < -746.0) {
        result = 0x1p-1022 * 0x1p-60;
    } else {
        nk_dd t = nk_two_prod(y, l.hi);
        t = nk_fast_two_sum(t.hi, t.lo + y * l.lo);
        int e;
        nk_dd d = nk_exp_core(t.hi, t.lo, &e);
        result = nk_scale(d.hi + d.lo, e);
    }
    return negate ? -result : result;
}

/// x^y for Float: e^(y·log|x|) in double (log and exp each with relative error < 2^-42, and
/// |y·log|x|| < 104 where the result is a finite nonzero float), rounded once to float.
float nk_powf(float x, float y) {
    double special;
    int negate;
    if (pow_special(x, y, &special, &negate)) return (float)special;
    double ax = x < 0 ? -(double)x : (double)x;
    double t = (double)y * nk_log_fast(ax);
    double result;
    if (t > 90.0) {
        result = 0x1p1023 * 2.0;
    } else if (t < -105.0) {
        result = 0.0;
    } else {
        result = nk_exp_fast(t);
    }
    float f = (float)result;
    return negate ? -f : f;
}
