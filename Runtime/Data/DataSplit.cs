using Tutor.Training;

namespace Tutor.Data;

/// <summary>Indices of the examples in each part of a split. Each part is in shuffled order.</summary>
/// <param name="Train">Examples to fit on.</param>
/// <param name="Validation">Examples for choosing hyperparameters and schedules (ReduceLROnPlateau watches these).</param>
/// <param name="Test">Examples looked at once, at the end.</param>
public sealed record IndexSplit(int[] Train, int[] Validation, int[] Test);

/// <summary>
/// Seeded random splits of n examples. Sizes follow scikit-learn's train_test_split: a held-out part of fraction f
/// gets ⌈f·n⌉ examples, the rest keeps the remainder, so the same n, fractions and seed always give the same parts.
/// </summary>
public static class DataSplit
{
    /// <summary>Splits 0 … count−1 into train and test (seed 001 P1: 50/50).</summary>
    public static (int[] Train, int[] Test) TrainTest(int count, double testFraction, TutorRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Holdout(random.Permutation(count), testFraction, random);
    }

    /// <summary>Splits 0 … count−1 into train, validation and test; both fractions are of the whole.</summary>
    public static IndexSplit TrainValidationTest(int count, double validationFraction, double testFraction, TutorRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        CheckFraction(validationFraction, nameof(validationFraction));
        CheckFraction(testFraction, nameof(testFraction));
        int[] order = random.Permutation(count);
        int test = HeldOut(count, testFraction);
        int validation = HeldOut(count, validationFraction);
        if (test + validation > count) throw new ArgumentException($"validation ({validation}) and test ({test}) together exceed the {count} examples");
        return new IndexSplit(order[(test + validation)..], order[test..(test + validation)], order[..test]);
    }

    /// <summary>
    /// Holds out a fraction of the given indices (seed 001 P1: 20% of the training set for validation): the indices
    /// are shuffled and the first ⌈f·n⌉ become the held-out part.
    /// </summary>
    public static (int[] Kept, int[] HeldOut) Holdout(IReadOnlyList<int> indices, double fraction, TutorRandom random)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(random);
        CheckFraction(fraction, nameof(fraction));
        int[] order = [.. indices];
        random.Shuffle<int>(order);
        int held = HeldOut(order.Length, fraction);
        return (order[held..], order[..held]);
    }

    static int HeldOut(int count, double fraction) => (int)Math.Min(count, Math.Ceiling(fraction * count - 1e-9));

    static void CheckFraction(double fraction, string name)
    {
        if (!(fraction >= 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(name, fraction, "a fraction must be in [0, 1]");
    }
}
