using System.Numerics;
using Tutor.Gpu.Kernels;

namespace Tutor.Gpu;

// The elementwise ops of one operand (Ops.Math.cs and Ops.Scalar.cs on the CPU). Each states only which rule of
// Kernels/UnaryRules.cs it is; the rule gives the value and the local derivative, and the Forward, Vjp and Jvp
// adapters turn it into the three kernels.
public sealed partial class GpuOps
{
    /// <summary>−a, elementwise.</summary>
    public GpuTensor<T> Neg<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Neg(a, New<T>(a.Shape));

    /// <summary>−a, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Neg<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Neg), typeof(UnaryRules.Neg<,>), a, T.Zero, destination);

    /// <summary>Ā −= Ȳ.</summary>
    public void NegVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(NegVjp), typeof(UnaryRules.Neg<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void NegJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(NegJvp), typeof(UnaryRules.Neg<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>eᵃ, elementwise.</summary>
    public GpuTensor<T> Exp<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Exp(a, New<T>(a.Shape));

    /// <summary>eᵃ, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Exp<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Exp), typeof(UnaryRules.Exp<,>), a, T.Zero, destination);

    /// <summary>Ā += Ȳ⊙Y.</summary>
    public void ExpVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(ExpVjp), typeof(UnaryRules.Exp<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void ExpJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(ExpJvp), typeof(UnaryRules.Exp<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>ln a, elementwise (NaN for a &lt; 0, −∞ at 0).</summary>
    public GpuTensor<T> Log<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Log(a, New<T>(a.Shape));

    /// <summary>ln a, elementwise (NaN for a &lt; 0, −∞ at 0). Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Log<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Log), typeof(UnaryRules.Log<,>), a, T.Zero, destination);

    /// <summary>Ā += Ȳ⊘A.</summary>
    public void LogVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(LogVjp), typeof(UnaryRules.Log<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void LogJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(LogJvp), typeof(UnaryRules.Log<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>tanh a, elementwise.</summary>
    public GpuTensor<T> Tanh<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Tanh(a, New<T>(a.Shape));

    /// <summary>tanh a, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Tanh<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Tanh), typeof(UnaryRules.Tanh<,>), a, T.Zero, destination);

    /// <summary>Ā += Ȳ⊙(1 − Y²).</summary>
    public void TanhVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(TanhVjp), typeof(UnaryRules.Tanh<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void TanhJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(TanhJvp), typeof(UnaryRules.Tanh<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>σ(a) = 1/(1 + e⁻ᵃ), elementwise.</summary>
    public GpuTensor<T> Sigmoid<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Sigmoid(a, New<T>(a.Shape));

    /// <summary>σ(a) = 1/(1 + e⁻ᵃ), elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Sigmoid<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Sigmoid), typeof(UnaryRules.Sigmoid<,>), a, T.Zero, destination);

    /// <summary>Ā += Ȳ⊙Y⊙(1 − Y).</summary>
    public void SigmoidVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(SigmoidVjp), typeof(UnaryRules.Sigmoid<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void SigmoidJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(SigmoidJvp), typeof(UnaryRules.Sigmoid<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>max(a, 0), elementwise.</summary>
    public GpuTensor<T> Relu<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Relu(a, New<T>(a.Shape));

    /// <summary>max(a, 0), elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Relu<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Relu), typeof(UnaryRules.Relu<,>), a, T.Zero, destination);

    /// <summary>Ā += Ȳ⊙[A &gt; 0] (0 at the kink).</summary>
    public void ReluVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(ReluVjp), typeof(UnaryRules.Relu<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void ReluJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(ReluJvp), typeof(UnaryRules.Relu<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>|a|, elementwise.</summary>
    public GpuTensor<T> Abs<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Abs(a, New<T>(a.Shape));

    /// <summary>|a|, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Abs<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Abs), typeof(UnaryRules.Abs<,>), a, T.Zero, destination);

    /// <summary>Ā += Ȳ⊙sgn A (0 at 0).</summary>
    public void AbsVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(AbsVjp), typeof(UnaryRules.Abs<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void AbsJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(AbsJvp), typeof(UnaryRules.Abs<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>sgn a ∈ {−1, 0, 1}, elementwise.</summary>
    public GpuTensor<T> Sign<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Sign(a, New<T>(a.Shape));

    /// <summary>sgn a ∈ {−1, 0, 1}, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Sign<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Sign), typeof(UnaryRules.Sign<,>), a, T.Zero, destination);

    /// <summary>Ā += 0: sgn is piecewise constant.</summary>
    public void SignVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(SignVjp), typeof(UnaryRules.Sign<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void SignJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(SignJvp), typeof(UnaryRules.Sign<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>aᵖ for a constant exponent p, elementwise.</summary>
    public GpuTensor<T> Pow<T>(GpuTensor<T> a, T exponent) where T : unmanaged, IFloatingPointIeee754<T> => Pow(a, exponent, New<T>(a.Shape));

    /// <summary>aᵖ for a constant exponent p, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Pow<T>(GpuTensor<T> a, T exponent, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Pow), typeof(UnaryRules.Pow<,>), a, exponent, destination);

    /// <summary>Ā += Ȳ⊙p·Aᵖ⁻¹.</summary>
    public void PowVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, T exponent, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(PowVjp), typeof(UnaryRules.Pow<,>), resultAdjoint, a, exponent, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void PowJvp<T>(GpuTensor<T> a, T exponent, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(PowJvp), typeof(UnaryRules.Pow<,>), a, exponent, result, aTangent, resultTangent);

    /// <summary>√a, elementwise.</summary>
    public GpuTensor<T> Sqrt<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Sqrt(a, New<T>(a.Shape));

    /// <summary>√a, elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Sqrt<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Sqrt), typeof(UnaryRules.Sqrt<,>), a, T.Zero, destination);

    /// <summary>Ā += Ȳ⊘(2Y).</summary>
    public void SqrtVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(SqrtVjp), typeof(UnaryRules.Sqrt<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void SqrtJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(SqrtJvp), typeof(UnaryRules.Sqrt<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>a², elementwise.</summary>
    public GpuTensor<T> Square<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Square(a, New<T>(a.Shape));

    /// <summary>a², elementwise. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Square<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Square), typeof(UnaryRules.Square<,>), a, T.Zero, destination);

    /// <summary>Ā += 2·Ȳ⊙A.</summary>
    public void SquareVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(SquareVjp), typeof(UnaryRules.Square<,>), resultAdjoint, a, T.Zero, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void SquareJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(SquareJvp), typeof(UnaryRules.Square<,>), a, T.Zero, result, aTangent, resultTangent);

    /// <summary>s·a for a constant s.</summary>
    public GpuTensor<T> Scale<T>(GpuTensor<T> a, T s) where T : unmanaged, IFloatingPointIeee754<T> => Scale(a, s, New<T>(a.Shape));

    /// <summary>s·a for a constant s. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> Scale<T>(GpuTensor<T> a, T s, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(Scale), typeof(UnaryRules.Scale<,>), a, s, destination);

    /// <summary>Ā += s·Ȳ.</summary>
    public void ScaleVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, T s, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(ScaleVjp), typeof(UnaryRules.Scale<,>), resultAdjoint, a, s, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void ScaleJvp<T>(GpuTensor<T> a, T s, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(ScaleJvp), typeof(UnaryRules.Scale<,>), a, s, result, aTangent, resultTangent);

    /// <summary>a + s for a constant s.</summary>
    public GpuTensor<T> AddScalar<T>(GpuTensor<T> a, T s) where T : unmanaged, IFloatingPointIeee754<T> => AddScalar(a, s, New<T>(a.Shape));

    /// <summary>a + s for a constant s. Written into <paramref name="destination"/> (which may be <paramref name="a"/>).</summary>
    public GpuTensor<T> AddScalar<T>(GpuTensor<T> a, T s, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Unary(nameof(AddScalar), typeof(UnaryRules.AddScalar<,>), a, s, destination);

    /// <summary>Ā += Ȳ.</summary>
    public void AddScalarVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, T s, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryVjp(nameof(AddScalarVjp), typeof(UnaryRules.AddScalar<,>), resultAdjoint, a, s, result, aAdjoint);

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A.</summary>
    public void AddScalarJvp<T>(GpuTensor<T> a, T s, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        UnaryJvp(nameof(AddScalarJvp), typeof(UnaryRules.AddScalar<,>), a, s, result, aTangent, resultTangent);

    // ---- plumbing ------------------------------------------------------------------------------------------

    GpuTensor<T> Unary<T>(string op, Type rule, GpuTensor<T> a, T p, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Map(typeof(Forward<,,>), rule, Into(op, a.Shape, destination), a, p: p);
        return destination;
    }

    void UnaryVjp<T>(string op, Type rule, GpuTensor<T> resultAdjoint, GpuTensor<T> a, T p, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, a, aAdjoint);
        Map(typeof(Vjp<,,>), rule, aAdjoint, resultAdjoint, a, result, p, accumulate: true);
    }

    void UnaryJvp<T>(string op, Type rule, GpuTensor<T> a, T p, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else Map(typeof(Jvp<,,>), rule, resultTangent, aTangent, a, result, p);
    }
}
