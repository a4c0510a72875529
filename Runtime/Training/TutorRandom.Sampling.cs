namespace Tutor.Training;

public sealed partial class TutorRandom
{
    double spareNormal;
    bool hasSpareNormal;

    /// <summary>
    /// A standard normal draw by the Box–Muller transform: from u₁ ∈ (0, 1] and u₂ ∈ [0, 1),
    /// z₀ = √(−2 ln u₁)·cos(2πu₂) and z₁ = √(−2 ln u₁)·sin(2πu₂). Each pair of uniforms gives two normals; the second is
    /// kept for the next call.
    /// </summary>
    /// <remarks>
    /// The uniforms are bit-for-bit reproducible everywhere. The normals go through <see cref="Math.Log(double)"/>,
    /// <see cref="Math.Cos"/> and <see cref="Math.Sin"/>, which .NET takes from the platform's C library: on the same
    /// operating system they repeat exactly, across operating systems they may differ in the last bit.
    /// </remarks>
    public double NextNormal()
    {
        if (hasSpareNormal)
        {
            hasSpareNormal = false;
            return spareNormal;
        }
        double u1 = 1.0 - NextDouble(); // (0, 1]: keeps ln u₁ finite
        double u2 = NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        double angle = 2.0 * Math.PI * u2;
        spareNormal = radius * Math.Sin(angle);
        hasSpareNormal = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>A normal draw with the given mean and standard deviation: mean + std·<see cref="NextNormal()"/>.</summary>
    public double NextNormal(double mean, double standardDeviation) => mean + standardDeviation * NextNormal();

    /// <summary>Shuffles <paramref name="items"/> in place by Fisher–Yates (Durstenfeld's version): for i from n−1 down to 1, swap item i with a uniform j ≤ i.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A uniformly random permutation of 0, 1, …, <paramref name="count"/> − 1.</summary>
    public int[] Permutation(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        Shuffle<int>(order);
        return order;
    }
}
