using System.Numerics;
using Tutor.Tensors.Cpu;

namespace Tutor.Tensors;

public static partial class Ops
{
    /// <summary>The matrix product A·B (a vector B is a column: A·b is a vector).</summary>
    public static Tensor<T> MatMul<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMul), a, false, b, false, null, false);

    /// <summary>A·B written into <paramref name="destination"/> (which must not share storage with A or B).</summary>
    public static Tensor<T> MatMul<T>(Tensor<T> a, Tensor<T> b, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMul), a, false, b, false, destination, false);

    /// <summary>Ā += Ȳ·Bᵀ.</summary>
    public static void MatMulVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulVjpLeft), resultAdjoint, result, a, aAdjoint);
        Product(nameof(MatMulVjpLeft), resultAdjoint, false, b, true, aAdjoint, true);
    }

    /// <summary>B̄ += Aᵀ·Ȳ.</summary>
    public static void MatMulVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulVjpRight), resultAdjoint, result, b, bAdjoint);
        Product(nameof(MatMulVjpRight), a, true, resultAdjoint, false, bAdjoint, true);
    }

    /// <summary>Ẏ = Ȧ·B + A·Ḃ.</summary>
    public static void MatMulJvp<T>(Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ProductJvp(nameof(MatMulJvp), a, false, b, false, result, aTangent, bTangent, resultTangent);

    /// <summary>The product Aᵀ·B without forming Aᵀ (e.g. Xᵀ·(Xw − y) in least squares).</summary>
    public static Tensor<T> MatMulTransposeA<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMulTransposeA), a, true, b, false, null, false);

    /// <summary>Aᵀ·B written into <paramref name="destination"/>.</summary>
    public static Tensor<T> MatMulTransposeA<T>(Tensor<T> a, Tensor<T> b, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMulTransposeA), a, true, b, false, destination, false);

    /// <summary>Ā += B·Ȳᵀ.</summary>
    public static void MatMulTransposeAVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulTransposeAVjpLeft), resultAdjoint, result, a, aAdjoint);
        Product(nameof(MatMulTransposeAVjpLeft), b, false, resultAdjoint, true, aAdjoint, true);
    }

    /// <summary>B̄ += A·Ȳ.</summary>
    public static void MatMulTransposeAVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulTransposeAVjpRight), resultAdjoint, result, b, bAdjoint);
        Product(nameof(MatMulTransposeAVjpRight), a, false, resultAdjoint, false, bAdjoint, true);
    }

    /// <summary>Ẏ = Ȧᵀ·B + Aᵀ·Ḃ.</summary>
    public static void MatMulTransposeAJvp<T>(Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ProductJvp(nameof(MatMulTransposeAJvp), a, true, b, false, result, aTangent, bTangent, resultTangent);

    /// <summary>The product A·Bᵀ without forming Bᵀ.</summary>
    public static Tensor<T> MatMulTransposeB<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMulTransposeB), a, false, b, true, null, false);

    /// <summary>A·Bᵀ written into <paramref name="destination"/>.</summary>
    public static Tensor<T> MatMulTransposeB<T>(Tensor<T> a, Tensor<T> b, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMulTransposeB), a, false, b, true, destination, false);

    /// <summary>Ā += Ȳ·B.</summary>
    public static void MatMulTransposeBVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulTransposeBVjpLeft), resultAdjoint, result, a, aAdjoint);
        Product(nameof(MatMulTransposeBVjpLeft), resultAdjoint, false, b, false, aAdjoint, true);
    }

    /// <summary>B̄ += Ȳᵀ·A.</summary>
    public static void MatMulTransposeBVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulTransposeBVjpRight), resultAdjoint, result, b, bAdjoint);
        Product(nameof(MatMulTransposeBVjpRight), resultAdjoint, true, a, false, bAdjoint, true);
    }

    /// <summary>Ẏ = Ȧ·Bᵀ + A·Ḃᵀ.</summary>
    public static void MatMulTransposeBJvp<T>(Tensor<T> a, Tensor<T> b, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ProductJvp(nameof(MatMulTransposeBJvp), a, false, b, true, result, aTangent, bTangent, resultTangent);

    /// <summary>Ẏ = d(op(A)·op(B)) = op(Ȧ)·op(B) + op(A)·op(Ḃ).</summary>
    static void ProductJvp<T>(string op, Tensor<T> a, bool ta, Tensor<T> b, bool tb, Tensor<T> result,
        Tensor<T>? aTangent, Tensor<T>? bTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent, b, bTangent);
        if (aTangent is not null) Product(op, aTangent, ta, b, tb, resultTangent, false);
        else resultTangent.Clear();
        if (bTangent is not null) Product(op, a, ta, bTangent, tb, resultTangent, true);
    }

    /// <summary>
    /// C (+)= op(A)·op(B), where op transposes when asked. A vector is a column (n×1). The result is a vector when
    /// the right factor is an untransposed vector, a matrix otherwise; a given <paramref name="c"/> must match in
    /// rows and columns (an adjoint keeps its operand's own shape).
    /// </summary>
    static Tensor<T> Product<T>(string op, Tensor<T> a, bool ta, Tensor<T> b, bool tb, Tensor<T>? c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = ta ? a.Columns : a.Rows, k = ta ? a.Rows : a.Columns;
        int kb = tb ? b.Columns : b.Rows, n = tb ? b.Rows : b.Columns;
        if (k != kb)
            throw new ShapeMismatchException(op, $"{op}: cannot multiply {a.Shape}{(ta ? "ᵀ" : "")} by {b.Shape}{(tb ? "ᵀ" : "")}: inner dimensions {k} and {kb} differ.");
        var shape = b.Rank == 1 && !tb ? TensorShape.Vector(m) : TensorShape.Matrix(m, n);
        if (c is null) c = New<T>(shape);
        else
        {
            if (c.Rows != m || c.Columns != n)
                throw new ShapeMismatchException(op, $"{op}: the destination has shape {c.Shape}, but {a.Shape}{(ta ? "ᵀ" : "")}·{b.Shape}{(tb ? "ᵀ" : "")} is {shape}.");
            Shapes.RequireNoAlias(op, c, a);
            Shapes.RequireNoAlias(op, c, b);
        }
        var sa = ta ? new StridedMatrix<T>(a.Buffer, a.Offset, 1, a.Columns) : new StridedMatrix<T>(a.Buffer, a.Offset, a.Columns, 1);
        var sb = tb ? new StridedMatrix<T>(b.Buffer, b.Offset, 1, b.Columns) : new StridedMatrix<T>(b.Buffer, b.Offset, b.Columns, 1);
        Gemm.Multiply(sa, sb, c.Buffer, c.Offset, n, m, n, k, accumulate);
        return c;
    }
}
