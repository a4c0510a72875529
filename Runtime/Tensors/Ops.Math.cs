using System.Numerics;
using System.Numerics.Tensors;

namespace Tutor.Tensors;

// Elementwise math: exp, log, tanh, sigmoid, relu, abs, sign, pow, sqrt, square.
// Every op has the same four members (forward, forward into a destination, VJP, JVP); the only rule an op states
// is its local derivative ∂Y/∂A, computed with TensorPrimitives into a span. The plumbing is in Ops.Elementwise.cs.
public static partial class Ops
{
    /// <summary>eᵃ, elementwise.</summary>
    public static Tensor<T> Exp<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Exp(a, New<T>(a.Shape));

    /// <summary>eᵃ, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Exp<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Exp), a, T.Zero, destination, static (a, p, y) => TensorPrimitives.Exp(a, y));

    /// <summary>Ā += Ȳ⊙Y.</summary>
    public static void ExpVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(ExpVjp), resultAdjoint, a, T.Zero, result, aAdjoint, ExpDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void ExpJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(ExpJvp), a, T.Zero, result, aTangent, resultTangent, ExpDerivative);

    static void ExpDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        y.CopyTo(d);
    }

    /// <summary>ln a, elementwise (NaN for a &lt; 0, −∞ at 0).</summary>
    public static Tensor<T> Log<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Log(a, New<T>(a.Shape));

    /// <summary>ln a, elementwise (NaN for a &lt; 0, −∞ at 0). Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Log<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Log), a, T.Zero, destination, static (a, p, y) => TensorPrimitives.Log(a, y));

    /// <summary>Ā += Ȳ⊘A.</summary>
    public static void LogVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(LogVjp), resultAdjoint, a, T.Zero, result, aAdjoint, LogDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void LogJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(LogJvp), a, T.Zero, result, aTangent, resultTangent, LogDerivative);

    static void LogDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Divide(T.One, a, d);
    }

    /// <summary>tanh a, elementwise.</summary>
    public static Tensor<T> Tanh<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Tanh(a, New<T>(a.Shape));

    /// <summary>tanh a, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Tanh<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Tanh), a, T.Zero, destination, static (a, p, y) => Cpu.TanhKernel.Tanh(a, y));

    /// <summary>Ā += Ȳ⊙(1 − Y²).</summary>
    public static void TanhVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(TanhVjp), resultAdjoint, a, T.Zero, result, aAdjoint, TanhDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void TanhJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(TanhJvp), a, T.Zero, result, aTangent, resultTangent, TanhDerivative);

    static void TanhDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(y, y, d);
        TensorPrimitives.Subtract(T.One, d, d);
    }

    /// <summary>σ(a) = 1/(1 + e⁻ᵃ), elementwise.</summary>
    public static Tensor<T> Sigmoid<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Sigmoid(a, New<T>(a.Shape));

    /// <summary>σ(a) = 1/(1 + e⁻ᵃ), elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Sigmoid<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Sigmoid), a, T.Zero, destination, static (a, p, y) => TensorPrimitives.Sigmoid(a, y));

    /// <summary>Ā += Ȳ⊙Y⊙(1 − Y).</summary>
    public static void SigmoidVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(SigmoidVjp), resultAdjoint, a, T.Zero, result, aAdjoint, SigmoidDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void SigmoidJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(SigmoidJvp), a, T.Zero, result, aTangent, resultTangent, SigmoidDerivative);

    static void SigmoidDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Subtract(T.One, y, d);
        TensorPrimitives.Multiply(d, y, d);
    }

    /// <summary>max(a, 0), elementwise.</summary>
    public static Tensor<T> Relu<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Relu(a, New<T>(a.Shape));

    /// <summary>max(a, 0), elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Relu<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Relu), a, T.Zero, destination, static (a, p, y) => TensorPrimitives.Max(a, T.Zero, y));

    /// <summary>Ā += Ȳ⊙[A &gt; 0] (0 at the kink).</summary>
    public static void ReluVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(ReluVjp), resultAdjoint, a, T.Zero, result, aAdjoint, ReluDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void ReluJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(ReluJvp), a, T.Zero, result, aTangent, resultTangent, ReluDerivative);

    static void ReluDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < a.Length; i++) d[i] = a[i] > T.Zero ? T.One : T.Zero;
    }

    /// <summary>|a|, elementwise.</summary>
    public static Tensor<T> Abs<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Abs(a, New<T>(a.Shape));

    /// <summary>|a|, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Abs<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Abs), a, T.Zero, destination, static (a, p, y) => TensorPrimitives.Abs(a, y));

    /// <summary>Ā += Ȳ⊙sgn A (0 at 0).</summary>
    public static void AbsVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(AbsVjp), resultAdjoint, a, T.Zero, result, aAdjoint, AbsDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void AbsJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(AbsJvp), a, T.Zero, result, aTangent, resultTangent, AbsDerivative);

    static void AbsDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        SignOf(a, d);
    }

    /// <summary>sgn a ∈ {−1, 0, 1}, elementwise.</summary>
    public static Tensor<T> Sign<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Sign(a, New<T>(a.Shape));

    /// <summary>sgn a ∈ {−1, 0, 1}, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Sign<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Sign), a, T.Zero, destination, static (a, p, y) => SignOf(a, y));

    /// <summary>Ā += 0: sgn is piecewise constant.</summary>
    public static void SignVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(SignVjp), resultAdjoint, a, T.Zero, result, aAdjoint, SignDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void SignJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(SignJvp), a, T.Zero, result, aTangent, resultTangent, SignDerivative);

    static void SignDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        d.Clear();
    }

    /// <summary>aᵖ for a constant exponent p, elementwise. <paramref name="exponent"/> is a constant (not differentiated).</summary>
    public static Tensor<T> Pow<T>(Tensor<T> a, T exponent) where T : unmanaged, IFloatingPointIeee754<T> => Pow(a, exponent, New<T>(a.Shape));

    /// <summary>aᵖ for a constant exponent p, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Pow<T>(Tensor<T> a, T exponent, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Pow), a, exponent, destination, static (a, p, y) => TensorPrimitives.Pow(a, p, y));

    /// <summary>Ā += Ȳ⊙p·Aᵖ⁻¹.</summary>
    public static void PowVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, T exponent, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(PowVjp), resultAdjoint, a, exponent, result, aAdjoint, PowDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void PowJvp<T>(Tensor<T> a, T exponent, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(PowJvp), a, exponent, result, aTangent, resultTangent, PowDerivative);

    static void PowDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Pow(a, p - T.One, d);
        TensorPrimitives.Multiply(d, p, d);
    }

    /// <summary>√a, elementwise.</summary>
    public static Tensor<T> Sqrt<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Sqrt(a, New<T>(a.Shape));

    /// <summary>√a, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Sqrt<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Sqrt), a, T.Zero, destination, static (a, p, y) => TensorPrimitives.Sqrt(a, y));

    /// <summary>Ā += Ȳ⊘(2Y).</summary>
    public static void SqrtVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(SqrtVjp), resultAdjoint, a, T.Zero, result, aAdjoint, SqrtDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void SqrtJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(SqrtJvp), a, T.Zero, result, aTangent, resultTangent, SqrtDerivative);

    static void SqrtDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Divide(T.CreateTruncating(0.5), y, d);
    }

    /// <summary>a², elementwise.</summary>
    public static Tensor<T> Square<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Square(a, New<T>(a.Shape));

    /// <summary>a², elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Square<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Square), a, T.Zero, destination, static (a, p, y) => TensorPrimitives.Multiply(a, a, y));

    /// <summary>Ā += 2·Ȳ⊙A.</summary>
    public static void SquareVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(SquareVjp), resultAdjoint, a, T.Zero, result, aAdjoint, SquareDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void SquareJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(SquareJvp), a, T.Zero, result, aTangent, resultTangent, SquareDerivative);

    static void SquareDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(a, T.CreateTruncating(2), d);
    }
}
