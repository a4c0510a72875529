using System.Numerics;
using CsCheck;

namespace Tutor.Tensors.Tests;

/// <summary>
/// The blocked, packed, vectorised, two-thread product against the textbook triple loop (in double), for the three
/// forms (A·B, Aᵀ·B, A·Bᵀ), float and double, on shapes around every block edge: below the vector path, not
/// multiples of the tile (8×32, 8×16), across the depth block (256) and the row block (96), and big enough to split
/// across two threads.
/// </summary>
public class MatMulTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 1 }, { 1, 7, 1 }, { 7, 1, 3 }, { 3, 5, 1 }, { 2, 4, 3 }, { 8, 32, 8 }, { 9, 33, 17 }, { 16, 16, 16 },
        { 17, 31, 5 }, { 31, 65, 129 }, { 64, 64, 64 }, { 95, 97, 99 }, { 96, 96, 256 }, { 100, 40, 257 },
        { 128, 128, 128 }, { 130, 70, 600 }, { 40, 300, 200 }, { 9, 1000, 100 }, { 200, 150, 300 }, { 5, 300, 400 }, { 300, 6, 50 }, { 257, 129, 513 },
        // Narrow products (fewer than 4 columns, or one row) past the small-work cut-off: the vectorised matrix-vector path.
        { 500, 1, 300 }, { 1, 300, 500 }, { 400, 3, 200 }, { 257, 2, 129 }, { 1, 1, 5000 }, { 3000, 1, 2 }, { 1, 3, 4100 },
    };

    [Theory]
    [InlineData(700, 300)]
    [InlineData(64, 1000)]
    [InlineData(1, 5000)]
    [InlineData(5000, 1)]
    public void Matrix_vector_products_and_their_vjps_match_the_triple_loop(int m, int k)
    {
        var g = new Random(m + 31 * k);
        var a = Random<double>(m, k, g);
        var x = Tensor<double>.Vector([.. Enumerable.Range(0, k).Select(_ => g.NextDouble() * 2 - 1)]);
        var y = Tensor<double>.Vector([.. Enumerable.Range(0, m).Select(_ => g.NextDouble() * 2 - 1)]);
        double[] ax = new double[m], aty = new double[k];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                ax[i] += a[i, p] * x[p];
                aty[p] += a[i, p] * y[i];
            }
        AssertVector(ax, Ops.MatMul(a, x).ToArray(), k, "A·x");
        AssertVector(aty, Ops.MatMulTransposeA(a, y).ToArray(), m, "Aᵀ·y");
        // The VJP of A·x with respect to x adds Aᵀ·ȳ into an adjoint that already holds something.
        var start = Enumerable.Range(0, k).Select(_ => g.NextDouble()).ToArray();
        var xAdjoint = Tensor<double>.Vector(start);
        Ops.MatMulVjpRight(y, a, x, Ops.MatMul(a, x), xAdjoint);
        AssertVector([.. start.Select((s0, p) => s0 + aty[p])], xAdjoint.ToArray(), m, "x̄ += Aᵀ·ȳ");
    }

    static void AssertVector(double[] expected, double[] actual, int terms, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12 * (terms + 1), $"{what}: [{i}] = {actual[i]}, triple loop {expected[i]}");
    }

    [Theory, MemberData(nameof(Shapes))]
    public void Double_products_match_the_triple_loop(int m, int n, int k) => CheckAllForms<double>(m, n, k, 1e-12);

    [Theory, MemberData(nameof(Shapes))]
    public void Float_products_match_the_triple_loop(int m, int n, int k) => CheckAllForms<float>(m, n, k, 2e-6);

    [Fact]
    public void Random_shapes_match_the_triple_loop() =>
        Gen.Select(Gen.Int[1, 140], Gen.Int[1, 140], Gen.Int[1, 300]).Sample((m, n, k) =>
        {
            CheckAllForms<double>(m, n, k, 1e-12);
            CheckAllForms<float>(m, n, k, 2e-6);
        }, iter: 25);

    /// <summary>
    /// The small-matrix path (B at most 64 columns wide, no packing, a last vector overlapping its neighbour at a ragged
    /// right edge) at the MLP's shapes and around its edges: n = 1, 10, 50, 63, 65 (65 is past the path), k = 1 and
    /// 784, m = 1, 2, 5 (ragged row tiles), 128 and 784, and one product big enough for two threads. Every product form, overwriting and accumulating.
    /// </summary>
    public static TheoryData<int, int, int> EdgeShapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int n in new[] { 1, 10, 50, 63, 65 })
            foreach (int k in new[] { 1, 784 })
                foreach (int m in new[] { 1, 2, 5, 128 })
                    data.Add(m, n, k);
        data.Add(784, 50, 128);
        data.Add(128, 50, 50);
        data.Add(50, 50, 128);
        data.Add(128, 10, 50);
        data.Add(50, 10, 128);
        data.Add(64, 64, 64);
        data.Add(7, 8, 3);
        data.Add(9, 17, 40);
        data.Add(13, 24, 5);
        data.Add(2001, 50, 90); // 9M multiply-adds: the small path's two-thread split (odd m)
        return data;
    }

    [Theory, MemberData(nameof(EdgeShapes))]
    public void Edge_shapes_match_the_triple_loop(int m, int n, int k)
    {
        CheckAllForms<float>(m, n, k, 2e-6);
        CheckAllForms<double>(m, n, k, 1e-12);
        CheckAccumulating<float>(m, n, k, 2e-6);
        CheckAccumulating<double>(m, n, k, 1e-12);
    }

    /// <summary>
    /// C += op(A)·op(B) through the VJPs, into adjoints that already hold values: Ā += Ȳ·Bᵀ (A·Bᵀ form),
    /// B̄ += Aᵀ·Ȳ (Aᵀ·B form), and Ā += Ȳ·B of A·Bᵀ (plain form), each against start + triple loop.
    /// </summary>
    static void CheckAccumulating<T>(int m, int n, int k, double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = new Random(m * 7919 + n * 104729 + k * 13);
        // The product under test is C (m×n) = P (m×k) · Q (k×n).
        var p = Random<T>(m, k, g);
        var q = Random<T>(k, n, g);
        var product = Naive(p, q);
        var start = Random<T>(m, n, g);
        var expected = Plus(start, product);
        // Y = A·B with A = Pᵀ (k×m), B m×n, Ȳ = Q (k×n): B̄ += Aᵀ·Ȳ = P·Q (the Aᵀ·B form).
        var adjoint = Copy(start);
        Ops.MatMulVjpRight(q, Ops.Transpose(p), Tensor<T>.Zeros(m, n), Tensor<T>.Zeros(k, n), adjoint);
        AssertClose(expected, adjoint, k, tolerance, $"B̄ += Aᵀ·Ȳ {m}×{k}·{k}×{n}");
        // Y = A·B with A m×n, B = Qᵀ (n×k), Ȳ = P (m×k): Ā += Ȳ·Bᵀ = P·Q (the A·Bᵀ form).
        adjoint = Copy(start);
        Ops.MatMulVjpLeft(p, Tensor<T>.Zeros(m, n), Ops.Transpose(q), Tensor<T>.Zeros(m, k), adjoint);
        AssertClose(expected, adjoint, k, tolerance, $"Ā += Ȳ·Bᵀ {m}×{k}·{k}×{n}");
        // Y = A·Bᵀ with A m×n, B = Q (k×n), Ȳ = P (m×k): Ā += Ȳ·B = P·Q (the plain form).
        adjoint = Copy(start);
        Ops.MatMulTransposeBVjpLeft(p, Tensor<T>.Zeros(m, n), q, Tensor<T>.Zeros(m, k), adjoint);
        AssertClose(expected, adjoint, k, tolerance, $"Ā += Ȳ·B {m}×{k}·{k}×{n}");
    }

    static Tensor<T> Copy<T>(Tensor<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = Tensor<T>.ZerosLike(t);
        t.AsSpan().CopyTo(c.AsSpan());
        return c;
    }

    static double[,] Plus<T>(Tensor<T> start, double[,] product) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sum = new double[product.GetLength(0), product.GetLength(1)];
        for (int i = 0; i < sum.GetLength(0); i++)
            for (int j = 0; j < sum.GetLength(1); j++) sum[i, j] = double.CreateTruncating(start[i, j]) + product[i, j];
        return sum;
    }

    [Fact]
    public void Matrix_times_vector_gives_a_vector()
    {
        var a = Tensor<double>.Matrix(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var v = Tensor<double>.Vector(1, -1);
        var y = Ops.MatMul(a, v);
        Assert.Equal(TensorShape.Vector(3), y.Shape);
        Assert.Equal(new double[] { -1, -1, -1 }, y.ToArray());
        var z = Ops.MatMulTransposeA(a, Tensor<double>.Vector(1, 1, 1));
        Assert.Equal(new double[] { 9, 12 }, z.ToArray());
    }

    [Fact]
    public void Destination_is_reused_and_may_not_alias_an_operand()
    {
        var g = new Random(3);
        var a = OpCases.Mat(40, 30, g, r => r.NextDouble());
        var b = OpCases.Mat(30, 50, g, r => r.NextDouble());
        var c = Tensor<double>.Full(TensorShape.Matrix(40, 50), double.NaN);
        Assert.Same(c, Ops.MatMul(a, b, c));
        Assert.Equal(Ops.MatMul(a, b).ToArray(), c.ToArray());
        var square = OpCases.Mat(30, 30, g, r => r.NextDouble());
        var e = Assert.Throws<ShapeMismatchException>(() => Ops.MatMul(square, square, square));
        Assert.Contains("shares storage", e.Message);
    }

    static void CheckAllForms<T>(int m, int n, int k, double tolerance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = new Random(m * 1_000_003 + n * 1009 + k);
        var a = Random<T>(m, k, g);
        var b = Random<T>(k, n, g);
        var expected = Naive(a, b);
        AssertClose(expected, Ops.MatMul(a, b), k, tolerance, $"A·B {m}×{k}·{k}×{n}");
        AssertClose(expected, Ops.MatMulTransposeA(Ops.Transpose(a), b), k, tolerance, $"Aᵀ·B {m}×{k}·{k}×{n}");
        AssertClose(expected, Ops.MatMulTransposeB(a, Ops.Transpose(b)), k, tolerance, $"A·Bᵀ {m}×{k}·{k}×{n}");
    }

    static Tensor<T> Random<T>(int rows, int cols, Random g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(rows, cols);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = T.CreateTruncating(g.NextDouble() * 2 - 1);
        return t;
    }

    static double[,] Naive<T>(Tensor<T> a, Tensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = new double[a.Rows, b.Columns];
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < b.Columns; j++)
            {
                double s = 0;
                for (int p = 0; p < a.Columns; p++) s += double.CreateTruncating(a[i, p]) * double.CreateTruncating(b[p, j]);
                c[i, j] = s;
            }
        return c;
    }

    static void AssertClose<T>(double[,] expected, Tensor<T> actual, int k, double tolerance, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(TensorShape.Matrix(expected.GetLength(0), expected.GetLength(1)), actual.Shape);
        double bound = tolerance * k; // each |a·b| ≤ 1, so a sum of k products is off by at most k·ε
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
            {
                double got = double.CreateTruncating(actual[i, j]);
                Assert.True(Math.Abs(got - expected[i, j]) <= bound, $"{what}: C[{i},{j}] = {got}, triple loop {expected[i, j]}");
            }
    }
}
