using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Tutor.Lessons.Reports;

namespace Tutor.Lessons.Tests;

public sealed class MarkdownWriterTests
{
    static string CellText(TableCell cell) => string.Concat(cell.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    [Fact]
    public void Pipes_in_cells_are_escaped_and_parse_back_as_one_cell()
    {
        var md = new MarkdownWriter().Table(["a", "b"], [["x | y", "|z|"]]).ToString();
        Assert.Contains(@"x \| y", md, StringComparison.Ordinal);
        var table = Assert.Single(ReportStructure.Parse(md).Descendants<Table>());
        var body = (TableRow)table[1];
        Assert.Equal(2, body.Count);
        Assert.Equal("x | y", CellText((TableCell)body[0]));
        Assert.Equal("|z|", CellText((TableCell)body[1]));
    }

    [Fact]
    public void Pipes_inside_math_in_cells_become_vert()
    {
        Assert.Equal(@"$\left\vert x\right\vert $ and a\|b", MarkdownWriter.Cell(@"$\left|x\right|$ and a|b"));
        ReportStructure.AssertTablesAreRectangular(new MarkdownWriter().Table(["m"], [[@"$|x|$"]]).ToString());
    }

    [Fact]
    public void Already_escaped_pipes_and_dollars_are_kept()
    {
        Assert.Equal(@"a\|b costs \$5", MarkdownWriter.Cell(@"a\|b costs \$5"));
    }

    [Fact]
    public void Line_breaks_in_cells_become_br()
    {
        Assert.Equal("one<br>two", MarkdownWriter.Cell("one\ntwo"));
    }

    [Fact]
    public void Short_rows_are_padded_and_long_rows_rejected()
    {
        var md = new MarkdownWriter().Table(["a", "b", "c"], [["1"]]).ToString();
        ReportStructure.AssertTablesAreRectangular(md);
        Assert.Throws<ArgumentException>(() => new MarkdownWriter().Table(["a"], [["1", "2"]]));
    }

    [Fact]
    public void Alignment_row_follows_the_alignments()
    {
        var md = new MarkdownWriter().Table(["a", "b", "c"], [], [Align.Left, Align.Right, Align.Center]).ToString();
        Assert.Contains("| --- | ---: | :---: |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_block_fence_outgrows_backticks_in_the_code()
    {
        var md = new MarkdownWriter().CodeBlock("md", "```\ninner\n```").ToString();
        Assert.StartsWith("````md\n", md, StringComparison.Ordinal);
        var block = Assert.Single(ReportStructure.Parse(md).Descendants<FencedCodeBlock>());
        Assert.Equal("```\ninner\n```", block.Lines.ToString());
    }

    [Fact]
    public void Inline_code_outgrows_backticks()
    {
        Assert.Equal("`` `x ``", MarkdownWriter.Code("`x"));
        Assert.Equal("``a`b``", MarkdownWriter.Code("a`b"));
    }

    [Fact]
    public void Math_is_parsed_as_math()
    {
        var md = new MarkdownWriter().Paragraph("Inline " + MarkdownWriter.InlineMath(" x^2 ") + ".").DisplayMath(@"\frac{a}{b}").ToString();
        Assert.Contains("$x^2$", md, StringComparison.Ordinal);
        Assert.Contains("$$\n\\frac{a}{b}\n$$", md, StringComparison.Ordinal);
        Assert.Equal(2, ReportStructure.MathSpans(md));
        ReportStructure.AssertMathCloses(md);
    }

    [Fact]
    public void Headings_are_single_lines()
    {
        var md = new MarkdownWriter().Heading(2, "two\nlines").ToString();
        Assert.Equal("## two lines\n\n", md);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkdownWriter().Heading(7, "x"));
    }

    [Theory]
    [InlineData(584.0869409997873, 15, "584.086940999787")]
    [InlineData(-19733.396484375, 9, "-19733.3965")]
    [InlineData(1e-6, 15, "1e-06")]
    public void Numbers_use_invariant_significant_digits(double value, int digits, string expected) =>
        Assert.Equal(expected, Num.Sig(value, digits));

    [Fact]
    public void Round_trip_and_tolerance_formats()
    {
        Assert.Equal(0.1, double.Parse(Num.R(0.1), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1e-8", Num.PowerOfTen(1e-8));
        Assert.Equal("1e-12", Num.PowerOfTen(1e-12));
        Assert.Equal("5.5e-07", Num.Sci(5.5e-7));
        Assert.Equal("0", Num.Sci(0));
        Assert.Equal("\u221219733.407431082", Num.Pretty(-19733.40743108211, 14));
        Assert.Equal(@"1.5 \times 10^{-20}", Num.Latex(1.5e-20));
        Assert.Equal(@"5.5 \times 10^{-7}", Num.SciLatex(5.5e-7));
    }
}
