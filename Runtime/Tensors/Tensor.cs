using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Tutor.Tensors;

/// <summary>
/// A scalar, vector or matrix of <typeparamref name="T"/> (<see cref="float"/> or <see cref="double"/>), stored
/// row-major and contiguous. Ops (<see cref="Ops"/>) return new tensors and leave their operands alone; the
/// overloads that take a <c>destination</c> write into a tensor you own, so a training loop can reuse buffers.
/// <see cref="Ops.SliceRows{T}(Tensor{T}, int, int)"/> and <see cref="Reshape"/> return views that share storage.
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed partial class Tensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly T[] buffer;
    readonly int offset;

    internal Tensor(TensorShape shape, T[] buffer, int offset)
    {
        Shape = shape;
        this.buffer = buffer;
        this.offset = offset;
    }

    /// <summary>The tensor's shape.</summary>
    public TensorShape Shape { get; }

    /// <summary>0 for a scalar, 1 for a vector, 2 for a matrix.</summary>
    public int Rank => Shape.Rank;

    /// <summary>Rows of a matrix; the length of a vector; 1 for a scalar.</summary>
    public int Rows => Shape.Rows;

    /// <summary>Columns of a matrix; 1 for a vector or a scalar.</summary>
    public int Columns => Shape.Columns;

    /// <summary>The number of elements.</summary>
    public int Length => Shape.Length;

    internal T[] Buffer => buffer;
    internal int Offset => offset;

    /// <summary>The elements, row-major. Writing through the span changes this tensor (and any view of it).</summary>
    public Span<T> AsSpan() => buffer.AsSpan(offset, Length);

    /// <summary>The elements, row-major, read-only.</summary>
    public ReadOnlySpan<T> AsReadOnlySpan() => new(buffer, offset, Length);

    internal ref T First => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(buffer), offset);

    /// <summary>The only element of a scalar (or of any one-element tensor), like PyTorch's <c>item()</c>.</summary>
    public T ToScalar() => Length == 1
        ? buffer[offset]
        : throw new InvalidOperationException($"ToScalar: a tensor of shape {Shape} has {Length} elements, not one.");

    /// <summary>Element <paramref name="index"/> of a vector (or, row-major, of any tensor).</summary>
    public T this[int index]
    {
        get => buffer[offset + CheckFlat(index)];
        set => buffer[offset + CheckFlat(index)] = value;
    }

    /// <summary>Element (<paramref name="row"/>, <paramref name="column"/>) of a matrix.</summary>
    public T this[int row, int column]
    {
        get => buffer[offset + CheckCell(row, column)];
        set => buffer[offset + CheckCell(row, column)] = value;
    }

    int CheckFlat(int index) => (uint)index < (uint)Length
        ? index
        : throw new IndexOutOfRangeException($"Index {index} is outside a tensor of shape {Shape}.");

    int CheckCell(int row, int column) => (uint)row < (uint)Rows && (uint)column < (uint)Columns
        ? row * Columns + column
        : throw new IndexOutOfRangeException($"Index [{row}, {column}] is outside a tensor of shape {Shape}.");

    /// <summary>Row <paramref name="row"/> of a matrix as a span (shares storage).</summary>
    public Span<T> Row(int row) => (uint)row < (uint)Rows
        ? buffer.AsSpan(offset + row * Columns, Columns)
        : throw new IndexOutOfRangeException($"Row {row} is outside a tensor of shape {Shape}.");

    /// <summary>A view of the same elements with another shape of the same length (no copy).</summary>
    public Tensor<T> Reshape(TensorShape shape) => shape.Length == Length
        ? new Tensor<T>(shape, buffer, offset)
        : throw new ArgumentException($"Reshape: cannot view {Shape} ({Length} elements) as {shape} ({shape.Length} elements).");

    /// <summary>A copy with its own storage.</summary>
    public Tensor<T> Clone()
    {
        var copy = Uninitialized(Shape);
        AsReadOnlySpan().CopyTo(copy.AsSpan());
        return copy;
    }

    /// <summary>Copies the elements into <paramref name="destination"/>, which must have the same shape.</summary>
    public void CopyTo(Tensor<T> destination)
    {
        Shapes.RequireSame("CopyTo", Shape, destination.Shape);
        AsReadOnlySpan().CopyTo(destination.AsSpan());
    }

    /// <summary>Sets every element to zero (reset a gradient before accumulating into it).</summary>
    public void Clear() => AsSpan().Clear();

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(T value) => AsSpan().Fill(value);

    /// <summary>The elements as a new array, row-major.</summary>
    public T[] ToArray() => AsReadOnlySpan().ToArray();

    /// <summary>A matrix as a new two-dimensional array (a vector as a column, a scalar as 1×1).</summary>
    public T[,] ToArray2D()
    {
        var result = new T[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++) result[r, c] = buffer[offset + r * Columns + c];
        return result;
    }

    /// <summary>True when both tensors share storage (a view and its parent, or one tensor twice).</summary>
    internal bool Overlaps(Tensor<T> other) =>
        ReferenceEquals(buffer, other.buffer) && offset < other.offset + other.Length && other.offset < offset + Length;

    // ---- factories ----------------------------------------------------------------------------------------

    internal static Tensor<T> Uninitialized(TensorShape shape) =>
        new(Shapes.RequireNonEmpty("Tensor", shape), GC.AllocateUninitializedArray<T>(shape.Length), 0);

    /// <summary>A tensor of zeros with the given shape.</summary>
    public static Tensor<T> Zeros(TensorShape shape) => new(Shapes.RequireNonEmpty("Zeros", shape), new T[shape.Length], 0);

    /// <summary>A <paramref name="rows"/>×<paramref name="columns"/> matrix of zeros.</summary>
    public static Tensor<T> Zeros(int rows, int columns) => Zeros(TensorShape.Matrix(rows, columns));

    /// <summary>A vector of <paramref name="length"/> zeros.</summary>
    public static Tensor<T> Zeros(int length) => Zeros(TensorShape.Vector(length));

    /// <summary>Zeros with the shape of <paramref name="like"/>: the starting value of an adjoint.</summary>
    public static Tensor<T> ZerosLike(Tensor<T> like) => Zeros(like.Shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    public static Tensor<T> Full(TensorShape shape, T value)
    {
        var t = Uninitialized(shape);
        t.Fill(value);
        return t;
    }

    /// <summary>A scalar tensor.</summary>
    public static Tensor<T> Scalar(T value) => new(TensorShape.Scalar, new[] { value }, 0);

    /// <summary>A vector with the given elements (copied).</summary>
    public static Tensor<T> Vector(params ReadOnlySpan<T> values) =>
        new(Shapes.RequireNonEmpty("Vector", TensorShape.Vector(values.Length)), values.ToArray(), 0);

    /// <summary>A matrix from a two-dimensional array (copied).</summary>
    public static Tensor<T> Matrix(T[,] values)
    {
        var t = Uninitialized(TensorShape.Matrix(values.GetLength(0), values.GetLength(1)));
        for (int r = 0; r < t.Rows; r++)
            for (int c = 0; c < t.Columns; c++) t.buffer[r * t.Columns + c] = values[r, c];
        return t;
    }

    /// <summary>A <paramref name="rows"/>×<paramref name="columns"/> matrix from row-major <paramref name="values"/> (copied).</summary>
    public static Tensor<T> Matrix(int rows, int columns, ReadOnlySpan<T> values)
    {
        var shape = TensorShape.Matrix(rows, columns);
        if (values.Length != shape.Length)
            throw new ArgumentException($"Matrix: {values.Length} values cannot fill a matrix of shape {shape} ({shape.Length} elements).");
        var t = Uninitialized(shape);
        values.CopyTo(t.AsSpan());
        return t;
    }

    /// <summary>Wraps <paramref name="values"/> without copying: the tensor and the array share storage.</summary>
    public static Tensor<T> Wrap(T[] values, TensorShape shape)
    {
        if (values.Length != shape.Length)
            throw new ArgumentException($"Wrap: an array of {values.Length} elements cannot be viewed as {shape} ({shape.Length} elements).");
        return new Tensor<T>(Shapes.RequireNonEmpty("Wrap", shape), values, 0);
    }
}
