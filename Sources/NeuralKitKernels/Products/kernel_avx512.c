// The AVX-512 level: an 8 × 32 register tile (16 accumulators of 16 lanes). Lanes run across
// the tile's columns, so each element keeps its own chain of fused multiply-adds over p.
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

nk_tile nk_avx512_tile(void) {
    nk_tile tile = {avx512_rows, avx512_columns, avx512_tile};
    return tile;
}
#else
nk_tile nk_avx512_tile(void) { return nk_baseline_tile(); }
#endif
