using System.Numerics;
using System.Text;

namespace Tutor.Training;

/// <summary>
/// The seeded random generator every lesson uses: xoshiro256** 1.0 (Blackman and Vigna, "Scrambled linear pseudorandom
/// number generators", 2018; reference C code at prng.di.unimi.it/xoshiro256starstar.c), seeded through
/// <see cref="SplitMix64"/>. The same seed gives the same integers, uniforms, shuffles and batches on every run and
/// every machine: the algorithm is written out here and never delegated to <see cref="Random"/>, whose algorithm .NET
/// does not specify.
/// </summary>
/// <remarks>
/// Independent streams come from <see cref="Fork(string)"/>: a child's seed depends only on its parent's seed and the
/// name, never on how many numbers the parent has drawn, so adding a draw in one part of a lesson does not change the
/// numbers another part sees. A generator is not thread-safe; fork one per thread.
/// </remarks>
public sealed partial class TutorRandom
{
    ulong s0, s1, s2, s3;

    /// <summary>Creates a generator whose state is four SplitMix64 outputs from <paramref name="seed"/>.</summary>
    public TutorRandom(ulong seed)
    {
        Seed = seed;
        var mixer = new SplitMix64(seed);
        s0 = mixer.Next();
        s1 = mixer.Next();
        s2 = mixer.Next();
        s3 = mixer.Next();
    }

    TutorRandom(ulong seed, ulong a, ulong b, ulong c, ulong d)
    {
        Seed = seed;
        (s0, s1, s2, s3) = (a, b, c, d);
    }

    /// <summary>
    /// Creates a generator from a raw xoshiro256** state, bypassing SplitMix64. Meant for checking against published
    /// reference outputs (state {1, 2, 3, 4}); lessons use <see cref="TutorRandom(ulong)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">All four words are zero (xoshiro's one forbidden state).</exception>
    public static TutorRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0) throw new ArgumentException("the all-zero state is the one state xoshiro256** never leaves; give any other");
        return new TutorRandom(0, s0, s1, s2, s3);
    }

    /// <summary>The seed this generator was created (or forked) with.</summary>
    public ulong Seed { get; }

    /// <summary>The next 64 random bits (the xoshiro256** output function and state transition).</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2⁻⁵³ (every value a multiple of 2⁻⁵³).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform float in [0, 1): the top 24 bits times 2⁻²⁴.</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1 << 24));

    /// <summary>A uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextDouble(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>
    /// A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's multiply-and-reject
    /// method, "Fast random integer generation in an interval", 2019).
    /// </summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        uint n = (uint)maxExclusive;
        ulong m = (NextUInt64() >> 32) * n;
        if ((uint)m < n)
        {
            uint threshold = (0u - n) % n;
            while ((uint)m < threshold) m = (NextUInt64() >> 32) * n;
        }
        return (int)(m >> 32);
    }

    /// <summary>A uniform integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int minInclusive, int maxExclusive)
    {
        if (maxExclusive <= minInclusive) throw new ArgumentOutOfRangeException(nameof(maxExclusive), $"the range [{minInclusive}, {maxExclusive}) is empty");
        return minInclusive + NextInt(maxExclusive - minInclusive);
    }

    /// <summary>
    /// An independent generator for one named purpose ("init", "shuffle", "dropout/layer3"). The child's seed is
    /// SplitMix64.Mix(parent seed XOR FNV-1a(name)); the parent's state is untouched, so the same parent seed and name
    /// always give the same child stream.
    /// </summary>
    public TutorRandom Fork(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new TutorRandom(SplitMix64.Mix(Seed ^ Fnv1a(name)));
    }

    static ulong Fnv1a(string name)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }
}
