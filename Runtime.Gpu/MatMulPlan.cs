namespace Tutor.Gpu;

/// <summary>
/// How one matrix product is launched: the tile (outputs a thread × threads a group), the grid, and whether the
/// inner dimension is split across z-layers of the grid.
/// <para>
/// A fixed 128×128 tile leaves most of a large GPU idle on the shapes lessons use: a 1024×1024 result is 64 groups
/// on a card with 132 multiprocessors, and a 1024×10 one (the last layer of an MLP, or its weight gradient) is 8
/// groups that each walk all of k alone. So the plan takes the largest tile that still gives the device
/// <c>targetThreads</c> threads (<see cref="GpuKernelOptions.MatMulTargetThreads"/>), and when even the smallest
/// tile gives fewer, splits k into at most k / <see cref="GpuKernelOptions.MatMulMinSplitDepth"/> stretches whose
/// partial products a second kernel adds in a fixed order.
/// </para>
/// </summary>
/// <param name="MicroTile">Outputs a thread computes along each side: 4 or 8.</param>
/// <param name="ThreadsX">Threads of a group along the columns of C.</param>
/// <param name="ThreadsY">Threads of a group along the rows of C.</param>
/// <param name="GroupsX">Groups along the columns.</param>
/// <param name="GroupsY">Groups along the rows.</param>
/// <param name="Splits">z-layers: stretches of k (1: no split).</param>
/// <param name="KChunk">The inner dimension each layer covers (k itself without a split).</param>
public readonly record struct MatMulPlan(int MicroTile, int ThreadsX, int ThreadsY, int GroupsX, int GroupsY, int Splits, int KChunk)
{
    /// <summary>Rows of C a group computes.</summary>
    public int TileRows => MicroTile * ThreadsY;

    /// <summary>Columns of C a group computes.</summary>
    public int TileColumns => MicroTile * ThreadsX;

    /// <summary>Threads the launch starts.</summary>
    public long Threads => (long)GroupsX * GroupsY * Splits * ThreadsX * ThreadsY;

    /// <summary>The tiles <paramref name="options"/> allow, largest first: its own, then 4×4 outputs a thread, then half the threads each way.</summary>
    public static IReadOnlyList<(int MicroTile, int ThreadsX, int ThreadsY)> Tiles(GpuKernelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tiles = new List<(int, int, int)> { (options.MatMulMicroTile, options.MatMulThreadsX, options.MatMulThreadsY) };
        if (options.MatMulMicroTile == 8) tiles.Add((4, options.MatMulThreadsX, options.MatMulThreadsY));
        if (options.MatMulThreadsX >= 4)
            tiles.Add((4, options.MatMulThreadsX / 2, options.MatMulThreadsY / 2));
        return tiles;
    }

    /// <summary>The plan for C (m×n) = op(A) (m×k) · op(B) (k×n) on a device that wants <paramref name="targetThreads"/> threads.</summary>
    public static MatMulPlan For(GpuKernelOptions options, long targetThreads, int m, int n, int k)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tiles = Tiles(options);
        MatMulPlan plan = default;
        foreach (var (micro, tx, ty) in tiles)
        {
            plan = new MatMulPlan(micro, tx, ty, Ceiling(n, micro * tx), Ceiling(m, micro * ty), 1, k);
            if (plan.Threads >= targetThreads) return plan;
        }
        int depth = Math.Max(options.MatMulMinSplitDepth, options.MatMulTileK);
        int splits = (int)Math.Min(Ceiling(targetThreads, plan.Threads), k / depth);
        if (splits < 2) return plan;
        // Whole tiles of k per layer; the last layer may be shorter, and none is empty.
        int chunk = Ceiling(Ceiling(k, splits), options.MatMulTileK) * options.MatMulTileK;
        return plan with { Splits = Ceiling(k, chunk), KChunk = chunk };
    }

    static int Ceiling(int a, int b) => (a + b - 1) / b;

    static long Ceiling(long a, long b) => (a + b - 1) / b;
}
