using System.Globalization;

namespace Tutor.Lessons.Reports;

/// <summary>How reports write numbers: invariant culture, round-trip or a fixed number of significant digits.</summary>
public static class Num
{
    /// <summary>Significant digits for float64 values in tables (enough to compare with LESSONS.md's 15-digit figures).</summary>
    public const int Float64Digits = 15;
    /// <summary>Significant digits for float32 values: 9 digits round-trip any float.</summary>
    public const int Float32Digits = 9;

    /// <summary>The shortest text that parses back to the same double.</summary>
    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><paramref name="value"/> with at most <paramref name="digits"/> significant digits.</summary>
    public static string Sig(double value, int digits = Float64Digits) =>
        value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('E', 'e');

    /// <summary>A value computed in <paramref name="precision"/> (<c>float64</c> or <c>float32</c>), with the digits that precision carries.</summary>
    public static string ForPrecision(double value, string precision) =>
        Sig(value, precision == "float32" ? Float32Digits : Float64Digits);

    /// <summary>For prose and headlines: like <see cref="Sig"/> but with a true minus sign (U+2212).</summary>
    public static string Pretty(double value, int digits = Float64Digits) => Sig(value, digits).Replace('-', '\u2212');

    /// <summary>A small positive quantity such as a relative error, e.g. <c>5.5e-07</c>.</summary>
    public static string Sci(double value, int digits = 2) => value == 0 ? "0" :
        value.ToString("0." + new string('0', digits - 1) + "e+00", CultureInfo.InvariantCulture).Replace("e+", "e", StringComparison.Ordinal);

    /// <summary>A number for LaTeX: plain digits, or <c>m \times 10^{e}</c> when the G format uses an exponent.</summary>
    public static string Latex(double value, int digits = Float64Digits) => ExponentToLatex(Sig(value, digits));

    /// <summary>A tolerance such as 1e-8 written the way people write it (<c>1e-8</c>); other values as <see cref="Sci"/>.</summary>
    public static string PowerOfTen(double value)
    {
        var exponent = Math.Round(Math.Log10(value));
        return Math.Abs(value - Math.Pow(10, exponent)) <= 1e-9 * value
            ? "1e" + exponent.ToString(CultureInfo.InvariantCulture)
            : Sci(value);
    }

    /// <summary>A small quantity for LaTeX, e.g. <c>5.5 \times 10^{-7}</c>.</summary>
    public static string SciLatex(double value, int digits = 2) => ExponentToLatex(Sci(value, digits));

    static string ExponentToLatex(string text)
    {
        int e = text.IndexOf('e', StringComparison.Ordinal);
        if (e < 0) return text;
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return $"{text[..e]} \\times 10^{{{exponent.ToString(CultureInfo.InvariantCulture)}}}";
    }
}
