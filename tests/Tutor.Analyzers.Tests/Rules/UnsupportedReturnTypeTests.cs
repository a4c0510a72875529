using Microsoft.CodeAnalysis.Testing;

namespace Tutor.Analyzers.Tests.Rules;

/// <summary>TUT0004.</summary>
public class UnsupportedReturnTypeTests
{
    [Fact]
    public Task DoubleAndFloatHaveNoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class Losses
        {
            [Differentiable] public static double F(double x) => x;
            [Differentiable] public static float G(float x) => x;
            [Differentiable] public static System.Double H(double x) => x;
        }
        """);

    [Fact]
    public Task IntIsReportedOnTheReturnType() => Verify.AnalyzerAsync("""
        public static partial class Losses
        {
            [Differentiable]
            public static {|#0:int|} F(double x) => 0;
        }
        """,
        Verify.Diagnostic("TUT0004").WithLocation(0).WithArguments("F", "int"));

    [Fact]
    public Task TheWholeReturnTypeIsTheSpan() => Verify.AnalyzerAsync("""
        public static partial class Losses
        {
            [Differentiable] public static {|TUT0004:double[]|} F(double x) => [x];
            [Differentiable] public static {|TUT0004:(double, double)|} G(double x) => (x, x);
            [Differentiable] public static {|TUT0004:void|} H(double x) { }
            [Differentiable] public static {|TUT0004:decimal|} K(double x) => 0m;
        }
        """);

    [Fact]
    public Task RefReturnIsReported() => Verify.AnalyzerAsync("""
        public static partial class Losses
        {
            static double s;

            [Differentiable]
            public static {|#0:ref double|} F(double x) => ref s;
        }
        """,
        Verify.Diagnostic("TUT0004").WithLocation(0).WithArguments("F", "ref double"));

    [Fact]
    public Task UnresolvedReturnTypeIsLeftToTheCompiler() => Verify.AnalyzerAsync("""
        public static partial class Losses
        {
            [Differentiable]
            public static {|CS0246:Tensor|} F(double x) => default;
        }
        """);
}
