namespace Tutor.Data;

/// <summary>What to do with an empty (or "NA") numeric field.</summary>
public enum MissingValues
{
    /// <summary>Stop with an error naming the file, line and column (the default: missing data should be a decision).</summary>
    Error,

    /// <summary>Keep the cell as NaN and list it in <see cref="CsvTable.MissingCells"/>.</summary>
    KeepNaN,

    /// <summary>Replace the cell with its column's mean over the file's other rows, and list it. Note that this mean sees
    /// validation and test rows too; to impute from the training split only, use <see cref="KeepNaN"/> and impute after splitting.</summary>
    ImputeMean,

    /// <summary>Drop the whole row, and list its missing cells.</summary>
    DropRow,
}

/// <summary>How <see cref="CsvReader"/> reads a file.</summary>
public sealed record CsvOptions
{
    /// <summary>The first line names the columns (default true). Without a header the columns are named "1", "2", ….</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>The field separator (default ',').</summary>
    public char Separator { get; init; } = ',';

    /// <summary>The policy for missing numeric fields.</summary>
    public MissingValues Missing { get; init; } = MissingValues.Error;

    /// <summary>Field contents that mean "missing" (compared case-insensitively after trimming): by default "", "NA" and "?".</summary>
    public IReadOnlyList<string> MissingMarkers { get; init; } = ["", "NA", "?"];

    /// <summary>Columns kept as text, by name (e.g. california_housing's "ocean_proximity").</summary>
    public IReadOnlyList<string> TextColumns { get; init; } = [];

    /// <summary>The numeric columns to keep, by name, in the order given; null keeps every column not in <see cref="TextColumns"/>.</summary>
    public IReadOnlyList<string>? Columns { get; init; }
}
