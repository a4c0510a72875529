namespace Tutor.Data;

/// <summary>Row operations on row-major matrices held in flat arrays (the layout of <see cref="CsvTable.Values"/> and <see cref="IdxImages.Pixels"/>).</summary>
public static class Rows
{
    /// <summary>Copies the rows named by <paramref name="rows"/> of a matrix with <paramref name="columns"/> columns into <paramref name="destination"/>, in that order.</summary>
    /// <exception cref="ArgumentException">The destination is not rows.Length × columns.</exception>
    public static void Gather<T>(ReadOnlySpan<T> source, int columns, ReadOnlySpan<int> rows, Span<T> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (destination.Length != rows.Length * columns)
            throw new ArgumentException($"the destination holds {destination.Length} values; {rows.Length} rows × {columns} columns need {rows.Length * columns}", nameof(destination));
        for (int k = 0; k < rows.Length; k++)
            source.Slice(rows[k] * columns, columns).CopyTo(destination.Slice(k * columns, columns));
    }

    /// <summary>Returns the rows named by <paramref name="rows"/> as a new rows.Length × columns array.</summary>
    public static T[] Gather<T>(ReadOnlySpan<T> source, int columns, ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length * columns];
        Gather(source, columns, rows, result);
        return result;
    }
}
