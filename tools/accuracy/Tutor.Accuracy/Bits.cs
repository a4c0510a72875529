namespace Tutor.Accuracy;

/// <summary>Herbie's error measure (NUMERICS.md): bits of error between a computed and the true double.</summary>
static class Bits
{
    /// <summary>The ordinal of a double: consecutive doubles have consecutive ordinals; +0 and −0 both map to 0.</summary>
    public static long Ordinal(double d)
    {
        long b = BitConverter.DoubleToInt64Bits(d);
        return b >= 0 ? b : -(b & long.MaxValue);
    }

    /// <summary>log2(1 + |ord(approx) − ord(exact)|); a NaN result scores 64 (points with a NaN truth are never stored).</summary>
    public static double Error(double approx, double exact)
    {
        if (double.IsNaN(approx)) return double.IsNaN(exact) ? 0 : 64;
        if (double.IsNaN(exact)) return 64;
        Int128 d = Int128.Abs((Int128)Ordinal(approx) - Ordinal(exact));
        return Math.Log2(1 + (double)d);
    }
}
