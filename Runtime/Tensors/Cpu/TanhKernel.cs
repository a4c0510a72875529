using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Tutor.Tensors.Cpu;

/// <summary>
/// tanh over a span, vectorised. <c>TensorPrimitives.Tanh</c> (System.Numerics.Tensors 10.0) runs element by element
/// here, slower than a <c>MathF.Tanh</c> loop, and tanh is the hidden activation of the seed-001 MLP: this kernel is
/// what <see cref="Ops.Tanh{T}(Tensor{T}, Tensor{T})"/> calls. Cephes' split: for |x| &lt; 0.625 an odd polynomial
/// (float: tanhf's degree-5 in x²; double: tanh's rational P(x²)/Q(x²)), above it sign(x)·(1 − e)/(1 + e) with
/// e = exp(−2|x|) ≤ 0.29 (no overflow, no cancellation). Worst relative error against <c>Math.Tanh</c>: about 1.5
/// ulp (float) and 2 ulp (double); ±0, ±∞ and NaN come out as tanh gives them. Other types use TensorPrimitives.
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
        if (Vector.IsHardwareAccelerated)
        {
            var one = Vector<float>.One;
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(x[i..]);
                var ax = Vector.Abs(v);
                var e = Vector.Exp(ax * -2f);
                var large = (one - e) / (one + e);
                large = Vector.ConditionalSelect(Vector.LessThan(v, Vector<float>.Zero), -large, large);
                var s = v * v;
                // x·(1 + x²·P(x²)) rather than x + x³·P(x²): the same value, and tanh(−0) stays −0.
                var small = v * (((((s * -5.70498872745E-3f + new Vector<float>(2.06390887954E-2f)) * s - new Vector<float>(5.37397155531E-2f)) * s
                    + new Vector<float>(1.33314422036E-1f)) * s - new Vector<float>(3.33332819422E-1f)) * s + one);
                Vector.ConditionalSelect(Vector.LessThan(ax, new Vector<float>(0.625f)), small, large).CopyTo(y[i..]);
            }
        }
        for (; i < x.Length; i++) y[i] = MathF.Tanh(x[i]);
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
