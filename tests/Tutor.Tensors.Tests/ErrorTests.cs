namespace Tutor.Tensors.Tests;

/// <summary>What a student sees when something is wrong: the op's name and every shape involved.</summary>
public class ErrorTests
{
    static readonly Tensor<double> A34 = Tensor<double>.Zeros(3, 4);
    static readonly Tensor<double> B52 = Tensor<double>.Zeros(5, 2);

    [Fact]
    public void MatMul_names_both_shapes_and_the_inner_dimensions()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => Ops.MatMul(A34, B52));
        Assert.Equal("MatMul: cannot multiply (3×4) by (5×2): inner dimensions 4 and 5 differ.", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => Ops.MatMulTransposeA(A34, B52));
        Assert.Contains("MatMulTransposeA: cannot multiply (3×4)ᵀ by (5×2)", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => Ops.MatMulTransposeB(A34, B52));
        Assert.Contains("MatMulTransposeB: cannot multiply (3×4) by (5×2)ᵀ", e.Message);
    }

    public static TheoryData<string, Func<object>> Mismatches() => new()
    {
        { "Add", () => Ops.Add(A34, B52) },
        { "Sub", () => A34 - B52 },
        { "Mul", () => Ops.Mul(A34, B52) },
        { "Div", () => Ops.Div(A34, B52) },
        { "MseLoss", () => Ops.MseLoss(A34, B52) },
        { "MaeLoss", () => Ops.MaeLoss(A34, B52) },
        { "HingeLoss", () => Ops.HingeLoss(A34, B52) },
        { "BinaryCrossEntropyLoss", () => Ops.BinaryCrossEntropyLoss(A34, B52) },
        { "AddRowVector", () => Ops.AddRowVector(A34, B52) },
        { "AddColumnVector", () => Ops.AddColumnVector(A34, B52) },
        { "Exp", () => Ops.Exp(A34, B52) },
        { "MatMulVjpLeft", () => { Ops.MatMulVjpLeft(A34, A34, Tensor<double>.Zeros(4, 4), A34, B52); return 0; } },
    };

    [Theory, MemberData(nameof(Mismatches))]
    public void Shape_mismatches_name_the_op_and_both_shapes(string op, Func<object> call)
    {
        var e = Assert.Throws<ShapeMismatchException>(call);
        Assert.StartsWith(op + ":", e.Message);
        Assert.Contains("(5×2)", e.Message);
        Assert.Contains(op == "MatMulVjpLeft" ? "(3×4)" : "(3×4)", e.Message);
    }

    [Fact]
    public void An_empty_batch_is_rejected_clearly()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => Tensor<double>.Zeros(0, 3));
        Assert.Contains("(0×3) is empty", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => Ops.SliceRows(A34, 2, 0));
        Assert.StartsWith("SliceRows: empty batch", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => Tensor<float>.Matrix(0, 10, ReadOnlySpan<float>.Empty));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Labels_are_checked_against_the_batch()
    {
        var e = Assert.Throws<ShapeMismatchException>(() => Ops.CrossEntropyLoss(A34, [0, 1]));
        Assert.Equal("CrossEntropyLoss: 2 labels for logits of shape (3×4); need one label per row (3).", e.Message);
        e = Assert.Throws<ShapeMismatchException>(() => Ops.GatherByLabel(A34, [0, 4, 1]));
        Assert.Contains("label 4 in row 1 is outside 0..3", e.Message);
    }

    [Fact]
    public void Slices_outside_the_batch_are_rejected() =>
        Assert.Equal("SliceRows: rows 2..4 are outside (3×4) (rows 0..2).",
            Assert.Throws<ShapeMismatchException>(() => Ops.SliceRows(A34, 2, 3)).Message);

    [Fact]
    public void Row_ops_want_a_matrix() =>
        Assert.StartsWith("RowSoftmax: expects a matrix (batch × features), got (4)",
            Assert.Throws<ShapeMismatchException>(() => Ops.RowSoftmax(Tensor<double>.Zeros(4))).Message);

    [Fact]
    public void Non_finite_values_name_the_step_and_the_op()
    {
        var t = Tensor<float>.Vector(1, float.NaN, float.PositiveInfinity);
        var e = Assert.Throws<NonFiniteTensorException>(() => TensorChecks.ThrowIfNotFinite(t, 17, "t4 = Log(t3)"));
        Assert.StartsWith("Step 17: t4 = Log(t3) produced NaN at [1] of a (3) tensor (2 non-finite values).", e.Message);
        Assert.Equal(17, e.Step);
        Assert.Equal("t4 = Log(t3)", e.Operation);
        TensorChecks.ThrowIfNotFinite(Tensor<float>.Vector(1, 2), 1, "ok");
        var m = Tensor<double>.Zeros(2, 3);
        m[1, 2] = double.NegativeInfinity;
        Assert.Contains("−∞ at [1, 2] of a (2×3) tensor", Assert.Throws<NonFiniteTensorException>(() => TensorChecks.ThrowIfNotFinite(m, 3, "Exp")).Message);
    }
}
