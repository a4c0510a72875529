using ILGPU;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// Kernels that work row by row: one group per row (rows beyond the grid loop), the row's columns strided over the
/// group's threads, and a <see cref="GroupReduce"/> tree for the row's sum or max. The tree order is fixed, so a
/// row's result is the same bits on every run.
/// </summary>
public static class RowKernels
{
    /// <summary>y[r] (+)= p·Σⱼ x0[r, j]: row sums and means, and a column vector's adjoint.</summary>
    public static void Sum<T, M>(RowArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        for (int r = Grid.IdxX; r < a.Rows; r += Grid.DimX)
        {
            int row = r * a.Columns;
            T sum = default(M).Zero;
            for (int j = Group.IdxX; j < a.Columns; j += Group.DimX) sum = default(M).Add(sum, a.X0[row + j]);
            sum = default(M).Mul(GroupReduce.Sum<T, M>(sum), a.P);
            if (Group.IdxX == 0) a.Y[r] = a.Accumulate != 0 ? default(M).Add(a.Y[r], sum) : sum;
        }
    }

    /// <summary>Modes of <see cref="Max{T, M}"/>: y[r] = maxⱼ x0[r, j]; Ā[r, argmax] += ȳ[r] (x1 = Ȳ); ẏ[r] = Ȧ[r, argmax] (x1 = Ȧ).</summary>
    public const int MaxValue = 0, MaxVjp = 1, MaxJvp = 2;

    /// <summary>Row maxima and their first index, and what the op does with them (<see cref="MaxValue"/>…).</summary>
    public static void Max<T, M>(RowArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        for (int r = Grid.IdxX; r < a.Rows; r += Grid.DimX)
        {
            int row = r * a.Columns;
            T best = default(M).NegativeInfinity;
            int at = int.MaxValue;
            for (int j = Group.IdxX; j < a.Columns; j += Group.DimX)
                if (GroupReduce.Better<T, M>(best, at, a.X0[row + j], j)) { best = a.X0[row + j]; at = j; }
            var (value, index) = GroupReduce.ArgMax<T, M>(best, at);
            if (Group.IdxX != 0) continue;
            if (a.Mode == MaxValue) a.Y[r] = value;
            else if (a.Mode == MaxVjp) a.Y[row + index] = default(M).Add(a.Y[row + index], a.X1[r]);
            else a.Y[r] = a.X1[row + index];
        }
    }

    /// <summary>Modes of <see cref="Softmax{T, M}"/>: the forward values, the VJPs (which accumulate) and the JVPs (which overwrite).</summary>
    public const int
        LogSumExp = 0,        // y[r] = lse(x0[r, :])
        SoftmaxValue = 1,     // Y = softmax(x0)
        LogSoftmaxValue = 2,  // Y = x0 − lse(x0)
        LogSumExpVjp = 3,     // Ā += ȳ[r]·e^(A − y[r]); x0 = A, x1 = ȳ, x2 = y
        SoftmaxVjp = 4,       // Ā += Y⊙(Ȳ − ⟨Ȳ, Y⟩); x0 = Ȳ, x1 = Y
        LogSoftmaxVjp = 5,    // Ā += Ȳ − e^Y·ΣȲ; x0 = Ȳ, x1 = Y
        CrossEntropyRows = 6, // y[r] = lse(x0[r, :]) − x0[r, label]
        CrossEntropyVjp = 7,  // Ā += (ȳ/B)·(softmax(A) − onehot); x0 = A, x1 = ȳ (one element), p = 1/B
        LogSumExpJvp = 8,     // ẏ[r] = ⟨softmax(A), Ȧ⟩; x0 = A, x1 = Ȧ
        SoftmaxJvp = 9,       // Ẏ = Y⊙(Ȧ − ⟨Ȧ, Y⟩); x0 = Ȧ, x1 = Y
        LogSoftmaxJvp = 10,   // Ẏ = Ȧ − ⟨e^Y, Ȧ⟩; x0 = Ȧ, x1 = Y
        CrossEntropyJvpRows = 11; // y[r] = ⟨softmax(A), Ȧ⟩ − Ȧ[r, label]; x0 = A, x1 = Ȧ

    /// <summary>
    /// The softmax family: every mode is one or two group reductions over a row (a max-shifted Σ e^(x − m), or a
    /// dot product) followed by a write of one value or of the whole row. One kernel for all of them keeps the
    /// compile count down; the mode is the same for every thread, so the branches cost nothing on a GPU.
    /// </summary>
    public static void Softmax<T, M>(RowArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        var m = default(M);
        int mode = a.Mode;
        bool needsLse = mode == LogSumExp || mode == SoftmaxValue || mode == LogSoftmaxValue || mode == CrossEntropyRows
            || mode == CrossEntropyVjp || mode == LogSumExpJvp || mode == CrossEntropyJvpRows;
        for (int r = Grid.IdxX; r < a.Rows; r += Grid.DimX)
        {
            int row = r * a.Columns;
            T lse = m.Zero;
            if (needsLse) lse = RowLogSumExp<T, M>(a.X0, row, a.Columns);
            else if (mode == LogSumExpVjp) lse = a.X2[r];

            // The second reduction, where the mode needs one.
            T dot = m.Zero;
            if (mode == SoftmaxVjp || mode == SoftmaxJvp || mode == LogSoftmaxVjp || mode == LogSoftmaxJvp || mode == LogSumExpJvp || mode == CrossEntropyJvpRows)
            {
                T part = m.Zero;
                for (int j = Group.IdxX; j < a.Columns; j += Group.DimX)
                {
                    int i = row + j;
                    T term = mode == LogSoftmaxVjp ? a.X0[i]
                        : mode == LogSoftmaxJvp ? m.Mul(m.Exp(a.X1[i]), a.X0[i])
                        : mode == LogSumExpJvp || mode == CrossEntropyJvpRows ? m.Mul(m.Exp(m.Sub(a.X0[i], lse)), a.X1[i])
                        : m.Mul(a.X0[i], a.X1[i]);
                    part = m.Add(part, term);
                }
                dot = GroupReduce.Sum<T, M>(part);
            }

            if (mode == LogSumExp || mode == LogSumExpJvp || mode == CrossEntropyRows || mode == CrossEntropyJvpRows)
            {
                if (Group.IdxX != 0) continue;
                int label = mode == CrossEntropyRows || mode == CrossEntropyJvpRows ? a.Labels[r] : 0;
                a.Y[r] = mode == LogSumExp ? lse
                    : mode == LogSumExpJvp ? dot
                    : mode == CrossEntropyRows ? m.Sub(lse, a.X0[row + label])
                    : m.Sub(dot, a.X1[row + label]);
                continue;
            }

            T g = mode == CrossEntropyVjp ? m.Mul(a.X1[0], a.P) : m.Zero;
            for (int j = Group.IdxX; j < a.Columns; j += Group.DimX)
            {
                int i = row + j;
                if (mode == SoftmaxValue) a.Y[i] = m.Exp(m.Sub(a.X0[i], lse));
                else if (mode == LogSoftmaxValue) a.Y[i] = m.Sub(a.X0[i], lse);
                else if (mode == LogSumExpVjp) a.Y[i] = m.Add(a.Y[i], m.Mul(m.Exp(m.Sub(a.X0[i], lse)), a.X1[r]));
                else if (mode == SoftmaxVjp) a.Y[i] = m.Add(a.Y[i], m.Mul(a.X1[i], m.Sub(a.X0[i], dot)));
                else if (mode == LogSoftmaxVjp) a.Y[i] = m.Add(m.Add(a.Y[i], a.X0[i]), m.Mul(m.Exp(a.X1[i]), m.Neg(dot)));
                else if (mode == SoftmaxJvp) a.Y[i] = m.Mul(m.Sub(a.X0[i], dot), a.X1[i]);
                else if (mode == LogSoftmaxJvp) a.Y[i] = m.Sub(a.X0[i], dot);
                else
                {
                    T p = m.Mul(m.Exp(m.Sub(a.X0[i], lse)), g);
                    a.Y[i] = m.Add(a.Y[i], j == a.Labels[r] ? m.Sub(p, g) : p);
                }
            }
        }
    }

    /// <summary>ln Σⱼ e^x[j] = mx + ln Σⱼ e^(x[j] − mx) over one row, by the whole group (all threads get it).</summary>
    static T RowLogSumExp<T, M>(ArrayView<T> x, int row, int columns) where T : unmanaged where M : struct, IReal<T>
    {
        var m = default(M);
        T best = m.NegativeInfinity;
        int at = int.MaxValue;
        for (int j = Group.IdxX; j < columns; j += Group.DimX)
            if (GroupReduce.Better<T, M>(best, at, x[row + j], j)) { best = x[row + j]; at = j; }
        T max = GroupReduce.ArgMax<T, M>(best, at).Value;
        T sum = m.Zero;
        for (int j = Group.IdxX; j < columns; j += Group.DimX) sum = m.Add(sum, m.Exp(m.Sub(x[row + j], max)));
        sum = GroupReduce.Sum<T, M>(sum);
        // All −∞ (or a +∞): the shift would make NaN; the CPU backend returns the max.
        return m.IsInfinity(max) ? max : m.Add(max, m.Log(sum));
    }

    /// <summary>Modes of <see cref="Gather{T, M}"/>: y[r] = x0[r, label]; Ā[r, label] += ȳ[r] (x0 = Ȳ).</summary>
    public const int GatherValue = 0, GatherVjp = 1;

    /// <summary>One element per row, picked by label (grid-stride over rows, one thread each).</summary>
    public static void Gather<T, M>(RowArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        int stride = Grid.DimX * Group.DimX;
        for (int r = Grid.GlobalIndex.X; r < a.Rows; r += stride)
        {
            int i = r * a.Columns + a.Labels[r];
            if (a.Mode == GatherValue) a.Y[r] = a.X0[i];
            else a.Y[i] = default(M).Add(a.Y[i], a.X0[r]);
        }
    }
}

/// <summary>Arguments of the row kernels (see each mode for what x0, x1, x2 hold).</summary>
public struct RowArgs<T> where T : unmanaged
{
    /// <summary>Inputs.</summary>
    public ArrayView<T> X0, X1, X2;
    /// <summary>Output.</summary>
    public ArrayView<T> Y;
    /// <summary>One class label per row (any valid view when unused).</summary>
    public ArrayView<int> Labels;
    /// <summary>Rows and columns of the matrix.</summary>
    public int Rows, Columns;
    /// <summary>A host constant (a scale).</summary>
    public T P;
    /// <summary>The kernel's mode.</summary>
    public int Mode;
    /// <summary>1: accumulate into y.</summary>
    public int Accumulate;
}
