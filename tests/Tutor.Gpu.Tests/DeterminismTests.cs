using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// Reductions add in a fixed tree order (no atomics), so running one twice gives the same bits: lessons print
/// numbers that must not change from run to run. The inputs are large enough to spread over several groups.
/// </summary>
[Collection(SimulatorCollection.Name)]
public class DeterminismTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;

    [Fact]
    public void The_same_reductions_twice_give_identical_bits()
    {
        var g = new Random(3);
        using var a = gpu.Upload(Cases.Mat<float>(97, 61, g, r => r.NextDouble() * 200 - 100));
        using var b = gpu.Upload(Cases.Mat<float>(97, 61, g, r => r.NextDouble() * 200 - 100));
        var labels = Enumerable.Range(0, 97).Select(i => i % 61).ToArray();
        float[][] Run()
        {
            var ops = gpu.Ops;
            GpuTensor<float>[] results =
            [
                ops.Sum(a), ops.Mean(a), ops.Max(a), ops.RowSums(a), ops.ColumnSums(a), ops.RowLogSumExp(a),
                ops.MseLoss(a, b), ops.CrossEntropyLoss(a, labels), ops.MatMulTransposeA(a, b),
            ];
            var host = results.Select(r => gpu.Download(r).ToArray()).ToArray();
            foreach (var r in results) r.Dispose();
            return host;
        }
        var first = Run();
        var second = Run();
        for (int i = 0; i < first.Length; i++)
            Assert.Equal(first[i].Select(BitConverter.SingleToInt32Bits), second[i].Select(BitConverter.SingleToInt32Bits));
    }
}
