using Microsoft.CodeAnalysis;
using Tutor.Generator.Diagnostics;
using Tutor.Generator.Tests.Harness;

namespace Tutor.Generator.Tests.Diagnostics;

/// <summary>Each generator diagnostic (TUT0005 and up) on a minimal method, at the exact span marked [|…|].</summary>
public class DiagnosticTests
{
    /// <summary>Runs the generator on the members and asserts that the diagnostics with <paramref name="id"/> sit exactly on the marked spans.</summary>
    static IReadOnlyList<Diagnostic> AssertDiagnostic(DiagnosticDescriptor descriptor, string members)
    {
        var source = MarkedSource.Parse(StudentSource.Class(members));
        var run = GeneratorHarness.Run(source.Text);
        GeneratorHarness.AssertNoGeneratorException(run);
        var found = run.GeneratorDiagnostics.Where(d => d.Id == descriptor.Id).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        string all = string.Join("\n", run.GeneratorDiagnostics.Select(d => Snapshots.Snapshot.Describe(d, source.Text)));
        Assert.True(found.Count == source.Spans.Count, $"Expected {source.Spans.Count} × {descriptor.Id}, got:\n{all}");
        for (int i = 0; i < found.Count; i++)
        {
            var expected = source.Spans[i];
            Assert.True(found[i].Location.SourceSpan == expected,
                $"{descriptor.Id} at '{source.Text.Substring(found[i].Location.SourceSpan.Start, found[i].Location.SourceSpan.Length)}' {found[i].Location.SourceSpan}, " +
                $"expected at '{source.Text.Substring(expected.Start, expected.Length)}' {expected}.\nAll diagnostics:\n{all}");
            Assert.Equal(descriptor.DefaultSeverity, found[i].Severity);
            Assert.Equal(descriptor.HelpLinkUri, found[i].Descriptor.HelpLinkUri);
        }
        return found;
    }

    [Fact]
    public void TUT0005_try_statement() => AssertDiagnostic(Descriptors.UnsupportedStatement, """
            [Differentiable]
            public static double Guarded(double x)
            {
                [|try|]
                {
                    return x * x;
                }
                catch (ArithmeticException)
                {
                    return 0;
                }
            }
        """);

    [Fact]
    public void TUT0005_lock_statement() => AssertDiagnostic(Descriptors.UnsupportedStatement, """
            [Differentiable]
            public static double Locked(double x)
            {
                [|lock|] (typeof(Formulas))
                {
                    return x * x;
                }
            }
        """);

    [Fact]
    public void TUT0005_goto() => AssertDiagnostic(Descriptors.UnsupportedStatement, """
            [Differentiable]
            public static double Jump(double x)
            {
                double s = x;
                [|goto|] done;
                [|done|]:
                return s;
            }
        """);

    [Fact]
    public void TUT0006_lambda_on_an_active_value() => AssertDiagnostic(Descriptors.UnsupportedExpression, """
            [Differentiable]
            public static double Lambda(double x)
            {
                Func<double, double> f = [|t => t * x|];
                return f(x);
            }
        """);

    [Fact]
    public void TUT0006_struct_holding_an_active_value() => AssertDiagnostic(Descriptors.UnsupportedExpression, """
            public struct Point { public double V; }

            [Differentiable]
            public static double Field(double x)
            {
                var p = [|new Point { V = x }|];
                return p.V * 2;
            }
        """);

    [Fact]
    public void TUT0006_switch_expression() => AssertDiagnostic(Descriptors.UnsupportedExpression, """
            [Differentiable]
            public static double Switch(double x) => [|x switch { > 0 => x, _ => -x }|];
        """);

    [Fact]
    public void TUT0007_unknown_method_on_an_active_value()
    {
        var found = AssertDiagnostic(Descriptors.UnknownMethod, """
                static double Helper(double v) => v * 2;

                [Differentiable]
                public static double UsesHelper(double x) => [|Helper(x)|] + 1;
            """);
        Assert.Contains("Helper", found[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void TUT0008_too_many_paths()
    {
        var ifs = string.Join("\n", Enumerable.Range(0, 20).Select(i => $"            if (s > {i}) s = s * 0.5; else s = s + x;"));
        AssertDiagnostic(Descriptors.TooManyPaths, $$"""
                [Differentiable]
                public static double [|Paths|](double x)
                {
                    double s = x;
            {{ifs}}
                    return s;
                }
            """);
    }

    [Fact]
    public void TUT0009_overloaded_name() => AssertDiagnostic(Descriptors.OverloadedName, """
            [Differentiable]
            public static double [|G|](double x) => x * x;

            [Differentiable]
            public static double [|G|](double x, double y) => x * y;
        """);

    [Fact]
    public void TUT0010_no_differentiable_parameter() => AssertDiagnostic(Descriptors.NoDifferentiableParameter, """
            [Differentiable]
            public static double [|K|]([NoDiff] double a, int n) => a * n;
        """);

    [Fact]
    public void TUT0011_ref_out_and_params_parameters() => AssertDiagnostic(Descriptors.UnsupportedParameter, """
            [Differentiable]
            public static double R(ref double [|x|], double y) => x * y;

            [Differentiable]
            public static double O(double x, out double [|y|]) { y = x; return x; }

            [Differentiable]
            public static double P(double y, params double[] [|rest|]) => y;
        """);

    [Fact]
    public void TUT0012_generated_name_clash() => AssertDiagnostic(Descriptors.GeneratedNameClash, """
            [Differentiable]
            public static double [|H|](double x) => x * x;

            public static int HGradient() => 0;
        """);

    [Fact]
    public void TUT0013_differentiable_value_passed_to_NoDiff() => AssertDiagnostic(Descriptors.NoDiffArgument, """
            [Differentiable]
            public static double Scale(double x, [NoDiff] double k) => k * x;

            [Differentiable]
            public static double Use(double x) => Scale(x, [|x * 2|]);
        """);

    [Fact]
    public void Every_descriptor_has_a_help_link_and_a_message()
    {
        var descriptors = typeof(Descriptors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();
        Assert.True(descriptors.Count >= 13);
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var d in descriptors)
        {
            Assert.StartsWith("https://", d.HelpLinkUri, StringComparison.Ordinal);
            Assert.EndsWith("#" + d.Id.ToLowerInvariant(), d.HelpLinkUri, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
