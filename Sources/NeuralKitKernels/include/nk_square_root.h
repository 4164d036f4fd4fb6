// Square roots that compile to the processor's square-root instruction, in Swift code built
// with the toolchain's default flags.
//
// Swift's `Float.squareRoot()` is C's `__builtin_sqrtf`, and C, by default, must set errno for
// a negative argument: clang then emits a test and a libm call beside the instruction, and
// a loop holding it does not vectorize (Adam's update ran 4× slower). The element-wise
// builtin has no errno, so it is the instruction alone. IEEE-754 square roots are correctly
// rounded, so the result has the same bits as `squareRoot()` on every machine.
#ifndef NEURALKIT_SQUARE_ROOT_H
#define NEURALKIT_SQUARE_ROOT_H

/// Eight floats; Swift imports the type as `SIMD8<Float>`.
typedef float nk_float8 __attribute__((ext_vector_type(8)));

/// √x, correctly rounded; NaN for x < 0.
static inline __attribute__((always_inline)) float nk_square_root(float x) {
    return __builtin_elementwise_sqrt(x);
}

/// √x of each lane, correctly rounded.
static inline __attribute__((always_inline)) nk_float8 nk_square_root8(nk_float8 x) {
    return __builtin_elementwise_sqrt(x);
}

#endif
