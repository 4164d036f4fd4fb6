#include "ElementaryReference.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

static long double reference(er_function function, long double x, long double y) {
    switch (function) {
    case ER_EXP: return expl(x);
    case ER_LOG: return logl(x);
    case ER_LOG1P: return log1pl(x);
    case ER_EXPM1: return expm1l(x);
    case ER_LOG2: return log2l(x);
    case ER_LOG10: return log10l(x);
    case ER_SIN: return sinl(x);
    case ER_COS: return cosl(x);
    case ER_TANH: return tanhl(x);
    case ER_ERF: return erfl(x);
    case ER_SIGMOID: return 1.0L / (1.0L + expl(-x));
    case ER_SOFTPLUS: return x > 0 ? x + log1pl(expl(-x)) : log1pl(expl(x));
    case ER_POW: return powl(x, y);
    case ER_TAN: return tanl(x);
    case ER_ATAN: return atanl(x);
    }
    return NAN;
}

/// |result − exact| / ulp(exact) for a format with `digits` significand bits.
static double ulp_error(long double result, long double exact, int digits, long double smallest,
                        long double largest) {
    if (isnan(exact) || isnan(result)) return isnan(exact) && isnan(result) ? 0 : INFINITY;
    if (isinf(result)) {
        // An infinite result is right when exact rounds to it: beyond largest + ulp/2.
        long double limit = largest + ldexpl(1.0L, ilogbl(largest) - digits);
        return (exact >= limit && result > 0) || (exact <= -limit && result < 0) ? 0 : INFINITY;
    }
    if (isinf(exact)) return INFINITY;
    long double magnitude = fabsl(exact);
    long double ulp = magnitude < smallest * ldexpl(1.0L, digits - 1)
                          ? smallest
                          : ldexpl(1.0L, ilogbl(magnitude) - digits + 1);
    if (magnitude > largest) ulp = ldexpl(1.0L, ilogbl(largest) - digits + 1);
    return (double)(fabsl(result - exact) / ulp);
}

static double error_double(double result, long double exact) {
    return ulp_error(result, exact, DBL_MANT_DIG, DBL_TRUE_MIN, DBL_MAX);
}

static double error_float(float result, long double exact) {
    return ulp_error(result, exact, FLT_MANT_DIG, FLT_TRUE_MIN, FLT_MAX);
}

double er_ulp_error_double(er_function function, double x, double y, double result) {
    return error_double(result, reference(function, x, y));
}

double er_ulp_error_float(er_function function, float x, float y, float result) {
    return error_float(result, reference(function, x, y));
}

static void record(er_sweep *sweep, double error, double x, double y) {
    sweep->samples += 1;
    if (error > sweep->max_ulp || (isnan(error) && !isnan(sweep->max_ulp))) {
        sweep->max_ulp = error;
        sweep->argument = x;
        sweep->argument2 = y;
    }
}

er_sweep er_sweep_float(er_function function, float (*f)(float), unsigned count) {
    er_sweep sweep = {0, 0, 0, 0};
    uint32_t stride = (uint32_t)(0x100000000ULL / count) | 1;
    for (unsigned i = 0; i < count; i++) {
        uint32_t bits = (uint32_t)i * stride;
        float x;
        memcpy(&x, &bits, sizeof x);
        record(&sweep, error_float(f(x), reference(function, x, 0)), x, 0);
    }
    return sweep;
}

static uint64_t next(uint64_t *state) {  // SplitMix64
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// A double with exponent uniform in [min_exponent, max_exponent] and a uniform significand.
static double log_uniform(uint64_t *state, int min_exponent, int max_exponent, int both_signs) {
    uint64_t r = next(state);
    int e = min_exponent + (int)(r % (uint64_t)(max_exponent - min_exponent + 1));
    uint64_t s = next(state);
    double x = ldexp(1.0 + (double)(s >> 12) * 0x1p-52, e);
    return (both_signs && (r >> 63)) ? -x : x;
}

er_sweep er_sweep_double(er_function function, double (*f)(double), unsigned count, int min_exponent,
                         int max_exponent, int both_signs, unsigned long long seed) {
    er_sweep sweep = {0, 0, 0, 0};
    uint64_t state = seed;
    for (unsigned i = 0; i < count; i++) {
        double x = log_uniform(&state, min_exponent, max_exponent, both_signs);
        record(&sweep, error_double(f(x), reference(function, x, 0)), x, 0);
    }
    return sweep;
}

/// (x, y) with x^y finite and nonzero most of the time: y = t/log x, t ∈ [low, high]; every
/// other pair has an integer y and a negative x.
static void pow_arguments(uint64_t *state, int max_exponent, double low, double high, double *x, double *y) {
    *x = log_uniform(state, -max_exponent, max_exponent, 0);
    double t = low + (high - low) * (double)(next(state) >> 11) * 0x1p-53;
    *y = (double)(t / logl(*x));
    if (next(state) & 1) {
        *y = (double)llrint(*y);
        *x = -*x;
    }
}

er_sweep er_sweep_pow_double(double (*f)(double, double), unsigned count, unsigned long long seed) {
    er_sweep sweep = {0, 0, 0, 0};
    uint64_t state = seed;
    for (unsigned i = 0; i < count; i++) {
        double x, y;
        pow_arguments(&state, 1022, -745.0, 709.8, &x, &y);
        record(&sweep, error_double(f(x, y), powl(x, y)), x, y);
    }
    return sweep;
}

er_sweep er_sweep_pow_float(float (*f)(float, float), unsigned count, unsigned long long seed) {
    er_sweep sweep = {0, 0, 0, 0};
    uint64_t state = seed;
    for (unsigned i = 0; i < count; i++) {
        double x, y;
        pow_arguments(&state, 126, -103.9, 88.7, &x, &y);
        float xf = (float)x, yf = (float)y;
        record(&sweep, error_float(f(xf, yf), powl(xf, yf)), xf, yf);
    }
    return sweep;
}

static uint64_t hash_bits(uint64_t hash, uint64_t bits) {
    for (int i = 0; i < 8; i++) {
        hash ^= (bits >> (8 * i)) & 0xff;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

static uint64_t double_bits(double x) {
    uint64_t u;
    if (isnan(x)) return 0x7ff8000000000000ULL;
    memcpy(&u, &x, sizeof u);
    return u;
}

static const uint64_t fnv_offset = 0xcbf29ce484222325ULL;

unsigned long long er_checksum_float(float (*f)(float), unsigned count) {
    uint64_t hash = fnv_offset;
    uint32_t stride = (uint32_t)(0x100000000ULL / count) | 1;
    for (unsigned i = 0; i < count; i++) {
        uint32_t bits = (uint32_t)i * stride;
        float x;
        memcpy(&x, &bits, sizeof x);
        hash = hash_bits(hash, double_bits(f(x)));
    }
    return hash;
}

unsigned long long er_checksum_double(double (*f)(double), unsigned count, int min_exponent, int max_exponent,
                                      unsigned long long seed) {
    uint64_t hash = fnv_offset, state = seed;
    for (unsigned i = 0; i < count; i++) {
        hash = hash_bits(hash, double_bits(f(log_uniform(&state, min_exponent, max_exponent, 1))));
    }
    return hash;
}

unsigned long long er_checksum_pow_float(float (*f)(float, float), unsigned count, unsigned long long seed) {
    uint64_t hash = fnv_offset, state = seed;
    for (unsigned i = 0; i < count; i++) {
        double x, y;
        pow_arguments(&state, 126, -103.9, 88.7, &x, &y);
        hash = hash_bits(hash, double_bits(f((float)x, (float)y)));
    }
    return hash;
}

unsigned long long er_checksum_pow_double(double (*f)(double, double), unsigned count, unsigned long long seed) {
    uint64_t hash = fnv_offset, state = seed;
    for (unsigned i = 0; i < count; i++) {
        double x, y;
        pow_arguments(&state, 1022, -745.0, 709.8, &x, &y);
        hash = hash_bits(hash, double_bits(f(x, y)));
    }
    return hash;
}
