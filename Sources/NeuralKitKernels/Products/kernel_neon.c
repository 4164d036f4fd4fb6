// The NEON level (arm64): an 8 × 12 register tile (24 accumulators of 4 lanes). Lanes run
// across the tile's columns, so each element keeps its own chain of fused multiply-adds over
// p (`vfmaq_f32` rounds once, as the other levels' FMA instructions do).
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "tile_kernels.h"

#if defined(__aarch64__)
#include <arm_neon.h>

enum { neon_rows = 8, neon_columns = 12 };

static void neon_tile(long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, int load_c) {
    float32x4_t acc[neon_rows][3];
    for (int r = 0; r < neon_rows; r++) {
        for (int v = 0; v < 3; v++) acc[r][v] = load_c ? vld1q_f32(c + r * ldc + 4 * v) : vdupq_n_f32(0.0f);
    }
    for (long p = 0; p < kc; p++) {
        const float32x4_t b0 = vld1q_f32(b + p * neon_columns);
        const float32x4_t b1 = vld1q_f32(b + p * neon_columns + 4);
        const float32x4_t b2 = vld1q_f32(b + p * neon_columns + 8);
        const float *column = a + p * csa;
        for (int r = 0; r < neon_rows; r++) {
            const float32x4_t x = vdupq_n_f32(column[r * rsa]);
            acc[r][0] = vfmaq_f32(acc[r][0], x, b0);
            acc[r][1] = vfmaq_f32(acc[r][1], x, b1);
            acc[r][2] = vfmaq_f32(acc[r][2], x, b2);
        }
    }
    for (int r = 0; r < neon_rows; r++) {
        for (int v = 0; v < 3; v++) vst1q_f32(c + r * ldc + 4 * v, acc[r][v]);
    }
}

nk_tile nk_neon_tile(void) {
    nk_tile tile = {neon_rows, neon_columns, neon_tile};
    return tile;
}
#else
nk_tile nk_neon_tile(void) { return nk_baseline_tile(); }
#endif
