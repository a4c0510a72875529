using System.Numerics;

namespace Tutor.Tensors.Cpu;

/// <summary>
/// Packing copies a panel of B into the order the micro-kernel reads it, so the kernel's vector loads are
/// contiguous whatever B's strides (a transposed B costs nothing extra) and the right edge is zero-padded to whole
/// tiles. A is read in place (see <see cref="GemmKernels.Tile{T}"/>).
/// </summary>
internal static class GemmPacking
{
    /// <summary>
    /// Packs the kc×nc block of B into slivers of <paramref name="nr"/> columns: sliver s holds, for each p, the
    /// nr values B(p, s·nr + j) next to each other (<c>dest[s·nr·kc + p·nr + j]</c>).
    /// </summary>
    public static void PackB<T>(StridedMatrix<T> b, int kc, int nc, int nr, T[] dest) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int s = 0; s < nc; s += nr)
        {
            int cols = Math.Min(nr, nc - s);
            var sliver = dest.AsSpan(s * kc, nr * kc);
            if (cols < nr) sliver.Clear();
            if (b.ColumnStride == 1)
            {
                // B row-major: each p contributes a contiguous run of nr values.
                for (int p = 0; p < kc; p++)
                    new ReadOnlySpan<T>(b.Data, b.Offset + p * b.RowStride + s, cols).CopyTo(sliver.Slice(p * nr, cols));
            }
            else if (b.RowStride == 1)
            {
                // B stored transposed (A·Bᵀ): read each stored row along p, write with stride nr.
                for (int j = 0; j < cols; j++)
                {
                    var column = new ReadOnlySpan<T>(b.Data, b.Offset + (s + j) * b.ColumnStride, kc);
                    for (int p = 0, d = j; p < column.Length; p++, d += nr) sliver[d] = column[p];
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                    for (int j = 0; j < cols; j++) sliver[p * nr + j] = b.Ref(p, s + j);
            }
        }
    }
}
