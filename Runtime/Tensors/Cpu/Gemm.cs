using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tutor.Tensors.Cpu;

/// <summary>
/// A strided view of a matrix inside an array: element (i, j) is <c>Data[Offset + i·RowStride + j·ColumnStride]</c>.
/// A transposed operand is the same array with the strides swapped, so the three products (A·B, Aᵀ·B, A·Bᵀ)
/// share one code path: only packing reads the strides.
/// </summary>
internal readonly struct StridedMatrix<T>(T[] data, int offset, int rowStride, int columnStride)
{
    public readonly T[] Data = data;
    public readonly int Offset = offset;
    public readonly int RowStride = rowStride;
    public readonly int ColumnStride = columnStride;

    public StridedMatrix<T> At(int row, int column) =>
        new(Data, Offset + row * RowStride + column * ColumnStride, RowStride, ColumnStride);

    public ref T Ref(int row, int column) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Data), Offset + row * RowStride + column * ColumnStride);
}

/// <summary>
/// General matrix multiply C (+)= A·B for float and double, the way BLIS does it: the loops block C into panels
/// that fit the caches, pack each panel of B into contiguous slivers (zero-padded at the edges), and a
/// register-blocked micro-kernel (<see cref="GemmKernels"/>) computes one MR×NR tile of C at a time with fused
/// multiply-adds. Two threads split C in halves when the product is large enough to pay for them.
/// </summary>
internal static class Gemm
{
    /// <summary>Depth of a packed panel: one B sliver (KC×NR) stays in the 32 KiB L1 while A slivers stream from L2.</summary>
    const int KC = 256;
    /// <summary>Rows of A in one block (MC×KC stays in the 1 MiB L2 while every B sliver passes over it).</summary>
    const int MC = 96;
    /// <summary>Columns of B packed at once.</summary>
    const int NC = 3072;
    /// <summary>Below this many multiply-adds a plain loop beats packing.</summary>
    const long SmallWork = 4096;
    /// <summary>From this many multiply-adds on, two threads share the work.</summary>
    const long ParallelWork = 96L * 96 * 96;

    /// <summary>
    /// Whether narrow products take <see cref="GemmSmall"/> (on by default). Off only to measure the packed path
    /// against it in one process (bench/Tutor.Benchmarks.Tensors <c>--mlp-profile</c>).
    /// </summary>
    internal static bool SmallPath = true;

    /// <summary>C (m×n, row-major, leading dimension ldc) = A (m×k) · B (k×n), or C += A·B when <paramref name="accumulate"/>.</summary>
    public static void Multiply<T>(StridedMatrix<T> a, StridedMatrix<T> b, T[] c, int cOffset, int ldc, int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var cm = new StridedMatrix<T>(c, cOffset, ldc, 1);
        long work = (long)m * n * k;
        if (work > SmallWork && (n < 4 || m < 2))
        {
            // Matrix·vector (and vector·matrix): one dot product or one axpy per row, vectorised.
            Narrow(a, b, cm, m, n, k, accumulate);
            return;
        }
        if (SmallPath && m >= 2 && GemmSmall.Applies<T>(n, k))
        {
            // B narrow enough to stay in L2 unpacked (the MLP's 50- and 10-wide layers, 64³): no packing, no padding.
            GemmSmall.Multiply(a, b, cm, m, n, k, accumulate);
            return;
        }
        if (!GemmKernels.Supported<T>() || work <= SmallWork || n < 4 || m < 2)
        {
            Naive(a, b, cm, m, n, k, accumulate);
            return;
        }
        if (work < ParallelWork || Environment.ProcessorCount < 2)
        {
            Blocked(a, b, cm, m, n, k, accumulate);
            return;
        }
        // Two halves of C: split the longer side on a tile boundary so neither thread gets a ragged extra tile.
        bool splitRows = m >= n;
        int tile = splitRows ? GemmKernels.MR : GemmKernels.NR<T>();
        int total = splitRows ? m : n;
        int half = Math.Min(total, (total / 2 + tile - 1) / tile * tile);
        Parallel.For(0, 2, part =>
        {
            int start = part == 0 ? 0 : half, count = part == 0 ? half : total - half;
            if (count <= 0) return;
            if (splitRows) Blocked(a.At(start, 0), b, cm.At(start, 0), count, n, k, accumulate);
            else Blocked(a, b.At(0, start), cm.At(0, start), m, count, k, accumulate);
        });
    }

    static void Blocked<T>(StridedMatrix<T> a, StridedMatrix<T> b, StridedMatrix<T> c, int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = GemmKernels.MR, nr = GemmKernels.NR<T>();
        var buffers = GemmBuffers<T>.Get(KC * NC);
        for (int jc = 0; jc < n; jc += NC)
        {
            int nc = Math.Min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                bool add = accumulate || pc > 0;
                GemmPacking.PackB(b.At(pc, jc), kc, nc, nr, buffers.B);
                for (int ic = 0; ic < m; ic += MC)
                {
                    int mc = Math.Min(MC, m - ic);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        ref T pb = ref buffers.B[jr * kc];
                        for (int ir = 0; ir < mc; ir += mr)
                            GemmKernels.Tile(kc, a.At(ic + ir, pc), ref pb, c.At(ic + ir, jc + jr), Math.Min(mr, mc - ir), Math.Min(nr, nc - jr), add);
                    }
                }
            }
        }
    }

    /// <summary>
    /// C (+)= A·B when B has fewer than 4 columns or A a single row: too narrow for the packed kernel's tiles, and a
    /// matrix-vector product is memory-bound anyway. Each output element is a <see cref="TensorPrimitives.Dot{T}"/> of a
    /// row of A with a column of B, or, when A's rows are strided and its columns contiguous (Aᵀ·b), each column of A is
    /// added scaled into the output (<see cref="TensorPrimitives.MultiplyAdd{T}(ReadOnlySpan{T}, T, ReadOnlySpan{T}, Span{T})"/>).
    /// Strided vectors are copied into a per-thread buffer first.
    /// </summary>
    static void Narrow<T>(StridedMatrix<T> a, StridedMatrix<T> b, StridedMatrix<T> c, int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var scratch = GemmBuffers<T>.Get(2 * k + m).B.AsSpan(0, 2 * k + m);
        if (a.ColumnStride == 1 || m == 1)
        {
            // c(i, j) = ⟨row i of A, column j of B⟩.
            for (int j = 0; j < n; j++)
            {
                var column = Vector(b.At(0, j), b.RowStride, k, scratch[..k]);
                for (int i = 0; i < m; i++)
                {
                    T dot = TensorPrimitives.Dot<T>(Vector(a.At(i, 0), a.ColumnStride, k, scratch.Slice(k, k)), column);
                    ref T cij = ref c.Ref(i, j);
                    cij = accumulate ? cij + dot : dot;
                }
            }
            return;
        }
        if (a.RowStride != 1)
        {
            Naive(a, b, c, m, n, k, accumulate);
            return;
        }
        // A's columns are contiguous (A is a transposed view, Xᵀ·v): c(:, j) (+)= Σ_p b(p, j) · column p of A.
        var sum = scratch.Slice(2 * k, m);
        for (int j = 0; j < n; j++)
        {
            if (accumulate) for (int i = 0; i < m; i++) sum[i] = c.Ref(i, j);
            else sum.Clear();
            for (int p = 0; p < k; p++)
                TensorPrimitives.MultiplyAdd(MemoryMarshal.CreateReadOnlySpan(ref a.Ref(0, p), m), b.Ref(p, j), sum, sum);
            for (int i = 0; i < m; i++) c.Ref(i, j) = sum[i];
        }
    }

    /// <summary>The k elements of a strided vector: the array itself when contiguous, else a copy in <paramref name="buffer"/>.</summary>
    static ReadOnlySpan<T> Vector<T>(StridedMatrix<T> start, int stride, int k, Span<T> buffer)
    {
        if (stride == 1 || k <= 1) return MemoryMarshal.CreateReadOnlySpan(ref start.Ref(0, 0), k);
        for (int p = 0; p < k; p++) buffer[p] = Unsafe.Add(ref start.Ref(0, 0), p * stride);
        return buffer;
    }

    /// <summary>The reference loop (i, p, j order: the inner loop walks a row of B and a row of C).</summary>
    static void Naive<T>(StridedMatrix<T> a, StridedMatrix<T> b, StridedMatrix<T> c, int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
        {
            if (!accumulate) for (int j = 0; j < n; j++) c.Ref(i, j) = T.Zero;
            for (int p = 0; p < k; p++)
            {
                T aip = a.Ref(i, p);
                for (int j = 0; j < n; j++) c.Ref(i, j) += aip * b.Ref(p, j);
            }
        }
    }
}

/// <summary>Per-thread packing buffers, grown on demand and reused: a training loop allocates nothing per product.</summary>
internal sealed class GemmBuffers<T> where T : unmanaged
{
    [ThreadStatic] static GemmBuffers<T>? current;

    public T[] B = [];

    public static GemmBuffers<T> Get(int bLength)
    {
        var buffers = current ??= new GemmBuffers<T>();
        if (buffers.B.Length < bLength) buffers.B = GC.AllocateUninitializedArray<T>(bLength + 64, pinned: true);
        return buffers;
    }
}
