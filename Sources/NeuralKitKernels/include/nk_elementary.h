// Elementary functions with the same bits on every machine (see Elementary/).
//
// glibc's libm picks code paths by CPU (FMA, AVX2) and so differs by 1 ULP between machines;
// these are fixed evaluations in +, −, ×, ÷ with contraction into FMA turned off, so every
// IEEE-754 machine (x86-64 at any level, arm64) computes the same bits. Float versions
// compute in double and round once (error ≤ 1 ULP); Double versions use double-double steps
// where the last bits need them (error ≤ 1 ULP). Special values follow C99 Annex F.
#ifndef NEURALKIT_ELEMENTARY_H
#define NEURALKIT_ELEMENTARY_H

/// e^x.
float nk_expf(float x);
/// log x (natural).
float nk_logf(float x);
/// log(1 + x), accurate for small x.
float nk_log1pf(float x);
/// e^x − 1, accurate for small x.
float nk_expm1f(float x);
/// tanh x.
float nk_tanhf(float x);
/// The logistic sigmoid 1/(1 + e^-x).
float nk_sigmoidf(float x);
/// softplus(x) = log(1 + e^x), without overflow for large x.
float nk_softplusf(float x);
/// The error function.
float nk_erff(float x);
/// x^y.
float nk_powf(float x, float y);
/// sin x (x in radians, any magnitude).
float nk_sinf(float x);
/// cos x (x in radians, any magnitude).
float nk_cosf(float x);

/// e^x.
double nk_exp(double x);
/// log x (natural).
double nk_log(double x);
/// log(1 + x), accurate for small x.
double nk_log1p(double x);
/// e^x − 1, accurate for small x.
double nk_expm1(double x);
/// log₂ x.
double nk_log2(double x);
/// log₁₀ x.
double nk_log10(double x);
/// x^y.
double nk_pow(double x, double y);
/// sin x (x in radians, any magnitude).
double nk_sin(double x);
/// cos x (x in radians, any magnitude).
double nk_cos(double x);
/// tanh x.
double nk_tanh(double x);
/// The error function.
double nk_erf(double x);
/// tan x (x in radians, any magnitude).
double nk_tan(double x);
/// The arc tangent, in [−π/2, π/2].
double nk_atan(double x);

#endif
