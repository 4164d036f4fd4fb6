// The register-tile kernels each instruction-set level provides to the product's driver
// (gemm.c). Private to the C target.
#ifndef NEURALKIT_TILE_KERNELS_H
#define NEURALKIT_TILE_KERNELS_H

/// Computes an `mr × nr` tile of C (the kernel's fixed shape) over `kc` steps of the depth:
///
///     acc[r][j] = load_c ? c[r·ldc + j] : +0
///     for p in 0 ..< kc:  acc[r][j] = fma(a[r·rsa + p·csa], b[p·nr + j], acc[r][j])
///     c[r·ldc + j] = acc[r][j]
///
/// `a` is read in place through its row and depth strides; `b` is a packed strip, `kc` rows
/// of `nr` floats (zero-padded past the matrix's last column).
typedef void (*nk_tile_kernel)(
    long kc, const float *a, long rsa, long csa, const float *b, float *c, long ldc, int load_c);

/// A kernel and its tile shape.
typedef struct nk_tile {
    int rows;     ///< mr
    int columns;  ///< nr
    nk_tile_kernel kernel;
} nk_tile;

/// Computes `c[i·ldc + j]` for `i < m`, `j < n` directly, one scalar chain per element, with
/// `A(i, p) = a[i·rsa + p·csa]` and `B(p, j) = b[p·rsb + j·csb]`: for products too small to
/// pay for packing. The same chain as the tiles.
typedef void (*nk_direct_kernel)(
    long m, long n, long k, const float *a, long rsa, long csa, const float *b, long rsb, long csb, float *c,
    long ldc, int accumulate);

nk_tile nk_baseline_tile(void);
nk_direct_kernel nk_baseline_direct(void);
nk_tile nk_avx2_tile(void);
nk_tile nk_neon_tile(void);
/// The AVX-512 tile for outputs `n` columns wide.
nk_tile nk_avx512_tile(long n);

#endif
