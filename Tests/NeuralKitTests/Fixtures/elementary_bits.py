#!/usr/bin/env python3
"""Records elementary_bits.txt: the exact result bits of NeuralKit's elementary functions on a
few dozen fixed arguments each, and a checksum (FNV-1a of the result bits) of each function
over 2^18 float bit patterns or 2^16 doubles spread like its accuracy sweep's (computed by the
reference target's C code). ElementaryFunctionTests checks every line, so a change of any bit (a compiler
contracting into FMA, another CPU, an edit of a coefficient) fails a test.
Re-record only on purpose, after a deliberate change of the functions:

    python3 Tests/NeuralKitTests/Fixtures/elementary_bits.py > Tests/NeuralKitTests/Fixtures/elementary_bits.txt

It compiles Sources/NeuralKitKernels/Elementary/*.c (and Tests/ElementaryReference/reference.c
for the checksums) with clang -O2 into a temporary shared
library and calls it with ctypes (the tests run the SwiftPM build, -O0 in debug: the same bits).
Lines: `function argument-bits [argument-bits] result-bits`, hexadecimal IEEE patterns. No NaN
results (their sign and payload are the CPU's choice).
"""
import ctypes
import os
import pathlib
import struct
import subprocess
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[3]
KERNELS = ROOT / "Sources" / "NeuralKitKernels"
REFERENCE = ROOT / "Tests" / "ElementaryReference"

POSITIVE = [1e-300, 2.5e-20, 1e-5, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 10.0, 100.0, 12345.678, 1e15, 1e300]
POSITIVE_F = [1e-40, 2.5e-20, 1e-5, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 10.0, 100.0, 12345.678, 1e15, 3e38]
SMALL = [1e-9, 0.001, 0.25, 0.75, 1.0, 2.0, 3.5, 8.0, 20.0]


def signed(values):
    return values + [-v for v in values]


FLOAT = {
    "expf": signed([1e-9, 0.001, 0.25, 0.75, 1.0, 2.0, 10.0, 50.0, 88.5]) + [-100.0, -103.0],
    "logf": POSITIVE_F,
    "log1pf": POSITIVE_F + [-1e-5, -0.5, -0.999],
    "expm1f": signed(SMALL + [50.0]),
    "tanhf": signed(SMALL),
    "sigmoidf": signed(SMALL + [50.0, 100.0]),
    "softplusf": signed(SMALL + [50.0, 100.0]),
    "erff": signed(SMALL),
    "sinf": signed(SMALL + [100.0, 12345.678, 1e10, 3e38]),
    "cosf": signed(SMALL + [100.0, 12345.678, 1e10, 3e38]),
}
DOUBLE = {
    "exp": signed([1e-12, 0.001, 0.25, 0.75, 1.0, 2.0, 10.0, 100.0, 700.0]) + [-720.0, -745.0],
    "log": POSITIVE + [5e-324],
    "log2": POSITIVE + [5e-324],
    "log10": POSITIVE + [5e-324],
    "log1p": POSITIVE + [-1e-12, -0.5, -0.999],
    "expm1": signed(SMALL + [100.0]),
    "tanh": signed(SMALL),
    "erf": signed(SMALL),
    "sin": signed(SMALL + [100.0, 12345.678, 1e10, 1e22, 1e300]),
    "cos": signed(SMALL + [100.0, 12345.678, 1e10, 1e22, 1e300]),
    "tan": signed(SMALL + [1.5707963267948966, 100.0, 1e22]),
    "atan": signed(SMALL + [0.5, 1.5, 1e10, 1e300]),
}
POW = [(2.0, 10.0), (2.0, 0.5), (10.0, -3.0), (0.9, 100.5), (1.0001, 5e5), (-3.0, 5.0), (-2.5, -4.0),
       (1e-10, 0.3), (123.456, 7.89), (0.5, 1000.0)]


def bits(value, is_float):
    return struct.unpack("<I", struct.pack("<f", value))[0] if is_float else struct.unpack("<Q", struct.pack("<d", value))[0]


def main():
    with tempfile.TemporaryDirectory() as folder:
        library = os.path.join(folder, "libelementary.so")
        sources = sorted(str(p) for p in (KERNELS / "Elementary").glob("*.c")) + [str(REFERENCE / "reference.c")]
        includes = ["-I", str(KERNELS / "include"), "-I", str(REFERENCE / "include")]
        subprocess.run(["clang", "-O2", "-shared", "-fPIC", *includes, *sources, "-o", library, "-lm"], check=True)
        c = ctypes.CDLL(library)
        print("# Recorded by elementary_bits.py; re-record only on purpose (see the script).")
        for table, kind in ((FLOAT, ctypes.c_float), (DOUBLE, ctypes.c_double)):
            width = 8 if kind is ctypes.c_float else 16
            for name, arguments in table.items():
                function = getattr(c, "nk_" + name)
                function.restype, function.argtypes = kind, [kind]
                for x in arguments:
                    x = kind(x).value
                    y = function(x)
                    print(f"{name} {bits(x, kind is ctypes.c_float):0{width}x} {bits(y, kind is ctypes.c_float):0{width}x}")
        for name, kind, width in (("powf", ctypes.c_float, 8), ("pow", ctypes.c_double, 16)):
            function = getattr(c, "nk_" + name)
            function.restype, function.argtypes = kind, [kind, kind]
            for x, y in POW:
                x, y = kind(x).value, kind(y).value
                f = kind is ctypes.c_float
                print(f"{name} {bits(x, f):0{width}x} {bits(y, f):0{width}x} {bits(function(x, y), f):0{width}x}")
        checksums(c)


# The argument ranges of the double sweeps in ElementaryFunctionTests (exponents of 2).
RANGES = {"exp": (-60, 10), "expm1": (-60, 10), "log": (-1074, 1023), "log2": (-1074, 1023),
          "log10": (-1074, 1023), "log1p": (-1074, 1023), "sin": (-30, 1023), "cos": (-30, 1023),
          "tan": (-30, 1023), "tanh": (-40, 6), "erf": (-40, 3), "atan": (-40, 80)}


def checksums(c):
    """`checksum function count hash` lines; the test recomputes them with the same C code."""
    u64 = ctypes.c_uint64
    unary_float = ctypes.CFUNCTYPE(ctypes.c_float, ctypes.c_float)
    unary_double = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)
    c.er_checksum_float.restype = u64
    c.er_checksum_double.restype = u64
    c.er_checksum_pow_float.restype = u64
    c.er_checksum_pow_double.restype = u64
    for name in FLOAT:
        f = ctypes.cast(getattr(c, "nk_" + name), unary_float)
        print(f"checksum {name} {1 << 18} {c.er_checksum_float(f, ctypes.c_uint(1 << 18)):016x}")
    f = ctypes.cast(c.nk_powf, ctypes.CFUNCTYPE(ctypes.c_float, ctypes.c_float, ctypes.c_float))
    print(f"checksum powf {1 << 18} {c.er_checksum_pow_float(f, ctypes.c_uint(1 << 18), u64(1)):016x}")
    for name, (low, high) in RANGES.items():
        f = ctypes.cast(getattr(c, "nk_" + name), unary_double)
        value = c.er_checksum_double(f, ctypes.c_uint(1 << 16), ctypes.c_int(low), ctypes.c_int(high), u64(7))
        print(f"checksum {name} {1 << 16} {value:016x}")
    f = ctypes.cast(c.nk_pow, ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double, ctypes.c_double))
    print(f"checksum pow {1 << 16} {c.er_checksum_pow_double(f, ctypes.c_uint(1 << 16), u64(7)):016x}")


if __name__ == "__main__":
    main()
