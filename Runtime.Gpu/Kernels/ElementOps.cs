namespace Tutor.Gpu.Kernels;

/// <summary>
/// Elementwise functors of two or three inputs for <see cref="Elementwise.Kernel{T, TOp}"/>: the binary ops, the
/// adjoint updates that are not "Ȳ times a local derivative", and the gradients of the losses. x0, x1, x2 are the
/// kernel's inputs, p a host constant, s a device scalar (ȳ of a scalar result).
/// </summary>
public static class ElementOps
{
#pragma warning disable CS1591 // the formula is in each struct's summary
    /// <summary>x0 + x1.</summary>
    public struct Add<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Add(x0, x1);
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>x0 − x1.</summary>
    public struct Sub<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Sub(x0, x1);
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>x0·x1.</summary>
    public struct Mul<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Mul(x0, x1);
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>x0/x1.</summary>
    public struct Div<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Div(x0, x1);
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>−x0·x1/x2 (B̄ −= Ȳ⊙Y⊘B, the divisor's adjoint).</summary>
    public struct NegMulDiv<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Neg(default(M).Div(default(M).Mul(x0, x1), x2));
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>p·x1 (x1 broadcast: spreading a row or column adjoint; p = 1 or 1/count).</summary>
    public struct ScaleX1<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Mul(x1, p);
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>s·p (spreading the adjoint of a full sum or mean; filling with p when s = 1).</summary>
    public struct ScalarTimesP<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Mul(s, p);
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>p (a fill).</summary>
    public struct Constant<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => p;
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>(x0 − x1)·(s·p): the MSE gradient with p = ±2/N.</summary>
    public struct MseGradient<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Mul(default(M).Sub(x0, x1), default(M).Mul(s, p));
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>sgn(x0 − x1)·(s·p): the MAE gradient with p = ±1/N.</summary>
    public struct MaeGradient<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Mul(UnaryRules.Signum<T, M>(default(M).Sub(x0, x1)), default(M).Mul(s, p));
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>−(s·p)·x2 where −x1·x0 &gt; 0, else 0: the hinge gradient (x0 = Ŷ, x1 = Y, x2 the other factor, p = 1/N).</summary>
    public struct HingeGradient<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) =>
            default(M).Greater(default(M).Neg(default(M).Mul(x1, x0)), default(M).Zero)
                ? default(M).Neg(default(M).Mul(default(M).Mul(s, p), x2))
                : default(M).Zero;
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>(σ(x0) − x1)·(s·p): the BCE gradient for the logits, p = 1/N.</summary>
    public struct BceLogitsGradient<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) =>
            default(M).Mul(default(M).Sub(default(UnaryRules.Sigmoid<T, M>).Value(x0, p), x1), default(M).Mul(s, p));
        public T Plus(T a, T b) => default(M).Add(a, b);
    }

    /// <summary>x0·(−s·p): the BCE gradient for the targets (x0 = Z), p = 1/N.</summary>
    public struct BceTargetGradient<T, M> : IElementOp<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Apply(T x0, T x1, T x2, T p, T s) => default(M).Mul(x0, default(M).Neg(default(M).Mul(s, p)));
        public T Plus(T a, T b) => default(M).Add(a, b);
    }
#pragma warning restore CS1591
}
