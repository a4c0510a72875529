using System.Globalization;
using System.Text.Json;

namespace Tutor.Lessons.Reports;

/// <summary>
/// PyTorch 1.13 run offline on a lesson's own protocol for many seeds (bench/pytorch/lesson_oracles.py writes
/// data/reference/pytorch-lesson-oracles.json): an independent spread to set a lesson's one measured number against,
/// for lessons whose LESSONS.md target sits near what their protocol reaches. The build and the tests never run PyTorch.
/// </summary>
/// <param name="Torch">PyTorch's version.</param>
/// <param name="Made">When the file was made (UTC).</param>
/// <param name="Command">How to make it again.</param>
/// <param name="Target">The lesson's target.</param>
/// <param name="Accuracy">The metric for each seed.</param>
public sealed record PeerOracle(string Torch, string Made, string Command, double Target, double[] Accuracy)
{
    /// <summary>Where the file lies next to the binaries.</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "data", "reference", "pytorch-lesson-oracles.json");

    /// <summary>The lesson's entry, or null when the file or the entry is missing.</summary>
    public static PeerOracle? Load(string lessonId)
    {
        if (!File.Exists(FilePath)) return null;
        using var document = JsonDocument.Parse(File.ReadAllText(FilePath));
        var root = document.RootElement;
        if (!root.TryGetProperty("lessons", out var lessons) || !lessons.TryGetProperty(lessonId, out var entry)) return null;
        return new PeerOracle(root.GetProperty("torch").GetString() ?? "?", root.GetProperty("made").GetString() ?? "?",
            root.GetProperty("command").GetString() ?? "", entry.GetProperty("target").GetDouble(),
            [.. entry.GetProperty("accuracy").EnumerateArray().Select(a => a.GetDouble())]);
    }

    /// <summary>How many seeds reached the target.</summary>
    public int Reaching => Accuracy.Count(a => a >= Target);

    /// <summary>The share of PyTorch's seeds at or below <paramref name="measured"/>.</summary>
    public double Rank(double measured) => Accuracy.Count(a => a <= measured) / (double)Accuracy.Length;

    /// <summary>A paragraph for the report: PyTorch's spread, how many seeds reach the target, and where this run falls.</summary>
    public string Paragraph(double measured)
    {
        static string P(double v) => (100 * v).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        return $"**PyTorch on the same protocol.** The seed's own PyTorch code, on this lesson's data split, run offline for {Accuracy.Length} seeds " +
               $"(PyTorch {Torch}, `{Command}`, {Made}): test accuracy from {P(Accuracy.Min())} to {P(Accuracy.Max())}, mean {P(Accuracy.Average())}; " +
               $"{Reaching} of {Accuracy.Length} seeds reach {P(Target)}. This run's {P(measured)} is at or above {P(Rank(measured))} of PyTorch's seeds " +
               (Reaching == 0
                   ? "— the target is out of this protocol's reach at this data size, in PyTorch as here."
                   : 2 * Reaching < Accuracy.Length
                       ? "— the target sits above the middle of what this protocol reaches at this data size; whether a run meets it depends on the seed."
                       : "— most seeds reach the target.");
    }
}
