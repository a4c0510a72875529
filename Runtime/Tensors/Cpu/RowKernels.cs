using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tutor.Tensors.Cpu;

/// <summary>
/// A row vector added to every row of a batch, and a batch summed into a row vector (a bias and its gradient). One
/// <c>TensorPrimitives</c> call per row costs more than its arithmetic when rows are short (50 floats in the seed-001
/// MLP: 2.5–3 µs for 128 rows); these loops walk the rows with <see cref="Vector256{T}"/> and a scalar tail instead.
/// Each element sees the same additions in the same order as the per-row calls, so the results are the same bits.
/// </summary>
internal static class RowKernels
{
    static bool Vectorised<T>() => Vector256.IsHardwareAccelerated && (typeof(T) == typeof(float) || typeof(T) == typeof(double));

    /// <summary>dst[i, :] = a[i, :] + v for <paramref name="rows"/> rows of <paramref name="cols"/> (dst may be a).</summary>
    public static void AddRowVector<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> v, Span<T> dst, int rows, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Length < rows * cols || dst.Length < rows * cols || v.Length < cols) throw new ArgumentException($"AddRowVector: {rows}×{cols} does not fit the spans given.");
        if (!Vectorised<T>())
        {
            for (int i = 0; i < rows; i++) TensorPrimitives.Add(a.Slice(i * cols, cols), v[..cols], dst.Slice(i * cols, cols));
            return;
        }
        int w = Vector256<T>.Count, full = cols - cols % w;
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T d0 = ref MemoryMarshal.GetReference(dst);
        ref T v0 = ref MemoryMarshal.GetReference(v);
        for (int i = 0; i < rows; i++)
        {
            ref T ar = ref Unsafe.Add(ref a0, i * cols);
            ref T dr = ref Unsafe.Add(ref d0, i * cols);
            int j = 0;
            for (; j < full; j += w)
                (Vector256.LoadUnsafe(ref ar, (nuint)j) + Vector256.LoadUnsafe(ref v0, (nuint)j)).StoreUnsafe(ref dr, (nuint)j);
            for (; j < cols; j++) Unsafe.Add(ref dr, j) = Unsafe.Add(ref ar, j) + Unsafe.Add(ref v0, j);
        }
    }

    /// <summary>acc[:] += Σᵢ y[i, :], rows added in order (first row first).</summary>
    public static void AddColumnSums<T>(ReadOnlySpan<T> y, Span<T> acc, int rows, int cols) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (y.Length < rows * cols || acc.Length < cols) throw new ArgumentException($"AddColumnSums: {rows}×{cols} does not fit the spans given.");
        if (!Vectorised<T>())
        {
            for (int i = 0; i < rows; i++) TensorPrimitives.Add(acc[..cols], y.Slice(i * cols, cols), acc[..cols]);
            return;
        }
        int w = Vector256<T>.Count;
        ref T y0 = ref MemoryMarshal.GetReference(y);
        ref T s0 = ref MemoryMarshal.GetReference(acc);
        int j = 0;
        // A column block's partial sums stay in a register down all the rows.
        for (; j + w <= cols; j += w)
        {
            var sum = Vector256.LoadUnsafe(ref s0, (nuint)j);
            ref T yj = ref Unsafe.Add(ref y0, j);
            for (int i = 0; i < rows; i++) sum += Vector256.LoadUnsafe(ref yj, (nuint)(i * cols));
            sum.StoreUnsafe(ref s0, (nuint)j);
        }
        for (; j < cols; j++)
        {
            T sum = Unsafe.Add(ref s0, j);
            for (int i = 0; i < rows; i++) sum += Unsafe.Add(ref y0, i * cols + j);
            Unsafe.Add(ref s0, j) = sum;
        }
    }
}
