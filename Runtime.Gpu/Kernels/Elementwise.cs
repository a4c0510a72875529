using ILGPU;
using ILGPU.Runtime;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// The one elementwise kernel: y[i] (+)= f(x0[i], x1[j], x2[i], p, s) for i over n elements, where j is i, i mod
/// columns (a row vector broadcast down a batch) or i div columns (a column vector broadcast across it). Every
/// elementwise op, its VJP and its JVP is a functor struct <c>TOp</c> plugged into this kernel; ILGPU compiles one
/// kernel per functor and element type.
/// </summary>
public static class Elementwise
{
    /// <summary>How x1 is indexed.</summary>
    public const int Same = 0, RowVector = 1, ColumnVector = 2;

    /// <summary>The kernel (explicitly grouped, grid-stride).</summary>
    public static void Kernel<T, TOp>(ElementArgs<T> a) where T : unmanaged where TOp : struct, IElementOp<T>
    {
        T s = a.S[0];
        int stride = Grid.DimX * Group.DimX;
        for (int i = Grid.GlobalIndex.X; i < a.N; i += stride)
        {
            int j = a.X1Mode == Same ? i : a.X1Mode == RowVector ? i % a.Columns : i / a.Columns;
            T v = default(TOp).Apply(a.X0[i], a.X1[j], a.X2[i], a.P, s);
            a.Y[i] = a.Accumulate != 0 ? default(TOp).Plus(a.Y[i], v) : v;
        }
    }
}

/// <summary>The operands of <see cref="Elementwise.Kernel{T, TOp}"/>. Unused inputs point at any valid view of n elements.</summary>
public struct ElementArgs<T> where T : unmanaged
{
    /// <summary>Inputs read at i (x0, x2) or at the broadcast index (x1).</summary>
    public ArrayView<T> X0, X1, X2;
    /// <summary>A device scalar (the adjoint ȳ of a scalar result), read once per thread.</summary>
    public ArrayView<T> S;
    /// <summary>The output, overwritten or accumulated into.</summary>
    public ArrayView<T> Y;
    /// <summary>A host constant (an exponent, a scale, 1/N).</summary>
    public T P;
    /// <summary>Elements.</summary>
    public int N;
    /// <summary>Columns, for the broadcast index modes.</summary>
    public int Columns;
    /// <summary><see cref="Elementwise.Same"/>, <see cref="Elementwise.RowVector"/> or <see cref="Elementwise.ColumnVector"/>.</summary>
    public int X1Mode;
    /// <summary>1: y += f; 0: y = f.</summary>
    public int Accumulate;
}

/// <summary>An elementwise function for <see cref="Elementwise.Kernel{T, TOp}"/>.</summary>
public interface IElementOp<T> where T : unmanaged
{
    /// <summary>f(x0, x1, x2; p, s).</summary>
    T Apply(T x0, T x1, T x2, T p, T s);

    /// <summary>a + b (for accumulating).</summary>
    T Plus(T a, T b);
}
