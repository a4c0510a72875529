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

    /// <summary>The shape of a per-row result (one entry per row) of the matrix <paramref name="a"/>.</summary>
    public static TensorShape PerRow(string op, TensorShape a)
    {
        RequireMatrix(op, a);
        return TensorShape.Vector(a.Rows);
    }

    /// <summary>The shape of a per-column result (one entry per column) of the matrix <paramref name="a"/>.</summary>
    public static TensorShape PerColumn(string op, TensorShape a)
    {
        RequireMatrix(op, a);
        return TensorShape.Vector(a.Columns);
    }

    /// <summary>Checks a destination (output, adjoint or tangent buffer) has the shape the op produces.</summary>
    public static void RequireDestination(string op, TensorShape expected, TensorShape destination, string role = "destination")
    {
        if (expected != destination)
            throw new ShapeMismatchException(op, $"{op}: the {role} has shape {destination}, but the op needs {expected}.");
    }

    /// <summary>The op writes its output while still reading its inputs: forbid a destination that overlaps one.</summary>
    public static void RequireNoAlias<T>(string op, Tensor<T> destination, Tensor<T> input)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        RequireNoAlias(op, destination.Shape, input.Shape, destination.Overlaps(input));

    /// <summary>The same check for any backend: <paramref name="overlaps"/> says whether the two share storage.</summary>
    public static void RequireNoAlias(string op, TensorShape destination, TensorShape input, bool overlaps)
    {
        if (overlaps)
            throw new ShapeMismatchException(op, $"{op}: the destination {destination} shares storage with an operand {input}; pass a separate buffer.");
    }

    /// <summary>The arguments of a VJP: Ȳ has the result's shape, Ā the operand's.</summary>
    public static void RequireVjp(string op, TensorShape resultAdjoint, TensorShape result, TensorShape operand, TensorShape operandAdjoint)
    {
        RequireDestination(op, result, resultAdjoint, "result adjoint");
        RequireDestination(op, operand, operandAdjoint, "operand adjoint");
    }

    /// <summary>The arguments of a JVP: each given tangent has its operand's shape, Ẏ the result's.</summary>
    public static void RequireJvp(string op, TensorShape result, TensorShape resultTangent, TensorShape operand, TensorShape? tangent,
        TensorShape? operand2 = null, TensorShape? tangent2 = null)
    {
        RequireDestination(op, result, resultTangent, "result tangent");
        if (tangent is { } t) RequireDestination(op, operand, t, "operand tangent");
        if (tangent2 is { } t2 && operand2 is { } o2) RequireDestination(op, o2, t2, "second operand tangent");
    }

    public static void RequireLabels(string op, TensorShape logits, int[] labels)
    {
        RequireLabelCount(op, logits, labels.Length);
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)logits.Columns)
                throw new ShapeMismatchException(op, $"{op}: label {labels[i]} in row {i} is outside 0..{logits.Columns - 1} for logits of shape {logits}.");
    }

    /// <summary>Checks <paramref name="logits"/> is a matrix with one row per label (the labels' values are the caller's to check).</summary>
    public static void RequireLabelCount(string op, TensorShape logits, int count)
    {
        RequireMatrix(op, logits);
        if (count != logits.Rows)
            throw new ShapeMismatchException(op, $"{op}: {count} labels for logits of shape {logits}; need one label per row ({logits.Rows}).");
    }

    /// <summary>A + 1vᵀ: v has one entry per column of the matrix a (a vector, or a 1×n matrix).</summary>
    public static TensorShape RowVector(string op, TensorShape a, TensorShape v)
    {
        RequireMatrix(op, a);
        if (v.Length != a.Columns || !(v.Rank == 1 || v.Rows == 1))
            throw new ShapeMismatchException(op, $"{op}: cannot add {v} to each row of {a}: need a vector of {a.Columns} (one per column).");
        return a;
    }

    /// <summary>A + v1ᵀ: v has one entry per row of the matrix a (a vector, or an n×1 matrix).</summary>
    public static TensorShape ColumnVector(string op, TensorShape a, TensorShape v)
    {
        RequireMatrix(op, a);
        if (v.Length != a.Rows || !(v.Rank == 1 || v.Columns == 1))
            throw new ShapeMismatchException(op, $"{op}: cannot add {v} to each column of {a}: need a vector of {a.Rows} (one per row).");
        return a;
    }

    /// <summary>Rows start … start + count − 1 of a: at least one, all inside.</summary>
    public static TensorShape Slice(string op, TensorShape a, int start, int count)
    {
        if (a.Rank == 0) throw new ShapeMismatchException(op, $"{op}: a scalar {a} has no rows to slice.");
        if (count <= 0)
            throw new ShapeMismatchException(op, $"{op}: empty batch: {count} rows from {start} of {a}; a batch needs at least one row.");
        if (start < 0 || start + count > a.Rows)
            throw new ShapeMismatchException(op, $"{op}: rows {start}..{start + count - 1} are outside {a} (rows 0..{a.Rows - 1}).");
        return a.Rank == 1 ? TensorShape.Vector(count) : TensorShape.Matrix(count, a.Columns);
    }

    /// <summary>
    /// op(A)·op(B), where op transposes when asked; a vector is a column (n×1). The result is a vector when the right
    /// factor is an untransposed vector, a matrix otherwise; a destination <paramref name="c"/> must match in rows and
    /// columns (an adjoint keeps its operand's own shape).
    /// </summary>
    public static TensorShape Product(string op, TensorShape a, bool ta, TensorShape b, bool tb, TensorShape? c)
    {
        int m = ta ? a.Columns : a.Rows, k = ta ? a.Rows : a.Columns;
        int kb = tb ? b.Columns : b.Rows, n = tb ? b.Rows : b.Columns;
        if (k != kb)
            throw new ShapeMismatchException(op, $"{op}: cannot multiply {a}{(ta ? "ᵀ" : "")} by {b}{(tb ? "ᵀ" : "")}: inner dimensions {k} and {kb} differ.");
        var shape = b.Rank == 1 && !tb ? TensorShape.Vector(m) : TensorShape.Matrix(m, n);
        if (c is { } destination && (destination.Rows != m || destination.Columns != n))
            throw new ShapeMismatchException(op, $"{op}: the destination has shape {destination}, but {a}{(ta ? "ᵀ" : "")}·{b}{(tb ? "ᵀ" : "")} is {shape}.");
        return shape;
    }
}
