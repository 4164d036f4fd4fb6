import NeuralKit
import Testing

/// The special values of C99 Annex F and the exact cases, for `Elementary`'s Float and Double
/// functions: NaN in gives NaN out, signed zeros keep their sign where the function is odd,
/// overflow gives ∞, underflow 0, and the results that are exact numbers are exact.
@Suite struct ElementaryFunctionSpecialValueTests {
    typealias E = Elementary
    static let inf = Double.infinity
    static let nan = Double.nan

    /// `actual` is the same Double as `expected`: bit for bit (so −0 ≠ +0), or both NaN.
    func same(_ actual: Double, _ expected: Double, _ label: String) {
        let equal = actual.isNaN ? expected.isNaN : actual.bitPattern == expected.bitPattern
        #expect(equal, "\(label): \(actual), expected \(expected)")
    }

    func same(_ actual: Float, _ expected: Float, _ label: String) {
        same(Double(actual), Double(expected), label)
    }

    @Test func exponentialsHandleInfinitiesZerosAndThresholds() {
        let (inf, nan) = (Self.inf, Self.nan)
        same(E.exp(0.0), 1, "exp(0)")
        same(E.exp(-0.0), 1, "exp(-0)")
        same(E.exp(inf), inf, "exp(∞)")
        same(E.exp(-inf), 0, "exp(-∞)")
        same(E.exp(nan), nan, "exp(NaN)")
        same(E.exp(709.79), inf, "exp overflow")
        same(E.exp(-745.14), 0, "exp underflow")
        same(E.exp(-745.13), 0x1p-1074, "exp to the least subnormal")
        same(E.expm1(-0.0), -0.0, "expm1(-0)")
        same(E.expm1(-inf), -1, "expm1(-∞)")
        same(E.expm1(inf), inf, "expm1(∞)")
        same(E.expm1(0x1p-1074), 0x1p-1074, "expm1(subnormal)")
        same(E.exp(Float(0)), 1, "expf(0)")
        same(E.exp(Float.infinity), .infinity, "expf(∞)")
        same(E.exp(-Float.infinity), 0, "expf(-∞)")
        same(E.exp(Float(89)), .infinity, "expf overflow")
        same(E.exp(Float(-104)), 0, "expf underflow")
        same(E.exp(Float(-103)), Float(1.3336e-45), "expf subnormal")
        same(E.expm1(-Float(0)), -Float(0), "expm1f(-0)")
        same(E.expm1(-Float.infinity), -1, "expm1f(-∞)")
        same(E.exp(Float.nan), .nan, "expf(NaN)")
    }

    @Test func logarithmsHandleTheirDomainAndExactCases() {
        let (inf, nan) = (Self.inf, Self.nan)
        same(E.log(1.0), 0, "log(1)")
        same(E.log(0.0), -inf, "log(0)")
        same(E.log(-0.0), -inf, "log(-0)")
        same(E.log(-1.0), nan, "log(-1)")
        same(E.log(inf), inf, "log(∞)")
        same(E.log(-inf), nan, "log(-∞)")
        same(E.log(nan), nan, "log(NaN)")
        same(E.log(0x1p-1074), -744.4400719213812, "log(least subnormal)")
        same(E.log2(1024.0), 10, "log2(1024)")
        same(E.log2(0x1p-1074), -1074, "log2(2^-1074)")
        same(E.log10(1000.0), 3, "log10(1000)")
        same(E.log10(1e-5), -5, "log10(1e-5)")
        same(E.log1p(-1.0), -inf, "log1p(-1)")
        same(E.log1p(-2.0), nan, "log1p(-2)")
        same(E.log1p(-0.0), -0.0, "log1p(-0)")
        same(E.log1p(0x1p-60), 0x1p-60, "log1p(tiny)")
        same(E.log(Float(1)), 0, "logf(1)")
        same(E.log(Float(0)), -.infinity, "logf(0)")
        same(E.log(Float(-1)), .nan, "logf(-1)")
        same(E.log(Float.infinity), .infinity, "logf(∞)")
        same(E.log1p(Float(-1)), -.infinity, "log1pf(-1)")
        same(E.log1p(-Float(0)), -Float(0), "log1pf(-0)")
        same(E.log1p(Float.infinity), .infinity, "log1pf(∞)")
    }

    @Test func powerFollowsAnnexF() {
        let (inf, nan) = (Self.inf, Self.nan)
        same(E.pow(nan, 0.0), 1, "pow(NaN, 0)")
        same(E.pow(1.0, nan), 1, "pow(1, NaN)")
        same(E.pow(2.0, nan), nan, "pow(2, NaN)")
        same(E.pow(2.0, 10.0), 1024, "pow(2, 10)")
        same(E.pow(10.0, 3.0), 1000, "pow(10, 3)")
        same(E.pow(3.0, 2.0), 9, "pow(3, 2)")
        same(E.pow(-2.0, 3.0), -8, "pow(-2, 3)")
        same(E.pow(-2.0, 0.5), nan, "pow(-2, 0.5)")
        same(E.pow(0.0, -1.0), inf, "pow(0, -1)")
        same(E.pow(-0.0, -1.0), -inf, "pow(-0, -1)")
        same(E.pow(-0.0, 3.0), -0.0, "pow(-0, 3)")
        same(E.pow(-0.0, 2.0), 0, "pow(-0, 2)")
        same(E.pow(inf, -1.0), 0, "pow(∞, -1)")
        same(E.pow(-inf, 3.0), -inf, "pow(-∞, 3)")
        same(E.pow(-inf, -3.0), -0.0, "pow(-∞, -3)")
        same(E.pow(0.5, inf), 0, "pow(0.5, ∞)")
        same(E.pow(2.0, -inf), 0, "pow(2, -∞)")
        same(E.pow(-1.0, inf), 1, "pow(-1, ∞)")
        same(E.pow(2.0, 1024.0), inf, "pow overflow")
        same(E.pow(2.0, -1075.0), 0, "pow underflow")
        same(E.pow(2.0, -1074.0), 0x1p-1074, "pow(2, -1074)")
        same(E.pow(Float(2), 10), 1024, "powf(2, 10)")
        same(E.pow(Float(-2), 3), -8, "powf(-2, 3)")
        same(E.pow(Float(5), 0), 1, "powf(5, 0)")
        same(E.pow(Float.nan, 0), 1, "powf(NaN, 0)")
        same(E.pow(Float(-2), 0.5), .nan, "powf(-2, 0.5)")
        same(E.pow(Float(2), 200), .infinity, "powf overflow")
        same(E.pow(Float(2), -200), 0, "powf underflow")
        same(E.pow(Float(0.9), 1), Float(0.9), "powf(x, 1)")
    }

    /// 10ᵏ and log₁₀ 10ᵏ over the whole double range (chart ticks and labels rely on them): pow
    /// gives the double nearest 10ᵏ and log10 gives k back exactly.
    @Test func powersOfTenAreExactBothWays() throws {
        for k in -307...308 {
            let ten = try #require(Double("1e\(k)"))
            #expect(E.pow(10.0, Double(k)) == ten, "pow(10, \(k))")
            #expect(E.log10(ten) == Double(k), "log10(1e\(k))")
        }
    }

    @Test func trigonometryAndActivationsHandleSpecialValues() {
        let (inf, nan) = (Self.inf, Self.nan)
        same(E.sin(-0.0), -0.0, "sin(-0)")
        same(E.sin(inf), nan, "sin(∞)")
        same(E.sin(Double.pi), 1.2246467991473532e-16, "sin(π)")
        same(E.cos(0.0), 1, "cos(0)")
        same(E.cos(-inf), nan, "cos(-∞)")
        same(E.cos(nan), nan, "cos(NaN)")
        same(E.sin(-Float(0)), -Float(0), "sinf(-0)")
        same(E.cos(Float.infinity), .nan, "cosf(∞)")
        same(E.tan(-0.0), -0.0, "tan(-0)")
        same(E.tan(inf), nan, "tan(∞)")
        same(E.tan(0.0), 0, "tan(0)")
        same(E.atan(inf), Double.pi / 2, "atan(∞)")
        same(E.atan(-inf), -Double.pi / 2, "atan(-∞)")
        same(E.atan(1.0), Double.pi / 4, "atan(1)")
        same(E.atan(-0.0), -0.0, "atan(-0)")
        same(E.atan(nan), nan, "atan(NaN)")
        same(E.tanh(inf), 1, "tanh(∞)")
        same(E.tanh(-inf), -1, "tanh(-∞)")
        same(E.tanh(-0.0), -0.0, "tanh(-0)")
        same(E.erf(inf), 1, "erf(∞)")
        same(E.erf(-inf), -1, "erf(-∞)")
        same(E.erf(-0.0), -0.0, "erf(-0)")
        same(E.tanh(-Float.infinity), -1, "tanhf(-∞)")
        same(E.tanh(-Float(0)), -Float(0), "tanhf(-0)")
        same(E.erf(Float.infinity), 1, "erff(∞)")
        same(E.sigmoid(Float(0)), 0.5, "σ(0)")
        same(E.sigmoid(Float.infinity), 1, "σ(∞)")
        same(E.sigmoid(-Float.infinity), 0, "σ(-∞)")
        same(E.sigmoid(Float.nan), .nan, "σ(NaN)")
        same(E.softplus(Float.infinity), .infinity, "softplus(∞)")
        same(E.softplus(-Float.infinity), 0, "softplus(-∞)")
        same(E.softplus(Float(0)), Float(0.6931472), "softplus(0) = ln 2")
        same(E.softplus(Float(1000)), 1000, "softplus(1000)")
    }
}
