// NeuralKit's own numerical kernels, in C because C (unlike Swift) can compile one function
// per instruction set (`__attribute__((target(...)))`) and pick one at run time. Every kernel
// here computes with a fixed order of floating-point operations written in the code, so all
// instruction-set levels, every thread count and every machine give the same bits.
#ifndef NEURALKIT_KERNELS_H
#define NEURALKIT_KERNELS_H

#include "nk_isa.h"
#include "nk_gemm.h"
#include "nk_elementary.h"
#include "nk_square_root.h"

#endif
