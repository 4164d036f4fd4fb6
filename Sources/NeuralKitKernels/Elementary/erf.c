#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// The error function erf x = (2/√π)∫₀ˣ e^(−t²) dt, for Double and Float.
#include "internal.h"
#include "nk_elementary.h"
#include "tables.h"

/// erf x, error < 0.6 ULP. Three ranges of |x|:
/// - below 0.75: erf x = x + x·Q(x²), Q a degree-12 fit of erf(x)/x − 1 (|Q| ≤ 0.13, so
///   the last addition's rounding dominates);
/// - 0.75 to 6.25: erf x = 1 − erfc x, erfc from a degree-15 fit of erfc(c + t) on one of 11
///   pieces of width 1/2 centred at c = 1, 1.5, …, 6 (|t| ≤ 1/4, error < 2^-57 absolute,
///   where erf's ULP is 2^-53);
/// - beyond: ±1 (erfc 5.93 < 2^-54).
double nk_erf(double x) {
    if (x != x) return x + x;
    double a = x < 0 ? -x : x;
    if (a < 0.75) return x + x * nk_horner(nk_erf_small, 13, x * x);
    double result = 1.0;
    if (a < 6.25) {
        int i = (int)((a - 0.75) * 2.0);  // exact: a − 0.75 is a multiple of ulp(a)
        double t = (a - 0.75) - (0.5 * i + 0.25);
        result = 1.0 - nk_horner(nk_erfc_pieces + i * (NK_ERFC_DEGREE + 1), NK_ERFC_DEGREE + 1, t);
    }
    return x < 0 ? -result : result;
}

/// erf x for Float: the double erf rounded once to float.
float nk_erff(float x) { return (float)nk_erf(x); }
