namespace Tutor.Tensors.Tests;

/// <summary>
/// Float cross-entropy over rows shorter than 16 classes (the MLP's 10) takes a batched path: one vectorised exp pass
/// over the whole batch. Loss and VJP are checked against the formulas evaluated independently in double
/// (ln Σ e^x − x[label], and (softmax − onehot)/N), at shapes that cover whole vectors and scalar tails, with logits
/// spread wide enough that some shifted exps fall below the exp kernel's floor, and with non-finite rows.
/// </summary>
public class CrossEntropyShortRowTests
{
    [Theory]
    [InlineData(128, 10)]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(5, 15)]
    [InlineData(33, 2)]
    public void Loss_and_gradient_match_the_formulas_in_double(int rows, int columns)
    {
        var g = new Random(rows * 31 + columns);
        var x = new float[rows * columns];
        // Most logits within ±8, every seventh one far below its row (e^−150 underflows float).
        for (int i = 0; i < x.Length; i++) x[i] = i % 7 == 3 ? -150f - (float)g.NextDouble() : (float)(g.NextDouble() * 16 - 8);
        int[] labels = [.. Enumerable.Range(0, rows).Select(_ => g.Next(columns))];
        var logits = Tensor<float>.Wrap(x, TensorShape.Matrix(rows, columns));

        double expectedLoss = 0;
        var expectedGrad = new double[x.Length];
        var start = new float[x.Length];
        for (int i = 0; i < start.Length; i++) start[i] = (float)(g.NextDouble() - 0.5);
        for (int r = 0; r < rows; r++)
        {
            double sum = 0;
            for (int j = 0; j < columns; j++) sum += Math.Exp(x[r * columns + j]);
            expectedLoss += Math.Log(sum) - x[r * columns + labels[r]];
            for (int j = 0; j < columns; j++)
                expectedGrad[r * columns + j] = start[r * columns + j] + (Math.Exp(x[r * columns + j]) / sum - (j == labels[r] ? 1 : 0)) / rows;
        }
        expectedLoss /= rows;

        var loss = Ops.CrossEntropyLoss(logits, labels);
        Assert.True(Math.Abs(loss.ToScalar() - expectedLoss) <= 2e-6 * Math.Max(1, Math.Abs(expectedLoss)),
            $"loss {loss.ToScalar()} against {expectedLoss} ({rows}×{columns})");

        var grad = Tensor<float>.Wrap((float[])start.Clone(), TensorShape.Matrix(rows, columns));
        Ops.CrossEntropyLossVjp(Tensor<float>.Scalar(1f), logits, labels, loss, grad);
        var actual = grad.ToArray();
        for (int i = 0; i < actual.Length; i++)
            Assert.True(Math.Abs(actual[i] - expectedGrad[i]) <= 1e-6,
                $"gradient element {i} ({rows}×{columns}): {actual[i]} against {expectedGrad[i]}");
    }

    [Fact]
    public void A_row_with_NaN_gives_NaN_and_minus_infinity_counts_as_zero_probability()
    {
        var nan = Tensor<float>.Matrix(new float[,] { { 0, 1, 2 }, { float.NaN, 0, 0 } });
        Assert.True(float.IsNaN(Ops.CrossEntropyLoss(nan, [0, 1]).ToScalar()));
        // Row 0: ln(e⁰ + e⁰ + 0) − 0 = ln 2; row 1: ln(e³) − 3 = 0.
        var minusInf = Tensor<float>.Matrix(new float[,] { { 0, 0, float.NegativeInfinity }, { 3, float.NegativeInfinity, float.NegativeInfinity } });
        var loss = Ops.CrossEntropyLoss(minusInf, [0, 0]);
        Assert.Equal(Math.Log(2) / 2, loss.ToScalar(), 6);
        var grad = Tensor<float>.ZerosLike(minusInf);
        Ops.CrossEntropyLossVjp(Tensor<float>.Scalar(1f), minusInf, [0, 0], loss, grad);
        // (softmax − onehot)/2: row 0 (½ − 1, ½, 0)/2, row 1 (1 − 1, 0, 0)/2.
        Assert.Equal(new[] { -0.25f, 0.25f, 0f, 0f, 0f, 0f }, grad.ToArray());
    }
}
