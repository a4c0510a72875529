using System.Numerics;

namespace Tutor.Tensors;

public sealed partial class Tensor<T>
{
    /// <summary>Elementwise sum (equal shapes); see <see cref="Ops.Add{T}(Tensor{T}, Tensor{T})"/>.</summary>
    public static Tensor<T> operator +(Tensor<T> a, Tensor<T> b) => Ops.Add(a, b);

    /// <summary>Elementwise difference (equal shapes).</summary>
    public static Tensor<T> operator -(Tensor<T> a, Tensor<T> b) => Ops.Sub(a, b);

    /// <summary>Elementwise (Hadamard) product, as PyTorch's <c>*</c>; the matrix product is <see cref="Ops.MatMul{T}(Tensor{T}, Tensor{T})"/>.</summary>
    public static Tensor<T> operator *(Tensor<T> a, Tensor<T> b) => Ops.Mul(a, b);

    /// <summary>Elementwise quotient (equal shapes).</summary>
    public static Tensor<T> operator /(Tensor<T> a, Tensor<T> b) => Ops.Div(a, b);

    /// <summary>Elementwise negation.</summary>
    public static Tensor<T> operator -(Tensor<T> a) => Ops.Neg(a);

    /// <summary>Every element times <paramref name="s"/>.</summary>
    public static Tensor<T> operator *(T s, Tensor<T> a) => Ops.Scale(a, s);

    /// <summary>Every element times <paramref name="s"/>.</summary>
    public static Tensor<T> operator *(Tensor<T> a, T s) => Ops.Scale(a, s);

    /// <summary>Every element plus <paramref name="s"/>.</summary>
    public static Tensor<T> operator +(Tensor<T> a, T s) => Ops.AddScalar(a, s);

    /// <summary>Every element minus <paramref name="s"/>.</summary>
    public static Tensor<T> operator -(Tensor<T> a, T s) => Ops.AddScalar(a, -s);
}
