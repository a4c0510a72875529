using System.Globalization;

namespace Tutor.Data;

/// <summary>
/// A data file that cannot be read as asked. The message starts like a compiler's, "file:line:column: what is wrong"
/// ("iris.csv:37:3: 'abc' is not a number"), so an editor or a student can go straight to the spot; binary formats
/// have no lines and name the file and the problem ("images.idx: bad magic number …").
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception for a position in a text file (line and column 1-based; 0 when unknown).</summary>
    public DataFormatException(string fileName, int line, int column, string problem)
        : base(Locate(fileName, line, column) + ": " + problem)
    {
        (FileName, Line, Column, Problem) = (fileName, line, column, problem);
    }

    /// <summary>Creates the exception for a whole file (binary formats).</summary>
    public DataFormatException(string fileName, string problem) : this(fileName, 0, 0, problem) { }

    /// <summary>Creates an exception with a bare message.</summary>
    public DataFormatException(string message) : base(message) => (FileName, Problem) = ("", message);

    /// <summary>Creates an exception with a bare message and an inner exception.</summary>
    public DataFormatException(string message, Exception innerException) : base(message, innerException) => (FileName, Problem) = ("", message);

    /// <summary>Creates an empty exception.</summary>
    public DataFormatException() : this("the data file is malformed") { }

    /// <summary>The file's name as shown in the message.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line, or 0.</summary>
    public int Line { get; }

    /// <summary>The 1-based column (field number in CSV), or 0.</summary>
    public int Column { get; }

    /// <summary>The message without its location.</summary>
    public string Problem { get; }

    static string Locate(string file, int line, int column) =>
        line <= 0 ? file : column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}") : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}");
}
