using System.Globalization;
using System.IO.Compression;
using System.Text;
using Tutor.Accuracy;

// Herbie-style accuracy of the numerics catalogue (NUMERICS.md, "Measuring accuracy the way Herbie does"):
// for each row, the mean bits of error of the naive and the rewritten formula over the points in
// tools/accuracy/data/row<id>[-all].csv.gz (inputs sampled uniformly over double ordinals; true values from mpmath at
// 3000 bits, rounded to double; see make_catalogue_reference.py). Prints a Markdown table.
//
//   dotnet run -c Release --project tools/accuracy/Tutor.Accuracy [-- --data <dir>] [--out <file.md>]

string? dataDir = null, outFile = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--data" when i + 1 < args.Length: dataDir = args[++i]; break;
        case "--out" when i + 1 < args.Length: outFile = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: Tutor.Accuracy [--data <dir>] [--out <file.md>]");
            return 2;
    }
}
dataDir ??= FindData();
if (dataDir is null || !Directory.Exists(dataDir))
{
    Console.Error.WriteLine("tools/accuracy/data not found; pass --data <dir>");
    return 1;
}

var inv = CultureInfo.InvariantCulture;
var md = new StringBuilder();
md.AppendLine("| # | Naive | Rewrite | Input range | Naive bits | Rewritten bits | Points |");
md.AppendLine("|---|---|---|---|---:|---:|---:|");
foreach (var row in Catalogue.Rows)
foreach (string file in new[] { $"row{row.Id}.csv.gz", $"row{row.Id}-all.csv.gz" })
{
    string path = Path.Combine(dataDir, file);
    if (!File.Exists(path))
    {
        if (file.Contains("-all", StringComparison.Ordinal)) continue; // only the exp-based rows have a second range
        Console.Error.WriteLine($"missing {path}; run tools/accuracy/make_catalogue_reference.py");
        return 1;
    }
    var (range, points) = Load(path);
    double naive = 0, rewrite = 0;
    foreach (var p in points)
    {
        var x = p[..^1];
        naive += Bits.Error(row.NaiveF((double[])x.Clone()), p[^1]);
        rewrite += Bits.Error(row.RewriteF((double[])x.Clone()), p[^1]);
    }
    md.Append(inv, $"| {row.Id.TrimStart('0')} | `{row.Naive}` | `{row.Rewrite}` | {range} | ")
      .Append(inv, $"{naive / points.Count:F1} | {rewrite / points.Count:F1} | {points.Count} |").AppendLine();
}
Console.Write(md.ToString());
if (outFile is not null) File.WriteAllText(outFile, md.ToString());
return 0;

static (string Range, List<double[]> Points) Load(string path)
{
    using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var reader = new StreamReader(gz, Encoding.UTF8);
    string range = (reader.ReadLine() ?? "").Replace("# range:", "", StringComparison.Ordinal).Trim();
    reader.ReadLine(); // header: input names, truth
    var points = new List<double[]>();
    while (reader.ReadLine() is { Length: > 0 } line)
        points.Add(Array.ConvertAll(line.Split(','), s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)));
    return (range, points);
}

static string? FindData()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tools", "accuracy", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
    return null;
}
