// The oracle for NeuralKit's elementary functions: libm's long double functions (64-bit
// significand on x86-64, 113-bit on arm64 Linux: 11 or more bits beyond double), and the
// error of a result in ULPs of its own type. Also the sweeps, in C so that a debug build
// of the tests still checks millions of arguments in a few seconds.
#ifndef ELEMENTARY_REFERENCE_H
#define ELEMENTARY_REFERENCE_H

typedef enum er_function {
    ER_EXP, ER_LOG, ER_LOG1P, ER_EXPM1, ER_LOG2, ER_LOG10, ER_SIN, ER_COS, ER_TANH, ER_ERF,
    ER_SIGMOID, ER_SOFTPLUS, ER_POW, ER_TAN, ER_ATAN,
} er_function;

/// The error of `result` = f(x, y) in ULPs of double: |result − exact| / ulp(exact), exact
/// from libm's long double function (0 when both are the same infinity or NaN; +∞ when one is
/// NaN or infinite and the other is not). y is used by ER_POW only. (No long double in this
/// interface: Swift imports it only where it is Float80.)
double er_ulp_error_double(er_function function, double x, double y, double result);

/// The same for a float result, in ULPs of float.
double er_ulp_error_float(er_function function, float x, float y, float result);

/// A sweep's outcome: how many arguments, the largest error and where it occurred.
typedef struct er_sweep {
    long samples;
    double max_ulp;
    double argument, argument2;
} er_sweep;

/// Every float whose bit pattern is i·stride (mod 2^32), i < count, stride odd near 2^32/count.
er_sweep er_sweep_float(er_function function, float (*f)(float), unsigned count);

/// count pseudo-random doubles, log-uniform: exponents in [min_exponent, max_exponent],
/// uniform significand, negative too when both_signs. Deterministic for a seed.
er_sweep er_sweep_double(
    er_function function, double (*f)(double), unsigned count, int min_exponent, int max_exponent,
    int both_signs, unsigned long long seed);

/// pow: x log-uniform over all positive doubles (or floats), y = t/log x with t uniform in
/// the exponent range that gives finite results, half of them with integer y and negative x.
er_sweep er_sweep_pow_double(double (*f)(double, double), unsigned count, unsigned long long seed);
er_sweep er_sweep_pow_float(float (*f)(float, float), unsigned count, unsigned long long seed);

/// A 64-bit hash (FNV-1a) of the result bits on the float sweep's arguments (NaNs counted as
/// one canonical NaN, since their sign and payload are the CPU's choice): one number that
/// changes when any of `count` results changes by a bit.
unsigned long long er_checksum_float(float (*f)(float), unsigned count);

/// The same over a double sweep's arguments (exponents in [min_exponent, max_exponent], both signs).
unsigned long long er_checksum_double(
    double (*f)(double), unsigned count, int min_exponent, int max_exponent, unsigned long long seed);

/// The same over the pow sweeps' argument pairs.
unsigned long long er_checksum_pow_float(float (*f)(float, float), unsigned count, unsigned long long seed);
unsigned long long er_checksum_pow_double(double (*f)(double, double), unsigned count, unsigned long long seed);

#endif
