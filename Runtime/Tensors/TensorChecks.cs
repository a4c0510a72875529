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
        if (IsFinite(tensor)) return;
        var span = tensor.AsReadOnlySpan();
        int first = -1, count = 0;
        for (int i = 0; i < span.Length; i++)
            if (!T.IsFinite(span[i])) { if (first < 0) first = i; count++; }
        string where = tensor.Rank == 2 ? $"[{first / tensor.Columns}, {first % tensor.Columns}]" : $"[{first}]";
        string what = T.IsNaN(span[first]) ? "NaN" : T.IsPositiveInfinity(span[first]) ? "+∞" : "−∞";
        throw new NonFiniteTensorException(step, operation,
            $"Step {step}: {operation} produced {what} at {where} of a {tensor.Shape} tensor ({count} non-finite value{(count == 1 ? "" : "s")}). " +
            "Look for a log or division of zero, an exp that overflowed, or a learning rate that makes training diverge.");
    }
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
