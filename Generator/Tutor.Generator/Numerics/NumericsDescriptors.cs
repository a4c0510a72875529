using Microsoft.CodeAnalysis;
using static Tutor.Generator.Numerics.NumericsRuleIds;

namespace Tutor.Generator.Numerics
{
    /// <summary>
    /// The NUM descriptors. Warning where the naive form returns NaN or ±∞ on ordinary inputs, Info where it only
    /// loses accuracy, Hidden for the rules that change a convention (kind S) and for the noisiest gradient hazard.
    /// Every message names the failing input with the user's own operands and the rewrite the fix applies.
    /// </summary>
    internal static class NumericsDescriptors
    {
        public const string Category = "Numerics";
        const string HelpBase = "https://github.com/tutor-autograd/tutor/blob/main/docs/rules/";

        static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true,
                description: null, helpLinkUri: HelpBase + id + ".md");

        static DiagnosticDescriptor Warning(string id, string title, string message) => Create(id, DiagnosticSeverity.Warning, title, message);
        static DiagnosticDescriptor Info(string id, string title, string message) => Create(id, DiagnosticSeverity.Info, title, message);
        static DiagnosticDescriptor Hidden(string id, string title, string message) => Create(id, DiagnosticSeverity.Hidden, title, message);

        public static readonly DiagnosticDescriptor LogOfSoftmaxRatioRule = Warning(LogOfSoftmaxRatio,
            "Log of a softmax ratio overflows",
            "Log of a softmax ratio overflows: at {0} = 0, {1} = 800 this returns −∞ instead of −800 (and NaN at {0} = {1} = 1000); use {2}");

        public static readonly DiagnosticDescriptor LogOfSumOfExpsRule = Warning(LogOfSumOfExps,
            "Log of a sum of exponentials overflows",
            "Log of a sum of exponentials overflows: at {0} = 1000 this returns ∞ instead of 1000.693… (−∞ instead of −999.307… at −1000); use {1}");

        public static readonly DiagnosticDescriptor LogOfExpSumRule = Warning(LogOfExpSum,
            "Log-sum-exp without the maximum shift overflows",
            "Log of Σ Exp({0}) overflows: for [1000, 1001, 1002] this returns ∞ instead of 1002.4076059644444; subtract the maximum first{1}");

        public static readonly DiagnosticDescriptor SoftmaxWithoutShiftRule = Warning(SoftmaxWithoutShift,
            "Softmax without the maximum shift overflows",
            "{0} does not subtract the maximum: for [1000, 1001] it returns NaN (∞/∞) instead of 0.7310585786300049{1}");

        public static readonly DiagnosticDescriptor LogOfSoftmaxRule = Warning(LogOfSoftmax,
            "Log of a softmax (cross-entropy) overflows",
            "Log of a softmax overflows: for [0, 800] this returns −∞ instead of −800 (a cross-entropy of ∞ instead of 800); use x_i − LogSumExp(x){0}");

        public static readonly DiagnosticDescriptor NaiveSoftplusRule = Warning(NaiveSoftplus,
            "Softplus written as Log(1 + Exp(x)) overflows",
            "Log(1 + Exp({0})) overflows: at {0} = 800 it returns ∞ instead of 800, and at {0} = −40 it returns 0 instead of 4.25e−18; use {1}");

        public static readonly DiagnosticDescriptor SigmoidRatioRule = Warning(SigmoidRatio,
            "Sigmoid written as Exp(x)/(1 + Exp(x)) overflows",
            "Exp({0})/(1 + Exp({0})) is NaN (∞/∞) at {0} = 800 instead of 1; use {1}");

        public static readonly DiagnosticDescriptor LogOfSigmoidRule = Warning(LogOfSigmoid,
            "Log of a sigmoid underflows",
            "Log of the sigmoid of {0} returns −∞ at {0} = −800 instead of −800 (and 0 instead of −4.25e−18 at 40); use {1}");

        public static readonly DiagnosticDescriptor OneMinusSigmoidRule = Info(OneMinusSigmoid,
            "1 − sigmoid cancels",
            "1 − σ({0}) cancels: at {0} = 40 it returns 0 instead of 4.248354255291589e−18; use {1}");

        public static readonly DiagnosticDescriptor BinaryCrossEntropyRule = Warning(BinaryCrossEntropy,
            "Binary cross-entropy through a sigmoid overflows",
            "Binary cross-entropy through p = σ({0}) returns ∞ at {0} = 40, {1} = 0 instead of 40 (and at {0} = −800, {1} = 1 instead of 800); use {2}");

        public static readonly DiagnosticDescriptor LogOnePlusRule = Info(LogOnePlus,
            "Log(1 + x) loses the digits of small x",
            "Log(1 + {0}) loses the digits of small {0}: at {0} = 1e−20 it returns 0 instead of 1e−20 (at 1e−15, 1.11e−15); use {1}");

        public static readonly DiagnosticDescriptor ExpMinusOneRule = Info(ExpMinusOne,
            "Exp(x) − 1 loses the digits of small x",
            "Exp({0}) − 1 cancels: at {0} = 1e−10 it returns 1.000000082740371e−10 (29 bits wrong), at 1e−20 it returns 0; use {1}");

        public static readonly DiagnosticDescriptor LogOneMinusRule = Info(LogOneMinus,
            "Log(1 − x) loses the digits of small x",
            "Log(1 − {0}) loses the digits of small {0}: at {0} = 1e−20 it returns 0 instead of −1e−20; use {1}");

        public static readonly DiagnosticDescriptor ExpMinusOneOverXRule = Info(ExpMinusOneOverX,
            "(Exp(x) − 1)/x cancels",
            "(Exp({0}) − 1)/{0} cancels: at {0} = 1e−15 it returns 1.1102230246251565 instead of 1.0000000000000004; use {1}");

        public static readonly DiagnosticDescriptor LogOneMinusExpRule = Warning(LogOneMinusExp,
            "Log(1 − Exp(−a)) underflows for small a",
            "Log(1 − Exp(−{0})) returns −∞ at {0} = 1e−20 instead of −46.051701859880914; use {1}");

        public static readonly DiagnosticDescriptor PowOnePlusRule = Info(PowOnePlus,
            "Pow(1 + r, n) loses the digits of small r",
            "Pow(1 + {0}, {1}) rounds 1 + {0} first: at {0} = 1e−12, {1} = 1e12 it returns 2.7185234960372378 instead of 2.718281828457686; use {2}");

        public static readonly DiagnosticDescriptor NaiveHypotRule = Warning(NaiveHypot,
            "Sqrt(x*x + y*y) overflows and underflows",
            "Sqrt({0}² + {1}²) overflows: at {0} = {1} = 1e200 it returns ∞ instead of 1.414213562373095e200 (and 0 at 3e−200, 4e−200); use {2}");

        public static readonly DiagnosticDescriptor LogCoshRule = Warning(LogCosh,
            "Log(Cosh(x)) overflows",
            "Log(Cosh({0})) overflows: at {0} = 800 it returns ∞ instead of 799.3068528194401; use {1}");

        public static readonly DiagnosticDescriptor HandWrittenHyperbolicRule = Warning(HandWrittenHyperbolic,
            "Hyperbolic function written with Exp",
            "{0} written with Exp {1}; use {2}");

        public static readonly DiagnosticDescriptor HandWrittenInverseHyperbolicRule = Warning(HandWrittenInverseHyperbolic,
            "Inverse hyperbolic function written with Log and Sqrt",
            "{0} written as Log({1} + Sqrt(…)) {2}; use {3}");

        public static readonly DiagnosticDescriptor LogOfExpRule = Warning(LogOfExp,
            "Log(Exp(x)) overflows",
            "Log(Exp({0})) is {0} in exact arithmetic but returns ∞ at {0} = 800; use {0}");

        public static readonly DiagnosticDescriptor OneMinusCosRule = Info(OneMinusCos,
            "1 − Cos(x) cancels",
            "1 − Cos({0}) cancels: at {0} = 1e−8 it returns 0 instead of 5e−17; use {1}");

        public static readonly DiagnosticDescriptor SqrtDifferenceRule = Info(SqrtDifference,
            "Difference of square roots cancels",
            "Sqrt({0}) − Sqrt({1}) cancels when they are close: at {1} = 1e16 ({0} = {1} + 1) it returns 0 instead of 5e−9; use {2}");

        public static readonly DiagnosticDescriptor QuadraticFormulaRule = Info(QuadraticFormula,
            "Textbook quadratic formula cancels",
            "(−{0} + Sqrt({0}² − 4{1}{2}))/(2{1}) cancels when {0}² ≫ 4{1}{2}: at {1} = 1, {0} = 1e8, {2} = 1 it returns −7.450580596923828e−9 instead of −1e−8; use {3}");

        public static readonly DiagnosticDescriptor ReciprocalDifferenceRule = Info(ReciprocalDifference,
            "Difference of reciprocals cancels",
            "1/{0} − 1/({0} + {1}) cancels: at {0} = 1e8 it returns 1.0000000003187713e−16 instead of 9.999999900000002e−17; use {2}");

        public static readonly DiagnosticDescriptor DifferenceOfSquaresRule = Warning(DifferenceOfSquares,
            "Difference of squares overflows",
            "{0}² − {1}² overflows: at {0} = 1.5e154, {1} = 1.4999999999e154 it returns NaN (∞ − ∞) instead of 3.000001738142645e298; use {2}");

        public static readonly DiagnosticDescriptor NaiveVarianceRule = Info(NaiveVariance,
            "Variance as mean of squares minus square of mean cancels",
            "Σx²/n − mean² cancels: for {{1e9+4, 1e9+7, 1e9+13, 1e9+16}} it returns −170.67 instead of 22.5 (a negative variance){0}");

        public static readonly DiagnosticDescriptor NaiveMidpointRule = Warning(NaiveMidpoint,
            "Midpoint (a + b)/2 overflows",
            "({0} + {1})/2 overflows: at {0} = {1} = 1e308 it returns ∞ instead of 1e308; use {2}");

        public static readonly DiagnosticDescriptor XLogYRule = Hidden(XLogY,
            "x·Log(y) is NaN at x = 0, y = 0",
            "{0}·Log({1}) is NaN at {0} = {1} = 0 (0·(−∞)); entropy terms use the convention 0·log 0 = 0: write {0} == 0 ? 0 : {0}·Log({1})");

        public static readonly DiagnosticDescriptor AtanOfRatioRule = Hidden(AtanOfRatio,
            "Atan(y/x) loses the quadrant",
            "Atan({0}/{1}) loses the quadrant: at ({0}, {1}) = (−1, −1) it returns 0.785 instead of −2.356; Atan2({0}, {1}) gives the angle (a different function: review before changing)");

        public static readonly DiagnosticDescriptor ExpOfLogRule = Hidden(ExpOfLog,
            "Exp(Log(x)) is x only for x > 0",
            "Exp(Log({0})) rounds twice and is NaN for {0} < 0; it equals {0} only where {0} > 0: write {0} if that is what is meant");

        public static readonly DiagnosticDescriptor FloatingEqualityRule = Hidden(FloatingEquality,
            "Exact equality on floating-point results",
            "'{0}' compares computed floating-point values exactly ({1}); 0.1 + 0.2 == 0.3 is false: compare with a tolerance, Math.Abs(a − b) <= tol·Math.Max(1, Math.Abs(b))");

        public static readonly DiagnosticDescriptor LogP1FalseFriendRule = Info(LogP1FalseFriend,
            ".NET's LogP1/ExpM1 are not accurate",
            "{0} is computed as {1} on .NET 10 and loses every digit for tiny arguments ({2}); use {3}");

        public static readonly DiagnosticDescriptor SqrtAtZeroGradientRule = Info(SqrtAtZeroGradient,
            "Sqrt of a value that can be 0 has an infinite derivative",
            "Sqrt({0}) can be exactly 0 ({1}); the derivative 1/(2√u) is then ∞ and the gradient becomes ∞ or NaN (0·∞); add a small epsilon inside the root or handle the zero case");

        public static readonly DiagnosticDescriptor UntakenBranchGradientRule = Info(UntakenBranchGradient,
            "The other branch of ?: is NaN or ∞ where this branch is taken",
            "The branch '{0}' is NaN or ∞ where it is not taken ({1}); Tutor differentiates only the branch that runs, but written as Where(cond, a, b) on tensors (or in PyTorch/JAX) both branches are evaluated and 0·NaN poisons the gradient: guard the argument too, e.g. {2}");

        public static readonly DiagnosticDescriptor KinkGradientRule = Hidden(KinkGradient,
            "Kink whose derivative is a convention",
            "{0} has a kink where {1}, and inputs often sit exactly there; the derivative there is a convention ({2}), so gradients can differ from other frameworks");
    }
}
