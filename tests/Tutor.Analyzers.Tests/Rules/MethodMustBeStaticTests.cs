using Tutor.CodeFixes;

namespace Tutor.Analyzers.Tests.Rules;

/// <summary>TUT0001 and <see cref="MakeStaticCodeFix"/>.</summary>
public class MethodMustBeStaticTests
{
    [Fact]
    public Task StaticMethodHasNoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class Losses
        {
            [Differentiable]
            public static double F(double x, double y) => x * y;
        }
        """);

    [Fact]
    public Task InstanceMethodWithoutTheAttributeHasNoDiagnostic() => Verify.AnalyzerAsync("""
        public class Model
        {
            public double F(double x) => x * x;
        }
        """);

    [Fact]
    public Task InstanceMethodIsReportedOnItsName() => Verify.AnalyzerAsync("""
        public partial class Losses
        {
            [Differentiable]
            public double {|#0:F|}(double x) => x * x;
        }
        """,
        Verify.Diagnostic("TUT0001").WithLocation(0).WithArguments("F"));

    [Fact]
    public Task FixAddsStaticAfterTheAccessibility() => Verify.CodeFixAsync<MakeStaticCodeFix>("""
        public partial class Losses
        {
            [Differentiable]
            protected internal double {|TUT0001:F|}(double x) => x * x;
        }
        """, """
        public partial class Losses
        {
            [Differentiable]
            protected internal static double F(double x) => x * x;
        }
        """);

    [Fact]
    public Task FixAddsStaticBeforeOtherModifiers() => Verify.CodeFixAsync<MakeStaticCodeFix>("""
        public partial class Losses
        {
            [Differentiable]
            public async double {|CS1983:{|TUT0001:F|}|}(double x) => x * x;
        }
        """, """
        public partial class Losses
        {
            [Differentiable]
            public static async double {|CS1983:F|}(double x) => x * x;
        }
        """);

    [Fact]
    public Task FixKeepsTheTriviaOfAMethodWithoutModifiers() => Verify.CodeFixAsync<MakeStaticCodeFix>("""
        partial class Losses
        {
            [Differentiable] /* the loss */ double {|TUT0001:F|}(double x) => x * x;

            [Differentiable]
            // squared
            double {|TUT0001:G|}(double x) => x * x;
        }
        """, """
        partial class Losses
        {
            [Differentiable] /* the loss */ static double F(double x) => x * x;

            [Differentiable]
            // squared
            static double G(double x) => x * x;
        }
        """);

    [Fact]
    public Task FixMakesBothPartsOfAPartialMethodStatic() => Verify.CodeFixAsync<MakeStaticCodeFix>("""
        public partial class Losses
        {
            [Differentiable]
            public partial double {|TUT0001:F|}(double x);
        }

        public partial class Losses
        {
            public partial double F(double x) => x * x;
        }
        """, """
        public partial class Losses
        {
            [Differentiable]
            public static partial double F(double x);
        }

        public partial class Losses
        {
            public static partial double F(double x) => x * x;
        }
        """);

    [Fact]
    public Task FixAllMakesEveryMethodInEveryDocumentStatic() => Verify.CodeFixAsync<MakeStaticCodeFix>(
        [
            """
            public partial class A
            {
                [Differentiable] public double {|TUT0001:F|}(double x) => x;
                [Differentiable] public double {|TUT0001:G|}(double x) => x;
            }
            """,
            """
            public partial class B
            {
                [Differentiable] internal double {|TUT0001:H|}(double x) => x;
            }
            """,
        ],
        [
            """
            public partial class A
            {
                [Differentiable] public static double F(double x) => x;
                [Differentiable] public static double G(double x) => x;
            }
            """,
            """
            public partial class B
            {
                [Differentiable] internal static double H(double x) => x;
            }
            """,
        ]);
}
