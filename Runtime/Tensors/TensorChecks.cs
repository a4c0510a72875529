using System.Numerics;
using System.Numerics.Tensors;

namespace Tutor.Tensors;

/// <summary>Checks for training loops: find the first NaN or ∞ and say which step and which op produced it.</summary>
public static class TensorChecks
{
    /// <summary>True when every element is finite (no NaN, no ±∞).</summary>
    public static bool IsFinite<T>(Tensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsFinite(TensorPrimitives.MaxMagnitude(tensor.AsReadOnlySpan()));

    /// <summary>
    /// Throws <see cref="NonFiniteTensorException"/> when <paramref name="tensor"/> holds a NaN or an ∞, naming the
    /// training <paramref name="step"/>, the <paramref name="operation"/> that produced the tensor (e.g.
    /// <c>"t4 = Log(t3)"</c>), the first bad element and its position.
    /// </summary>
    public static void ThrowIfNotFinite<T>(Tensor<T> tensor, long step, string operation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (FirstNonFinite(tensor, out int count) is not { } first) return;
        throw new NonFiniteTensorException(step, operation,
            $"Step {step}: {operation} produced {first} of a {tensor.Shape} tensor ({count} non-finite value{(count == 1 ? "" : "s")}). " +
            "Look for a log or division of zero, an exp that overflowed, or a learning rate that makes training diverge.");
    }

    /// <summary>The first NaN or ±∞ with its position (<c>"NaN at [3, 1]"</c>) and how many there are; null when all are finite.</summary>
    internal static string? FirstNonFinite<T>(Tensor<T> tensor, out int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        count = 0;
        if (IsFinite(tensor)) return null;
        var span = tensor.AsReadOnlySpan();
        int first = -1;
        for (int i = 0; i < span.Length; i++)
            if (!T.IsFinite(span[i])) { if (first < 0) first = i; count++; }
        string where = tensor.Rank == 2 ? $"[{first / tensor.Columns}, {first % tensor.Columns}]" : $"[{first}]";
        return $"{Name(span[first])} at {where}";
    }

    /// <summary>"NaN", "+∞" or "−∞" for a value that is not finite.</summary>
    internal static string Name<T>(T value) where T : IFloatingPointIeee754<T> => T.IsNaN(value) ? "NaN" : T.IsPositive(value) ? "+∞" : "−∞";
}

/// <summary>A NaN or ∞ appeared in training; <see cref="Step"/> and <see cref="Operation"/> say where.</summary>
public sealed class NonFiniteTensorException : ArithmeticException
{
    /// <summary>Creates the exception.</summary>
    public NonFiniteTensorException(long step, string operation, string message) : base(message)
    {
        Step = step;
        Operation = operation;
    }

    /// <summary>The training step in which the value appeared.</summary>
    public long Step { get; }

    /// <summary>The op that produced it.</summary>
    public string Operation { get; }
}
