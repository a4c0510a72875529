using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Tutor.Tensors.Cpu;

/// <summary>
/// The small-matrix path: C (+)= A·B for a narrow B (at most <see cref="MaxColumns"/> columns, k·n elements that stay in
/// L2) without packing. A tile of 3 rows × 4 <see cref="Vector256{T}"/> columns (or 4 rows × up to 3; never more than 12
/// accumulators, or the JIT keeps one on the stack) is accumulated in registers
/// while the kernel walks the depth, broadcasting elements of A in place (through its strides, so Aᵀ costs nothing)
/// and loading rows of B in place (a transposed B is first copied once into a per-thread buffer: k·n copies against
/// m·n·k multiply-adds). The right edge is not padded: a width that is not a multiple of the vector is covered by a
/// last vector that overlaps its neighbour, and that vector's overlapping lanes keep what the neighbour already stored,
/// so n = 50 computes 56 columns (not 64) and n = 10 computes 16 (not 32). The MLP's 128×50·50×50, 128×784·784×50,
/// 784×128·128×50 and 128×50·50×10 products, forward and backward, all land here.
/// </summary>
internal static class GemmSmall
{
    /// <summary>Widest B this path takes.</summary>
    public const int MaxColumns = 64;
    /// <summary>Most elements of B (k·n): 256 KiB of float, inside the L2 every 4-row tile re-reads B from.</summary>
    const long MaxBElements = 64 * 1024;
    /// <summary>
    /// From this many multiply-adds on, two threads share the rows. The MLP's largest products (128×784·784×50 and
    /// 784×128·128×50, 5M each) stay on one thread: inside a training step, between products, the pool's second thread
    /// has gone to sleep, and waking it cost what it saved (epoch best 49–51 ms either way, median 50–54 ms on one
    /// thread against 53–93 ms on two, 2026-11-25, alternating runs).
    /// </summary>
    const long ParallelWork = 8L * 1024 * 1024;
    /// <summary>Rows of a tile.</summary>
    const int MR = 4;

    /// <summary>True when the small path takes an m×k by k×n product on this machine.</summary>
    public static bool Applies<T>(int n, int k) where T : unmanaged =>
        Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported
        && (typeof(T) == typeof(float) || typeof(T) == typeof(double))
        && n >= Vector256<T>.Count && n <= MaxColumns && (long)k * n <= MaxBElements;

    /// <summary>C (m×n at <paramref name="c"/>, row stride ldc) = A·B, or C += A·B when <paramref name="accumulate"/>.</summary>
    public static void Multiply<T>(StridedMatrix<T> a, StridedMatrix<T> b, StridedMatrix<T> c, int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (b.ColumnStride != 1)
        {
            // Rows of B must be contiguous for the vector loads: copy a transposed (or strided) B row by row.
            var copy = GemmBuffers<T>.Get(k * n).B;
            if (b.RowStride == 1)
            {
                // Bᵀ stored row-major (A·Bᵀ): read each stored row along p, write it down a column of the copy.
                for (int j = 0; j < n; j++)
                {
                    var column = new ReadOnlySpan<T>(b.Data, b.Offset + j * b.ColumnStride, k);
                    for (int p = 0, d = j; p < column.Length; p++, d += n) copy[d] = column[p];
                }
            }
            else
            {
                for (int p = 0; p < k; p++)
                    for (int j = 0; j < n; j++) copy[p * n + j] = b.Ref(p, j);
            }
            b = new StridedMatrix<T>(copy, 0, n, 1);
        }
        if ((long)m * n * k >= ParallelWork && m >= 2 * MR && Environment.ProcessorCount >= 2)
        {
            int half = (m / 2 + MR - 1) / MR * MR;
            var bb = b;
            Parallel.For(0, 2, part =>
            {
                if (part == 0) Rows(a, bb, c, half, n, k, accumulate);
                else Rows(a.At(half, 0), bb, c.At(half, 0), m - half, n, k, accumulate);
            });
            return;
        }
        Rows(a, b, c, m, n, k, accumulate);
    }

    static void Rows<T>(StridedMatrix<T> a, StridedMatrix<T> b, StridedMatrix<T> c, int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        int vectors = (n + w - 1) / w;
        // Lanes of the last vector (which starts at n − w) that the one before it already covers.
        int overlap = vectors * w - n;
        for (int v0 = 0; v0 < vectors;)
        {
            int left = vectors - v0;
            int count = Math.Min(left, 4);
            bool last = v0 + count == vectors;
            // Column starts of the block's vectors relative to its first; the last vector of B is pulled back to n − w.
            int s0 = Math.Min(v0 * w, n - w);
            nint o1 = Math.Min((v0 + 1) * w, n - w) - s0, o2 = Math.Min((v0 + 2) * w, n - w) - s0, o3 = Math.Min((v0 + 3) * w, n - w) - s0;
            int keep = last ? overlap : 0;
            // 12 accumulators at most: with 16 the JIT keeps one on the stack (16 ymm live across the loop).
            int mr = count == 4 ? 3 : MR;
            for (int i = 0; i < m; i += mr)
            {
                int rows = Math.Min(mr, m - i);
                ref T ap = ref a.Ref(i, 0);
                ref T bp = ref b.Ref(0, s0);
                ref T cp = ref c.Ref(i, s0);
                if (count == 4) Tile4(k, ref ap, a.RowStride, a.ColumnStride, ref bp, b.RowStride, o1, o2, o3, ref cp, c.RowStride, rows, accumulate, keep);
                else if (count == 3) Tile3(k, ref ap, a.RowStride, a.ColumnStride, ref bp, b.RowStride, o1, o2, ref cp, c.RowStride, rows, accumulate, keep);
                else if (count == 2) Tile2(k, ref ap, a.RowStride, a.ColumnStride, ref bp, b.RowStride, o1, ref cp, c.RowStride, rows, accumulate, keep);
                else Tile1(k, ref ap, a.RowStride, a.ColumnStride, ref bp, b.RowStride, ref cp, c.RowStride, rows, accumulate, keep);
            }
            v0 += count;
        }
    }

    static void Tile4<T>(int k, ref T a, nint ars, nint acs, ref T b, nint brs, nint o1, nint o2, nint o3,
        ref T c, nint ldc, int rows, bool add, int keep) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Rows past the edge of C re-read row 0 (their sums are never stored).
        nint r1 = rows > 1 ? ars : 0, r2 = rows > 2 ? 2 * ars : 0;
        Vector256<T> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<T> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector256<T> c20 = default, c21 = default, c22 = default, c23 = default;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, (nuint)o1);
            var b2 = Vector256.LoadUnsafe(ref b, (nuint)o2);
            var b3 = Vector256.LoadUnsafe(ref b, (nuint)o3);
            var x0 = Vector256.Create(a);
            var x1 = Vector256.Create(Unsafe.Add(ref a, r1));
            var x2 = Vector256.Create(Unsafe.Add(ref a, r2));
            c00 = Fma(x0, b0, c00); c01 = Fma(x0, b1, c01); c02 = Fma(x0, b2, c02); c03 = Fma(x0, b3, c03);
            c10 = Fma(x1, b0, c10); c11 = Fma(x1, b1, c11); c12 = Fma(x1, b2, c12); c13 = Fma(x1, b3, c13);
            c20 = Fma(x2, b0, c20); c21 = Fma(x2, b1, c21); c22 = Fma(x2, b2, c22); c23 = Fma(x2, b3, c23);
            a = ref Unsafe.Add(ref a, acs);
            b = ref Unsafe.Add(ref b, brs);
        }
        var mask = KeepMask<T>(keep);
        Store4(ref c, o1, o2, o3, c00, c01, c02, c03, add, keep, mask);
        if (rows > 1) Store4(ref Unsafe.Add(ref c, ldc), o1, o2, o3, c10, c11, c12, c13, add, keep, mask);
        if (rows > 2) Store4(ref Unsafe.Add(ref c, 2 * ldc), o1, o2, o3, c20, c21, c22, c23, add, keep, mask);
    }

    static void Tile3<T>(int k, ref T a, nint ars, nint acs, ref T b, nint brs, nint o1, nint o2,
        ref T c, nint ldc, int rows, bool add, int keep) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Rows past the edge of C re-read row 0 (their sums are never stored).
        nint r1 = rows > 1 ? ars : 0, r2 = rows > 2 ? 2 * ars : 0, r3 = rows > 3 ? 3 * ars : 0;
        Vector256<T> c00 = default, c01 = default, c02 = default;
        Vector256<T> c10 = default, c11 = default, c12 = default;
        Vector256<T> c20 = default, c21 = default, c22 = default;
        Vector256<T> c30 = default, c31 = default, c32 = default;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, (nuint)o1);
            var b2 = Vector256.LoadUnsafe(ref b, (nuint)o2);
            var x0 = Vector256.Create(a);
            var x1 = Vector256.Create(Unsafe.Add(ref a, r1));
            var x2 = Vector256.Create(Unsafe.Add(ref a, r2));
            var x3 = Vector256.Create(Unsafe.Add(ref a, r3));
            c00 = Fma(x0, b0, c00); c01 = Fma(x0, b1, c01); c02 = Fma(x0, b2, c02);
            c10 = Fma(x1, b0, c10); c11 = Fma(x1, b1, c11); c12 = Fma(x1, b2, c12);
            c20 = Fma(x2, b0, c20); c21 = Fma(x2, b1, c21); c22 = Fma(x2, b2, c22);
            c30 = Fma(x3, b0, c30); c31 = Fma(x3, b1, c31); c32 = Fma(x3, b2, c32);
            a = ref Unsafe.Add(ref a, acs);
            b = ref Unsafe.Add(ref b, brs);
        }
        var mask = KeepMask<T>(keep);
        Store3(ref c, o1, o2, c00, c01, c02, add, keep, mask);
        if (rows > 1) Store3(ref Unsafe.Add(ref c, ldc), o1, o2, c10, c11, c12, add, keep, mask);
        if (rows > 2) Store3(ref Unsafe.Add(ref c, 2 * ldc), o1, o2, c20, c21, c22, add, keep, mask);
        if (rows > 3) Store3(ref Unsafe.Add(ref c, 3 * ldc), o1, o2, c30, c31, c32, add, keep, mask);
    }

    static void Tile2<T>(int k, ref T a, nint ars, nint acs, ref T b, nint brs, nint o1,
        ref T c, nint ldc, int rows, bool add, int keep) where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint r1 = rows > 1 ? ars : 0, r2 = rows > 2 ? 2 * ars : 0, r3 = rows > 3 ? 3 * ars : 0;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default, c30 = default, c31 = default;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, (nuint)o1);
            var x = Vector256.Create(a); c00 = Fma(x, b0, c00); c01 = Fma(x, b1, c01);
            x = Vector256.Create(Unsafe.Add(ref a, r1)); c10 = Fma(x, b0, c10); c11 = Fma(x, b1, c11);
            x = Vector256.Create(Unsafe.Add(ref a, r2)); c20 = Fma(x, b0, c20); c21 = Fma(x, b1, c21);
            x = Vector256.Create(Unsafe.Add(ref a, r3)); c30 = Fma(x, b0, c30); c31 = Fma(x, b1, c31);
            a = ref Unsafe.Add(ref a, acs);
            b = ref Unsafe.Add(ref b, brs);
        }
        var mask = KeepMask<T>(keep);
        Store2(ref c, o1, c00, c01, add, keep, mask);
        if (rows > 1) Store2(ref Unsafe.Add(ref c, ldc), o1, c10, c11, add, keep, mask);
        if (rows > 2) Store2(ref Unsafe.Add(ref c, 2 * ldc), o1, c20, c21, add, keep, mask);
        if (rows > 3) Store2(ref Unsafe.Add(ref c, 3 * ldc), o1, c30, c31, add, keep, mask);
    }

    static void Tile1<T>(int k, ref T a, nint ars, nint acs, ref T b, nint brs,
        ref T c, nint ldc, int rows, bool add, int keep) where T : unmanaged, IFloatingPointIeee754<T>
    {
        nint r1 = rows > 1 ? ars : 0, r2 = rows > 2 ? 2 * ars : 0, r3 = rows > 3 ? 3 * ars : 0;
        Vector256<T> c0 = default, c1 = default, c2 = default, c3 = default;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            c0 = Fma(Vector256.Create(a), b0, c0);
            c1 = Fma(Vector256.Create(Unsafe.Add(ref a, r1)), b0, c1);
            c2 = Fma(Vector256.Create(Unsafe.Add(ref a, r2)), b0, c2);
            c3 = Fma(Vector256.Create(Unsafe.Add(ref a, r3)), b0, c3);
            a = ref Unsafe.Add(ref a, acs);
            b = ref Unsafe.Add(ref b, brs);
        }
        var mask = KeepMask<T>(keep);
        StoreLast(ref c, c0, add, keep, mask);
        if (rows > 1) StoreLast(ref Unsafe.Add(ref c, ldc), c1, add, keep, mask);
        if (rows > 2) StoreLast(ref Unsafe.Add(ref c, 2 * ldc), c2, add, keep, mask);
        if (rows > 3) StoreLast(ref Unsafe.Add(ref c, 3 * ldc), c3, add, keep, mask);
    }

    /// <summary>All-ones in the first <paramref name="keep"/> lanes: the lanes a last, overlapping vector must not overwrite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<T> KeepMask<T>(int keep) where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector256.LessThan(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(keep)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store4<T>(ref T dst, nint o1, nint o2, nint o3, Vector256<T> v0, Vector256<T> v1, Vector256<T> v2, Vector256<T> v3,
        bool add, int keep, Vector256<T> mask) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Store(ref dst, v0, add);
        Store(ref Unsafe.Add(ref dst, o1), v1, add);
        Store(ref Unsafe.Add(ref dst, o2), v2, add);
        StoreLast(ref Unsafe.Add(ref dst, o3), v3, add, keep, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store3<T>(ref T dst, nint o1, nint o2, Vector256<T> v0, Vector256<T> v1, Vector256<T> v2,
        bool add, int keep, Vector256<T> mask) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Store(ref dst, v0, add);
        Store(ref Unsafe.Add(ref dst, o1), v1, add);
        StoreLast(ref Unsafe.Add(ref dst, o2), v2, add, keep, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store2<T>(ref T dst, nint o1, Vector256<T> v0, Vector256<T> v1, bool add, int keep, Vector256<T> mask)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Store(ref dst, v0, add);
        StoreLast(ref Unsafe.Add(ref dst, o1), v1, add, keep, mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store<T>(ref T dst, Vector256<T> v, bool add) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (add) v += Vector256.LoadUnsafe(ref dst);
        v.StoreUnsafe(ref dst);
    }

    /// <summary>The block's last vector: after the others are stored, so its overlapping lanes read their final values and keep them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void StoreLast<T>(ref T dst, Vector256<T> v, bool add, int keep, Vector256<T> mask) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!add && keep == 0)
        {
            v.StoreUnsafe(ref dst);
            return;
        }
        var old = Vector256.LoadUnsafe(ref dst);
        if (add) v += old;
        if (keep > 0) v = Vector256.ConditionalSelect(mask, old, v);
        v.StoreUnsafe(ref dst);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }
}
