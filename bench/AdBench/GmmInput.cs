using System.Globalization;

namespace Tutor.AdBench;

/// <summary>An ADBench GMM input file: <c>D K n</c>, α (K), μ (K×D), icf (K × D(D+1)/2), x (n×D), then <c>γ m</c>.</summary>
public sealed record GmmInput(int D, int K, int N, double[] Alphas, double[] Means, double[] Icf, double[] X, double Gamma, int M)
{
    /// <summary>Reads a file; a malformed one throws <see cref="FormatException"/> naming the file, line and column.</summary>
    public static GmmInput Load(string path)
    {
        var tokens = new List<(string Text, int Line, int Column)>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            int column = 0;
            while (column < line.Length)
            {
                while (column < line.Length && char.IsWhiteSpace(line[column])) column++;
                int start = column;
                while (column < line.Length && !char.IsWhiteSpace(line[column])) column++;
                if (column > start) tokens.Add((line[start..column], lineNumber, start + 1));
            }
        }
        int next = 0;
        double Number()
        {
            if (next >= tokens.Count) throw new FormatException($"{path}: the file ends early (after line {lineNumber}); expected more numbers.");
            var (text, line, column) = tokens[next++];
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new FormatException($"{path}:{line}:{column}: '{text}' is not a number.");
            return value;
        }
        int d = (int)Number(), k = (int)Number(), n = (int)Number();
        double[] Read(int count) { var a = new double[count]; for (int i = 0; i < count; i++) a[i] = Number(); return a; }
        var alphas = Read(k);
        var means = Read(k * d);
        var icf = Read(k * d * (d + 1) / 2);
        var x = Read(n * d);
        double gamma = Number();
        int m = (int)Number();
        return new GmmInput(d, k, n, alphas, means, icf, x, gamma, m);
    }

    /// <summary>The objective at this input.</summary>
    public double Objective() => Gmm.Objective(Alphas, Means, Icf, X, D, K, N, Gamma, M);
}
