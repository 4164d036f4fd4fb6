// NeuralKit's float32 matrix product with one fixed order of operations.
#ifndef NEURALKIT_GEMM_H
#define NEURALKIT_GEMM_H

#include "nk_isa.h"

/// `C = op(A)·op(B)` (or `C += …` when `accumulate`), row-major, where `op(A)` is `m × k` and
/// `op(B)` is `k × n`; `op` transposes when asked, so `A` is stored `k × m` when `transpose_a`.
/// `lda`, `ldb`, `ldc` are the row strides of the stored matrices, so a block of a larger
/// matrix is passed by its first element and its parent's stride.
///
/// Every element is one chain of fused multiply-adds over `k` in ascending order,
///
///     acc = accumulate ? C[i][j] : +0;  for p in 0 ..< k: acc = fma(op(A)[i][p], op(B)[p][j], acc)
///
/// whatever the level, the blocking, the tile and the thread that computes it: vector lanes
/// run across `j`, never across `p`, and a block of `k` continues the chain from the value
/// left in `C`. So every `isa` gives identical bits, and so does any split of `C` into blocks
/// computed by different threads. `m`, `n` or `k` may be 0 (then `C` gets `+0`s or stays).
void nk_sgemm(
    nk_isa isa, int transpose_a, int transpose_b, long m, long n, long k, const float *a, long lda,
    const float *b, long ldb, float *c, long ldc, int accumulate);

/// The row count of `isa`'s register tile: splitting `C` between threads at multiples of it
/// wastes no work (any split gives the same bits).
long nk_sgemm_tile_rows(nk_isa isa);

/// How the calling thread's last `nk_sgemm` computed its product, for tests that must show
/// which path ran: `NK_GEMM_DIRECT` (one scalar chain per element, for small products) or
/// `NK_GEMM_TILED` (packed register tiles) plus `NK_GEMM_LEVEL_UNIT ×` the level whose tiles ran.
enum { NK_GEMM_DIRECT = 0, NK_GEMM_TILED = 1, NK_GEMM_LEVEL_UNIT = 4 };
int nk_sgemm_last_path(void);

/// For tests, on the calling thread: with `on`, the baseline level and the small-product path
/// use their portable variant (`fmaf` from the C library, as on a CPU without the FMA
/// instruction) even where the CPU has the instruction.
void nk_sgemm_baseline_portable(int on);

/// Runs `steps` rounds of independent fused multiply-adds at `isa` and returns the
/// floating-point operations done: the benchmark times it for the CPU's peak rate.
double nk_fma_peak_work(nk_isa isa, long steps, float *sink);

#endif
