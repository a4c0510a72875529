using System.Numerics;
using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>Operands and constant parameters for one call of an op.</summary>
public sealed record Case<T>(Tensor<T>[] Operands, object[] Parameters) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// Test inputs for every op of the table, drawn from each op's domain as tests/Tutor.Tensors.Tests does (positive
/// for log, sqrt and pow; away from the kink for relu, abs, sign, MAE and hinge; distinct values for max). The
/// sizes are the point here: 1×n, n×1, and odd sizes that are not multiples of the simulator's 16×16 matrix tile
/// or its 16-thread groups, so every kernel's edge handling runs.
/// </summary>
public static class Cases
{
    /// <summary>(rows, columns, inner dimension, flag): flag makes the elementwise operand a vector, or B of a product a vector.</summary>
    public static readonly (int R, int C, int K, bool Flag)[] Sizes =
    [
        (1, 5, 3, false),
        (5, 1, 2, true),
        (7, 13, 9, false),
        (19, 17, 21, true),
        (33, 18, 35, false),
    ];

    public static Case<T> Build<T>(string op, int r, int c, int k, bool flag, int seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = new Random(seed);
        Tensor<T> E(Func<Random, double> v) => flag ? Vec<T>(r, g, v) : Mat<T>(r, c, g, v);
        return op switch
        {
            "Exp" or "Tanh" or "Sigmoid" or "Neg" or "Square" or "Transpose" or "Sum" or "Mean" => C(E(U)),
            "RowSums" or "RowMeans" or "ColumnSums" or "ColumnMeans" or "RowLogSumExp" or "RowSoftmax" or "RowLogSoftmax" => C(Mat<T>(r, c, g, U)),
            "Log" or "Sqrt" => C(E(Pos)),
            "Pow" => C([E(Pos)], T.CreateTruncating(Math.Round(g.NextDouble() * 5 - 2, 2))),
            "Relu" or "Abs" or "Sign" => C(E(Away)),
            "Scale" or "AddScalar" => C([E(U)], T.CreateTruncating(U(g))),
            "Max" => C(Distinct<T>(flag ? TensorShape.Vector(r) : TensorShape.Matrix(r, c), g)),
            "RowMaxes" => C(Distinct<T>(TensorShape.Matrix(r, c), g)),
            "Add" or "Sub" or "Mul" => C(E(U), E(U)),
            "Div" => C(E(U), E(Away)),
            "MatMul" => C(Mat<T>(r, k, g, U), flag ? Vec<T>(k, g, U) : Mat<T>(k, c, g, U)),
            "MatMulTransposeA" => C(Mat<T>(k, r, g, U), flag ? Vec<T>(k, g, U) : Mat<T>(k, c, g, U)),
            "MatMulTransposeB" => C(Mat<T>(r, k, g, U), Mat<T>(c, k, g, U)),
            "AddRowVector" => C(Mat<T>(r, c, g, U), flag ? Mat<T>(1, c, g, U) : Vec<T>(c, g, U)),
            "AddColumnVector" => C(Mat<T>(r, c, g, U), flag ? Mat<T>(r, 1, g, U) : Vec<T>(r, g, U)),
            "GatherByLabel" => C([Mat<T>(r, c, g, U)], Labels(r, c, g)),
            "CrossEntropyLoss" => C([Mat<T>(r, c, g, x => 3 * U(x))], Labels(r, c, g)),
            "SliceRows" => Slice(E(U), g),
            "MseLoss" => C(E(U), E(U)),
            "MaeLoss" => Mae(E(U), g),
            "HingeLoss" => C(E(Away), E(x => x.Next(2) == 0 ? -1 : 1)),
            "BinaryCrossEntropyLoss" => C(E(x => 3 * U(x)), E(x => x.NextDouble())),
            _ => throw new KeyNotFoundException($"No GPU test cases for tensor op '{op}': add them to Cases."),
        };
    }

    static Case<T> C<T>(params Tensor<T>[] operands) where T : unmanaged, IFloatingPointIeee754<T> => new(operands, []);
    static Case<T> C<T>(Tensor<T>[] operands, params object[] parameters) where T : unmanaged, IFloatingPointIeee754<T> => new(operands, parameters);

    static double U(Random g) => g.NextDouble() * 4 - 2;
    static double Pos(Random g) => 0.5 + 1.5 * g.NextDouble();
    static double Away(Random g) => (0.1 + 1.9 * g.NextDouble()) * (g.Next(2) == 0 ? -1 : 1);

    public static Tensor<T> Mat<T>(int rows, int cols, Random g, Func<Random, double> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(rows, cols);
        for (int i = 0; i < t.Length; i++) t[i] = T.CreateTruncating(v(g));
        return t;
    }

    public static Tensor<T> Vec<T>(int n, Random g, Func<Random, double> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(n);
        for (int i = 0; i < n; i++) t[i] = T.CreateTruncating(v(g));
        return t;
    }

    /// <summary>Random values of any shape in [−2, 2): adjoints and tangents.</summary>
    public static Tensor<T> Like<T>(TensorShape shape, Random g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(shape);
        for (int i = 0; i < t.Length; i++) t[i] = T.CreateTruncating(U(g));
        return t;
    }

    /// <summary>Values 0.3 apart, shuffled: no ties.</summary>
    static Tensor<T> Distinct<T>(TensorShape shape, Random g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Tensor<T>.Zeros(shape);
        var order = Enumerable.Range(0, t.Length).OrderBy(_ => g.Next()).ToArray();
        for (int i = 0; i < t.Length; i++) t[i] = T.CreateTruncating(0.3 * order[i] - 1 + 0.01 * g.NextDouble());
        return t;
    }

    static int[] Labels(int rows, int classes, Random g) => Enumerable.Range(0, rows).Select(_ => g.Next(classes)).ToArray();

    static Case<T> Slice<T>(Tensor<T> a, Random g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int start = g.Next(a.Rows);
        return C([a], start, 1 + g.Next(a.Rows - start));
    }

    static Case<T> Mae<T>(Tensor<T> prediction, Random g) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var target = prediction.Clone();
        for (int i = 0; i < target.Length; i++) target[i] += T.CreateTruncating(Away(g));
        return C(prediction, target);
    }
}
