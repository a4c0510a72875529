using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Tutor.Runtime.Tests.Accuracy;

/// <summary>
/// Loads the reference values in <c>Accuracy/data/*.csv.gz</c>, written offline by
/// <c>tools/accuracy/make_reference.py</c> (mpmath at 3000 bits, rounded once to the target format).
/// </summary>
static class ReferenceData
{
    /// <summary>The rows of <c>data/<paramref name="file"/></c>: every column parsed as a double (exact round trip).</summary>
    public static IReadOnlyList<double[]> Load(string file)
    {
        string path = Path.Combine(DataDirectory(), file);
        using var stream = File.OpenRead(path);
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var rows = new List<double[]>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            rows.Add(Array.ConvertAll(line.Split(','), s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    /// <summary>
    /// The data folder: next to this source file (the usual case: tests run from the repository), else copied next
    /// to the test assembly, else found by walking up from the assembly to the repository root.
    /// </summary>
    static string DataDirectory([CallerFilePath] string sourceFile = "")
    {
        var candidates = new List<string>();
        if (Path.GetDirectoryName(sourceFile) is { Length: > 0 } sourceDir) candidates.Add(Path.Combine(sourceDir, "data"));
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "Accuracy", "data"));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "tests", "Tutor.Runtime.Tests", "Accuracy", "data"));
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException("Reference data not found; looked in: " + string.Join("; ", candidates));
    }
}

/// <summary>Distances in units in the last place, through the ordinal map of NUMERICS.md (+0 and −0 are equal).</summary>
static class Ulps
{
    public static long Ordinal(double d)
    {
        long b = BitConverter.DoubleToInt64Bits(d);
        return b >= 0 ? b : -(b & long.MaxValue);
    }

    public static int Ordinal(float f)
    {
        int b = BitConverter.SingleToInt32Bits(f);
        return b >= 0 ? b : -(b & int.MaxValue);
    }

    /// <summary>|ord(a) − ord(b)|; 0 when both are NaN, <see cref="ulong.MaxValue"/> when only one is.</summary>
    public static ulong Distance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b) ? 0 : ulong.MaxValue;
        Int128 d = (Int128)Ordinal(a) - Ordinal(b);
        return (ulong)Int128.Abs(d);
    }

    /// <inheritdoc cref="Distance(double, double)"/>
    public static ulong Distance(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return float.IsNaN(a) && float.IsNaN(b) ? 0 : ulong.MaxValue;
        return (ulong)Math.Abs((long)Ordinal(a) - Ordinal(b));
    }
}
