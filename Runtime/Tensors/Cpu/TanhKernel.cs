using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tutor.Tensors.Cpu;

/// <summary>
/// tanh over a span, vectorised. <c>TensorPrimitives.Tanh</c> (System.Numerics.Tensors 10.0) runs element by element
/// here, slower than a <c>MathF.Tanh</c> loop, and tanh is the hidden activation of the seed-001 MLP: this kernel is
/// what <see cref="Ops.Tanh{T}(Tensor{T}, Tensor{T})"/> calls. Cephes' split: for |x| &lt; 0.625 an odd polynomial
/// (float: tanhf's degree-5 in x²; double: tanh's rational P(x²)/Q(x²)), above it sign(x)·(1 − e)/(1 + e) with
/// e = exp(−2|x|) ≤ 0.29 (no overflow, no cancellation). Float computes e with its own float exp (Cephes expf) on
/// <see cref="Vector512{T}"/> where available (4.5 µs for 128×50, from 7.0 with <c>Vector.Exp</c>, which widens float to
/// double, on 8 lanes). Worst relative error against <c>Math.Tanh</c>: at most 1.25 ulp (float, on a sweep of
/// 2·10⁵ points over [−12, 12]; 1.5 before) and 2 ulp (double); ±0, ±∞ and NaN come out as tanh gives them. Other
/// types use TensorPrimitives.
/// </summary>
internal static class TanhKernel
{
    public static void Tanh<T>(ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) Single(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y));
        else if (typeof(T) == typeof(double)) Double(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y));
        else TensorPrimitives.Tanh(x, y);
    }

    static void Single(ReadOnlySpan<float> x, Span<float> y)
    {
        if (y.Length < x.Length) throw new ArgumentException($"tanh: the destination holds {y.Length} elements, the input {x.Length}.", nameof(y));
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // The same steps on 16 lanes: the loop is long and serial (exp, division, selects), so half the instructions
            // per element lets the core overlap twice as many elements.
            ref float x0 = ref MemoryMarshal.GetReference(x);
            ref float y0 = ref MemoryMarshal.GetReference(y);
            var one = Vector512<float>.One;
            for (; i <= x.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
                var ax = Vector512.Abs(v);
                var e = ExpOfNonPositive(ax * -2f);
                var large = (one - e) / (one + e);
                large = Vector512.ConditionalSelect(Vector512.LessThan(v, Vector512<float>.Zero), -large, large);
                var s = v * v;
                var small = v * (((((s * -5.70498872745E-3f + Vector512.Create(2.06390887954E-2f)) * s - Vector512.Create(5.37397155531E-2f)) * s
                    + Vector512.Create(1.33314422036E-1f)) * s - Vector512.Create(3.33332819422E-1f)) * s + one);
                var result = Vector512.ConditionalSelect(Vector512.LessThan(ax, Vector512.Create(0.625f)), small, large);
                Vector512.ConditionalSelect(Vector512.Equals(v, v), result, v).StoreUnsafe(ref y0, (nuint)i);
            }
        }
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<float>.One;
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(x[i..]);
                var ax = Vector.Abs(v);
                var e = ExpOfNonPositive(ax * -2f);
                var large = (one - e) / (one + e);
                large = Vector.ConditionalSelect(Vector.LessThan(v, Vector<float>.Zero), -large, large);
                var s = v * v;
                // x·(1 + x²·P(x²)) rather than x + x³·P(x²): the same value, and tanh(−0) stays −0.
                var small = v * (((((s * -5.70498872745E-3f + new Vector<float>(2.06390887954E-2f)) * s - new Vector<float>(5.37397155531E-2f)) * s
                    + new Vector<float>(1.33314422036E-1f)) * s - new Vector<float>(3.33332819422E-1f)) * s + one);
                var result = Vector.ConditionalSelect(Vector.LessThan(ax, new Vector<float>(0.625f)), small, large);
                Vector.ConditionalSelect(Vector.Equals(v, v), result, v).CopyTo(y[i..]); // NaN stays NaN
            }
        }
        for (; i < x.Length; i++) y[i] = MathF.Tanh(x[i]);
    }

    /// <summary>
    /// x ← e^x in place for x ≤ 0 (the same float exp as tanh's, at most about 1 ulp from <c>MathF.Exp</c>; x below −87
    /// gives 0, where e^x is below 1.7e−38). For softmax and log-sum-exp over short rows shifted by their maximum
    /// (cross-entropy over 10 classes): one vectorised pass over the whole batch. The tail past the last whole vector uses
    /// <c>MathF.Exp</c>. NaN and positive inputs are the caller's to keep out.
    /// </summary>
    internal static void ExpOfNonPositiveInPlace(Span<float> x)
    {
        int i = 0;
        ref float x0 = ref MemoryMarshal.GetReference(x);
        if (Vector512.IsHardwareAccelerated)
        {
            var floor = Vector512.Create(-87f);
            for (; i <= x.Length - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var v = Vector512.LoadUnsafe(ref x0, (nuint)i);
                Vector512.ConditionalSelect(Vector512.LessThan(v, floor), Vector512<float>.Zero, ExpOfNonPositive(v)).StoreUnsafe(ref x0, (nuint)i);
            }
        }
        if (Vector.IsHardwareAccelerated)
        {
            var floor = new Vector<float>(-87f);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(x[i..]);
                Vector.ConditionalSelect(Vector.LessThan(v, floor), Vector<float>.Zero, ExpOfNonPositive(v)).CopyTo(x[i..]);
            }
        }
        for (; i < x.Length; i++) x[i] = x[i] < -87f ? 0f : MathF.Exp(x[i]);
    }

    /// <summary>
    /// e^t for t ≤ 0 in float arithmetic (Cephes expf: t = n·ln 2 + r with ln 2 in two parts, |r| ≤ ln 2 / 2, a degree-7
    /// polynomial in r, then 2ⁿ from the exponent bits); t below −87 gives e^−87 (≈ 1.6e−38, which (1 − e)/(1 + e)
    /// rounds to 1 as the exact value does). <c>Vector.Exp</c> for float widens to double (two double exps per vector).
    /// NaN inputs are not handled here (the caller passes them through).
    /// </summary>
    static Vector512<float> ExpOfNonPositive(Vector512<float> t)
    {
        t = Vector512.Max(t, Vector512.Create(-87f));
        var shifter = Vector512.Create(12582912f);
        var n = (t * 1.44269504088896341f + shifter) - shifter;
        var r = t - n * 0.693359375f;
        r -= n * -2.12194440e-4f;
        var p = ((((((r * 1.9875691500E-4f + Vector512.Create(1.3981999507E-3f)) * r + Vector512.Create(8.3334519073E-3f)) * r
            + Vector512.Create(4.1665795894E-2f)) * r + Vector512.Create(1.6666665459E-1f)) * r + Vector512.Create(5.0000001201E-1f)) * (r * r)) + r + Vector512<float>.One;
        var scale = Vector512.ShiftLeft(Vector512.ConvertToInt32(n) + Vector512.Create(127), 23).AsSingle();
        return p * scale;
    }

    /// <summary>The <see cref="Vector512{T}"/> steps of <see cref="ExpOfNonPositive(Vector512{float})"/> on <see cref="Vector{T}"/>.</summary>
    static Vector<float> ExpOfNonPositive(Vector<float> t)
    {
        t = Vector.Max(t, new Vector<float>(-87f));
        // n = round(t / ln 2) by the 1.5·2²³ trick (round to nearest even, exact for |n| < 2²²).
        var shifter = new Vector<float>(12582912f);
        var n = (t * 1.44269504088896341f + shifter) - shifter;
        var r = t - n * 0.693359375f;
        r -= n * -2.12194440e-4f;
        var p = ((((((r * 1.9875691500E-4f + new Vector<float>(1.3981999507E-3f)) * r + new Vector<float>(8.3334519073E-3f)) * r
            + new Vector<float>(4.1665795894E-2f)) * r + new Vector<float>(1.6666665459E-1f)) * r + new Vector<float>(5.0000001201E-1f)) * (r * r)) + r + Vector<float>.One;
        var scale = Vector.AsVectorSingle(Vector.ShiftLeft(Vector.ConvertToInt32(n) + new Vector<int>(127), 23));
        return p * scale;
    }

    static void Double(ReadOnlySpan<double> x, Span<double> y)
    {
        if (y.Length < x.Length) throw new ArgumentException($"tanh: the destination holds {y.Length} elements, the input {x.Length}.", nameof(y));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<double>.One;
            for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = new Vector<double>(x[i..]);
                var ax = Vector.Abs(v);
                var e = Vector.Exp(ax * -2.0);
                var large = (one - e) / (one + e);
                large = Vector.ConditionalSelect(Vector.LessThan(v, Vector<double>.Zero), -large, large);
                var s = v * v;
                var p = (s * -9.64399179425052238628E-1 - new Vector<double>(9.92877231001918586564E1)) * s - new Vector<double>(1.61468768441708447952E3);
                var q = ((s + new Vector<double>(1.12811678491632931402E2)) * s + new Vector<double>(2.23548839060100448583E3)) * s + new Vector<double>(4.84406305325125486048E3);
                var small = v * (s * (p / q) + one);
                Vector.ConditionalSelect(Vector.LessThan(ax, new Vector<double>(0.625)), small, large).CopyTo(y[i..]);
            }
        }
        for (; i < x.Length; i++) y[i] = Math.Tanh(x[i]);
    }
}
