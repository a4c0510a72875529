namespace Tutor.Tensors;

/// <summary>
/// The shape of a tensor: a scalar <c>()</c>, a vector <c>(n)</c> or a matrix <c>(r×c)</c>. Batches are matrices,
/// one example per row. A vector behaves as a column (n×1) where an op needs rows and columns.
/// </summary>
public readonly struct TensorShape : IEquatable<TensorShape>
{
    TensorShape(int rank, int rows, int columns)
    {
        Rank = rank;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The shape of a single number, <c>()</c>: what a loss or a full sum returns.</summary>
    public static TensorShape Scalar => new(0, 1, 1);

    /// <summary>The shape of a vector of <paramref name="length"/> elements.</summary>
    public static TensorShape Vector(int length) => new(1, length, 1);

    /// <summary>The shape of a <paramref name="rows"/>×<paramref name="columns"/> matrix.</summary>
    public static TensorShape Matrix(int rows, int columns) => new(2, rows, columns);

    /// <summary>0 for a scalar, 1 for a vector, 2 for a matrix.</summary>
    public int Rank { get; }

    /// <summary>Rows of a matrix; the length of a vector (a vector is a column); 1 for a scalar.</summary>
    public int Rows { get; }

    /// <summary>Columns of a matrix; 1 for a vector or a scalar.</summary>
    public int Columns { get; }

    /// <summary>The number of elements.</summary>
    public int Length => Rows * Columns;

    /// <summary>True for a scalar.</summary>
    public bool IsScalar => Rank == 0;

    /// <summary>True for a vector.</summary>
    public bool IsVector => Rank == 1;

    /// <summary>True for a matrix.</summary>
    public bool IsMatrix => Rank == 2;

    /// <inheritdoc/>
    public bool Equals(TensorShape other) => Rank == other.Rank && Rows == other.Rows && Columns == other.Columns;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorShape other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rank, Rows, Columns);

    /// <summary>Equal shapes: same rank and the same dimensions.</summary>
    public static bool operator ==(TensorShape left, TensorShape right) => left.Equals(right);

    /// <summary>Different shapes.</summary>
    public static bool operator !=(TensorShape left, TensorShape right) => !left.Equals(right);

    /// <summary>The shape as error messages write it: <c>()</c>, <c>(5)</c>, <c>(3×4)</c>.</summary>
    public override string ToString() => Rank switch
    {
        0 => "()",
        1 => $"({Rows})",
        _ => $"({Rows}×{Columns})",
    };
}
