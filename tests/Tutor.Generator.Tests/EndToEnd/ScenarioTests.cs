using Tutor.Generator.Tests.Harness;
using Tutor.Generator.Tests.Oracles;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>Each scenario's generated Gradient and Jvp against complex step or central differences.</summary>
public class ScenarioTests
{
    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void Gradient_matches_the_oracle(string name)
    {
        var scenario = Scenarios.Find(name);
        var check = new ScenarioCheck(scenario, ScenarioAssembly.Get());
        foreach (var point in scenario.Points)
        {
            var gradient = check.Gradient(point);
            var expected = check.ExpectedGradient(point);
            Assert.True(gradient.Length == 1 + expected.Length,
                $"Gradient returned {gradient.Length} values, expected Value + {expected.Length} partials: {check.Describe(point)}");
            double value = check.Value(point);
            Assert.True(Derivatives.Close(gradient[0], value, check.ValueTolerance),
                $"Value {gradient[0]:R}, the method itself gives {value:R}: {check.Describe(point)}");
            for (int j = 0; j < expected.Length; j++)
                Assert.True(Derivatives.Close(gradient[1 + j], expected[j], check.GradientTolerance),
                    $"∂/∂{check.Parameters[check.Differentiable[j]].Name} = {gradient[1 + j]:R}, oracle {expected[j]:R}: {check.Describe(point)}");
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void Jvp_matches_the_oracle_along_each_axis_and_a_mixed_direction(string name)
    {
        var scenario = Scenarios.Find(name);
        var check = new ScenarioCheck(scenario, ScenarioAssembly.Get());
        foreach (var point in scenario.Points)
        {
            var expected = check.ExpectedGradient(point);
            double value = check.Value(point);
            int k = expected.Length;
            for (int j = 0; j <= k; j++)
            {
                // Unit directions, then (1, −0.5, 0.25, …).
                var direction = j < k
                    ? [.. Enumerable.Range(0, k).Select(i => i == j ? 1.0 : 0.0)]
                    : Enumerable.Range(0, k).Select(i => Math.Pow(-0.5, i)).ToArray();
                double want = direction.Select((d, i) => d * expected[i]).Sum();
                var jvp = check.Jvp(point, direction);
                Assert.True(jvp.Length == 2, $"Jvp returned {jvp.Length} values, expected (Value, Tangent): {check.Describe(point)}");
                Assert.True(Derivatives.Close(jvp[0], value, check.ValueTolerance),
                    $"Jvp value {jvp[0]:R}, the method gives {value:R}: {check.Describe(point)}");
                Assert.True(Derivatives.Close(jvp[1], want, check.GradientTolerance),
                    $"Tangent along ({string.Join(", ", direction)}) = {jvp[1]:R}, oracle {want:R}: {check.Describe(point)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios.Names), MemberType = typeof(Scenarios))]
    public void Trace_runs_and_returns_a_trace(string name)
    {
        var scenario = Scenarios.Find(name);
        var assembly = ScenarioAssembly.Get();
        object? trace = assembly.Call(ScenarioAssembly.TypeName, name + "Trace", [.. scenario.Points[0].Select(p => (object)p)]);
        Assert.NotNull(trace);
        Assert.Equal("Tutor.Trace", trace.GetType().FullName);
    }

    [Fact]
    public void The_generated_code_compiles_without_warnings()
    {
        var run = ScenarioAssembly.Get().Run;
        var warnings = run.OutputDiagnostics
            .Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning && d.Location.SourceTree is { } t && !t.FilePath.StartsWith("Student", StringComparison.Ordinal))
            .ToList();
        Assert.True(warnings.Count == 0, $"Warnings in generated code (students build with warnings as errors):\n{string.Join("\n", warnings.Take(20))}");
    }
}
