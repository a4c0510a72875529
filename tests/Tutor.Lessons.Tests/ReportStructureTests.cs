using Xunit.Sdk;

namespace Tutor.Lessons.Tests;

/// <summary>The report checks themselves must catch what they are for.</summary>
public sealed class ReportStructureTests
{
    [Fact]
    public void A_row_with_an_extra_cell_is_caught() =>
        Assert.ThrowsAny<XunitException>(() => ReportStructure.AssertTablesAreRectangular("| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n"));

    [Fact]
    public void An_unescaped_pipe_in_a_cell_is_caught() =>
        Assert.ThrowsAny<XunitException>(() => ReportStructure.AssertTablesAreRectangular("| a | b |\n| --- | --- |\n| x|y | 2 |\n"));

    [Fact]
    public void An_escaped_pipe_is_one_cell() =>
        ReportStructure.AssertTablesAreRectangular("| a | b |\n| --- | --- |\n| x\\|y | 2 |\n");

    [Fact]
    public void An_unclosed_inline_math_span_is_caught() =>
        Assert.ThrowsAny<XunitException>(() => ReportStructure.AssertMathCloses("The cost is $x + 1 and more.\n"));

    [Fact]
    public void An_unclosed_display_math_block_is_caught() =>
        Assert.ThrowsAny<XunitException>(() => ReportStructure.AssertMathCloses("$$\nx + 1\n\nMore text.\n"));

    [Fact]
    public void Closed_math_passes() => ReportStructure.AssertMathCloses("Inline $x$ and\n\n$$\ny\n$$\n");
}
