using System.Numerics;
using System.Numerics.Tensors;

namespace Tutor.Tensors;

// Log-sum-exp, softmax and log-softmax along each row of a batch of scores. All three subtract the row's
// maximum before exponentiating (lse(x) = m + ln Σ e^(x−m)), so large scores never overflow: the stable
// form the analyzer recommends for log(exp(x)/Σexp).
public static partial class Ops
{
    /// <summary>y[i] = ln Σⱼ e^A[i,j] for each row (max-shifted; a vector, one per row).</summary>
    public static Tensor<T> RowLogSumExp<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        RowLogSumExp(a, New<T>(Shapes.PerRow(nameof(RowLogSumExp), a.Shape)));

    /// <summary>The row log-sum-exps into <paramref name="destination"/>.</summary>
    public static Tensor<T> RowLogSumExp<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(RowLogSumExp), Shapes.PerRow(nameof(RowLogSumExp), a.Shape), destination);
        var s = Scratch<T>.Get(a.Columns);
        for (int i = 0; i < a.Rows; i++) destination[i] = LogSumExp(a.Row(i), s);
        return destination;
    }

    /// <summary>Ā[i, :] += ȳ[i]·softmax(A[i, :]).</summary>
    public static void RowLogSumExpVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(RowLogSumExpVjp), resultAdjoint, result, a, aAdjoint);
        var p = Scratch<T>.Get(a.Columns);
        for (int i = 0; i < a.Rows; i++)
        {
            SoftmaxFromLse(a.Row(i), result[i], p);
            TensorPrimitives.MultiplyAdd(p, resultAdjoint[i], aAdjoint.Row(i), aAdjoint.Row(i));
        }
    }

    /// <summary>ẏ[i] = ⟨softmax(A[i, :]), Ȧ[i, :]⟩.</summary>
    public static void RowLogSumExpJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowLogSumExpJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) { resultTangent.Clear(); return; }
        var p = Scratch<T>.Get(a.Columns);
        for (int i = 0; i < a.Rows; i++)
        {
            SoftmaxFromLse(a.Row(i), result[i], p);
            resultTangent[i] = TensorPrimitives.Dot<T>(p, aTangent.Row(i));
        }
    }

    /// <summary>softmax of each row: Y[i, j] = e^(A[i,j] − max) / Σₖ e^(A[i,k] − max); each row sums to 1.</summary>
    public static Tensor<T> RowSoftmax<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => RowSoftmax(a, New<T>(Softmaxable(nameof(RowSoftmax), a)));

    /// <summary>The row softmax into <paramref name="destination"/> (which may be A).</summary>
    public static Tensor<T> RowSoftmax<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(RowSoftmax), Softmaxable(nameof(RowSoftmax), a), destination);
        for (int i = 0; i < a.Rows; i++)
        {
            var y = destination.Row(i);
            TensorPrimitives.Subtract(a.Row(i), TensorPrimitives.Max<T>(a.Row(i)), y);
            TensorPrimitives.Exp(y, y);
            TensorPrimitives.Divide(y, TensorPrimitives.Sum<T>(y), y);
        }
        return destination;
    }

    /// <summary>Ā[i, :] += Y[i, :]⊙(Ȳ[i, :] − ⟨Ȳ[i, :], Y[i, :]⟩).</summary>
    public static void RowSoftmaxVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(RowSoftmaxVjp), resultAdjoint, result, a, aAdjoint);
        var s = Scratch<T>.Get(a.Columns);
        for (int i = 0; i < a.Rows; i++)
        {
            var y = result.Row(i);
            TensorPrimitives.Subtract(resultAdjoint.Row(i), TensorPrimitives.Dot<T>(resultAdjoint.Row(i), y), s);
            TensorPrimitives.MultiplyAdd(y, s, aAdjoint.Row(i), aAdjoint.Row(i));
        }
    }

    /// <summary>Ẏ[i, :] = Y[i, :]⊙(Ȧ[i, :] − ⟨Ȧ[i, :], Y[i, :]⟩).</summary>
    public static void RowSoftmaxJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowSoftmaxJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) { resultTangent.Clear(); return; }
        for (int i = 0; i < a.Rows; i++)
        {
            var y = result.Row(i);
            var d = resultTangent.Row(i);
            TensorPrimitives.Subtract(aTangent.Row(i), TensorPrimitives.Dot<T>(aTangent.Row(i), y), d);
            TensorPrimitives.Multiply(d, y, d);
        }
    }

    /// <summary>log-softmax of each row: Y[i, j] = A[i, j] − lse(A[i, :]) (max-shifted, stable for any scores).</summary>
    public static Tensor<T> RowLogSoftmax<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        RowLogSoftmax(a, New<T>(Softmaxable(nameof(RowLogSoftmax), a)));

    /// <summary>The row log-softmax into <paramref name="destination"/> (which may be A).</summary>
    public static Tensor<T> RowLogSoftmax<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(RowLogSoftmax), Softmaxable(nameof(RowLogSoftmax), a), destination);
        var s = Scratch<T>.Get(a.Columns);
        for (int i = 0; i < a.Rows; i++) TensorPrimitives.Subtract(a.Row(i), LogSumExp(a.Row(i), s), destination.Row(i));
        return destination;
    }

    /// <summary>Ā[i, :] += Ȳ[i, :] − softmax(A[i, :])·Σⱼ Ȳ[i, j].</summary>
    public static void RowLogSoftmaxVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(RowLogSoftmaxVjp), resultAdjoint, result, a, aAdjoint);
        var p = Scratch<T>.Get(a.Columns);
        for (int i = 0; i < a.Rows; i++)
        {
            var g = resultAdjoint.Row(i);
            TensorPrimitives.Exp(result.Row(i), p);
            TensorPrimitives.Add(aAdjoint.Row(i), g, aAdjoint.Row(i));
            TensorPrimitives.MultiplyAdd(p, -TensorPrimitives.Sum<T>(g), aAdjoint.Row(i), aAdjoint.Row(i));
        }
    }

    /// <summary>Ẏ[i, :] = Ȧ[i, :] − ⟨softmax(A[i, :]), Ȧ[i, :]⟩.</summary>
    public static void RowLogSoftmaxJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowLogSoftmaxJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) { resultTangent.Clear(); return; }
        var p = Scratch<T>.Get(a.Columns);
        for (int i = 0; i < a.Rows; i++)
        {
            TensorPrimitives.Exp(result.Row(i), p);
            TensorPrimitives.Subtract(aTangent.Row(i), TensorPrimitives.Dot<T>(p, aTangent.Row(i)), resultTangent.Row(i));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static TensorShape Softmaxable<T>(string op, Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireMatrix(op, a.Shape);
        return a.Shape;
    }

    /// <summary>Rows shorter than this (a classifier's logits) take scalar loops in the row-wise kernels below.</summary>
    const int ShortRow = 16;

    /// <summary>ln Σ eˣ = m + ln Σ e^(x−m) with m = max x; <paramref name="scratch"/> holds x − m.</summary>
    internal static T LogSumExp<T>(ReadOnlySpan<T> x, Span<T> scratch) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length is > 0 and < ShortRow)
        {
            // A short row (10 classes): plain loops; four vectorised calls per row cost more than the arithmetic.
            T max = x[0];
            for (int i = 1; i < x.Length && !T.IsNaN(max); i++)
                if (x[i] > max || T.IsNaN(x[i])) max = x[i];
            if (T.IsInfinity(max)) return max;
            T sum = T.Zero;
            for (int i = 0; i < x.Length; i++) sum += T.Exp(x[i] - max);
            return max + T.Log(sum);
        }
        T m = TensorPrimitives.Max(x);
        if (T.IsInfinity(m)) return m; // all −∞ (or a +∞): the shift would make NaN
        var s = scratch[..x.Length];
        TensorPrimitives.Subtract(x, m, s);
        TensorPrimitives.Exp(s, s);
        return m + T.Log(TensorPrimitives.Sum<T>(s));
    }

    /// <summary>softmax(x) = e^(x − lse(x)) when the row's log-sum-exp is already known.</summary>
    static void SoftmaxFromLse<T>(ReadOnlySpan<T> x, T lse, Span<T> p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length < ShortRow)
        {
            for (int i = 0; i < x.Length; i++) p[i] = T.Exp(x[i] - lse);
            return;
        }
        var s = p[..x.Length];
        TensorPrimitives.Subtract(x, lse, s);
        TensorPrimitives.Exp(s, s);
    }
}
