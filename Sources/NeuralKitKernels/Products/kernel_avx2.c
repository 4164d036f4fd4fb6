// The AVX2 + FMA level: a 6 × 16 register tile (12 accumulators of 8 lanes). Lanes run across
// the tile's columns, so each element keeps its own chain of fused multiply-adds over p.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "tile_kernels.h"

#if defined(__x86_64__)
#include <immintrin.h>

enum { avx2_rows = 6, avx2_columns = 16 };

__attribute__((target("avx2,fma"))) static void avx2_tile(
    long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, int load_c) {
    __m256 acc[avx2_rows][2];
    for (int r = 0; r < avx2_rows; r++) {
        acc[r][0] = load_c ? _mm256_loadu_ps(c + r * ldc) : _mm256_setzero_ps();
        acc[r][1] = load_c ? _mm256_loadu_ps(c + r * ldc + 8) : _mm256_setzero_ps();
    }
    for (long p = 0; p < kc; p++) {
        const __m256 b0 = _mm256_loadu_ps(b + p * avx2_columns);
        const __m256 b1 = _mm256_loadu_ps(b + p * avx2_columns + 8);
        const float *column = a + p * csa;
        for (int r = 0; r < avx2_rows; r++) {
            const __m256 x = _mm256_broadcast_ss(column + r * rsa);
            acc[r][0] = _mm256_fmadd_ps(x, b0, acc[r][0]);
            acc[r][1] = _mm256_fmadd_ps(x, b1, acc[r][1]);
        }
    }
    for (int r = 0; r < avx2_rows; r++) {
        _mm256_storeu_ps(c + r * ldc, acc[r][0]);
        _mm256_storeu_ps(c + r * ldc + 8, acc[r][1]);
    }
}

nk_tile nk_avx2_tile(void) {
    nk_tile tile = {avx2_rows, avx2_columns, avx2_tile};
    return tile;
}
#else
nk_tile nk_avx2_tile(void) { return nk_baseline_tile(); }
#endif
