using Tutor.Gpu;

namespace Tutor.Lessons;

/// <summary>
/// The optimizer steps the lessons' GPU paths take on the device, written with <see cref="GpuOps"/>' VJPs (which
/// accumulate): the VJP of y = s·x adds s·ȳ into x̄, so <c>ScaleVjp(g, θ, −η, g, θ)</c> is θ ← θ − η·g, and the VJP of
/// y = a + b adds ȳ into ā. The same updates as <see cref="Tutor.Training.Sgd{T}"/> and
/// <see cref="Tutor.Training.Momentum{T}"/> on the host.
/// </summary>
public static class GpuTraining
{
    /// <summary>θ ← θ − η·g.</summary>
    public static void SgdStep(GpuRuntime gpu, GpuTensor<float> theta, GpuTensor<float> gradient, float learningRate) =>
        gpu.Ops.ScaleVjp(gradient, theta, -learningRate, gradient, theta);

    /// <summary>v ← μ·v + g, then θ ← θ − η·v (PyTorch's SGD with momentum, as <see cref="Tutor.Training.Momentum{T}"/>).</summary>
    public static void MomentumStep(GpuRuntime gpu, GpuTensor<float> theta, GpuTensor<float> velocity, GpuTensor<float> gradient,
        float learningRate, float momentum)
    {
        var ops = gpu.Ops;
        using var next = ops.Scale(velocity, momentum);          // μ·v
        ops.AddVjpLeft(gradient, next, gradient, gradient, next); // μ·v + g
        gpu.Copy(next, velocity);
        ops.ScaleVjp(velocity, theta, -learningRate, velocity, theta);
    }

    /// <summary>The index of the largest entry of each row of a host matrix given as rows × columns floats.</summary>
    public static int[] ArgMaxRows(ReadOnlySpan<float> values, int rows, int columns)
    {
        var result = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            var row = values.Slice(r * columns, columns);
            int best = 0;
            for (int c = 1; c < columns; c++) if (row[c] > row[best]) best = c;
            result[r] = best;
        }
        return result;
    }
}
