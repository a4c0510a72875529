using System.Globalization;
using System.Text;

namespace Tutor.Data;

/// <summary>
/// Reads numeric CSV files (plain or gzip-compressed) into a <see cref="CsvTable"/>. Numbers are parsed with the
/// invariant culture ("3.14", "1e-5"), fields may be quoted ("a,b" and "" for a quote) but may not span lines, blank
/// lines are skipped, and every error names the file, the line and the field: "iris.csv:37:3: 'abc' is not a number".
/// </summary>
public static class CsvReader
{
    /// <summary>Reads a CSV file; gzip is recognised by its magic bytes.</summary>
    /// <exception cref="DataFormatException">A field is not a number, a row has the wrong number of fields, a value is
    /// missing under <see cref="MissingValues.Error"/>, a quote is unterminated, or a named column does not exist.</exception>
    public static CsvTable Read(string path, CsvOptions? options = null)
    {
        string name = Path.GetFileName(path);
        byte[] bytes = DataFile.ReadAllBytes(path);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, name, options);
    }

    /// <summary>Reads CSV text; <paramref name="fileName"/> is used in messages.</summary>
    public static CsvTable Parse(TextReader reader, string fileName, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new CsvOptions();
        var lines = ReadRecords(reader, fileName, options.Separator);
        if (lines.Count == 0) throw new DataFormatException(fileName, options.HasHeader ? "the file is empty; expected a header line" : "the file is empty");

        int fieldCount = lines[0].Fields.Length;
        string[] header = options.HasHeader
            ? [.. lines[0].Fields.Select(f => f.Trim())]
            : [.. Enumerable.Range(1, fieldCount).Select(i => i.ToString(CultureInfo.InvariantCulture))];
        int headerLine = options.HasHeader ? lines[0].Line : 0;

        int[] textFields = [.. options.TextColumns.Select(c => Find(header, c, fileName, headerLine))];
        int[] numericFields = options.Columns is { } chosen
            ? [.. chosen.Select(c => Find(header, c, fileName, headerLine))]
            : [.. Enumerable.Range(0, fieldCount).Where(i => !textFields.Contains(i))];

        var values = new List<double>();
        var sourceLines = new List<int>();
        var missing = new List<MissingCell>();
        var texts = textFields.Select(_ => new List<string>()).ToArray();
        var row = new double[numericFields.Length];

        foreach (var (line, fields) in lines.Skip(options.HasHeader ? 1 : 0))
        {
            if (fields.Length != fieldCount)
                throw new DataFormatException(fileName, line, 0, $"expected {fieldCount} fields{(options.HasHeader ? " (as in the header)" : "")}, found {fields.Length}");
            bool rowHasMissing = false;
            for (int k = 0; k < numericFields.Length; k++)
            {
                int f = numericFields[k];
                string field = fields[f].Trim();
                if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    row[k] = value;
                }
                else if (IsMissing(field, options))
                {
                    if (options.Missing == MissingValues.Error)
                        throw new DataFormatException(fileName, line, f + 1,
                            $"missing value in column '{header[f]}' (set CsvOptions.Missing to KeepNaN, ImputeMean or DropRow to accept missing values)");
                    missing.Add(new MissingCell(line, f + 1, header[f]));
                    rowHasMissing = true;
                    row[k] = double.NaN;
                }
                else
                {
                    throw new DataFormatException(fileName, line, f + 1, $"'{field}' is not a number");
                }
            }
            if (rowHasMissing && options.Missing == MissingValues.DropRow) continue;
            values.AddRange(row);
            sourceLines.Add(line);
            for (int t = 0; t < textFields.Length; t++) texts[t].Add(fields[textFields[t]].Trim());
        }

        double[] matrix = [.. values];
        if (options.Missing == MissingValues.ImputeMean) ImputeMeans(matrix, numericFields.Length, fileName, header, numericFields);
        var text = new Dictionary<string, string[]>();
        for (int t = 0; t < textFields.Length; t++) text[header[textFields[t]]] = [.. texts[t]];
        return new CsvTable(fileName, [.. numericFields.Select(f => header[f])], matrix, [.. sourceLines], [.. missing], text);
    }

    static bool IsMissing(string field, CsvOptions options) =>
        options.MissingMarkers.Any(m => string.Equals(m, field, StringComparison.OrdinalIgnoreCase));

    static int Find(string[] header, string column, string fileName, int headerLine)
    {
        int index = Array.IndexOf(header, column);
        if (index < 0) throw new DataFormatException(fileName, headerLine, 0, $"no column named '{column}'; the columns are {string.Join(", ", header)}");
        return index;
    }

    static void ImputeMeans(double[] matrix, int columns, string fileName, string[] header, int[] numericFields)
    {
        int rows = columns == 0 ? 0 : matrix.Length / columns;
        for (int c = 0; c < columns; c++)
        {
            double sum = 0;
            int count = 0;
            for (int r = 0; r < rows; r++)
                if (!double.IsNaN(matrix[r * columns + c])) { sum += matrix[r * columns + c]; count++; }
            if (count == rows) continue;
            if (count == 0) throw new DataFormatException(fileName, $"column '{header[numericFields[c]]}' has no values to impute its missing cells from");
            double mean = sum / count;
            for (int r = 0; r < rows; r++)
                if (double.IsNaN(matrix[r * columns + c])) matrix[r * columns + c] = mean;
        }
    }

    static List<(int Line, string[] Fields)> ReadRecords(TextReader reader, string fileName, char separator)
    {
        var records = new List<(int, string[])>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } text)
        {
            lineNumber++;
            if (text.Length == 0) continue;
            records.Add((lineNumber, SplitFields(text, separator, fileName, lineNumber)));
        }
        return records;
    }

    static string[] SplitFields(string line, char separator, string fileName, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                int start = fields.Count + 1;
                i++;
                while (true)
                {
                    if (i >= line.Length) throw new DataFormatException(fileName, lineNumber, start, "unterminated quoted field (quoted fields cannot span lines)");
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(line[i++]);
                }
                while (i < line.Length && line[i] != separator) field.Append(line[i++]); // text after the closing quote: kept, then parsed as usual
            }
            else
            {
                while (i < line.Length && line[i] != separator) field.Append(line[i++]);
            }
            fields.Add(field.ToString());
            if (i >= line.Length) return [.. fields];
            i++; // the separator
        }
    }
}
