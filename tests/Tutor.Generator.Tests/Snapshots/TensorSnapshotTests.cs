using ApprovalTests;
using ApprovalTests.Reporters;

namespace Tutor.Generator.Tests.Snapshots;

/// <summary>The generated source of a tensor method (a linear model with an MSE loss and an L2 penalty), approved like SnapshotTests.</summary>
[UseReporter(typeof(QuietReporter))]
public class TensorSnapshotTests
{
    [Fact]
    public void Linear_model_with_mse_loss() => Approvals.Verify(Snapshot.OfGeneratedFile("""
        using System;
        using Tutor;
        using Tutor.Tensors;

        namespace Demo;

        public static partial class Models
        {
            [Differentiable]
            public static double Loss(Tensor<double> w, Tensor<double> b, [NoDiff] Tensor<double> x, [NoDiff] Tensor<double> y, double lambda)
            {
                var prediction = Ops.AddRowVector(Ops.MatMul(x, w), b);
                double fit = Ops.MseLoss(prediction, y).ToScalar();
                return fit + lambda * Ops.Sum(Ops.Square(w)).ToScalar();
            }
        }
        """));
}
