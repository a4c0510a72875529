using Tutor.Gpu;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons;

/// <summary>The nonlinearity between the layers of a <see cref="GpuMlp"/>.</summary>
public enum GpuActivation
{
    /// <summary>max(0, z), as in <c>SmallMlp</c> (mnist-sgd-momentum).</summary>
    Relu,
    /// <summary>tanh z, as in <c>DeepTanhNet</c> (depth-and-initialisation) and the GPU benchmark.</summary>
    Tanh,
}

/// <summary>
/// The lessons' multi-layer perceptrons on a GPU: layer l computes Z_l = H_{l−1} W_l + 1 b_lᵀ and H_l = act(Z_l), the
/// last layer without the activation, then the mean softmax cross-entropy. Forward and backward are the same chain
/// of ops and VJPs as the students' <c>SmallMlp</c> and <c>DeepTanhNet</c>, on <see cref="GpuRuntime.Ops"/>. The
/// weights start from host arrays (the CPU path's initialisation) and come back with <see cref="DownloadInto"/>.
/// <see cref="Parameters"/> pairs each weight and bias with its gradient on the device, for a <see cref="GpuOptimizer{T}"/>
/// (<c>new GpuSgd&lt;float&gt;(gpu, mlp.Parameters, lr)</c>): <see cref="LossAndGradient"/> overwrites the gradients in
/// place, so an optimizer bound once steps every batch.
/// </summary>
public sealed class GpuMlp : IDisposable
{
    readonly GpuRuntime gpu;
    readonly GpuTensor<float>[] w, b, wBar, bBar;
    readonly GpuParameter<float>[] deviceParameters;

    /// <summary>
    /// Uploads the layers from a host network's parameters, in the order the students' networks add them: W₁, b₁, W₂,
    /// b₂, … (W_l is sizes[l] × sizes[l+1] row-major, b_l has sizes[l+1] entries).
    /// </summary>
    public GpuMlp(GpuRuntime gpu, int[] sizes, GpuActivation activation, ParameterSet<float> parameters)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(parameters);
        this.gpu = gpu;
        Sizes = sizes;
        Activation = activation;
        int layers = sizes.Length - 1;
        if (parameters.Parameters.Count != 2 * layers)
            throw new ArgumentException($"GpuMlp: {layers} layers need {2 * layers} parameters (W₁, b₁, …), got {parameters.Parameters.Count}.", nameof(parameters));
        (w, b, wBar, bBar) = (new GpuTensor<float>[layers], new GpuTensor<float>[layers], new GpuTensor<float>[layers], new GpuTensor<float>[layers]);
        for (int l = 0; l < layers; l++)
        {
            var (weight, bias) = (parameters.Parameters[2 * l], parameters.Parameters[2 * l + 1]);
            if (weight.Length != sizes[l] * sizes[l + 1] || bias.Length != sizes[l + 1])
                throw new ArgumentException($"GpuMlp: layer {l + 1} is {sizes[l]}×{sizes[l + 1]}, but {weight} and {bias} do not fit.", nameof(parameters));
            w[l] = gpu.Upload(Tensor<float>.Matrix(sizes[l], sizes[l + 1], weight.Value.Span));
            b[l] = gpu.Upload(Tensor<float>.Vector(bias.Value.Span));
            wBar[l] = gpu.ZerosLike(w[l]);
            bBar[l] = gpu.ZerosLike(b[l]);
        }
        deviceParameters = [.. Enumerable.Range(0, layers).SelectMany(l => new[]
        {
            new GpuParameter<float>($"W{l + 1}", w[l], wBar[l]),
            new GpuParameter<float>($"b{l + 1}", b[l], bBar[l]),
        })];
    }

    /// <summary>W₁, b₁, W₂, b₂, … with their gradients (written by <see cref="LossAndGradient"/>): what an optimizer steps.</summary>
    public IReadOnlyList<GpuParameter<float>> Parameters => deviceParameters;

    /// <summary>Units per layer, input first.</summary>
    public int[] Sizes { get; }

    /// <summary>The nonlinearity between layers.</summary>
    public GpuActivation Activation { get; }

    int Layers => w.Length;

    GpuTensor<float> Activate(GpuTensor<float> z) => Activation == GpuActivation.Relu ? gpu.Ops.Relu(z) : gpu.Ops.Tanh(z);

    /// <summary>The logits of a batch (rows of <paramref name="x"/>), a new device tensor.</summary>
    public GpuTensor<float> Logits(GpuTensor<float> x)
    {
        var ops = gpu.Ops;
        GpuTensor<float>? h = null;
        for (int l = 0; l < Layers; l++)
        {
            using var product = ops.MatMul(h ?? x, w[l]);
            var z = ops.AddRowVector(product, b[l]);
            h?.Dispose();
            if (l < Layers - 1)
            {
                h = Activate(z);
                z.Dispose();
            }
            else h = z;
        }
        return h!;
    }

    /// <summary>
    /// Mean cross-entropy of the batch (a one-element device tensor: read it with <see cref="GpuRuntime.ReadScalar{T}"/>);
    /// overwrites every ∂L/∂W_l and ∂L/∂b_l on the device, in place (the tensors of <see cref="Parameters"/>).
    /// </summary>
    public GpuTensor<float> LossAndGradient(GpuTensor<float> x, int[] labels) => LossAndGradient(x, labels, null);

    /// <summary>
    /// <see cref="LossAndGradient(GpuTensor{float}, int[])"/> with the labels already on the device (a batch's slice of
    /// an epoch's labels uploaded once): the step then waits for nothing.
    /// </summary>
    public GpuTensor<float> LossAndGradient(GpuTensor<float> x, GpuIndices labels) => LossAndGradient(x, null, labels);

    GpuTensor<float> LossAndGradient(GpuTensor<float> x, int[]? hostLabels, GpuIndices? deviceLabels)
    {
        var ops = gpu.Ops;
        var owned = new List<GpuTensor<float>>();
        GpuTensor<float> Own(GpuTensor<float> t)
        {
            owned.Add(t);
            return t;
        }
        try
        {
            var inputs = new GpuTensor<float>[Layers];     // H_{l−1}
            var products = new GpuTensor<float>[Layers];   // H_{l−1} W_l
            var sums = new GpuTensor<float>[Layers];       // Z_l
            var outputs = new GpuTensor<float>[Layers];    // H_l (the last: Z_l)
            var h = x;
            for (int l = 0; l < Layers; l++)
            {
                inputs[l] = h;
                products[l] = Own(ops.MatMul(h, w[l]));
                sums[l] = Own(ops.AddRowVector(products[l], b[l]));
                outputs[l] = l < Layers - 1 ? Own(Activate(sums[l])) : sums[l];
                h = outputs[l];
            }
            var loss = deviceLabels is null ? ops.CrossEntropyLoss(h, hostLabels!) : ops.CrossEntropyLoss(h, deviceLabels);

            var outputBar = Own(gpu.ZerosLike(h));
            using (var one = gpu.Scalar(1f))
            {
                if (deviceLabels is null) ops.CrossEntropyLossVjp(one, h, hostLabels!, loss, outputBar);
                else ops.CrossEntropyLossVjp(one, h, deviceLabels, loss, outputBar);
            }
            for (int l = Layers - 1; l >= 0; l--)
            {
                var sumBar = outputBar;
                if (l < Layers - 1)
                {
                    sumBar = Own(gpu.ZerosLike(sums[l]));
                    if (Activation == GpuActivation.Relu) ops.ReluVjp(outputBar, sums[l], outputs[l], sumBar);
                    else ops.TanhVjp(outputBar, sums[l], outputs[l], sumBar);
                }
                var productBar = Own(gpu.ZerosLike(products[l]));
                ops.AddRowVectorVjpLeft(sumBar, products[l], b[l], sums[l], productBar);
                gpu.Clear(bBar[l]);
                ops.AddRowVectorVjpRight(sumBar, products[l], b[l], sums[l], bBar[l]);
                gpu.Clear(wBar[l]);
                ops.MatMulVjpRight(productBar, inputs[l], w[l], products[l], wBar[l]);
                if (l > 0)
                {
                    outputBar = Own(gpu.ZerosLike(inputs[l]));
                    ops.MatMulVjpLeft(productBar, inputs[l], w[l], products[l], outputBar);
                }
            }
            return loss;
        }
        finally
        {
            foreach (var t in owned) t.Dispose();
        }
    }

    /// <summary>‖∂L/∂W_l‖₂ after <see cref="LossAndGradient"/> (downloads the gradient; float64 sum on the host).</summary>
    public double WeightGradientNorm(int layer)
    {
        double s = 0;
        foreach (var v in gpu.Download(wBar[layer]).AsReadOnlySpan()) s += (double)v * v;
        return Math.Sqrt(s);
    }

    /// <summary>Copies the device weights back into the host network's parameters (the constructor's layout).</summary>
    public void DownloadInto(ParameterSet<float> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        for (int l = 0; l < Layers; l++)
        {
            gpu.Download(w[l]).AsReadOnlySpan().CopyTo(parameters.Parameters[2 * l].Value.Span);
            gpu.Download(b[l]).AsReadOnlySpan().CopyTo(parameters.Parameters[2 * l + 1].Value.Span);
        }
    }

    /// <summary>The predicted class of each row of <paramref name="x"/>.</summary>
    public int[] Predict(GpuTensor<float> x)
    {
        using var logits = Logits(x);
        return GpuTraining.ArgMaxRows(gpu.Download(logits).AsReadOnlySpan(), x.Rows, Sizes[^1]);
    }

    /// <summary>Gives every device buffer back to the runtime's pool.</summary>
    public void Dispose()
    {
        foreach (var t in w.Concat(b).Concat(wBar).Concat(bBar)) t.Dispose();
    }
}
