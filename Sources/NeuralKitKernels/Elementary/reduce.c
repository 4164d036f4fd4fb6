#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)
// Argument reduction for sin and cos: x = k·π/2 + r, |r| ≲ π/4, r as a double-double.
#include "internal.h"
#include "tables.h"

/// Cody–Waite for |x| < 2^20: π/2 = p0 + p1 + p2 + p3 with p0…p2 of 33 bits, so k·p_i is
/// exact for |k| < 2^20; x − k·p0 is exact (Sterbenz) and the next two subtractions are kept
/// exact with TwoSum. Only k·p3 (≈ 2^-99·k) rounds, far below the last bit of r.
static int reduce_medium(double x, nk_dd *r) {
    double kd = nk_round(x * nk_two_over_pi);
    double t = x - kd * nk_pio2_parts[0];
    nk_dd s = nk_two_sum(t, -(kd * nk_pio2_parts[1]));
    nk_dd s2 = nk_two_sum(s.hi, -(kd * nk_pio2_parts[2]));
    double lo = (s.lo + s2.lo) - kd * nk_pio2_parts[3];
    *r = nk_two_sum(s2.hi, lo);
    return (int)kd;
}

/// Payne–Hanek for |x| ≥ 2^20: with x = m·2^q (m a 53-bit integer), x·2/π mod 4 only needs
/// the bits of 2/π from position q − 1 on (earlier bits give multiples of 4). A 192-bit window
/// W of them gives m·W mod 2^192 = (x·2/π mod 4)·2^190 exactly up to 2^-138, in integers.
static int reduce_huge(double x, nk_dd *r) {
    uint64_t u = nk_bits(x);
    int q = (int)((u >> 52) & 0x7ff) - 1075;
    uint64_t m = (u & 0x000fffffffffffffULL) | 0x0010000000000000ULL;
    int first = q + 62;  // bit b_(q−1) of 2/π is bit q + 62 of the padded table
    int word = first / 64, shift = first % 64;
    uint64_t w[3];  // W = w[0]·2^128 + w[1]·2^64 + w[2]
    for (int i = 0; i < 3; i++) {
        uint64_t a = nk_two_over_pi_bits[word + i], b = nk_two_over_pi_bits[word + i + 1];
        w[i] = shift ? (a << shift) | (b >> (64 - shift)) : a;
    }
    typedef unsigned __int128 u128;
    u128 p2 = (u128)m * w[2], p1 = (u128)m * w[1];
    uint64_t r0 = (uint64_t)p2;
    u128 carry = (p2 >> 64) + (uint64_t)p1;
    uint64_t r1 = (uint64_t)carry;
    uint64_t r2 = (uint64_t)(carry >> 64) + (uint64_t)(p1 >> 64) + m * w[0];
    int k = (int)(r2 >> 62);
    // The fraction as a signed 190-bit number in [−1/2, 1/2): rounding k to nearest.
    uint64_t f2 = (r2 << 2) | (r1 >> 62), f1 = (r1 << 2) | (r0 >> 62), f0 = r0 << 2;
    int negative = (int)(f2 >> 63);
    if (negative) {  // two's complement negation of the 192-bit fraction
        k += 1;
        f2 = ~f2, f1 = ~f1, f0 = ~f0;
        if (++f0 == 0 && ++f1 == 0) ++f2;
    }
    int zeros = 0;  // normalize: |fraction| ≥ 2^-62 for every double, so two words suffice
    while (f2 == 0 && zeros < 128) {
        f2 = f1, f1 = f0, f0 = 0, zeros += 64;
    }
    int lead = __builtin_clzll(f2);
    if (lead) {
        f2 = (f2 << lead) | (f1 >> (64 - lead));
        f1 = (f1 << lead) | (f0 >> (64 - lead));
    }
    zeros += lead;
    double hi = (double)(f2 >> 11) * nk_pow2(-53 - zeros);
    double lo = (double)(((f2 & 0x7ff) << 42) | (f1 >> 22)) * nk_pow2(-106 - zeros);
    nk_dd p = nk_two_prod(hi, nk_pio2_hi);
    double tail = p.lo + (hi * nk_pio2_lo + lo * nk_pio2_hi);
    if (negative) p.hi = -p.hi, tail = -tail;
    *r = nk_fast_two_sum(p.hi, tail);
    return k;
}

int nk_reduce_pio2(double x, nk_dd *r) {
    double ax = x < 0 ? -x : x;
    if (ax <= 0x1.921fb54442d18p-1) {  // |x| ≤ π/4
        *r = (nk_dd){x, 0.0};
        return 0;
    }
    if (ax < 0x1p20) return reduce_medium(x, r) & 3;
    if (ax > 0x1.fffffffffffffp1023 || x != x) {
        *r = (nk_dd){x - x, 0.0};
        return 0;
    }
    int k = reduce_huge(ax, r);
    if (x < 0) {
        k = -k;
        *r = (nk_dd){-r->hi, -r->lo};
    }
    return k & 3;
}
