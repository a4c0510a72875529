using ApprovalTests;
using ApprovalTests.Reporters;

namespace Tutor.Generator.Tests.Snapshots;

/// <summary>
/// The generated source of one scenario per test, checked against SnapshotTests.*.approved.txt next to this
/// file. A change shows as a *.received.txt beside it; read it, and if it is right, rename it to .approved.txt.
/// The quiet reporter opens no diff tool, and a missing or different approved file fails the test (CI included).
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class SnapshotTests
{
    static void Generated(string members) => Approvals.Verify(Snapshot.OfGeneratedSource(members));

    [Fact]
    public void Formula() => Generated("""
            [Differentiable]
            public static double F(double x, double y) => (x + Math.Exp(y)) / (Math.Log(x) + Math.Pow(x - y, 3));
        """);

    [Fact]
    public void Float_method() => Generated("""
            [Differentiable]
            public static float F32(float x, float y) => (x + MathF.Exp(y)) / (MathF.Log(x) + MathF.Pow(x - y, 3));
        """);

    [Fact]
    public void Block_body_with_locals_and_reassignment() => Generated("""
            [Differentiable]
            public static double Block(double x, double y)
            {
                double a = x * y;
                double b = Math.Sin(a);
                a = a + b;
                return a * b;
            }
        """);

    [Fact]
    public void Compound_assignment() => Generated("""
            [Differentiable]
            public static double Compound(double x, double y)
            {
                double s = x;
                s += y;
                s *= x;
                s /= 2 + y * y;
                return s;
            }
        """);

    [Fact]
    public void If_else() => Generated("""
            [Differentiable]
            public static double Branch(double x, double y)
            {
                double r;
                if (x > y)
                    r = x * y;
                else
                    r = x / y;
                return r + x;
            }
        """);

    [Fact]
    public void Early_return() => Generated("""
            [Differentiable]
            public static double Early(double x)
            {
                if (x < 0)
                    return -x;
                double t = Math.Exp(x);
                return t * x;
            }
        """);

    [Fact]
    public void Conditional_expression() => Generated("""
            [Differentiable]
            public static double Pick(double x, double y) => x > y ? x * y : x + y;
        """);

    [Fact]
    public void Variable_used_twice() => Generated("""
            [Differentiable]
            public static double Square(double x) => x * x;
        """);

    [Fact]
    public void Call_to_another_differentiable_method() => Generated("""
            [Differentiable]
            public static double Inner(double a, double b) => a * Math.Sin(b);

            [Differentiable]
            public static double Outer(double x) => Inner(x * x, x) + x;
        """);

    [Fact]
    public void NoDiff_and_int_parameters() => Generated("""
            [Differentiable]
            public static double Scaled(double x, [NoDiff] double scale, int n) => scale * Math.Pow(x, n);
        """);

    [Fact]
    public void StableMath_calls() => Generated("""
            [Differentiable]
            public static double Stable(double x, double y) => StableMath.Softplus(x) + StableMath.LogSumExp(x, y) * StableMath.Sigmoid(y);
        """);

    [Fact]
    public void Abs_and_Max_kinks() => Generated("""
            [Differentiable]
            public static double Kinks(double x, double y) => Math.Abs(x) + Math.Max(x, y);
        """);

    [Fact]
    public void Constant_only_call() => Generated("""
            [Differentiable]
            public static double Constants(double x) => x * Math.Sqrt(2) + Math.Exp(1.5);
        """);

    [Fact]
    public void Diagnostic_unsupported_statement() => Approvals.Verify(Snapshot.OfDiagnostics("""
            [Differentiable]
            public static double Guarded(double x)
            {
                try
                {
                    return Math.Log(x);
                }
                catch (ArithmeticException)
                {
                    return 0;
                }
            }
        """));

    [Fact]
    public void Diagnostic_unknown_method() => Approvals.Verify(Snapshot.OfDiagnostics("""
            static double Helper(double v) => v * 2;

            [Differentiable]
            public static double UsesHelper(double x) => Helper(x) + 1;
        """));
}
