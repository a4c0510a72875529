using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Tutor.Tensors.Cpu;

/// <summary>
/// Register-blocked micro-kernels: one MR×NR tile of C = Σₚ (A column p) ⊗ (packed B row p), the
/// accumulators held in vector registers for the whole depth kc. With AVX-512: 8 rows × 2 Vector512 (8×32 floats,
/// 8×16 doubles), 16 accumulators of the 32 registers. With AVX2 only: 6 rows × 2 Vector256 (12 of 16 registers).
/// The kernels are generic; the JIT compiles one copy for float and one for double.
/// </summary>
internal static class GemmKernels
{
    static readonly bool Use512 = Vector512.IsHardwareAccelerated && Fma512Supported();

    /// <summary>Rows of a tile.</summary>
    public static readonly int MR = Use512 ? 8 : 6;

    /// <summary>Columns of a tile: two vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NR<T>() where T : unmanaged => Use512 ? 2 * Vector512<T>.Count : 2 * Vector256<T>.Count;

    /// <summary>True when a vector kernel runs on this machine for <typeparamref name="T"/>.</summary>
    public static bool Supported<T>() => (typeof(T) == typeof(float) || typeof(T) == typeof(double))
        && (Use512 || (Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported));

    static bool Fma512Supported() => System.Runtime.Intrinsics.X86.Avx512F.IsSupported;

    /// <summary>
    /// C tile (rows×cols at <paramref name="c"/>) (+)= A block (rows×kc, read in place through its strides) · packed
    /// B sliver. A is not packed: the kernel only broadcasts single elements of it, from MR rows that stay in L1/L2
    /// for the whole row of tiles, so packing would cost a copy of A and buy nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tile<T>(int kc, StridedMatrix<T> a, ref T pb, StridedMatrix<T> c, int rows, int cols, bool add) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Use512) Tile512(kc, ref a.Ref(0, 0), a.RowStride, a.ColumnStride, ref pb, c, rows, cols, add);
        else Tile256(kc, ref a.Ref(0, 0), a.RowStride, a.ColumnStride, ref pb, c, rows, cols, add);
    }

    static void Tile512<T>(int kc, ref T a, nint rowStride, nint columnStride, ref T pb, StridedMatrix<T> c, int rows, int cols, bool add)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector512<T>.Count;
        // Offsets of rows 1…MR−1 from row 0; rows past the edge of C re-read row 0 (their sums are never stored).
        nint o1 = rows > 1 ? 1 * rowStride : 0;
        nint o2 = rows > 2 ? 2 * rowStride : 0;
        nint o3 = rows > 3 ? 3 * rowStride : 0;
        nint o4 = rows > 4 ? 4 * rowStride : 0;
        nint o5 = rows > 5 ? 5 * rowStride : 0;
        nint o6 = rows > 6 ? 6 * rowStride : 0;
        nint o7 = rows > 7 ? 7 * rowStride : 0;
        Vector512<T> c00 = default, c01 = default;
        Vector512<T> c10 = default, c11 = default;
        Vector512<T> c20 = default, c21 = default;
        Vector512<T> c30 = default, c31 = default;
        Vector512<T> c40 = default, c41 = default;
        Vector512<T> c50 = default, c51 = default;
        Vector512<T> c60 = default, c61 = default;
        Vector512<T> c70 = default, c71 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref pb);
            var b1 = Vector512.LoadUnsafe(ref pb, (nuint)w);
            var a0 = Vector512.Create(a); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector512.Create(Unsafe.Add(ref a, o1)); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector512.Create(Unsafe.Add(ref a, o2)); c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector512.Create(Unsafe.Add(ref a, o3)); c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector512.Create(Unsafe.Add(ref a, o4)); c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector512.Create(Unsafe.Add(ref a, o5)); c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            var a6 = Vector512.Create(Unsafe.Add(ref a, o6)); c60 = Fma(a6, b0, c60); c61 = Fma(a6, b1, c61);
            var a7 = Vector512.Create(Unsafe.Add(ref a, o7)); c70 = Fma(a7, b0, c70); c71 = Fma(a7, b1, c71);
            a = ref Unsafe.Add(ref a, columnStride);
            pb = ref Unsafe.Add(ref pb, 2 * w);
        }
        if (rows == 8 && cols == 2 * w)
        {
            Store(ref c.Ref(0, 0), c00, c01, w, add);
            Store(ref c.Ref(1, 0), c10, c11, w, add);
            Store(ref c.Ref(2, 0), c20, c21, w, add);
            Store(ref c.Ref(3, 0), c30, c31, w, add);
            Store(ref c.Ref(4, 0), c40, c41, w, add);
            Store(ref c.Ref(5, 0), c50, c51, w, add);
            Store(ref c.Ref(6, 0), c60, c61, w, add);
            Store(ref c.Ref(7, 0), c70, c71, w, add);
            return;
        }
        Span<T> tile = stackalloc T[8 * 2 * w];
        ref T t = ref tile[0];
        Store(ref Unsafe.Add(ref t, 0 * 2 * w), c00, c01, w, add: false);
        Store(ref Unsafe.Add(ref t, 1 * 2 * w), c10, c11, w, add: false);
        Store(ref Unsafe.Add(ref t, 2 * 2 * w), c20, c21, w, add: false);
        Store(ref Unsafe.Add(ref t, 3 * 2 * w), c30, c31, w, add: false);
        Store(ref Unsafe.Add(ref t, 4 * 2 * w), c40, c41, w, add: false);
        Store(ref Unsafe.Add(ref t, 5 * 2 * w), c50, c51, w, add: false);
        Store(ref Unsafe.Add(ref t, 6 * 2 * w), c60, c61, w, add: false);
        Store(ref Unsafe.Add(ref t, 7 * 2 * w), c70, c71, w, add: false);
        CopyEdge(tile, 2 * w, c, rows, cols, add);
    }

    static void Tile256<T>(int kc, ref T a, nint rowStride, nint columnStride, ref T pb, StridedMatrix<T> c, int rows, int cols, bool add)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        // Offsets of rows 1…MR−1 from row 0; rows past the edge of C re-read row 0 (their sums are never stored).
        nint o1 = rows > 1 ? 1 * rowStride : 0;
        nint o2 = rows > 2 ? 2 * rowStride : 0;
        nint o3 = rows > 3 ? 3 * rowStride : 0;
        nint o4 = rows > 4 ? 4 * rowStride : 0;
        nint o5 = rows > 5 ? 5 * rowStride : 0;
        Vector256<T> c00 = default, c01 = default;
        Vector256<T> c10 = default, c11 = default;
        Vector256<T> c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default;
        Vector256<T> c40 = default, c41 = default;
        Vector256<T> c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref pb);
            var b1 = Vector256.LoadUnsafe(ref pb, (nuint)w);
            var a0 = Vector256.Create(a); c00 = Fma(a0, b0, c00); c01 = Fma(a0, b1, c01);
            var a1 = Vector256.Create(Unsafe.Add(ref a, o1)); c10 = Fma(a1, b0, c10); c11 = Fma(a1, b1, c11);
            var a2 = Vector256.Create(Unsafe.Add(ref a, o2)); c20 = Fma(a2, b0, c20); c21 = Fma(a2, b1, c21);
            var a3 = Vector256.Create(Unsafe.Add(ref a, o3)); c30 = Fma(a3, b0, c30); c31 = Fma(a3, b1, c31);
            var a4 = Vector256.Create(Unsafe.Add(ref a, o4)); c40 = Fma(a4, b0, c40); c41 = Fma(a4, b1, c41);
            var a5 = Vector256.Create(Unsafe.Add(ref a, o5)); c50 = Fma(a5, b0, c50); c51 = Fma(a5, b1, c51);
            a = ref Unsafe.Add(ref a, columnStride);
            pb = ref Unsafe.Add(ref pb, 2 * w);
        }
        if (rows == 6 && cols == 2 * w)
        {
            Store(ref c.Ref(0, 0), c00, c01, w, add);
            Store(ref c.Ref(1, 0), c10, c11, w, add);
            Store(ref c.Ref(2, 0), c20, c21, w, add);
            Store(ref c.Ref(3, 0), c30, c31, w, add);
            Store(ref c.Ref(4, 0), c40, c41, w, add);
            Store(ref c.Ref(5, 0), c50, c51, w, add);
            return;
        }
        Span<T> tile = stackalloc T[6 * 2 * w];
        ref T t = ref tile[0];
        Store(ref Unsafe.Add(ref t, 0 * 2 * w), c00, c01, w, add: false);
        Store(ref Unsafe.Add(ref t, 1 * 2 * w), c10, c11, w, add: false);
        Store(ref Unsafe.Add(ref t, 2 * 2 * w), c20, c21, w, add: false);
        Store(ref Unsafe.Add(ref t, 3 * 2 * w), c30, c31, w, add: false);
        Store(ref Unsafe.Add(ref t, 4 * 2 * w), c40, c41, w, add: false);
        Store(ref Unsafe.Add(ref t, 5 * 2 * w), c50, c51, w, add: false);
        CopyEdge(tile, 2 * w, c, rows, cols, add);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float)) return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store<T>(ref T dst, Vector512<T> lo, Vector512<T> hi, int w, bool add) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (add)
        {
            lo += Vector512.LoadUnsafe(ref dst);
            hi += Vector512.LoadUnsafe(ref dst, (nuint)w);
        }
        lo.StoreUnsafe(ref dst);
        hi.StoreUnsafe(ref dst, (nuint)w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Store<T>(ref T dst, Vector256<T> lo, Vector256<T> hi, int w, bool add) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (add)
        {
            lo += Vector256.LoadUnsafe(ref dst);
            hi += Vector256.LoadUnsafe(ref dst, (nuint)w);
        }
        lo.StoreUnsafe(ref dst);
        hi.StoreUnsafe(ref dst, (nuint)w);
    }

    /// <summary>The partial tile at the right or bottom edge of C: copy only the cells inside C.</summary>
    static void CopyEdge<T>(ReadOnlySpan<T> tile, int width, StridedMatrix<T> c, int rows, int cols, bool add) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < cols; j++)
            {
                ref T cell = ref c.Ref(r, j);
                cell = add ? cell + tile[r * width + j] : tile[r * width + j];
            }
    }
}
