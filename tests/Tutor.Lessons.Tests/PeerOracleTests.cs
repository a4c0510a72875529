using Tutor.Lessons.Reports;

namespace Tutor.Lessons.Tests;

public class PeerOracleTests
{
    [Fact]
    public void The_shipped_reference_has_both_lessons_with_twenty_seeds_in_range()
    {
        foreach (var id in new[] { "depth-and-initialisation", "mnist-sgd-momentum" })
        {
            var peer = PeerOracle.Load(id);
            Assert.NotNull(peer);
            Assert.Equal(20, peer.Accuracy.Length);
            Assert.All(peer.Accuracy, a => Assert.InRange(a, 0.1, 1.0));   // better than chance, at most everything
            Assert.Equal(0.8, peer.Target);
            Assert.StartsWith("1.13", peer.Torch, StringComparison.Ordinal);
        }
        Assert.Null(PeerOracle.Load("formula-gradient"));
    }

    [Fact]
    public void The_paragraph_counts_seeds_and_places_the_run_in_the_spread()
    {
        var peer = new PeerOracle("1.13.0", "2026-11-25T12:00Z", "cmd", 0.8, [0.70, 0.75, 0.79, 0.81, 0.85]);
        Assert.Equal(2, peer.Reaching);
        Assert.Equal(0.4, peer.Rank(0.76), 12);
        var text = peer.Paragraph(0.76);
        Assert.Contains("from 70.0% to 85.0%, mean 78.0%", text, StringComparison.Ordinal);
        Assert.Contains("2 of 5 seeds reach 80.0%", text, StringComparison.Ordinal);
        Assert.Contains("at or above 40.0% of PyTorch's seeds", text, StringComparison.Ordinal);
        Assert.Contains("depends on the seed", text, StringComparison.Ordinal);
        Assert.Contains("out of this protocol's reach", new PeerOracle("1.13.0", "m", "c", 0.8, [0.6, 0.7]).Paragraph(0.65), StringComparison.Ordinal);
    }
}
