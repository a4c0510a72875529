namespace Tutor.Analyzers.Tests.Rules;

/// <summary>The declaration rules together: one method can break all four.</summary>
public class DeclarationAnalyzerTests
{
    [Fact]
    public Task EveryBrokenRuleIsReported() => Verify.AnalyzerAsync("""
        public class {|TUT0002:Model|}<T>
        {
            [Differentiable]
            public {|TUT0004:int|} {|TUT0001:{|TUT0003:F|}|}(double x) => 0;
        }
        """);

    [Fact]
    public Task NothingIsReportedWithoutTheRuntimeAttribute() => Verify.AnalyzerAsync("""
        namespace Other
        {
            [AttributeUsage(AttributeTargets.Method)]
            public sealed class DifferentiableAttribute : Attribute { }

            public class Model
            {
                [Differentiable] public int F<T>(double x) => 0;
            }
        }
        """);

    [Fact]
    public Task UnusualDeclarationsAreHandledWithoutThrowing() => Verify.AnalyzerAsync("""
        public partial struct Point
        {
            [Differentiable] public static double operator *(Point a, Point b) => 0;
            [Differentiable] public static {|TUT0004:Point|} operator -(Point a) => a;
            [Differentiable] public static explicit operator {|TUT0004:Point|}(double x) => default;
        }

        public static partial class Lesson
        {
            public static double Run(double x)
            {
                return Square(x);

                [Differentiable] static double Square(double t) => t * t;
            }

            [Differentiable] public static double Scale(this double x, [NoDiff] double k) => k * x;
        }
        """);
}
