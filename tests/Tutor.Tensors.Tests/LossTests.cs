namespace Tutor.Tensors.Tests;

/// <summary>Each loss on a case small enough to compute by hand; the arithmetic is in the comment above each value.</summary>
public class LossTests
{
    static Tensor<double> V(params double[] v) => Tensor<double>.Vector(v);

    [Fact]
    public void Mse_is_the_mean_of_squared_differences() =>
        // ((1−0)² + (2−4)² + (3−3)²)/3 = 5/3
        Assert.Equal(5.0 / 3, Ops.MseLoss(V(1, 2, 3), V(0, 4, 3)).ToScalar(), 15);

    [Fact]
    public void Mae_is_the_mean_of_absolute_differences() =>
        // (|1−0| + |2−4| + |3−3|)/3 = 1
        Assert.Equal(1.0, Ops.MaeLoss(V(1, 2, 3), V(0, 4, 3)).ToScalar(), 15);

    [Fact]
    public void Cross_entropy_is_the_mean_negative_log_softmax_of_the_true_class()
    {
        var logits = Tensor<double>.Matrix(new double[,] { { 0, 0 }, { 1, 2 } });
        // row 0: ln(e⁰ + e⁰) − 0 = ln 2; row 1, label 1: ln(e¹ + e²) − 2 = ln(1 + e⁻¹)
        double expected = (Math.Log(2) + Math.Log(1 + Math.Exp(-1))) / 2;
        Assert.Equal(expected, Ops.CrossEntropyLoss(logits, [0, 1]).ToScalar(), 14);
    }

    [Fact]
    public void Cross_entropy_gradient_is_softmax_minus_onehot_over_the_batch()
    {
        var logits = Tensor<double>.Matrix(new double[,] { { 0, 0 }, { 1, 2 } });
        var loss = Ops.CrossEntropyLoss(logits, [0, 1]);
        var grad = Tensor<double>.ZerosLike(logits);
        Ops.CrossEntropyLossVjp(Tensor<double>.Scalar(1), logits, [0, 1], loss, grad);
        double p = 1 / (1 + Math.E); // softmax(1, 2)[0]
        Assert.Equal(new[] { (0.5 - 1) / 2, 0.5 / 2, p / 2, (1 - p - 1) / 2 }, grad.ToArray(), new Tolerance(1e-15));
    }

    [Fact]
    public void Cross_entropy_is_stable_for_huge_logits()
    {
        var logits = Tensor<float>.Matrix(new float[,] { { 1000, 0 }, { -1000, 1000 } });
        // row 0: true class dominates: loss 0; row 1, label 0: 2000
        Assert.Equal(1000f, Ops.CrossEntropyLoss(logits, [0, 0]).ToScalar());
    }

    [Fact]
    public void Hinge_counts_only_misclassified_points() =>
        // max(−1·2, 0) = 0, max(−(−1)·0.5, 0) = 0.5, max(−1·(−3), 0) = 3: mean 3.5/3
        Assert.Equal(3.5 / 3, Ops.HingeLoss(V(2, 0.5, -3), V(1, -1, 1)).ToScalar(), 15);

    [Fact]
    public void Binary_cross_entropy_from_logits_matches_the_textbook_form_and_stays_finite()
    {
        double z = 0.3, y = 1;
        double sigma = 1 / (1 + Math.Exp(-z));
        double textbook = -(y * Math.Log(sigma) + (1 - y) * Math.Log(1 - sigma));
        Assert.Equal(textbook, Ops.BinaryCrossEntropyLoss(V(z), V(y)).ToScalar(), 15);
        // z = −800, y = 1: σ underflows to 0 and the textbook form gives ∞; the stable form gives 800.
        Assert.Equal(800.0, Ops.BinaryCrossEntropyLoss(V(-800), V(1)).ToScalar(), 12);
    }

    [Fact]
    public void Log_softmax_is_stable_and_softmax_rows_sum_to_one()
    {
        var a = Tensor<double>.Matrix(new double[,] { { 1000, 1001, 1002 }, { -5, 0, 5 } });
        var ls = Ops.RowLogSoftmax(a);
        Assert.True(TensorChecks.IsFinite(ls));
        Assert.Equal(-Math.Log(1 + Math.Exp(-1) + Math.Exp(-2)), ls[0, 2], 12);
        var s = Ops.RowSums(Ops.RowSoftmax(a));
        Assert.Equal(new[] { 1.0, 1.0 }, s.ToArray(), new Tolerance(1e-15));
        Assert.Equal(1002 + Math.Log(1 + Math.Exp(-1) + Math.Exp(-2)), Ops.RowLogSumExp(a)[0], 12);
    }

    sealed class Tolerance(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= eps;
        public int GetHashCode(double obj) => 0;
    }
}
