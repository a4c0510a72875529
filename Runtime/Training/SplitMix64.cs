namespace Tutor.Training;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014; the C version by Vigna at prng.di.unimi.it/splitmix64.c): the generator
/// the xoshiro authors recommend for turning one 64-bit seed into a full xoshiro state.
/// </summary>
/// <remarks>Reference: from state 0 the first outputs are 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F.</remarks>
public struct SplitMix64
{
    const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;
    ulong state;

    /// <summary>Starts the sequence at <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed) => state = seed;

    /// <summary>The next 64-bit output: the state advances by the golden gamma and is passed through <see cref="Mix"/>.</summary>
    public ulong Next()
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>SplitMix64's finaliser (a variant of MurmurHash3's): a bijection of 64-bit words that avalanches every bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
