using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tutor.Generator.Tests.Harness;

namespace Tutor.Generator.Tests.Incrementality;

/// <summary>
/// An edit that does not touch a [Differentiable] method must not re-run the generator's work: every tracked
/// step reports Cached or Unchanged. That only holds if the models are equatable data, so the models are walked
/// too, looking for a symbol, syntax or compilation that slipped in.
/// </summary>
public class IncrementalityTests
{
    const string Student = """
        using System;
        using Tutor;

        namespace Demo;

        public static partial class Formulas
        {
            [Differentiable]
            public static double F(double x, double y) => (x + Math.Exp(y)) / (Math.Log(x) + Math.Pow(x - y, 3));

            [Differentiable]
            public static double G(double x)
            {
                double s = x * x;
                if (s > 1) s = Math.Sqrt(s);
                return s + F(x, 2);
            }

            [Differentiable]
            public static double Broken(double x)
            {
                while (x > 1) x = x / 2;
                return x;
            }

            public static double Unrelated(double v) => v + 1;
        }
        """;

    /// <summary>The const fields of TrackingNames: the steps the generator promises to track.</summary>
    static readonly string[] TrackedNames = [.. typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)];

    static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation(Student);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        return (driver, compilation);
    }

    [Fact]
    public void Adding_an_unrelated_file_reruns_nothing()
    {
        var (driver, compilation) = FirstRun();
        var next = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Demo; public static class Other { public static int Two() => 2; }", GeneratorHarness.ParseOptions, path: "Other.cs"));
        AssertNothingReran(driver.RunGenerators(next));
    }

    [Fact]
    public void Editing_an_unrelated_method_in_the_same_file_reruns_nothing()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var edited = CSharpSyntaxTree.ParseText(Student.Replace("v + 1", "v + 2 * v"), GeneratorHarness.ParseOptions, path: tree.FilePath);
        AssertNothingReran(driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)));
    }

    [Fact]
    public void Every_tracking_name_is_used()
    {
        var (driver, _) = FirstRun();
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.NotEmpty(TrackedNames);
        foreach (var name in TrackedNames)
            Assert.True(steps.ContainsKey(name), $"TrackingNames.{name} names no step; tracked: {string.Join(", ", steps.Keys)}");
    }

    [Fact]
    public void Models_hold_no_symbols_syntax_or_compilations()
    {
        var (driver, _) = FirstRun();
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in TrackedNames.Where(steps.ContainsKey))
            foreach (var step in steps[name])
                foreach (var (value, _) in step.Outputs)
                    ModelWalker.AssertClean(value, $"{name} output");
    }

    static void AssertNothingReran(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        foreach (var name in TrackedNames)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"No step tracked as '{name}'.");
            foreach (var step in steps)
                foreach (var (value, reason) in step.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' re-ran with reason {reason} for {value}");
        }
    }
}

/// <summary>Walks an object graph by reflection and fails on anything that would pin a compilation in the cache.</summary>
public static class ModelWalker
{
    static readonly Type[] Forbidden =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxToken), typeof(Diagnostic)];

    public static void AssertClean(object? root, string path)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(root, path, seen, 0);
    }

    static void Walk(object? value, string path, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 64) return;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal) return;
        foreach (var forbidden in Forbidden)
            Assert.False(forbidden.IsAssignableFrom(type), $"{path} is a {type.FullName}: models must be strings, numbers, enums and equatable arrays.");
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items) Walk(item, $"{path}[{i++}]", seen, depth + 1);
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike) continue;
                Walk(field.GetValue(value), $"{path}.{field.Name}", seen, depth + 1);
            }
    }
}
