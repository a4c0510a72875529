namespace Tutor.Lessons.Reports;

/// <summary>
/// The files an HTML report links: KaTeX (script, stylesheet, fonts), Mermaid, and the report's own script and
/// stylesheet. They live in <c>Lessons/web/assets/</c> (KaTeX and Mermaid vendored from the npm registry by
/// <c>Lessons/web/vendor.sh</c> and committed), are embedded in this assembly by the project file, and are written
/// next to the reports, so a report needs neither the repository nor a network to be read.
/// </summary>
public static class ReportAssets
{
    /// <summary>The folder name, beside the reports, the assets are written to (and the HTML links).</summary>
    public const string FolderName = "assets";

    /// <summary>The prefix of the assets' resource names (see <c>Tutor.Lessons.csproj</c>).</summary>
    const string ResourcePrefix = "Tutor.Lessons.web/assets/";

    static readonly Lazy<IReadOnlyList<(string Name, string RelativePath)>> resources = new(() =>
    [
        .. typeof(ReportAssets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => (n, n[ResourcePrefix.Length..].Replace('\\', '/')))
            .OrderBy(r => r.Item2, StringComparer.Ordinal),
    ]);

    /// <summary>Every asset's path relative to the assets folder, e.g. <c>katex/katex.min.js</c>.</summary>
    public static IReadOnlyList<string> Files => [.. resources.Value.Select(r => r.RelativePath)];

    /// <summary>
    /// Writes every asset under <paramref name="folder"/>, skipping files already there with the same bytes. Each file
    /// is written to a temporary name and moved into place, so a reader (or a second writer) never sees half a file.
    /// </summary>
    public static void CopyTo(string folder)
    {
        if (resources.Value.Count == 0)
            throw new InvalidOperationException($"No report assets are embedded (resources starting with '{ResourcePrefix}'); see Tutor.Lessons.csproj.");
        var assembly = typeof(ReportAssets).Assembly;
        foreach (var (name, relative) in resources.Value)
        {
            var target = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var stream = assembly.GetManifestResourceStream(name)!;
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            if (File.Exists(target) && new FileInfo(target).Length == bytes.Length && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
                continue;
            var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, target, overwrite: true);
        }
    }
}
