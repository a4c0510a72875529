using Tutor.Data;

namespace Tutor.Training.Tests.Data;

public class LoaderTests
{
    static int[][] Epoch(BatchLoader loader) => [.. loader.NextEpoch().Select(b => b.ToArray())];

    [Fact]
    public void Batches_cover_every_example_once_per_epoch_with_a_short_last_batch()
    {
        var loader = new BatchLoader(10, 4);
        int[][] batches = Epoch(loader);
        Assert.Equal(3, loader.BatchCount);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], batches);
    }

    [Fact]
    public void Drop_last_leaves_out_the_short_batch()
    {
        var loader = new BatchLoader(10, 4, dropLast: true);
        Assert.Equal(2, loader.BatchCount);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7]], Epoch(loader));
    }

    [Fact]
    public void Shuffling_is_seeded_differs_between_epochs_and_is_a_permutation()
    {
        var a = new BatchLoader(100, 32, shuffle: true, random: new TutorRandom(5));
        var b = new BatchLoader(100, 32, shuffle: true, random: new TutorRandom(5));
        int[][] first = Epoch(a), second = Epoch(a);
        Assert.Equal(first, Epoch(b));
        Assert.Equal(second, Epoch(b));
        Assert.NotEqual(first.SelectMany(x => x), second.SelectMany(x => x));
        Assert.Equal(Enumerable.Range(0, 100), first.SelectMany(x => x).Order());
        Assert.Equal(2, a.Epochs);
    }

    [Fact]
    public void A_loader_over_a_subset_only_hands_out_that_subset()
    {
        int[] train = [3, 8, 12, 40, 41];
        var loader = new BatchLoader(train, 2, shuffle: true, random: new TutorRandom(1));
        Assert.Equal(train, Epoch(loader).SelectMany(x => x).Order());
        Assert.Throws<ArgumentException>(() => new BatchLoader(train, 2, shuffle: true));
    }

    [Fact]
    public void Gather_copies_the_named_rows()
    {
        double[] matrix = [0, 1, 10, 11, 20, 21, 30, 31];
        Assert.Equal([30.0, 31, 10, 11], Rows.Gather<double>(matrix, 2, [3, 1]));
    }

    [Fact]
    public void Splits_are_seeded_disjoint_complete_and_sized_like_scikit_learn()
    {
        var (train, test) = DataSplit.TrainTest(101, 0.5, new TutorRandom(3));
        Assert.Equal(51, test.Length); // ⌈0.5·101⌉
        Assert.Equal(50, train.Length);
        Assert.Equal(Enumerable.Range(0, 101), train.Concat(test).Order());
        Assert.Equal(test, DataSplit.TrainTest(101, 0.5, new TutorRandom(3)).Test);

        var split = DataSplit.TrainValidationTest(150, 0.2, 0.2, new TutorRandom(4));
        Assert.Equal((90, 30, 30), (split.Train.Length, split.Validation.Length, split.Test.Length));
        Assert.Equal(Enumerable.Range(0, 150), split.Train.Concat(split.Validation).Concat(split.Test).Order());

        var (kept, held) = DataSplit.Holdout(train, 0.2, new TutorRandom(5));
        Assert.Equal(10, held.Length);
        Assert.Equal(train.Order(), kept.Concat(held).Order());
    }

    [Fact]
    public void Standardizer_fits_on_training_rows_and_applies_the_same_shift_to_others()
    {
        // Column 0: train rows 0..3 are 1, 2, 3, 4 (μ = 2.5, σ = √1.25); column 1 is constant on train (σ → 1).
        double[] data = [1, 7, 2, 7, 3, 7, 4, 7, 100, 9];
        var standardizer = Standardizer.Fit<double>(data, 2, [0, 1, 2, 3]);
        Assert.Equal([2.5, 7.0], standardizer.Mean);
        Assert.Equal([Math.Sqrt(1.25), 1.0], standardizer.Scale);

        double[] copy = [.. data];
        standardizer.Transform<double>(copy);
        Assert.Equal(-1.5 / Math.Sqrt(1.25), copy[0], 14);
        Assert.Equal(0.0, copy[1]);
        Assert.Equal(97.5 / Math.Sqrt(1.25), copy[8], 12); // the test row is shifted by the training statistics
        Assert.Equal(2.0, copy[9]);
        Assert.Equal(0.0, copy[..8].Where((_, i) => i % 2 == 0).Average(), 14);

        standardizer.InverseTransform<double>(copy);
        for (int i = 0; i < data.Length; i++) Assert.Equal(data[i], copy[i], 12);

        var constant = Standardizer.Fit<double>([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], 1);
        Assert.Equal(1.0, constant.Scale[0]);

        float[] single = [1f, 7f, 2f, 7f];
        standardizer.Transform<float>(single);
        Assert.Equal((float)(-1.5 / Math.Sqrt(1.25)), single[0]);
    }
}
