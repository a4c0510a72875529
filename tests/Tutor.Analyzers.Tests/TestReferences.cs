using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Tutor.Analyzers.Tests;

/// <summary>
/// The references every test compilation gets: the running shared framework plus Tutor.Runtime. Built from the local
/// runtime, not from NuGet, so the tests pass offline (ReferenceAssemblies.Net.* would download a reference pack).
/// </summary>
static class TestReferences
{
    /// <summary>No reference pack at all: nothing for the test framework to resolve from NuGet.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static readonly ImmutableArray<MetadataReference> All = Load();

    static ImmutableArray<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = trusted.Where(p => Path.GetDirectoryName(p) == frameworkDirectory);
        return framework
            .Append(typeof(DifferentiableAttribute).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    public static void AddTo(ProjectState state)
    {
        state.ReferenceAssemblies = None;
        state.AdditionalReferences.AddRange(All);
    }
}
