#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// tanh (Double, Float) and the logistic functions built on e^x: sigmoid, softplus (Float).
#include "internal.h"
#include "nk_elementary.h"

/// tanh x = sign(x)·m/(m + 2), m = e^(2|x|) − 1 as a double-double, so small |x| keep their
/// relative accuracy (no 1 − 2/(e^2x + 1) cancellation); the quotient is corrected once with
/// its exact residual (Dekker's product). ±1 beyond |x| = 22, where 2e^-44 < 2^-54.
double nk_tanh(double x) {
    if (x != x) return x + x;
    double a = x < 0 ? -x : x;
    double t;
    if (a < 0x1p-28) {
        return x;  // x − x³/3 rounds to x (keeps −0 and subnormals)
    } else if (a > 22.0) {
        t = 1.0;
    } else {
        nk_dd m = nk_expm1_dd(2.0 * a);
        nk_dd den = nk_two_sum(m.hi, 2.0);
        den.lo += m.lo;
        double q = m.hi / den.hi;
        nk_dd qd = nk_two_prod(q, den.hi);
        double residual = (((m.hi - qd.hi) - qd.lo) + m.lo) - q * den.lo;
        t = q + residual / den.hi;
    }
    return x < 0 ? -t : t;
}

/// tanh x for Float: m/(m + 2) in double with m = e^(2|x|) − 1 (relative error < 2^-40).
float nk_tanhf(float x) {
    if (x != x) return x + x;
    double a = x < 0 ? -(double)x : (double)x;
    double t;
    if (a < 0x1p-13) {
        return x;  // x − x³/3 rounds to x (keeps −0)
    } else if (a > 10.0) {
        t = 1.0;  // 1 − tanh 10 < 2^-27: rounds to 1
    } else {
        double m = nk_expm1_fast(2.0 * a);
        t = m / (m + 2.0);
    }
    float f = (float)t;
    return x < 0 ? -f : f;
}

/// σ(x) = 1/(1 + e^-x) in double, rounded once to float: 0 below −104 (σ < 2^-150) and 1
/// above 20 (1 − σ < 2^-28).
float nk_sigmoidf(float x) {
    if (x != x) return x + x;
    if (x < -104.0f) return 0.0f;
    if (x > 20.0f) return 1.0f;
    return (float)(1.0 / (1.0 + nk_exp_fast(-(double)x)));
}

/// softplus(x) = log(1 + e^x) = max(x, 0) + log(1 + t), t = e^-|x| ∈ (0, 1], which never
/// overflows. log(1 + t) = log(u) + (t − (u − 1))/u with u = 1 + t rounded: the second term
/// puts back the rounding of 1 + t, so tiny t keep their relative accuracy.
float nk_softplusf(float x) {
    if (x != x) return x + x;
    if (x > 20.0f) return x;     // log(1 + e^-x) < 2^-28·x: rounds away (and +∞ stays)
    if (x < -104.0f) return 0.0f;  // ≈ e^x < 2^-150
    double xd = x, t = nk_exp_fast(xd < 0 ? xd : -xd);
    double u = 1.0 + t;
    double log1p_t = nk_log_fast(u) + (t - (u - 1.0)) / u;
    return (float)((xd > 0 ? xd : 0.0) + log1p_t);
}
