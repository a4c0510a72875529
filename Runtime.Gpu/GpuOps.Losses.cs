using ILGPU;
using System.Numerics;
using Tutor.Gpu.Kernels;
using Tutor.Tensors;

namespace Tutor.Gpu;

// The losses (Ops.Losses.cs on the CPU): each is a mean over the batch, returned as a one-element device tensor
// that nothing waits for until you read it. Their VJPs read ȳ from the device, so a whole backward pass queues
// without a single round trip to the host.
public sealed partial class GpuOps
{
    /// <summary>Mean squared error mean((Ŷ − Y)²) between <paramref name="prediction"/> and <paramref name="target"/> (equal shapes).</summary>
    public GpuTensor<T> MseLoss<T>(GpuTensor<T> prediction, GpuTensor<T> target) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAll(typeof(Terms.SquaredDifference<,>), prediction, Checked(nameof(MseLoss), prediction, target), T.One / Count<T>(prediction.Length));

    /// <summary>Ŷ̄ += ȳ·2(Ŷ − Y)/N.</summary>
    public void MseLossVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T> predictionAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        LossVjp(nameof(MseLossVjpLeft), typeof(ElementOps.MseGradient<,>), resultAdjoint, prediction, target, result, prediction, predictionAdjoint, T.CreateTruncating(2));

    /// <summary>Ȳ −= ȳ·2(Ŷ − Y)/N.</summary>
    public void MseLossVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T> targetAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        LossVjp(nameof(MseLossVjpRight), typeof(ElementOps.MseGradient<,>), resultAdjoint, prediction, target, result, target, targetAdjoint, -T.CreateTruncating(2));

    /// <summary>ẏ = 2⟨Ŷ − Y, Ŷ̇ − Ẏ⟩/N.</summary>
    public void MseLossJvp<T>(GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T>? predictionTangent, GpuTensor<T>? targetTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(MseLossJvp), result, resultTangent, prediction, predictionTangent, target, targetTangent);
        using var d = Sub(prediction, target);
        T scale = T.CreateTruncating(2) / Count<T>(d.Length);
        Dots(d, predictionTangent, scale, d, targetTangent, -scale, resultTangent);
    }

    /// <summary>Mean absolute error mean(|Ŷ − Y|) (equal shapes).</summary>
    public GpuTensor<T> MaeLoss<T>(GpuTensor<T> prediction, GpuTensor<T> target) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAll(typeof(Terms.AbsoluteDifference<,>), prediction, Checked(nameof(MaeLoss), prediction, target), T.One / Count<T>(prediction.Length));

    /// <summary>Ŷ̄ += ȳ·sgn(Ŷ − Y)/N.</summary>
    public void MaeLossVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T> predictionAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        LossVjp(nameof(MaeLossVjpLeft), typeof(ElementOps.MaeGradient<,>), resultAdjoint, prediction, target, result, prediction, predictionAdjoint, T.One);

    /// <summary>Ȳ −= ȳ·sgn(Ŷ − Y)/N.</summary>
    public void MaeLossVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T> targetAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        LossVjp(nameof(MaeLossVjpRight), typeof(ElementOps.MaeGradient<,>), resultAdjoint, prediction, target, result, target, targetAdjoint, -T.One);

    /// <summary>ẏ = ⟨sgn(Ŷ − Y), Ŷ̇ − Ẏ⟩/N.</summary>
    public void MaeLossJvp<T>(GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T>? predictionTangent, GpuTensor<T>? targetTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(MaeLossJvp), result, resultTangent, prediction, predictionTangent, target, targetTangent);
        using var sign = New<T>(Checked(nameof(MaeLossJvp), prediction, target).Shape);
        Map(typeof(ElementOps.MaeGradient<,>), null, sign, prediction, target, p: T.One);
        T scale = T.One / Count<T>(sign.Length);
        Dots(sign, predictionTangent, scale, sign, targetTangent, -scale, resultTangent);
    }

    /// <summary>
    /// Cross-entropy from logits, averaged over the batch: mean over rows i of lse(Z[i, :]) − Z[i, labels[i]]
    /// (= −log softmax of the true class, computed stably). One label per row, in 0 … classes − 1.
    /// </summary>
    public GpuTensor<T> CrossEntropyLoss<T>(GpuTensor<T> logits, int[] labels) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireLabels(nameof(CrossEntropyLoss), logits.Shape, labels);
        return CrossEntropyLoss(logits, Labels(labels));
    }

    /// <summary>The loss with the labels already on the device (a batch's <see cref="GpuIndices.Slice"/> of an epoch's): no upload, no wait.</summary>
    public GpuTensor<T> CrossEntropyLoss<T>(GpuTensor<T> logits, GpuIndices labels) where T : unmanaged, IFloatingPointIeee754<T> =>
        CrossEntropyLoss(logits, Labels(nameof(CrossEntropyLoss), logits.Shape, labels));

    GpuTensor<T> CrossEntropyLoss<T>(GpuTensor<T> logits, ArrayView<int> labels) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var rows = New<T>(TensorShape.Vector(logits.Rows));
        SoftmaxKernel(RowKernels.CrossEntropyRows, logits, logits, logits, rows, labels: labels);
        return ReduceAll(typeof(Terms.Value<,>), rows, null, T.One / Count<T>(logits.Rows));
    }

    /// <summary>Z̄ += ȳ·(softmax(Z) − onehot(labels))/B.</summary>
    public void CrossEntropyLossVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> logits, int[] labels, GpuTensor<T> result, GpuTensor<T> logitsAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(CrossEntropyLossVjp), resultAdjoint, result, logits, logitsAdjoint);
        Shapes.RequireLabels(nameof(CrossEntropyLossVjp), logits.Shape, labels);
        CrossEntropyLossVjp(resultAdjoint, logits, Labels(labels), logitsAdjoint);
    }

    /// <summary>The VJP with the labels already on the device.</summary>
    public void CrossEntropyLossVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> logits, GpuIndices labels, GpuTensor<T> result, GpuTensor<T> logitsAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(CrossEntropyLossVjp), resultAdjoint, result, logits, logitsAdjoint);
        CrossEntropyLossVjp(resultAdjoint, logits, Labels(nameof(CrossEntropyLossVjp), logits.Shape, labels), logitsAdjoint);
    }

    void CrossEntropyLossVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> logits, ArrayView<int> labels, GpuTensor<T> logitsAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        SoftmaxKernel(RowKernels.CrossEntropyVjp, logits, resultAdjoint, logits, logitsAdjoint, T.One / Count<T>(logits.Rows), labels);

    /// <summary>ẏ = Σᵢ (⟨softmax(Z[i, :]), Ż[i, :]⟩ − Ż[i, labels[i]])/B.</summary>
    public void CrossEntropyLossJvp<T>(GpuTensor<T> logits, int[] labels, GpuTensor<T> result, GpuTensor<T>? logitsTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(CrossEntropyLossJvp), result, resultTangent, logits, logitsTangent);
        if (logitsTangent is null) { Fill(resultTangent, T.Zero); return; }
        Shapes.RequireLabels(nameof(CrossEntropyLossJvp), logits.Shape, labels);
        CrossEntropyLossJvp(logits, Labels(labels), logitsTangent, resultTangent);
    }

    /// <summary>The JVP with the labels already on the device.</summary>
    public void CrossEntropyLossJvp<T>(GpuTensor<T> logits, GpuIndices labels, GpuTensor<T> result, GpuTensor<T>? logitsTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(CrossEntropyLossJvp), result, resultTangent, logits, logitsTangent);
        if (logitsTangent is null) { Fill(resultTangent, T.Zero); return; }
        CrossEntropyLossJvp(logits, Labels(nameof(CrossEntropyLossJvp), logits.Shape, labels), logitsTangent, resultTangent);
    }

    void CrossEntropyLossJvp<T>(GpuTensor<T> logits, ArrayView<int> labels, GpuTensor<T> logitsTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var rows = New<T>(TensorShape.Vector(logits.Rows));
        SoftmaxKernel(RowKernels.CrossEntropyJvpRows, logits, logitsTangent, logits, rows, labels: labels);
        ReduceAllInto(typeof(Terms.Value<,>), rows, null, T.One / Count<T>(logits.Rows), resultTangent, accumulate: false);
    }

    /// <summary>Hinge (perceptron) loss mean(max(−Y⊙Ŷ, 0)) for labels ±1 in <paramref name="target"/> (equal shapes).</summary>
    public GpuTensor<T> HingeLoss<T>(GpuTensor<T> prediction, GpuTensor<T> target) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAll(typeof(Terms.NegativeMargin<,>), prediction, Checked(nameof(HingeLoss), prediction, target), -T.One / Count<T>(prediction.Length));

    /// <summary>Ŷ̄ −= ȳ·Y⊙[−Y⊙Ŷ &gt; 0]/N.</summary>
    public void HingeLossVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T> predictionAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(HingeLossVjpLeft), resultAdjoint, result, prediction, predictionAdjoint);
        Map(typeof(ElementOps.HingeGradient<,>), null, predictionAdjoint, prediction, target, target, T.One / Count<T>(prediction.Length), resultAdjoint, accumulate: true);
    }

    /// <summary>Ȳ −= ȳ·Ŷ⊙[−Y⊙Ŷ &gt; 0]/N.</summary>
    public void HingeLossVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T> targetAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(HingeLossVjpRight), resultAdjoint, result, target, targetAdjoint);
        Map(typeof(ElementOps.HingeGradient<,>), null, targetAdjoint, prediction, target, prediction, T.One / Count<T>(prediction.Length), resultAdjoint, accumulate: true);
    }

    /// <summary>ẏ = −Σ [−Y⊙Ŷ &gt; 0]⊙(Y⊙Ŷ̇ + Ŷ⊙Ẏ)/N.</summary>
    public void HingeLossJvp<T>(GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T>? predictionTangent, GpuTensor<T>? targetTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(HingeLossJvp), result, resultTangent, prediction, predictionTangent, target, targetTangent);
        var shape = Checked(nameof(HingeLossJvp), prediction, target).Shape;
        // −Y and −Ŷ where the margin is violated, 0 elsewhere: the loss's local derivatives times N.
        using var dPrediction = New<T>(shape);
        using var dTarget = New<T>(shape);
        Map(typeof(ElementOps.HingeGradient<,>), null, dPrediction, prediction, target, target, T.One);
        Map(typeof(ElementOps.HingeGradient<,>), null, dTarget, prediction, target, prediction, T.One);
        T scale = T.One / Count<T>(prediction.Length);
        Dots(dPrediction, predictionTangent, scale, dTarget, targetTangent, scale, resultTangent);
    }

    /// <summary>
    /// Binary cross-entropy from logits Z and targets Y ∈ [0, 1], mean of max(Z, 0) − Z⊙Y + ln(1 + e^−|Z|): the
    /// stable form of −[Y ln σ(Z) + (1 − Y) ln(1 − σ(Z))] (equal shapes).
    /// </summary>
    public GpuTensor<T> BinaryCrossEntropyLoss<T>(GpuTensor<T> logits, GpuTensor<T> target) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAll(typeof(Terms.BinaryCrossEntropy<,>), logits, Checked(nameof(BinaryCrossEntropyLoss), logits, target), T.One / Count<T>(logits.Length));

    /// <summary>Z̄ += ȳ·(σ(Z) − Y)/N.</summary>
    public void BinaryCrossEntropyLossVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> logits, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T> logitsAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(BinaryCrossEntropyLossVjpLeft), resultAdjoint, result, logits, logitsAdjoint);
        Map(typeof(ElementOps.BceLogitsGradient<,>), null, logitsAdjoint, logits, target, p: T.One / Count<T>(logits.Length), s: resultAdjoint, accumulate: true);
    }

    /// <summary>Ȳ −= ȳ·Z/N.</summary>
    public void BinaryCrossEntropyLossVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> logits, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T> targetAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(BinaryCrossEntropyLossVjpRight), resultAdjoint, result, target, targetAdjoint);
        Map(typeof(ElementOps.BceTargetGradient<,>), null, targetAdjoint, logits, p: T.One / Count<T>(logits.Length), s: resultAdjoint, accumulate: true);
    }

    /// <summary>ẏ = (⟨σ(Z) − Y, Ż⟩ − ⟨Z, Ẏ⟩)/N.</summary>
    public void BinaryCrossEntropyLossJvp<T>(GpuTensor<T> logits, GpuTensor<T> target, GpuTensor<T> result, GpuTensor<T>? logitsTangent, GpuTensor<T>? targetTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(BinaryCrossEntropyLossJvp), result, resultTangent, logits, logitsTangent, target, targetTangent);
        using var residual = New<T>(Checked(nameof(BinaryCrossEntropyLossJvp), logits, target).Shape);
        Map(typeof(ElementOps.BceLogitsGradient<,>), null, residual, logits, target, p: T.One);
        T scale = T.One / Count<T>(logits.Length);
        Dots(residual, logitsTangent, scale, logits, targetTangent, -scale, resultTangent);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    static GpuTensor<T> Checked<T>(string op, GpuTensor<T> prediction, GpuTensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame(op, prediction.Shape, target.Shape);
        return target;
    }

    /// <summary>y[0] = s1·⟨x1, t1⟩ + s2·⟨x2, t2⟩, a null tangent contributing nothing: the JVP of a loss.</summary>
    void Dots<T>(GpuTensor<T> x1, GpuTensor<T>? t1, T s1, GpuTensor<T> x2, GpuTensor<T>? t2, T s2, GpuTensor<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (t1 is null && t2 is null) { Fill(y, T.Zero); return; }
        if (t1 is not null) ReduceAllInto(typeof(Terms.Product<,>), x1, t1, s1, y, accumulate: false);
        if (t2 is not null) ReduceAllInto(typeof(Terms.Product<,>), x2, t2, s2, y, accumulate: t1 is not null);
    }

    /// <summary>operand̄ += gradient(Ŷ, Y)·ȳ·sign/N for the regression losses.</summary>
    void LossVjp<T>(string op, Type gradient, GpuTensor<T> resultAdjoint, GpuTensor<T> prediction, GpuTensor<T> target, GpuTensor<T> result,
        GpuTensor<T> operand, GpuTensor<T> adjoint, T factor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, operand, adjoint);
        Checked(op, prediction, target);
        Map(gradient, null, adjoint, prediction, target, p: factor / Count<T>(prediction.Length), s: resultAdjoint, accumulate: true);
    }
}
