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

    /// <summary>
    /// Cross-entropy from logits, averaged over the batch: mean over rows i of lse(Z[i, :]) − Z[i, labels[i]]
    /// (= −log softmax of the true class, computed stably). One label per row, in 0 … classes − 1.
    /// </summary>
    public GpuTensor<T> CrossEntropyLoss<T>(GpuTensor<T> logits, int[] labels) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireLabels(nameof(CrossEntropyLoss), logits.Shape, labels);
        using var rows = New<T>(TensorShape.Vector(logits.Rows));
        using (var device = Labels(labels)) SoftmaxKernel(RowKernels.CrossEntropyRows, logits, logits, logits, rows, labels: device.View);
        return ReduceAll(typeof(Terms.Value<,>), rows, null, T.One / Count<T>(logits.Rows));
    }

    /// <summary>Z̄ += ȳ·(softmax(Z) − onehot(labels))/B.</summary>
    public void CrossEntropyLossVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> logits, int[] labels, GpuTensor<T> result, GpuTensor<T> logitsAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(CrossEntropyLossVjp), resultAdjoint, result, logits, logitsAdjoint);
        Shapes.RequireLabels(nameof(CrossEntropyLossVjp), logits.Shape, labels);
        using var device = Labels(labels);
        SoftmaxKernel(RowKernels.CrossEntropyVjp, logits, resultAdjoint, logits, logitsAdjoint, T.One / Count<T>(logits.Rows), device.View);
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

    // ---- plumbing ------------------------------------------------------------------------------------------

    static GpuTensor<T> Checked<T>(string op, GpuTensor<T> prediction, GpuTensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame(op, prediction.Shape, target.Shape);
        return target;
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
