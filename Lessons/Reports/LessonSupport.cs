namespace Tutor.Lessons.Reports;

/// <summary>Helpers every lesson report uses: the embedded student file, excerpts of generated code, figures, one-sided checks.</summary>
public static class LessonSupport
{
    /// <summary>The embedded copy of a <c>*.Student.cs</c> file, found by its file name (the project embeds them).</summary>
    public static string StudentSource(string fileName) => Embedded(n => n.EndsWith(fileName, StringComparison.Ordinal), fileName);

    /// <summary>
    /// The embedded copy of <paramref name="fileName"/> in lesson folder <paramref name="folder"/> — for names two lessons
    /// share, such as Network.Student.cs. Resource names separate folder and file with "." or, on Linux, "/".
    /// </summary>
    public static string StudentSource(string folder, string fileName) =>
        Embedded(n => n.EndsWith(folder + "." + fileName, StringComparison.Ordinal) || n.EndsWith(folder + "/" + fileName, StringComparison.Ordinal),
            folder + "/" + fileName);

    static string Embedded(Func<string, bool> matches, string what)
    {
        var assembly = typeof(LessonSupport).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(matches)
            ?? throw new InvalidOperationException($"The embedded resource for {what} is missing (or not unique); see Tutor.Lessons.csproj.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Up to <paramref name="count"/> lines of the generated member declared with <paramref name="memberMarker"/>,
    /// starting at the first line containing <paramref name="from"/>, de-indented; null when not found.
    /// </summary>
    public static string? GeneratedExcerpt(string memberMarker, string from, int count)
    {
        var file = GeneratedSource.FindFileContaining(memberMarker);
        if (file is null) return null;
        var member = GeneratedSource.ExtractMember(File.ReadAllText(file), memberMarker, maxLines: 100_000);
        if (member is null) return null;
        var lines = member.Split('\n');
        int start = Array.FindIndex(lines, l => l.Contains(from, StringComparison.Ordinal));
        if (start < 0) return null;
        var taken = lines.Skip(start).Take(count).ToList();
        int indent = taken.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", taken.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    /// <summary>Saves a plot as SVG and PNG under <c>&lt;out&gt;/&lt;id&gt;/</c>; returns the SVG's path relative to the report.</summary>
    public static string Save(ScottPlot.Plot plot, LessonContext context, string id, string name, int width = 800, int height = 500)
    {
        var folder = context.PathFor(id);
        Directory.CreateDirectory(folder);
        plot.SaveSvg(Path.Combine(folder, name + ".svg"), width, height);
        plot.SavePng(Path.Combine(folder, name + ".png"), width, height);
        return id + "/" + name + ".svg";
    }

    /// <summary>A check that <paramref name="actual"/> ≥ <paramref name="bound"/>: the shortfall must be exactly 0.</summary>
    public static LessonCheck AtLeast(string name, double bound, double actual) =>
        new($"{name} ≥ {Num.Sig(bound, 6)} (shortfall; 0 = reached)", 0, double.IsNaN(actual) ? double.NaN : Math.Max(0, bound - actual), 0)
        { Subject = name, Measured = actual, Requirement = $"≥ {Num.Sig(bound, 6)}" };

    /// <summary>A check that <paramref name="actual"/> ≤ <paramref name="bound"/>: the excess must be exactly 0.</summary>
    public static LessonCheck AtMost(string name, double bound, double actual) =>
        new($"{name} ≤ {Num.Sig(bound, 6)} (excess; 0 = reached)", 0, double.IsNaN(actual) ? double.NaN : Math.Max(0, actual - bound), 0)
        { Subject = name, Measured = actual, Requirement = $"≤ {Num.Sig(bound, 6)}" };

    /// <summary>
    /// A check that <paramref name="low"/> ≤ <paramref name="value"/> ≤ <paramref name="high"/>: the distance outside
    /// the interval must be exactly 0 (the message names the interval, not a made-up target).
    /// </summary>
    public static LessonCheck Within(string name, double value, double low, double high) =>
        new($"{name} (in [{Num.Sig(low, 6)}, {Num.Sig(high, 6)}]; distance outside, 0 = reached)", 0,
            double.IsNaN(value) ? double.NaN : Math.Max(0, Math.Max(low - value, value - high)), 0)
        { Subject = name, Measured = value, Requirement = $"in [{Num.Sig(low, 6)}, {Num.Sig(high, 6)}]" };
}
