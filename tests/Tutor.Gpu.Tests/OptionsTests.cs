using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// Group and tile sizes are launch parameters: a GPU runs 16×16-thread matrix groups and 256-thread reductions, the
/// simulator 4×4 and 16. The kernels must be right for any legal choice, so the products and reductions run here
/// with both micro-tiles (4×4 and 8×8 outputs a thread), the square matrix groups the simulator allows (2 and 4
/// threads a side; 8 and 16 run on a GPU, with TUTOR_TEST_DEVICE=gpu, and compile in the PTX tests), odd tile depths (1, 3, 5) and reduction
/// groups of 1, 2, 4 or 8 threads, on their own runtimes.
/// </summary>
public class OptionsTests
{
    public static TheoryData<int, int, int, int, int> Options() => new()
    {
        { 8, 2, 2, 3, 8 },  // the GPU's 8×8 micro-tile in a 16×16 tile
        { 8, 4, 4, 1, 2 },
        { 4, 4, 4, 3, 4 },
        { 4, 2, 2, 5, 1 },
    };

    [Theory, MemberData(nameof(Options))]
    public void Products_and_reductions_are_right_for_any_group_and_tile_size(int micro, int threadsX, int threadsY, int tileK, int group)
    {
        using var gpu = GpuRuntime.CreateCpuSimulator(new GpuKernelOptions
        {
            GroupSize = group, MaxGroups = 3, MatMulMicroTile = micro, MatMulThreadsX = threadsX, MatMulThreadsY = threadsY, MatMulTileK = tileK,
        });
        var g = new Random(micro * 1000 + threadsX * 100 + threadsY);
        var a = Cases.Mat<float>(23, 11, g, r => r.NextDouble() * 2 - 1);
        var b = Cases.Mat<float>(11, 29, g, r => r.NextDouble() * 2 - 1);
        var c = Cases.Mat<float>(23, 29, g, r => r.NextDouble() * 2 - 1);
        using var ga = gpu.Upload(a);
        using var gb = gpu.Upload(b);
        using var gc = gpu.Upload(c);
        var ops = gpu.Ops;
        using var ab = ops.MatMul(ga, gb);
        using var atc = ops.MatMulTransposeA(ga, gc);
        using var cbt = ops.MatMulTransposeB(gc, gb);
        Compare.Close(Ops.MatMul(a, b), gpu.Download(ab), "MatMul");
        Compare.Close(Ops.MatMulTransposeA(a, c), gpu.Download(atc), "MatMulTransposeA");
        Compare.Close(Ops.MatMulTransposeB(c, b), gpu.Download(cbt), "MatMulTransposeB");
        using var sum = ops.Sum(gc);
        using var rows = ops.RowSums(gc);
        using var columns = ops.ColumnSums(gc);
        using var softmax = ops.RowSoftmax(gc);
        using var max = ops.Max(gc);
        Compare.Close(Ops.Sum(c), gpu.Download(sum), "Sum");
        Compare.Close(Ops.RowSums(c), gpu.Download(rows), "RowSums");
        Compare.Close(Ops.ColumnSums(c), gpu.Download(columns), "ColumnSums");
        Compare.Close(Ops.RowSoftmax(c), gpu.Download(softmax), "RowSoftmax");
        Compare.Close(Ops.Max(c), gpu.Download(max), "Max");
    }

    [Theory]
    [InlineData(8, 4)]
    [InlineData(3, 3)]
    [InlineData(32, 32)]
    public void Matrix_groups_the_kernels_do_not_exist_for_are_refused_with_the_reason(int threadsX, int threadsY)
    {
        var e = Assert.Throws<ArgumentException>(() => GpuRuntime.CreateCpuSimulator(GpuKernelOptions.CpuSimulator with
        {
            MatMulThreadsX = threadsX, MatMulThreadsY = threadsY,
        }));
        Assert.Contains($"{threadsX}×{threadsY}", e.Message);
    }
}
