using Tutor.Gpu;
using Tutor.Tensors;

namespace Tutor.Lessons.GdClosedForm;

/// <summary>
/// The closed form on a GPU (<c>--device gpu</c>): the matrix powers M^k and the sums Σ_{i&lt;k} M^i are products on
/// the device, float64 as on the CPU; only the d-vectors w_k come back. The same recurrence as
/// <see cref="GdClosedFormLesson.ClosedForm"/>, so the results agree with the CPU path up to summation order
/// (tested on ILGPU's CPU simulator: relative 1e-12).
/// </summary>
public static class GdClosedFormGpu
{
    /// <summary>w_k = M^k w0 + α Σ_{i&lt;k} M^i b with M = I − αA, for each k in <paramref name="ks"/>.</summary>
    public static List<double[]> ClosedForm(GpuRuntime gpu, Tensor<double> A, Tensor<double> b, double[] w0, double alpha, int[] ks)
    {
        int d = A.Shape.Rows;
        var ops = gpu.Ops;
        var id = new double[d * d];
        for (int i = 0; i < d; i++) id[i * d + i] = 1;
        using var identity = gpu.Upload(Tensor<double>.Matrix(d, d, id));
        using var a = gpu.Upload(A);
        using var bDevice = gpu.Upload(b);
        using var w0Device = gpu.Upload(Tensor<double>.Matrix(d, 1, w0));
        using var scaled = ops.Scale(a, alpha);
        using var m = ops.Sub(identity, scaled);
        var power = gpu.Clone(identity);                 // M^i
        var sum = gpu.Zeros<double>(d, d);               // Σ_{j<i} M^j
        var result = new List<double[]>();
        for (int i = 1; i <= ks.Max(); i++)
        {
            var nextSum = ops.Add(sum, power);
            sum.Dispose();
            sum = nextSum;
            var nextPower = ops.MatMul(power, m);
            power.Dispose();
            power = nextPower;
            if (ks.Contains(i))
            {
                using var pw = ops.MatMul(power, w0Device);
                using var sb = ops.MatMul(sum, bDevice);
                using var asb = ops.Scale(sb, alpha);
                using var w = ops.Add(pw, asb);
                result.Add(gpu.Download(w).ToArray());
            }
        }
        power.Dispose();
        sum.Dispose();
        return result;
    }
}
