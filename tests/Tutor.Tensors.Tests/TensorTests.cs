namespace Tutor.Tensors.Tests;

/// <summary>The tensor type itself: shapes, printing, views, value semantics.</summary>
public class TensorTests
{
    [Fact]
    public void ToString_shows_type_shape_and_values()
    {
        Assert.Equal("Tensor<float> (2×3) [[1, 2, 3],\n [4, 5, 6]]", Tensor<float>.Matrix(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }).ToString());
        Assert.Equal("Tensor<double> (3) [0.5, -1, 2]", Tensor<double>.Vector(0.5, -1, 2).ToString());
        Assert.Equal("Tensor<double> () 3.25", Tensor<double>.Scalar(3.25).ToString());
        Assert.Equal("Tensor<double> (10) [0, 0, 0, …, 0, 0, 0]", Tensor<double>.Zeros(10).ToString());
    }

    [Fact]
    public void Ops_return_new_tensors_and_leave_operands_alone()
    {
        var a = Tensor<double>.Vector(1, 2);
        var b = a + a;
        Assert.Equal(new double[] { 1, 2 }, a.ToArray());
        Assert.Equal(new double[] { 2, 4 }, b.ToArray());
        Assert.Equal(new double[] { 3, 6 }, (1.5 * b).ToArray());
        Assert.Equal(new double[] { -1, -2 }, (-a).ToArray());
    }

    [Fact]
    public void Slices_are_views_and_destination_overloads_reuse_buffers()
    {
        var data = Tensor<double>.Matrix(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var batch = Ops.SliceRows(data, 1, 2);
        Assert.Equal(TensorShape.Matrix(2, 2), batch.Shape);
        Assert.Equal(3.0, batch[0, 0]);
        var buffer = Tensor<double>.Zeros(2, 2);
        Assert.Same(buffer, Ops.SliceRows(data, 0, 2, buffer));
        Assert.Same(buffer, Ops.Tanh(buffer, buffer));
        Assert.Equal(Math.Tanh(4), buffer[1, 1], 15);
    }

    [Fact]
    public void Broadcast_adds_a_bias_to_every_row_or_column()
    {
        var a = Tensor<double>.Matrix(new double[,] { { 1, 2 }, { 3, 4 } });
        Assert.Equal(new double[] { 11, 22, 13, 24 }, Ops.AddRowVector(a, Tensor<double>.Vector(10, 20)).ToArray());
        Assert.Equal(new double[] { 11, 12, 23, 24 }, Ops.AddColumnVector(a, Tensor<double>.Vector(10, 20)).ToArray());
        Assert.Equal(new double[] { 3, 7 }, Ops.RowSums(a).ToArray());
        Assert.Equal(new double[] { 2, 3 }, Ops.ColumnMeans(a).ToArray());
        Assert.Equal(new double[] { 2, 4 }, Ops.RowMaxes(a).ToArray());
        Assert.Equal(new double[] { 2, 3 }, Ops.GatherByLabel(a, [1, 0]).ToArray());
        Assert.Equal(new double[] { 1, 3, 2, 4 }, Ops.Transpose(a).ToArray());
    }
}
