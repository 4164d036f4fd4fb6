// The baseline level: portable scalar C, one fused multiply-add per element and step. It is
// compiled twice on x86-64: plainly (where `fmaf` may be a call into the C library, which
// rounds it exactly as the instruction does) and for CPUs with the FMA instruction, which is
// picked at run time. Both give the bits every other level gives; arm64 always has FMA.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "tile_kernels.h"

enum { baseline_rows = 4, baseline_columns = 8 };

/// The tile, written once and inlined into each compiled variant below.
static inline __attribute__((always_inline)) void baseline_tile_body(
    long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, int load_c) {
    float acc[baseline_rows][baseline_columns];
    for (int r = 0; r < baseline_rows; r++) {
        for (int j = 0; j < baseline_columns; j++) acc[r][j] = load_c ? c[r * ldc + j] : 0.0f;
    }
    for (long p = 0; p < kc; p++) {
        const float *row = b + p * baseline_columns;
        for (int r = 0; r < baseline_rows; r++) {
            const float x = a[r * rsa + p * csa];
            for (int j = 0; j < baseline_columns; j++) acc[r][j] = __builtin_fmaf(x, row[j], acc[r][j]);
        }
    }
    for (int r = 0; r < baseline_rows; r++) {
        for (int j = 0; j < baseline_columns; j++) c[r * ldc + j] = acc[r][j];
    }
}

/// One chain per element, in place: `acc = fma(A(i, p), B(p, j), acc)` for p ascending.
static inline __attribute__((always_inline)) void baseline_direct_body(
    long m, long n, long k, const float *a, long rsa, long csa, const float *b, long rsb, long csb, float *c,
    long ldc, int accumulate) {
    for (long i = 0; i < m; i++) {
        for (long j = 0; j < n; j++) {
            float acc = accumulate ? c[i * ldc + j] : 0.0f;
            for (long p = 0; p < k; p++) acc = __builtin_fmaf(a[i * rsa + p * csa], b[p * rsb + j * csb], acc);
            c[i * ldc + j] = acc;
        }
    }
}

static void baseline_tile_plain(
    long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, int load_c) {
    baseline_tile_body(kc, a, rsa, csa, b, c, ldc, load_c);
}

static void baseline_direct_plain(
    long m, long n, long k, const float *a, long rsa, long csa, const float *b, long rsb, long csb, float *c,
    long ldc, int accumulate) {
    baseline_direct_body(m, n, k, a, rsa, csa, b, rsb, csb, c, ldc, accumulate);
}

#if defined(__x86_64__)
__attribute__((target("fma"))) static void baseline_tile_fma(
    long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, int load_c) {
    baseline_tile_body(kc, a, rsa, csa, b, c, ldc, load_c);
}

__attribute__((target("fma"))) static void baseline_direct_fma(
    long m, long n, long k, const float *a, long rsa, long csa, const float *b, long rsb, long csb, float *c,
    long ldc, int accumulate) {
    baseline_direct_body(m, n, k, a, rsa, csa, b, rsb, csb, c, ldc, accumulate);
}

static _Thread_local int portable_only;

void nk_sgemm_baseline_portable(int on) { portable_only = on; }

static int has_fma_instruction(void) { return !portable_only && __builtin_cpu_supports("fma"); }
#else
void nk_sgemm_baseline_portable(int on) { (void)on; }

#define baseline_tile_fma baseline_tile_plain
#define baseline_direct_fma baseline_direct_plain
static int has_fma_instruction(void) { return 1; }
#endif

nk_tile nk_baseline_tile(void) {
    nk_tile tile = {baseline_rows, baseline_columns, has_fma_instruction() ? baseline_tile_fma : baseline_tile_plain};
    return tile;
}

nk_direct_kernel nk_baseline_direct(void) {
    return has_fma_instruction() ? baseline_direct_fma : baseline_direct_plain;
}
