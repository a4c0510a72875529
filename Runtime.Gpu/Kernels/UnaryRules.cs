namespace Tutor.Gpu.Kernels;

/// <summary>
/// An elementwise op of one operand, stated once: its value and its local derivative ∂y/∂a (from the operand a,
/// the constant p and the result y). <see cref="Forward{T, M, TRule}"/>, <see cref="Vjp{T, M, TRule}"/> and
/// <see cref="Jvp{T, M, TRule}"/> turn it into the three elementwise kernels, as Ops.Math.cs does on the CPU.
/// </summary>
public interface IUnaryRule<T> where T : unmanaged
{
    /// <summary>y = f(a; p).</summary>
    T Value(T a, T p);

    /// <summary>∂y/∂a at a, given p and y.</summary>
    T Derivative(T a, T p, T y);
}

/// <summary>y = f(x0).</summary>
public struct Forward<T, M, TRule> : IElementOp<T> where T : unmanaged where M : struct, IReal<T> where TRule : struct, IUnaryRule<T>
{
    /// <inheritdoc/>
    public T Apply(T a, T x1, T x2, T p, T s) => default(TRule).Value(a, p);
    /// <inheritdoc/>
    public T Plus(T a, T b) => default(M).Add(a, b);
}

/// <summary>Ā += Ȳ⊙∂y/∂a with x0 = Ȳ, x1 = A, x2 = Y.</summary>
public struct Vjp<T, M, TRule> : IElementOp<T> where T : unmanaged where M : struct, IReal<T> where TRule : struct, IUnaryRule<T>
{
    /// <inheritdoc/>
    public T Apply(T g, T a, T y, T p, T s) => default(M).Mul(g, default(TRule).Derivative(a, p, y));
    /// <inheritdoc/>
    public T Plus(T a, T b) => default(M).Add(a, b);
}

/// <summary>Ẏ = Ȧ⊙∂y/∂a with x0 = Ȧ, x1 = A, x2 = Y.</summary>
public struct Jvp<T, M, TRule> : IElementOp<T> where T : unmanaged where M : struct, IReal<T> where TRule : struct, IUnaryRule<T>
{
    /// <inheritdoc/>
    public T Apply(T t, T a, T y, T p, T s) => default(M).Mul(default(TRule).Derivative(a, p, y), t);
    /// <inheritdoc/>
    public T Plus(T a, T b) => default(M).Add(a, b);
}

/// <summary>The unary rules, one struct per op of Ops.Math.cs and Ops.Scalar.cs.</summary>
public static class UnaryRules
{
#pragma warning disable CS1591 // each rule is the op of the same name in Tutor.Tensors.Ops
    public struct Exp<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Exp(a);
        public T Derivative(T a, T p, T y) => y;
    }

    public struct Log<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Log(a);
        public T Derivative(T a, T p, T y) => default(M).Div(default(M).One, a);
    }

    public struct Tanh<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Tanh(a);
        public T Derivative(T a, T p, T y) => default(M).Sub(default(M).One, default(M).Mul(y, y));
    }

    public struct Sigmoid<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Div(default(M).One, default(M).Add(default(M).One, default(M).Exp(default(M).Neg(a))));
        public T Derivative(T a, T p, T y) => default(M).Mul(default(M).Sub(default(M).One, y), y);
    }

    public struct Relu<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Greater(a, default(M).Zero) || default(M).IsNaN(a) ? a : default(M).Zero;
        public T Derivative(T a, T p, T y) => default(M).Greater(a, default(M).Zero) ? default(M).One : default(M).Zero;
    }

    public struct Abs<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Abs(a);
        public T Derivative(T a, T p, T y) => Signum<T, M>(a);
    }

    public struct Sign<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => Signum<T, M>(a);
        public T Derivative(T a, T p, T y) => default(M).Zero;
    }

    public struct Pow<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Pow(a, p);
        public T Derivative(T a, T p, T y) => default(M).Mul(default(M).Pow(a, default(M).Sub(p, default(M).One)), p);
    }

    public struct Sqrt<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Sqrt(a);
        public T Derivative(T a, T p, T y) => default(M).Div(default(M).Div(default(M).One, default(M).FromInt(2)), y);
    }

    public struct Square<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Mul(a, a);
        public T Derivative(T a, T p, T y) => default(M).Mul(a, default(M).FromInt(2));
    }

    public struct Neg<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Neg(a);
        public T Derivative(T a, T p, T y) => default(M).Neg(default(M).One);
    }

    public struct Scale<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Mul(a, p);
        public T Derivative(T a, T p, T y) => p;
    }

    public struct AddScalar<T, M> : IUnaryRule<T> where T : unmanaged where M : struct, IReal<T>
    {
        public T Value(T a, T p) => default(M).Add(a, p);
        public T Derivative(T a, T p, T y) => default(M).One;
    }
#pragma warning restore CS1591

    /// <summary>sgn a ∈ {−1, 0, 1}, keeping ±0 and NaN as they are (as the CPU backend does).</summary>
    public static T Signum<T, M>(T a) where T : unmanaged where M : struct, IReal<T> =>
        default(M).Greater(a, default(M).Zero) ? default(M).One
        : default(M).Greater(default(M).Zero, a) ? default(M).Neg(default(M).One) : a;
}
