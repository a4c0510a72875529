using System.ComponentModel;
using System.Numerics;
using Tutor.Tensors;

namespace Tutor.Training;

/// <summary>
/// Where a NaN or ∞ first appeared in a generated <c>{Name}Gradient</c>: the step, the student's line, the value.
/// </summary>
/// <param name="Method">The [Differentiable] method.</param>
/// <param name="File">Its source file.</param>
/// <param name="Line">The student's line of the step; 0 for an input.</param>
/// <param name="Step">The step as the lesson writes it (<c>t₄ = log(t₃)</c>), or the input's name.</param>
/// <param name="Value">What it held: <c>−∞</c>, or <c>NaN at [3, 1] of a (5×2) tensor</c>.</param>
/// <param name="IsInput">True when an input already held it (an earlier update, or the data).</param>
/// <param name="Sequence">Increases with every record on this thread, so a reader can tell a new record from an old one.</param>
public sealed record NonFiniteOrigin(string Method, string File, int Line, string Step, string Value, bool IsInput, long Sequence)
{
    /// <summary>One sentence for the student.</summary>
    public override string ToString() => IsInput
        ? $"the input {Step} of {Method} already held {Value} (an earlier update or the data put it there)"
        : $"the first non-finite value in {Method} was {Step} = {Value} ({File} line {Line})";
}

/// <summary>
/// The first NaN or ∞ of a generated gradient. Every generated <c>{Name}Gradient</c> checks its value once at the end
/// of the forward sweep; when it is not finite, it calls <see cref="Record"/> with every value still in scope, in the
/// order they were computed, and the first non-finite one is kept here (per thread) until the next record.
/// <see cref="TrainingMonitor"/> adds it to the divergence it reports, so a student reads which step of their own code
/// made the NaN, not only at which training step the loss became one.
/// </summary>
public static class NonFinite
{
    [ThreadStatic] static NonFiniteOrigin? last;
    [ThreadStatic] static long sequence;

    /// <summary>The latest record on this thread, or null.</summary>
    public static NonFiniteOrigin? Last => last;

    /// <summary>Forgets the latest record on this thread.</summary>
    public static void Clear() => last = null;

    /// <summary>
    /// Called by generated code when the value is NaN or ±∞. <paramref name="steps"/> holds one entry per value,
    /// separated by newlines: the step's text and, after the last <c>@</c>, the student's line (no <c>@</c>: an input).
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Record(string method, string file, string steps, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(values);
        var entries = steps.Split('\n');
        for (int i = 0; i < values.Length && i < entries.Length; i++)
        {
            if (Describe(values[i]) is not { } value) continue;
            var entry = entries[i];
            int at = entry.LastIndexOf('@');
            bool input = at < 0 || !int.TryParse(entry.AsSpan(at + 1), out _);
            int line = input ? 0 : int.Parse(entry.AsSpan(at + 1), System.Globalization.CultureInfo.InvariantCulture);
            last = new NonFiniteOrigin(method, file, line, input ? entry : entry[..at], value, input, ++sequence);
            return;
        }
    }

    /// <summary>"NaN", "+∞", "NaN at [2] of 5 values", "−∞ at [3, 1] of a (5×2) tensor"; null when finite (or not a number).</summary>
    static string? Describe(object? value) => value switch
    {
        double d => double.IsFinite(d) ? null : Name(d),
        float f => float.IsFinite(f) ? null : Name(f),
        double[] a => InArray(a),
        float[] a => InArray(a),
        Tensor<double> t => InTensor(t),
        Tensor<float> t => InTensor(t),
        _ => null,
    };

    static string Name<T>(T v) where T : IFloatingPointIeee754<T> => TensorChecks.Name(v);

    static string? InArray<T>(T[] values) where T : IFloatingPointIeee754<T>
    {
        int i = Array.FindIndex(values, v => !T.IsFinite(v));
        return i < 0 ? null : $"{Name(values[i])} at [{i}] of {values.Length} values";
    }

    static string? InTensor<T>(Tensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T> =>
        TensorChecks.FirstNonFinite(tensor, out _) is { } first ? $"{first} of a {tensor.Shape} tensor" : null;
}
