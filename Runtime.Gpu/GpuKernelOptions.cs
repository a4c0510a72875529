using ILGPU.Runtime;

namespace Tutor.Gpu;

/// <summary>
/// Launch shapes of the kernels. A real GPU wants large groups (256 threads, 64×64 matrix-multiply tiles); ILGPU's
/// CPU simulator allows at most 16 threads per group and runs each thread as an OS thread, so its tests use tiny
/// groups. Everything that depends on these numbers (reduction trees, tiles) is written for any value that meets
/// the constraints below, and the tests run the same code with the small values.
/// </summary>
public sealed record GpuKernelOptions
{
    /// <summary>Threads per group of the elementwise and reduction kernels: a power of two, at most the device's limit.</summary>
    public int GroupSize { get; init; } = 256;

    /// <summary>Upper bound on the groups of a grid-stride kernel; each thread then loops over several elements.</summary>
    public int MaxGroups { get; init; } = 4096;

    /// <summary>Matrix multiply: each thread computes a MicroTile×MicroTile block of C in registers, 4 or 8.</summary>
    public int MatMulMicroTile { get; init; } = 8;

    /// <summary>Matrix multiply: threads of a group along the columns of C (the tile is MicroTile times as wide); 2, 4, 8 or 16, equal to <see cref="MatMulThreadsY"/>.</summary>
    public int MatMulThreadsX { get; init; } = 16;

    /// <summary>Matrix multiply: threads of a group along the rows of C (the tile is MicroTile times as tall); equal to <see cref="MatMulThreadsX"/> (square groups).</summary>
    public int MatMulThreadsY { get; init; } = 16;

    /// <summary>Matrix multiply: the depth of a shared-memory tile (elements of the inner dimension per step).</summary>
    public int MatMulTileK { get; init; } = 8;

    /// <summary>
    /// Matrix multiply: the threads a product's launch should start (see <see cref="MatMulPlan"/>); a smaller tile
    /// or a split of the inner dimension is used below it. 0: 384 per multiprocessor of the device (12 warps each).
    /// </summary>
    public int MatMulTargetThreads { get; init; }

    /// <summary>Matrix multiply: the shortest stretch of the inner dimension a split layer sums (at least <see cref="MatMulTileK"/>).</summary>
    public int MatMulMinSplitDepth { get; init; } = 64;

    /// <summary>The options for a CUDA or OpenCL GPU: 256-thread groups; 128×128×8 matrix tiles, 8×8 outputs a thread.</summary>
    public static GpuKernelOptions Gpu { get; } = new();

    /// <summary>
    /// The options for ILGPU's CPU simulator: groups of 16 threads; 16×16×4 matrix tiles, 4×4 outputs a thread (so each
    /// thread stages 4 elements of a tile, as on a GPU, and the smaller 8×8 tile takes the unstaged copy: both paths run).
    /// </summary>
    public static GpuKernelOptions CpuSimulator { get; } = new()
    {
        GroupSize = 16, MaxGroups = 4, MatMulMicroTile = 4, MatMulThreadsX = 4, MatMulThreadsY = 4, MatMulTileK = 4,
        // Small enough that the tests' small products take the smaller tile and the split path too.
        MatMulTargetThreads = 64, MatMulMinSplitDepth = 8,
    };

    /// <summary>The default options for <paramref name="accelerator"/>.</summary>
    public static GpuKernelOptions For(Accelerator accelerator) =>
        accelerator.AcceleratorType == AcceleratorType.CPU ? CpuSimulator : Gpu;

    /// <summary>Throws when a value cannot work on <paramref name="accelerator"/>.</summary>
    internal void Validate(Accelerator accelerator)
    {
        int max = accelerator.MaxNumThreadsPerGroup;
        if (GroupSize < 1 || (GroupSize & (GroupSize - 1)) != 0 || GroupSize > max)
            throw new ArgumentException($"GroupSize {GroupSize} must be a power of two no larger than the device's {max} threads per group.");
        if (MatMulThreadsX * MatMulThreadsY > max || MatMulThreadsX < 1 || MatMulThreadsY < 1)
            throw new ArgumentException($"MatMul groups of {MatMulThreadsX}×{MatMulThreadsY} threads exceed the device's {max} threads per group.");
        if (MatMulThreadsX != MatMulThreadsY || MatMulThreadsX is not (2 or 4 or 8 or 16))
            throw new ArgumentException($"MatMul groups of {MatMulThreadsX}×{MatMulThreadsY} threads: the kernels exist for square groups of 2, 4, 8 or 16 threads a side.");
        if (MatMulMicroTile is not (4 or 8))
            throw new ArgumentException($"MatMulMicroTile is {MatMulMicroTile}; the kernels exist for 4×4 and 8×8 outputs a thread.");
        if (GroupSize > Kernels.GroupReduce.MaxGroupSize)
            throw new ArgumentException($"GroupSize {GroupSize} exceeds the reductions' shared scratch of {Kernels.GroupReduce.MaxGroupSize}.");
        if (MatMulTileK < 1 || MaxGroups < 1 || MatMulMinSplitDepth < 1 || MatMulTargetThreads < 0)
            throw new ArgumentException("MatMulTileK, MaxGroups and MatMulMinSplitDepth must be positive, MatMulTargetThreads 0 or more.");
    }
}
