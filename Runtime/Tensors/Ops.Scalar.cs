using System.Numerics;
using System.Numerics.Tensors;

namespace Tutor.Tensors;

// Unary arithmetic: negation, and scaling or shifting by a constant.
// Every op has the same four members (forward, forward into a destination, VJP, JVP); the only rule an op states
// is its local derivative ∂Y/∂A, computed with TensorPrimitives into a span. The plumbing is in Ops.Elementwise.cs.
public static partial class Ops
{
    /// <summary>−a, elementwise.</summary>
    public static Tensor<T> Neg<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Neg(a, New<T>(a.Shape));

    /// <summary>−a, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Neg<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Neg), a, T.Zero, destination, static (a, p, y) => TensorPrimitives.Negate(a, y));

    /// <summary>Ā −= Ȳ.</summary>
    public static void NegVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(NegVjp), resultAdjoint, a, T.Zero, result, aAdjoint, NegDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void NegJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(NegJvp), a, T.Zero, result, aTangent, resultTangent, NegDerivative);

    static void NegDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        d.Fill(-T.One);
    }

    /// <summary>s·a for a constant s. <paramref name="s"/> is a constant (not differentiated).</summary>
    public static Tensor<T> Scale<T>(Tensor<T> a, T s) where T : unmanaged, IFloatingPointIeee754<T> => Scale(a, s, New<T>(a.Shape));

    /// <summary>s·a for a constant s. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> Scale<T>(Tensor<T> a, T s, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Scale), a, s, destination, static (a, p, y) => TensorPrimitives.Multiply(a, p, y));

    /// <summary>Ā += s·Ȳ.</summary>
    public static void ScaleVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, T s, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(ScaleVjp), resultAdjoint, a, s, result, aAdjoint, ScaleDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void ScaleJvp<T>(Tensor<T> a, T s, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(ScaleJvp), a, s, result, aTangent, resultTangent, ScaleDerivative);

    static void ScaleDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        d.Fill(p);
    }

    /// <summary>a + s for a constant s. <paramref name="s"/> is a constant (not differentiated).</summary>
    public static Tensor<T> AddScalar<T>(Tensor<T> a, T s) where T : unmanaged, IFloatingPointIeee754<T> => AddScalar(a, s, New<T>(a.Shape));

    /// <summary>a + s for a constant s. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public static Tensor<T> AddScalar<T>(Tensor<T> a, T s, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(AddScalar), a, s, destination, static (a, p, y) => TensorPrimitives.Add(a, p, y));

    /// <summary>Ā += Ȳ.</summary>
    public static void AddScalarVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, T s, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(AddScalarVjp), resultAdjoint, a, s, result, aAdjoint, AddScalarDerivative);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public static void AddScalarJvp<T>(Tensor<T> a, T s, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(AddScalarJvp), a, s, result, aTangent, resultTangent, AddScalarDerivative);

    static void AddScalarDerivative<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        d.Fill(T.One);
    }
}
