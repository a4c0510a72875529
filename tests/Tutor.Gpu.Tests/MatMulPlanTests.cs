using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// <see cref="MatMulPlan"/>: which tile and split a product gets, checked on the numbers of an H100 (132
/// multiprocessors, so 384 × 132 threads wanted) without one, and the split path's results on the test device
/// against the CPU.
/// </summary>
[Collection(SimulatorCollection.Name)]
public class MatMulPlanTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;
    const long H100Threads = 384L * 132;

    [Theory]
    [InlineData(4096, 4096, 4096)]
    [InlineData(1024, 1024, 1024)]
    [InlineData(1024, 10, 1024)]
    [InlineData(784, 1024, 1024)]
    [InlineData(1024, 1024, 10)]
    [InlineData(128, 50, 784)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 2, 100_000)]
    public void A_plan_covers_the_result_once_and_the_inner_dimension_without_empty_layers(int m, int n, int k)
    {
        var plan = MatMulPlan.For(GpuKernelOptions.Gpu, H100Threads, m, n, k);
        Assert.InRange(n, (plan.GroupsX - 1) * plan.TileColumns + 1, plan.GroupsX * plan.TileColumns);
        Assert.InRange(m, (plan.GroupsY - 1) * plan.TileRows + 1, plan.GroupsY * plan.TileRows);
        Assert.InRange(k, (plan.Splits - 1) * plan.KChunk + 1, plan.Splits * plan.KChunk);
        if (plan.Splits > 1)
        {
            Assert.Equal(0, plan.KChunk % GpuKernelOptions.Gpu.MatMulTileK);
            Assert.True(plan.KChunk >= GpuKernelOptions.Gpu.MatMulMinSplitDepth, $"{plan}: layers shorter than the minimum depth");
        }
        Assert.True(plan.ThreadsX * plan.ThreadsY <= 1024, $"{plan}: more threads a group than a GPU allows");
    }

    [Fact]
    public void A_large_product_keeps_the_128_tile_and_no_split()
    {
        var plan = MatMulPlan.For(GpuKernelOptions.Gpu, H100Threads, 4096, 4096, 4096);
        Assert.Equal((8, 16, 16, 1), (plan.MicroTile, plan.ThreadsX, plan.ThreadsY, plan.Splits));
    }

    [Fact]
    public void A_1024_square_result_takes_a_smaller_tile_to_fill_the_device()
    {
        var plan = MatMulPlan.For(GpuKernelOptions.Gpu, H100Threads, 1024, 1024, 1024);
        Assert.Equal(1, plan.Splits);
        Assert.True(plan.TileRows < 128, $"{plan}");
        Assert.True(plan.GroupsX * plan.GroupsY >= 132, $"{plan}: fewer groups than multiprocessors");
    }

    [Fact]
    public void A_thin_result_splits_the_inner_dimension()
    {
        // The last layer of the benchmark MLP (1024×1024 · 1024×10) and its weight gradient: 1024×10, k = 1024.
        var plan = MatMulPlan.For(GpuKernelOptions.Gpu, H100Threads, 1024, 10, 1024);
        Assert.True(plan.Splits >= 8, $"{plan}");
        Assert.True(plan.Threads * 4 >= H100Threads, $"{plan}: still starves the device");
    }

    [Fact]
    public void A_short_inner_dimension_is_not_split_below_the_minimum_depth()
    {
        var plan = MatMulPlan.For(GpuKernelOptions.Gpu, H100Threads, 8, 8, 100);
        Assert.Equal(1, plan.Splits);
    }

    /// <summary>(m, n, k): products of which the test device splits k (checked first, so the test keeps covering the split).</summary>
    public static TheoryData<int, int, int> SplitShapes => new() { { 5, 3, 1000 }, { 1, 7, 1003 }, { 9, 1, 777 } };

    [Theory, MemberData(nameof(SplitShapes))]
    public void Split_products_match_the_cpu_in_every_transpose_and_when_accumulating(int m, int n, int k)
    {
        Assert.True(MatMulPlan.For(gpu.Options, gpu.MatMulTargetThreads, m, n, k).Splits > 1, "the shape no longer splits on this device");
        var g = new Random(m * 1000 + n);
        var a = Cases.Mat<float>(m, k, g, r => r.NextDouble() - 0.5);
        var b = Cases.Mat<float>(k, n, g, r => r.NextDouble() - 0.5);
        using var ga = gpu.Upload(a);
        using var gb = gpu.Upload(b);
        using (var c = gpu.Ops.MatMul(ga, gb)) Compare.Close(Ops.MatMul(a, b), gpu.Download(c), "MatMul");

        var at = Ops.Transpose(a);
        var bt = Ops.Transpose(b);
        using var gat = gpu.Upload(at);
        using var gbt = gpu.Upload(bt);
        using (var c = gpu.Ops.MatMulTransposeA(gat, gb)) Compare.Close(Ops.MatMulTransposeA(at, b), gpu.Download(c), "MatMulTransposeA");
        using (var c = gpu.Ops.MatMulTransposeB(ga, gbt)) Compare.Close(Ops.MatMulTransposeB(a, bt), gpu.Download(c), "MatMulTransposeB");

        // Ā += Ȳ·Bᵀ with Ȳ m×n and an adjoint that starts non-zero: the split sums must add to it, not overwrite it.
        var y = Ops.MatMul(a, b);
        var yBar = Cases.Mat<float>(m, n, g, r => r.NextDouble() - 0.5);
        var aBar = Cases.Mat<float>(m, k, g, r => r.NextDouble());
        var expected = aBar.Clone();
        Ops.MatMulVjpLeft(yBar, a, b, y, expected);
        using var gy = gpu.Upload(y);
        using var gyBar = gpu.Upload(yBar);
        using var gaBar = gpu.Upload(aBar);
        gpu.Ops.MatMulVjpLeft(gyBar, ga, gb, gy, gaBar);
        Compare.Close(expected, gpu.Download(gaBar), "MatMulVjpLeft (accumulating)");

        // B̄ += Aᵀ·Ȳ (k×n, inner dimension m) and a second split product into the same destination.
        var bBar = Cases.Mat<float>(k, n, g, r => r.NextDouble());
        var expectedB = bBar.Clone();
        Ops.MatMulVjpRight(yBar, a, b, y, expectedB);
        using var gbBar = gpu.Upload(bBar);
        gpu.Ops.MatMulVjpRight(gyBar, ga, gb, gy, gbBar);
        Compare.Close(expectedB, gpu.Download(gbBar), "MatMulVjpRight (accumulating)");
    }
}
