using System.Numerics;
using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// The tolerance of GPU against CPU: |gpu − cpu| ≤ rtol·max(1, |cpu|) per element, with rtol = 1e-5 for float and
/// 1e-12 for double. The kernels compute the same formulas, but sums run in another order (trees instead of SIMD
/// lanes) and exp, log and tanh come from ILGPU's XMath instead of .NET's, so the last bits differ.
/// </summary>
public static class Compare
{
    public static double RelativeTolerance<T>() => typeof(T) == typeof(float) ? 1e-5 : 1e-12;

    public static void Close<T>(Tensor<T> expected, Tensor<T> actual, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.True(expected.Shape == actual.Shape, $"{what}: shape {actual.Shape}, expected {expected.Shape}");
        double rtol = RelativeTolerance<T>();
        for (int i = 0; i < expected.Length; i++)
        {
            double e = double.CreateTruncating(expected[i]), a = double.CreateTruncating(actual[i]);
            if (double.IsNaN(e) && double.IsNaN(a)) continue;
            double bound = rtol * Math.Max(1, Math.Abs(e));
            Assert.True(Math.Abs(a - e) <= bound, $"{what}: element {i} is {a:R}, the CPU gives {e:R} (difference {Math.Abs(a - e):E2} > {bound:E2})");
        }
    }
}
