using System.Reflection;
using Tutor.Generator.Tests.Harness;
using Tutor.Generator.Tests.Oracles;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>All scenarios in one compilation: compiling is the slow part.</summary>
public static class ScenarioAssembly
{
    public const string TypeName = "Demo.Scenarios";

    static readonly Lazy<LoadedAssembly> Loaded = new(() =>
        GeneratorHarness.CompileAndLoad(StudentSource.Class(string.Join("\n\n", Scenarios.All.Select(s => s.Members)), "Scenarios")));

    public static LoadedAssembly Get() => Loaded.Value;
}

/// <summary>Runs one scenario's generated members against its oracle.</summary>
public sealed class ScenarioCheck(Scenario scenario, LoadedAssembly assembly)
{
    const string T = ScenarioAssembly.TypeName;

    public ParameterInfo[] Parameters { get; } = assembly.Method(T, scenario.Name).GetParameters();

    /// <summary>double/float parameters without [NoDiff], as the brief defines them.</summary>
    public int[] Differentiable => [.. Parameters
        .Select((p, i) => (p, i))
        .Where(t => (t.p.ParameterType == typeof(double) || t.p.ParameterType == typeof(float))
                    && !t.p.CustomAttributes.Any(a => a.AttributeType.Name == "NoDiffAttribute"))
        .Select(t => t.i)];

    public double ValueTolerance => scenario.Single ? 1e-6 : 1e-13;
    public double GradientTolerance => scenario.Single ? 1e-4 : scenario.Tree is not null ? 1e-10 : 1e-7;

    public double Value(double[] point) => assembly.CallDouble(T, scenario.Name, Box(point));

    /// <summary>The oracle's gradient over the differentiable parameters.</summary>
    public double[] ExpectedGradient(double[] point)
    {
        if (scenario.Tree is { } tree)
            return Derivatives.ComplexStepGradient(tree, [.. Parameters.Select(p => p.Name!)], point);
        string method = scenario.Twin ?? scenario.Name;
        double F(double[] p) => assembly.CallDouble(T, method, Box(p));
        return [.. Differentiable.Select(i => Derivatives.CentralDifference(F, point, i))];
    }

    public double[] Gradient(double[] point) => assembly.CallTuple(T, scenario.Name + "Gradient", Box(point));

    /// <summary>The Jvp's (Value, Tangent) along <paramref name="direction"/> (one entry per differentiable parameter).</summary>
    public double[] Jvp(double[] point, double[] direction) =>
        assembly.CallTuple(T, scenario.Name + "Jvp", [.. Box(point), .. Box(direction)]);

    public string Describe(double[] point) =>
        $"{scenario.Name}({string.Join(", ", point.Select(p => p.ToString("R")))})\n{scenario.Members}\n\nGenerated:\n{GeneratedFor(assembly.Run, scenario.Name)}";

    public static string GeneratedFor(GeneratorRun run, string name) =>
        string.Join("\n", run.Sources.Where(s => s.Key.Contains("." + name + ".", StringComparison.Ordinal)).Select(s => $"// {s.Key}\n{s.Value}"));

    static object[] Box(double[] values) => [.. values.Select(v => (object)v)];
}
