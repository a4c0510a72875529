using System.Reflection;

namespace Tutor.Lessons.Reports;

/// <summary>
/// Finds the C# the generator wrote for this assembly. The build emits it (EmitCompilerGeneratedFiles) under
/// obj/…/generated/, records that folder in the assembly's metadata and copies the files to bin/…/generated/;
/// this looks in both, so it works under <c>dotnet run</c>, <c>dotnet test</c> and a copied bin folder alike.
/// </summary>
public static class GeneratedSource
{
    /// <summary>The <see cref="AssemblyMetadataAttribute"/> key the project file sets.</summary>
    public const string MetadataKey = "Tutor.Lessons.GeneratedFilesDirectory";

    /// <summary>Where the build emitted the generated files (from the assembly metadata), or null.</summary>
    public static string? EmittedDirectory => typeof(GeneratedSource).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .FirstOrDefault(a => a.Key == MetadataKey)?.Value;

    /// <summary>The folders searched, in order.</summary>
    public static IEnumerable<string> SearchDirectories()
    {
        yield return Path.Combine(AppContext.BaseDirectory, "generated");
        if (EmittedDirectory is { Length: > 0 } emitted) yield return emitted;
    }

    /// <summary>The newest generated file that contains <paramref name="marker"/> (e.g. <c>FGradient(</c>), or null.</summary>
    public static string? FindFileContaining(string marker) => SearchDirectories()
        .Where(Directory.Exists)
        .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
        .Where(f => ContainsWord(File.ReadAllText(f), marker))
        .OrderByDescending(File.GetLastWriteTimeUtc)
        .FirstOrDefault();

    /// <summary>
    /// The member whose declaration contains <paramref name="marker"/>, with the XML docs and attributes above it,
    /// through the brace that closes its body (or its line ending in <c>;</c>); null when the marker is not found.
    /// </summary>
    public static string? ExtractMember(string source, string marker, int maxLines = 80)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int at = Array.FindIndex(lines, l => ContainsWord(l, marker) && !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        if (at < 0) return null;

        int start = at;
        while (start > 0 && IsPreamble(lines[start - 1])) start--;

        int end = at, depth = 0;
        bool opened = false;
        for (; end < lines.Length; end++)
        {
            foreach (var c in lines[end])
            {
                if (c == '{') { depth++; opened = true; }
                else if (c == '}') depth--;
            }
            if (opened ? depth <= 0 : lines[end].TrimEnd().EndsWith(';')) break;
        }
        end = Math.Min(end, lines.Length - 1);

        var taken = lines[start..(end + 1)];
        int indent = taken.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        var text = taken.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()).ToList();
        if (text.Count > maxLines)
            text = [.. text.Take(maxLines), $"// … {text.Count - maxLines} more lines in the generated file"];
        return string.Join("\n", text);
    }

    static bool IsPreamble(string line)
    {
        var t = line.TrimStart();
        return t.StartsWith("///", StringComparison.Ordinal) || t.StartsWith('[');
    }

    /// <summary>
    /// Whether <paramref name="text"/> contains <paramref name="marker"/> starting at a word boundary, so that
    /// <c>ErrorGradient(</c> does not match <c>SquaredErrorGradient(</c> in another lesson's generated file.
    /// </summary>
    static bool ContainsWord(string text, string marker)
    {
        for (int at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
            if (at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_')) return true;
        return false;
    }
}
