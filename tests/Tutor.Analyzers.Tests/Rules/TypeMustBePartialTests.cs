using Microsoft.CodeAnalysis.Testing;
using Tutor.CodeFixes;

namespace Tutor.Analyzers.Tests.Rules;

/// <summary>TUT0002 and <see cref="MakePartialCodeFix"/>.</summary>
public class TypeMustBePartialTests
{
    [Fact]
    public Task PartialTypesHaveNoDiagnostic() => Verify.AnalyzerAsync("""
        public static partial class Outer
        {
            public static partial class Inner
            {
                [Differentiable]
                public static double F(double x) => x;
            }
        }
        """);

    [Fact]
    public Task NonPartialTypeWithoutDifferentiableMethodsHasNoDiagnostic() => Verify.AnalyzerAsync("""
        public static class Plain
        {
            public static double F(double x) => x;
        }
        """);

    [Fact]
    public Task ContainingTypeIsReportedOnItsName() => Verify.AnalyzerAsync("""
        public static class {|#0:Losses|}
        {
            [Differentiable]
            public static double F(double x) => x;
        }
        """,
        Verify.Diagnostic("TUT0002").WithLocation(0).WithArguments("Losses", "F"));

    [Fact]
    public Task EnclosingTypeIsReportedOnceForAllItsMethods() => Verify.AnalyzerAsync("""
        public static class {|#0:Outer|}
        {
            public static partial class A
            {
                [Differentiable] public static double F(double x) => x;
                [Differentiable] public static double G(double x) => x;
            }

            public static partial class B
            {
                [Differentiable] public static double H(double x) => x;
            }
        }
        """,
        Verify.Diagnostic("TUT0002").WithLocation(0).WithArguments("Outer", "F"));

    [Fact]
    public Task EachNonPartialTypeOfTheChainIsReported() => Verify.AnalyzerAsync("""
        public class {|TUT0002:Outer|}
        {
            public partial class Middle
            {
                public class {|TUT0002:Inner|}
                {
                    [Differentiable] public static double F(double x) => x;
                }
            }
        }
        """);

    [Fact]
    public Task FixAddsPartialRightBeforeTheTypeKeyword() => Verify.CodeFixAsync<MakePartialCodeFix>("""
        public static class {|TUT0002:Losses|}
        {
            [Differentiable]
            public static double F(double x) => x;
        }

        public readonly struct {|TUT0002:Point|}
        {
            [Differentiable]
            public static double Norm(double x, double y) => x * x + y * y;
        }

        public sealed record class {|TUT0002:Model|}
        {
            [Differentiable]
            public static double Loss(double w) => w * w;
        }
        """, """
        public static partial class Losses
        {
            [Differentiable]
            public static double F(double x) => x;
        }

        public readonly partial struct Point
        {
            [Differentiable]
            public static double Norm(double x, double y) => x * x + y * y;
        }

        public sealed partial record class Model
        {
            [Differentiable]
            public static double Loss(double w) => w * w;
        }
        """);

    [Fact]
    public Task FixKeepsCommentsAndAttributesInPlace() => Verify.CodeFixAsync<MakePartialCodeFix>("""
        /// <summary>Lesson 1.</summary>
        [Serializable]
        // the functions
        class {|TUT0002:Lesson|}
        {
            [Differentiable]
            static double F(double x) => x;
        }
        """, """
        /// <summary>Lesson 1.</summary>
        [Serializable]
        // the functions
        partial class Lesson
        {
            [Differentiable]
            static double F(double x) => x;
        }
        """);

    [Fact]
    public Task FixMakesEveryEnclosingTypePartial() => Verify.CodeFixAsync<MakePartialCodeFix>("""
        public class {|TUT0002:Outer|}
        {
            public partial class Middle
            {
                internal static class {|TUT0002:Inner|}
                {
                    [Differentiable] public static double F(double x) => x;
                }
            }
        }
        """, """
        public partial class Outer
        {
            public partial class Middle
            {
                internal static partial class Inner
                {
                    [Differentiable] public static double F(double x) => x;
                }
            }
        }
        """);

    [Fact]
    public Task FixReachesTheDeclarationThatLacksPartialInAnotherDocument() => Verify.CodeFixAsync<MakePartialCodeFix>(
        [
            """
            public static partial class Losses
            {
                public static double Unrelated(double x) => x;
            }
            """,
            """
            public static class {|CS0260:{|TUT0002:Losses|}|}
            {
                [Differentiable] public static double F(double x) => x;
            }
            """,
        ],
        [
            """
            public static partial class Losses
            {
                public static double Unrelated(double x) => x;
            }
            """,
            """
            public static partial class Losses
            {
                [Differentiable] public static double F(double x) => x;
            }
            """,
        ]);

    [Fact]
    public Task FixAllMakesEveryTypeInEveryDocumentPartial() => Verify.CodeFixAsync<MakePartialCodeFix>(
        [
            """
            public static class {|TUT0002:A|}
            {
                [Differentiable] public static double F(double x) => x;
            }

            public static class {|TUT0002:B|}
            {
                public static class {|TUT0002:Nested|}
                {
                    [Differentiable] public static double G(double x) => x;
                }
            }
            """,
            """
            internal static class {|TUT0002:C|}
            {
                [Differentiable] public static double H(double x) => x;
            }
            """,
        ],
        [
            """
            public static partial class A
            {
                [Differentiable] public static double F(double x) => x;
            }

            public static partial class B
            {
                public static partial class Nested
                {
                    [Differentiable] public static double G(double x) => x;
                }
            }
            """,
            """
            internal static partial class C
            {
                [Differentiable] public static double H(double x) => x;
            }
            """,
        ]);
}
