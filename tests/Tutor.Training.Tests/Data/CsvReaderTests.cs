using System.Text;
using Tutor.Data;

namespace Tutor.Training.Tests.Data;

public sealed class CsvReaderTests : IDisposable
{
    readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    const string Iris = "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,0\n\n7.0,3.2,4.7,1.4,1\n6.3,3.3,6.0,2.5,2\n";

    [Fact]
    public void Reads_a_header_and_numeric_rows_into_a_row_major_matrix()
    {
        var table = CsvReader.Read(files.Text("iris.csv", Iris));
        Assert.Equal(["150", "4", "setosa", "versicolor", "virginica"], table.ColumnNames);
        Assert.Equal(4, table.RowCount);
        Assert.Equal(5, table.ColumnCount);
        Assert.Equal(3.0, table[1, 1]);
        Assert.Equal(2.0, table[3, 4]);
        Assert.Equal([2, 3, 5, 6], table.SourceLines); // the blank line 4 is skipped but counted
        Assert.Equal([0.0, 0, 1, 2], table.Column("virginica"));
        Assert.Equal([5.1, 0, 4.9, 0], table.Select("150", "virginica")[..4]);
        Assert.Empty(table.MissingCells);
    }

    [Fact]
    public void Reads_gzip_compressed_files_recognised_by_their_magic_bytes()
    {
        var plain = CsvReader.Read(files.Text("iris.csv", Iris));
        var zipped = CsvReader.Read(files.Gzip("iris.csv.gz", Encoding.UTF8.GetBytes(Iris)));
        Assert.Equal(plain.Values, zipped.Values);
        Assert.Equal("iris.csv.gz", zipped.FileName);
    }

    [Fact]
    public void A_field_that_is_not_a_number_names_file_line_and_column()
    {
        string path = files.Text("iris.csv", "a,b,c\n1,2,3\n4,5,abc\n");
        var e = Assert.Throws<DataFormatException>(() => CsvReader.Read(path));
        Assert.Equal("iris.csv:3:3: 'abc' is not a number", e.Message);
        Assert.Equal((3, 3), (e.Line, e.Column));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_names_the_line()
    {
        var e = Assert.Throws<DataFormatException>(() => CsvReader.Read(files.Text("short.csv", "a,b,c\n1,2,3\n4,5\n")));
        Assert.Equal("short.csv:3: expected 3 fields (as in the header), found 2", e.Message);
    }

    [Fact]
    public void A_missing_value_is_an_error_by_default_naming_file_line_column_and_column_name()
    {
        string path = files.Text("houses.csv", "rooms,bedrooms,value\n5,2,1.5\n6,,2.5\n7,NA,3.5\n4,1,0.5\n");
        var e = Assert.Throws<DataFormatException>(() => CsvReader.Read(path));
        Assert.StartsWith("houses.csv:3:2: missing value in column 'bedrooms'", e.Message);
    }

    [Fact]
    public void Missing_values_can_be_kept_imputed_or_dropped_and_are_always_reported()
    {
        string path = files.Text("houses.csv", "rooms,bedrooms,value\n5,2,1.5\n6,,2.5\n7,NA,3.5\n4,1,0.5\n");

        var kept = CsvReader.Read(path, new CsvOptions { Missing = MissingValues.KeepNaN });
        Assert.True(double.IsNaN(kept[1, 1]));
        Assert.Equal([new MissingCell(3, 2, "bedrooms"), new MissingCell(4, 2, "bedrooms")], kept.MissingCells);

        var imputed = CsvReader.Read(path, new CsvOptions { Missing = MissingValues.ImputeMean });
        Assert.Equal([2, 1.5, 1.5, 1], imputed.Column("bedrooms"));
        Assert.Equal(2, imputed.MissingCells.Count);

        var dropped = CsvReader.Read(path, new CsvOptions { Missing = MissingValues.DropRow });
        Assert.Equal(2, dropped.RowCount);
        Assert.Equal([2, 5], dropped.SourceLines);
        Assert.Equal(2, dropped.MissingCells.Count);
    }

    [Fact]
    public void Text_columns_quotes_column_selection_and_no_header()
    {
        string path = files.Text("c.csv", "x,label,y\n1,\"NEAR BAY\",2\n3,\"say \"\"hi\"\", ok\",4\n");
        var table = CsvReader.Read(path, new CsvOptions { TextColumns = ["label"] });
        Assert.Equal(["x", "y"], table.ColumnNames);
        Assert.Equal(["NEAR BAY", "say \"hi\", ok"], table.Text("label"));
        Assert.Equal([1.0, 2, 3, 4], table.Values);

        var chosen = CsvReader.Read(path, new CsvOptions { Columns = ["y"], TextColumns = [] });
        Assert.Equal([2.0, 4], chosen.Values);

        var bare = CsvReader.Read(files.Text("n.csv", "1;2\n3;4\n"), new CsvOptions { HasHeader = false, Separator = ';' });
        Assert.Equal(["1", "2"], bare.ColumnNames);
        Assert.Equal([1.0, 2, 3, 4], bare.Values);
    }

    [Fact]
    public void Unknown_columns_unterminated_quotes_and_empty_files_are_named()
    {
        string path = files.Text("c.csv", "x,y\n1,2\n");
        var unknown = Assert.Throws<DataFormatException>(() => CsvReader.Read(path, new CsvOptions { Columns = ["z"] }));
        Assert.Equal("c.csv:1: no column named 'z'; the columns are x, y", unknown.Message);

        var quote = Assert.Throws<DataFormatException>(() => CsvReader.Read(files.Text("q.csv", "x,y\n1,\"2\n")));
        Assert.StartsWith("q.csv:2:2: unterminated quoted field", quote.Message);

        var empty = Assert.Throws<DataFormatException>(() => CsvReader.Read(files.Text("e.csv", "")));
        Assert.Equal("e.csv: the file is empty; expected a header line", empty.Message);
    }

    [Fact]
    public void A_corrupt_gzip_file_is_named()
    {
        byte[] zipped = File.ReadAllBytes(files.Gzip("z.csv.gz", Encoding.UTF8.GetBytes(Iris + Iris + Iris)));
        string path = files.Bytes("cut.csv.gz", zipped[..(zipped.Length / 2)]);
        var e = Assert.Throws<DataFormatException>(() => CsvReader.Read(path));
        Assert.StartsWith("cut.csv.gz: the gzip data is corrupt or truncated", e.Message);
    }

    [SharedDataFact("iris.csv")]
    public void Reads_the_shipped_iris_file()
    {
        var table = CsvReader.Read(SharedData.Find("iris.csv")!);
        Assert.Equal(150, table.RowCount);
        Assert.Equal(5, table.ColumnCount);
        Assert.Equal([0.0, 1, 2], table.Column("virginica").Distinct().Order());
    }

    [SharedDataFact("california_housing.csv")]
    public void Reports_the_207_missing_bedroom_counts_of_california_housing()
    {
        var table = CsvReader.Read(SharedData.Find("california_housing.csv")!,
            new CsvOptions { TextColumns = ["ocean_proximity"], Missing = MissingValues.DropRow });
        Assert.Equal(207, table.MissingCells.Count);
        Assert.All(table.MissingCells, m => Assert.Equal("total_bedrooms", m.ColumnName));
        Assert.Equal(20640 - 207, table.RowCount);
    }

    [SharedDataFact("digits.csv.gz")]
    public void Reads_the_shipped_gzip_digits_file()
    {
        var table = CsvReader.Read(SharedData.Find("digits.csv.gz")!, new CsvOptions { HasHeader = false });
        Assert.Equal(1797, table.RowCount);
        Assert.Equal(65, table.ColumnCount);
    }
}
