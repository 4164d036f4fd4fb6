// Shared pieces of the elementary functions: bit access, exact (error-free) sums and products,
// and the cores that more than one function uses. Only +, −, ×, ÷ and comparisons of IEEE
// doubles, whose results are the same on every machine once contraction into FMA is off.
// Clang honours the pragmas below (checked: -O0…-O3, -march=x86-64-v2/haswell/native give the
// same bits); only -ffp-contract=fast overrides them. GCC ignores them and contracts by default:
// built with GCC, these files need -ffp-contract=off (20 of the fixture's lines differ without).
#ifndef NK_ELEMENTARY_INTERNAL_H
#define NK_ELEMENTARY_INTERNAL_H

#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include <stdint.h>
#include <string.h>

/// A double-double: the unevaluated sum hi + lo, |lo| ≤ ulp(hi)/2 once normalized.
typedef struct nk_dd {
    double hi, lo;
} nk_dd;

static inline uint64_t nk_bits(double x) {
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static inline double nk_from_bits(uint64_t u) {
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

static inline uint32_t nk_bitsf(float x) {
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

/// 2^e for −1022 ≤ e ≤ 1023, built from its exponent field.
static inline double nk_pow2(int e) { return nk_from_bits((uint64_t)(e + 1023) << 52); }

/// x·2^e for any e, by at most three exact scalings and one final rounding (so a subnormal
/// result is rounded once, like an exact product would be).
static inline double nk_scale(double x, int e) {
    if (e > 1023) {
        x *= nk_pow2(1023);
        e -= 1023;
        if (e > 1023) e = 1023;
    } else if (e < -1022) {
        x *= nk_pow2(-1022 + 53);  // keep 53 bits of room so only the last step rounds
        e += 1022 - 53;
        if (e < -1022) {
            x *= nk_pow2(-1022);
            e += 1022;
            if (e < -1022) e = -1022;
        }
    }
    return x * nk_pow2(e);
}

/// The integer nearest to x (ties to even) for |x| < 2^51, by adding and subtracting
/// 1.5·2^52: the sum's last bit is then the units bit, so the addition itself rounds.
static inline double nk_round(double x) {
    const double shifter = 0x1.8p52;
    return (x + shifter) - shifter;
}

/// a + b = s + e exactly (Knuth's TwoSum, no condition on the magnitudes).
static inline nk_dd nk_two_sum(double a, double b) {
    double s = a + b;
    double bb = s - a;
    double e = (a - (s - bb)) + (b - bb);
    return (nk_dd){s, e};
}

/// a + b = s + e exactly when |a| ≥ |b| (Dekker's FastTwoSum).
static inline nk_dd nk_fast_two_sum(double a, double b) {
    double s = a + b;
    return (nk_dd){s, b - (s - a)};
}

/// Veltkamp's split: x = hi + lo, each of at most 26 significant bits, so products of halves
/// are exact in double.
static inline nk_dd nk_split(double x) {
    double t = 0x1.0000002p27 * x;  // 2^27 + 1
    double hi = t - (t - x);
    return (nk_dd){hi, x - hi};
}

/// a·b = p + e exactly (Dekker's product; no FMA, which would make the bits depend on it).
static inline nk_dd nk_two_prod(double a, double b) {
    nk_dd x = nk_split(a), y = nk_split(b);
    double p = a * b;
    double e = ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo;
    return (nk_dd){p, e};
}

/// Horner's rule, lowest coefficient first.
static inline double nk_horner(const double *c, int count, double x) {
    double p = c[count - 1];
    for (int i = count - 2; i >= 0; i--) p = p * x + c[i];
    return p;
}

/// e^(hi + lo) = 2^e · (r.hi + r.lo), for |hi| ≤ 1100, |lo| ≤ 2^-40·|hi|; see exp.c.
nk_dd nk_exp_core(double hi, double lo, int *e);

/// e^x − 1 as a double-double for −38 ≤ x ≤ 700 (relative error < 2^-60).
nk_dd nk_expm1_dd(double x);

/// e^x in double with relative error below 2^-44 (for the Float functions), |x| ≤ 700.
double nk_exp_fast(double x);

/// e^x − 1 in double, relative error below 2^-40, |x| ≤ 700 (for the Float functions).
double nk_expm1_fast(double x);

/// log x as a double-double with relative error below 2^-68, x positive and finite; see log.c.
nk_dd nk_log_dd(double x);

/// log x in double with relative error below 2^-40 (for the Float functions), x > 0 finite.
double nk_log_fast(double x);

/// x = k·π/2 + r with |r| ≲ π/4, r as a double-double; returns k mod 4. See reduce.c.
int nk_reduce_pio2(double x, nk_dd *r);

#endif
