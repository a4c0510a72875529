using ILGPU;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// C (+)= op(A)·op(B) for row-major matrices, op = identity or transpose, any sizes.
/// <para>
/// Tiling: a group of TX×TY threads computes a BM×BN = 4TY×4TX block of C. For each BK-deep slice of the inner
/// dimension the group copies an BM×BK tile of op(A) and a BK×BN tile of op(B) into shared memory (consecutive
/// threads read consecutive addresses whichever way the operand is stored; elements past the edge of a matrix are
/// stored as 0, so sizes need not be multiples of the tile), then every thread accumulates its 4×4 micro-tile of C
/// in 16 registers: each shared value it loads feeds four multiply-adds. Thread (tx, ty) owns rows ty + TY·r and
/// columns tx + TX·c (r, c = 0…3), so neighbouring threads read neighbouring shared addresses (no bank conflicts)
/// and write neighbouring addresses of C.
/// </para>
/// <para>
/// ILGPU 1.5.3 does not unroll loops (it miscompiled them), so the 4×4 update is written out by hand; TX, TY and BK
/// are launch parameters, which lets ILGPU's CPU simulator run the same kernel with 4×4-thread groups.
/// </para>
/// </summary>
public static class MatMul
{
    /// <summary>The kernel; launch a 2-D grid of ⌈N/BN⌉×⌈M/BM⌉ groups of TX×TY threads with BK·(BM + BN) elements of dynamic shared memory.</summary>
    public static void Kernel<T, M>(MatMulArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        var m = default(M);
        var shared = SharedMemory.GetDynamic<T>();
        int tx = Group.IdxX, ty = Group.IdxY, tx4 = Group.DimX, ty4 = Group.DimY;
        int threads = tx4 * ty4, tid = ty * tx4 + tx;
        int bm = 4 * ty4, bn = 4 * tx4, bk = a.TileK;
        int i0 = Grid.IdxY * bm + ty, j0 = Grid.IdxX * bn + tx;
        int rowBase = Grid.IdxY * bm, colBase = Grid.IdxX * bn;
        int tileB = bk * bm; // shared: [0, bk·bm) holds op(A)'s tile as [k][m], then op(B)'s as [k][n]
        T z = m.Zero;
        T c00 = z, c01 = z, c02 = z, c03 = z;
        T c10 = z, c11 = z, c12 = z, c13 = z;
        T c20 = z, c21 = z, c22 = z, c23 = z;
        T c30 = z, c31 = z, c32 = z, c33 = z;
        for (int k0 = 0; k0 < a.K; k0 += bk)
        {
            // op(A) tile, element (r, k) at A[(rowBase + r)·A.RowStride + (k0 + k)·A.ColumnStride].
            for (int e = tid; e < bm * bk; e += threads)
            {
                int r, k;
                if (a.TransposeA != 0) { k = e / bm; r = e - k * bm; } else { r = e / bk; k = e - r * bk; }
                int gi = rowBase + r, gk = k0 + k;
                shared[k * bm + r] = gi < a.M && gk < a.K ? a.A[gi * a.ARowStride + gk * a.AColumnStride] : z;
            }
            // op(B) tile, element (k, c) at B[(k0 + k)·B.RowStride + (colBase + c)·B.ColumnStride].
            for (int e = tid; e < bk * bn; e += threads)
            {
                int k, c;
                if (a.TransposeB != 0) { c = e / bk; k = e - c * bk; } else { k = e / bn; c = e - k * bn; }
                int gk = k0 + k, gj = colBase + c;
                shared[tileB + k * bn + c] = gk < a.K && gj < a.N ? a.B[gk * a.BRowStride + gj * a.BColumnStride] : z;
            }
            Group.Barrier();
            for (int kk = 0; kk < bk; kk++)
            {
                int ak = kk * bm, bk0 = tileB + kk * bn;
                T a0 = shared[ak + ty + 0 * ty4];
                T a1 = shared[ak + ty + 1 * ty4];
                T a2 = shared[ak + ty + 2 * ty4];
                T a3 = shared[ak + ty + 3 * ty4];
                T b0 = shared[bk0 + tx + 0 * tx4];
                T b1 = shared[bk0 + tx + 1 * tx4];
                T b2 = shared[bk0 + tx + 2 * tx4];
                T b3 = shared[bk0 + tx + 3 * tx4];
                c00 = m.Add(c00, m.Mul(a0, b0)); c01 = m.Add(c01, m.Mul(a0, b1)); c02 = m.Add(c02, m.Mul(a0, b2)); c03 = m.Add(c03, m.Mul(a0, b3));
                c10 = m.Add(c10, m.Mul(a1, b0)); c11 = m.Add(c11, m.Mul(a1, b1)); c12 = m.Add(c12, m.Mul(a1, b2)); c13 = m.Add(c13, m.Mul(a1, b3));
                c20 = m.Add(c20, m.Mul(a2, b0)); c21 = m.Add(c21, m.Mul(a2, b1)); c22 = m.Add(c22, m.Mul(a2, b2)); c23 = m.Add(c23, m.Mul(a2, b3));
                c30 = m.Add(c30, m.Mul(a3, b0)); c31 = m.Add(c31, m.Mul(a3, b1)); c32 = m.Add(c32, m.Mul(a3, b2)); c33 = m.Add(c33, m.Mul(a3, b3));
            }
            Group.Barrier();
        }
        Store<T, M>(a, i0 + 0 * ty4, j0, tx4, c00, c01, c02, c03);
        Store<T, M>(a, i0 + 1 * ty4, j0, tx4, c10, c11, c12, c13);
        Store<T, M>(a, i0 + 2 * ty4, j0, tx4, c20, c21, c22, c23);
        Store<T, M>(a, i0 + 3 * ty4, j0, tx4, c30, c31, c32, c33);
    }

    /// <summary>Writes (or adds) one row of a thread's micro-tile, skipping elements past the edge of C.</summary>
    static void Store<T, M>(MatMulArgs<T> a, int i, int j0, int tx4, T v0, T v1, T v2, T v3) where T : unmanaged where M : struct, IReal<T>
    {
        if (i >= a.M) return;
        int row = i * a.N;
        Put<T, M>(a, row, j0, v0);
        Put<T, M>(a, row, j0 + tx4, v1);
        Put<T, M>(a, row, j0 + 2 * tx4, v2);
        Put<T, M>(a, row, j0 + 3 * tx4, v3);
    }

    static void Put<T, M>(MatMulArgs<T> a, int row, int j, T v) where T : unmanaged where M : struct, IReal<T>
    {
        if (j >= a.N) return;
        a.C[row + j] = a.Accumulate != 0 ? default(M).Add(a.C[row + j], v) : v;
    }
}

/// <summary>Arguments of <see cref="MatMul.Kernel{T, M}"/>: C is M×N, row-major; op(A) is M×K, op(B) K×N.</summary>
public struct MatMulArgs<T> where T : unmanaged
{
    /// <summary>The operands and the result.</summary>
    public ArrayView<T> A, B, C;
    /// <summary>The product's dimensions.</summary>
    public int M, N, K;
    /// <summary>Where op(A)[i, k] lives: A[i·ARowStride + k·AColumnStride].</summary>
    public int ARowStride, AColumnStride;
    /// <summary>Where op(B)[k, j] lives: B[k·BRowStride + j·BColumnStride].</summary>
    public int BRowStride, BColumnStride;
    /// <summary>1 when A is stored transposed (op(A)'s rows are contiguous in memory down A's columns).</summary>
    public int TransposeA, TransposeB;
    /// <summary>BK, the depth of a tile.</summary>
    public int TileK;
    /// <summary>1: C += product.</summary>
    public int Accumulate;
}
