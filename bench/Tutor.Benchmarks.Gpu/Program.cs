using ILGPU;
using System.Diagnostics;
using Tutor.Devices;
using Tutor.Gpu;
using Tutor.Gpu.Devices;
using Tutor.Tensors;

// Matrix-multiply tiles on a GPU: GFLOP/s of each tile shape (forced, no split) and of the automatic plan
// (MatMulPlan: tile by occupancy, split k when the result is thin) for the products the GPU benchmark's MLP
// (784-1024-1024-10, batch 1024) runs, forward and backward, and 4096³. For choosing GpuKernelOptions' defaults;
// the figures in docs/performance.md come from `tutor gpu-bench` and bench/pytorch/gpu_peer.py.
//
//   dotnet run --project bench/Tutor.Benchmarks.Gpu -c Release [-- --device gpu|cpu-simulator] [--repeats 10]

if (args.Contains("--ptx"))
{
    // The PTX of the matrix-multiply kernels for sm_80 (no GPU needed), for reading what ILGPU makes of the inner loop.
    using var context = ILGPU.Context.Create(b => b.EnableAlgorithms());
    using var backend = new ILGPU.Backends.PTX.PTXBackend(context, new ILGPU.Runtime.Cuda.CudaCapabilityContext(ILGPU.Runtime.Cuda.CudaArchitecture.SM_80),
        ILGPU.Runtime.Cuda.CudaArchitecture.SM_80, ILGPU.Runtime.Cuda.CudaInstructionSet.ISA_80, null);
    foreach (var name in new[] { nameof(Tutor.Gpu.Kernels.MatMul.Kernel8), nameof(Tutor.Gpu.Kernels.MatMul.Kernel4) })
    {
        var method = typeof(Tutor.Gpu.Kernels.MatMul).GetMethod(name)!.MakeGenericMethod(typeof(float), typeof(Tutor.Gpu.Kernels.F32), typeof(Tutor.Gpu.Kernels.Side16));
        var compiled = (ILGPU.Backends.PTX.PTXCompiledKernel)backend.Compile(
            ILGPU.Backends.EntryPoints.EntryPointDescription.FromExplicitlyGroupedKernel(method), new ILGPU.Runtime.KernelSpecialization());
        File.WriteAllText($"{name}.ptx", compiled.PTXAssembly);
        Console.WriteLine($"{name}.ptx: {compiled.PTXAssembly.Split('\n').Length} lines");
    }
    return;
}
string device = args.SkipWhile(a => a != "--device").Skip(1).FirstOrDefault() ?? "gpu";
int repeats = int.Parse(args.SkipWhile(a => a != "--repeats").Skip(1).FirstOrDefault() ?? "10");
using var selected = device == "cpu-simulator" ? null : ComputeDevice.Select("gpu");
using var simulator = selected is null ? GpuRuntime.CreateCpuSimulator() : null;
var baseRuntime = simulator ?? selected!.GpuRuntime()!;
var accelerator = baseRuntime.Accelerator;
Console.WriteLine($"device: {baseRuntime.Name}, {accelerator.NumMultiprocessors} multiprocessors, target {baseRuntime.MatMulTargetThreads} threads");

// (name, m, n, k, transpose A, transpose B)
var shapes = selected is null
    ? new[] { ("NN 33x18x35", 33, 18, 35, false, false), ("NN 5x3x1000", 5, 3, 1000, false, false) }
    : new[]
    {
        ("NN 4096^3", 4096, 4096, 4096, false, false),
        ("NN 1024x1024x784 (L1 fwd)", 1024, 1024, 784, false, false),
        ("NN 1024x1024x1024 (L2 fwd)", 1024, 1024, 1024, false, false),
        ("NN 1024x10x1024 (L3 fwd)", 1024, 10, 1024, false, false),
        ("TN 784x1024x1024 (L1 dW)", 784, 1024, 1024, true, false),
        ("TN 1024x1024x1024 (L2 dW)", 1024, 1024, 1024, true, false),
        ("TN 1024x10x1024 (L3 dW)", 1024, 10, 1024, true, false),
        ("NT 1024x1024x1024 (L2 dX)", 1024, 1024, 1024, false, true),
        ("NT 1024x1024x10 (L3 dX)", 1024, 1024, 10, false, true),
    };

var forced = selected is null
    ? new (string, GpuKernelOptions?)[] { ("auto", null), ("4x4 t4x4", GpuKernelOptions.CpuSimulator with { MatMulTargetThreads = 1 }) }
    : new (string, GpuKernelOptions?)[]
    {
        ("auto", null),
        ("8x8 t16x16 k8", GpuKernelOptions.Gpu with { MatMulTargetThreads = 1 }),
        ("8x8 t16x16 k16", GpuKernelOptions.Gpu with { MatMulTargetThreads = 1, MatMulTileK = 16 }),
        ("8x8 t8x8 k8", GpuKernelOptions.Gpu with { MatMulTargetThreads = 1, MatMulThreadsX = 8, MatMulThreadsY = 8 }),
        ("8x8 t8x8 k16", GpuKernelOptions.Gpu with { MatMulTargetThreads = 1, MatMulThreadsX = 8, MatMulThreadsY = 8, MatMulTileK = 16 }),
        ("4x4 t16x16 k8", GpuKernelOptions.Gpu with { MatMulTargetThreads = 1, MatMulMicroTile = 4 }),
        ("4x4 t8x8 k8", GpuKernelOptions.Gpu with { MatMulTargetThreads = 1, MatMulMicroTile = 4, MatMulThreadsX = 8, MatMulThreadsY = 8 }),
    };

Console.Write($"{"product",-30}");
foreach (var (name, _) in forced) Console.Write($"{name,16}");
Console.WriteLine("   (GFLOP/s, median of " + repeats + ")");
var random = new Random(1);
foreach (var (label, m, n, k, ta, tb) in shapes)
{
    var hostA = ta ? Fill(k, m) : Fill(m, k);
    var hostB = tb ? Fill(n, k) : Fill(k, n);
    Console.Write($"{label,-30}");
    Tensor<float>? reference = null;
    foreach (var (_, options) in forced)
    {
        using var runtime = options is null ? null : new GpuRuntime(accelerator, options);
        var gpu = runtime ?? baseRuntime;
        using var a = gpu.Upload(hostA);
        using var b = gpu.Upload(hostB);
        GpuTensor<float> Run() => ta ? gpu.Ops.MatMulTransposeA(a, b) : tb ? gpu.Ops.MatMulTransposeB(a, b) : gpu.Ops.MatMul(a, b);
        for (int i = 0; i < 2; i++) Run().Dispose();
        gpu.Synchronize();
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            using var c = Run();
            gpu.Synchronize();
            times.Add(clock.Elapsed.TotalSeconds);
            if (r == 0)
            {
                var result = gpu.Download(c);
                reference ??= result;
                double worst = 0;
                for (int i = 0; i < result.Length; i++) worst = Math.Max(worst, Math.Abs(result[i] - reference[i]) / Math.Max(1, Math.Abs(reference[i])));
                if (worst > 1e-4) Console.Write($" [differs {worst:E1}]");
            }
        }
        times.Sort();
        Console.Write($"{2.0 * m * n * k / times[times.Count / 2] / 1e9,16:0}");
    }
    Console.WriteLine();
}

Tensor<float> Fill(int rows, int columns)
{
    var t = Tensor<float>.Zeros(rows, columns);
    var span = t.AsSpan();
    for (int i = 0; i < span.Length; i++) span[i] = (float)random.NextDouble() - 0.5f;
    return t;
}
