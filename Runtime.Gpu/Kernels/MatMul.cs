using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Algorithms;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// C (+)= op(A)·op(B) for row-major matrices, op = identity or transpose, any sizes.
/// <para>
/// Tiling: a group of TX×TY threads computes a BM×BN block of C. For each BK-deep slice of the inner dimension the
/// group copies a BM×BK tile of op(A) and a BK×BN tile of op(B) into shared memory (<see cref="LoadTiles{T}"/>:
/// consecutive threads read consecutive addresses whichever way the operand is stored, and elements past the edge
/// of a matrix are stored as 0, so sizes need not be multiples of the tile), then every thread accumulates its
/// micro-tile of C, 4×4 (<see cref="Kernel4{T, M, S}"/>) or 8×8 (<see cref="Kernel8{T, M, S}"/>), in registers: each
/// value it loads from shared memory feeds 4 or 8 multiply-adds. Thread (tx, ty) owns runs of four rows (4·ty …
/// 4·ty + 3, and with 8×8 the same 4S further down) and of four columns, so each step reads its values of A and of B
/// as <see cref="Quad{T}"/>s, one vector load per four (on a GPU, <c>ld.shared.v4.f32</c>): a quarter of the
/// shared-memory instructions of one load per element. Neighbouring threads read neighbouring quads (a warp's B
/// reads are 256 contiguous bytes) and write neighbouring addresses of C.
/// </para>
/// <para>
/// ILGPU 1.5.3 does not unroll loops (its unroller miscompiled), so the micro-tile update is written out by hand.
/// The group is square, TX = TY, and its side is a type parameter (<see cref="ITileSide"/>): every shared-memory
/// read of the micro-tile update is then at a constant offset from one address a step, which the GPU folds into
/// the load; with the side as a runtime value each read cost its own address arithmetic, as many instructions as
/// the multiply-adds. ILGPU's CPU simulator (at most 16 threads a group) runs the same kernels with 4×4- or 2×2-thread
/// groups; BK is a launch parameter.
/// </para>
/// </summary>
public static class MatMul
{
    /// <summary>
    /// Which elements of the two tiles this thread copies, worked out once per kernel instead of dividing for every
    /// element of every slice (an integer division is some twenty instructions on a GPU, and it made the copy cost
    /// as much as a third of the multiply-adds). Fast when the group's thread count is a multiple of the tile side
    /// that consecutive threads walk (always so for the GPU tiles); otherwise the copy divides as before.
    /// </summary>
    struct TileWalk
    {
        /// <summary>How this thread walks the op(A) tile ([k][r] in shared memory) and the op(B) tile ([k][c]).</summary>
        public Walk A, B;
        /// <summary>
        /// 1 when both walks are fast and take at most <see cref="StagedElements"/> elements of each tile: the 4×4
        /// kernel then fetches the next slice into registers while it multiplies the current one (see <see cref="Stage{T}"/>).
        /// </summary>
        public int Staged;

        public static TileWalk For<T>(MatMulArgs<T> a, int bm, int bn) where T : unmanaged
        {
            int threads = Group.DimX * Group.DimY, tid = Group.IdxY * Group.DimX + Group.IdxX, bk = a.TileK;
            var w = new TileWalk
            {
                // Untransposed A is walked along k (consecutive addresses): k fixed per thread when threads is a
                // multiple of bk, rows stepping by threads / bk. Transposed, along r.
                A = Walk.Along(a.TransposeA != 0 ? bm : bk, threads, tid),
                // Untransposed B is walked along c; transposed, along k.
                B = Walk.Along(a.TransposeB != 0 ? bk : bn, threads, tid),
            };
            if (w.A.Fast != 0 && w.B.Fast != 0
                && w.A.Count(a.TransposeA != 0 ? bk : bm) <= StagedElements && w.B.Count(a.TransposeB != 0 ? bn : bk) <= StagedElements)
                w.Staged = 1;
            return w;
        }
    }

    /// <summary>
    /// One tile's walk: consecutive threads take consecutive elements along the side they walk (Fixed = tid mod side),
    /// and each thread steps through the other coordinate from Start by Step.
    /// </summary>
    struct Walk
    {
        /// <summary>1 when the thread count is a multiple of the side walked, so the fields below apply.</summary>
        public int Fast;
        /// <summary>The coordinate along the walked side, the first of the other coordinate, and its step.</summary>
        public int Fixed, Start, Step;

        public static Walk Along(int side, int threads, int tid) =>
            threads % side == 0 ? new Walk { Fast = 1, Fixed = tid % side, Start = tid / side, Step = threads / side } : default;

        /// <summary>Elements this thread takes when the other coordinate runs to <paramref name="limit"/>.</summary>
        public readonly int Count(int limit) => (limit + Step - 1) / Step;
    }

    /// <summary>op(A)[i, k], or 0 past the edge of A or of this layer's stretch of k (ending at <paramref name="kEnd"/>).</summary>
    static T ReadA<T>(MatMulArgs<T> a, int i, int k, int kEnd) where T : unmanaged =>
        i < a.M && k < kEnd ? a.A[i * a.ARowStride + k * a.AColumnStride] : default;

    /// <summary>op(B)[k, j], or 0 past the edge of B or of this layer's stretch of k.</summary>
    static T ReadB<T>(MatMulArgs<T> a, int k, int j, int kEnd) where T : unmanaged =>
        k < kEnd && j < a.N ? a.B[k * a.BRowStride + j * a.BColumnStride] : default;

    /// <summary>
    /// Copies the k0-th slice's tiles of op(A) (as [k][m]) and op(B) (as [k][n]) into shared memory, then waits for the
    /// group. Each k-row of a tile is padded by <see cref="Pad"/> elements (row length bm + Pad, bn + Pad): where
    /// consecutive threads walk along k (untransposed A, transposed B) their stores then fall in different banks
    /// instead of 8 threads on one.
    /// </summary>
    static void LoadTiles<T>(MatMulArgs<T> a, TileWalk w, ArrayView<T> s, int k0, int kEnd, int bm, int bn) where T : unmanaged
    {
        int threads = Group.DimX * Group.DimY, tid = Group.IdxY * Group.DimX + Group.IdxX, bk = a.TileK;
        int rowBase = Grid.IdxY * bm, colBase = Grid.IdxX * bn, tileB = bk * (bm + Pad);
        if (w.A.Fast != 0)
        {
            if (a.TransposeA != 0)
            {
                int r = w.A.Fixed, gi = rowBase + r;
                for (int k = w.A.Start; k < bk; k += w.A.Step)
                {
                    int gk = k0 + k;
                    s[k * (bm + Pad) + r] = ReadA(a, gi, gk, kEnd);
                }
            }
            else
            {
                int k = w.A.Fixed, gk = k0 + k;
                for (int r = w.A.Start; r < bm; r += w.A.Step)
                {
                    int gi = rowBase + r;
                    s[k * (bm + Pad) + r] = ReadA(a, gi, gk, kEnd);
                }
            }
        }
        else
        {
            for (int e = tid; e < bm * bk; e += threads)
            {
                int r, k;
                if (a.TransposeA != 0) { k = e / bm; r = e - k * bm; } else { r = e / bk; k = e - r * bk; }
                int gi = rowBase + r, gk = k0 + k;
                s[k * (bm + Pad) + r] = ReadA(a, gi, gk, kEnd);
            }
        }
        if (w.B.Fast != 0)
        {
            if (a.TransposeB != 0)
            {
                int k = w.B.Fixed, gk = k0 + k;
                for (int c = w.B.Start; c < bn; c += w.B.Step)
                {
                    int gj = colBase + c;
                    s[tileB + k * (bn + Pad) + c] = ReadB(a, gk, gj, kEnd);
                }
            }
            else
            {
                int c = w.B.Fixed, gj = colBase + c;
                for (int k = w.B.Start; k < bk; k += w.B.Step)
                {
                    int gk = k0 + k;
                    s[tileB + k * (bn + Pad) + c] = ReadB(a, gk, gj, kEnd);
                }
            }
        }
        else
        {
            for (int e = tid; e < bk * bn; e += threads)
            {
                int k, c;
                if (a.TransposeB != 0) { c = e / bk; k = e - c * bk; } else { k = e / bn; c = e - k * bn; }
                int gk = k0 + k, gj = colBase + c;
                s[tileB + k * (bn + Pad) + c] = ReadB(a, gk, gj, kEnd);
            }
        }
        Group.Barrier();
    }

    /// <summary>
    /// Elements by which each k-row of a shared tile is padded: a multiple of 4 keeps every quad 16-byte aligned for
    /// the vector loads, and 4 spreads the copy's stores (consecutive threads walking along k) over distinct banks.
    /// </summary>
    public const int Pad = 4;

    /// <summary>Elements of each tile a thread stages in registers (the GPU tiles need 2 or 4).</summary>
    const int StagedElements = 4;

    /// <summary>A thread's share of the next slice's two tiles, held in registers while the current slice is multiplied.</summary>
    struct Stage<T> where T : unmanaged
    {
        public T A0, A1, A2, A3, B0, B1, B2, B3;
    }

    /// <summary>Reads this thread's elements of the k0-th slice from global memory (0 past the matrices' edges).</summary>
    static Stage<T> Fetch<T>(MatMulArgs<T> a, TileWalk w, int k0, int kEnd, int bm, int bn) where T : unmanaged
    {
        var st = new Stage<T>();
        st.A0 = ElementA(a, w, k0, kEnd, bm, 0);
        st.A1 = ElementA(a, w, k0, kEnd, bm, 1);
        st.A2 = ElementA(a, w, k0, kEnd, bm, 2);
        st.A3 = ElementA(a, w, k0, kEnd, bm, 3);
        st.B0 = ElementB(a, w, k0, kEnd, bn, 0);
        st.B1 = ElementB(a, w, k0, kEnd, bn, 1);
        st.B2 = ElementB(a, w, k0, kEnd, bn, 2);
        st.B3 = ElementB(a, w, k0, kEnd, bn, 3);
        return st;
    }

    /// <summary>Writes a staged slice into the shared tiles (the same layout as <see cref="LoadTiles{T}"/>), then waits for the group.</summary>
    static void Put<T>(MatMulArgs<T> a, TileWalk w, ArrayView<T> s, Stage<T> st, int bm, int bn) where T : unmanaged
    {
        PutA(a, w, s, bm, 0, st.A0);
        PutA(a, w, s, bm, 1, st.A1);
        PutA(a, w, s, bm, 2, st.A2);
        PutA(a, w, s, bm, 3, st.A3);
        int tileB = a.TileK * (bm + Pad);
        PutB(a, w, s, tileB, bn, 0, st.B0);
        PutB(a, w, s, tileB, bn, 1, st.B1);
        PutB(a, w, s, tileB, bn, 2, st.B2);
        PutB(a, w, s, tileB, bn, 3, st.B3);
        Group.Barrier();
    }

    static T ElementA<T>(MatMulArgs<T> a, TileWalk w, int k0, int kEnd, int bm, int i) where T : unmanaged
    {
        int moving = w.A.Start + i * w.A.Step, r, k;
        if (a.TransposeA != 0) { r = w.A.Fixed; k = moving; if (k >= a.TileK) return default; }
        else { k = w.A.Fixed; r = moving; if (r >= bm) return default; }
        int gi = Grid.IdxY * bm + r, gk = k0 + k;
        return ReadA(a, gi, gk, kEnd);
    }

    static T ElementB<T>(MatMulArgs<T> a, TileWalk w, int k0, int kEnd, int bn, int i) where T : unmanaged
    {
        int moving = w.B.Start + i * w.B.Step, k, c;
        if (a.TransposeB != 0) { k = w.B.Fixed; c = moving; if (c >= bn) return default; }
        else { c = w.B.Fixed; k = moving; if (k >= a.TileK) return default; }
        int gk = k0 + k, gj = Grid.IdxX * bn + c;
        return ReadB(a, gk, gj, kEnd);
    }

    static void PutA<T>(MatMulArgs<T> a, TileWalk w, ArrayView<T> s, int bm, int i, T v) where T : unmanaged
    {
        int moving = w.A.Start + i * w.A.Step;
        if (a.TransposeA != 0) { if (moving < a.TileK) s[moving * (bm + Pad) + w.A.Fixed] = v; }
        else if (moving < bm) s[w.A.Fixed * (bm + Pad) + moving] = v;
    }

    static void PutB<T>(MatMulArgs<T> a, TileWalk w, ArrayView<T> s, int tileB, int bn, int i, T v) where T : unmanaged
    {
        int moving = w.B.Start + i * w.B.Step;
        if (a.TransposeB != 0) { if (moving < bn) s[tileB + w.B.Fixed * (bn + Pad) + moving] = v; }
        else if (moving < a.TileK) s[tileB + moving * (bn + Pad) + w.B.Fixed] = v;
    }

    /// <summary>The kernel with 4×4 outputs per thread: rows 4·ty … 4·ty + 3 and columns 4·tx … 4·tx + 3 of the group's 4S×4S block.</summary>
    public static void Kernel4<T, M, S>(MatMulArgs<T> a) where T : unmanaged where M : struct, IReal<T> where S : struct, ITileSide
    {
        var m = default(M);
        var s = SharedMemory.GetDynamic<T>();
        var quads = s.Cast<Quad<T>>();
        int tx = Group.IdxX, ty = Group.IdxY, side = default(S).Side;
        int bm = 4 * side, bn = 4 * side, tileB = a.TileK * (bm + Pad);
        int rowBase = Grid.IdxY * bm, colBase = Grid.IdxX * bn;
        T z = m.Zero;
        T c00 = z, c01 = z, c02 = z, c03 = z;
        T c10 = z, c11 = z, c12 = z, c13 = z;
        T c20 = z, c21 = z, c22 = z, c23 = z;
        T c30 = z, c31 = z, c32 = z, c33 = z;
        int kBegin = Grid.IdxZ * a.KChunk, kEnd = XMath.Min(a.K, kBegin + a.KChunk);
        var walk = TileWalk.For(a, bm, bn);
        // Staged: the next slice's global reads are issued before this slice's multiply-adds, so their latency
        // overlaps the arithmetic instead of stalling the group at every slice.
        var next = walk.Staged != 0 ? Fetch(a, walk, kBegin, kEnd, bm, bn) : default;
        for (int k0 = kBegin; k0 < kEnd; k0 += a.TileK)
        {
            if (walk.Staged != 0)
            {
                Put(a, walk, s, next, bm, bn);
                if (k0 + a.TileK < kEnd) next = Fetch(a, walk, k0 + a.TileK, kEnd, bm, bn);
            }
            else LoadTiles(a, walk, s, k0, kEnd, bm, bn);
            for (int kk = 0; kk < a.TileK; kk++)
            {
                // One quad (four consecutive elements, a single vector load) per four rows or columns; the
                // second half's quad is `side` quads further on, a constant offset.
                var qa = quads.SubView((kk * (bm + Pad)) / 4 + ty, bm / 4 - ty);
                var qb = quads.SubView((tileB + kk * (bn + Pad)) / 4 + tx, bn / 4 - tx);
                var a0 = qa[0];
                var b0 = qb[0];
                c00 = m.Add(c00, m.Mul(a0.X, b0.X)); c01 = m.Add(c01, m.Mul(a0.X, b0.Y)); c02 = m.Add(c02, m.Mul(a0.X, b0.Z)); c03 = m.Add(c03, m.Mul(a0.X, b0.W));
                c10 = m.Add(c10, m.Mul(a0.Y, b0.X)); c11 = m.Add(c11, m.Mul(a0.Y, b0.Y)); c12 = m.Add(c12, m.Mul(a0.Y, b0.Z)); c13 = m.Add(c13, m.Mul(a0.Y, b0.W));
                c20 = m.Add(c20, m.Mul(a0.Z, b0.X)); c21 = m.Add(c21, m.Mul(a0.Z, b0.Y)); c22 = m.Add(c22, m.Mul(a0.Z, b0.Z)); c23 = m.Add(c23, m.Mul(a0.Z, b0.W));
                c30 = m.Add(c30, m.Mul(a0.W, b0.X)); c31 = m.Add(c31, m.Mul(a0.W, b0.Y)); c32 = m.Add(c32, m.Mul(a0.W, b0.Z)); c33 = m.Add(c33, m.Mul(a0.W, b0.W));
            }
            Group.Barrier();
        }
        Store<T, M>(a, rowBase + 4 * ty + 0, colBase + 4 * tx, c00, c01, c02, c03);
        Store<T, M>(a, rowBase + 4 * ty + 1, colBase + 4 * tx, c10, c11, c12, c13);
        Store<T, M>(a, rowBase + 4 * ty + 2, colBase + 4 * tx, c20, c21, c22, c23);
        Store<T, M>(a, rowBase + 4 * ty + 3, colBase + 4 * tx, c30, c31, c32, c33);
    }
    /// <summary>
    /// The kernel with 8×8 outputs per thread: rows 4·ty … 4·ty + 3 of each half of the group's 8S×8S block (the half
    /// 4S further down), and the same for columns, so each step reads two quads of A and two of B.
    /// </summary>
    public static void Kernel8<T, M, S>(MatMulArgs<T> a) where T : unmanaged where M : struct, IReal<T> where S : struct, ITileSide
    {
        var m = default(M);
        var s = SharedMemory.GetDynamic<T>();
        var quads = s.Cast<Quad<T>>();
        int tx = Group.IdxX, ty = Group.IdxY, side = default(S).Side;
        int bm = 8 * side, bn = 8 * side, tileB = a.TileK * (bm + Pad);
        int rowBase = Grid.IdxY * bm, colBase = Grid.IdxX * bn;
        T z = m.Zero;
        T c00 = z, c01 = z, c02 = z, c03 = z, c04 = z, c05 = z, c06 = z, c07 = z;
        T c10 = z, c11 = z, c12 = z, c13 = z, c14 = z, c15 = z, c16 = z, c17 = z;
        T c20 = z, c21 = z, c22 = z, c23 = z, c24 = z, c25 = z, c26 = z, c27 = z;
        T c30 = z, c31 = z, c32 = z, c33 = z, c34 = z, c35 = z, c36 = z, c37 = z;
        T c40 = z, c41 = z, c42 = z, c43 = z, c44 = z, c45 = z, c46 = z, c47 = z;
        T c50 = z, c51 = z, c52 = z, c53 = z, c54 = z, c55 = z, c56 = z, c57 = z;
        T c60 = z, c61 = z, c62 = z, c63 = z, c64 = z, c65 = z, c66 = z, c67 = z;
        T c70 = z, c71 = z, c72 = z, c73 = z, c74 = z, c75 = z, c76 = z, c77 = z;
        int kBegin = Grid.IdxZ * a.KChunk, kEnd = XMath.Min(a.K, kBegin + a.KChunk);
        var walk = TileWalk.For(a, bm, bn);
        // Not staged (unlike Kernel4): the eight staged registers took this kernel from 96 to 147 registers, one
        // 256-thread group a multiprocessor instead of two.
        for (int k0 = kBegin; k0 < kEnd; k0 += a.TileK)
        {
            LoadTiles(a, walk, s, k0, kEnd, bm, bn);
            for (int kk = 0; kk < a.TileK; kk++)
            {
                // One quad (four consecutive elements, a single vector load) per four rows or columns; the
                // second half's quad is `side` quads further on, a constant offset.
                var qa = quads.SubView((kk * (bm + Pad)) / 4 + ty, bm / 4 - ty);
                var qb = quads.SubView((tileB + kk * (bn + Pad)) / 4 + tx, bn / 4 - tx);
                var a0 = qa[0];
                var a1 = qa[1 * side];
                var b0 = qb[0];
                var b1 = qb[1 * side];
                c00 = m.Add(c00, m.Mul(a0.X, b0.X)); c01 = m.Add(c01, m.Mul(a0.X, b0.Y)); c02 = m.Add(c02, m.Mul(a0.X, b0.Z)); c03 = m.Add(c03, m.Mul(a0.X, b0.W)); c04 = m.Add(c04, m.Mul(a0.X, b1.X)); c05 = m.Add(c05, m.Mul(a0.X, b1.Y)); c06 = m.Add(c06, m.Mul(a0.X, b1.Z)); c07 = m.Add(c07, m.Mul(a0.X, b1.W));
                c10 = m.Add(c10, m.Mul(a0.Y, b0.X)); c11 = m.Add(c11, m.Mul(a0.Y, b0.Y)); c12 = m.Add(c12, m.Mul(a0.Y, b0.Z)); c13 = m.Add(c13, m.Mul(a0.Y, b0.W)); c14 = m.Add(c14, m.Mul(a0.Y, b1.X)); c15 = m.Add(c15, m.Mul(a0.Y, b1.Y)); c16 = m.Add(c16, m.Mul(a0.Y, b1.Z)); c17 = m.Add(c17, m.Mul(a0.Y, b1.W));
                c20 = m.Add(c20, m.Mul(a0.Z, b0.X)); c21 = m.Add(c21, m.Mul(a0.Z, b0.Y)); c22 = m.Add(c22, m.Mul(a0.Z, b0.Z)); c23 = m.Add(c23, m.Mul(a0.Z, b0.W)); c24 = m.Add(c24, m.Mul(a0.Z, b1.X)); c25 = m.Add(c25, m.Mul(a0.Z, b1.Y)); c26 = m.Add(c26, m.Mul(a0.Z, b1.Z)); c27 = m.Add(c27, m.Mul(a0.Z, b1.W));
                c30 = m.Add(c30, m.Mul(a0.W, b0.X)); c31 = m.Add(c31, m.Mul(a0.W, b0.Y)); c32 = m.Add(c32, m.Mul(a0.W, b0.Z)); c33 = m.Add(c33, m.Mul(a0.W, b0.W)); c34 = m.Add(c34, m.Mul(a0.W, b1.X)); c35 = m.Add(c35, m.Mul(a0.W, b1.Y)); c36 = m.Add(c36, m.Mul(a0.W, b1.Z)); c37 = m.Add(c37, m.Mul(a0.W, b1.W));
                c40 = m.Add(c40, m.Mul(a1.X, b0.X)); c41 = m.Add(c41, m.Mul(a1.X, b0.Y)); c42 = m.Add(c42, m.Mul(a1.X, b0.Z)); c43 = m.Add(c43, m.Mul(a1.X, b0.W)); c44 = m.Add(c44, m.Mul(a1.X, b1.X)); c45 = m.Add(c45, m.Mul(a1.X, b1.Y)); c46 = m.Add(c46, m.Mul(a1.X, b1.Z)); c47 = m.Add(c47, m.Mul(a1.X, b1.W));
                c50 = m.Add(c50, m.Mul(a1.Y, b0.X)); c51 = m.Add(c51, m.Mul(a1.Y, b0.Y)); c52 = m.Add(c52, m.Mul(a1.Y, b0.Z)); c53 = m.Add(c53, m.Mul(a1.Y, b0.W)); c54 = m.Add(c54, m.Mul(a1.Y, b1.X)); c55 = m.Add(c55, m.Mul(a1.Y, b1.Y)); c56 = m.Add(c56, m.Mul(a1.Y, b1.Z)); c57 = m.Add(c57, m.Mul(a1.Y, b1.W));
                c60 = m.Add(c60, m.Mul(a1.Z, b0.X)); c61 = m.Add(c61, m.Mul(a1.Z, b0.Y)); c62 = m.Add(c62, m.Mul(a1.Z, b0.Z)); c63 = m.Add(c63, m.Mul(a1.Z, b0.W)); c64 = m.Add(c64, m.Mul(a1.Z, b1.X)); c65 = m.Add(c65, m.Mul(a1.Z, b1.Y)); c66 = m.Add(c66, m.Mul(a1.Z, b1.Z)); c67 = m.Add(c67, m.Mul(a1.Z, b1.W));
                c70 = m.Add(c70, m.Mul(a1.W, b0.X)); c71 = m.Add(c71, m.Mul(a1.W, b0.Y)); c72 = m.Add(c72, m.Mul(a1.W, b0.Z)); c73 = m.Add(c73, m.Mul(a1.W, b0.W)); c74 = m.Add(c74, m.Mul(a1.W, b1.X)); c75 = m.Add(c75, m.Mul(a1.W, b1.Y)); c76 = m.Add(c76, m.Mul(a1.W, b1.Z)); c77 = m.Add(c77, m.Mul(a1.W, b1.W));
            }
            Group.Barrier();
        }
        Store<T, M>(a, rowBase + 4 * ty + 0, colBase + 4 * tx, colBase + 4 * side + 4 * tx, c00, c01, c02, c03, c04, c05, c06, c07);
        Store<T, M>(a, rowBase + 4 * ty + 1, colBase + 4 * tx, colBase + 4 * side + 4 * tx, c10, c11, c12, c13, c14, c15, c16, c17);
        Store<T, M>(a, rowBase + 4 * ty + 2, colBase + 4 * tx, colBase + 4 * side + 4 * tx, c20, c21, c22, c23, c24, c25, c26, c27);
        Store<T, M>(a, rowBase + 4 * ty + 3, colBase + 4 * tx, colBase + 4 * side + 4 * tx, c30, c31, c32, c33, c34, c35, c36, c37);
        Store<T, M>(a, rowBase + 4 * side + 4 * ty + 0, colBase + 4 * tx, colBase + 4 * side + 4 * tx, c40, c41, c42, c43, c44, c45, c46, c47);
        Store<T, M>(a, rowBase + 4 * side + 4 * ty + 1, colBase + 4 * tx, colBase + 4 * side + 4 * tx, c50, c51, c52, c53, c54, c55, c56, c57);
        Store<T, M>(a, rowBase + 4 * side + 4 * ty + 2, colBase + 4 * tx, colBase + 4 * side + 4 * tx, c60, c61, c62, c63, c64, c65, c66, c67);
        Store<T, M>(a, rowBase + 4 * side + 4 * ty + 3, colBase + 4 * tx, colBase + 4 * side + 4 * tx, c70, c71, c72, c73, c74, c75, c76, c77);
    }
    /// <summary>Writes (or adds) four consecutive outputs of one row, skipping those past the edge of C.</summary>
    static void Store<T, M>(MatMulArgs<T> a, int i, int j, T v0, T v1, T v2, T v3) where T : unmanaged where M : struct, IReal<T>
    {
        if (i >= a.M) return;
        int row = Grid.IdxZ * a.M * a.N + i * a.N;
        Put<T, M>(a, row, j + 0, v0);
        Put<T, M>(a, row, j + 1, v1);
        Put<T, M>(a, row, j + 2, v2);
        Put<T, M>(a, row, j + 3, v3);
    }

    /// <summary>Writes (or adds) two runs of four outputs of one row, at columns j and j2.</summary>
    static void Store<T, M>(MatMulArgs<T> a, int i, int j, int j2, T v0, T v1, T v2, T v3, T v4, T v5, T v6, T v7) where T : unmanaged where M : struct, IReal<T>
    {
        if (i >= a.M) return;
        int row = Grid.IdxZ * a.M * a.N + i * a.N;
        Put<T, M>(a, row, j + 0, v0);
        Put<T, M>(a, row, j + 1, v1);
        Put<T, M>(a, row, j + 2, v2);
        Put<T, M>(a, row, j + 3, v3);
        Put<T, M>(a, row, j2 + 0, v4);
        Put<T, M>(a, row, j2 + 1, v5);
        Put<T, M>(a, row, j2 + 2, v6);
        Put<T, M>(a, row, j2 + 3, v7);
    }

    static void Put<T, M>(MatMulArgs<T> a, int row, int j, T v) where T : unmanaged where M : struct, IReal<T>
    {
        if (j >= a.N) return;
        a.C[row + j] = a.Accumulate != 0 ? default(M).Add(a.C[row + j], v) : v;
    }
}

/// <summary>
/// The second half of a split product: C (+)= Σ_z W[z] over the <c>splits</c> partial products in W (each M×N,
/// one after another), summed in the order z = 0, 1, …, so the result is the same run to run.
/// </summary>
public static class MatMulSplits
{
    /// <summary>The kernel (grid-stride over the M·N elements of C).</summary>
    public static void Sum<T, M>(SplitSumArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        var m = default(M);
        int stride = Grid.DimX * Group.DimX;
        for (int i = Grid.GlobalIndex.X; i < a.Elements; i += stride)
        {
            T s = a.Partials[i];
            for (int z = 1; z < a.Splits; z++) s = m.Add(s, a.Partials[z * a.Elements + i]);
            a.C[i] = a.Accumulate != 0 ? m.Add(a.C[i], s) : s;
        }
    }
}

/// <summary>Arguments of <see cref="MatMulSplits.Sum{T, M}"/>.</summary>
public struct SplitSumArgs<T> where T : unmanaged
{
    /// <summary>The partial products (Splits × Elements) and the result (Elements).</summary>
    public ArrayView<T> Partials, C;
    /// <summary>Elements of C (M·N) and partial products.</summary>
    public int Elements, Splits;
    /// <summary>1: C += Σ; 0: C = Σ.</summary>
    public int Accumulate;
}

/// <summary>Four consecutive elements, read from shared memory with one vector load (<c>ld.shared.v4.f32</c>; two <c>v2.f64</c> for double).</summary>
public struct Quad<T> where T : unmanaged
{
    /// <summary>The four elements, in memory order.</summary>
    public T X, Y, Z, W;
}

/// <summary>
/// The side of a matrix-multiply thread group (square: side × side threads) as a type, so that the kernels' shared
/// memory offsets (multiples of the side) are constants in the compiled kernel.
/// </summary>
public interface ITileSide
{
    /// <summary>Threads along each side of the group.</summary>
    int Side { get; }
}

/// <summary>Groups of 2×2 threads (ILGPU's CPU simulator).</summary>
public struct Side2 : ITileSide
{
    /// <inheritdoc/>
    public int Side { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => 2; }
}

/// <summary>Groups of 4×4 threads (ILGPU's CPU simulator).</summary>
public struct Side4 : ITileSide
{
    /// <inheritdoc/>
    public int Side { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => 4; }
}

/// <summary>Groups of 8×8 threads.</summary>
public struct Side8 : ITileSide
{
    /// <inheritdoc/>
    public int Side { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => 8; }
}

/// <summary>Groups of 16×16 threads (a GPU's 128×128 and 64×64 tiles).</summary>
public struct Side16 : ITileSide
{
    /// <inheritdoc/>
    public int Side { [MethodImpl(MethodImplOptions.AggressiveInlining)] get => 16; }
}

/// <summary>Arguments of the <see cref="MatMul"/> kernels: C is M×N, row-major; op(A) is M×K, op(B) K×N.</summary>
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
    /// <summary>1 when A (B) is stored transposed, which decides the order the tile loads walk memory in.</summary>
    public int TransposeA, TransposeB;
    /// <summary>BK, the depth of a tile.</summary>
    public int TileK;
    /// <summary>
    /// The inner dimension each z-layer of the grid covers: group (x, y, z) sums k in [z·KChunk, (z+1)·KChunk) and
    /// writes its partial product to C + z·M·N (a split product: <see cref="MatMulSplits"/> adds the layers). K itself
    /// when the grid has one layer.
    /// </summary>
    public int KChunk;
    /// <summary>1: C += product.</summary>
    public int Accumulate;
}
