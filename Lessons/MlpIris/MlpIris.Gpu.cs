using Tutor.Gpu;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.MlpIris;

/// <summary>
/// One cell of the lesson's grid on a GPU (<c>--device gpu</c>), float64 as on the CPU. The CPU path differentiates the
/// student's loop <see cref="IrisMlp.Loss"/> with the generator; the device has no loops, so here the same function is
/// written with tensor ops — P₁ = X W₁, Z₁ = P₁ + b₁, H = ReLU(Z₁), Z₂ = H W₂ + b₂, mean cross-entropy — and
/// differentiated by their VJPs. The seed's single-number biases are vectors whose entries stay equal: forward they add
/// b to every unit, and their gradient is the sum of all entries of Z̄ (the derivative with respect to the one number),
/// applied to every entry. The same start (<see cref="MlpIrisLesson.Initialise"/>), the same full-batch gradient
/// descent; tested on ILGPU's CPU simulator against <see cref="MlpIrisLesson.Train"/>: losses within 1e-10 relative.
/// </summary>
public static class MlpIrisGpu
{
    /// <summary>The same run as <see cref="MlpIrisLesson.Train"/>, on <paramref name="gpu"/>.</summary>
    public static IrisRun Train(GpuRuntime gpu, MlpIrisLesson.Data d, double lr, int initSeed, int iterations, TutorRandom random)
    {
        const int inputs = IrisMlp.Inputs, hidden = IrisMlp.Hidden, classes = IrisMlp.Classes;
        var (w1Host, b1Host, w2Host, b2Host) = MlpIrisLesson.Initialise(random.Fork("init-" + initSeed));
        int n = d.YTrain.Length;
        var ops = gpu.Ops;
        using var x = gpu.Upload(Tensor<double>.Matrix(n, inputs, d.XTrain));
        using var w1 = gpu.Upload(Tensor<double>.Matrix(inputs, hidden, w1Host));
        using var w2 = gpu.Upload(Tensor<double>.Matrix(hidden, classes, w2Host));
        using var b1 = gpu.Full(TensorShape.Vector(hidden), b1Host);
        using var b2 = gpu.Full(TensorShape.Vector(classes), b2Host);
        using var one = gpu.Scalar(1.0);
        // The gradients live across iterations, so one optimizer is bound to them (each step: one kernel a tensor).
        using var w1Bar = gpu.ZerosLike(w1);
        using var w2Bar = gpu.ZerosLike(w2);
        using var b1Bar = gpu.ZerosLike(b1);
        using var b2Bar = gpu.ZerosLike(b2);
        using var sgd = new GpuSgd<double>(gpu,
            [new("W1", w1, w1Bar), new("b1", b1, b1Bar), new("W2", w2, w2Bar), new("b2", b2, b2Bar)], lr);
        var losses = new double[iterations];
        double t100 = double.NaN, v100 = double.NaN;
        for (int it = 0; it < iterations; it++)
        {
            using var p1 = ops.MatMul(x, w1);
            using var z1 = ops.AddRowVector(p1, b1);
            using var h = ops.Relu(z1);
            using var p2 = ops.MatMul(h, w2);
            using var z2 = ops.AddRowVector(p2, b2);
            using var loss = ops.CrossEntropyLoss(z2, d.YTrain);

            using var z2Bar = gpu.ZerosLike(z2);
            ops.CrossEntropyLossVjp(one, z2, d.YTrain, loss, z2Bar);
            using var p2Bar = gpu.ZerosLike(p2);
            ops.AddRowVectorVjpLeft(z2Bar, p2, b2, z2, p2Bar);
            gpu.Clear(w2Bar);
            ops.MatMulVjpRight(p2Bar, h, w2, p2, w2Bar);
            using var hBar = gpu.ZerosLike(h);
            ops.MatMulVjpLeft(p2Bar, h, w2, p2, hBar);
            using var z1Bar = gpu.ZerosLike(z1);
            ops.ReluVjp(hBar, z1, h, z1Bar);
            using var p1Bar = gpu.ZerosLike(p1);
            ops.AddRowVectorVjpLeft(z1Bar, p1, b1, z1, p1Bar);
            gpu.Clear(w1Bar);
            ops.MatMulVjpRight(p1Bar, x, w1, p1, w1Bar);
            // ∂L/∂b for the one shared number is every unit's Z̄ summed; the bias vector's entries all take that step,
            // so its gradient is the sum spread over the vector (the VJP of Sum spreads its scalar adjoint).
            using var b1Sum = ops.Sum(z1Bar);
            gpu.Clear(b1Bar);
            ops.SumVjp(b1Sum, b1Bar, b1Sum, b1Bar);
            using var b2Sum = ops.Sum(z2Bar);
            gpu.Clear(b2Bar);
            ops.SumVjp(b2Sum, b2Bar, b2Sum, b2Bar);

            losses[it] = gpu.ReadScalar(loss);
            sgd.Step();                                         // θ −= lr·∂L/∂θ for W₁, b₁, W₂, b₂
            if (it + 1 == MlpIrisLesson.ShortIterations)
                (t100, v100) = Accuracies(gpu, d, w1, b1, w2, b2);
        }
        var (trainFull, validationFull) = Accuracies(gpu, d, w1, b1, w2, b2);
        return new IrisRun(lr, initSeed, t100, v100, trainFull, validationFull, losses);
    }

    /// <summary>Training and validation accuracy with the device weights, by the student's <see cref="IrisMlp.Predict"/> on the host.</summary>
    static (double Train, double Validation) Accuracies(GpuRuntime gpu, MlpIrisLesson.Data d,
        GpuTensor<double> w1, GpuTensor<double> b1, GpuTensor<double> w2, GpuTensor<double> b2)
    {
        var (hw1, hw2) = (gpu.Download(w1).ToArray(), gpu.Download(w2).ToArray());
        double hb1 = gpu.Download(b1).AsReadOnlySpan()[0], hb2 = gpu.Download(b2).AsReadOnlySpan()[0];
        return (MlpIrisLesson.Accuracy(hw1, hb1, hw2, hb2, d.XTrain, d.YTrain), MlpIrisLesson.Accuracy(hw1, hb1, hw2, hb2, d.XValidation, d.YValidation));
    }
}
