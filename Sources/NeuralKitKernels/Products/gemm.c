// The product's driver: blocks of B packed into strips, A read in place, register tiles from
// the chosen level. The blocking only decides which elements are computed when; each element
// is still one chain over p in ascending order (a block of p continues from C), so no choice
// made here can change a bit.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include <stdlib.h>
#include <string.h>

#include "nk_gemm.h"
#include "tile_kernels.h"

/// Depth of a packed block of B: `depth_block × tile columns` floats stay in the L1 cache
/// while the tiles of one strip of A run over it.
enum { depth_block = 256 };
/// Columns of a packed block of B: `depth_block × column_block` floats (512 KB) fit in L2.
enum { column_block = 512 };
/// Products with at most this many multiply-adds are computed directly, without packing.
enum { direct_work = 2048 };

/// A buffer owned by the calling thread, grown when needed (threads split C between them,
/// and each packs its own blocks).
typedef struct scratch {
    float *base;
    size_t capacity;
} scratch;

static _Thread_local scratch packed_b;
static _Thread_local scratch packed_a;
static _Thread_local scratch edge_tile;
static _Thread_local int last_path;

int nk_sgemm_last_path(void) { return last_path; }

static float *reserve(scratch *buffer, size_t count) {
    if (count > buffer->capacity) {
        free(buffer->base);
        size_t bytes = (count * sizeof(float) + 63) / 64 * 64;
        buffer->base = aligned_alloc(64, bytes);
        if (!buffer->base) abort();
        buffer->capacity = count;
    }
    return buffer->base;
}

/// `isa`'s register tile for outputs `n` columns wide.
static nk_tile tile_for(nk_isa isa, long n) {
    switch (isa) {
    case NK_ISA_AVX512: return nk_avx512_tile(n);
    case NK_ISA_AVX2: return nk_avx2_tile();
    case NK_ISA_NEON: return nk_neon_tile();
    default: return nk_baseline_tile();
    }
}

long nk_sgemm_tile_rows(nk_isa isa) { return tile_for(isa, 1 << 20).rows; }

/// Copies `B(pc ..< pc + kc, jc ..< jc + nc)` into strips of `nr` columns, `kc` rows each,
/// zero-padded past column `nc`. `B(p, j) = b[p·rsb + j·csb]`.
static void pack_b(const float *b, long rsb, long csb, long pc, long kc, long jc, long nc, int nr, float *out) {
    for (long strip = 0; strip < nc; strip += nr) {
        const long width = nc - strip < nr ? nc - strip : nr;
        float *dst = out + strip * kc;
        if (csb == 1) {
            for (long p = 0; p < kc; p++) {
                const float *src = b + (pc + p) * rsb + jc + strip;
                memcpy(dst + p * nr, src, (size_t)width * sizeof(float));
                for (long j = width; j < nr; j++) dst[p * nr + j] = 0.0f;
            }
        } else {
            for (long j = 0; j < width; j++) {
                const float *src = b + (jc + strip + j) * csb + pc * rsb;
                for (long p = 0; p < kc; p++) dst[p * nr + j] = src[p * rsb];
            }
            for (long p = 0; p < kc; p++) {
                for (long j = width; j < nr; j++) dst[p * nr + j] = 0.0f;
            }
        }
    }
}

/// Copies the `mr` rows of A starting at `a` (`A(r, p) = a[r·rsa + p·csa]`) over `kc` steps
/// into `[kc][tile_rows]`, zero-padded below row `mr`: the last, partial strip of A.
static void pack_a_edge(const float *a, long rsa, long csa, long mr, long kc, int tile_rows, float *out) {
    for (long p = 0; p < kc; p++) {
        for (long r = 0; r < tile_rows; r++) out[p * tile_rows + r] = r < mr ? a[r * rsa + p * csa] : 0.0f;
    }
}

/// One tile of C; a partial one goes through a full-size copy so the kernel never reads or
/// writes outside C.
static void run_tile(
    nk_tile tile, long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, long mr,
    long nr, int load_c) {
    if (mr == tile.rows && nr == tile.columns) {
        tile.kernel(kc, a, rsa, csa, b, c, ldc, load_c);
        return;
    }
    float *copy = reserve(&edge_tile, (size_t)tile.rows * tile.columns);
    if (load_c) {
        for (long r = 0; r < mr; r++) memcpy(copy + r * tile.columns, c + r * ldc, (size_t)nr * sizeof(float));
    }
    tile.kernel(kc, a, rsa, csa, b, copy, tile.columns, load_c);
    for (long r = 0; r < mr; r++) memcpy(c + r * ldc, copy + r * tile.columns, (size_t)nr * sizeof(float));
}

/// `C = A·B` for `A(i, p) = a[i·rsa + p·csa]`, `B(p, j) = b[p·rsb + j·csb]`: packed blocks of
/// B, strips of A in place, `tile`'s register tiles.
static void tiled_product(
    nk_tile tile, long m, long n, long k, const float *a, long rsa, long csa, const float *b, long rsb, long csb,
    float *c, long ldc, int accumulate) {
    const long mr = tile.rows, nr = tile.columns;
    for (long jc = 0; jc < n; jc += column_block) {
        const long nc = n - jc < column_block ? n - jc : column_block;
        const long strips = (nc + nr - 1) / nr;
        for (long pc = 0; pc < k; pc += depth_block) {
            const long kc = k - pc < depth_block ? k - pc : depth_block;
            float *bp = reserve(&packed_b, (size_t)(strips * nr * kc));
            pack_b(b, rsb, csb, pc, kc, jc, nc, (int)nr, bp);
            const int load_c = accumulate || pc > 0;
            for (long ic = 0; ic < m; ic += mr) {
                const long rows = m - ic < mr ? m - ic : mr;
                const float *as = a + ic * rsa + pc * csa;
                long strip_rsa = rsa, strip_csa = csa;
                if (rows < mr) {
                    float *ap = reserve(&packed_a, (size_t)(mr * kc));
                    pack_a_edge(as, rsa, csa, rows, kc, (int)mr, ap);
                    as = ap, strip_rsa = 1, strip_csa = mr;
                }
                for (long strip = 0; strip < strips; strip++) {
                    const long jr = strip * nr;
                    const long columns = nc - jr < nr ? nc - jr : nr;
                    run_tile(
                        tile, kc, as, strip_rsa, strip_csa, bp + jr * kc, c + ic * ldc + jc + jr, ldc, rows, columns,
                        load_c);
                }
            }
        }
    }
}

void nk_sgemm(
    nk_isa isa, int transpose_a, int transpose_b, long m, long n, long k, const float *a, long lda,
    const float *b, long ldb, float *c, long ldc, int accumulate) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
        if (!accumulate) {
            for (long i = 0; i < m; i++) memset(c + i * ldc, 0, (size_t)n * sizeof(float));
        }
        return;
    }
    // Strides of A(i, p) and B(p, j) in memory.
    const long rsa = transpose_a ? 1 : lda, csa = transpose_a ? lda : 1;
    const long rsb = transpose_b ? 1 : ldb, csb = transpose_b ? ldb : 1;
    if (m * n * k <= direct_work) {
        nk_baseline_direct()(m, n, k, a, rsa, csa, b, rsb, csb, c, ldc, accumulate);
        last_path = NK_GEMM_DIRECT;
        return;
    }
    const nk_tile tile = tile_for(isa, n);
    tiled_product(tile, m, n, k, a, rsa, csa, b, rsb, csb, c, ldc, accumulate);
    last_path = NK_GEMM_TILED + NK_GEMM_LEVEL_UNIT * (int)isa;
}
