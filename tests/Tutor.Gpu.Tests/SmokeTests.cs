using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

[Collection(SimulatorCollection.Name)]
public class SmokeTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;

    [Fact]
    public void Upload_then_download_round_trips_and_tanh_matches_the_cpu()
    {
        var host = Tensor<float>.Matrix(2, 3, [1, -2, 3, 0.5f, 0, -1]);
        using var d = gpu.Upload(host);
        Assert.Equal(host.ToArray(), gpu.Download(d).ToArray());
        using var t = gpu.Ops.Tanh(d);
        var expected = Ops.Tanh(host).ToArray();
        var actual = gpu.Download(t).ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-6f);
        Assert.Contains("device", d.ToString());
    }
}
