using ILGPU;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// Gathering a mini-batch on the device: the rows a list of indices names, copied out of a data set that was
/// uploaded once. Grid-stride over the batch's elements; consecutive threads copy consecutive elements of a row, so the
/// reads of a row are coalesced.
/// </summary>
public static class GatherKernels
{
    /// <summary>
    /// For k &lt; count and c &lt; columns, with r = indices[start + k]: y[k, c] = x[r, c], or, transposed (each row
    /// becomes a column of y, which is columns × count), y[c, k] = x[r, c]. <typeparamref name="M"/> is unused (it
    /// keeps the kernel's shape that of the others).
    /// </summary>
    public static void Rows<T, M>(GatherArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        int stride = Grid.DimX * Group.DimX;
        int n = a.Count * a.Columns;
        for (int i = Grid.GlobalIndex.X; i < n; i += stride)
        {
            int k = i / a.Columns;
            int c = i - k * a.Columns;
            long row = a.Indices[a.Start + k];
            T v = a.Source[row * a.Columns + c];
            if (a.Transpose != 0) a.Destination[(long)c * a.Count + k] = v;
            else a.Destination[i] = v;
        }
    }
}

/// <summary>The operands of <see cref="GatherKernels.Rows{T, M}"/>.</summary>
public struct GatherArgs<T> where T : unmanaged
{
    /// <summary>The data set, row-major.</summary>
    public ArrayView<T> Source;
    /// <summary>The batch: count × columns, or columns × count when transposed.</summary>
    public ArrayView<T> Destination;
    /// <summary>Row indices into the source; the batch reads Indices[Start … Start + Count − 1].</summary>
    public ArrayView<int> Indices;
    /// <summary>The first index of the batch in <see cref="Indices"/>.</summary>
    public int Start;
    /// <summary>Rows in the batch.</summary>
    public int Count;
    /// <summary>Columns of the source (elements per row).</summary>
    public int Columns;
    /// <summary>1: write each gathered row as a column of the destination.</summary>
    public int Transpose;
}
