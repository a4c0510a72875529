namespace Tutor.Analyzers.Tests.Rules;

/// <summary>TUT0003.</summary>
public class MethodMustNotBeGenericTests
{
    [Fact]
    public Task NonGenericMethodHasNoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class Losses
        {
            [Differentiable]
            public static float F(float x) => x * x;
        }
        """);

    [Fact]
    public Task GenericMethodIsReportedOnItsName() => Verify.AnalyzerAsync("""
        public static partial class Losses
        {
            [Differentiable]
            public static double {|#0:F|}<T>(double x) => x * x;
        }
        """,
        Verify.Diagnostic("TUT0003").WithLocation(0).WithArguments("F"));

    [Fact]
    public Task MethodInAGenericTypeIsReported() => Verify.AnalyzerAsync("""
        public static partial class Losses<T>
        {
            [Differentiable]
            public static double {|TUT0003:F|}(double x) => x * x;
        }
        """);

    [Fact]
    public Task MethodNestedInAGenericTypeIsReported() => Verify.AnalyzerAsync("""
        public static partial class Outer<T>
        {
            public static partial class Inner
            {
                [Differentiable]
                public static double {|TUT0003:F|}(double x) => x * x;
            }
        }
        """);
}
