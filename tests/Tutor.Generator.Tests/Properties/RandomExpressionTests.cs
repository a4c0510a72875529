using CsCheck;
using Xunit.Abstractions;

namespace Tutor.Generator.Tests.Properties;

/// <summary>
/// Generated Gradient and Jvp of random expression trees agree with complex step to 1e-10 (scale-aware).
/// Each CsCheck sample is a batch of trees compiled together. The run is reproducible: it samples a fixed list
/// of seeds, one batch each. Set CsCheck_Seed to replay a reported seed (with CsCheck_Iter &gt; 1, CsCheck then
/// keeps sampling and shrinks to the smallest failing batch); a failure also shrinks its smallest failing tree
/// structurally and prints it as C#.
/// </summary>
public class RandomExpressionTests(ITestOutputHelper output)
{
    const int BatchSize = 64;

    /// <summary>Eight batches of 64: 512 trees per run.</summary>
    static readonly string[] Seeds = ["0000000000001", "0000000000002", "0000000000003", "0000000000004", "0000000000005", "0000000000006", "0000000000007", "0000000000008"];

    static readonly Gen<TreeCase[]> Batch = ExprGen.Case.Array[BatchSize];

    [Fact]
    public void Gradient_and_Jvp_of_random_trees_match_complex_step()
    {
        string? replay = Environment.GetEnvironmentVariable("CsCheck_Seed");
        if (replay is not null)
        {
            int iter = int.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), out var n) ? n : 1;
            Batch.Sample(Passes, output.WriteLine, seed: replay, iter: iter, threads: 1, print: Explain);
            return;
        }
        var before = TreeBatch.Counts;
        foreach (var seed in Seeds)
            Batch.Sample(Passes, output.WriteLine, seed: seed, iter: 1, threads: 1, print: Explain);
        var after = TreeBatch.Counts;
        output.WriteLine($"{after.Checked - before.Checked} trees compared, {after.Skipped - before.Skipped} skipped (overflow at the point).");
        Assert.True(after.Checked - before.Checked >= Seeds.Length * BatchSize * 9 / 10, "Too many trees skipped: the generator of trees needs taming.");
    }

    [Fact]
    public void The_same_seed_gives_the_same_trees()
    {
        string First(string seed)
        {
            string text = "";
            Batch.Sample(b => { text = string.Join("\n", b.Select(c => c.ToString())); return true; }, seed: seed, iter: 1, threads: 1);
            return text;
        }
        Assert.Equal(First(Seeds[0]), First(Seeds[0]));
        Assert.NotEqual(First(Seeds[0]), First(Seeds[1]));
        output.WriteLine(First(Seeds[0])[..2000]);
    }

    /// <summary>The same trees as float methods (MathF, float literals), against the double complex step to 1e-3.</summary>
    [Fact]
    public void Float_trees_match_complex_step_to_float_precision() =>
        Batch.Sample(b => TreeBatch.Failures(b, single: true).Count == 0, output.WriteLine,
            seed: Environment.GetEnvironmentVariable("CsCheck_Seed") ?? Seeds[0], iter: 1, threads: 1, print: b => Explain(b, single: true));

    static bool Passes(TreeCase[] batch) => TreeBatch.Failures(batch).Count == 0;

    /// <summary>The failure report: the smallest failing tree, shrunk, as the C# method the generator saw.</summary>
    static string Explain(TreeCase[] batch) => Explain(batch, single: false);

    static string Explain(TreeCase[] batch, bool single)
    {
        List<TreeFailure> failures;
        try { failures = TreeBatch.Failures(batch, single); }
        catch (Exception e) { return $"The batch did not compile or the generator threw:\n{e.Message}"; }
        if (failures.Count == 0) return "(no failure on re-run)";
        var smallest = failures.OrderBy(f => f.Case.Tree.Size).First();
        var shrunk = TreeBatch.Shrink(smallest, single);
        return $"""
            {failures.Count} of {batch.Length} trees fail. Smallest failing tree, shrunk:
            {shrunk.Case.Method("T", single)}
            at (x, y, z) = ({string.Join(", ", shrunk.Case.Point.Select(p => p.ToString("R")))}), direction ({string.Join(", ", shrunk.Case.Direction.Select(p => p.ToString("R")))})
            {shrunk.What}

            All failures:
            {string.Join("\n", failures.Take(10))}
            """;
    }
}
