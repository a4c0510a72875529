using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Tutor.Testing;

/// <summary>
/// The references every analyzer/code-fix test compilation gets: the running shared framework plus Tutor.Runtime,
/// taken from the local runtime rather than a NuGet reference pack, so the tests run offline
/// (ReferenceAssemblies.Net.* would download one). Linked into each analyzer test project.
/// </summary>
static class TestReferences
{
    /// <summary>A reference set with no packages: nothing for the testing library to download.</summary>
    public static readonly ReferenceAssemblies None = new("net10.0");

    public static readonly ImmutableArray<MetadataReference> All = Load();

    static ImmutableArray<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted.Where(p => Path.GetDirectoryName(p) == frameworkDirectory)
            .Append(typeof(StableMath).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    public static void AddTo(ProjectState state)
    {
        state.ReferenceAssemblies = None;
        state.AdditionalReferences.AddRange(All);
    }
}
