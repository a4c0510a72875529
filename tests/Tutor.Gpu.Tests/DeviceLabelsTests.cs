using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// Class labels already on the device (<see cref="GpuIndices"/> and its <see cref="GpuIndices.Slice"/>): every loss op
/// that takes labels gives the bits of its <c>int[]</c> overload, and the host-side checks name what is wrong.
/// </summary>
[Collection(SimulatorCollection.Name)]
public class DeviceLabelsTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;

    const int Rows = 7, Classes = 5;

    // An epoch's labels; the batch is entries 6 … 12.
    static readonly int[] Epoch = [4, 0, 1, 3, 2, 2, 1, 0, 4, 4, 3, 2, 0, 1, 1, 3, 0, 2, 4, 3];
    static int[] Batch => Epoch[6..13];

    static void Same(Tensor<float> expected, Tensor<float> actual, string what) =>
        Assert.True(expected.AsReadOnlySpan().SequenceEqual(actual.AsReadOnlySpan()), $"{what}: the device labels give other bits than the host labels");

    [Fact]
    public void Every_label_op_gives_the_bits_of_its_host_label_overload()
    {
        var g = new Random(3);
        using var logits = gpu.Upload(Cases.Mat<float>(Rows, Classes, g, r => r.NextDouble() * 4 - 2));
        using var tangent = gpu.Upload(Cases.Mat<float>(Rows, Classes, g, r => r.NextDouble() - 0.5));
        using var epoch = gpu.UploadIndices(Epoch);
        using var batch = epoch.Slice(6, Rows);
        var ops = gpu.Ops;

        using var hostLoss = ops.CrossEntropyLoss(logits, Batch);
        using var deviceLoss = ops.CrossEntropyLoss(logits, batch);
        Same(gpu.Download(hostLoss), gpu.Download(deviceLoss), "CrossEntropyLoss");

        using var one = gpu.Scalar(1f);
        using var hostBar = gpu.Zeros<float>(Rows, Classes);
        using var deviceBar = gpu.Zeros<float>(Rows, Classes);
        ops.CrossEntropyLossVjp(one, logits, Batch, hostLoss, hostBar);
        ops.CrossEntropyLossVjp(one, logits, batch, deviceLoss, deviceBar);
        Same(gpu.Download(hostBar), gpu.Download(deviceBar), "CrossEntropyLossVjp");

        using var hostDot = gpu.Scalar(7f);
        using var deviceDot = gpu.Scalar(7f);
        ops.CrossEntropyLossJvp(logits, Batch, hostLoss, tangent, hostDot);
        ops.CrossEntropyLossJvp(logits, batch, deviceLoss, tangent, deviceDot);
        Same(gpu.Download(hostDot), gpu.Download(deviceDot), "CrossEntropyLossJvp");

        using var hostGathered = ops.GatherByLabel(logits, Batch);
        using var deviceGathered = ops.GatherByLabel(logits, batch);
        Same(gpu.Download(hostGathered), gpu.Download(deviceGathered), "GatherByLabel");
        var expected = gpu.Download(hostGathered);
        for (int i = 0; i < Rows; i++) Assert.Equal(gpu.Download(logits)[i, Batch[i]], expected[i]);   // and it is the labels' class

        using var yBar = gpu.Upload(Cases.Vec<float>(Rows, g, r => r.NextDouble()));
        using var hostABar = gpu.Zeros<float>(Rows, Classes);
        using var deviceABar = gpu.Zeros<float>(Rows, Classes);
        ops.GatherByLabelVjp(yBar, logits, Batch, hostGathered, hostABar);
        ops.GatherByLabelVjp(yBar, logits, batch, deviceGathered, deviceABar);
        Same(gpu.Download(hostABar), gpu.Download(deviceABar), "GatherByLabelVjp");

        using var hostYDot = gpu.Zeros<float>(Rows);
        using var deviceYDot = gpu.Zeros<float>(Rows);
        ops.GatherByLabelJvp(logits, Batch, hostGathered, tangent, hostYDot);
        ops.GatherByLabelJvp(logits, batch, deviceGathered, tangent, deviceYDot);
        Same(gpu.Download(hostYDot), gpu.Download(deviceYDot), "GatherByLabelJvp");
    }

    [Fact]
    public void Wrong_labels_are_refused_with_what_is_wrong()
    {
        using var logits = gpu.Zeros<float>(Rows, Classes);
        using var epoch = gpu.UploadIndices(Epoch);

        var count = Assert.Throws<ShapeMismatchException>(() => gpu.Ops.CrossEntropyLoss(logits, epoch.Slice(0, Rows + 1)));
        Assert.Contains("8 labels for logits of shape", count.Message);

        using var tooBig = gpu.UploadIndices([0, 1, 2, 3, 4, 5, 1, 2]);   // 5 is not a class of 5-wide logits
        var range = Assert.Throws<ShapeMismatchException>(() => gpu.Ops.GatherByLabel(logits, tooBig.Slice(0, Rows)));
        Assert.Contains("run from 0 to 5", range.Message);
        Assert.Contains("outside 0..4", range.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => epoch.Slice(15, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => epoch.Slice(-1, 2));
        var refill = Assert.Throws<InvalidOperationException>(() => gpu.UploadIndices(Batch, epoch.Slice(6, Rows)));
        Assert.Contains("upload into the list it was taken from", refill.Message);

        var slice = epoch.Slice(6, Rows);
        epoch.Dispose();
        Assert.Throws<ObjectDisposedException>(() => gpu.Ops.CrossEntropyLoss(logits, slice));
    }

    [Fact]
    public void Labels_from_another_runtime_are_refused()
    {
        using var other = GpuRuntime.CreateCpuSimulator();
        using var labels = other.UploadIndices(Batch);
        using var logits = gpu.Zeros<float>(Rows, Classes);
        var e = Assert.Throws<ArgumentException>(() => gpu.Ops.CrossEntropyLoss(logits, labels));
        Assert.Contains("the labels live on", e.Message);
    }
}
