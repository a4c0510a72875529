using ILGPU;

namespace Tutor.Gpu.Kernels;

/// <summary>Kernels that work down columns, and the transpose.</summary>
public static class ColumnKernels
{
    /// <summary>
    /// y[b, c] (+)= p·Σᵢ x[i, c] over the rows i of block b = Grid.IdxY (rows b·RowsPerBlock … (b + 1)·RowsPerBlock − 1).
    /// A group covers <c>ColumnsPerGroup</c> adjacent columns (neighbouring threads read neighbouring addresses) and
    /// splits its block's rows among G / ColumnsPerGroup slices: slice s adds rows s, s + S, … in order, then the
    /// slices are added in a fixed tree. With several row blocks, y holds one partial row per block, and a second
    /// launch with a single block adds them up: same bits on every run.
    /// </summary>
    public static void Sum<T, M>(ColumnArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        var shared = SharedMemory.Allocate<T>(GroupReduce.MaxGroupSize);
        int width = a.ColumnsPerGroup, slices = Group.DimX / width;
        int lane = Group.IdxX % width, slice = Group.IdxX / width;
        int first = Grid.IdxY * a.RowsPerBlock, end = first + a.RowsPerBlock < a.Rows ? first + a.RowsPerBlock : a.Rows;
        for (int c0 = Grid.IdxX * width; c0 < a.Columns; c0 += Grid.DimX * width)
        {
            int c = c0 + lane;
            T sum = default(M).Zero;
            if (c < a.Columns)
                for (int i = first + slice; i < end; i += slices) sum = default(M).Add(sum, a.X[i * a.Columns + c]);
            shared[Group.IdxX] = sum;
            Group.Barrier();
            for (int h = slices / 2; h > 0; h /= 2)
            {
                if (slice < h) shared[Group.IdxX] = default(M).Add(shared[Group.IdxX], shared[Group.IdxX + h * width]);
                Group.Barrier();
            }
            if (slice == 0 && c < a.Columns)
            {
                int o = Grid.IdxY * a.Columns + c;
                T v = default(M).Mul(shared[lane], a.P);
                a.Y[o] = a.Accumulate != 0 ? default(M).Add(a.Y[o], v) : v;
            }
            Group.Barrier();
        }
    }

    /// <summary>Y (+)= Xᵀ for an r×c X: thread per output element, consecutive threads write consecutive addresses.</summary>
    public static void Transpose<T, M>(ColumnArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        int n = a.Rows * a.Columns, stride = Grid.DimX * Group.DimX;
        for (int o = Grid.GlobalIndex.X; o < n; o += stride)
        {
            int j = o / a.Rows, i = o - j * a.Rows; // Y[j, i] = X[i, j]
            T v = a.X[i * a.Columns + j];
            a.Y[o] = a.Accumulate != 0 ? default(M).Add(a.Y[o], v) : v;
        }
    }
}

/// <summary>Arguments of <see cref="ColumnKernels"/>.</summary>
public struct ColumnArgs<T> where T : unmanaged
{
    /// <summary>The input matrix, rows × columns.</summary>
    public ArrayView<T> X;
    /// <summary>The output.</summary>
    public ArrayView<T> Y;
    /// <summary>The input's shape.</summary>
    public int Rows, Columns;
    /// <summary>Columns per group (a power of two dividing the group size).</summary>
    public int ColumnsPerGroup;
    /// <summary>Rows per block of <see cref="ColumnKernels.Sum{T, M}"/> (one block: all rows).</summary>
    public int RowsPerBlock;
    /// <summary>A factor (1/rows for a mean).</summary>
    public T P;
    /// <summary>1: accumulate.</summary>
    public int Accumulate;
}
