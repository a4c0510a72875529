using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>The runtime's contract: visible copies, the pool's lifetime rule, views, kernel caching and the error messages.</summary>
[Collection(SimulatorCollection.Name)]
public class RuntimeTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;

    [Fact]
    public void A_disposed_tensor_goes_back_to_the_pool_and_the_next_one_of_its_length_reuses_it()
    {
        var first = gpu.Zeros<float>(3, 41);
        first.Dispose();
        long allocations = gpu.Pool.Allocations;
        using var second = gpu.Zeros<float>(41, 3); // same length, another shape
        Assert.Equal(allocations, gpu.Pool.Allocations);
        Assert.Throws<ObjectDisposedException>(() => gpu.Download(first));
        Assert.Contains("disposed", first.ToString());
    }

    [Fact]
    public void A_slice_is_a_view_that_shares_storage_and_disposing_it_leaves_the_parent_alone()
    {
        using var a = gpu.Upload(Tensor<float>.Matrix(4, 2, [1, 2, 3, 4, 5, 6, 7, 8]));
        var rows = gpu.Ops.SliceRows(a, 1, 2);
        Assert.True(rows.IsView);
        Assert.Equal([3f, 4, 5, 6], gpu.Download(rows).ToArray());
        gpu.Ops.Scale(rows, 10f, rows); // writes through the view
        rows.Dispose();
        Assert.Equal([1f, 2, 30, 40, 50, 60, 7, 8], gpu.Download(a).ToArray());
    }

    [Fact]
    public void A_kernel_compiles_once_per_op_and_element_type()
    {
        using var a = gpu.Upload(Tensor<float>.Vector(1, 2, 3));
        gpu.Ops.Exp(a).Dispose();
        int compiled = gpu.CompiledKernels;
        for (int i = 0; i < 3; i++) gpu.Ops.Exp(a).Dispose();
        Assert.Equal(compiled, gpu.CompiledKernels);
    }

    [Fact]
    public void Clear_and_fill_overwrite_every_element_of_a_view_and_nothing_else()
    {
        using var a = gpu.Upload(Tensor<double>.Matrix(3, 2, [1, 2, 3, 4, 5, 6]));
        gpu.Clear(gpu.Ops.SliceRows(a, 0, 1));
        gpu.Fill(gpu.Ops.SliceRows(a, 2, 1), -0.5);
        Assert.Equal([0d, 0, 3, 4, -0.5, -0.5], gpu.Download(a).ToArray());
    }

    [Fact]
    public void Labels_changed_in_place_or_of_the_same_length_are_sent_again()
    {
        var host = Tensor<float>.Matrix(2, 3, [1, 2, 3, 4, 5, 6]);
        using var a = gpu.Upload(host);
        int[] labels = [0, 1];
        foreach (var next in new[] { new[] { 2, 0 }, new[] { 1, 2 } })
        {
            using (var y = gpu.Ops.GatherByLabel(a, labels))
                Assert.Equal(Ops.GatherByLabel(host, labels).ToArray(), gpu.Download(y).ToArray());
            next.CopyTo(labels, 0); // the same array, new contents
        }
        using var z = gpu.Ops.GatherByLabel(a, [1, 1]);
        Assert.Equal([2f, 5], gpu.Download(z).ToArray());
    }

    [Fact]
    public void Shape_errors_say_what_the_cpu_says()
    {
        var a = Tensor<float>.Zeros(3, 4);
        var b = Tensor<float>.Zeros(5, 2);
        using var ga = gpu.Upload(a);
        using var gb = gpu.Upload(b);
        var cpu = Assert.Throws<ArgumentException>(() => Ops.MatMul(a, b));
        var device = Assert.Throws<ArgumentException>(() => gpu.Ops.MatMul(ga, gb));
        Assert.Equal(cpu.Message, device.Message);
        cpu = Assert.Throws<ArgumentException>(() => Ops.CrossEntropyLoss(a, [0, 1, 7]));
        device = Assert.Throws<ArgumentException>(() => gpu.Ops.CrossEntropyLoss(ga, [0, 1, 7]));
        Assert.Equal(cpu.Message, device.Message);
    }

    [Fact]
    public void Results_of_scalar_ops_stay_on_the_device_until_read()
    {
        using var a = gpu.Upload(Tensor<float>.Vector(1, 2, 3, 4));
        using var sum = gpu.Ops.Sum(a);
        Assert.Equal(TensorShape.Scalar, sum.Shape);
        Assert.Equal(10f, gpu.ReadScalar(sum));
        Assert.Throws<InvalidOperationException>(() => gpu.ReadScalar(a));
        Assert.Contains("device memory", sum.ToString());
    }
}
