namespace Tutor.Tensors;

/// <summary>
/// Shape checks shared by every op. Each message names the op and every shape involved, so a student sees
/// at once which line of the model is wrong: "MatMul: cannot multiply (3×4) by (5×2): inner dimensions 4 and 5 differ".
/// </summary>
internal static class Shapes
{
    public static TensorShape RequireNonEmpty(string op, TensorShape shape) => shape.Rows > 0 && shape.Columns > 0
        ? shape
        : throw new ShapeMismatchException(op, shape.Rows < 0 || shape.Columns < 0
            ? $"{op}: negative dimension in shape {shape}."
            : $"{op}: shape {shape} is empty: a tensor (and a batch) needs at least one row and one column.");

    public static void RequireSame(string op, TensorShape a, TensorShape b)
    {
        if (a != b) throw new ShapeMismatchException(op, $"{op}: shapes {a} and {b} differ; elementwise ops need equal shapes.");
    }

    public static void RequireMatrix(string op, TensorShape a)
    {
        if (!a.IsMatrix)
            throw new ShapeMismatchException(op, $"{op}: expects a matrix (batch × features), got {a}; make one with Reshape(TensorShape.Matrix(1, n)).");
    }

    /// <summary>Checks a destination (output, adjoint or tangent buffer) has the shape the op produces.</summary>
    public static void RequireDestination(string op, TensorShape expected, TensorShape destination, string role = "destination")
    {
        if (expected != destination)
            throw new ShapeMismatchException(op, $"{op}: the {role} has shape {destination}, but the op needs {expected}.");
    }

    /// <summary>The op writes its output while still reading its inputs: forbid a destination that overlaps one.</summary>
    public static void RequireNoAlias<T>(string op, Tensor<T> destination, Tensor<T> input)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        if (destination.Overlaps(input))
            throw new ShapeMismatchException(op, $"{op}: the destination {destination.Shape} shares storage with an operand {input.Shape}; pass a separate buffer.");
    }

    public static void RequireLabels(string op, TensorShape logits, int[] labels)
    {
        RequireMatrix(op, logits);
        if (labels.Length != logits.Rows)
            throw new ShapeMismatchException(op, $"{op}: {labels.Length} labels for logits of shape {logits}; need one label per row ({logits.Rows}).");
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)logits.Columns)
                throw new ShapeMismatchException(op, $"{op}: label {labels[i]} in row {i} is outside 0..{logits.Columns - 1} for logits of shape {logits}.");
    }
}
