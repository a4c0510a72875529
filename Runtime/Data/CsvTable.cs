namespace Tutor.Data;

/// <summary>A cell that was missing, with where it was in the file.</summary>
/// <param name="Line">The 1-based file line.</param>
/// <param name="Column">The 1-based field number in the file.</param>
/// <param name="ColumnName">The column's name.</param>
public readonly record struct MissingCell(int Line, int Column, string ColumnName);

/// <summary>
/// The numeric content of a CSV file as one row-major matrix (rows × columns, the layout a batch of examples has),
/// with the column names, any text columns, and a record of every missing cell and what was done with it.
/// </summary>
public sealed class CsvTable
{
    readonly Dictionary<string, string[]> text;

    internal CsvTable(string fileName, string[] columnNames, double[] values, int[] sourceLines, MissingCell[] missing, Dictionary<string, string[]> text)
    {
        FileName = fileName;
        ColumnNames = columnNames;
        Values = values;
        SourceLines = sourceLines;
        MissingCells = missing;
        this.text = text;
    }

    /// <summary>The file's name, as used in messages.</summary>
    public string FileName { get; }

    /// <summary>The numeric columns' names, in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The number of data rows kept.</summary>
    public int RowCount => SourceLines.Count;

    /// <summary>The number of numeric columns.</summary>
    public int ColumnCount => ColumnNames.Count;

    /// <summary>The numbers, row-major: row r, column c is at r·<see cref="ColumnCount"/> + c.</summary>
    public double[] Values { get; }

    /// <summary>The file line each row came from (1-based), for messages about rows.</summary>
    public IReadOnlyList<int> SourceLines { get; }

    /// <summary>Every missing cell found, whatever the policy did with it.</summary>
    public IReadOnlyList<MissingCell> MissingCells { get; }

    /// <summary>The value at a row and column.</summary>
    public double this[int row, int column] => Values[row * ColumnCount + column];

    /// <summary>The position of a numeric column by name.</summary>
    /// <exception cref="KeyNotFoundException">No numeric column has that name (the message lists those that do).</exception>
    public int IndexOf(string column)
    {
        for (int c = 0; c < ColumnNames.Count; c++)
            if (ColumnNames[c] == column) return c;
        throw new KeyNotFoundException($"{FileName} has no numeric column '{column}'; it has {string.Join(", ", ColumnNames)}");
    }

    /// <summary>One numeric column as an array.</summary>
    public double[] Column(string column) => Select(column);

    /// <summary>The named numeric columns, row-major (rows × names.Length).</summary>
    public double[] Select(params string[] columns)
    {
        int[] indices = [.. columns.Select(IndexOf)];
        var result = new double[RowCount * indices.Length];
        for (int r = 0; r < RowCount; r++)
            for (int k = 0; k < indices.Length; k++)
                result[r * indices.Length + k] = Values[r * ColumnCount + indices[k]];
        return result;
    }

    /// <summary>A text column (one of <see cref="CsvOptions.TextColumns"/>), one entry per kept row.</summary>
    public IReadOnlyList<string> Text(string column) =>
        text.TryGetValue(column, out var values) ? values : throw new KeyNotFoundException($"{FileName} was not read with '{column}' as a text column");

    /// <summary>All values as float32 (the seeds' precision).</summary>
    public float[] ToSingle() => [.. Values.Select(v => (float)v)];
}
