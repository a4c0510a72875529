using CsCheck;

namespace Tutor.Tensors.Tests;

/// <summary>Operands and constant parameters for one call of an op.</summary>
public sealed record Case(Tensor<double>[] Operands, object[] Parameters)
{
    public override string ToString() =>
        string.Join(", ", Operands.Select(o => o.Shape.ToString()).Concat(Parameters.Select(p => p is int[] l ? $"labels[{l.Length}]" : $"{p}")));
}

/// <summary>
/// One random-case generator per op of the table. CsCheck draws the dimensions (1…6, so 1×n and n×1 come up)
/// and a seed; the seed fills the values from the op's domain: positive for log, sqrt and pow; away from the
/// kink for relu, abs, sign, MAE and hinge; distinct values for max, so that central differences are exact.
/// </summary>
public static class OpCases
{
    public static Gen<Case> For(string op) => Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[0, 1], Gen.Int)
        .Select((r, c, k, flag, seed) => Build(op, r, c, k, flag == 1, new Random(seed)));

    public static bool Has(string op)
    {
        try { Build(op, 2, 2, 2, false, new Random(1)); return true; }
        catch (KeyNotFoundException) { return false; }
    }

    static Case Build(string op, int r, int c, int k, bool flag, Random g)
    {
        // An elementwise op's operand: a matrix, or a vector when flag is set.
        Tensor<double> E(Func<Random, double> v) => flag ? Vec(r, g, v) : Mat(r, c, g, v);
        return op switch
        {
            "Exp" or "Tanh" or "Sigmoid" or "Neg" or "Square" or "Transpose" or "Sum" or "Mean" => C(E(U)),
            "RowSums" or "RowMeans" or "ColumnSums" or "ColumnMeans" or "RowLogSumExp" or "RowSoftmax" or "RowLogSoftmax" => C(Mat(r, c, g, U)),
            "Log" or "Sqrt" => C(E(Pos)),
            "Pow" => C(new[] { E(Pos) }, Math.Round(g.NextDouble() * 5 - 2, 2)),
            "Relu" or "Abs" or "Sign" => C(E(Away)),
            "Scale" or "AddScalar" => C(new[] { E(U) }, U(g)),
            "Max" => C(Distinct(flag ? TensorShape.Vector(r) : TensorShape.Matrix(r, c), g)),
            "RowMaxes" => C(Distinct(TensorShape.Matrix(r, c), g)),
            "Add" or "Sub" or "Mul" => C(E(U), E(U)),
            "Div" => C(E(U), E(Away)),
            "MatMul" => C(Mat(r, k, g, U), flag ? Vec(k, g, U) : Mat(k, c, g, U)),
            "MatMulTransposeA" => C(Mat(k, r, g, U), flag ? Vec(k, g, U) : Mat(k, c, g, U)),
            "MatMulTransposeB" => C(Mat(r, k, g, U), Mat(c, k, g, U)),
            "AddRowVector" => C(Mat(r, c, g, U), flag ? Mat(1, c, g, U) : Vec(c, g, U)),
            "AddColumnVector" => C(Mat(r, c, g, U), flag ? Mat(r, 1, g, U) : Vec(r, g, U)),
            "GatherByLabel" => C(new[] { Mat(r, c, g, U) }, Labels(r, c, g)),
            "CrossEntropyLoss" => C(new[] { Mat(r, c, g, x => 3 * U(x)) }, Labels(r, c, g)),
            "SliceRows" => Slice(E(U), g),
            "MseLoss" => C(E(U), E(U)),
            "MaeLoss" => Mae(E(U), g),
            "HingeLoss" => C(E(Away), E(x => x.Next(2) == 0 ? -1 : 1)),
            "BinaryCrossEntropyLoss" => C(E(x => 3 * U(x)), E(x => x.NextDouble())),
            _ => throw new KeyNotFoundException($"No test cases for tensor op '{op}': add them to OpCases."),
        };
    }

    static Case C(params Tensor<double>[] operands) => new(operands, []);
    static Case C(Tensor<double>[] operands, params object[] parameters) => new(operands, parameters);

    static double U(Random g) => g.NextDouble() * 4 - 2;
    static double Pos(Random g) => 0.5 + 1.5 * g.NextDouble();
    static double Away(Random g) => (0.1 + 1.9 * g.NextDouble()) * (g.Next(2) == 0 ? -1 : 1);

    public static Tensor<double> Mat(int rows, int cols, Random g, Func<Random, double> v)
    {
        var t = Tensor<double>.Zeros(rows, cols);
        for (int i = 0; i < t.Length; i++) t[i] = v(g);
        return t;
    }

    public static Tensor<double> Vec(int n, Random g, Func<Random, double> v)
    {
        var t = Tensor<double>.Zeros(n);
        for (int i = 0; i < n; i++) t[i] = v(g);
        return t;
    }

    /// <summary>Values 0.3 apart, shuffled: no ties within reach of a finite-difference step.</summary>
    static Tensor<double> Distinct(TensorShape shape, Random g)
    {
        var t = Tensor<double>.Zeros(shape);
        var order = Enumerable.Range(0, t.Length).OrderBy(_ => g.Next()).ToArray();
        for (int i = 0; i < t.Length; i++) t[i] = 0.3 * order[i] - 1 + 0.01 * g.NextDouble();
        return t;
    }

    static int[] Labels(int rows, int classes, Random g) => Enumerable.Range(0, rows).Select(_ => g.Next(classes)).ToArray();

    static Case Slice(Tensor<double> a, Random g)
    {
        int start = g.Next(a.Rows);
        return C(new[] { a }, start, 1 + g.Next(a.Rows - start));
    }

    static Case Mae(Tensor<double> prediction, Random g)
    {
        var target = prediction.Clone();
        for (int i = 0; i < target.Length; i++) target[i] += Away(g);
        return C(prediction, target);
    }
}
