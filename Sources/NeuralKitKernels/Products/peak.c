// The CPU's peak rate of fused multiply-adds at each level, for the benchmark's "fraction of
// peak": 16 independent chains of vector FMAs, enough to hide the instruction's latency.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include "nk_gemm.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx512f,avx2,fma"))) static float peak_avx512(long steps) {
    __m512 acc[16];
    const __m512 x = _mm512_set1_ps(0.999f), y = _mm512_set1_ps(0.001f);
    for (int i = 0; i < 16; i++) acc[i] = _mm512_set1_ps((float)i);
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < 16; i++) acc[i] = _mm512_fmadd_ps(acc[i], x, y);
    }
    __m512 sum = acc[0];
    for (int i = 1; i < 16; i++) sum = _mm512_add_ps(sum, acc[i]);
    return _mm512_reduce_add_ps(sum);
}

__attribute__((target("avx2,fma"))) static float peak_avx2(long steps) {
    __m256 acc[12];
    const __m256 x = _mm256_set1_ps(0.999f), y = _mm256_set1_ps(0.001f);
    for (int i = 0; i < 12; i++) acc[i] = _mm256_set1_ps((float)i);
    for (long s = 0; s < steps; s++) {
        for (int i = 0; i < 12; i++) acc[i] = _mm256_fmadd_ps(acc[i], x, y);
    }
    float out[8];
    __m256 sum = acc[0];
    for (int i = 1; i < 12; i++) sum = _mm256_add_ps(sum, acc[i]);
    _mm256_storeu_ps(out, sum);
    return out[0];
}
#endif

/// Runs `steps` rounds of independent FMAs at `isa` and returns the floating-point operations
/// done (2 per lane and FMA); time the call to get the peak rate. `*sink` keeps the result.
double nk_fma_peak_work(nk_isa isa, long steps, float *sink) {
    switch (isa) {
#if defined(__x86_64__)
    case NK_ISA_AVX512: *sink = peak_avx512(steps); return 2.0 * 16 * 16 * (double)steps;
    case NK_ISA_AVX2: *sink = peak_avx2(steps); return 2.0 * 12 * 8 * (double)steps;
#endif
    default: {
        float acc[8] = {0, 1, 2, 3, 4, 5, 6, 7};
        for (long s = 0; s < steps; s++) {
            for (int i = 0; i < 8; i++) acc[i] = __builtin_fmaf(acc[i], 0.999f, 0.001f);
        }
        *sink = acc[0] + acc[7];
        return 2.0 * 8 * (double)steps;
    }
    }
}
