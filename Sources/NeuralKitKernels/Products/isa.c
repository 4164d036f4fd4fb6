#include "nk_isa.h"

int nk_isa_is_available(nk_isa isa) {
    switch (isa) {
    case NK_ISA_BASELINE: return 1;
#if defined(__x86_64__)
    // __builtin_cpu_supports also checks that the operating system saves the wide registers.
    case NK_ISA_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    case NK_ISA_AVX512: return __builtin_cpu_supports("avx512f") && nk_isa_is_available(NK_ISA_AVX2);
#endif
#if defined(__aarch64__)
    case NK_ISA_NEON: return 1;  // Advanced SIMD is part of every arm64 CPU
#endif
    default: return 0;
    }
}

nk_isa nk_isa_best(void) {
    for (int level = NK_ISA_COUNT - 1; level > 0; level--) {
        if (nk_isa_is_available((nk_isa)level)) return (nk_isa)level;
    }
    return NK_ISA_BASELINE;
}

const char *nk_isa_name(nk_isa isa) {
    switch (isa) {
    case NK_ISA_BASELINE: return "baseline";
    case NK_ISA_AVX2: return "avx2";
    case NK_ISA_AVX512: return "avx512";
    case NK_ISA_NEON: return "neon";
    }
    return "unknown";
}
