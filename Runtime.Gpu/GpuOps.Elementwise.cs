using System.Numerics;
using Tutor.Gpu.Kernels;

namespace Tutor.Gpu;

// Elementwise ops of two operands of equal shape (Ops.Elementwise.cs on the CPU).
public sealed partial class GpuOps
{
    /// <summary>A + B, elementwise (equal shapes; for a bias use <see cref="AddRowVector{T}(GpuTensor{T}, GpuTensor{T})"/>).</summary>
    public GpuTensor<T> Add<T>(GpuTensor<T> a, GpuTensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Add(a, b, New<T>(Same(nameof(Add), a, b)));

    /// <summary>A + B into <paramref name="destination"/> (which may be A or B).</summary>
    public GpuTensor<T> Add<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary(nameof(Add), typeof(ElementOps.Add<,>), a, b, destination);

    /// <summary>Ā += Ȳ.</summary>
    public void AddVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(AddVjpLeft), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>B̄ += Ȳ.</summary>
    public void AddVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(AddVjpRight), resultAdjoint, b, result, bAdjoint, T.One);

    /// <summary>Ẏ = Ȧ + Ḃ.</summary>
    public void AddJvp<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? bTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> => SumOfTangents(nameof(AddJvp), a, b, result, aTangent, bTangent, resultTangent, T.One);

    /// <summary>A − B, elementwise (equal shapes).</summary>
    public GpuTensor<T> Sub<T>(GpuTensor<T> a, GpuTensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Sub(a, b, New<T>(Same(nameof(Sub), a, b)));

    /// <summary>A − B into <paramref name="destination"/> (which may be A or B).</summary>
    public GpuTensor<T> Sub<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary(nameof(Sub), typeof(ElementOps.Sub<,>), a, b, destination);

    /// <summary>Ā += Ȳ.</summary>
    public void SubVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(SubVjpLeft), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>B̄ −= Ȳ.</summary>
    public void SubVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(SubVjpRight), resultAdjoint, b, result, bAdjoint, -T.One);

    /// <summary>Ẏ = Ȧ − Ḃ.</summary>
    public void SubJvp<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? bTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> => SumOfTangents(nameof(SubJvp), a, b, result, aTangent, bTangent, resultTangent, -T.One);

    /// <summary>A⊙B, the elementwise (Hadamard) product (equal shapes).</summary>
    public GpuTensor<T> Mul<T>(GpuTensor<T> a, GpuTensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Mul(a, b, New<T>(Same(nameof(Mul), a, b)));

    /// <summary>A⊙B into <paramref name="destination"/> (which may be A or B).</summary>
    public GpuTensor<T> Mul<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary(nameof(Mul), typeof(ElementOps.Mul<,>), a, b, destination);

    /// <summary>Ā += Ȳ⊙B.</summary>
    public void MulVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MulVjpLeft), resultAdjoint, result, a, aAdjoint);
        Map(typeof(ElementOps.Mul<,>), null, aAdjoint, resultAdjoint, b, accumulate: true);
    }

    /// <summary>B̄ += Ȳ⊙A.</summary>
    public void MulVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MulVjpRight), resultAdjoint, result, b, bAdjoint);
        Map(typeof(ElementOps.Mul<,>), null, bAdjoint, resultAdjoint, a, accumulate: true);
    }

    /// <summary>Ẏ = Ȧ⊙B + A⊙Ḃ.</summary>
    public void MulJvp<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? bTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(MulJvp), result, resultTangent, a, aTangent, b, bTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else Map(typeof(ElementOps.Mul<,>), null, resultTangent, aTangent, b);
        if (bTangent is not null) Map(typeof(ElementOps.Mul<,>), null, resultTangent, a, bTangent, accumulate: true);
    }

    /// <summary>A⊘B, elementwise division (equal shapes).</summary>
    public GpuTensor<T> Div<T>(GpuTensor<T> a, GpuTensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Div(a, b, New<T>(Same(nameof(Div), a, b)));

    /// <summary>A⊘B into <paramref name="destination"/> (which may be A or B).</summary>
    public GpuTensor<T> Div<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary(nameof(Div), typeof(ElementOps.Div<,>), a, b, destination);

    /// <summary>Ā += Ȳ⊘B.</summary>
    public void DivVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(DivVjpLeft), resultAdjoint, result, a, aAdjoint);
        Map(typeof(ElementOps.Div<,>), null, aAdjoint, resultAdjoint, b, accumulate: true);
    }

    /// <summary>B̄ −= Ȳ⊙Y⊘B.</summary>
    public void DivVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(DivVjpRight), resultAdjoint, result, b, bAdjoint);
        Map(typeof(ElementOps.NegMulDiv<,>), null, bAdjoint, resultAdjoint, result, b, accumulate: true);
    }

    /// <summary>Ẏ = (Ȧ − Y⊙Ḃ)⊘B.</summary>
    public void DivJvp<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? bTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(DivJvp), result, resultTangent, a, aTangent, b, bTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else Map(typeof(ElementOps.Div<,>), null, resultTangent, aTangent, b);
        if (bTangent is not null) Map(typeof(ElementOps.NegMulDiv<,>), null, resultTangent, result, bTangent, b, accumulate: true);
    }

    GpuTensor<T> Binary<T>(string op, Type functor, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Map(functor, null, Into(op, Same(op, a, b), destination), a, b);
        return destination;
    }
}
