using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// A whole training step on the device: a 2-layer tanh MLP with a softmax cross-entropy loss, forward, backward by
/// the VJPs (the calls the generator emits), and an SGD update, three times. The GPU backend's losses and
/// parameters must match the CPU backend's after every step; and after the first step (which fills the pool), the
/// loop allocates no device memory.
/// </summary>
[Collection(SimulatorCollection.Name)]
public class TrainingStepTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;

    const int Batch = 24, Inputs = 13, Hidden = 17, Classes = 5, Steps = 3;
    const float LearningRate = 0.5f;

    [Fact]
    public void Sgd_steps_of_a_tanh_mlp_match_the_cpu_and_allocate_nothing_after_the_first()
    {
        var g = new Random(7);
        var x = Cases.Mat<float>(Batch, Inputs, g, r => r.NextDouble() * 2 - 1);
        var labels = Enumerable.Range(0, Batch).Select(_ => g.Next(Classes)).ToArray();
        Tensor<float>[] cpu =
        [
            Cases.Mat<float>(Inputs, Hidden, g, r => (r.NextDouble() - 0.5) * 0.8),
            Cases.Vec<float>(Hidden, g, r => (r.NextDouble() - 0.5) * 0.2),
            Cases.Mat<float>(Hidden, Classes, g, r => (r.NextDouble() - 0.5) * 0.8),
            Cases.Vec<float>(Classes, g, r => (r.NextDouble() - 0.5) * 0.2),
        ];
        var device = cpu.Select(gpu.Upload).ToArray();
        using var gx = gpu.Upload(x);

        long allocationsAfterFirstStep = 0;
        for (int step = 0; step < Steps; step++)
        {
            float cpuLoss = CpuStep(x, labels, cpu);
            float gpuLoss = GpuStep(gx, labels, device);
            Assert.True(Math.Abs(cpuLoss - gpuLoss) <= 1e-5f * Math.Max(1, Math.Abs(cpuLoss)), $"step {step}: loss {gpuLoss} on the device, {cpuLoss} on the CPU");
            for (int p = 0; p < cpu.Length; p++) Compare.Close(cpu[p], gpu.Download(device[p]), $"step {step}, parameter {p}");
            if (step == 0) allocationsAfterFirstStep = gpu.Pool.Allocations;
        }
        Assert.Equal(allocationsAfterFirstStep, gpu.Pool.Allocations);
        foreach (var t in device) t.Dispose();
    }

    static float CpuStep(Tensor<float> x, int[] labels, Tensor<float>[] p)
    {
        var (w1, b1, w2, b2) = (p[0], p[1], p[2], p[3]);
        var z1 = Ops.MatMul(x, w1);
        var a1 = Ops.AddRowVector(z1, b1);
        var h = Ops.Tanh(a1);
        var z2 = Ops.MatMul(h, w2);
        var logits = Ops.AddRowVector(z2, b2);
        var loss = Ops.CrossEntropyLoss(logits, labels);

        var lossBar = Tensor<float>.Scalar(1);
        var logitsBar = Tensor<float>.ZerosLike(logits);
        Ops.CrossEntropyLossVjp(lossBar, logits, labels, loss, logitsBar);
        var z2Bar = Tensor<float>.ZerosLike(z2);
        var b2Bar = Tensor<float>.ZerosLike(b2);
        Ops.AddRowVectorVjpLeft(logitsBar, z2, b2, logits, z2Bar);
        Ops.AddRowVectorVjpRight(logitsBar, z2, b2, logits, b2Bar);
        var hBar = Tensor<float>.ZerosLike(h);
        var w2Bar = Tensor<float>.ZerosLike(w2);
        Ops.MatMulVjpLeft(z2Bar, h, w2, z2, hBar);
        Ops.MatMulVjpRight(z2Bar, h, w2, z2, w2Bar);
        var a1Bar = Tensor<float>.ZerosLike(a1);
        Ops.TanhVjp(hBar, a1, h, a1Bar);
        var z1Bar = Tensor<float>.ZerosLike(z1);
        var b1Bar = Tensor<float>.ZerosLike(b1);
        Ops.AddRowVectorVjpLeft(a1Bar, z1, b1, a1, z1Bar);
        Ops.AddRowVectorVjpRight(a1Bar, z1, b1, a1, b1Bar);
        var w1Bar = Tensor<float>.ZerosLike(w1);
        Ops.MatMulVjpRight(z1Bar, x, w1, z1, w1Bar);

        Tensor<float>[] grads = [w1Bar, b1Bar, w2Bar, b2Bar];
        for (int i = 0; i < p.Length; i++) Ops.Sub(p[i], Ops.Scale(grads[i], LearningRate), p[i]);
        return loss.ToScalar();
    }

    /// <summary>The same step on the device; every temporary goes back to the pool at the end of the step.</summary>
    float GpuStep(GpuTensor<float> x, int[] labels, GpuTensor<float>[] p)
    {
        var ops = gpu.Ops;
        var (w1, b1, w2, b2) = (p[0], p[1], p[2], p[3]);
        using var z1 = ops.MatMul(x, w1);
        using var a1 = ops.AddRowVector(z1, b1);
        using var h = ops.Tanh(a1);
        using var z2 = ops.MatMul(h, w2);
        using var logits = ops.AddRowVector(z2, b2);
        using var loss = ops.CrossEntropyLoss(logits, labels);

        using var lossBar = gpu.Scalar(1f);
        using var logitsBar = gpu.ZerosLike(logits);
        ops.CrossEntropyLossVjp(lossBar, logits, labels, loss, logitsBar);
        using var z2Bar = gpu.ZerosLike(z2);
        using var b2Bar = gpu.ZerosLike(b2);
        ops.AddRowVectorVjpLeft(logitsBar, z2, b2, logits, z2Bar);
        ops.AddRowVectorVjpRight(logitsBar, z2, b2, logits, b2Bar);
        using var hBar = gpu.ZerosLike(h);
        using var w2Bar = gpu.ZerosLike(w2);
        ops.MatMulVjpLeft(z2Bar, h, w2, z2, hBar);
        ops.MatMulVjpRight(z2Bar, h, w2, z2, w2Bar);
        using var a1Bar = gpu.ZerosLike(a1);
        ops.TanhVjp(hBar, a1, h, a1Bar);
        using var z1Bar = gpu.ZerosLike(z1);
        using var b1Bar = gpu.ZerosLike(b1);
        ops.AddRowVectorVjpLeft(a1Bar, z1, b1, a1, z1Bar);
        ops.AddRowVectorVjpRight(a1Bar, z1, b1, a1, b1Bar);
        using var w1Bar = gpu.ZerosLike(w1);
        ops.MatMulVjpRight(z1Bar, x, w1, z1, w1Bar);

        GpuTensor<float>[] grads = [w1Bar, b1Bar, w2Bar, b2Bar];
        for (int i = 0; i < p.Length; i++)
        {
            using var step = ops.Scale(grads[i], LearningRate);
            ops.Sub(p[i], step, p[i]);
        }
        return gpu.ReadScalar(loss); // the one wait of the step
    }
}
