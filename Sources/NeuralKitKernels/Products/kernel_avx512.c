// The AVX-512 level: an 8 × 32 register tile (16 accumulators of 16 lanes), and a 16 × 16 one
// for outputs of at most 16 columns (W2's 10 classes), where the wide tile would leave most
// lanes idle. Lanes run across the tile's columns, so each element keeps its own chain of
// fused multiply-adds over p.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "tile_kernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

enum { avx512_rows = 8, avx512_columns = 32 };

__attribute__((target("avx512f,avx2,fma"))) static void avx512_tile(
    long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, int load_c) {
    __m512 acc[avx512_rows][2];
    for (int r = 0; r < avx512_rows; r++) {
        acc[r][0] = load_c ? _mm512_loadu_ps(c + r * ldc) : _mm512_setzero_ps();
        acc[r][1] = load_c ? _mm512_loadu_ps(c + r * ldc + 16) : _mm512_setzero_ps();
    }
    for (long p = 0; p < kc; p++) {
        const __m512 b0 = _mm512_loadu_ps(b + p * avx512_columns);
        const __m512 b1 = _mm512_loadu_ps(b + p * avx512_columns + 16);
        const float *column = a + p * csa;
        for (int r = 0; r < avx512_rows; r++) {
            const __m512 x = _mm512_set1_ps(column[r * rsa]);
            acc[r][0] = _mm512_fmadd_ps(x, b0, acc[r][0]);
            acc[r][1] = _mm512_fmadd_ps(x, b1, acc[r][1]);
        }
    }
    for (int r = 0; r < avx512_rows; r++) {
        _mm512_storeu_ps(c + r * ldc, acc[r][0]);
        _mm512_storeu_ps(c + r * ldc + 16, acc[r][1]);
    }
}

enum { avx512_narrow_rows = 16, avx512_narrow_columns = 16 };

__attribute__((target("avx512f,avx2,fma"))) static void avx512_narrow_tile(
    long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, int load_c) {
    __m512 acc[avx512_narrow_rows];
    for (int r = 0; r < avx512_narrow_rows; r++) acc[r] = load_c ? _mm512_loadu_ps(c + r * ldc) : _mm512_setzero_ps();
    for (long p = 0; p < kc; p++) {
        const __m512 b0 = _mm512_loadu_ps(b + p * avx512_narrow_columns);
        const float *column = a + p * csa;
        for (int r = 0; r < avx512_narrow_rows; r++) acc[r] = _mm512_fmadd_ps(_mm512_set1_ps(column[r * rsa]), b0, acc[r]);
    }
    for (int r = 0; r < avx512_narrow_rows; r++) _mm512_storeu_ps(c + r * ldc, acc[r]);
}

nk_tile nk_avx512_tile(long n) {
    nk_tile wide = {avx512_rows, avx512_columns, avx512_tile};
    nk_tile narrow = {avx512_narrow_rows, avx512_narrow_columns, avx512_narrow_tile};
    return n <= avx512_narrow_columns ? narrow : wide;
}
#else
nk_tile nk_avx512_tile(long n) { return nk_baseline_tile(); }
#endif
