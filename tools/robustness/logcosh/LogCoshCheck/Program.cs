using System.Globalization;
using System.IO.Compression;
using Tutor;

// usage: LogCoshCheck <logcosh.csv.gz> [<logcosh-float.csv.gz>]
// Also reads the accuracy table's files for row 18 (tools/accuracy/data/row18.csv.gz, row18-all.csv.gz: their
// "# range:" line is skipped) to put StableMath.LogCosh on the table's own points: LogCoshCheck <row18.csv.gz>.
// Prints, for StableMath.LogCosh, the catalogue's naive form and the catalogue's first rewrite, the largest error in
// ulps (distance in ordinals) and the mean bits (Herbie: log2(1 + ulps), NaN = 64) over the reference points.
// Exit code 1 when LogCosh is more than 2 ulp off anywhere.
var dir = args.Length > 0 ? args[0] : "tools/robustness/logcosh/logcosh.csv.gz";
var points = Read(dir);
int worst = 0;
Report("StableMath.LogCosh(x)", x => StableMath.LogCosh(x));
Report("Math.Log(Math.Cosh(x))", x => Math.Log(Math.Cosh(x)));
Report("Abs(x)+Log1p(Exp(-2*Abs(x)))-Ln2", x => Math.Abs(x) + StableMath.Log1p(Math.Exp(-2 * Math.Abs(x))) - 0.6931471805599453);
if (args.Length > 1)
{
    var fpoints = Read(args[1]);
    long fmax = 0;
    double fx = 0;
    foreach (var (x, t) in fpoints)
    {
        long d = Math.Abs(FOrd(StableMath.LogCosh((float)x)) - FOrd((float)t));
        if (d > fmax) { fmax = d; fx = x; }
    }
    Console.WriteLine($"StableMath.LogCosh(float): {fpoints.Count} points, max {fmax} ulp (at x = {(float)fx:R})");
    if (fmax > 1) worst = Math.Max(worst, 3);
}
return worst > 2 ? 1 : 0;

void Report(string name, Func<double, double> f)
{
    long max = 0;
    double at = 0, bits = 0;
    var hist = new SortedDictionary<long, int>();
    foreach (var (x, t) in points)
    {
        double y = f(x);
        long d = double.IsNaN(y) ? long.MaxValue : Math.Abs(Ord(y) - Ord(t));
        bits += double.IsNaN(y) ? 64 : Math.Log2(1 + (double)d);
        long bucket = Math.Min(d, 3);
        hist[bucket] = hist.GetValueOrDefault(bucket) + 1;
        if (d > max) { max = d; at = x; }
    }
    Console.WriteLine($"{name}: {points.Count} points, max {(max == long.MaxValue ? "NaN" : max.ToString(CultureInfo.InvariantCulture))} ulp (at x = {at:R}), " +
        $"mean {bits / points.Count:F2} bits; ulps 0/1/2/≥3: {string.Join("/", Enumerable.Range(0, 4).Select(i => hist.GetValueOrDefault(i)))}");
    if (name.StartsWith("StableMath", StringComparison.Ordinal)) worst = (int)Math.Min(max, 1000);
}

static List<(double X, double Truth)> Read(string path)
{
    using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
    using var reader = new StreamReader(gz);
    var list = new List<(double, double)>();
    while (reader.ReadLine() is { } line)
    {
        if (line.StartsWith('#') || line.StartsWith('x')) continue; // "# range: …" and the header
        var parts = line.Split(',');
        list.Add((double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture)));
    }
    return list;
}

static long Ord(double d)
{
    long b = BitConverter.DoubleToInt64Bits(d);
    return b >= 0 ? b : -(b & long.MaxValue);
}

static long FOrd(float f)
{
    int b = BitConverter.SingleToInt32Bits(f);
    return b >= 0 ? b : -(b & int.MaxValue);
}
