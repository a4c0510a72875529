using System.Numerics;
using System.Numerics.Tensors;

namespace Tutor.Tensors;

/// <summary>Computes an elementwise op: <paramref name="y"/>[i] = f(<paramref name="a"/>[i]; <paramref name="p"/>).</summary>
internal delegate void UnaryKernel<T>(ReadOnlySpan<T> a, T p, Span<T> y);

/// <summary>Computes an elementwise op's local derivative ∂y/∂a from the operand, the constant and the result.</summary>
internal delegate void DerivativeKernel<T>(ReadOnlySpan<T> a, T p, ReadOnlySpan<T> y, Span<T> d);

// Elementwise binary ops (equal shapes) and the plumbing every elementwise op shares.
public static partial class Ops
{
    /// <summary>A + B, elementwise (equal shapes; for a bias use <see cref="AddRowVector{T}(Tensor{T}, Tensor{T})"/>).</summary>
    public static Tensor<T> Add<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Add(a, b, New<T>(Same(nameof(Add), a, b)));

    /// <summary>A + B into <paramref name="destination"/> (which may be A or B).</summary>
    public static Tensor<T> Add<T>(Tensor<T> a, Tensor<T> b, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Add(a.AsReadOnlySpan(), b.AsReadOnlySpan(), Into(nameof(Add), Same(nameof(Add), a, b), destination).AsSpan());
        return destination;
    }

    /// <summary>Ā += Ȳ.</summary>
    public static void AddVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(AddVjpLeft), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>B̄ += Ȳ.</summary>
    public static void AddVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(AddVjpRight), resultAdjoint, b, result, bAdjoint, T.One);

    /// <summary>Ẏ = Ȧ + Ḃ.</summary>
    public static void AddJvp<T>(Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> => SumOfTangents(nameof(AddJvp), a, b, result, aTangent, bTangent, resultTangent, T.One);

    /// <summary>A − B, elementwise (equal shapes).</summary>
    public static Tensor<T> Sub<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Sub(a, b, New<T>(Same(nameof(Sub), a, b)));

    /// <summary>A − B into <paramref name="destination"/> (which may be A or B).</summary>
    public static Tensor<T> Sub<T>(Tensor<T> a, Tensor<T> b, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Subtract(a.AsReadOnlySpan(), b.AsReadOnlySpan(), Into(nameof(Sub), Same(nameof(Sub), a, b), destination).AsSpan());
        return destination;
    }

    /// <summary>Ā += Ȳ.</summary>
    public static void SubVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(SubVjpLeft), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>B̄ −= Ȳ.</summary>
    public static void SubVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(SubVjpRight), resultAdjoint, b, result, bAdjoint, -T.One);

    /// <summary>Ẏ = Ȧ − Ḃ.</summary>
    public static void SubJvp<T>(Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> => SumOfTangents(nameof(SubJvp), a, b, result, aTangent, bTangent, resultTangent, -T.One);

    /// <summary>A⊙B, the elementwise (Hadamard) product (equal shapes).</summary>
    public static Tensor<T> Mul<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Mul(a, b, New<T>(Same(nameof(Mul), a, b)));

    /// <summary>A⊙B into <paramref name="destination"/> (which may be A or B).</summary>
    public static Tensor<T> Mul<T>(Tensor<T> a, Tensor<T> b, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Multiply(a.AsReadOnlySpan(), b.AsReadOnlySpan(), Into(nameof(Mul), Same(nameof(Mul), a, b), destination).AsSpan());
        return destination;
    }

    /// <summary>Ā += Ȳ⊙B.</summary>
    public static void MulVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MulVjpLeft), resultAdjoint, result, a, aAdjoint);
        TensorPrimitives.MultiplyAdd(resultAdjoint.AsReadOnlySpan(), b.AsReadOnlySpan(), aAdjoint.AsReadOnlySpan(), aAdjoint.AsSpan());
    }

    /// <summary>B̄ += Ȳ⊙A.</summary>
    public static void MulVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MulVjpRight), resultAdjoint, result, b, bAdjoint);
        TensorPrimitives.MultiplyAdd(resultAdjoint.AsReadOnlySpan(), a.AsReadOnlySpan(), bAdjoint.AsReadOnlySpan(), bAdjoint.AsSpan());
    }

    /// <summary>Ẏ = Ȧ⊙B + A⊙Ḃ.</summary>
    public static void MulJvp<T>(Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(MulJvp), result, resultTangent, a, aTangent, b, bTangent);
        var y = resultTangent.AsSpan();
        if (aTangent is null) y.Clear();
        else TensorPrimitives.Multiply(aTangent.AsReadOnlySpan(), b.AsReadOnlySpan(), y);
        if (bTangent is not null) TensorPrimitives.MultiplyAdd(a.AsReadOnlySpan(), bTangent.AsReadOnlySpan(), y, y);
    }

    /// <summary>A⊘B, elementwise division (equal shapes).</summary>
    public static Tensor<T> Div<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> => Div(a, b, New<T>(Same(nameof(Div), a, b)));

    /// <summary>A⊘B into <paramref name="destination"/> (which may be A or B).</summary>
    public static Tensor<T> Div<T>(Tensor<T> a, Tensor<T> b, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        TensorPrimitives.Divide(a.AsReadOnlySpan(), b.AsReadOnlySpan(), Into(nameof(Div), Same(nameof(Div), a, b), destination).AsSpan());
        return destination;
    }

    /// <summary>Ā += Ȳ⊘B.</summary>
    public static void DivVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(DivVjpLeft), resultAdjoint, result, a, aAdjoint);
        var s = Scratch<T>.Get(a.Length);
        TensorPrimitives.Divide(resultAdjoint.AsReadOnlySpan(), b.AsReadOnlySpan(), s);
        TensorPrimitives.Add(aAdjoint.AsReadOnlySpan(), s, aAdjoint.AsSpan());
    }

    /// <summary>B̄ −= Ȳ⊙Y⊘B.</summary>
    public static void DivVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(DivVjpRight), resultAdjoint, result, b, bAdjoint);
        var s = Scratch<T>.Get(b.Length);
        TensorPrimitives.Multiply(resultAdjoint.AsReadOnlySpan(), result.AsReadOnlySpan(), s);
        TensorPrimitives.Divide(s, b.AsReadOnlySpan(), s);
        TensorPrimitives.Subtract(bAdjoint.AsReadOnlySpan(), s, bAdjoint.AsSpan());
    }

    /// <summary>Ẏ = (Ȧ − Y⊙Ḃ)⊘B.</summary>
    public static void DivJvp<T>(Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(DivJvp), result, resultTangent, a, aTangent, b, bTangent);
        var y = resultTangent.AsSpan();
        if (aTangent is null) y.Clear();
        else aTangent.AsReadOnlySpan().CopyTo(y);
        if (bTangent is not null)
        {
            var s = Scratch<T>.Get(y.Length);
            TensorPrimitives.Multiply(result.AsReadOnlySpan(), bTangent.AsReadOnlySpan(), s);
            TensorPrimitives.Subtract(y, s, y);
        }
        TensorPrimitives.Divide(y, b.AsReadOnlySpan(), y);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    static TensorShape Same<T>(string op, Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame(op, a.Shape, b.Shape);
        return a.Shape;
    }

    /// <summary>Ā += s·Ȳ (the adjoint of an op whose Jacobian is s times the identity).</summary>
    static void Accumulate<T>(string op, Tensor<T> resultAdjoint, Tensor<T> operand, Tensor<T> result, Tensor<T> adjoint, T s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, operand, adjoint);
        if (s == T.One) TensorPrimitives.Add(adjoint.AsReadOnlySpan(), resultAdjoint.AsReadOnlySpan(), adjoint.AsSpan());
        else TensorPrimitives.MultiplyAdd(resultAdjoint.AsReadOnlySpan(), s, adjoint.AsReadOnlySpan(), adjoint.AsSpan());
    }

    /// <summary>Ẏ = Ȧ + s·Ḃ, with a null tangent read as zero.</summary>
    static void SumOfTangents<T>(string op, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent, T s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent, b, bTangent);
        var y = resultTangent.AsSpan();
        if (aTangent is null) y.Clear();
        else aTangent.AsReadOnlySpan().CopyTo(y);
        if (bTangent is not null) TensorPrimitives.MultiplyAdd(bTangent.AsReadOnlySpan(), s, y, y);
    }

    static Tensor<T> Unary<T>(string op, Tensor<T> a, T p, Tensor<T> destination, UnaryKernel<T> forward)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        forward(a.AsReadOnlySpan(), p, Into(op, a.Shape, destination).AsSpan());
        return destination;
    }

    /// <summary>Ā += Ȳ⊙∂Y/∂A, the derivative computed into scratch.</summary>
    static void UnaryVjp<T>(string op, Tensor<T> resultAdjoint, Tensor<T> a, T p, Tensor<T> result, Tensor<T> aAdjoint, DerivativeKernel<T> derivative)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, a, aAdjoint);
        var d = Scratch<T>.Get(a.Length);
        derivative(a.AsReadOnlySpan(), p, result.AsReadOnlySpan(), d);
        TensorPrimitives.MultiplyAdd(resultAdjoint.AsReadOnlySpan(), d, aAdjoint.AsReadOnlySpan(), aAdjoint.AsSpan());
    }

    /// <summary>Ẏ = Ȧ⊙∂Y/∂A, the derivative computed straight into Ẏ.</summary>
    static void UnaryJvp<T>(string op, Tensor<T> a, T p, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent, DerivativeKernel<T> derivative)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent);
        if (aTangent is null) { resultTangent.Clear(); return; }
        var y = resultTangent.AsSpan();
        derivative(a.AsReadOnlySpan(), p, result.AsReadOnlySpan(), y);
        TensorPrimitives.Multiply(y, aTangent.AsReadOnlySpan(), y);
    }

    /// <summary>sgn, keeping 0 as 0 and NaN as NaN (<c>T.Sign</c> throws on NaN).</summary>
    static void SignOf<T>(ReadOnlySpan<T> a, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < a.Length; i++)
        {
            T x = a[i];
            y[i] = x > T.Zero ? T.One : x < T.Zero ? -T.One : x;
        }
    }
}
