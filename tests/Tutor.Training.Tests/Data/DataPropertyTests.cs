using CsCheck;
using Tutor.Data;

namespace Tutor.Training.Tests.Data;

public class DataPropertyTests
{
    [Fact]
    public void Every_epoch_covers_each_example_once_in_batches_of_B_except_perhaps_the_last()
    {
        Gen.Select(Gen.Int[0, 300], Gen.Int[1, 64], Gen.Bool, Gen.ULong).Sample((n, b, dropLast, seed) =>
        {
            var loader = new BatchLoader(n, b, shuffle: true, dropLast: dropLast, random: new TutorRandom(seed));
            int[][] batches = [.. loader.NextEpoch().Select(x => x.ToArray())];
            Assert.Equal(loader.BatchCount, batches.Length);
            Assert.All(batches.SkipLast(1), x => Assert.Equal(b, x.Length));
            int[] seen = [.. batches.SelectMany(x => x)];
            Assert.Equal(seen.Length, seen.Distinct().Count());
            Assert.Equal(dropLast ? n / b * b : n, seen.Length);
        }, iter: 300);
    }

    [Fact]
    public void Standardising_gives_mean_0_and_deviation_1_on_the_fitted_rows_and_inverts_exactly()
    {
        Gen.Select(Gen.Int[2, 30], Gen.Int[1, 5]).SelectMany((rows, cols) =>
            Gen.Double[-1e3, 1e3].Array[rows * cols].Select(data => (rows, cols, data))).Sample(t =>
        {
            var (rows, cols, data) = t;
            var standardizer = Standardizer.Fit<double>(data, cols);
            double[] z = [.. data];
            standardizer.Transform<double>(z);
            for (int c = 0; c < cols; c++)
            {
                double[] column = [.. Enumerable.Range(0, rows).Select(r => z[r * cols + c])];
                Assert.Equal(0.0, column.Average(), 9);
                double sd = Math.Sqrt(column.Select(v => v * v).Average());
                Assert.True(Math.Abs(sd - 1) < 1e-9 || (standardizer.Scale[c] == 1 && sd < 1e-9), $"column {c}: σ′ = {sd}");
            }
            standardizer.InverseTransform<double>(z);
            for (int i = 0; i < data.Length; i++) Assert.Equal(data[i], z[i], 1e-9 * Math.Max(1, Math.Abs(data[i])));
        }, iter: 300);
    }

    [Fact]
    public void Splits_partition_the_examples_for_any_size_and_fractions()
    {
        Gen.Select(Gen.Int[0, 500], Gen.Double[0, 0.5], Gen.Double[0, 0.5], Gen.ULong).Sample((n, validation, test, seed) =>
        {
            int heldTest = (int)Math.Ceiling(test * n - 1e-9), heldValidation = (int)Math.Ceiling(validation * n - 1e-9);
            if (heldTest + heldValidation > n)
            {
                // Small n: two rounded-up parts can overlap (n = 1, 35% and 24% each want 1 example). sklearn refuses too.
                var error = Assert.Throws<ArgumentException>(() => DataSplit.TrainValidationTest(n, validation, test, new TutorRandom(seed)));
                Assert.Contains($"together exceed the {n} examples", error.Message);
                return;
            }
            var split = DataSplit.TrainValidationTest(n, validation, test, new TutorRandom(seed));
            Assert.Equal(Enumerable.Range(0, n), split.Train.Concat(split.Validation).Concat(split.Test).Order());
            Assert.Equal((int)Math.Ceiling(test * n - 1e-9), split.Test.Length);
        }, iter: 300);
    }
}
