using ILGPU;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// Reductions of a whole tensor to one number, in two launches: <see cref="Partials{T, M, TTerm}"/> (P groups; group
/// g sums the terms at g·G + t, g·G + t + P·G, … per thread, then a tree) and <see cref="Final{T, M}"/> (one group
/// sums the P partials). P depends only on n and the options, so the order of every addition is fixed: the result
/// is the same bits on every run. <see cref="ArgMaxPartials{T, M}"/>/<see cref="ArgMaxFinal{T, M}"/> do the same for the
/// largest element and its first index.
/// </summary>
public static class Reduce
{
    /// <summary>Stage 1: partials[g] = Σ term(x0[i], x1[i]) over group g's elements.</summary>
    public static void Partials<T, M, TTerm>(ReduceArgs<T> a) where T : unmanaged where M : struct, IReal<T> where TTerm : struct, ITerm<T>
    {
        T sum = default(M).Zero;
        int stride = Grid.DimX * Group.DimX;
        for (int i = Grid.IdxX * Group.DimX + Group.IdxX; i < a.N; i += stride)
            sum = default(M).Add(sum, default(TTerm).Term(a.X0[i], a.X1[i]));
        sum = GroupReduce.Sum<T, M>(sum);
        if (Group.IdxX == 0) a.Partials[Grid.IdxX] = sum;
    }

    /// <summary>Stage 2 (one group): y[0] (+)= scale·Σ partials.</summary>
    public static void Final<T, M>(FinalArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        T sum = default(M).Zero;
        for (int i = Group.IdxX; i < a.Count; i += Group.DimX) sum = default(M).Add(sum, a.Partials[i]);
        sum = default(M).Mul(GroupReduce.Sum<T, M>(sum), a.Scale);
        if (Group.IdxX == 0) a.Y[0] = a.Accumulate != 0 ? default(M).Add(a.Y[0], sum) : sum;
    }

    /// <summary>Stage 1 of max: each group's largest element and its first index.</summary>
    public static void ArgMaxPartials<T, M>(ArgMaxArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        T best = default(M).NegativeInfinity;
        int at = int.MaxValue;
        int stride = Grid.DimX * Group.DimX;
        for (int i = Grid.IdxX * Group.DimX + Group.IdxX; i < a.N; i += stride)
            if (GroupReduce.Better<T, M>(best, at, a.X[i], i)) { best = a.X[i]; at = i; }
        var (value, index) = GroupReduce.ArgMax<T, M>(best, at);
        if (Group.IdxX == 0)
        {
            a.Values[Grid.IdxX] = value;
            a.Indices[Grid.IdxX] = index;
        }
    }

    /// <summary>Mode of <see cref="ArgMaxFinal{T, M}"/>: y[0] = max; Ā[argmax] += ȳ; ẏ = Ȧ[argmax].</summary>
    public const int MaxValue = 0, MaxVjp = 1, MaxJvp = 2;

    /// <summary>Stage 2 of max (one group), then the op's use of the winner.</summary>
    public static void ArgMaxFinal<T, M>(ArgMaxArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        T best = default(M).NegativeInfinity;
        int at = int.MaxValue;
        for (int i = Group.IdxX; i < a.N; i += Group.DimX)
            if (GroupReduce.Better<T, M>(best, at, a.Values[i], a.Indices[i])) { best = a.Values[i]; at = a.Indices[i]; }
        var (value, index) = GroupReduce.ArgMax<T, M>(best, at);
        if (Group.IdxX != 0) return;
        if (a.Mode == MaxValue) a.Y[0] = value;
        else if (a.Mode == MaxVjp) a.Y[index] = default(M).Add(a.Y[index], a.X[0]);
        else a.Y[0] = a.X[index];
    }
}

/// <summary>A per-element term of a full reduction.</summary>
public interface ITerm<T> where T : unmanaged
{
    /// <summary>The term for x0[i], x1[i].</summary>
    T Term(T x0, T x1);
}

/// <summary>Arguments of <see cref="Reduce.Partials{T, M, TTerm}"/>.</summary>
public struct ReduceArgs<T> where T : unmanaged
{
    /// <summary>Inputs (x1 may alias x0 when the term ignores it).</summary>
    public ArrayView<T> X0, X1;
    /// <summary>One partial per group.</summary>
    public ArrayView<T> Partials;
    /// <summary>Elements.</summary>
    public int N;
}

/// <summary>Arguments of <see cref="Reduce.Final{T, M}"/>.</summary>
public struct FinalArgs<T> where T : unmanaged
{
    /// <summary>The partials of stage 1.</summary>
    public ArrayView<T> Partials;
    /// <summary>How many.</summary>
    public int Count;
    /// <summary>The one-element result.</summary>
    public ArrayView<T> Y;
    /// <summary>A factor (1/N for a mean).</summary>
    public T Scale;
    /// <summary>1: y += …; 0: y = ….</summary>
    public int Accumulate;
}

/// <summary>Arguments of the two max stages.</summary>
public struct ArgMaxArgs<T> where T : unmanaged
{
    /// <summary>Stage 1: the input. Stage 2: ȳ (VJP) or the tangent Ȧ (JVP).</summary>
    public ArrayView<T> X;
    /// <summary>Stage 1: elements. Stage 2: partials.</summary>
    public int N;
    /// <summary>The partials.</summary>
    public ArrayView<T> Values;
    /// <summary>Their indices.</summary>
    public ArrayView<int> Indices;
    /// <summary>Stage 2's output: the max, Ā, or ẏ.</summary>
    public ArrayView<T> Y;
    /// <summary><see cref="Reduce.MaxValue"/>, <see cref="Reduce.MaxVjp"/> or <see cref="Reduce.MaxJvp"/>.</summary>
    public int Mode;
}

/// <summary>The terms of the full reductions: sums, losses, dot products.</summary>
public static class Terms
{
#pragma warning disable CS1591 // the formula is in each struct's summary
    /// <summary>x0.</summary>
    public struct Value<T, M> : ITerm<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Term(T x0, T x1) => x0;
    }

    /// <summary>x0·x1.</summary>
    public struct Product<T, M> : ITerm<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Term(T x0, T x1) => default(M).Mul(x0, x1);
    }

    /// <summary>(x0 − x1)².</summary>
    public struct SquaredDifference<T, M> : ITerm<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Term(T x0, T x1)
        {
            T d = default(M).Sub(x0, x1);
            return default(M).Mul(d, d);
        }
    }

    /// <summary>|x0 − x1|.</summary>
    public struct AbsoluteDifference<T, M> : ITerm<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Term(T x0, T x1) => default(M).Abs(default(M).Sub(x0, x1));
    }

    /// <summary>min(x0·x1, 0) (the hinge loss is −mean of these).</summary>
    public struct NegativeMargin<T, M> : ITerm<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Term(T x0, T x1)
        {
            T m = default(M).Mul(x0, x1);
            return default(M).Greater(m, default(M).Zero) ? default(M).Zero : m;
        }
    }

    /// <summary>max(z, 0) − z·y + ln(1 + e^−|z|): binary cross-entropy from the logit z = x0, target y = x1.</summary>
    public struct BinaryCrossEntropy<T, M> : ITerm<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Term(T z, T y)
        {
            var m = default(M);
            T positive = m.Greater(z, m.Zero) ? z : m.Zero;
            return m.Add(m.Sub(positive, m.Mul(z, y)), LogOnePlus<T, M>(m.Exp(m.Neg(m.Abs(z)))));
        }
    }
#pragma warning restore CS1591

    /// <summary>ln(1 + x), accurate for tiny x (XMath has no log1p): x·ln(u)/(u − 1) with u = 1 + x.</summary>
    public static T LogOnePlus<T, M>(T x) where T : unmanaged where M : struct, IReal<T>
    {
        var m = default(M);
        T u = m.Add(m.One, x);
        T d = m.Sub(u, m.One);
        return m.Greater(d, m.Zero) || m.Greater(m.Zero, d) ? m.Div(m.Mul(m.Log(u), x), d) : x;
    }
}
