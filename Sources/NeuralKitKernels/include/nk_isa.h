// The instruction-set levels NeuralKit's kernels are written for. Every level computes the
// same bits; a higher level only computes them faster.
#ifndef NEURALKIT_ISA_H
#define NEURALKIT_ISA_H

/// A kernel level. `NK_ISA_BASELINE` is portable C (one scalar fused multiply-add at a time)
/// and runs everywhere; the others need the CPU features in their names.
typedef enum nk_isa {
    NK_ISA_BASELINE = 0,
    NK_ISA_AVX2 = 1,    ///< x86-64 AVX2 + FMA (8 lanes)
    NK_ISA_AVX512 = 2,  ///< x86-64 AVX-512F (16 lanes)
    NK_ISA_NEON = 3,    ///< arm64 Advanced SIMD (4 lanes)
} nk_isa;

/// The number of levels (one past the last).
#define NK_ISA_COUNT 4

/// Whether this CPU (and its operating system) can run `isa`'s kernels.
int nk_isa_is_available(nk_isa isa);

/// The fastest level this CPU runs.
nk_isa nk_isa_best(void);

/// The level's name as `NEURALKIT_ISA` spells it: "baseline", "avx2", "avx512", "neon".
const char *nk_isa_name(nk_isa isa);

#endif
