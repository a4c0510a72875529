using System.Numerics;
using System.Numerics.Tensors;

namespace Tutor.Tensors;

// The losses: each returns a scalar, the mean over the batch (N = all elements for the regression losses, the
// number of rows for cross-entropy). Their VJPs take ȳ (a scalar, 1 when the loss is the final output).
public static partial class Ops
{
    /// <summary>Mean squared error mean((Ŷ − Y)²) between <paramref name="prediction"/> and <paramref name="target"/> (equal shapes).</summary>
    public static Tensor<T> MseLoss<T>(Tensor<T> prediction, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var d = Difference(nameof(MseLoss), prediction, target);
        return Tensor<T>.Scalar(TensorPrimitives.Dot<T>(d, d) / Count<T>(d.Length));
    }

    /// <summary>Ŷ̄ += ȳ·2(Ŷ − Y)/N.</summary>
    public static void MseLossVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> predictionAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => MseVjp(nameof(MseLossVjpLeft), resultAdjoint, prediction, target, result, prediction, predictionAdjoint, T.One);

    /// <summary>Ȳ −= ȳ·2(Ŷ − Y)/N.</summary>
    public static void MseLossVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> targetAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => MseVjp(nameof(MseLossVjpRight), resultAdjoint, prediction, target, result, target, targetAdjoint, -T.One);

    /// <summary>ẏ = 2⟨Ŷ − Y, Ŷ̇ − Ẏ⟩/N.</summary>
    public static void MseLossJvp<T>(Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T>? predictionTangent, Tensor<T>? targetTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(MseLossJvp), result, resultTangent, prediction, predictionTangent, target, targetTangent);
        var d = Difference(nameof(MseLossJvp), prediction, target);
        resultTangent[0] = (Dot(d, predictionTangent) - Dot(d, targetTangent)) * T.CreateTruncating(2) / Count<T>(d.Length);
    }

    /// <summary>Mean absolute error mean(|Ŷ − Y|) (equal shapes).</summary>
    public static Tensor<T> MaeLoss<T>(Tensor<T> prediction, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var d = Difference(nameof(MaeLoss), prediction, target);
        return Tensor<T>.Scalar(TensorPrimitives.SumOfMagnitudes<T>(d) / Count<T>(d.Length));
    }

    /// <summary>Ŷ̄ += ȳ·sgn(Ŷ − Y)/N.</summary>
    public static void MaeLossVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> predictionAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => MaeVjp(nameof(MaeLossVjpLeft), resultAdjoint, prediction, target, result, prediction, predictionAdjoint, T.One);

    /// <summary>Ȳ −= ȳ·sgn(Ŷ − Y)/N.</summary>
    public static void MaeLossVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> targetAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => MaeVjp(nameof(MaeLossVjpRight), resultAdjoint, prediction, target, result, target, targetAdjoint, -T.One);

    /// <summary>ẏ = ⟨sgn(Ŷ − Y), Ŷ̇ − Ẏ⟩/N.</summary>
    public static void MaeLossJvp<T>(Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T>? predictionTangent, Tensor<T>? targetTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(MaeLossJvp), result, resultTangent, prediction, predictionTangent, target, targetTangent);
        var d = Difference(nameof(MaeLossJvp), prediction, target);
        SignOf(d, d);
        resultTangent[0] = (Dot(d, predictionTangent) - Dot(d, targetTangent)) / Count<T>(d.Length);
    }

    /// <summary>
    /// Cross-entropy from logits, averaged over the batch: mean over rows i of lse(Z[i, :]) − Z[i, labels[i]]
    /// (= −log softmax of the true class, computed stably). One label per row, in 0 … classes − 1.
    /// </summary>
    public static Tensor<T> CrossEntropyLoss<T>(Tensor<T> logits, int[] labels) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireLabels(nameof(CrossEntropyLoss), logits.Shape, labels);
        if (typeof(T) == typeof(float) && logits.Columns < ShortRow)
            return Tensor<T>.Scalar(T.CreateTruncating(ShortRowsLoss((Tensor<float>)(object)logits, labels)));
        var s = Scratch<T>.Get(logits.Columns);
        T total = T.Zero;
        for (int i = 0; i < logits.Rows; i++) total += LogSumExp(logits.Row(i), s) - logits[i, labels[i]];
        return Tensor<T>.Scalar(total / Count<T>(logits.Rows));
    }

    /// <summary>Z̄ += ȳ·(softmax(Z) − onehot(labels))/B.</summary>
    public static void CrossEntropyLossVjp<T>(Tensor<T> resultAdjoint, Tensor<T> logits, int[] labels, Tensor<T> result, Tensor<T> logitsAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(CrossEntropyLossVjp), resultAdjoint, result, logits, logitsAdjoint);
        T g = resultAdjoint.ToScalar() / Count<T>(logits.Rows);
        if (typeof(T) == typeof(float) && logits.Columns < ShortRow)
        {
            ShortRowsVjp(float.CreateTruncating(g), (Tensor<float>)(object)logits, labels, (Tensor<float>)(object)logitsAdjoint);
            return;
        }
        var p = Scratch<T>.Get(logits.Columns);
        var s = Scratch<T>.GetSecond(logits.Columns);
        for (int i = 0; i < logits.Rows; i++)
        {
            SoftmaxFromLse(logits.Row(i), LogSumExp(logits.Row(i), s), p);
            var row = logitsAdjoint.Row(i);
            if (row.Length < ShortRow)
                for (int c = 0; c < row.Length; c++) row[c] += p[c] * g;
            else
                TensorPrimitives.MultiplyAdd(p[..row.Length], g, row, row);
            row[labels[i]] -= g;
        }
    }

    /// <summary>ẏ = Σᵢ (⟨softmax(Z[i, :]), Ż[i, :]⟩ − Ż[i, labels[i]])/B.</summary>
    public static void CrossEntropyLossJvp<T>(Tensor<T> logits, int[] labels, Tensor<T> result, Tensor<T>? logitsTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(CrossEntropyLossJvp), result, resultTangent, logits, logitsTangent);
        T total = T.Zero;
        if (logitsTangent is not null)
        {
            var p = Scratch<T>.Get(logits.Columns);
            var s = Scratch<T>.GetSecond(logits.Columns);
            for (int i = 0; i < logits.Rows; i++)
            {
                SoftmaxFromLse(logits.Row(i), LogSumExp(logits.Row(i), s), p);
                total += TensorPrimitives.Dot<T>(p, logitsTangent.Row(i)) - logitsTangent[i, labels[i]];
            }
        }
        resultTangent[0] = total / Count<T>(logits.Rows);
    }

    /// <summary>Hinge (perceptron) loss mean(max(−Y⊙Ŷ, 0)) for labels ±1 in <paramref name="target"/> (equal shapes).</summary>
    public static Tensor<T> HingeLoss<T>(Tensor<T> prediction, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame(nameof(HingeLoss), prediction.Shape, target.Shape);
        var m = Scratch<T>.Get(prediction.Length);
        TensorPrimitives.Multiply(prediction.AsReadOnlySpan(), target.AsReadOnlySpan(), m);
        TensorPrimitives.Min(m, T.Zero, m);
        return Tensor<T>.Scalar(-TensorPrimitives.Sum<T>(m) / Count<T>(m.Length));
    }

    /// <summary>Ŷ̄ −= ȳ·Y⊙[−Y⊙Ŷ &gt; 0]/N.</summary>
    public static void HingeLossVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> predictionAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => HingeVjp(nameof(HingeLossVjpLeft), resultAdjoint, prediction, target, result, prediction, predictionAdjoint, target);

    /// <summary>Ȳ −= ȳ·Ŷ⊙[−Y⊙Ŷ &gt; 0]/N.</summary>
    public static void HingeLossVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> targetAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => HingeVjp(nameof(HingeLossVjpRight), resultAdjoint, prediction, target, result, target, targetAdjoint, prediction);

    /// <summary>ẏ = −Σ [−Y⊙Ŷ &gt; 0]⊙(Y⊙Ŷ̇ + Ŷ⊙Ẏ)/N.</summary>
    public static void HingeLossJvp<T>(Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T>? predictionTangent, Tensor<T>? targetTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(HingeLossJvp), result, resultTangent, prediction, predictionTangent, target, targetTangent);
        T total = T.Zero;
        for (int i = 0; i < prediction.Length; i++)
        {
            T p = prediction[i], y = target[i];
            if (-(y * p) <= T.Zero) continue;
            if (predictionTangent is not null) total -= y * predictionTangent[i];
            if (targetTangent is not null) total -= p * targetTangent[i];
        }
        resultTangent[0] = total / Count<T>(prediction.Length);
    }

    /// <summary>
    /// Binary cross-entropy from logits Z and targets Y ∈ [0, 1], mean of max(Z, 0) − Z⊙Y + ln(1 + e^−|Z|): the
    /// stable form of −[Y ln σ(Z) + (1 − Y) ln(1 − σ(Z))] (equal shapes).
    /// </summary>
    public static Tensor<T> BinaryCrossEntropyLoss<T>(Tensor<T> logits, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame(nameof(BinaryCrossEntropyLoss), logits.Shape, target.Shape);
        T total = T.Zero;
        for (int i = 0; i < logits.Length; i++)
        {
            T z = logits[i];
            total += T.Max(z, T.Zero) - z * target[i] + T.LogP1(T.Exp(-T.Abs(z)));
        }
        return Tensor<T>.Scalar(total / Count<T>(logits.Length));
    }

    /// <summary>Z̄ += ȳ·(σ(Z) − Y)/N.</summary>
    public static void BinaryCrossEntropyLossVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> logits, Tensor<T> target, Tensor<T> result, Tensor<T> logitsAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(BinaryCrossEntropyLossVjpLeft), resultAdjoint, result, logits, logitsAdjoint);
        var s = Scratch<T>.Get(logits.Length);
        TensorPrimitives.Sigmoid(logits.AsReadOnlySpan(), s);
        TensorPrimitives.Subtract(s, target.AsReadOnlySpan(), s);
        TensorPrimitives.MultiplyAdd(s, resultAdjoint.ToScalar() / Count<T>(s.Length), logitsAdjoint.AsReadOnlySpan(), logitsAdjoint.AsSpan());
    }

    /// <summary>Ȳ −= ȳ·Z/N.</summary>
    public static void BinaryCrossEntropyLossVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> logits, Tensor<T> target, Tensor<T> result, Tensor<T> targetAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(BinaryCrossEntropyLossVjpRight), resultAdjoint, result, target, targetAdjoint);
        T g = -resultAdjoint.ToScalar() / Count<T>(logits.Length);
        TensorPrimitives.MultiplyAdd(logits.AsReadOnlySpan(), g, targetAdjoint.AsReadOnlySpan(), targetAdjoint.AsSpan());
    }

    /// <summary>ẏ = (⟨σ(Z) − Y, Ż⟩ − ⟨Z, Ẏ⟩)/N.</summary>
    public static void BinaryCrossEntropyLossJvp<T>(Tensor<T> logits, Tensor<T> target, Tensor<T> result, Tensor<T>? logitsTangent, Tensor<T>? targetTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(BinaryCrossEntropyLossJvp), result, resultTangent, logits, logitsTangent, target, targetTangent);
        var s = Scratch<T>.Get(logits.Length);
        TensorPrimitives.Sigmoid(logits.AsReadOnlySpan(), s);
        TensorPrimitives.Subtract(s, target.AsReadOnlySpan(), s);
        resultTangent[0] = (Dot(s, logitsTangent) - Dot(logits.AsReadOnlySpan(), targetTangent)) / Count<T>(logits.Length);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /// <summary>
    /// e^(x − max) for every element of float logits with rows shorter than <see cref="ShortRow"/> (the MLP's 10
    /// classes), in one vectorised pass over the batch (<see cref="Cpu.TanhKernel.ExpOfNonPositiveInPlace"/>) instead of
    /// a scalar exp per element; the row maxima go to <paramref name="max"/>. A row whose maximum is ±∞ or NaN is left to
    /// the scalar <see cref="LogSumExp{T}"/> by the callers (its exps here are zeros).
    /// </summary>
    static void ShiftedExps(Tensor<float> logits, Span<float> e, Span<float> max)
    {
        var x = logits.AsReadOnlySpan();
        int columns = logits.Columns;
        for (int i = 0, o = 0; i < logits.Rows; i++, o += columns)
        {
            float m = x[o];
            for (int j = 1; j < columns && !float.IsNaN(m); j++)
                if (x[o + j] > m || float.IsNaN(x[o + j])) m = x[o + j];
            max[i] = m;
            if (float.IsFinite(m))
                for (int j = 0; j < columns; j++) e[o + j] = x[o + j] - m;
            else
                e.Slice(o, columns).Fill(float.NegativeInfinity);
        }
        Cpu.TanhKernel.ExpOfNonPositiveInPlace(e);
    }

    /// <summary>Mean cross-entropy of float rows shorter than <see cref="ShortRow"/>: max + ln Σ e^(x − max) − x[label] per row.</summary>
    static float ShortRowsLoss(Tensor<float> logits, int[] labels)
    {
        int rows = logits.Rows, columns = logits.Columns;
        var e = Scratch<float>.Get(rows * columns);
        var max = Scratch<float>.GetSecond(rows);
        ShiftedExps(logits, e, max);
        float total = 0;
        for (int i = 0; i < rows; i++)
        {
            float lse;
            if (float.IsFinite(max[i]))
            {
                float sum = 0;
                for (int j = i * columns; j < (i + 1) * columns; j++) sum += e[j];
                lse = max[i] + MathF.Log(sum);
            }
            else lse = LogSumExp<float>(logits.Row(i), []);
            total += lse - logits[i, labels[i]];
        }
        return total / rows;
    }

    /// <summary>x̄ += g·(softmax(x) − onehot(label)) row by row, for float rows shorter than <see cref="ShortRow"/>.</summary>
    static void ShortRowsVjp(float g, Tensor<float> logits, int[] labels, Tensor<float> logitsAdjoint)
    {
        int rows = logits.Rows, columns = logits.Columns;
        var e = Scratch<float>.Get(rows * columns);
        var max = Scratch<float>.GetSecond(rows);
        ShiftedExps(logits, e, max);
        Span<float> p = stackalloc float[ShortRow];
        for (int i = 0; i < rows; i++)
        {
            var row = logitsAdjoint.Row(i);
            if (float.IsFinite(max[i]))
            {
                var ei = e.Slice(i * columns, columns);
                float sum = 0;
                for (int j = 0; j < columns; j++) sum += ei[j];
                float scale = g / sum;
                for (int j = 0; j < columns; j++) row[j] += ei[j] * scale;
            }
            else
            {
                SoftmaxFromLse(logits.Row(i), LogSumExp<float>(logits.Row(i), []), p);
                for (int j = 0; j < columns; j++) row[j] += p[j] * g;
            }
            row[labels[i]] -= g;
        }
    }

    /// <summary>Ŷ − Y in scratch, after checking the shapes agree.</summary>
    static Span<T> Difference<T>(string op, Tensor<T> prediction, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame(op, prediction.Shape, target.Shape);
        var d = Scratch<T>.Get(prediction.Length);
        TensorPrimitives.Subtract(prediction.AsReadOnlySpan(), target.AsReadOnlySpan(), d);
        return d;
    }

    static T Dot<T>(ReadOnlySpan<T> x, Tensor<T>? tangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        tangent is null ? T.Zero : TensorPrimitives.Dot<T>(x, tangent.AsReadOnlySpan());

    static void MseVjp<T>(string op, Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> operand, Tensor<T> adjoint, T sign)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, operand, adjoint);
        var d = Difference(op, prediction, target);
        T g = sign * T.CreateTruncating(2) * resultAdjoint.ToScalar() / Count<T>(d.Length);
        TensorPrimitives.MultiplyAdd(d, g, adjoint.AsReadOnlySpan(), adjoint.AsSpan());
    }

    static void MaeVjp<T>(string op, Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> operand, Tensor<T> adjoint, T sign)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, operand, adjoint);
        var d = Difference(op, prediction, target);
        SignOf(d, d);
        TensorPrimitives.MultiplyAdd(d, sign * resultAdjoint.ToScalar() / Count<T>(d.Length), adjoint.AsReadOnlySpan(), adjoint.AsSpan());
    }

    /// <summary>operand̄ −= ȳ·other⊙[−Y⊙Ŷ &gt; 0]/N, where <paramref name="other"/> is the factor the operand multiplies.</summary>
    static void HingeVjp<T>(string op, Tensor<T> resultAdjoint, Tensor<T> prediction, Tensor<T> target, Tensor<T> result, Tensor<T> operand, Tensor<T> adjoint, Tensor<T> other)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, operand, adjoint);
        T g = resultAdjoint.ToScalar() / Count<T>(prediction.Length);
        var a = adjoint.AsSpan();
        for (int i = 0; i < a.Length; i++)
            if (-(target[i] * prediction[i]) > T.Zero) a[i] -= g * other[i];
    }
}
